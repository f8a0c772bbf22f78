import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runConverter } from './run-converter.mjs';

// A converter writes into the shared temp directory; the code then moves its output away.
export async function convert(srcFile, destFile) {
  const tmpDir = os.tmpdir();
  await runConverter(['--convert-to', 'pdf', srcFile, '--outdir', tmpDir]);
  const base = path.basename(srcFile, path.extname(srcFile));
  await fs.rename(path.join(tmpDir, `${base}.pdf`), destFile);
}
