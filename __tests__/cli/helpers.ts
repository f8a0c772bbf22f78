// Runs the built CLI (dist/cli.js) in real temporary git repositories. No mocks.
import { spawnSync, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');

/** Code that every release of the node target rewrites: a fixed name in the shared temp dir. */
export const INSECURE = [
  "const fs = require('fs'); const os = require('os'); const path = require('path');",
  "function save(data) { const file = path.join(os.tmpdir(), 'app.json'); fs.writeFileSync(file, data); return fs.readFileSync(file, 'utf8'); }",
  'module.exports = { save };',
  '',
].join('\n');

/** Nothing for any rule to do, though it mentions a temp directory (so it gets past the prefilter). */
export const HARMLESS = "const os = require('os');\nmodule.exports = () => os.tmpdir().length;\n";

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

export function tmpfix(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Outcome {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 30_000, // a hang (a FIFO read, say) fails the test instead of stalling the suite
  });
  if (result.error) throw result.error;
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const scratch: string[] = [];

export function tempDir(prefix = 'tmpfix-cli-'): string {
  const dir = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), prefix));
  scratch.push(dir);
  return dir;
}

export function cleanUp(): void {
  for (const dir of scratch.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
}

/** A fresh git repository holding `files`, all committed. */
export function makeRepo(files: Record<string, string | Buffer>): string {
  const root = tempDir();
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'config', 'user.email', 'cli-tests@example.invalid');
  git(root, 'config', 'user.name', 'CLI tests');
  git(root, 'config', 'core.autocrlf', 'false');
  writeFiles(root, files);
  commitAll(root);
  return root;
}

export function commitAll(root: string, message = 'fixture'): void {
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '--allow-empty', '-m', message);
}

/** A copy of the repository's working tree and history, to compare two ways of applying changes. */
export function cloneRepo(root: string): string {
  const copy = tempDir('tmpfix-clone-');
  git(copy, 'clone', '-q', root, '.');
  git(copy, 'config', 'core.autocrlf', 'false');
  return copy;
}

export function read(root: string, rel: string): string {
  return fs.readFileSync(path.join(root, rel), 'utf8');
}

export interface JsonFile {
  path: string;
  status: 'changed' | 'unchanged' | 'skipped' | 'error';
  reason?: string;
  message?: string;
  kind?: string;
  target?: string;
  targetReason?: string;
  targetWarning?: string;
  findings?: { ruleId: string; line: number; column: number; message: string; summary: string; callerRemoves?: string; fixed: boolean; suppressed: boolean }[];
  changes?: { oldStart: number; oldLines: number; newStart: number; newLines: number }[];
}
export interface JsonPackageFinding {
  path: string;
  ruleId: string;
  line: number;
  column: number;
  message: string;
  summary: string;
  package: { name: string; version: string; source: string };
}
export interface JsonReport {
  tool: { name: string; version: string };
  mode: string;
  summary: { scanned: number; changed: number; errors: number; skipped: Record<string, number>; findings: Record<string, number> };
  files: JsonFile[];
  packageFindings: JsonPackageFinding[];
}

export function jsonRun(cwd: string, args: string[] = []): { outcome: Outcome; report: JsonReport } {
  const outcome = tmpfix(cwd, ['--format', 'json', ...args]);
  return { outcome, report: JSON.parse(outcome.stdout) as JsonReport };
}

export function statusOf(report: JsonReport, rel: string): JsonFile | undefined {
  return report.files.find((file) => file.path === rel);
}
