import { promises as fs } from 'node:fs';
import path from 'node:path';
import os from 'node:os';

// tmp-promise's tmpName resolves to a name that nobody created.
export async function touchAndMeasure(text) {
  await using privateDir = await fs.mkdtempDisposable(path.join(os.tmpdir(), 'touch-tmp-'));
  const name = path.join(privateDir.path, 'touch-tmp.txt');
  await fs.writeFile(name, text, { flag: 'wx', mode: 0o600 });
  const { size } = await fs.stat(name);
  if (size === 0) throw new Error('empty');
  await fs.unlink(name);
  return size;
}
