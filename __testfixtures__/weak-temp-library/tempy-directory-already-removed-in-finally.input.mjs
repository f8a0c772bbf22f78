import fs from 'node:fs';
import path from 'node:path';
import { temporaryDirectory } from 'tempy';

// The code already removes the directory in a finally: the replacement needs no second one.
export function layout(names) {
  const dir = temporaryDirectory();
  try {
    for (const n of names) fs.writeFileSync(path.join(dir, n), n);
    const count = fs.readdirSync(dir).length;
    if (count > 2) throw new Error('too many');
    return count;
  } finally {
    fs.rmSync(dir, {force: true, recursive: true});
  }
}
