// Runs one command and measures its wall time and memory: the peak RSS of its largest process
// (from GNU time's rusage) and the peak of the summed RSS of its whole process tree (sampled in /proc).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn } from 'node:child_process';

const GNU_TIME = '/usr/bin/time';
const PAGE_BYTES = 4096;
const SAMPLE_MS = 50;

export interface Measurement {
  wallMs: number;
  /** Largest single process in the tree (ru_maxrss via `/usr/bin/time -v`), KiB; null without GNU time. */
  maxProcessRssKb: number | null;
  /** Highest sampled sum over the tree, KiB. Sampling can miss short peaks. */
  treeRssKb: number;
  /** Most processes seen alive at once in the tree. */
  processes: number;
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

export const hasGnuTime = fs.existsSync(GNU_TIME);

interface ProcEntry {
  ppid: number;
  rssKb: number;
}

function readProcTable(): Map<number, ProcEntry> {
  const table = new Map<number, ProcEntry>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited between readdir and read
    }
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    table.set(Number(name), { ppid: Number(fields[1]), rssKb: (Number(fields[21]) * PAGE_BYTES) / 1024 });
  }
  return table;
}

function sampleTree(rootPid: number): { rssKb: number; processes: number } {
  const table = readProcTable();
  const children = new Map<number, number[]>();
  for (const [pid, entry] of table) {
    const list = children.get(entry.ppid) ?? [];
    list.push(pid);
    children.set(entry.ppid, list);
  }
  let rssKb = 0;
  let processes = 0;
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.pop()!;
    const entry = table.get(pid);
    if (!entry) continue;
    // GNU time itself is not part of what is measured.
    if (!(pid === rootPid && hasGnuTime)) {
      rssKb += entry.rssKb;
      processes++;
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return { rssKb, processes };
}

function parseGnuTime(report: string): number | null {
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
  return match ? Number(match[1]) : null;
}

export async function measure(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Measurement> {
  // A private directory for GNU time's report (mkdtemp: mode 0700, unguessable name).
  const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tmpfix-bench-'));
  const reportFile = path.join(reportDir, 'time.txt');
  try {
    const [file, argv] = hasGnuTime ? [GNU_TIME, ['-v', '-o', reportFile, command, ...args]] : [command, args];
    const started = process.hrtime.bigint();
    const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    let treeRssKb = 0;
    let processes = 0;
    const sample = (): void => {
      if (child.pid === undefined) return;
      const now = sampleTree(child.pid);
      treeRssKb = Math.max(treeRssKb, now.rssKb);
      processes = Math.max(processes, now.processes);
    };
    const timer = setInterval(sample, SAMPLE_MS);
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => resolve(code));
    });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    clearInterval(timer);
    const maxProcessRssKb = hasGnuTime && fs.existsSync(reportFile) ? parseGnuTime(fs.readFileSync(reportFile, 'utf8')) : null;
    return {
      wallMs,
      maxProcessRssKb,
      treeRssKb: Math.max(treeRssKb, maxProcessRssKb ?? 0),
      processes,
      exitCode,
      stdout: Buffer.concat(stdout).toString('utf8'),
      stderr: Buffer.concat(stderr).toString('utf8'),
    };
  } finally {
    fs.rmSync(reportDir, { recursive: true, force: true });
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
