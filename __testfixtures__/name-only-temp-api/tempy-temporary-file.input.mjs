import fs from 'node:fs';
import { temporaryFile } from 'tempy';

// tempy's temporaryFile() is a path only: the write creates it, non-exclusively.
export function stash(value) {
  const file = temporaryFile({ extension: 'json' });
  fs.writeFileSync(file, JSON.stringify(value));
  const back = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (back === 'bad') throw new Error('bad value');
  return back;
}
