// Every call that creates or writes a path, for fs, node:fs, fs/promises, fs.promises,
// graceful-fs and fs-extra, with where its target path and its options sit.
import { isFunction, type Node, type Path } from './ast';
import type { Modules } from './modules';
import { SINKS, type Creates, type OptionsShape } from './dataflow/sinks';

export type { Creates, OptionsShape } from './dataflow/sinks';

export interface FsCall {
  /** The method without its `Sync` suffix: `writeFile`, `open`, `mkdir`. */
  method: string;
  api: 'sync' | 'promise' | 'callback';
  creates: Creates;
  /** Index of the argument naming the path that is created or written. */
  target: number;
  options: OptionsShape;
  /** For `append*`: the exclusive flag is `ax`, not `wx`. */
  append: boolean;
}

/** Methods that return an object at once (a stream, a watcher) rather than taking a callback. */
const RETURNS_OBJECT = new Set(['createWriteStream', 'createReadStream', 'watch', 'watchFile', 'unwatchFile']);

/** Methods that only make a fresh private directory: already the safe primitive. */
export const SAFE_CREATORS = new Set(['mkdtemp', 'mkdtempDisposable']);

/** Whether an `open` flag creates the file: `w`, `a`, `wx`, `a+`, … but not `r` or `r+`. */
export function openFlagCreates(flag: string): boolean {
  return /^[wa]/.test(flag);
}

/** Linux's O_CREAT and O_EXCL, for numeric flags written as numbers. */
const O_CREAT = 0o100;
export const O_EXCL = 0o200;

/** Whether an open() flags argument creates: `'w'`, `'a+'`, `fs.constants.O_CREAT | …`, `0o101`. */
function openCreates(flag: Node | undefined, source: string): boolean {
  if (!flag) return false;
  if (flag.type === 'StringLiteral') return openFlagCreates(flag.value as string);
  if (flag.type === 'NumericLiteral') return ((flag.value as number) & O_CREAT) !== 0;
  return /\bO_CREAT\b/.test(source.slice(flag.start, flag.end));
}

export class FsCalls {
  constructor(
    private readonly modules: Modules,
    private readonly source: string,
  ) {}

  /** Classifies a call to the file system API; undefined for anything else. */
  classify(callPath: Path): FsCall | undefined {
    const callee = this.modules.calleeOf(callPath);
    if (callee?.module === 'rimraf') return rimrafCall(callee.member, callPath.node.arguments as Node[]);
    if (!callee || (callee.module !== 'fs' && callee.module !== 'fsPromises')) return undefined;
    const sync = callee.member.endsWith('Sync');
    const method = sync ? callee.member.slice(0, -4) : callee.member;
    const args = callPath.node.arguments as Node[];
    const last = args[args.length - 1];
    let api: FsCall['api'];
    if (sync || RETURNS_OBJECT.has(method)) api = 'sync';
    else if (callee.module === 'fsPromises') api = 'promise';
    else if (last && (isFunction(last) || last.type === 'Identifier' && /^(cb|callback|done|next)$/.test(last.name))) api = 'callback';
    else api = callee.extra ? 'promise' : 'callback';
    const spec = SINKS[method];
    if (!spec) return { method, api, creates: 'none', target: 0, options: 'none', append: false };
    let creates = spec.creates;
    if (method === 'open' && !openCreates(args[1], this.source)) creates = 'none';
    return { method, api, creates, target: spec.target, options: spec.options, append: method === 'appendFile' };
  }
}

/**
 * rimraf removes a tree as `fs.rm(p, { recursive: true })` does: `rimraf.sync(p)` / `rimrafSync(p)`
 * at once, `rimraf(p, cb)` (before version 4) when the callback runs, `await rimraf(p)` otherwise.
 */
function rimrafCall(member: string, args: Node[]): FsCall {
  const last = args[args.length - 1];
  const api: FsCall['api'] = /sync$/i.test(member) ? 'sync' : args.length > 1 && last && isFunction(last) ? 'callback' : 'promise';
  return { method: 'rm', api, creates: 'none', target: 0, options: 'none', append: false };
}
