import { writeFileSync, readFileSync } from 'node:fs';

export function stashPatch(patch: string, id: number): number {
  const patchFile = '/tmp/' + 'patch-' + id + '.diff';
  writeFileSync(patchFile, patch);
  return readFileSync(patchFile, 'utf8').split('\n').filter((l) => l.startsWith('+')).length;
}
