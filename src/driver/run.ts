import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Target } from '../index';
import { discover, type PathArgument } from './discover';
import { findRepository, uncommitted, type Repository } from './git';
import { IgnoreFiles } from './ignore-files';
import { IMPLEMENTED_TARGETS } from './limits';
import { packageJson, ruleMetas } from './package-info';
import { processAll } from './pool';
import { Progress } from './progress';
import { jsonReport, type RunInfo } from './report-json';
import { sarifReport } from './report-sarif';
import { colorDiff, errorLine, inspectLine, paletteFor, reviewLines, summaryLines } from './report-text';
import { count, emptySummary, skippedTotal } from './summary';
import { TargetDetector } from './target';
import type { ChangedResult, DirSkipEvent, FileResult, RunOptions, Task, WorkerConfig } from './types';
import { writeAtomically } from './write';

/** Bad input from the user: exit code 2, nothing done. */
export class UsageError extends Error {}

export const EXIT = { ok: 0, workFound: 1, failed: 2 } as const;

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
  if (options.target !== 'auto' && !IMPLEMENTED_TARGETS.includes(options.target)) {
    throw new UsageError(`target ${options.target} is not implemented yet (implemented: ${IMPLEMENTED_TARGETS.join(', ')})`);
  }
}

function resolvePaths(paths: string[], cwd: string): PathArgument[] {
  return paths.map((given) => {
    const resolved = path.resolve(cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(resolved);
    } catch {
      throw new UsageError(`no such file or directory: ${given}`);
    }
    // The parent's real path lines paths up with git's root; the last part stays as given, so a symlink shows.
    const parent = fs.realpathSync(path.dirname(resolved));
    const abs = resolved === path.dirname(resolved) ? resolved : path.join(parent, path.basename(resolved));
    return { abs, isDirectory: stat.isDirectory(), isSymlink: stat.isSymbolicLink() };
  });
}

/** The one git repository holding every path (paths are shown relative to its root), or none. */
function repositoryOf(args: PathArgument[]): Repository | undefined {
  const byDir = new Map<string, Repository | undefined>();
  const found = args.map((arg) => {
    const dir = arg.isDirectory && !arg.isSymlink ? arg.abs : path.dirname(arg.abs);
    if (!byDir.has(dir)) byDir.set(dir, findRepository(dir));
    return byDir.get(dir);
  });
  const roots = [...new Set(found.map((repo) => repo?.root ?? '(not in git)'))];
  if (roots.length > 1) {
    throw new UsageError(`the paths belong to different git repositories (${roots.join(', ')}); run tmpfix once per repository`);
  }
  return found[0];
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
  const args = resolvePaths(options.paths, io.cwd);
  const repo = repositoryOf(args);
  const base = repo?.root ?? fs.realpathSync(io.cwd);
  const ignoreFiles = options.useIgnoreFiles ? new IgnoreFiles(base, repo?.infoExclude) : undefined;

  const err = paletteFor(io.stderr);
  const out = paletteFor(io.stdout);
  const progress = new Progress(io.stderr);
  const say = (line: string): void => {
    progress.clear();
    io.stderr.write(`${line}\n`);
  };

  for (const arg of args) {
    if (arg.isSymlink) say(`tmpfix: ${path.relative(io.cwd, arg.abs) || arg.abs} is a symlink; refusing to read or write through it`);
  }

  const showDiff = options.format === 'text' && options.mode !== 'write';
  const config: WorkerConfig = {
    rules: options.rules,
    wantPatch: showDiff || options.patchFile !== undefined,
    wantReplacements: options.format === 'sarif',
    wantOutput: options.mode === 'write',
  };
  const patchFd = options.patchFile !== undefined ? fs.openSync(path.resolve(io.cwd, options.patchFile), 'w') : undefined;

  const summary = emptySummary();
  const kept: FileResult[] = []; // json and sarif only
  const toWrite: ChangedResult[] = [];
  const onOrdered = (event: FileResult | DirSkipEvent): void => {
    if (event.status === 'dir-skipped') {
      if (options.inspect) say(`${event.rel}/: not entered, ${event.reason}`);
      return;
    }
    const result = event;
    count(summary, result);
    progress.update(summary.scanned + skippedTotal(summary), summary.changed);
    if (result.status === 'changed') {
      if (result.patch !== undefined) {
        if (showDiff) {
          progress.clear();
          io.stdout.write(colorDiff(result.patch, out));
        }
        if (patchFd !== undefined) fs.writeSync(patchFd, result.patch);
        result.patch = undefined;
      }
      if (result.write) toWrite.push(result);
    }
    if (options.format === 'text') for (const line of reviewLines(result)) say(line);
    const error = errorLine(result);
    if (error) say(err.red(error));
    if (options.inspect) say(inspectLine(result));
    if (options.format !== 'text') kept.push(result);
  };
  const inOrder = new InOrder<FileResult | DirSkipEvent>(onOrdered);

  const detector = new TargetDetector();
  const unimplemented = new Map<Target, number>();
  /** The target for a file; `auto` falls back to node where the detected target has no rewrites yet. */
  const targetOf = (abs: string): { target: Target; detected: Target } => {
    const detected = options.target === 'auto' ? detector.targetFor(abs) : options.target;
    return { target: IMPLEMENTED_TARGETS.includes(detected) ? detected : 'node', detected };
  };

  let seq = 0;
  // Discovery streams paths into the pool; reading, the prefilter and the transform run there.
  function* tasks(): Generator<Task> {
    const found = discover(args, { base, ignoreFiles, include: options.include, exclude: options.exclude, shard: options.shard });
    for (const item of found) {
      if (item.kind === 'dir-skip') {
        if (options.inspect) inOrder.accept({ seq: seq++, rel: item.rel, status: 'dir-skipped', reason: item.reason });
      } else if (item.kind === 'skip') {
        inOrder.accept({ seq: seq++, rel: item.rel, status: 'skipped', reason: item.reason, detail: item.detail });
      } else {
        const { target, detected } = targetOf(item.abs);
        if (detected !== target) unimplemented.set(detected, (unimplemented.get(detected) ?? 0) + 1);
        yield { seq: seq++, abs: item.abs, rel: item.rel, target };
      }
    }
  }
  try {
    await processAll(tasks(), options.jobs, config, (result) => inOrder.accept(result));
  } finally {
    if (patchFd !== undefined) fs.closeSync(patchFd);
    progress.clear();
  }

  let refused: RunInfo['refused'];
  if (options.mode === 'write' && toWrite.length > 0) {
    refused = dirtyRefusal(repo, toWrite, options.allowDirty);
    if (refused) {
      say(err.red(`tmpfix: refusing to write: ${refused.reason}:`));
      for (const file of refused.files) say(`  ${file}`);
      say('Commit or stash those changes first, or pass --allow-dirty. Nothing was written.');
    } else {
      if (!repo && !options.allowDirty) say('tmpfix: note: not inside a git repository, so uncommitted changes cannot be checked');
      for (const result of toWrite) {
        const failure = writeAtomically(path.resolve(base, result.rel), result.write!);
        result.write = undefined;
        result.written = failure === undefined;
        if (failure) {
          result.writeError = failure;
          summary.errors++;
          say(err.red(`${result.rel}: ${failure}`));
        } else summary.written++;
      }
    }
  }

  for (const [target, files] of unimplemented) {
    say(`tmpfix: note: --target auto chose ${target} for ${files} file(s) (from package.json); ${target} has no rewrites yet, so node was used`);
  }
  summary.durationMs = Math.round(performance.now() - started);
  for (const line of summaryLines(summary, options.mode, err)) say(line);

  const info: RunInfo = {
    version: packageJson().version,
    mode: options.mode,
    target: options.target,
    shard: options.shard ? `${options.shard.index}/${options.shard.count}` : undefined,
    refused,
  };
  if (options.format === 'json') io.stdout.write(jsonReport(kept, summary, info));
  if (options.format === 'sarif') io.stdout.write(sarifReport(kept, ruleMetas(), info));

  if (refused || summary.errors > 0) return EXIT.failed;
  if (options.mode === 'check' && (summary.changed > 0 || summary.findings.needsReview > 0)) return EXIT.workFound;
  return EXIT.ok;
}

function dirtyRefusal(repo: Repository | undefined, toWrite: ChangedResult[], allowDirty: boolean): RunInfo['refused'] {
  if (allowDirty || !repo) return undefined;
  const dirty = uncommitted(repo, toWrite.map((result) => result.rel));
  const files = toWrite.map((result) => result.rel).filter((rel) => dirty.has(rel));
  return files.length ? { reason: `${files.length} file(s) it would change have uncommitted changes`, files } : undefined;
}
