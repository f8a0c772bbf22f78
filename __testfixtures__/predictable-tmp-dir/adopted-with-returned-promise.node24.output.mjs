import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export async function listBuild(files) {
  await using privateDir = await fsp.mkdtempDisposable(path.join(os.tmpdir(), 'adopted-build-'));
  const dir = path.join(privateDir.path, 'adopted-build');
  await fsp.mkdir(dir, { recursive: true, mode: 0o700 });
  for (const f of files) await fsp.writeFile(path.join(dir, f), f, { mode: 0o600 });
  return await fsp.readdir(dir);
}
