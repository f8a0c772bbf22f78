import { writeFileSync, readFileSync } from 'node:fs';
import * as tmp from 'tmp';

export function stashPatch(patch: string, id: number): number {
  const privateDir = tmp.dirSync({ prefix: 'patch-', unsafeCleanup: true });
  try {
    const patchFile = privateDir.name + '/' + 'patch-' + id + '.diff';
    writeFileSync(patchFile, patch, { flag: 'wx', mode: 0o600 });
    return readFileSync(patchFile, 'utf8').split('\n').filter((l) => l.startsWith('+')).length;
  } finally {
    privateDir.removeCallback();
  }
}
