import { writeFileSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';

export function stashPatch(patch: string, id: number): number {
  const privateDir = mkdtempSync(path.join(os.tmpdir(), 'patch-'));
  try {
    const patchFile = privateDir + '/' + 'patch-' + id + '.diff';
    writeFileSync(patchFile, patch, { flag: 'wx', mode: 0o600 });
    return readFileSync(patchFile, 'utf8').split('\n').filter((l) => l.startsWith('+')).length;
  } finally {
    rmSync(privateDir, { recursive: true, force: true });
  }
}
