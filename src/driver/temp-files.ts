import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The temp files tmpfix itself makes (a rewritten source before its rename, the --patch file before
 * it is put in place): `.NAME.tmpfix-XXXXXXXXXXXX` beside NAME, so that the rename stays on one file
 * system. They are removed when a run fails or is interrupted by SIGINT, SIGTERM or SIGHUP; one left
 * by a run that could not clean up (kill -9, a crash) is reported by the next run that meets it.
 */
const SUFFIX_BYTES = 6;
const STALE_NAME = new RegExp(`^\\..+\\.tmpfix-[0-9a-f]{${SUFFIX_BYTES * 2}}$`);

export function tempPathBeside(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.tmpfix-${randomBytes(SUFFIX_BYTES).toString('hex')}`);
}

/** Whether a directory entry's name is one of tmpfix's own temp files. */
export function isTempName(name: string): boolean {
  return STALE_NAME.test(name);
}

/** Flags for creating a temp file: never through a symlink, never over an existing name. */
export const CREATE_TEMP = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0);

/** Writes all of `text`: a short write (a file size limit, a full disk) is retried until it fails. */
export function writeAll(fd: number, text: string | Buffer): void {
  const buffer = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  for (let done = 0; done < buffer.length; ) done += fs.writeSync(fd, buffer, done, buffer.length - done);
}

const live = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type CleanupSignal = (typeof SIGNALS)[number];
let listening = false;
let onInterrupt: ((signal: CleanupSignal) => void) | undefined;

/** A temp file that exists now and must go if the run stops before it is renamed or discarded. */
export function track(file: string): void {
  live.add(file);
}

export function untrack(file: string): void {
  live.delete(file);
}

function removeLive(): void {
  for (const file of live) {
    try {
      fs.rmSync(file, { force: true });
    } catch {
      // Nothing more can be done while the process goes down; the next run reports what is left.
    }
  }
  live.clear();
}

function handle(signal: CleanupSignal): void {
  removeLive();
  onInterrupt?.(signal);
  stopCleanupOnSignals();
  // Dying of the signal itself tells the shell what happened (exit status 128 + N).
  process.kill(process.pid, signal);
}

/**
 * From now on SIGINT, SIGTERM and SIGHUP remove the live temp files, call `interrupted`, then end
 * the process with that signal. Handlers run between two pieces of synchronous work, so a file
 * being replaced is either fully replaced or untouched.
 */
export function cleanUpOnSignals(interrupted: (signal: CleanupSignal) => void): void {
  onInterrupt = interrupted;
  if (listening) return;
  listening = true;
  for (const signal of SIGNALS) process.on(signal, handle);
}

export function stopCleanupOnSignals(): void {
  if (!listening) return;
  listening = false;
  onInterrupt = undefined;
  for (const signal of SIGNALS) process.removeListener(signal, handle);
}
