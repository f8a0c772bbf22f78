import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';

// '/tmp/' ignores TMPDIR.
export async function withScratch(text) {
  const dir = await mkdtemp(join(os.tmpdir(), 'scratch-'));
  try {
    await writeFile(join(dir, 'a.txt'), text);
    return dir.length > 0;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
