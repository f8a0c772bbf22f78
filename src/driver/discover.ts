import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { IgnoreFiles } from './ignore-files';
import { ALWAYS_SKIPPED_DIRS, BUILD_OUTPUT_DIRS, isDeclarationFile, isSourceFile } from './limits';
import { inShard, type Shard } from './shard';
import type { SkipReason } from './types';

export type Discovered =
  | { kind: 'file'; abs: string; rel: string }
  | { kind: 'skip'; rel: string; reason: SkipReason; detail?: string }
  /** A directory not descended into; only --inspect shows these. */
  | { kind: 'dir-skip'; rel: string; reason: string };

export interface DiscoverOptions {
  /** Paths are reported relative to this directory (the git root, or the cwd outside git). */
  base: string;
  ignoreFiles?: IgnoreFiles;
  include: string[];
  exclude: string[];
  shard?: Shard;
}

/** A command-line path, already checked to exist (lstat). */
export interface PathArgument {
  abs: string;
  isDirectory: boolean;
  isSymlink: boolean;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** Sorting directories by `name/` makes a depth-first walk list files in plain path order. */
function sortKey(name: string, isDirectory: boolean): string {
  return isDirectory ? `${name}/` : name;
}

function byKey<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

/** Streams the files under the given paths in sorted order, with the reason for every file left out. */
export function* discover(args: PathArgument[], options: DiscoverOptions): Generator<Discovered> {
  const { base, ignoreFiles, shard } = options;
  const include: Ignore | undefined = options.include.length ? ignore({ allowRelativePaths: true }).add(options.include) : undefined;
  const exclude: Ignore | undefined = options.exclude.length ? ignore({ allowRelativePaths: true }).add(options.exclude) : undefined;
  const seen = args.length > 1 ? new Set<string>() : undefined;
  const relOf = (abs: string): string => toPosix(path.relative(base, abs));

  function* file(abs: string, rel: string, explicit: boolean): Generator<Discovered> {
    if (seen) {
      if (seen.has(abs)) return;
      seen.add(abs);
    }
    if (!inShard(rel, shard)) return;
    const name = path.basename(abs);
    if (!isSourceFile(name)) {
      if (explicit) yield { kind: 'skip', rel, reason: 'unsupported-extension' };
      return;
    }
    if (isDeclarationFile(name)) return yield { kind: 'skip', rel, reason: 'declaration-file' };
    if (exclude?.ignores(rel)) return yield { kind: 'skip', rel, reason: 'excluded', detail: '--exclude' };
    if (include && !include.ignores(rel)) return yield { kind: 'skip', rel, reason: 'excluded', detail: 'no --include matches' };
    const rule = ignoreFiles?.ignoredBy(abs, false);
    if (rule) return yield { kind: 'skip', rel, reason: 'gitignored', detail: rule };
    yield { kind: 'file', abs, rel };
  }

  function dirSkipReason(abs: string, rel: string, name: string): string | undefined {
    if (ALWAYS_SKIPPED_DIRS.has(name)) return name === 'node_modules' ? 'node_modules' : 'version control';
    if (BUILD_OUTPUT_DIRS.has(name)) return 'build output';
    const rule = ignoreFiles?.ignoredBy(abs, true);
    if (rule) return `gitignored (${rule})`;
    if (exclude?.ignores(`${rel}/`)) return 'excluded (--exclude)';
    return undefined;
  }

  /** `rel` is `dir` relative to the base, built up as the walk descends ('' for the base itself). */
  function* walk(dir: string, relDir: string): Generator<Discovered> {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      return yield { kind: 'dir-skip', rel: relDir || '.', reason: `unreadable (${(error as NodeJS.ErrnoException).code})` };
    }
    const sorted = entries.map((entry) => ({ entry, key: sortKey(entry.name, entry.isDirectory()) })).sort(byKey(({ key }) => key));
    for (const { entry } of sorted) {
      const abs = path.join(dir, entry.name);
      const rel = relDir === '' ? entry.name : `${relDir}/${entry.name}`;
      if (entry.isDirectory()) {
        const reason = dirSkipReason(abs, rel, entry.name);
        if (reason) yield { kind: 'dir-skip', rel, reason };
        else yield* walk(abs, rel);
      } else if (entry.isSymbolicLink()) {
        // Never followed: a link may lead out of the tree, and a write through it would land there.
        if (isSourceFile(entry.name) && inShard(rel, shard)) yield { kind: 'skip', rel, reason: 'symlink' };
        else yield { kind: 'dir-skip', rel, reason: 'symlink (not followed)' };
      } else if (entry.isFile()) {
        yield* file(abs, rel, false);
      }
    }
  }

  /** For a path named on the command line: what keeps it out although it was asked for. */
  function explicitSkip(arg: PathArgument): { reason: SkipReason; detail?: string } | undefined {
    const rel = relOf(arg.abs);
    if (arg.isSymlink) return { reason: 'symlink', detail: 'symlinks are never followed or written through' };
    if (rel.split('/').includes('node_modules')) return { reason: 'node_modules' };
    if (!ignoreFiles || rel.startsWith('..')) return undefined;
    for (let dir = path.dirname(arg.abs); dir.startsWith(base) && dir !== base; dir = path.dirname(dir)) {
      const rule = ignoreFiles.ignoredBy(dir, true);
      if (rule) return { reason: 'gitignored', detail: rule };
    }
    return undefined;
  }

  const sorted = [...args].sort(byKey((arg) => sortKey(relOf(arg.abs), arg.isDirectory)));
  for (const arg of sorted) {
    const skip = explicitSkip(arg);
    const rel = relOf(arg.abs);
    if (skip && (arg.isDirectory || inShard(rel, shard))) yield { kind: 'skip', rel: rel || '.', ...skip };
    else if (skip) continue;
    else if (arg.isDirectory) yield* walk(arg.abs, rel);
    else yield* file(arg.abs, rel, true);
  }
}
