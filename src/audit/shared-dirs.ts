// Which paths are in a shared temp directory, where another local user could have planted a name.
// Loaded by the Node preload inside the audited program: node built-ins only, and cheap on the hot path.
import fs = require('node:fs');
import os = require('node:os');
import path = require('node:path');
import type { Exposure } from './types';

/** The directories every user can create names in; the command's own TMPDIR is added to them. */
export const FIXED_SHARED_ROOTS = ['/tmp', '/var/tmp', '/dev/shm'];

/** The shared temp directories for a command run with `env`: as named, and their real paths. */
export function sharedRoots(env: NodeJS.ProcessEnv): string[] {
  const named = [env.TMPDIR, env.TMP, env.TEMP, os.tmpdir(), ...FIXED_SHARED_ROOTS].filter((dir): dir is string => !!dir && path.isAbsolute(dir));
  const roots = new Set<string>();
  for (const dir of named) {
    const resolved = path.resolve(dir);
    roots.add(resolved);
    try {
      roots.add(fs.realpathSync(resolved));
    } catch {
      // not there (yet): the name as given still counts
    }
  }
  return [...roots].filter((dir) => dir !== '/');
}


/** In the audit's records directory: the shared directories' entries before the command, `[[real path, inode], …]`. */
export const BEFORE_FILE = 'before.json';

export interface SharedDirsOptions {
  lstat?: typeof fs.lstatSync;
  stat?: typeof fs.statSync;
  realpath?: (dir: string) => string;
  /** The entries there before the command (real path -> inode), read when first needed; undefined: not known. */
  before?: () => Map<string, number> | undefined;
}

/** Reads the snapshot file back; undefined when there is none (the recorder runs outside tmpfix audit). */
export function readBefore(file: string, readFile: (file: string, encoding: 'utf8') => string): Map<string, number> | undefined {
  try {
    return new Map(JSON.parse(readFile(file, 'utf8')) as [string, number][]);
  } catch {
    return undefined;
  }
}

/** Where a path sits in a shared directory: the directory, and the top-level entry it is under. */
export interface SharedPlace {
  root: string;
  /** `root/first-component`: what is left behind, or the directory whose privacy decides. */
  top: string;
  direct: boolean;
}

export class SharedDirs {
  /** Deepest first, so that a TMPDIR inside /tmp wins over /tmp. */
  private readonly roots: string[];
  private readonly privateTops = new Set<string>();
  /** Top-level entries this process made itself. */
  private readonly madeTops = new Set<string>();
  private readonly realRoots = new Map<string, string>();
  private beforeRun: Map<string, number> | undefined | null = null;
  private readonly uid = typeof process.getuid === 'function' ? process.getuid() : -1;
  private readonly lstat: typeof fs.lstatSync;
  private readonly stat: typeof fs.statSync;

  constructor(roots: string[], private readonly options: SharedDirsOptions = {}) {
    this.roots = [...new Set(roots.map((root) => path.resolve(root)))].filter((root) => root !== '/').sort((a, b) => b.length - a.length);
    this.lstat = options.lstat ?? fs.lstatSync;
    this.stat = options.stat ?? fs.statSync;
  }

  list(): string[] {
    return [...this.roots];
  }

  /** Cheap test on an absolute path: could it be in a shared directory at all? */
  mayBeShared(abs: string): boolean {
    for (const root of this.roots) if (abs.startsWith(root) && abs.charCodeAt(root.length) === 47) return true;
    return false;
  }

  /** The shared place of an absolute path, private or not; undefined when it is elsewhere. */
  locate(abs: string): SharedPlace | undefined {
    if (!this.mayBeShared(abs)) return undefined;
    const normal = abs.includes('/.') || abs.includes('//') ? path.normalize(abs) : abs;
    for (const root of this.roots) {
      if (!normal.startsWith(root) || normal.charCodeAt(root.length) !== 47) continue;
      const rest = normal.slice(root.length + 1).replace(/\/+$/, '');
      if (rest === '') return undefined;
      const slash = rest.indexOf('/');
      if (slash === -1) return { root, top: `${root}/${rest}`, direct: true };
      return { root, top: `${root}/${rest.slice(0, slash)}`, direct: false };
    }
    return undefined;
  }

  /**
   * The shared place of an absolute path, or undefined when it is elsewhere or inside a private
   * directory (one owned by this user that no group or other can enter, as mkdtemp makes).
   */
  classify(abs: string): SharedPlace | undefined {
    const place = this.locate(abs);
    return place && !place.direct && this.isPrivate(place.top) ? undefined : place;
  }

  /** Called when this process made `top` privately itself (mkdtemp): no need to look. */
  notePrivate(top: string): void {
    this.privateTops.add(top);
  }

  /** `top` was removed, or is made anew: whether it is private must be looked at again. */
  forgetPrivate(top: string): void {
    if (this.privateTops.size > 0) this.privateTops.delete(top);
  }

  /** This process made `top` (it was not there before its call). */
  noteMade(top: string): void {
    this.madeTops.add(top);
  }

  /**
   * How open the place of a creation that succeeded is (see Exposure); undefined when it is private.
   * Looked at with lstat after the call, so the directories a recursive mkdir made are there.
   * `acceptsExisting`: a recursive mkdir, for which the path itself is one of the directories.
   */
  exposure(abs: string, place: SharedPlace, acceptsExisting = false): Exposure | undefined {
    if (place.direct) return 'direct';
    const normal = path.normalize(abs).replace(/\/+$/, '');
    // A recursive mkdir accepts the directory itself as it finds it: that one counts too.
    for (let dir = acceptsExisting ? normal : path.dirname(normal); dir.length >= place.top.length; dir = path.dirname(dir)) {
      if (this.openDir(dir)) return 'open-dir';
      if (dir === place.top) break;
    }
    return this.madeDuringRun(place) ? 'own-dir' : undefined;
  }

  private trusted(uid: number): boolean {
    return this.uid === -1 || uid === this.uid || uid === 0;
  }

  /** Writable by group or others, or another user's; one that cannot be looked at counts as open. */
  private openDir(dir: string): boolean {
    let stat: fs.Stats | undefined;
    try {
      stat = this.lstat(dir, { throwIfNoEntry: false });
      if (stat?.isSymbolicLink()) stat = this.trusted(stat.uid) ? this.stat(dir, { throwIfNoEntry: false }) : undefined;
    } catch {
      return true;
    }
    return stat === undefined || (stat.mode & 0o022) !== 0 || !this.trusted(stat.uid);
  }

  /** Made by this process, or not among the entries there before the command (or the same name, another inode). */
  private madeDuringRun(place: SharedPlace): boolean {
    if (this.madeTops.has(place.top)) return true;
    if (this.beforeRun === null) this.beforeRun = this.options.before?.();
    if (this.beforeRun === undefined) return true;
    let realRoot = this.realRoots.get(place.root);
    if (realRoot === undefined) {
      try {
        realRoot = (this.options.realpath ?? fs.realpathSync)(place.root);
      } catch {
        realRoot = place.root;
      }
      this.realRoots.set(place.root, realRoot);
    }
    const inode = this.beforeRun.get(realRoot + place.top.slice(place.root.length));
    if (inode === undefined) return true;
    try {
      return this.lstat(place.top, { throwIfNoEntry: false })?.ino !== inode;
    } catch {
      return true;
    }
  }

  private isPrivate(top: string): boolean {
    if (this.privateTops.has(top)) return true;
    let stat: fs.Stats | undefined;
    try {
      stat = this.lstat(top, { throwIfNoEntry: false });
    } catch {
      return false;
    }
    const owned = stat !== undefined && stat.isDirectory() && (this.uid === -1 || stat.uid === this.uid) && (stat.mode & 0o077) === 0;
    if (owned) this.privateTops.add(top);
    return owned;
  }
}

/** The process umask without changing it (process.umask() sets it twice to read it). */
export function currentUmask(readFile: (file: string, encoding: 'utf8') => string): number {
  try {
    const match = /^Umask:\s*([0-7]+)$/m.exec(readFile('/proc/self/status', 'utf8'));
    if (match) return parseInt(match[1], 8);
  } catch {
    // not Linux: fall through
  }
  return 0o022;
}
