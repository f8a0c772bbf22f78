import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export async function listBuild(files) {
  const dir = path.join(os.tmpdir(), 'adopted-build');
  await fsp.mkdir(dir, { recursive: true });
  for (const f of files) await fsp.writeFile(path.join(dir, f), f);
  return fsp.readdir(dir);
}
