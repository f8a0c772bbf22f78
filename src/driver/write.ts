import * as fs from 'node:fs';
import { describeError } from './errors';
import { CREATE_TEMP, tempPathBeside, track, untrack, writeAll } from './temp-files';
import type { FileIdentity, PendingWrite } from './types';

/** The original is held open for the whole replacement; never through a symlink, never blocking on a FIFO. */
const OPEN_ORIGINAL = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0);

const KEPT = 'your version is kept';

function unchanged(stat: fs.Stats, read: FileIdentity): boolean {
  return (
    stat.size === read.size &&
    stat.mtimeMs === read.mtimeMs &&
    stat.ctimeMs === read.ctimeMs &&
    stat.ino === read.ino &&
    stat.dev === read.dev
  );
}

/**
 * Replaces `file` with new text atomically: a fresh temp file beside it (created exclusively, with the
 * original's mode), then a rename over the old name. The original stays open from the first check
 * to the rename; it is compared with what was read (size, mtime, ctime, inode) before the temp file
 * is made and again just before the rename, and the path must still name that same file. Any
 * difference means someone edited it: their version stays and the reason is returned.
 * Returns an error message, or undefined on success.
 */
export function writeAtomically(file: string, pending: PendingWrite): string | undefined {
  let original: number;
  try {
    original = fs.openSync(file, OPEN_ORIGINAL);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return 'not written: the path is now a symlink';
    if (code === 'ENOENT') return 'not written: it was removed while tmpfix ran';
    return `cannot write: ${describeError(error)}`;
  }
  try {
    const before = fs.fstatSync(original);
    if (!before.isFile()) return 'not written: the path is no longer a regular file';
    if (!unchanged(before, pending)) return `not written: it changed since tmpfix read it; ${KEPT}`;
    return replace(file, original, pending);
  } catch (error) {
    return `cannot write: ${describeError(error)}`;
  } finally {
    fs.closeSync(original);
  }
}

function replace(file: string, original: number, pending: PendingWrite): string | undefined {
  const temp = tempPathBeside(file);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, CREATE_TEMP, 0o600);
    track(temp);
    fs.fchmodSync(fd, pending.mode); // the umask must not narrow or change the original mode
    writeAll(fd, pending.output);
    fs.closeSync(fd);
    fd = undefined;
    // The last look, as late as it can be: an edit saved while the new text was written wins.
    const now = fs.fstatSync(original);
    const atPath = fs.lstatSync(file);
    if (!unchanged(now, pending) || atPath.ino !== now.ino || atPath.dev !== now.dev) {
      discard(temp);
      return `not written: it changed while tmpfix prepared the new text; ${KEPT}`;
    }
    fs.renameSync(temp, file);
    untrack(temp);
    return undefined;
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    discard(temp);
    return `cannot write: ${describeError(error)}`;
  }
}

function discard(temp: string): void {
  fs.rmSync(temp, { force: true });
  untrack(temp);
}
