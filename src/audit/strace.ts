// `tmpfix audit --strace`: the same facts from system calls, for programs of any language. strace
// follows every child (-f), prints descriptors with their paths (-y), and the trace is read after
// the command ended. There is no source line, only the program that made the call.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SharedDirs } from './shared-dirs';
import type { Exposure, ProcessRecords, RawEvent } from './types';

const CREATING = ['open', 'openat', 'openat2', 'creat', 'mkdir', 'mkdirat', 'rename', 'renameat', 'renameat2', 'symlink', 'symlinkat', 'link', 'linkat'];
const CHECKING = ['stat', 'lstat', 'newfstatat', 'fstatat64', 'statx', 'access', 'faccessat', 'faccessat2'];
const REMOVING = ['unlink', 'unlinkat', 'rmdir'];
const PROCESSES = ['execve', 'execveat', 'clone', 'clone3', 'fork', 'vfork'];

export function straceArguments(traceFile: string): string[] {
  const calls = [...CREATING, ...CHECKING, ...REMOVING, ...PROCESSES].map((name) => `?${name}`).join(',');
  return ['-f', '-qq', '-y', '-s', '4096', '-o', traceFile, '-e', `trace=${calls}`, '-e', 'signal=none', '--'];
}

/** Why strace cannot trace here, or undefined when it can. */
export function straceProblem(spawnSync: typeof import('node:child_process').spawnSync): string | undefined {
  const probe = spawnSync('strace', ['-f', '-qq', '-o', '/dev/null', '-e', 'trace=?openat', 'true'], { stdio: 'pipe', encoding: 'utf8' });
  if (probe.error) return (probe.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'strace is not installed (on Debian: apt-get install strace)' : `strace cannot start: ${probe.error.message}`;
  if (probe.status !== 0) return `strace cannot trace here: ${probe.stderr.trim() || `exit code ${probe.status}`}`;
  return undefined;
}

interface Call {
  pid: number;
  name: string;
  args: string[];
  result: string;
  ok: boolean;
}

/** Splits `name(arg, arg, ...) = result` at the top-level commas, strings and brackets kept whole. */
function parseCall(pid: number, text: string): Call | undefined {
  const open = text.indexOf('(');
  if (open <= 0 || !/^\w+$/.test(text.slice(0, open))) return undefined;
  const args: string[] = [];
  let depth = 0;
  let current = '';
  let index = open + 1;
  for (; index < text.length; index++) {
    const ch = text[index];
    if (ch === '"') {
      let end = index + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      current += text.slice(index, end + 1);
      index = end;
      continue;
    }
    if (ch === ')' && depth === 0) break;
    if ('([{<'.includes(ch)) depth++;
    if (')]}>'.includes(ch)) depth--;
    if (ch === ',' && depth === 0) {
      args.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) args.push(current.trim());
  const result = /^\)\s*=\s*(.*)$/.exec(text.slice(index))?.[1] ?? '?';
  return { pid, name: text.slice(0, open), args, result, ok: result !== '?' && !result.startsWith('-1') };
}

/** A C string as strace prints it ("\x41\n..."), decoded; undefined for anything else. */
function cString(arg: string | undefined): string | undefined {
  const match = arg === undefined ? null : /^"((?:[^"\\]|\\.)*)"/s.exec(arg);
  if (!match) return undefined;
  const bytes: number[] = [];
  const escapes: Record<string, number> = { n: 10, t: 9, r: 13, v: 11, f: 12, a: 7, b: 8 };
  const body = match[1];
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== '\\') {
      bytes.push(...Buffer.from(body[i]));
      continue;
    }
    const next = body[++i];
    if (next === 'x') {
      bytes.push(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (/[0-7]/.test(next)) {
      const digits = /^[0-7]{1,3}/.exec(body.slice(i))![0];
      bytes.push(parseInt(digits, 8));
      i += digits.length - 1;
    } else bytes.push(escapes[next] ?? next.charCodeAt(0));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The directory a dirfd argument names: `AT_FDCWD</cwd>` or `3</dir>` thanks to -y. */
function dirfd(arg: string | undefined, fallback: string): string {
  return /<(.*)>$/.exec(arg ?? '')?.[1] ?? fallback;
}

function octal(arg: string | undefined): number | null {
  return arg !== undefined && /^0[0-7]*$/.test(arg) ? parseInt(arg, 8) : null;
}

interface Fact {
  pid: number;
  kind: 'create' | 'check' | 'remove';
  call: string;
  path: string;
  flags: string[];
  exclusive: boolean;
  mode: number | null;
  directory: boolean;
  opens: boolean;
}

function facts(call: Call, cwd: string): Fact[] {
  const { pid, name, args } = call;
  const at = (index: number): string => dirfd(args[index], cwd);
  const file = (dir: string, arg: string | undefined): string | undefined => {
    const name = cString(arg);
    return name === undefined ? undefined : path.resolve(dir, name);
  };
  const base = { pid, call: name, exclusive: false, mode: null, directory: false, opens: false };
  if (CHECKING.includes(name)) {
    const target = name === 'stat' || name === 'lstat' || name === 'access' ? file(cwd, args[0]) : file(at(0), args[1]);
    return target ? [{ ...base, kind: 'check', path: target, flags: [] }] : [];
  }
  if (REMOVING.includes(name)) {
    const target = name === 'unlinkat' ? file(at(0), args[1]) : file(cwd, args[0]);
    return target ? [{ ...base, kind: 'remove', path: target, flags: [] }] : [];
  }
  if (!call.ok) return [];
  switch (name) {
    case 'open':
    case 'openat':
    case 'openat2':
    case 'creat': {
      const target = name === 'open' || name === 'creat' ? file(cwd, args[0]) : file(at(0), args[1]);
      if (!target) return [];
      let flags: string[];
      let mode: number | null;
      if (name === 'creat') [flags, mode] = [['O_WRONLY', 'O_CREAT', 'O_TRUNC'], octal(args[1])];
      else if (name === 'openat2') [flags, mode] = [/flags=([\w|]+)/.exec(args[2] ?? '')?.[1].split('|') ?? [], octal(/mode=(\w+)/.exec(args[2] ?? '')?.[1])];
      else [flags, mode] = [(args[name === 'open' ? 1 : 2] ?? '').split('|'), octal(args[name === 'open' ? 2 : 3])];
      const writes = flags.some((flag) => ['O_WRONLY', 'O_RDWR', 'O_CREAT', 'O_TRUNC', 'O_APPEND'].includes(flag));
      if (!writes || flags.includes('O_TMPFILE') || flags.includes('__O_TMPFILE')) return [];
      const exclusive = flags.includes('O_CREAT') && flags.includes('O_EXCL');
      return [{ ...base, kind: 'create', path: target, flags, exclusive, mode: flags.includes('O_CREAT') ? mode : null, opens: true }];
    }
    case 'mkdir':
    case 'mkdirat': {
      const target = name === 'mkdir' ? file(cwd, args[0]) : file(at(0), args[1]);
      return target ? [{ ...base, kind: 'create', path: target, flags: ['mkdir'], exclusive: true, mode: octal(args[name === 'mkdir' ? 1 : 2]), directory: true }] : [];
    }
    case 'rename':
    case 'renameat':
    case 'renameat2':
    case 'link':
    case 'linkat':
    case 'symlink':
    case 'symlinkat': {
      const target = name === 'rename' || name === 'link' ? file(cwd, args[1]) : name === 'symlink' ? file(cwd, args[1]) : name === 'symlinkat' ? file(at(1), args[2]) : file(at(2), args[3]);
      if (!target) return [];
      const renames = name.startsWith('rename');
      const noReplace = (args[4] ?? '').includes('RENAME_NOREPLACE');
      return [{ ...base, kind: 'create', path: target, flags: [renames ? 'rename' : name.startsWith('sym') ? 'symlink' : 'link'], exclusive: !renames || noReplace, opens: renames }];
    }
    default:
      return [];
  }
}

/**
 * Reads a trace into one records entry per program. `umask` turns requested modes into the bits
 * files got; a directory the program itself made with mode 0700 counts as private, like one that is
 * private now.
 */
export function readTrace(traceFile: string, cwd: string, roots: string[], umask: number, before?: Map<string, number>): ProcessRecords[] {
  let text: string;
  try {
    text = fs.readFileSync(traceFile, 'utf8');
  } catch {
    return [];
  }
  const madePrivate = new Set<string>();
  // Whether a place below a shared directory is open is looked at now, after the command.
  const shared = new SharedDirs(roots, { before: () => before });
  const program = new Map<number, string[]>();
  const byProgram = new Map<string, ProcessRecords>();
  const lastCheck = new Map<string, string>();
  const unfinished = new Map<number, string>();
  const eventsOf = (pid: number): { records: ProcessRecords; events: Map<string, RawEvent> } => {
    const argv = program.get(pid) ?? [`pid ${pid}`];
    const key = argv.join('\0');
    let records = byProgram.get(key);
    if (!records) {
      records = { version: 1, runtime: 'strace', pid, argv, overheadMs: 0, events: [] };
      byProgram.set(key, records);
    }
    return { records, events: indexes.get(records) ?? indexes.set(records, new Map()).get(records)! };
  };
  const indexes = new Map<ProcessRecords, Map<string, RawEvent>>();
  const add = (fact: Fact, kind: RawEvent['kind'], top: string, exposure: Exposure, check?: string): void => {
    const { records, events } = eventsOf(fact.pid);
    const mode = fact.mode === null ? null : fact.mode & ~umask & 0o7777;
    const key = `${kind}\0${fact.call}\0${fact.flags.join('|')}\0${mode}\0${exposure}`;
    let event = events.get(key);
    if (!event) {
      event = {
        kind, call: fact.call, flags: fact.flags, exclusive: fact.exclusive, mode, directory: fact.directory, exposure,
        frame: null, inProject: false, ...(check ? { check: { call: check, frame: null } } : {}), count: 0, paths: [], tops: [],
      };
      events.set(key, event);
      records.events.push(event);
    }
    event.count++;
    if (event.paths.length < 5 && !event.paths.includes(fact.path)) event.paths.push(fact.path);
    if (!event.tops.includes(top)) event.tops.push(top);
  };

  for (const line of text.split('\n')) {
    const match = /^(\d+)\s+(.*)$/.exec(line);
    if (!match) continue;
    const pid = Number(match[1]);
    let body = match[2];
    if (body.endsWith('<unfinished ...>')) {
      unfinished.set(pid, body.slice(0, -'<unfinished ...>'.length));
      continue;
    }
    const resumed = /^<\.\.\. \w+ resumed>(.*)$/.exec(body);
    if (resumed) {
      body = (unfinished.get(pid) ?? '') + resumed[1];
      unfinished.delete(pid);
    }
    const call = parseCall(pid, body);
    if (!call) continue;
    if (PROCESSES.includes(call.name)) {
      if (call.name.startsWith('exec') && call.ok) {
        const argv = /^\[(.*)\]$/.exec(call.args[call.name === 'execveat' ? 2 : 1] ?? '')?.[1];
        program.set(pid, argv ? (argv.match(/"(?:[^"\\]|\\.)*"/g) ?? []).map((arg) => cString(arg) ?? arg) : [cString(call.args[0]) ?? '?']);
      } else if (call.ok && /^\d+/.test(call.result)) {
        const child = parseInt(call.result, 10);
        if (!program.has(child) && program.has(pid)) program.set(child, program.get(pid)!);
      }
      continue;
    }
    for (const fact of facts(call, cwd)) {
      if (!shared.mayBeShared(fact.path)) continue;
      if (fact.kind === 'remove') {
        lastCheck.delete(fact.path);
        continue;
      }
      const place = shared.classify(fact.path);
      if (!place || (!place.direct && madePrivate.has(place.top))) continue;
      if (fact.kind === 'check') {
        lastCheck.set(fact.path, fact.call);
        continue;
      }
      const checked = lastCheck.get(fact.path);
      lastCheck.delete(fact.path);
      if (place.direct && fact.directory && fact.mode !== null && ((fact.mode & ~umask) & 0o077) === 0) madePrivate.add(place.top);
      const exposure = shared.exposure(fact.path, place);
      if (exposure === undefined) continue;
      add(fact, 'create', place.top, exposure);
      if (checked && fact.opens && !fact.exclusive) add(fact, 'check-then-open', place.top, exposure, checked);
    }
  }
  return [...byProgram.values()];
}
