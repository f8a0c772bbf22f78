import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import safeMove from './safe-move.mjs';

// Removed at the end, after a helper of another module moves the file out: only on the happy path.
// The removal says the function owns the directory, whatever the helper does with the file.
export async function generate(name, code, cachePath) {
  const tmpDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'gen-'));
  try {
    const file = path.join(tmpDir, name);
    await fsp.writeFile(file, code);
    await safeMove(file, cachePath);
    await fsp.rmdir(tmpDir);
  } finally {
    await fsp.rm(tmpDir, { recursive: true, force: true });
  }
  return cachePath;
}
