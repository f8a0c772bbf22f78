import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// A test fixture's shape: two private directories, both removed at the end, only when nothing throws.
// Each removal moves into its own finally; the old statements go rather than run twice.
export async function packInto(files) {
  const workDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'pack-work-'));
  try {
    const outDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'pack-out-'));

    try {
      for (const [name, text] of Object.entries(files)) {
        if (text === 'boom') throw new Error(`cannot pack ${name}`);
        await fs.promises.writeFile(path.join(workDir, name), text);
        await fs.promises.copyFile(path.join(workDir, name), path.join(outDir, name));
      }
      const packed = (await fs.promises.readdir(outDir)).length;
      return packed;
    } finally {
      await fs.promises.rm(outDir, { recursive: true, force: true });
    }
  } finally {
    await fs.promises.rm(workDir, { recursive: true, force: true });
  }
}
