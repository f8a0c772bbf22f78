import type { Finding, Target } from '../index';
import type { Alert } from './alerts';
import type { PythonChoice } from './python-target';

export type Mode = 'dry-run' | 'write' | 'check';
/** A file's rewrite flavour: a JavaScript target, or `python` for `.py` files. */
export type FileTarget = Target | 'python';
export type Format = 'text' | 'json' | 'sarif';
export type TargetChoice = Target | 'auto';

/** Everything the CLI decided; the driver takes it from here. */
export interface RunOptions {
  paths: string[];
  mode: Mode;
  format: Format;
  patchFile?: string;
  allowDirty: boolean;
  rules?: string[];
  target: TargetChoice;
  /** `--python`: Python rewrites for 2.7 and 3 (`2`), for 3 only (`3`), or as the project's metadata says (`auto`, the default). */
  python?: PythonChoice;
  jobs: number;
  include: string[];
  exclude: string[];
  useIgnoreFiles: boolean;
  /** `--with-node-modules`: node_modules directories are read like any other (still subject to .gitignore). */
  withNodeModules?: boolean;
  shard?: { index: number; count: number };
  inspect: boolean;
  /** `--cache`: reuse what the engine made of files whose text and inputs are unchanged since the last run. */
  cache?: boolean;
  /**
   * Locations other tools flagged (`--from-sarif`, `--from-audit`): the run reads only these files,
   * rewrites only these lines, and reports what became of each alert.
   */
  alerts?: Alert[];
  /** Where the alerts came from and what was left out, for the summary ("3 alert(s) from 1 SARIF log"). */
  alertSource?: string;
}

/** Why a file was not looked at. */
export type SkipReason =
  | 'gitignored'
  | 'excluded'
  | 'node_modules'
  | 'symlink'
  | 'not-a-file'
  | 'unsupported-extension'
  | 'declaration-file'
  | 'binary'
  | 'not-utf8'
  | 'too-large'
  | 'minified'
  | 'bundled'
  | 'compiled';

/** Why a file that was read came out unchanged (for --inspect). */
/**
 * `prefilter`: no rule's pattern in the text; `no-helper-facts`: only a temp helper's name (`tmpDir`)
 * in it, and none of its local imports holds or returns a temp path; both not parsed.
 */
export type UnchangedWhy = 'prefilter' | 'no-helper-facts' | 'no-findings' | 'review-only' | 'suppressed' | 'held-back';

/** One unit of work for a worker: a file to read, check and transform. */
export interface Task {
  seq: number;
  abs: string;
  rel: string;
  target: FileTarget;
  /** A Python file whose project declares Python 2 support: its rewrites must run on 2.7 too. */
  python2?: boolean;
  /** With alerts: the only lines whose rewrites may be kept (TransformOptions.locations). */
  locations?: { line: number }[];
  /** A directory listing showed it as a regular file (not a path named on the command line). */
  seenAsFile?: boolean;
}

/** What the workers are asked to send back for changed files. */
export interface WorkerConfig {
  rules?: string[];
  wantPatch: boolean;
  wantReplacements: boolean;
  wantOutput: boolean;
  /** A run with `--cache`: each result carries the engine's outcome for the main thread to store. */
  keepOutcome?: boolean;
}

/**
 * What the engine made of a candidate's text: the new text when it changed, and the findings; or
 * the parser's complaint. It depends on nothing but the candidate's text and inputs (the engine
 * reads no file), which is what lets `--cache` keep it.
 */
export type EngineOutcome =
  | { kind: 'done'; output?: string; findings: Finding[] }
  | { kind: 'parse'; message: string; line?: number; column?: number };

/** Lines of one diff hunk, 1-based, for json reports. */
export interface HunkSummary {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
}

/** A SARIF-style replacement on the original text (character offsets, BOM excluded). */
export interface Replacement {
  offset: number;
  length: number;
  inserted: string;
}

/** What a file looked like when it was read: any difference at write time means someone edited it. */
export interface FileIdentity {
  mode: number;
  size: number;
  mtimeMs: number;
  /** Changes with every write, and with `touch -r` or `cp -p` that put an old mtime back. */
  ctimeMs: number;
  /** A new inode: the file was replaced by a rename (`rsync -t`, editors that save atomically). */
  ino: number;
  dev: number;
}

/** The new text of a changed file and what the file looked like when it was read. */
export interface PendingWrite extends FileIdentity {
  output: string;
}

interface Base {
  seq: number;
  rel: string;
  /** With `config.keepOutcome`: what the engine made of the file, taken off before the result is reported. */
  outcome?: EngineOutcome;
  /** The result came from `--cache`: the file was not parsed again. */
  cached?: boolean;
}
export interface SkippedResult extends Base {
  status: 'skipped';
  reason: SkipReason;
  detail?: string;
}
export interface UnchangedResult extends Base {
  status: 'unchanged';
  why: UnchangedWhy;
  target: FileTarget;
  /** Set by the main thread: why the file got its target, and what will not work with it. */
  targetReason?: string;
  targetWarning?: string;
  findings: Finding[];
}
export interface ChangedResult extends Base {
  status: 'changed';
  target: FileTarget;
  targetReason?: string;
  targetWarning?: string;
  findings: Finding[];
  hunks: HunkSummary[];
  patch?: string;
  replacements?: Replacement[];
  write?: PendingWrite;
  /** After --write: whether the new text is on disk, or why not. */
  written?: boolean;
  writeError?: string;
}
export interface ErrorResult extends Base {
  status: 'error';
  kind: 'parse' | 'internal' | 'io';
  message: string;
  line?: number;
  column?: number;
}
export type FileResult = SkippedResult | UnchangedResult | ChangedResult | ErrorResult;

/** A directory the walk did not enter (by rule, not by failure); only --inspect shows it. */
export interface DirSkipEvent extends Base {
  status: 'dir-skipped';
  reason: string;
}
