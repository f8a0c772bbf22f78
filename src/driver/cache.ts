import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describeError } from './errors';
import { PACKAGE_ROOT, packageJson } from './package-info';
import { CREATE_TEMP, track, untrack, writeAll } from './temp-files';
import type { ModuleFacts } from '../engine/dataflow/facts';
import type { ModuleExports } from '../engine/exports';
import type { Candidate } from './process-file';
import type { ExportsMemo } from './prepass';
import type { EngineOutcome, WorkerConfig } from './types';

/**
 * `--cache`: what the engine made of each file, kept between runs in a per-user directory, so that a
 * file whose text and inputs are the same as last time is not parsed again. The key is a SHA-256 of
 * everything the engine's answer depends on (it reads no file): tmpfix's own build (the contents of
 * its compiled code and the versions of its dependencies), the file's path, target and text, the
 * rules asked for, the alert locations, and what the pre-pass gave it (the facts of the modules it
 * imports, the temp names it shares with other files). Any difference is a miss; nothing is ever
 * reused on a guess.
 *
 * The cache is trusted as much as tmpfix's own code, so it lives only where no one else can write:
 * `$XDG_CACHE_HOME/tmpfix` (else `~/.cache/tmpfix`), a directory owned by the user with no group or
 * other write bit, read and replaced without following symlinks. Anything else turns the cache off
 * for the run, with a warning, and the run goes on without it.
 */
const FORMAT = 1;
/** A cache file larger than this is not read (a repository's worth of outcomes is a few MiB). */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;
const READ_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0);

/** A file's outcome, or (keys starting `x:`) what the pre-pass found a module to export. */
type Entry = EngineOutcome | ModuleExports;

interface CacheFile {
  format: number;
  build: string;
  entries: Record<string, Entry>;
}

/** The per-user cache directory tmpfix uses: `$XDG_CACHE_HOME/tmpfix`, else `~/.cache/tmpfix`. */
function cacheDirectory(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  const root = xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache');
  return path.join(root, 'tmpfix');
}

let buildId: string | undefined;

/** Every compiled file of the package that can change an outcome, and the dependencies' versions. */
function currentBuild(): string {
  if (buildId) return buildId;
  const hash = createHash('sha256');
  hash.update(`tmpfix ${packageJson().version} format ${FORMAT} node ${process.version}\n`);
  const dist = path.resolve(__dirname, '..', '..');
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'bench' && entry.name !== 'audit') walk(full);
      } else if (entry.isFile() && /\.(js|wasm|json)$/.test(entry.name)) {
        hash.update(`${path.relative(dist, full)}\n`);
        hash.update(fs.readFileSync(full));
      }
    }
  };
  walk(path.join(dist, 'src'));
  walk(path.join(dist, 'transforms'));
  const dependencies = Object.keys((packageJson() as { dependencies?: Record<string, string> }).dependencies ?? {}).sort();
  for (const name of dependencies) hash.update(`${name}@${installedVersion(name)}\n`);
  buildId = hash.digest('hex');
  return buildId;
}

/** The version of an installed dependency, looked up the way Node finds it from the package root. */
function installedVersion(name: string): string {
  for (let dir = PACKAGE_ROOT; ; dir = path.dirname(dir)) {
    try {
      return (JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version?: string }).version ?? '?';
    } catch {
      // not here: one level up
    }
    if (path.dirname(dir) === dir) return 'missing';
  }
}

/** Why `dir` cannot hold the cache, or undefined when it is a private directory of this user's. */
function unsafeDirectory(dir: string): string | undefined {
  let stat: fs.Stats;
  try {
    fs.mkdirSync(path.dirname(dir), { recursive: true, mode: 0o700 });
    try {
      fs.mkdirSync(dir, { mode: 0o700 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    stat = fs.lstatSync(dir);
  } catch (error) {
    return `cannot make it: ${describeError(error)}`;
  }
  if (stat.isSymbolicLink()) return 'it is a symlink';
  if (!stat.isDirectory()) return 'it is not a directory';
  const uid = process.getuid?.();
  if (uid !== undefined && stat.uid !== uid) return `it belongs to uid ${stat.uid}, not to you`;
  if (stat.mode & 0o022) return `others can write to it (mode ${(stat.mode & 0o777).toString(8).padStart(4, '0')})`;
  return undefined;
}

function isExports(value: unknown): value is ModuleExports {
  if (!value || typeof value !== 'object') return false;
  const described = value as Partial<ModuleExports>;
  return !!described.exports && typeof described.exports === 'object' && Array.isArray(described.reexports) && Array.isArray(described.imports);
}

function isOutcome(value: unknown): value is EngineOutcome {
  if (!value || typeof value !== 'object') return false;
  const outcome = value as { kind?: unknown; findings?: unknown; output?: unknown; message?: unknown };
  if (outcome.kind === 'parse') return typeof outcome.message === 'string';
  return outcome.kind === 'done' && Array.isArray(outcome.findings) && (outcome.output === undefined || typeof outcome.output === 'string');
}

export class ResultCache implements ExportsMemo {
  /** What this run used or made: the file written at the end holds exactly these. */
  private readonly kept = new Map<string, Entry>();
  private changed = false;

  private constructor(
    readonly file: string,
    private readonly build: string,
    private readonly stored: Record<string, Entry>,
  ) {}

  /**
   * The cache of the repository or directory at `base`, or a warning why the run goes without one.
   * A missing, unreadable, foreign or corrupt cache file starts an empty cache; only an unsafe
   * directory turns the cache off.
   */
  static open(base: string, env: NodeJS.ProcessEnv = process.env): ResultCache | { warning: string } {
    const dir = cacheDirectory(env);
    const problem = unsafeDirectory(dir);
    if (problem) return { warning: `--cache: ${dir} is not a private directory of yours: ${problem}; running without the cache` };
    const build = currentBuild();
    const file = path.join(dir, `results-${createHash('sha256').update(base).digest('hex').slice(0, 16)}.json`);
    return new ResultCache(file, build, readEntries(file, build));
  }

  /** The key of a candidate: a digest of everything the engine's outcome depends on. */
  key(candidate: Candidate, config: WorkerConfig): string {
    const { task, source, moduleFacts, sharedNames, privateTempdir } = candidate;
    const inputs = JSON.stringify([task.rel, task.target, task.python2 ?? false, config.rules ?? null, task.locations ?? null, moduleFacts ?? null, sharedNames ?? null, privateTempdir ?? null]);
    return createHash('sha256').update(this.build).update('\0').update(inputs).update('\0').update(source).digest('base64url');
  }

  get(key: string): EngineOutcome | undefined {
    return this.take(key, isOutcome);
  }

  put(key: string, outcome: EngineOutcome): void {
    this.kept.set(key, outcome);
    this.changed = true;
  }

  /** The pre-pass's description of a module: from the cache, else `describe`d and kept. */
  exportsOf(file: string, source: string, inner: ModuleFacts, describe: () => ModuleExports): ModuleExports {
    const key = `x:${createHash('sha256').update(this.build).update('\0').update(JSON.stringify([file, inner])).update('\0').update(source).digest('base64url')}`;
    const known = this.take(key, isExports);
    if (known) return known;
    const described = describe();
    this.kept.set(key, described);
    this.changed = true;
    return described;
  }

  private take<T extends Entry>(key: string, valid: (value: unknown) => value is T): T | undefined {
    const entry = Object.hasOwn(this.stored, key) ? this.stored[key] : undefined;
    if (entry === undefined || !valid(entry)) return undefined;
    this.kept.set(key, entry);
    return entry;
  }

  /**
   * Replaces the cache file with what this run used and made, when that differs from what it read:
   * a fresh temp file in the cache directory (created exclusively, owner-only), then a rename.
   * Returns a warning when it could not, or undefined.
   */
  save(): string | undefined {
    if (!this.changed && this.kept.size === Object.keys(this.stored).length) return undefined;
    const body: CacheFile = { format: FORMAT, build: this.build, entries: Object.fromEntries(this.kept) };
    const temp = path.join(path.dirname(this.file), `.${path.basename(this.file)}.${randomBytes(6).toString('hex')}`);
    let fd: number | undefined;
    try {
      fd = fs.openSync(temp, CREATE_TEMP, 0o600);
      track(temp);
      writeAll(fd, JSON.stringify(body));
      fs.closeSync(fd);
      fd = undefined;
      fs.renameSync(temp, this.file);
      untrack(temp);
      return undefined;
    } catch (error) {
      if (fd !== undefined) fs.closeSync(fd);
      fs.rmSync(temp, { force: true });
      untrack(temp);
      return `--cache: could not save ${this.file}: ${describeError(error)}`;
    }
  }
}

/** The stored outcomes of `file` when it is this user's regular file, of this format and build; else none. */
function readEntries(file: string, build: string): Record<string, Entry> {
  let fd: number;
  try {
    fd = fs.openSync(file, READ_FLAGS);
  } catch {
    return {};
  }
  try {
    const stat = fs.fstatSync(fd);
    const uid = process.getuid?.();
    if (!stat.isFile() || (uid !== undefined && stat.uid !== uid) || stat.size > MAX_CACHE_BYTES) return {};
    const parsed = JSON.parse(fs.readFileSync(fd, 'utf8')) as Partial<CacheFile> | null;
    if (!parsed || parsed.format !== FORMAT || parsed.build !== build || !parsed.entries || typeof parsed.entries !== 'object') return {};
    return parsed.entries;
  } catch {
    return {};
  } finally {
    fs.closeSync(fd);
  }
}
