// Every call that creates or writes a path, for fs, node:fs, fs/promises, fs.promises,
// graceful-fs and fs-extra, with where its target path and its options sit.
import { isFunction, type Node, type Path } from './ast';
import type { Modules } from './modules';

export type Creates = 'file' | 'dir' | 'link' | 'none';
export type OptionsShape = 'write' | 'open' | 'stream' | 'mkdir' | 'none';

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

interface Spec {
  creates: Creates;
  target: number;
  options: OptionsShape;
}

const CREATING: Record<string, Spec> = {
  writeFile: { creates: 'file', target: 0, options: 'write' },
  appendFile: { creates: 'file', target: 0, options: 'write' },
  outputFile: { creates: 'file', target: 0, options: 'write' },
  writeJson: { creates: 'file', target: 0, options: 'write' },
  writeJSON: { creates: 'file', target: 0, options: 'write' },
  outputJson: { creates: 'file', target: 0, options: 'write' },
  outputJSON: { creates: 'file', target: 0, options: 'write' },
  ensureFile: { creates: 'file', target: 0, options: 'none' },
  createFile: { creates: 'file', target: 0, options: 'none' },
  open: { creates: 'file', target: 0, options: 'open' },
  createWriteStream: { creates: 'file', target: 0, options: 'stream' },
  copyFile: { creates: 'file', target: 1, options: 'none' },
  copy: { creates: 'file', target: 1, options: 'none' },
  cp: { creates: 'file', target: 1, options: 'none' },
  move: { creates: 'file', target: 1, options: 'none' },
  rename: { creates: 'file', target: 1, options: 'none' },
  link: { creates: 'link', target: 1, options: 'none' },
  symlink: { creates: 'link', target: 1, options: 'none' },
  ensureSymlink: { creates: 'link', target: 1, options: 'none' },
  ensureLink: { creates: 'link', target: 1, options: 'none' },
  mkdir: { creates: 'dir', target: 0, options: 'mkdir' },
  mkdirp: { creates: 'dir', target: 0, options: 'mkdir' },
  mkdirs: { creates: 'dir', target: 0, options: 'mkdir' },
  ensureDir: { creates: 'dir', target: 0, options: 'mkdir' },
};

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
    const spec = CREATING[method];
    if (!spec) return { method, api, creates: 'none', target: 0, options: 'none', append: false };
    let creates = spec.creates;
    if (method === 'open' && !openCreates(args[1], this.source)) creates = 'none';
    return { method, api, creates, target: spec.target, options: spec.options, append: method === 'appendFile' };
  }
}
