import { spawnSync } from 'node:child_process';
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
    return replace(file, original, before, pending);
  } catch (error) {
    return `cannot write: ${describeError(error)}`;
  } finally {
    fs.closeSync(original);
  }
}

function replace(file: string, original: number, before: fs.Stats, pending: PendingWrite): string | undefined {
  const temp = tempPathBeside(file);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, CREATE_TEMP, 0o600);
    track(temp);
    // Owner first: chown clears setuid and setgid, so the mode comes after it.
    const created = fs.fstatSync(fd);
    if (created.uid !== before.uid || created.gid !== before.gid) {
      try {
        fs.fchownSync(fd, before.uid, before.gid);
      } catch (error) {
        fs.closeSync(fd);
        fd = undefined;
        discard(temp);
        return `not written: cannot keep its owner and group (uid ${before.uid}, gid ${before.gid}): ${describeError(error)}; it was left as it was`;
      }
    }
    const attributes = copyExtendedAttributes(file, temp);
    if (attributes) {
      fs.closeSync(fd);
      fd = undefined;
      discard(temp);
      return `not written: cannot keep its extended attributes (${attributes}); it was left as it was`;
    }
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

let attributesNote: string | undefined;
let attributesCopy = process.platform === 'linux';

/** Why extended attributes could not be kept on this machine at all, once per run, if they could not. */
export function extendedAttributesNote(): string | undefined {
  return attributesNote;
}

/**
 * Node has no xattr calls: GNU cp copies the extended attributes, ACLs included (`mode` carries
 * them), from the original to the temp file before its final mode is set. Returns why they could
 * not be copied, or undefined. Where cp lacks --attributes-only (not GNU coreutils), or off Linux,
 * the attributes are not kept and the run says so once.
 */
function copyExtendedAttributes(from: string, to: string): string | undefined {
  if (!attributesCopy) return undefined;
  const copied = spawnSync('cp', ['--attributes-only', '--preserve=mode,xattr', '--', from, to], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
  if (copied.status === 0) return undefined;
  const message = (copied.stderr || copied.error?.message || `cp exited with ${copied.status}`).trim().split('\n')[0];
  if (copied.error || /unrecognized option|invalid option|illegal option|unknown option/.test(message)) {
    attributesCopy = false;
    attributesNote = `extended attributes and ACLs of rewritten files are not kept here (cp --attributes-only: ${message})`;
    return undefined;
  }
  return message;
}
