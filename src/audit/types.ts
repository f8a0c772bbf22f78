// What the runtime recorders write and what the audit report is made of. Type-only: the Node
// preload imports it without loading anything, and the Python hook writes the same JSON shape.

/** Environment variables the parent sets for the recorders (and child processes inherit). */
export const ENV = {
  /** The private directory (mode 0700) where each process writes its records. */
  dir: 'TMPFIX_AUDIT_DIR',
  /** The project root: the first stack frame under it (outside node_modules) is the source location. */
  project: 'TMPFIX_AUDIT_PROJECT',
  /** The shared temp directories, separated by path.delimiter. */
  roots: 'TMPFIX_AUDIT_ROOTS',
  /** The Node preload, so that a child started with its own `env` still gets it. */
  preload: 'TMPFIX_AUDIT_PRELOAD',
  /** The directory holding the Python sitecustomize, likewise. */
  pythonPath: 'TMPFIX_AUDIT_PYTHONPATH',
} as const;

/**
 * How open to other users the place of a creation is. `direct`: right in a shared directory, where
 * every user can create names. `open-dir`: below it, but a directory on the way (the parent, or one
 * above it up to the top-level entry) is writable by group or others (mode & 0o022) or belongs to
 * another user (root and this user are trusted): a name there can be planted. `own-dir`: every
 * directory on the way is closed, and the top-level entry was made while the command ran (by this
 * process or another of the command): a temp directory of the command's own, where only the
 * permission bits of what it makes matter. Anything else below a shared directory (a project checked
 * out under /tmp, a directory there from before the command) is private and not recorded.
 */
export type Exposure = 'direct' | 'open-dir' | 'own-dir';

/** A source position as a stack frame gives it: 1-based line and column. */
export interface Frame {
  file: string;
  line: number;
  column: number;
}

/**
 * One kind of thing a process did at one place, counted. `create`: a file or directory made (or
 * opened for writing) directly in a shared temp directory, or in a directory there that is not
 * private. `check-then-open`: such a path opened for writing, non-exclusively, right after an
 * existence check looked at it.
 */
export interface RawEvent {
  kind: 'create' | 'check-then-open';
  /** The API (`fs.writeFileSync`, `open`, `os.mkdir`) or system call (`openat`) that did it. */
  call: string;
  /** `O_*` names for opens; `mkdir`, `mkdir -p`, `rename`, `copy`, `symlink`, `link` otherwise. */
  flags: string[];
  /** Refuses an existing name (O_EXCL, mkdir, symlink): nobody could have planted it first. */
  exclusive: boolean;
  /** Permission bits the object gets (requested & ~umask), or null when not known. */
  mode: number | null;
  directory: boolean;
  /** How open the place is to other users (absent in records of older recorders: taken as open-dir). */
  exposure?: Exposure;
  /** Where in the project (or, failing that, the first frame of real code); null for strace. */
  frame: Frame | null;
  inProject: boolean;
  /** The next few project frames up the stack (who handed the path to `frame`), as first seen. */
  callers?: Frame[];
  /** For check-then-open: where the check was, and which call. */
  check?: { call: string; frame: Frame | null };
  count: number;
  /** Up to a few example paths, as the process named them (resolved). */
  paths: string[];
  /** Every top-level entry of a shared directory that these events created under (for leftovers). */
  tops: string[];
  /**
   * The top-level entries these events made themselves (the entry did not exist before the call), with
   * when they last did: CLOCK_MONOTONIC in microseconds, the same clock in every process. Something left
   * behind is credited to the last call that made its name.
   */
  madeAt?: Record<string, number>;
}

/**
 * A process's records file is a log, one JSON object a line, each line written whole by one append
 * (O_APPEND): a process killed at any point leaves every line it wrote. `{ "process": … }` describes
 * the process (the last one counts: its overhead grows); `{ "key": …, "event": … }` is an event in
 * its current state (the last line for a key counts: its count grows).
 */
export type RecordLine = { process: Omit<ProcessRecords, 'events'> } | { key: string; event: RawEvent };

/** One process's (or thread's) records, as the parent reads them back. */
export interface ProcessRecords {
  version: 1;
  runtime: 'node' | 'python' | 'strace';
  pid: number;
  /** The program and its arguments, for records without a source line. */
  argv: string[];
  /** Milliseconds this process spent on the audit's own work (loading the recorder included). */
  overheadMs: number;
  events: RawEvent[];
}
