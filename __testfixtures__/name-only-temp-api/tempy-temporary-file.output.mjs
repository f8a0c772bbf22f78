import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';

// tempy's temporaryFile() is a path only: the write creates it, non-exclusively.
export function stash(value) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stash-'));
  try {
    const file = path.join(privateDir, 'tmp.json');
    fs.writeFileSync(file, JSON.stringify(value), { flag: 'wx', mode: 0o600 });
    const back = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (back === 'bad') throw new Error('bad value');
    return back;
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}
