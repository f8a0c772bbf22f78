import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { describeError } from './errors';
import type { DirectoryIgnores, IgnoreFiles } from './ignore-files';
import type { ListedFiles } from './listed-files';
import { ALWAYS_SKIPPED_DIRS, BUILD_OUTPUT_DIRS, isDeclarationFile, isSourceFile } from './limits';
import { inShard, type Shard } from './shard';
import { isTempName } from './temp-files';
import type { SkipReason } from './types';

export type Discovered =
  /** `seenAsFile`: found in a directory listing as a regular file, not named on the command line. */
  | { kind: 'file'; abs: string; rel: string; seenAsFile?: boolean }
  | { kind: 'skip'; rel: string; reason: SkipReason; detail?: string }
  /** A directory not descended into; only --inspect shows these. */
  | { kind: 'dir-skip'; rel: string; reason: string }
  /** A path that cannot be read: a directory that cannot be listed, a named path that is missing. */
  | { kind: 'error'; rel: string; message: string }
  /** A temp file of an earlier tmpfix run that was killed before it could remove it. */
  | { kind: 'stale'; rel: string };

export interface DiscoverOptions {
  /** Paths are reported relative to this directory (the git root, or the cwd outside git). */
  base: string;
  ignoreFiles?: IgnoreFiles;
  include: string[];
  exclude: string[];
  shard?: Shard;
  /** Filled with what each listed directory holds, before any of its files is yielded. */
  listed?: ListedFiles;
  /** `--with-node-modules`: walk into node_modules and take named paths there (a monorepo that keeps its sources in one). */
  withNodeModules?: boolean;
}

/** A command-line path, looked at with lstat, component by component. */
export interface PathArgument {
  abs: string;
  isDirectory: boolean;
  /** The path itself or a directory on the way to it (below the current directory) is a symlink. */
  isSymlink: boolean;
  /** The first symlink on the way, when it is not the path itself. */
  symlinkAt?: string;
  /** Why the path cannot be looked at (`ENOENT: no such file or directory`), when it cannot. */
  missing?: string;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/**
 * Sorting directories by `name/` makes a depth-first walk list files in plain path order. Keys are
 * UTF-8 bytes, as git sorts: UTF-16 order puts names above U+FFFF before U+E000-U+FFFF.
 */
function sortKey(name: string, isDirectory: boolean): Buffer {
  return Buffer.from(isDirectory ? `${name}/` : name, 'utf8');
}

function byKey<T>(key: (item: T) => Buffer): (a: T, b: T) => number {
  return (a, b) => Buffer.compare(key(a), key(b));
}

/** Where no key holds a surrogate (a character above U+FFFF), UTF-16 order is UTF-8 byte order. */
const SURROGATE = /[\uD800-\uDFFF]/;

/** Directory entries in path order: plain string keys, or UTF-8 bytes where they would differ. */
function sortEntries(entries: fs.Dirent[]): fs.Dirent[] {
  const keyed = entries.map((entry) => ({ entry, key: entry.isDirectory() ? `${entry.name}/` : entry.name }));
  if (keyed.some(({ key }) => SURROGATE.test(key))) {
    return keyed.map(({ entry }) => ({ entry, key: sortKey(entry.name, entry.isDirectory()) })).sort(byKey(({ key }) => key)).map(({ entry }) => entry);
  }
  return keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map(({ entry }) => entry);
}

/** Streams the files under the given paths in sorted order, with the reason for every file left out. */
export function* discover(args: PathArgument[], options: DiscoverOptions): Generator<Discovered> {
  const { base, ignoreFiles, shard } = options;
  const include: Ignore | undefined = options.include.length ? ignore({ allowRelativePaths: true }).add(options.include) : undefined;
  const exclude: Ignore | undefined = options.exclude.length ? ignore({ allowRelativePaths: true }).add(options.exclude) : undefined;
  const seen = args.length > 1 ? new Set<string>() : undefined;
  const relOf = (abs: string): string => toPosix(path.relative(base, abs));

  function file(abs: string, rel: string, explicit: boolean, ignores?: DirectoryIgnores): Discovered | undefined {
    if (seen) {
      if (seen.has(abs)) return undefined;
      seen.add(abs);
    }
    const name = path.basename(abs);
    if (!isSourceFile(name)) {
      return explicit && inShard(rel, shard) ? { kind: 'skip', rel, reason: 'unsupported-extension' } : undefined;
    }
    if (!inShard(rel, shard)) return undefined;
    if (isDeclarationFile(name)) return { kind: 'skip', rel, reason: 'declaration-file' };
    if (exclude?.ignores(rel)) return { kind: 'skip', rel, reason: 'excluded', detail: '--exclude' };
    if (include && !include.ignores(rel)) return { kind: 'skip', rel, reason: 'excluded', detail: 'no --include matches' };
    const rule = ignores ? ignores(name, false) : ignoreFiles?.ignoredBy(abs, false);
    if (rule) return { kind: 'skip', rel, reason: 'gitignored', detail: rule };
    return { kind: 'file', abs, rel };
  }

  function dirSkipReason(rel: string, name: string, ignores: DirectoryIgnores | undefined): string | undefined {
    if (ALWAYS_SKIPPED_DIRS.has(name) && !(name === 'node_modules' && options.withNodeModules)) return name === 'node_modules' ? 'node_modules' : 'version control';
    if (BUILD_OUTPUT_DIRS.has(name)) return 'build output';
    const rule = ignores?.(name, true);
    if (rule) return `gitignored (${rule})`;
    if (exclude?.ignores(`${rel}/`)) return 'excluded (--exclude)';
    return undefined;
  }

  /**
   * Depth-first over `dir`, in sorted order. An explicit stack rather than nested generators: with
   * `yield*` every file would pass through one generator per directory level.
   */
  function* walk(root: string, rootRel: string): Generator<Discovered> {
    type Frame = { dir: string; rel: string; entries: fs.Dirent[]; next: number; ignores: DirectoryIgnores | undefined };
    const stack: Frame[] = [];
    const enter = (dir: string, rel: string): Discovered | undefined => {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch (error) {
        return { kind: 'error', rel: rel || '.', message: `cannot list the directory: ${describeError(error)}` };
      }
      options.listed?.record(dir, entries.filter((entry) => !entry.isDirectory()).map((entry) => entry.name));
      // After the listing is recorded: it tells whether this directory has a .gitignore of its own.
      stack.push({ dir, rel, entries: sortEntries(entries), next: 0, ignores: ignoreFiles?.directory(dir) });
      return undefined;
    };
    const failed = enter(root, rootRel);
    if (failed) yield failed;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (frame.next >= frame.entries.length) {
        stack.pop();
        continue;
      }
      const entry = frame.entries[frame.next++];
      const abs = path.join(frame.dir, entry.name);
      const rel = frame.rel === '' ? entry.name : `${frame.rel}/${entry.name}`;
      if (entry.isDirectory()) {
        const reason = dirSkipReason(rel, entry.name, frame.ignores);
        if (reason) yield { kind: 'dir-skip', rel, reason };
        else {
          const unreadable = enter(abs, rel);
          if (unreadable) yield unreadable;
        }
      } else if (entry.isSymbolicLink()) {
        // Never followed: a link may lead out of the tree, and a write through it would land there.
        if (isSourceFile(entry.name) && inShard(rel, shard)) yield { kind: 'skip', rel, reason: 'symlink' };
        else yield { kind: 'dir-skip', rel, reason: 'symlink (not followed)' };
      } else if (entry.isFile()) {
        if (isTempName(entry.name) && inShard(rel, shard)) yield { kind: 'stale', rel };
        const found = file(abs, rel, false, frame.ignores);
        if (found) yield found.kind === 'file' ? { ...found, seenAsFile: true } : found;
      }
    }
  }

  /** For a path named on the command line: what keeps it out although it was asked for. */
  function explicitSkip(arg: PathArgument): { reason: SkipReason; detail?: string } | undefined {
    const rel = relOf(arg.abs);
    if (arg.symlinkAt) return { reason: 'symlink', detail: `${relOf(arg.symlinkAt)} is a symlink; symlinks are never followed or written through` };
    if (arg.isSymlink) return { reason: 'symlink', detail: 'symlinks are never followed or written through' };
    if (!options.withNodeModules && rel.split('/').includes('node_modules')) return { reason: 'node_modules' };
    if (!ignoreFiles || rel.startsWith('..')) return undefined;
    for (let dir = path.dirname(arg.abs); dir.startsWith(base) && dir !== base; dir = path.dirname(dir)) {
      const rule = ignoreFiles.ignoredBy(dir, true);
      if (rule) return { reason: 'gitignored', detail: rule };
    }
    return undefined;
  }

  const sorted = [...args].sort(byKey((arg) => sortKey(relOf(arg.abs), arg.isDirectory)));
  for (const arg of sorted) {
    const rel = relOf(arg.abs);
    if (arg.missing) {
      if (inShard(rel, shard)) yield { kind: 'error', rel: rel || '.', message: arg.missing };
      continue;
    }
    const skip = explicitSkip(arg);
    // A skipped directory is one entry, in one shard like a file, so that merged shards list it once.
    if (skip && inShard(rel, shard)) yield { kind: 'skip', rel: rel || '.', ...skip };
    else if (skip) continue;
    else if (arg.isDirectory) yield* walk(arg.abs, rel);
    else {
      const found = file(arg.abs, rel, true);
      if (found) yield found;
    }
  }
}
