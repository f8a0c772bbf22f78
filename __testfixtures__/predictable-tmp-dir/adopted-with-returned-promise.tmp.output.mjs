import { promises as fsp } from 'node:fs';
import path from 'node:path';
import tmp from 'tmp';

export async function listBuild(files) {
  const privateDir = tmp.dirSync({ prefix: 'adopted-build-', unsafeCleanup: true });
  try {
    const dir = path.join(privateDir.name, 'adopted-build');
    await fsp.mkdir(dir, { recursive: true, mode: 0o700 });
    for (const f of files) await fsp.writeFile(path.join(dir, f), f, { mode: 0o600 });
    return await fsp.readdir(dir);
  } finally {
    privateDir.removeCallback();
  }
}
