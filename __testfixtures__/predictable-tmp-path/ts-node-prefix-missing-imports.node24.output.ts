import { writeFileSync, readFileSync, mkdtempDisposableSync } from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';

export function stashPatch(patch: string, id: number): number {
  using privateDir = mkdtempDisposableSync(path.join(os.tmpdir(), 'patch-'));
  const patchFile = privateDir.path + '/' + 'patch-' + id + '.diff';
  writeFileSync(patchFile, patch, { flag: 'wx', mode: 0o600 });
  return readFileSync(patchFile, 'utf8').split('\n').filter((l) => l.startsWith('+')).length;
}
