import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Repository {
  /** The working tree's top directory. */
  root: string;
  /** `.git/info/exclude`, wherever this checkout keeps it. */
  infoExclude: string;
  /** core.ignorecase: git matches ignore patterns without regard to case (set on case-insensitive file systems). */
  ignoreCase: boolean;
}

/** core.ignorecase from the repository's own config file (git sets it there at init), false when absent. */
function ignoreCaseOf(commonDir: string): boolean {
  let config: string;
  try {
    config = fs.readFileSync(path.join(commonDir, 'config'), 'utf8');
  } catch {
    return false;
  }
  const core = /^\s*\[core\]([^[]*)/im.exec(config)?.[1] ?? '';
  return /^\s*ignorecase\s*=\s*(true|yes|on|1)\s*$/im.test(core);
}

/**
 * What git says about a directory. Only git's own "not a git repository" means outside git: a
 * repository git refuses (dubious ownership, a broken `.git`) or a missing git binary is `unavailable`,
 * and then nothing can be taken for committed.
 */
export type GitLookup =
  | { kind: 'repository'; repo: Repository }
  | { kind: 'outside' }
  | { kind: 'unavailable'; reason: string };

function git(cwd: string, args: string[]): { ok: boolean; stdout: string; stderr: string; spawnError?: string } {
  // LC_ALL=C: git's messages are matched below and quoted to the user as git wrote them.
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, LC_ALL: 'C', LANGUAGE: '' } });
  const spawnError = result.error ? (result.error as NodeJS.ErrnoException).code ?? result.error.message : undefined;
  return { ok: result.status === 0, stdout: result.stdout ?? '', stderr: result.stderr ?? '', spawnError };
}

/** git's complaint on one line. */
function complaint(stderr: string): string {
  return stderr.split('\n').map((line) => line.trim()).filter(Boolean).join(' ') || 'git failed without a message';
}

const OUTSIDE = /^fatal: not a git repository \(or any (of the parent directories|parent up to mount point)/m;

/** The git working tree around `dir`, or why there is none. */
export function lookUpRepository(dir: string): GitLookup {
  const result = git(dir, ['rev-parse', '--show-toplevel', '--git-common-dir']);
  if (result.spawnError) return { kind: 'unavailable', reason: `git could not be run (${result.spawnError})` };
  if (!result.ok) return OUTSIDE.test(result.stderr) ? { kind: 'outside' } : { kind: 'unavailable', reason: complaint(result.stderr) };
  const [root, commonDir] = result.stdout.split('\n');
  if (!root) return { kind: 'unavailable', reason: `${dir} is inside a git directory, not a working tree` };
  const common = path.resolve(dir, commonDir);
  return { kind: 'repository', repo: { root: path.resolve(root), infoExclude: path.join(common, 'info', 'exclude'), ignoreCase: ignoreCaseOf(common) } };
}

/** Whether `abs` is a file git tracks; undefined when git cannot say. */
export function isTracked(abs: string): boolean | undefined {
  const lookup = lookUpRepository(path.dirname(abs));
  if (lookup.kind === 'outside') return false;
  if (lookup.kind === 'unavailable') return undefined;
  const result = git(path.dirname(abs), ['ls-files', '-z', '--', `:(literal)${path.basename(abs)}`]);
  return result.ok ? result.stdout !== '' : undefined;
}

const PATHS_PER_CALL = 200;

/** Why a file may not be overwritten, as git sees it. */
export interface NotClean {
  abs: string;
  why: string;
}

/**
 * Asks git about every file --write would replace: a file is safe to overwrite only when its own
 * repository (the nearest one above it, so a nested repository or a submodule answers for its files)
 * tracks it and has no change to it. Files outside git are returned apart; files git cannot answer
 * for (it refuses the repository, or is not installed) are not clean.
 */
export function cleanliness(files: string[]): { notClean: NotClean[]; outsideGit: string[] } {
  const notClean: NotClean[] = [];
  const outsideGit: string[] = [];
  // One question to git per repository, not per directory: directories are grouped by the nearest `.git`.
  const holders = new Map<string, string>();
  const holderOf = (dir: string): string => {
    let holder = holders.get(dir);
    if (holder === undefined) {
      const parent = path.dirname(dir);
      holder = fs.existsSync(path.join(dir, '.git')) || parent === dir ? dir : holderOf(parent);
      holders.set(dir, holder);
    }
    return holder;
  };
  const lookups = new Map<string, GitLookup>();
  const byRoot = new Map<string, string[]>();
  for (const abs of files) {
    const holder = holderOf(path.dirname(abs));
    if (!lookups.has(holder)) lookups.set(holder, lookUpRepository(path.dirname(abs)));
    const lookup = lookups.get(holder)!;
    if (lookup.kind === 'outside') outsideGit.push(abs);
    else if (lookup.kind === 'unavailable') notClean.push({ abs, why: lookup.reason });
    else byRoot.set(lookup.repo.root, [...(byRoot.get(lookup.repo.root) ?? []), abs]);
  }
  for (const [root, absPaths] of byRoot) {
    for (let i = 0; i < absPaths.length; i += PATHS_PER_CALL) {
      const chunk = absPaths.slice(i, i + PATHS_PER_CALL);
      const relOf = new Map(chunk.map((abs) => [path.relative(root, abs).split(path.sep).join('/'), abs]));
      const pathspecs = [...relOf.keys()].map((rel) => `:(literal,top)${rel}`);
      const tracked = git(root, ['ls-files', '-z', '--full-name', '--', ...pathspecs]);
      const status = git(root, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--ignored=traditional', '--', ...pathspecs]);
      if (!tracked.ok || !status.ok) {
        const reason = complaint((tracked.ok ? status : tracked).stderr);
        for (const abs of chunk) notClean.push({ abs, why: reason });
        continue;
      }
      const trackedSet = new Set(tracked.stdout.split('\0').filter(Boolean));
      const changed = new Map<string, string>();
      const entries = status.stdout.split('\0');
      for (let k = 0; k < entries.length; k++) {
        const entry = entries[k];
        if (entry.length < 4) continue;
        const code = entry.slice(0, 2);
        changed.set(entry.slice(3), code === '??' ? 'untracked' : code === '!!' ? 'ignored' : 'uncommitted changes');
        if (entry[0] === 'R' || entry[0] === 'C') k++; // the rename's source follows
      }
      for (const [rel, abs] of relOf) {
        const why = changed.get(rel) ?? (trackedSet.has(rel) ? undefined : 'not tracked by git');
        if (why) notClean.push({ abs, why });
      }
    }
  }
  return { notClean, outsideGit };
}
