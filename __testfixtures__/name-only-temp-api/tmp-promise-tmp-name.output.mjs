import { promises as fs } from 'node:fs';
import path from 'node:path';
import os from 'node:os';

// tmp-promise's tmpName resolves to a name that nobody created.
export async function touchAndMeasure(text) {
  const privateDir = await fs.mkdtemp(path.join(os.tmpdir(), 'touch-tmp-'));
  try {
    const name = path.join(privateDir, 'touch-tmp.txt');
    await fs.writeFile(name, text, { flag: 'wx', mode: 0o600 });
    const { size } = await fs.stat(name);
    if (size === 0) throw new Error('empty');
    await fs.unlink(name);
    return size;
  } finally {
    await fs.rm(privateDir, { recursive: true, force: true });
  }
}
