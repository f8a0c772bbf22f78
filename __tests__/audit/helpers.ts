// Runs the built `tmpfix audit` over the programs in programs/, in a scratch project with its own TMPDIR.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AuditRecord } from '../../src/audit/records';

export const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const PROGRAMS = path.join(__dirname, 'programs');

export interface Sandbox {
  root: string;
  /** A copy of programs/, with node_modules linked to the project's. */
  project: string;
  /** The command's TMPDIR: private to the test, but a shared temp directory for the audit. */
  tmpdir: string;
}

const made: string[] = [];

export function sandbox(): Sandbox {
  const root = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'tmpfix-audit-test-'));
  made.push(root);
  const project = path.join(root, 'project');
  fs.cpSync(PROGRAMS, project, { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'));
  const tmpdir = path.join(root, 'tmp');
  fs.mkdirSync(tmpdir, { mode: 0o700 });
  return { root, project, tmpdir };
}

export function removeSandboxes(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** A record as the json report has it. */
export type AuditRecordJson = AuditRecord;

export interface AuditOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  reportFile: string;
  report: { exitCode: number; signal: string | null; startError: string | null; records: AuditRecordJson[]; overhead: { ms: number; processes: number } } | undefined;
}

/** `tmpfix audit [options] -- command` in the sandbox's project (or `cwd`), with TMPDIR set to the sandbox's. */
export function runAudit(box: Sandbox, command: string[], options: string[] = [], env: NodeJS.ProcessEnv = {}, cwd = box.project): AuditOutcome {
  const reportFile = path.join(box.root, `report-${made.length}-${Math.random().toString(36).slice(2)}.json`);
  const result = spawnSync(process.execPath, [CLI, 'audit', '--output', reportFile, ...options, '--', ...command], {
    cwd,
    env: { ...process.env, TMPDIR: box.tmpdir, NODE_OPTIONS: undefined, PYTHONPATH: undefined, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  let report: AuditOutcome['report'];
  try {
    report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as AuditOutcome['report'];
  } catch {
    report = undefined;
  }
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr, reportFile, report };
}

export interface Mark {
  at: string;
  count?: number;
}

/**
 * What the programs say must be recorded: a line ending in `// audit: kind, kind x3` (or `# audit: …`)
 * expects those records at that line, `x3` being the count. Lines without a mark expect none.
 */
export function marks(project: string, files: string[]): Map<string, Mark> {
  const expected = new Map<string, Mark>();
  for (const file of files) {
    const lines = fs.readFileSync(path.join(project, file), 'utf8').split('\n');
    lines.forEach((text, index) => {
      const mark = /(?:\/\/|#) audit: (.+)$/.exec(text);
      if (!mark) return;
      for (const part of mark[1].split(',')) {
        const [kind, times] = part.trim().split(/\s+/);
        const at = `${file}:${index + 1}:${kind}`;
        expected.set(at, { at, count: times ? Number(times.slice(1)) : undefined });
      }
    });
  }
  return expected;
}

/** The records of the report at project files, as `file:line:kind`. */
export function recordedAt(records: AuditRecordJson[]): Map<string, AuditRecordJson> {
  const found = new Map<string, AuditRecordJson>();
  for (const record of records) {
    if (!record.location || !record.inProject) continue;
    found.set(`${record.location.file}:${record.location.line}:${record.kind}`, record);
  }
  return found;
}

export function programFiles(project: string, dir: string, extension: string): string[] {
  return fs.readdirSync(path.join(project, dir)).filter((name) => name.endsWith(extension)).sort().map((name) => `${dir}/${name}`);
}

/** The permission bits a file created with `requested` gets under this process's umask. */
export function underUmask(requested: number): string {
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  const umask = parseInt(/^Umask:\s*([0-7]+)$/m.exec(status)?.[1] ?? '022', 8);
  return `0${(requested & ~umask).toString(8).padStart(3, '0')}`;
}
