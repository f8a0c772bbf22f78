import * as fs from 'node:fs';
import type { Finding } from '../index';
import type { ModuleFacts } from '../engine/dataflow/facts';
// The parser and @babel/types load inside the engine on the first parse: a run over a repository with
// no temp-file code never pays for them.
import { prefilterMatch, transformSource } from '../../transforms';
import { InternalError, ParseError } from '../engine/run';
import { pythonPrefilter } from '../python/prefilter';
import { BUNDLE_MIN_BYTES, MAX_FILE_BYTES, MAX_LINE_LENGTH, MAX_PARSE_BYTES } from './limits';
import { fixedOutsideLocations, holdBackRewrite } from './alerts';
import { gitDiff, replacementsFor } from './diff';
import { describeError, kindOf } from './errors';
import type { EngineOutcome, ErrorResult, FileIdentity, FileResult, Task, WorkerConfig } from './types';

/**
 * The Python side loads on the first Python file past the prefilter. Its parser is WebAssembly that
 * starts asynchronously: `readyFor` gives the promise to await before the transform (once per
 * thread; later files get nothing to await).
 */
let python: typeof import('../python/run') | undefined;
function loadPython(): typeof import('../python/run') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  python ??= require('../python/run') as typeof import('../python/run');
  return python;
}
/** What to await before `transformCandidate` can run on this candidate, if anything. */
export function readyFor(candidate: Candidate): Promise<void> | undefined {
  if (candidate.task.target !== 'python') return undefined;
  const side = loadPython();
  return side.pythonLoaded() ? undefined : side.pythonReady();
}

const BOM = '\ufeff';

/** The first line longer than `limit` (1-based) and its length, or undefined: no object per line. */
function lineLongerThan(text: string, limit: number): { line: number; length: number } | undefined {
  if (text.length <= limit) return undefined;
  let start = 0;
  for (let line = 1; ; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    if (end - start > limit) return { line, length: end - start };
    if (newline === -1) return undefined;
    start = newline + 1;
  }
}

/**
 * O_NOFOLLOW refuses a symlink swapped in after discovery; O_NONBLOCK keeps a FIFO (named on the
 * command line or swapped in) from blocking the open, and fstat then refuses it before any read.
 */
const READ_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0);

function openFailure(task: Task, error: unknown): FileResult {
  const { seq, rel } = task;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return { seq, rel, status: 'skipped', reason: 'symlink' };
  if (code === 'ENXIO') {
    // open() on a Unix socket fails with ENXIO: it is not a file, not an unreadable one.
    try {
      const stat = fs.lstatSync(task.abs);
      if (!stat.isFile()) return { seq, rel, status: 'skipped', reason: 'not-a-file', detail: kindOf(stat) };
    } catch {
      // gone as well: reported as the open's failure
    }
  }
  return { seq, rel, status: 'error', kind: 'io', message: `cannot read: ${describeError(error)}` };
}

let readBuffer: Buffer | undefined;

/**
 * One open, one fstat, one read: only a regular file is read, and the size and time of this very read
 * travel with the text, so that --write notices a change made before it writes.
 */
function readRegularFile(task: Task): { buffer: Buffer; stat: fs.Stats } | FileResult {
  const { seq, rel } = task;
  let fd: number;
  try {
    fd = fs.openSync(task.abs, READ_FLAGS);
  } catch (error) {
    return openFailure(task, error);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { seq, rel, status: 'skipped', reason: 'not-a-file', detail: kindOf(stat) };
    if (stat.size > MAX_FILE_BYTES) {
      return { seq, rel, status: 'skipped', reason: 'too-large', detail: `${stat.size} bytes > ${MAX_FILE_BYTES}` };
    }
    // One buffer per thread for every read: the text is decoded from it before the next file.
    readBuffer ??= Buffer.allocUnsafe(MAX_FILE_BYTES + 1);
    const buffer = readBuffer.subarray(0, stat.size);
    let filled = 0;
    while (filled < buffer.length) {
      const got = fs.readSync(fd, buffer, filled, buffer.length - filled, null);
      if (got === 0) break;
      filled += got;
    }
    return { buffer: buffer.subarray(0, filled), stat };
  } catch (error) {
    return { seq, rel, status: 'error', kind: 'io', message: `cannot read: ${describeError(error)}` };
  } finally {
    fs.closeSync(fd);
  }
}

function slimFindings(findings: Finding[]): Finding[] {
  return findings.map(({ ruleId, message, line, column, endLine, endColumn, fixed, suppressed, summary, callerRemoves }) => ({
    ruleId, message, line, column, endLine, endColumn, fixed, suppressed, summary, ...(callerRemoves ? { callerRemoves } : {}),
  }));
}

/** A source map comment at the end: the file is compiled from another source, which is what to fix. */
const SOURCE_MAP_COMMENT = /\/[/*][#@] sourceMappingURL=\S+\s*(\*\/\s*)?$/;
/**
 * Runtime helpers that bundlers (webpack, esbuild, rollup, rolldown) put into their output; rolldown's
 * chunks import theirs from a shared `rolldown-runtime-<hash>.mjs` (`__commonJSMin`, `__require`).
 */
const BUNDLER_RUNTIME = /__webpack_require__|\b__commonJS(?:Min)?\(|\b__toESM\(|^\/\/#region |\/rolldown-runtime[\w-]*\.[cm]?js['"]/m;
/** Names a bundler renamed to keep modules apart (`resolve$1`, `list$2`): rollup's and rolldown's mark. */
const DECONFLICTED = /\b[A-Za-z_][\w]*\$\d+\b/g;

function bundlerMarks(source: string): boolean {
  if (BUNDLER_RUNTIME.test(source)) return true;
  let renamed = 0;
  DECONFLICTED.lastIndex = 0;
  while (DECONFLICTED.exec(source) && ++renamed < 5);
  return renamed >= 5;
}

/**
 * Build output is left alone, with the reason: fixing it is pointless (the next build overwrites it)
 * and parsing it costs more than the rest of a typical repository. Checked only on files that passed
 * the prefilter.
 */
function generatedBy(source: string): { reason: 'compiled' | 'bundled'; detail: string } | undefined {
  if (SOURCE_MAP_COMMENT.test(source.slice(-1024))) return { reason: 'compiled', detail: 'ends with a sourceMappingURL comment: build output, fix its source instead' };
  if (source.length > BUNDLE_MIN_BYTES && bundlerMarks(source)) return { reason: 'bundled', detail: 'bundler output: its runtime helpers or renamed names such as resolve$1' };
  if (source.length > MAX_PARSE_BYTES) return { reason: 'bundled', detail: `${source.length} characters > ${MAX_PARSE_BYTES}: taken for a bundle, not parsed` };
  return undefined;
}

/** A file that passed every cheap check and the prefilter: its text goes to a parse. */
export interface Candidate {
  task: Task;
  source: string;
  bom: string;
  stat: FileIdentity;
  /** From the repository pre-pass: what the modules it imports export, by specifier. */
  moduleFacts?: ModuleFacts;
  /** From the repository pre-pass: fixed temp names other files use too. */
  sharedNames?: Record<string, string>;
  /** From the repository pre-pass, Python only: where the program points tempfile.tempdir at a directory from mkdtemp. */
  privateTempdir?: string;
  /**
   * Only a name that matters with a temp helper's facts got it past the prefilter (`tmpDir`): it is
   * parsed only if the pre-pass finds facts for one of its imports (`settleWithoutFacts`).
   */
  needsFacts?: true;
}

/** The text checks every file gets: binary, encoding, minified, prefilter. Text that passes them all needs a parse. */
function checkText(task: Task, buffer: Buffer): FileResult | { source: string; bom: string; needsFacts?: true } {
  const { seq, rel, target } = task;
  if (buffer.includes(0)) return { seq, rel, status: 'skipped', reason: 'binary', detail: 'contains a NUL byte' };
  const decoded = buffer.toString('utf8');
  if (decoded.includes('\ufffd') && !Buffer.from(decoded, 'utf8').equals(buffer)) {
    return { seq, rel, status: 'skipped', reason: 'not-utf8', detail: 'rewriting would change bytes outside the edits' };
  }
  const bom = decoded.startsWith(BOM) ? BOM : '';
  const source = decoded.slice(bom.length);
  const long = lineLongerThan(source, MAX_LINE_LENGTH);
  if (long) {
    return { seq, rel, status: 'skipped', reason: 'minified', detail: `line ${long.line} has ${long.length} characters` };
  }
  if (target === 'python') {
    if (!pythonPrefilter(source)) return { seq, rel, status: 'unchanged', why: 'prefilter', target, findings: [] };
    return { source, bom };
  }
  const match = prefilterMatch(source);
  if (!match) return { seq, rel, status: 'unchanged', why: 'prefilter', target, findings: [] };
  return match === 'with-facts' ? { source, bom, needsFacts: true } : { source, bom };
}

/**
 * For a file the directory listing showed as a regular file: open and read, without the fstat
 * (with Node 20's four Date objects) that only a file to parse needs. The result when the text
 * checks settle the file; undefined when it needs a parse, or is too large to tell: then it is read
 * again the careful way, its identity taken before its text. A FIFO swapped in since the listing
 * cannot block the open (O_NONBLOCK); whatever it gives is only text to check.
 */
function settledByListing(task: Task): FileResult | undefined {
  let fd: number;
  try {
    fd = fs.openSync(task.abs, READ_FLAGS);
  } catch (error) {
    return openFailure(task, error);
  }
  let filled = 0;
  try {
    readBuffer ??= Buffer.allocUnsafe(MAX_FILE_BYTES + 1);
    // A read of a regular file that returns less than asked has reached its end: no second read for the 0.
    for (let wanted = readBuffer.length; filled < readBuffer.length; ) {
      const got = fs.readSync(fd, readBuffer, filled, wanted, null);
      filled += got;
      if (got < wanted) break;
      wanted = readBuffer.length - filled;
    }
  } catch {
    return undefined; // EISDIR, EAGAIN and the like: the careful read says what it is
  } finally {
    fs.closeSync(fd);
  }
  if (filled > MAX_FILE_BYTES) return undefined;
  const checked = checkText(task, readBuffer.subarray(0, filled));
  return 'status' in checked ? checked : undefined;
}

/**
 * Reads one file and runs the cheap checks (symlink, size, binary, encoding, minified, prefilter).
 * Returns the file's final result, or a candidate to transform. Never throws.
 */
export function readCandidate(task: Task): Candidate | FileResult {
  const { seq, rel } = task;
  if (task.seenAsFile) {
    const settled = settledByListing(task);
    if (settled) return settled;
  }
  const read = readRegularFile(task);
  if ('status' in read) return read;
  const { buffer, stat } = read;
  const checked = checkText(task, buffer);
  if ('status' in checked) return checked;
  const { source, bom, needsFacts } = checked;
  // Bundles and source-mapped output are JavaScript's; Python files are parsed whatever their size.
  const generated = task.target === 'python' ? undefined : generatedBy(source);
  if (generated) return { seq, rel, status: 'skipped', reason: generated.reason, detail: generated.detail };
  const { size, mtimeMs, ctimeMs, ino, dev } = stat;
  return { task, source, bom, stat: { mode: stat.mode & 0o7777, size, mtimeMs, ctimeMs, ino, dev }, ...(needsFacts ? { needsFacts } : {}) };
}

/**
 * A candidate that only a helper's name let through, when the pre-pass found no temp facts for any
 * of its imports: without them the engine finds no temp source in it, so it is not parsed.
 */
export function settleWithoutFacts(candidate: Candidate): FileResult | undefined {
  if (!candidate.needsFacts || candidate.moduleFacts) return undefined;
  const { seq, rel, target } = candidate.task;
  return { seq, rel, status: 'unchanged', why: 'no-helper-facts', target, findings: [] };
}

/** Parses and runs every rule: one parse, one print. An internal error is a result, never cached. */
export function runEngine({ task, source, moduleFacts, sharedNames, privateTempdir }: Candidate, config: WorkerConfig): EngineOutcome | ErrorResult {
  const { seq, rel, target } = task;
  let result;
  try {
    const locations = task.locations ? { locations: task.locations } : {};
    result = target === 'python'
      ? loadPython().transformSource(source, rel, { rules: config.rules, ...locations, sharedNames, ...(task.python2 ? { python2: true } : {}), ...(privateTempdir ? { privateTempdir } : {}) })
      : transformSource(source, rel, { target, rules: config.rules, ...locations, moduleFacts, sharedNames });
  } catch (error) {
    if (error instanceof ParseError) return { kind: 'parse', message: error.message, line: error.line, column: error.column };
    const message = error instanceof InternalError ? error.message : `rule crashed: ${(error as Error)?.stack ?? String(error)}`;
    return { seq, rel, status: 'error', kind: 'internal', message };
  }
  const findings = slimFindings(result.findings);
  return result.changed ? { kind: 'done', output: result.output, findings } : { kind: 'done', findings };
}

/** The file's result from what the engine made of it: the diff, what to write, what to report. */
export function finishCandidate({ task, source, bom, stat }: Candidate, outcome: EngineOutcome, config: WorkerConfig): FileResult {
  const { seq, rel, target } = task;
  if (outcome.kind === 'parse') return { seq, rel, status: 'error', kind: 'parse', message: outcome.message, line: outcome.line, column: outcome.column };
  const { findings, output } = outcome;
  const outside = output !== undefined && task.locations ? fixedOutsideLocations(findings, task.locations) : [];
  if (outside.length) return { seq, rel, status: 'unchanged', why: 'held-back', target, findings: holdBackRewrite(findings, outside) };
  if (output === undefined) {
    const why = findings.length === 0 ? 'no-findings' : findings.every((f) => f.suppressed) ? 'suppressed' : 'review-only';
    return { seq, rel, status: 'unchanged', why, target, findings };
  }
  const before = bom + source;
  const after = bom + output;
  const diff = gitDiff(rel, before, after);
  return {
    seq, rel, status: 'changed', target, findings,
    hunks: diff.hunks,
    patch: config.wantPatch ? diff.patch : undefined,
    replacements: config.wantReplacements ? replacementsFor(source, output) : undefined,
    write: config.wantOutput ? { output: after, ...stat } : undefined,
  };
}

/**
 * Parses and transforms a candidate. Never throws; never writes. With `config.keepOutcome` (a run
 * with `--cache`) the engine's outcome travels with the result, for the main thread to store.
 */
export function transformCandidate(candidate: Candidate, config: WorkerConfig): FileResult {
  const outcome = runEngine(candidate, config);
  if ('status' in outcome) return outcome;
  const result = finishCandidate(candidate, outcome, config);
  if (config.keepOutcome) result.outcome = outcome;
  return result;
}

/** One file from path to result: the cheap checks, then the transform if it gets that far. Never throws. */
export async function processTask(task: Task, config: WorkerConfig): Promise<FileResult> {
  const read = readCandidate(task);
  if ('status' in read) return read;
  await readyFor(read);
  return transformCandidate(read, config);
}
