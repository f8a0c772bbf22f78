import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';

// tempy's temporaryFile() is a path only: the write creates it, non-exclusively.
export function stash(value) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'stash-'));
  const file = path.join(privateDir.path, 'tmp.json');
  fs.writeFileSync(file, JSON.stringify(value), { flag: 'wx', mode: 0o600 });
  const back = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (back === 'bad') throw new Error('bad value');
  return back;
}
