// Runs the audited command with the recorders in place, then gathers what they wrote and what the
// command left in the shared temp directories. The command's stdin, stdout and stderr are its own.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BEFORE_FILE, currentUmask, sharedRoots } from './shared-dirs';
import { readTrace, straceArguments, straceProblem } from './strace';
import { ENV, type ProcessRecords, type RawEvent, type RecordLine } from './types';

export interface CommandOutcome {
  /** The command's own exit code; 128 + the signal's number when a signal ended it, as shells report. */
  exitCode: number;
  signal: NodeJS.Signals | null;
  /** Why the command could not be started (it then exits 127 or 126, as shells do). */
  startError?: string;
  durationMs: number;
}

/** Something new in a shared temp directory when the command ended. */
export interface Leftover {
  path: string;
  directory: boolean;
  mode: number;
}

export interface Recording {
  outcome: CommandOutcome;
  processes: ProcessRecords[];
  leftovers: Leftover[];
  /** The shared directories watched, as named and as real paths. */
  roots: string[];
}

export interface RecordOptions {
  command: string[];
  cwd: string;
  project: string;
  strace: boolean;
  env: NodeJS.ProcessEnv;
}

/** The compiled preload (this file is dist/src/audit/recorder.js) and the shipped Python hook. */
const NODE_PRELOAD = path.join(__dirname, 'preload-node.js');
const PYTHON_HOOK = path.resolve(__dirname, '..', '..', '..', 'src', 'audit', 'python', 'sitecustomize.py');

export function recorderProblem(strace: boolean): string | undefined {
  if (!fs.existsSync(NODE_PRELOAD)) return `the Node recorder ${NODE_PRELOAD} is missing (run npm run build)`;
  if (!fs.existsSync(PYTHON_HOOK)) return `the Python recorder ${PYTHON_HOOK} is missing from the package`;
  return strace ? straceProblem(spawnSync) : undefined;
}

type Snapshot = Map<string, number>; // real path -> inode

function snapshot(realRoots: string[], uid: number): Snapshot {
  const seen: Snapshot = new Map();
  for (const root of realRoots) {
    let names: string[];
    try {
      names = fs.readdirSync(root);
    } catch {
      continue;
    }
    for (const name of names) {
      const entry = path.join(root, name);
      const stat = fs.lstatSync(entry, { throwIfNoEntry: false });
      if (stat && (uid === -1 || stat.uid === uid)) seen.set(entry, stat.ino);
    }
  }
  return seen;
}

function realRootsOf(roots: string[]): string[] {
  const real = new Set<string>();
  for (const root of roots) {
    try {
      real.add(fs.realpathSync(root));
    } catch {
      // a root that does not exist holds nothing
    }
  }
  return [...real];
}

function prepend(list: string | undefined, entry: string, separator: string): string {
  return list ? `${entry}${separator}${list}` : entry;
}

/** Reads every process's log back: the last line for a process or an event key counts. */
function readRecords(dir: string): ProcessRecords[] {
  const records: ProcessRecords[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (!name.endsWith('.jsonl')) continue;
    let header: Omit<ProcessRecords, 'events'> | undefined;
    const events = new Map<string, RawEvent>();
    for (const text of fs.readFileSync(path.join(dir, name), 'utf8').split('\n')) {
      let line: RecordLine;
      try {
        line = JSON.parse(text) as RecordLine;
      } catch {
        continue; // the empty last line
      }
      if ('process' in line) header = line.process;
      else if (line.key !== undefined && line.event) events.set(line.key, line.event);
    }
    if (header) records.push({ ...header, events: [...events.values()] });
  }
  return records.sort((a, b) => a.pid - b.pid);
}

/** Whether a command name would be found as execvp finds it (a name with a slash is a path). */
function findCommand(name: string, cwd: string, searchPath: string | undefined): boolean {
  const runnable = (file: string): boolean => {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  };
  if (name.includes('/')) return runnable(path.resolve(cwd, name));
  return (searchPath ?? '').split(path.delimiter).some((dir) => runnable(path.resolve(cwd, dir || '.', name)));
}

const SIGNALS_FORWARDED: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGQUIT'];

function runCommand(file: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<CommandOutcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(file, args, { cwd: options.cwd, env: options.env, stdio: 'inherit' });
    // Ctrl-C reaches the command from the terminal; the audit stays to write what was recorded.
    const ignore = (): void => undefined;
    const forward = (signal: NodeJS.Signals): void => {
      child.kill(signal);
    };
    process.on('SIGINT', ignore);
    for (const signal of SIGNALS_FORWARDED) process.on(signal, forward);
    const done = (outcome: Omit<CommandOutcome, 'durationMs'>): void => {
      process.off('SIGINT', ignore);
      for (const signal of SIGNALS_FORWARDED) process.off(signal, forward);
      resolve({ ...outcome, durationMs: performance.now() - started });
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      const notFound = error.code === 'ENOENT';
      done({ exitCode: notFound ? 127 : 126, signal: null, startError: notFound ? `${file}: command not found` : `${file}: ${error.code ?? error.message}` });
    });
    child.on('exit', (code, signal) => {
      done({ exitCode: signal ? 128 + (os.constants.signals[signal] ?? 0) : code ?? 1, signal });
    });
  });
}

/** Runs the command under the recorders and returns everything they saw. Never throws for the command's sake. */
export async function recordCommand(options: RecordOptions): Promise<Recording> {
  const records = fs.mkdtempSync(path.join(os.tmpdir(), 'tmpfix-audit-'));
  try {
    const pythonDir = path.join(records, 'python');
    fs.mkdirSync(pythonDir, { mode: 0o700 });
    fs.copyFileSync(PYTHON_HOOK, path.join(pythonDir, 'sitecustomize.py'));
    const roots = sharedRoots(options.env);
    const env: NodeJS.ProcessEnv = {
      ...options.env,
      [ENV.dir]: records,
      [ENV.project]: options.project,
      [ENV.roots]: roots.join(path.delimiter),
      [ENV.preload]: NODE_PRELOAD,
      [ENV.pythonPath]: pythonDir,
      NODE_OPTIONS: `--require ${JSON.stringify(NODE_PRELOAD)}${options.env.NODE_OPTIONS ? ` ${options.env.NODE_OPTIONS}` : ''}`,
      PYTHONPATH: prepend(options.env.PYTHONPATH, pythonDir, path.delimiter),
    };
    const uid = typeof process.getuid === 'function' ? process.getuid() : -1;
    const realRoots = realRootsOf(roots);
    const before = snapshot(realRoots, uid);
    // For the recorders: a directory below a shared one that was there before the command (a project
    // checked out under /tmp) is not the command's own temp directory.
    fs.writeFileSync(path.join(records, BEFORE_FILE), JSON.stringify([...before]), { mode: 0o600, flag: 'wx' });

    const traceFile = path.join(records, 'strace.trace');
    const [file, ...args] = options.strace ? ['strace', ...straceArguments(traceFile), ...options.command] : options.command;
    // strace reports a missing command with its own exit code 1: look first, and answer as a shell does.
    const missing = options.strace && !findCommand(options.command[0], options.cwd, env.PATH);
    const outcome = missing
      ? { exitCode: 127, signal: null, startError: `${options.command[0]}: command not found`, durationMs: 0 }
      : await runCommand(file, args, { cwd: options.cwd, env });

    const after = snapshot(realRoots, uid);
    const leftovers: Leftover[] = [];
    for (const [entry, inode] of after) {
      if (before.get(entry) === inode || entry === records) continue;
      const stat = fs.lstatSync(entry, { throwIfNoEntry: false });
      if (stat) leftovers.push({ path: entry, directory: stat.isDirectory(), mode: stat.mode & 0o7777 });
    }
    const processes = readRecords(records);
    if (options.strace) processes.push(...readTrace(traceFile, options.cwd, roots, currentUmask((f, e) => fs.readFileSync(f, e)), before));
    return { outcome, processes, leftovers: leftovers.sort((a, b) => (a.path < b.path ? -1 : 1)), roots: [...new Set([...roots, ...realRoots])] };
  } finally {
    fs.rmSync(records, { recursive: true, force: true });
  }
}
