// The Node recorder, loaded into every audited Node process with `--require` (through NODE_OPTIONS).
// It wraps fs, fs/promises, streams and child_process, notes what the program creates in the shared
// temp directories, and writes its records atomically into the private directory the parent named.
// It never changes what a call does, returns or throws: every observation is guarded. What a call
// needs looked at first (the stack, whether the name was there) is taken before the real call, which
// gets the very arguments it was given; the creation is recorded only when the call succeeded (it
// returned, its callback got no error, its promise resolved, its stream opened).
import childProcess = require('node:child_process');
import fs = require('node:fs');
import nodeModule = require('node:module');
import path = require('node:path');
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import { flagNames, flagsNumber, isExclusive, opensForWriting } from './open-flags';
import { BEFORE_FILE, currentUmask, readBefore, SharedDirs, type SharedPlace } from './shared-dirs';
import { ENV, type Exposure, type Frame, type RawEvent, type RecordLine } from './types';

const started = process.hrtime.bigint();
const MAX_EVENTS = 2000;
const MAX_PATHS = 5;
const MAX_CALLERS = 3;
const MAX_TOPS = 1000;
const FLUSH_EVERY_MS = 500;

type AnyFunction = (this: unknown, ...args: unknown[]) => unknown;
type Host = Record<string, unknown>;

/** The real functions, taken before anything is wrapped: the recorder's own writes use these. */
const real = {
  openSync: fs.openSync,
  writeSync: fs.writeSync,
  lstatSync: fs.lstatSync,
  statSync: fs.statSync,
  readFileSync: fs.readFileSync,
  realpathSync: fs.realpathSync,
};

/** Records a creation looked at before its call: called only once the call succeeded. */
type Commit = () => void;

interface Creation {
  call: string;
  target: unknown;
  flags: string[];
  exclusive: boolean;
  mode: number | null;
  directory: boolean;
  /** Also opened for writing (so an existence check just before matters). */
  opens: boolean;
  exposure?: Exposure;
}

/** An existence check, kept until the path is next created or removed. */
interface Check {
  call: string;
  frame: Frame | null;
  inProject: boolean;
  at: number;
}

/** How long a check counts as "just before" an open. */
const CHECK_WINDOW_MS = 2000;

/**
 * Whether a check is the one the open relied on: recent, and not from another file of the project
 * (a walk over a directory in one module and a later write in a test are not check-then-create).
 */
function checkedJustBefore(check: Check | undefined, frame: Frame | null, inProject: boolean): check is Check {
  if (!check || Date.now() - check.at > CHECK_WINDOW_MS) return false;
  return !(check.inProject && inProject && check.frame && frame && check.frame.file !== frame.file);
}

class Recorder {
  private readonly events = new Map<string, RawEvent>();
  private readonly changed = new Set<string>();
  private fd: number | undefined;
  private readonly lastCheck = new Map<string, Check>();
  private readonly file: string;
  private overheadNs = 0n;
  private lastFlush = 0;
  /** Paths of createWriteStream calls whose deferred fs.open is the stream's own. */
  readonly streamOpens = new Map<string, number>();
  depth = 0;

  constructor(
    private readonly dir: string,
    private readonly project: string,
    readonly shared: SharedDirs,
    readonly umask: number,
    private readonly ownFiles: string[],
  ) {
    this.file = path.join(dir, `node-${process.pid}-${threadId}.jsonl`);
  }

  spend(since: bigint): void {
    this.overheadNs += process.hrtime.bigint() - since;
  }

  /** The absolute path a call argument names, or undefined for descriptors and odd values. */
  absolute(target: unknown): string | undefined {
    let name: string;
    if (typeof target === 'string') name = target;
    else if (Buffer.isBuffer(target)) name = target.toString('utf8');
    else if (target instanceof URL) {
      if (target.protocol !== 'file:') return undefined;
      name = fileURLToPath(target);
    } else return undefined;
    if (name === '') return undefined;
    return name.charCodeAt(0) === 47 ? name : path.resolve(name);
  }

  check(call: string, target: unknown): void {
    const abs = this.absolute(target);
    if (abs === undefined || !this.shared.mayBeShared(abs)) return;
    const since = process.hrtime.bigint();
    const place = this.shared.classify(abs);
    // Only where another user can create names does a check before an open matter.
    const exposure = place && (place.direct ? 'direct' : this.shared.exposure(abs, place));
    if (exposure === 'direct' || exposure === 'open-dir') {
      const { frame, inProject } = this.where();
      this.lastCheck.set(abs, { call, frame, inProject, at: Date.now() });
    }
    this.spend(since);
  }

  /** A path removed (or renamed away): its check is stale, and a top removed is no longer private. */
  forget(target: unknown): void {
    const abs = this.absolute(target);
    if (abs === undefined) return;
    if (this.lastCheck.size > 0) this.lastCheck.delete(abs);
    const place = this.shared.locate(abs);
    if (place?.direct) this.shared.forgetPrivate(place.top);
  }

  /**
   * Looks at a creation before the real call and returns what records it, to be called once the call
   * succeeded: a mkdir that fails with EEXIST or an open that fails with ENOENT created nothing.
   */
  create(creation: Creation): Commit | undefined {
    const abs = this.absolute(creation.target);
    if (abs === undefined || !this.shared.mayBeShared(abs)) return undefined;
    const since = process.hrtime.bigint();
    // Before the privacy test: a top this call makes anew is not the private directory of that name.
    const made = this.madeTop(abs, creation);
    const place = this.shared.classify(abs);
    // A private place (a project checked out under /tmp) costs no stack: its directories exist
    // already, unless a recursive mkdir makes them, which is looked at once it did.
    const skip = !place || (!place.direct && creation.flags[0] !== 'mkdir -p' && this.shared.exposure(abs, place) === undefined);
    const commit = place && !skip ? this.record(abs, place, creation, made) : undefined;
    this.spend(since);
    return commit;
  }

  /**
   * The top-level entry of a shared directory that this call makes itself, if any: the path when it is
   * one and is not there yet (a rename always puts a new entry there), or the first directory of a
   * recursive mkdir that is not there (mkdir -p makes it, with the call's mode).
   */
  private madeTop(abs: string, creation: Creation): string | undefined {
    const place = this.shared.locate(abs);
    if (!place || (!place.direct && creation.flags[0] !== 'mkdir -p')) return undefined;
    if (creation.flags[0] !== 'rename' && exists(place.top)) return undefined;
    this.shared.forgetPrivate(place.top);
    return place.top;
  }

  /** A directory this process made privately (mkdtemp): noted for leftovers, never reported. */
  madePrivate(call: string, made: unknown): void {
    const abs = this.absolute(made);
    if (abs === undefined || !this.shared.mayBeShared(abs)) return;
    const since = process.hrtime.bigint();
    const place = this.shared.classify(abs);
    if (place) {
      // called once mkdtemp succeeded: recorded at once
      this.record(abs, place, { call, target: made, flags: ['mkdtemp'], exclusive: true, mode: 0o700 & ~this.umask, directory: true, opens: false }, place.direct ? place.top : undefined)();
      if (place.direct) this.shared.notePrivate(abs);
    }
    this.spend(since);
  }

  /** The stack and the check are taken now, before the call; the records once it succeeded. */
  private record(abs: string, place: SharedPlace, creation: Creation, madeTop: string | undefined): Commit {
    const { frame, inProject, callers } = this.where();
    const checked = creation.opens && !creation.exclusive ? this.lastCheck.get(abs) : undefined;
    const justBefore = checkedJustBefore(checked, frame, inProject);
    return () => {
      const since = process.hrtime.bigint();
      this.lastCheck.delete(abs);
      if (madeTop !== undefined) this.shared.noteMade(madeTop);
      // Looked at now that the call is done: the directories a recursive mkdir made are there.
      // A recursive mkdir that made the top-level entry made a name right in the shared directory.
      const recursive = creation.flags[0] === 'mkdir -p';
      const exposure = recursive && madeTop !== undefined ? 'direct' : this.shared.exposure(abs, place, recursive);
      if (exposure !== undefined) {
        const placed = { ...creation, exposure };
        this.add('create', placed, frame, inProject, callers, abs, place.top, undefined, madeTop);
        if (justBefore) this.add('check-then-open', placed, frame, inProject, callers, abs, place.top, { call: checked!.call, frame: checked!.frame });
      }
      this.spend(since);
    };
  }

  private add(kind: RawEvent['kind'], creation: Creation, frame: Frame | null, inProject: boolean, callers: Frame[], abs: string, top: string, check?: RawEvent['check'], madeTop?: string): void {
    const key = `${kind}\0${creation.call}\0${frame ? `${frame.file}:${frame.line}:${frame.column}` : ''}\0${creation.exclusive}\0${creation.mode}\0${creation.exposure}`;
    let event = this.events.get(key);
    if (!event) {
      if (this.events.size >= MAX_EVENTS) return;
      event = {
        kind, call: creation.call, flags: creation.flags, exclusive: creation.exclusive, mode: creation.mode,
        directory: creation.directory, ...(creation.exposure ? { exposure: creation.exposure } : {}), frame, inProject, ...(callers.length ? { callers } : {}), ...(check ? { check } : {}), count: 0, paths: [], tops: [],
      };
      this.events.set(key, event);
      this.lastFlush = 0; // a new kind of record is written at once: a crash must not lose it
    }
    event.count++;
    if (event.paths.length < MAX_PATHS && !event.paths.includes(abs)) event.paths.push(abs);
    if (event.tops.length < MAX_TOPS && !event.tops.includes(top)) event.tops.push(top);
    if (madeTop !== undefined) {
      event.madeAt ??= {};
      if (madeTop in event.madeAt || Object.keys(event.madeAt).length < MAX_TOPS) event.madeAt[madeTop] = Number(process.hrtime.bigint() / 1000n);
    }
    this.changed.add(key);
    if (Date.now() - this.lastFlush >= FLUSH_EVERY_MS) this.flush(false);
  }

  /** The first stack frame in the project (outside node_modules), else the first frame of real code. */
  private where(): { frame: Frame | null; inProject: boolean; callers: Frame[] } {
    const limit = Error.stackTraceLimit;
    const holder: { stack?: unknown } = {};
    try {
      Error.stackTraceLimit = 100;
      // The program's own stack formatting applies, so source-map support (vitest, ts-node,
      // --enable-source-maps) maps transpiled frames back to the TypeScript source.
      Error.captureStackTrace(holder);
    } finally {
      Error.stackTraceLimit = limit;
    }
    if (typeof holder.stack !== 'string') return { frame: null, inProject: false, callers: [] };
    let fallback: Frame | null = null;
    const inProject: Frame[] = [];
    for (const line of holder.stack.split('\n')) {
      const frame = parseFrame(line);
      if (!frame || this.ownFiles.includes(frame.file)) continue;
      if (frame.file.startsWith(this.project) && !frame.file.includes('/node_modules/')) {
        if (inProject.push(frame) > MAX_CALLERS) break;
      } else fallback ??= frame;
    }
    if (inProject.length > 0) return { frame: inProject[0], inProject: true, callers: inProject.slice(1) };
    return { frame: fallback, inProject: false, callers: [] };
  }

  /** Appends the events that changed since the last call (and, at exit, the process's totals). */
  flush(atExit: boolean): void {
    this.lastFlush = Date.now();
    const lines: RecordLine[] = [];
    if (this.fd === undefined || atExit) {
      lines.push({ process: { version: 1, runtime: 'node', pid: process.pid, argv: process.argv, overheadMs: Number(this.overheadNs + loadNs) / 1e6 } });
    }
    for (const key of this.changed) lines.push({ key, event: this.events.get(key)! });
    this.changed.clear();
    this.depth++;
    try {
      this.fd ??= real.openSync(this.file, 'a', 0o600);
      real.writeSync(this.fd, lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
    } catch {
      // The records directory is gone (the parent stopped waiting): nothing to keep them for.
    } finally {
      this.depth--;
    }
  }
}

let loadNs = 0n;

/** `at fn (/a/b.js:1:2)`, `at /a/b.js:1:2`, `at async file:///a/b.mjs:1:2` as a frame on disk. */
export function parseFrame(line: string): Frame | null {
  const trimmed = line.trim();
  if (!trimmed.startsWith('at ')) return null;
  if (trimmed.includes('(eval at ') || trimmed.startsWith('at eval ')) return null;
  const inParens = trimmed.endsWith(')') ? trimmed.slice(trimmed.lastIndexOf('(') + 1, -1) : trimmed.slice(3).replace(/^async /, '');
  const match = /^(.*):(\d+):(\d+)$/.exec(inParens);
  if (!match) return null;
  let file = match[1];
  if (file.startsWith('file://')) {
    try {
      file = fileURLToPath(file);
    } catch {
      return null;
    }
  }
  if (!path.isAbsolute(file)) return null; // node:internal, <anonymous>, native
  return { file, line: Number(match[2]), column: Number(match[3]) };
}

function exists(abs: string): boolean {
  try {
    return real.lstatSync(abs, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return true; // cannot tell (EACCES): not taken for made here
  }
}

function modeOf(mode: unknown, fallback: number, umask: number): number {
  const requested = typeof mode === 'number' ? mode : typeof mode === 'string' && /^[0-7]+$/.test(mode) ? parseInt(mode, 8) : fallback;
  return requested & 0o7777 & ~umask;
}

function optionsObject(options: unknown): Record<string, unknown> {
  return options !== null && typeof options === 'object' ? (options as Record<string, unknown>) : {};
}

/** An open-like call: path, flags, mode. */
function openCreation(rec: Recorder, call: string, target: unknown, flags: unknown, mode: unknown, fallback: string): Creation | undefined {
  const number = flagsNumber(flags, fallback);
  if (number === undefined || !opensForWriting(number)) return undefined;
  return { call, target, flags: flagNames(number), exclusive: isExclusive(number), mode: modeOf(mode, 0o666, rec.umask), directory: false, opens: true };
}

function fileModeOf(source: unknown, rec: Recorder): number | null {
  const abs = rec.absolute(source);
  if (abs === undefined) return null;
  try {
    return real.statSync(abs).mode & 0o7777;
  } catch {
    return null;
  }
}

function isDirectory(source: unknown, rec: Recorder): boolean {
  const abs = rec.absolute(source);
  try {
    return abs !== undefined && real.statSync(abs).isDirectory();
  } catch {
    return false;
  }
}

/**
 * What each wrapped API does before the real call; `name` is the call as the report names it. A
 * creation returns what records it once the call succeeded.
 */
type Observer = (rec: Recorder, name: string, args: unknown[]) => Commit | undefined | void;

const observers: Record<string, Observer> = {
  open: (rec, name, [target, flags, mode]) => {
    const abs = rec.absolute(target);
    const pending = abs !== undefined ? rec.streamOpens.get(abs) : undefined;
    if (abs !== undefined && pending !== undefined) {
      // the stream's own deferred open: already recorded at createWriteStream
      if (pending <= 1) rec.streamOpens.delete(abs);
      else rec.streamOpens.set(abs, pending - 1);
      return undefined;
    }
    const creation = openCreation(rec, name, target, flags, typeof mode === 'function' ? undefined : mode, 'r');
    return creation && rec.create(creation);
  },
  writeFile: (rec, name, [target, , options]) => {
    const { flag, mode } = optionsObject(options);
    const creation = openCreation(rec, name, target, flag, mode, 'w');
    return creation && rec.create(creation);
  },
  appendFile: (rec, name, [target, , options]) => {
    const { flag, mode } = optionsObject(options);
    const creation = openCreation(rec, name, target, flag, mode, 'a');
    return creation && rec.create(creation);
  },
  createWriteStream: (rec, name, [target, options]) => {
    const { flags, mode, fd } = optionsObject(options);
    if (fd !== undefined && fd !== null) return undefined;
    const creation = openCreation(rec, name, target, flags, mode, 'w');
    if (!creation) return undefined;
    const commit = rec.create(creation);
    const abs = rec.absolute(target);
    if (abs !== undefined) rec.streamOpens.set(abs, (rec.streamOpens.get(abs) ?? 0) + 1);
    return commit;
  },
  copyFile: (rec, name, [source, dest, mode]) => {
    const exclusive = typeof mode === 'number' && (mode & fs.constants.COPYFILE_EXCL) !== 0;
    if (!rec.shared.mayBeShared(rec.absolute(dest) ?? '')) return undefined;
    const bits = fileModeOf(source, rec);
    return rec.create({ call: name, target: dest, flags: ['copy'], exclusive, mode: bits === null ? null : bits & ~rec.umask, directory: false, opens: true });
  },
  cp: (rec, name, [source, dest, options]) => {
    const { errorOnExist, force } = optionsObject(options);
    if (!rec.shared.mayBeShared(rec.absolute(dest) ?? '')) return undefined;
    return rec.create({ call: name, target: dest, flags: ['copy'], exclusive: errorOnExist === true && force === false, mode: null, directory: isDirectory(source, rec), opens: true });
  },
  rename: (rec, name, [source, dest]) => {
    if (!rec.shared.mayBeShared(rec.absolute(dest) ?? '')) return undefined;
    const commit = rec.create({ call: name, target: dest, flags: ['rename'], exclusive: false, mode: fileModeOf(source, rec), directory: isDirectory(source, rec), opens: true });
    // The source is gone only when the rename happened.
    return () => {
      rec.forget(source);
      commit?.();
    };
  },
  symlink: (rec, name, [, link]) => rec.create({ call: name, target: link, flags: ['symlink'], exclusive: true, mode: null, directory: false, opens: false }),
  link: (rec, name, [, link]) => rec.create({ call: name, target: link, flags: ['link'], exclusive: true, mode: null, directory: false, opens: false }),
  mkdir: (rec, name, [target, options]) => {
    const { recursive, mode } = typeof options === 'number' || typeof options === 'string' ? { recursive: false, mode: options } : optionsObject(options);
    return rec.create({
      call: name, target, flags: [recursive ? 'mkdir -p' : 'mkdir'], exclusive: recursive !== true,
      mode: modeOf(mode, 0o777, rec.umask), directory: true, opens: recursive === true,
    });
  },
  check: (rec, name, [target]) => rec.check(name, target),
  remove: (rec, _name, [target]) => rec.forget(target),
};

/** How a wrapped function reports success: it returns, calls back without an error, resolves, or its stream opens. */
type Style = 'sync' | 'callback' | 'promise' | 'stream';

function styleOf(key: string, promises: boolean): Style {
  if (promises) return 'promise';
  if (key === 'createWriteStream') return 'stream';
  return key.endsWith('Sync') ? 'sync' : 'callback';
}

/** Calls `commit` (guarded: it never throws into the program) once the call succeeded. */
function onSuccess(style: Style, args: unknown[], commit: Commit | undefined | void): ((result: unknown) => void) | undefined {
  if (!commit) return undefined;
  const safely = (): void => {
    try {
      commit();
    } catch {
      // an observation that fails must not change the program
    }
  };
  if (style === 'callback') {
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback !== 'function') return undefined; // the real call throws: nothing was made
    args[last] = function (this: unknown, ...results: unknown[]) {
      if (results[0] === null || results[0] === undefined) safely();
      return (callback as AnyFunction).apply(this, results);
    };
    return undefined;
  }
  return (result) => {
    if (style === 'sync') safely();
    else if (style === 'promise' && result instanceof Promise) result.then(safely, () => undefined);
    else if (style === 'stream' && result !== null && typeof result === 'object' && typeof (result as { once?: unknown }).once === 'function') {
      (result as NodeJS.EventEmitter).once('open', safely);
    }
  };
}

/** API name -> observer, for the callback, sync and promise forms alike. */
const FS_APIS: [string, keyof typeof observers][] = [
  ['open', 'open'], ['openSync', 'open'],
  ['writeFile', 'writeFile'], ['writeFileSync', 'writeFile'],
  ['appendFile', 'appendFile'], ['appendFileSync', 'appendFile'],
  ['createWriteStream', 'createWriteStream'],
  ['copyFile', 'copyFile'], ['copyFileSync', 'copyFile'],
  ['cp', 'cp'], ['cpSync', 'cp'],
  ['rename', 'rename'], ['renameSync', 'rename'],
  ['symlink', 'symlink'], ['symlinkSync', 'symlink'],
  ['link', 'link'], ['linkSync', 'link'],
  ['mkdir', 'mkdir'], ['mkdirSync', 'mkdir'],
  ['exists', 'check'], ['existsSync', 'check'],
  ['stat', 'check'], ['statSync', 'check'], ['lstat', 'check'], ['lstatSync', 'check'],
  ['access', 'check'], ['accessSync', 'check'],
  ['unlink', 'remove'], ['unlinkSync', 'remove'], ['rm', 'remove'], ['rmSync', 'remove'],
  ['rmdir', 'remove'], ['rmdirSync', 'remove'],
];
const PROMISE_APIS: [string, keyof typeof observers][] = [
  ['open', 'open'], ['writeFile', 'writeFile'], ['appendFile', 'appendFile'], ['copyFile', 'copyFile'],
  ['cp', 'cp'], ['rename', 'rename'], ['symlink', 'symlink'], ['link', 'link'], ['mkdir', 'mkdir'],
  ['stat', 'check'], ['lstat', 'check'], ['access', 'check'], ['unlink', 'remove'], ['rm', 'remove'], ['rmdir', 'remove'],
];

/**
 * Replaces host[key] by a function that observes, then calls the original exactly as it was called
 * (a callback is wrapped only to learn whether the call succeeded, and gets what it would have).
 * `before` may return what to do once the call returned; `after` runs when it returned.
 */
function wrap(host: Host, key: string, rec: Recorder, before: (args: unknown[]) => ((result: unknown) => void) | undefined | void, after?: (result: unknown, args: unknown[]) => unknown): void {
  const original = host[key];
  if (typeof original !== 'function') return;
  const target = original as AnyFunction;
  const wrapped = function (this: unknown, ...args: unknown[]): unknown {
    let returned: ((result: unknown) => void) | undefined | void;
    if (rec.depth === 0) {
      try {
        returned = before(args);
      } catch {
        // an observation that fails must not change the call
      }
    }
    rec.depth++;
    let result: unknown;
    try {
      result = new.target ? Reflect.construct(target, args, new.target) : target.apply(this, args);
    } finally {
      rec.depth--;
    }
    if (returned) {
      try {
        returned(result);
      } catch {
        // likewise
      }
    }
    if (after) {
      try {
        after(result, args);
      } catch {
        // likewise
      }
    }
    return result;
  };
  // util.promisify.custom (fs.exists) and the like travel with the function.
  for (const prop of Reflect.ownKeys(original)) {
    if (prop === 'length' || prop === 'name' || prop === 'prototype' || prop === 'arguments' || prop === 'caller') continue;
    const descriptor = Object.getOwnPropertyDescriptor(original, prop);
    if (descriptor) Object.defineProperty(wrapped, prop, descriptor);
  }
  Object.defineProperty(wrapped, 'name', { value: target.name, configurable: true });
  Object.defineProperty(wrapped, 'length', { value: target.length, configurable: true });
  host[key] = wrapped;
}

/** mkdtemp's directory is known only from its result: the return value, the callback, or the promise. */
function wrapMkdtemp(host: Host, key: string, rec: Recorder, name: string, style: 'sync' | 'callback' | 'promise'): void {
  wrap(host, key, rec, (args) => {
    if (style !== 'callback') return;
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback !== 'function') return;
    args[last] = function (this: unknown, error: unknown, made: unknown) {
      if (!error) {
        try {
          rec.madePrivate(name, made);
        } catch {
          // never in the way of the callback
        }
      }
      return (callback as AnyFunction).apply(this, [error, made]);
    };
  }, (result) => {
    if (style === 'sync') rec.madePrivate(name, result);
    if (style === 'promise' && result instanceof Promise) {
      result.then((made: unknown) => rec.madePrivate(name, made), () => undefined);
    }
    return result;
  });
}

/** A child started with an `env` of its own still gets the recorder. */
function auditEnv(env: Record<string, unknown>, own: NodeJS.ProcessEnv): Record<string, unknown> {
  if (env[ENV.dir] !== undefined) return env;
  const copy: Record<string, unknown> = { ...env };
  for (const name of Object.values(ENV)) if (own[name] !== undefined) copy[name] = own[name];
  const preload = own[ENV.preload];
  const nodeOptions = typeof env.NODE_OPTIONS === 'string' ? env.NODE_OPTIONS : '';
  if (preload && !nodeOptions.includes(preload)) copy.NODE_OPTIONS = `--require ${JSON.stringify(preload)}${nodeOptions ? ` ${nodeOptions}` : ''}`;
  const pythonDir = own[ENV.pythonPath];
  const pythonPath = typeof env.PYTHONPATH === 'string' ? env.PYTHONPATH : '';
  if (pythonDir && !pythonPath.split(path.delimiter).includes(pythonDir)) copy.PYTHONPATH = pythonPath ? `${pythonDir}${path.delimiter}${pythonPath}` : pythonDir;
  return copy;
}

function wrapChildProcess(rec: Recorder, own: NodeJS.ProcessEnv): void {
  const host = childProcess as unknown as Host;
  for (const key of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
    wrap(host, key, rec, (args) => {
      for (let index = 1; index < args.length; index++) {
        const options = args[index];
        if (options === null || typeof options !== 'object' || Array.isArray(options)) continue;
        const { env } = options as { env?: unknown };
        if (env !== null && typeof env === 'object') args[index] = { ...options, env: auditEnv(env as Record<string, unknown>, own) };
        return;
      }
    });
  }
}

function install(): void {
  const dir = process.env[ENV.dir];
  if (!dir) return;
  const roots = (process.env[ENV.roots] ?? '').split(path.delimiter).filter(Boolean);
  const project = process.env[ENV.project] ?? process.cwd();
  const own = [__filename, path.join(__dirname, 'open-flags.js'), path.join(__dirname, 'shared-dirs.js')];
  const shared = new SharedDirs(roots, {
    lstat: real.lstatSync,
    stat: real.statSync,
    realpath: (dir) => real.realpathSync(dir),
    before: () => readBefore(path.join(dir, BEFORE_FILE), (file, encoding) => real.readFileSync(file, encoding)),
  });
  const rec = new Recorder(dir, project.endsWith('/') ? project : `${project}/`, shared, currentUmask((file, encoding) => real.readFileSync(file, encoding)), own);

  const fsHost = fs as unknown as Host;
  for (const [key, kind] of FS_APIS) wrap(fsHost, key, rec, (args) => onSuccess(styleOf(key, false), args, observers[kind](rec, `fs.${key}`, args)));
  wrapMkdtemp(fsHost, 'mkdtempSync', rec, 'fs.mkdtempSync', 'sync');
  wrapMkdtemp(fsHost, 'mkdtemp', rec, 'fs.mkdtemp', 'callback');
  const promises = fs.promises as unknown as Host;
  for (const [key, kind] of PROMISE_APIS) wrap(promises, key, rec, (args) => onSuccess(styleOf(key, true), args, observers[kind](rec, `fs.promises.${key}`, args)));
  wrapMkdtemp(promises, 'mkdtemp', rec, 'fs.promises.mkdtemp', 'promise');
  wrapChildProcess(rec, process.env);
  // `import { writeFileSync } from 'node:fs'` reads the wrapped functions too.
  nodeModule.syncBuiltinESMExports();
  process.on('exit', () => rec.flush(true));
  loadNs = process.hrtime.bigint() - started;
}

try {
  install();
} catch {
  // The recorder must never take the program down; without it the command runs unaudited.
}
