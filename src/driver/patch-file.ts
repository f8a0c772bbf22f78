import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeError, kindOf, UsageError } from './errors';
import { CREATE_TEMP, isTempName, tempPathBeside, track, untrack, writeAll } from './temp-files';

/**
 * The `--patch FILE` output. FILE is never opened: the patch goes to a new temp file beside it
 * (O_CREAT|O_EXCL|O_NOFOLLOW), renamed over FILE only when the run completes, so a failed or
 * interrupted run leaves FILE as it was. What may stand at FILE is a regular file of the caller's own
 * or nothing; a symlink, a FIFO, a device, a socket or another user's file is refused (in a shared
 * directory such as /tmp, another user may have planted it). `/dev/null` and `/dev/stdout` are the
 * two exceptions, by name. Every problem that can be seen up front is a usage error; a write that
 * fails later is kept and reported by `finish`.
 */
export class PatchFile {
  private failure: string | undefined;
  /** Temp files of earlier runs beside FILE that were interrupted before they could clean up. */
  readonly staleTemps: string[] = [];

  private constructor(
    readonly given: string,
    /** `file`: a temp file renamed over FILE; `stdout`: the run's own stdout; `null`: dropped. */
    readonly kind: 'file' | 'stdout' | 'null',
    private readonly target: string,
    private fd: number | undefined,
    private readonly temp: string | undefined,
    private readonly sink: ((text: string) => void) | undefined,
  ) {}

  /**
   * `refuse` says why FILE must not be replaced (a file this run reads, a file git tracks), if it
   * must not; `stdout` writes to the run's stdout, for `--patch /dev/stdout`.
   */
  static open(given: string, cwd: string, refuse: (abs: string) => string | undefined, stdout: (text: string) => void): PatchFile {
    const target = path.resolve(cwd, given);
    const unusable = (why: string): UsageError => new UsageError(`cannot write --patch ${given}: ${why}`);
    const refused = (why: string): UsageError => new UsageError(`refusing --patch ${given}: ${why}; name a file of your own outside the run, such as tmpfix.patch, /dev/stdout or /dev/null`);
    if (target === '/dev/stdout') return new PatchFile(given, 'stdout', target, undefined, undefined, stdout);
    if (target === '/dev/null') return new PatchFile(given, 'null', target, undefined, undefined, undefined);

    const existing = lstatOrUndefined(target, unusable);
    const problem = existing && unacceptable(existing);
    if (existing?.isDirectory()) throw unusable('EISDIR: it is a directory');
    if (problem) throw refused(problem);
    const refusal = refuse(target);
    if (refusal) throw new UsageError(`refusing --patch ${given}: ${refusal}; name a file outside the run, such as tmpfix.patch`);

    const temp = tempPathBeside(target);
    let fd: number;
    try {
      fd = fs.openSync(temp, CREATE_TEMP, 0o666);
      track(temp);
      if (existing) fs.fchmodSync(fd, existing.mode & 0o777);
    } catch (error) {
      untrack(temp);
      fs.rmSync(temp, { force: true });
      throw unusable(describeError(error));
    }
    const patch = new PatchFile(given, 'file', target, fd, temp, undefined);
    patch.staleTemps.push(...staleBeside(target, temp));
    return patch;
  }

  /** Never throws: the first failure is kept and the rest of the patch is dropped. */
  write(text: string): void {
    if (this.sink) return this.sink(text);
    if (this.fd === undefined || this.failure) return;
    try {
      writeAll(this.fd, text);
    } catch (error) {
      this.failure = describeError(error);
    }
  }

  /** Puts the patch in place; returns why it could not be, or undefined. */
  finish(): string | undefined {
    this.close();
    if (this.failure) {
      this.discard();
      return `cannot write --patch ${this.given}: ${this.failure}; it was left as it was`;
    }
    if (this.temp === undefined) return undefined;
    try {
      // Checked again at the end: what stands at FILE may have been swapped during the run.
      const now = lstatOrUndefined(this.target, (why) => new Error(why));
      const problem = now && (now.isDirectory() ? 'it is a directory' : unacceptable(now));
      if (problem) {
        this.discard();
        return `refusing --patch ${this.given}: ${problem} now (it changed during the run); it was left as it was`;
      }
      fs.renameSync(this.temp, this.target);
      untrack(this.temp);
      return undefined;
    } catch (error) {
      this.discard();
      return `cannot write --patch ${this.given}: ${describeError(error)}; it was left as it was`;
    }
  }

  /** Leaves FILE as it was. */
  discard(): void {
    this.close();
    if (this.temp === undefined) return;
    fs.rmSync(this.temp, { force: true });
    untrack(this.temp);
  }

  private close(): void {
    if (this.fd === undefined) return;
    try {
      fs.closeSync(this.fd);
    } catch (error) {
      this.failure ??= describeError(error);
    }
    this.fd = undefined;
  }
}

function lstatOrUndefined(file: string, fail: (why: string) => Error): fs.Stats | undefined {
  try {
    return fs.lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw fail(describeError(error));
  }
}

/** Why the thing at FILE must not be replaced by the patch, or undefined for a regular file of the caller's. */
function unacceptable(stat: fs.Stats): string | undefined {
  if (stat.isDirectory()) return undefined; // reported as EISDIR by the caller
  if (!stat.isFile()) return `it is ${kindOf(stat)}`;
  const me = process.geteuid?.();
  if (me !== undefined && stat.uid !== me) return `it belongs to another user (uid ${stat.uid})`;
  return undefined;
}

/** Temp files of interrupted runs for the same FILE (not this run's own). */
function staleBeside(target: string, own: string): string[] {
  const prefix = `.${path.basename(target)}.tmpfix-`;
  try {
    return fs
      .readdirSync(path.dirname(target))
      .filter((name) => name.startsWith(prefix) && isTempName(name))
      .map((name) => path.join(path.dirname(target), name))
      .filter((file) => file !== own);
  } catch {
    return [];
  }
}
