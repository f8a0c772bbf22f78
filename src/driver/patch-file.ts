import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeError, UsageError } from './errors';

/**
 * The `--patch FILE` output. A regular file (or a new one) is written to a temp file beside it and
 * renamed over FILE only when the run completes, so a failed or interrupted run leaves FILE as it was.
 * A device or FIFO (`/dev/null`, `>(cat)`) is written to directly. Every problem with the target
 * that can be seen up front is a usage error; a write that fails later is kept and reported by
 * `finish`.
 */
export class PatchFile {
  private failure: string | undefined;

  private constructor(
    readonly given: string,
    private readonly target: string,
    private fd: number | undefined,
    private readonly temp: string | undefined,
  ) {}

  /** `refuse` says why FILE must not be replaced (a file this run reads, a file git tracks), if it must not. */
  static open(given: string, cwd: string, refuse: (abs: string) => string | undefined): PatchFile {
    const target = path.resolve(cwd, given);
    const unusable = (why: string): UsageError => new UsageError(`cannot write --patch ${given}: ${why}`);
    let existing: fs.Stats | undefined;
    try {
      existing = fs.statSync(target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw unusable(describeError(error));
    }
    if (existing?.isDirectory()) throw unusable('EISDIR: it is a directory');
    if (existing && !existing.isFile()) {
      try {
        return new PatchFile(given, target, fs.openSync(target, 'w'), undefined);
      } catch (error) {
        throw unusable(describeError(error));
      }
    }
    const refusal = refuse(target);
    if (refusal) throw new UsageError(`refusing --patch ${given}: ${refusal}; name a file outside the run, such as tmpfix.patch`);
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.tmpfix-${randomBytes(6).toString('hex')}`);
    try {
      const fd = fs.openSync(temp, 'wx', 0o666);
      if (existing) fs.fchmodSync(fd, existing.mode & 0o7777);
      return new PatchFile(given, target, fd, temp);
    } catch (error) {
      fs.rmSync(temp, { force: true });
      throw unusable(describeError(error));
    }
  }

  /** Never throws: the first failure is kept and the rest of the patch is dropped. */
  write(text: string): void {
    if (this.fd === undefined || this.failure) return;
    try {
      fs.writeSync(this.fd, text);
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
      fs.renameSync(this.temp, this.target);
      return undefined;
    } catch (error) {
      this.discard();
      return `cannot write --patch ${this.given}: ${describeError(error)}; it was left as it was`;
    }
  }

  /** Leaves FILE as it was. */
  discard(): void {
    this.close();
    if (this.temp !== undefined) fs.rmSync(this.temp, { force: true });
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
