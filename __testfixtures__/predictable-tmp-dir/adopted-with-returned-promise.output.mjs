import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export async function listBuild(files) {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'adopted-build-'));
  try {
    for (const f of files) await fsp.writeFile(path.join(dir, f), f, { mode: 0o600 });
    return await fsp.readdir(dir);
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
}
