// Sources: where temp values come from. One line per API; `member` is the export called (dotted for
// nested objects, 'default' for a module called as a function, '' for the module's value itself).
import type { ModuleKind } from '../modules';

export interface Source {
  module: ModuleKind;
  member: string;
  /** `shared`: the shared temp directory itself; `name`: a name made up under it, not created. */
  yields: 'shared' | 'name';
  /** The call counts only with these literal first arguments (`app.getPath('temp')`). */
  firstArg?: string[];
  /** Where a callback API hands the value: the callback's parameter index (`tmp.tmpName((err, name) => …)`). */
  callbackParam?: number;
  /** The argument naming the directory the name is made in, when not the shared one by default (`uniqueFilename(dir)`). */
  dirArg?: number;
}

export const SOURCES: readonly Source[] = [
  { module: 'os', member: 'tmpdir', yields: 'shared' },
  { module: 'osTmpdir', member: 'default', yields: 'shared' },
  { module: 'tempDir', member: '', yields: 'shared' },
  { module: 'electron', member: 'app.getPath', yields: 'shared', firstArg: ['temp'] },
  { module: 'electron', member: 'remote.app.getPath', yields: 'shared', firstArg: ['temp'] },
  { module: 'tmp', member: 'tmpNameSync', yields: 'name' },
  { module: 'tmp', member: 'tmpName', yields: 'name', callbackParam: 1 },
  { module: 'tmpPromise', member: 'tmpName', yields: 'name' },
  { module: 'tmpPromise', member: 'tmpNameSync', yields: 'name' },
  { module: 'temp', member: 'path', yields: 'name' },
  { module: 'tempy', member: 'temporaryFile', yields: 'name' },
  { module: 'tempy', member: 'file', yields: 'name' },
  { module: 'tempfile', member: 'default', yields: 'name' },
  { module: 'uniqueFilename', member: 'default', yields: 'name', dirArg: 0 },
];

/** Environment variables that name the shared temp directory (`process.env.TMPDIR || '/tmp'`). */
export const TMP_ENV: ReadonlySet<string> = new Set(['TMPDIR', 'TMP', 'TEMP']);

/** Directories every local user can write to, named literally. */
export const SHARED_DIRS: readonly string[] = ['/tmp', '/var/tmp', '/dev/shm'];

export function findSource(module: ModuleKind, member: string): Source | undefined {
  return SOURCES.find((s) => s.module === module && s.member === member);
}
