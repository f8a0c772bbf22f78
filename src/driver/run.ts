import * as fs from 'node:fs';
import * as path from 'node:path';
import { AlertRun, outcomeCounts, outcomeLine } from './alerts';
import type { ResultCache } from './cache';
import { discover, type PathArgument } from './discover';
import { describeError, EXIT, UsageError } from './errors';
import { cleanliness, isTracked, lookUpRepository, type GitLookup } from './git';
import { IgnoreFiles } from './ignore-files';
import { isSourceFile } from './limits';
import { ListedFiles } from './listed-files';
import { isPythonFile } from '../python/prefilter';
import { PatchFile } from './patch-file';
import { inShard } from './shard';
import { packageJson, ruleMetas } from './package-info';
import { ModuleIndex } from './prepass';
import { processAll } from './pool';
import { Progress } from './progress';
import { jsonReport, type RunInfo } from './report-json';
import { sarifReport } from './report-sarif';
import { colorDiff, errorLine, findingLines, inspectLine, paletteFor, shortLine, summaryLines } from './report-text';
import { count, emptySummary, skippedTotal } from './summary';
import { PythonTargetDetector } from './python-target';
import { TargetDetector } from './target';
import { outdatedTmpFindings } from './tmp-advisory';
import { cleanUpOnSignals, stopCleanupOnSignals } from './temp-files';
import type { ChangedResult, DirSkipEvent, FileResult, RunOptions, Task, WorkerConfig } from './types';
import { extendedAttributesNote, writeAtomically } from './write';

export { EXIT, UsageError } from './errors';

export interface Io {
  cwd: string;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

function validate(options: RunOptions): void {
  const known = ruleMetas().map((meta) => meta.id);
  const unknown = (options.rules ?? []).filter((id) => !known.includes(id));
  if (unknown.length) {
    throw new UsageError(`unknown rule ${unknown.join(', ')}; known rules: ${known.length ? known.join(', ') : '(none registered)'}`);
  }
}

/** Whether `child` is `parent` or inside it. */
function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Looks at each command-line path component by component, from the real current directory: a
 * symlink anywhere on the way (a linked directory as much as a linked file) makes the path a
 * symlink, never followed. The current directory's own path may hold symlinks (it is taken real).
 */
function resolvePaths(paths: string[], cwdReal: string): PathArgument[] {
  return paths.map((given) => {
    const abs = path.resolve(cwdReal, given);
    const components: string[] = [];
    for (let at = abs; !isInside(at, cwdReal); at = path.dirname(at)) components.unshift(at);
    let stat: fs.Stats | undefined;
    for (const component of components) {
      try {
        stat = fs.lstatSync(component);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        return { abs, isDirectory: false, isSymlink: false, missing: code === 'ENOENT' ? 'no such file or directory' : `cannot look at it: ${describeError(error)}` };
      }
      if (stat.isSymbolicLink()) return { abs, isDirectory: false, isSymlink: true, symlinkAt: component === abs ? undefined : component };
    }
    stat ??= fs.statSync(abs); // the current directory or one above it
    return { abs, isDirectory: stat.isDirectory(), isSymlink: false };
  });
}

/** The deepest directory holding every one of `dirs` (absolute). */
function commonDirectory(dirs: string[]): string {
  let common = dirs[0];
  for (const dir of dirs.slice(1)) while (!isInside(common, dir)) common = path.dirname(common);
  return common;
}

/** A path as a POSIX shell word. */
function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Where the paths live: the one git repository holding them all, outside git, or git could not say. */
function locate(args: PathArgument[], cwdReal: string): GitLookup {
  const byDir = new Map<string, GitLookup>();
  const lookups: GitLookup[] = [];
  // Symlinked and missing paths are reported, not read: they do not choose the repository.
  const readable = args.filter((arg) => !arg.isSymlink && !arg.missing);
  for (const dir of readable.length ? readable.map((arg) => (arg.isDirectory ? arg.abs : path.dirname(arg.abs))) : [cwdReal]) {
    if (!byDir.has(dir)) byDir.set(dir, lookUpRepository(dir));
    lookups.push(byDir.get(dir)!);
  }
  const keyOf = (lookup: GitLookup): string =>
    lookup.kind === 'repository' ? lookup.repo.root : lookup.kind === 'outside' ? '(not in git)' : `(git: ${lookup.reason})`;
  const keys = [...new Set(lookups.map(keyOf))];
  if (keys.length > 1) throw new UsageError(`the paths belong to different git repositories (${keys.join(', ')}); run tmpfix once per repository`);
  return lookups[0];
}

/** Hands results on in discovery order, whatever order the workers finish in. */
class InOrder<T extends { seq: number }> {
  private readonly waiting = new Map<number, T>();
  private next = 0;
  constructor(private readonly emit: (item: T) => void) {}
  accept(item: T): void {
    this.waiting.set(item.seq, item);
    for (let ready = this.waiting.get(this.next); ready; ready = this.waiting.get(this.next)) {
      this.waiting.delete(this.next++);
      this.emit(ready);
    }
  }
}

export async function run(options: RunOptions, io: Io): Promise<number> {
  const started = performance.now();
  validate(options);
  const cwdReal = fs.realpathSync(io.cwd);
  const alertRun = options.alerts && new AlertRun(options.alerts, options.paths.map((given) => path.resolve(cwdReal, given)));
  const args = resolvePaths(alertRun ? alertRun.paths : options.paths, cwdReal);
  const where = locate(args, cwdReal);
  const repo = where.kind === 'repository' ? where.repo : undefined;
  let base = repo?.root ?? cwdReal;
  let baseNote: string | undefined;
  if (!repo && args.some((arg) => !isInside(cwdReal, arg.abs))) {
    // Outside git, paths are relative to the current directory, unless one is outside it (`../x`
    // in a patch would not apply): then to the deepest directory that holds every named path.
    base = commonDirectory(args.map((arg) => (arg.isDirectory ? arg.abs : path.dirname(arg.abs))));
    baseNote = `tmpfix: note: not in a git repository and not all under the current directory: paths are relative to ${base} (apply a patch there: git -C ${shellQuote(base)} apply)`;
  }
  const listed = new ListedFiles();
  const ignoreFiles = options.useIgnoreFiles ? new IgnoreFiles(base, repo?.infoExclude, listed, repo?.ignoreCase) : undefined;

  let patch: PatchFile | undefined;
  if (options.patchFile !== undefined) {
    patch = PatchFile.open(options.patchFile, cwdReal, (abs) => {
      const inRun = args.some((arg) => arg.abs === abs || (arg.isDirectory && isInside(arg.abs, abs)));
      if (inRun && isSourceFile(path.basename(abs))) return 'it is a source file this run reads';
      if (isTracked(abs)) return 'git tracks it';
      return undefined;
    }, (text) => print(text));
  }

  const err = paletteFor(io.stderr);
  const out = paletteFor(io.stdout);
  const progress = new Progress(io.stderr);
  // A closed stderr (`2>&1 | head`) is no reason to crash; stdout's state decides when to stop.
  io.stderr.on('error', () => undefined);
  let stdoutFailure: NodeJS.ErrnoException | undefined;
  io.stdout.on('error', (error: NodeJS.ErrnoException) => {
    stdoutFailure ??= error;
  });
  const print = (text: string): void => {
    if (!stdoutFailure) io.stdout.write(text);
  };
  const say = (line: string): void => {
    progress.clear();
    if (!io.stderr.destroyed) io.stderr.write(`${line}\n`);
  };

  if (baseNote) say(baseNote);
  if (where.kind === 'unavailable') {
    say(err.red(`tmpfix: warning: git cannot tell which repository this is: ${where.reason}`));
    say('tmpfix: paths are relative to the current directory, .git/info/exclude is not read, and --write refuses to write without --allow-dirty');
  }
  for (const stale of patch?.staleTemps ?? []) {
    say(`tmpfix: note: ${stale} is a temp file left by an interrupted tmpfix run; remove it`);
  }
  for (const arg of args) {
    if (arg.isSymlink) say(`tmpfix: ${path.relative(io.cwd, arg.symlinkAt ?? arg.abs) || arg.abs} is a symlink; refusing to read or write through it`);
  }

  const showDiff = options.format === 'text' && options.mode !== 'write';
  const config: WorkerConfig = {
    rules: options.rules,
    wantPatch: showDiff || patch !== undefined,
    wantReplacements: options.format === 'sarif',
    wantOutput: options.mode === 'write',
  };
  let cache: ResultCache | undefined;
  if (options.cache) {
    // Loaded only for a run that asks for it: start-up is part of every run's time.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const opened = (require('./cache') as typeof import('./cache')).ResultCache.open(base);
    if ('warning' in opened) say(err.red(`tmpfix: warning: ${opened.warning}`));
    else {
      cache = opened;
      config.keepOutcome = true;
    }
  }

  const summary = emptySummary();
  if (cache) summary.cached = 0;
  const kept: FileResult[] = []; // json and sarif only
  const toWrite: ChangedResult[] = [];
  let patchLeavesCwd = false;
  const onOrdered = (event: FileResult | DirSkipEvent): void => {
    if (event.status === 'dir-skipped') {
      if (options.inspect) say(`${event.rel}/: not entered, ${event.reason}`);
      return;
    }
    const result = event;
    const decision = decisions.get(result.seq);
    if (decision) {
      decisions.delete(result.seq);
      if (result.status === 'changed' || result.status === 'unchanged') {
        result.targetReason = decision.reason;
        if (decision.warning) {
          result.targetWarning = decision.warning;
          const key = `--target ${decision.target} may not work: ${decision.warning}`;
          if (result.status === 'changed') warned.set(key, (warned.get(key) ?? 0) + 1);
        }
      }
    }
    alertRun?.accept(path.join(base, result.rel), result);
    count(summary, result);
    if (cache && result.cached) summary.cached!++;
    progress.update(summary.scanned + skippedTotal(summary), summary.changed);
    if (result.status === 'changed') {
      if (result.patch !== undefined) {
        if (showDiff) {
          progress.clear();
          print(colorDiff(result.patch, out));
        }
        // `--patch /dev/stdout` beside the diff on stdout would print it twice.
        if (!(showDiff && patch?.kind === 'stdout')) patch?.write(result.patch);
        result.patch = undefined;
        if (!isInside(cwdReal, path.join(base, result.rel))) patchLeavesCwd = true;
      }
      if (result.write) toWrite.push(result);
    }
    for (const line of findingLines(result, options.inspect)) say(line);
    const error = errorLine(result);
    if (error) say(err.red(error));
    if (options.inspect) say(inspectLine(result));
    if (options.format !== 'text') kept.push(result);
  };
  const inOrder = new InOrder<FileResult | DirSkipEvent>(onOrdered);

  const detector = new TargetDetector(listed, base);
  const pythonDetector = new PythonTargetDetector(listed, base, options.python ?? 'auto');
  /** Each JavaScript file's target decision (and a Python file's when it is for Python 2), by seq, until its result comes back. */
  const decisions = new Map<number, { target: string; reason: string; warning?: string }>();
  /** Warnings of explicit targets the package cannot take, and how many changed files got each. */
  const warned = new Map<string, number>();

  // Temp files exist from here on (the patch's; each write's): a signal removes them before the process ends.
  let written = 0;
  if (patch?.kind === 'file' || options.mode === 'write') {
    cleanUpOnSignals((signal) => {
      const writes = toWrite.length ? `; ${written} of ${toWrite.length} file(s) were written, the others left as they were` : '';
      say(`tmpfix: interrupted by ${signal}: its temp files are removed${patch?.kind === 'file' ? `, --patch ${patch.given} is left as it was` : ''}${writes}`);
    });
  }

  let seq = 0;
  // Discovery streams paths into the pool; reading, the prefilter and the transform run there.
  function* tasks(): Generator<Task> {
    const found = discover(args, { base, ignoreFiles, include: options.include, exclude: options.exclude, shard: options.shard, listed, withNodeModules: options.withNodeModules });
    for (const item of found) {
      if (stdoutFailure) return; // nobody reads the rest
      if (item.kind === 'dir-skip') {
        if (options.inspect) inOrder.accept({ seq: seq++, rel: item.rel, status: 'dir-skipped', reason: item.reason });
      } else if (item.kind === 'skip') {
        inOrder.accept({ seq: seq++, rel: item.rel, status: 'skipped', reason: item.reason, detail: item.detail });
      } else if (item.kind === 'stale') {
        say(`tmpfix: note: ${item.rel} is a temp file left by an interrupted tmpfix run; remove it`);
      } else if (item.kind === 'error') {
        inOrder.accept({ seq: seq++, rel: item.rel, status: 'error', kind: 'io', message: item.message });
      } else {
        if (isPythonFile(item.abs)) {
          const python = pythonDetector.decide(item.abs);
          if (python.reason) decisions.set(seq, { target: 'python', reason: python.reason });
          yield { seq: seq++, abs: item.abs, rel: item.rel, target: 'python', ...(python.python2 ? { python2: true } : {}), locations: alertRun?.locationsFor(item.abs), seenAsFile: item.seenAsFile };
          continue;
        }
        const decision = detector.decide(item.abs, options.target);
        decisions.set(seq, decision);
        yield { seq: seq++, abs: item.abs, rel: item.rel, target: decision.target, locations: alertRun?.locationsFor(item.abs), seenAsFile: item.seenAsFile };
      }
    }
  }
  try {
    await processAll(tasks(), options.jobs, config, (result) => inOrder.accept(result), new ModuleIndex(base, cache), cache);
    await new Promise<void>((resolve) => setImmediate(resolve)); // lets a stdout failure arrive before the summary
  } catch (error) {
    patch?.discard();
    stopCleanupOnSignals();
    throw error;
  } finally {
    progress.clear();
  }
  const cacheProblem = cache?.save();
  if (cacheProblem) say(err.red(`tmpfix: warning: ${cacheProblem}`));
  if (stdoutFailure) {
    patch?.discard();
    stopCleanupOnSignals();
    // The command line's own stdout listener reports a failure other than EPIPE.
    return stdoutFailure.code === 'EPIPE' ? EXIT.outputClosed : EXIT.failed;
  }
  const patchProblem = patch?.finish();
  if (patchProblem) {
    summary.errors++;
    say(err.red(`tmpfix: ${patchProblem}`));
  }

  let refused: Refusal | undefined;
  if (options.mode === 'write' && toWrite.length > 0) {
    const check = options.allowDirty ? undefined : cleanliness(toWrite.map((result) => path.join(base, result.rel)));
    refused = check && refusal(check, base);
    if (refused) {
      say(err.red(`tmpfix: refusing to write: ${refused.reason}:`));
      for (const line of refused.lines) say(`  ${line}`);
      say(refused.gitFailed
        ? 'Fix what git reports above, or pass --allow-dirty to write without asking git. Nothing was written.'
        : 'Commit or stash those changes first, or pass --allow-dirty. Nothing was written.');
    } else {
      if (check?.outsideGit.length) say(`tmpfix: note: ${check.outsideGit.length} file(s) are not inside a git repository, so uncommitted changes cannot be checked`);
      for (const result of toWrite) {
        const failure = writeAtomically(path.resolve(base, result.rel), result.write!);
        result.write = undefined;
        result.written = failure === undefined;
        if (failure) {
          result.writeError = failure;
          summary.errors++;
          say(err.red(`${result.rel}: ${failure}`));
        } else summary.written++;
        written++;
        // A turn of the event loop between two files: a SIGINT or SIGTERM stops the writes here.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
  }

  const attributes = extendedAttributesNote();
  if (attributes) say(`tmpfix: note: ${attributes}`);
  for (const [warning, files] of warned) say(`tmpfix: warning: ${files} file(s) rewritten for ${warning}`);
  const packageFindings = outdatedTmpFindings(detector);
  for (const finding of packageFindings) {
    say(shortLine(finding.path, finding));
    if (options.inspect) say(`    ${finding.message}`);
  }
  summary.findings.needsReview += packageFindings.length;
  if (patchLeavesCwd && repo && (showDiff || (patch && !patchProblem))) {
    say('tmpfix: note: the patch changes files outside the current directory, which `git apply` run here skips; apply it from the top: git -C "$(git rev-parse --show-toplevel)" apply');
  }
  stopCleanupOnSignals();
  const relOf = (abs: string): string => path.relative(base, abs).split(path.sep).join('/');
  const alertOutcomes = alertRun?.outcomes(relOf, (rel) => inShard(rel, options.shard));
  if (alertOutcomes) {
    for (const outcome of alertOutcomes) say(outcomeLine(outcome));
    const counts = outcomeCounts(alertOutcomes);
    say(`tmpfix: alerts: ${counts.fixed} fixed, ${counts.reported} reported, ${counts['not-found']} not found (${options.alertSource ?? `${options.alerts?.length ?? 0} alert(s)`})`);
  }
  summary.durationMs = Math.round(performance.now() - started);
  for (const line of summaryLines(summary, options.mode, err, refused !== undefined)) say(line);

  const info: RunInfo = {
    version: packageJson().version,
    mode: options.mode,
    target: options.target,
    shard: options.shard ? `${options.shard.index}/${options.shard.count}` : undefined,
    refused: refused && { reason: refused.reason, files: refused.files },
    alerts: alertOutcomes && { source: options.alertSource, outcomes: alertOutcomes },
    packageFindings,
  };
  if (options.format === 'json') print(jsonReport(kept, summary, info));
  if (options.format === 'sarif') print(sarifReport(kept, ruleMetas(), info));

  if (refused || summary.errors > 0) return EXIT.failed;
  if (options.mode === 'check' && (summary.changed > 0 || summary.findings.needsReview > 0)) return EXIT.workFound;
  return EXIT.ok;
}

interface Refusal {
  reason: string;
  files: string[];
  /** One line per file: its path and why. */
  lines: string[];
  gitFailed: boolean;
}

function refusal(check: ReturnType<typeof cleanliness>, base: string): Refusal | undefined {
  if (check.notClean.length === 0) return undefined;
  const files = check.notClean.map(({ abs }) => path.relative(base, abs).split(path.sep).join('/'));
  const lines = check.notClean.map(({ why }, i) => `${files[i]} (${why})`);
  const known = new Set(['uncommitted changes', 'untracked', 'ignored', 'not tracked by git']);
  const gitFailed = check.notClean.some(({ why }) => !known.has(why));
  const reason = gitFailed
    ? `git could not confirm that ${files.length} file(s) it would change are committed`
    : `${files.length} file(s) it would change have uncommitted changes or are not committed`;
  return { reason, files, lines, gitFailed };
}
