import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PendingWrite } from './types';

/**
 * Replaces `file` with new text atomically: a fresh temp file beside it (created exclusively, with the
 * original's mode), then a rename over the old name. Refuses when the file became a symlink or
 * changed since it was read. Returns an error message, or undefined on success.
 */
export function writeAtomically(file: string, pending: PendingWrite): string | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch (error) {
    return `cannot write: ${(error as Error).message}`;
  }
  if (stat.isSymbolicLink() || !stat.isFile()) return 'not written: the path is no longer a regular file';
  if (stat.size !== pending.size || stat.mtimeMs !== pending.mtimeMs) return 'not written: the file changed while tmpfix ran';

  const temp = path.join(path.dirname(file), `.${path.basename(file)}.tmpfix-${randomBytes(6).toString('hex')}`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', pending.mode);
    fs.fchmodSync(fd, pending.mode); // the umask must not narrow or change the original mode
    fs.writeFileSync(fd, pending.output);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, file);
    return undefined;
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    return `cannot write: ${(error as Error).message}`;
  }
}
