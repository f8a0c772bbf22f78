// Rebuilds the Python corpus from the fetched snapshots under /work/.mirror (the files themselves are
// never committed: manifest.json names them), runs tmpfix over it, and prints how its verdicts and
// tmpfix's results compare. `npm run corpus:python` (add --list to see every file).
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

interface Entry {
  repository: string;
  path: string;
  commit: string;
  verdict: 'act' | 'report-only' | 'leave';
  why: string;
}

interface Finding {
  ruleId: string;
  line: number;
  fixed: boolean;
  suppressed: boolean;
  message: string;
}

interface FileReport {
  path: string;
  status: 'changed' | 'unchanged' | 'skipped' | 'error';
  findings?: Finding[];
  reason?: string;
  message?: string;
}

const HERE = path.resolve(__dirname, '..', '..', '..', 'corpus', 'python');
const FILES = path.join(HERE, '.files');
const MIRROR = process.env.TMPFIX_MIRROR ?? '/work/.mirror';
const CLI = path.resolve(__dirname, '..', '..', 'cli.js');

function gitDir(repository: string): string {
  return path.join(MIRROR, repository.replace('/', '+'), 'repo');
}

function rebuild(entries: Entry[]): string[] {
  fs.rmSync(FILES, { recursive: true, force: true });
  const missing: string[] = [];
  for (const entry of entries) {
    const target = path.join(FILES, entry.repository.replace('/', '+'), entry.path);
    let text: Buffer;
    try {
      text = execFileSync('git', [`--git-dir=${gitDir(entry.repository)}`, 'show', `${entry.commit}:${entry.path}`], { maxBuffer: 64 * 1024 * 1024 });
    } catch {
      missing.push(`${entry.repository} ${entry.path} (fetch github:${entry.repository} first)`);
      continue;
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
  }
  return missing;
}

function main(): void {
  const list = process.argv.includes('--list');
  const entries = JSON.parse(fs.readFileSync(path.join(HERE, 'manifest.json'), 'utf8')) as Entry[];
  const missing = rebuild(entries);
  for (const m of missing) process.stderr.write(`missing: ${m}\n`);
  const run = spawnSync(process.execPath, [CLI, '--format', 'json', '--no-ignore', '.'], { cwd: FILES, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.error) throw new Error(`tmpfix could not run in ${FILES}: ${run.error.message}${missing.length ? ' (no snapshot was found: fetch the repositories named above)' : ''}`);
  // Exit 2 with a report means some files had errors: they are counted below.
  if (!run.stdout.trim().startsWith('{')) throw new Error(`tmpfix failed (${run.status}): ${run.stderr}`);
  const report = JSON.parse(run.stdout) as { files: FileReport[] };
  // Paths in the report are relative to the git root (this repository): match them by their tail.
  const byTail = (tail: string) => report.files.find((f) => f.path === tail || f.path.endsWith(`/${tail}`));
  const counts = { act: 0, 'report-only': 0, leave: 0 };
  const silentAct: string[] = [];
  const rewrittenReportOnly: string[] = [];
  const touchedLeave: string[] = [];
  const errors: string[] = [];
  const rows: string[] = [];
  for (const entry of entries) {
    const result = byTail(`${entry.repository.replace('/', '+')}/${entry.path}`);
    if (!result) continue;
    counts[entry.verdict]++;
    const findings = (result.findings ?? []).filter((f) => !f.suppressed);
    const name = `${entry.repository}:${entry.path}`;
    if (result.status === 'error' || result.status === 'skipped') errors.push(`${name}: ${result.status} ${result.message ?? result.reason ?? ''}`);
    if (entry.verdict === 'act' && result.status !== 'changed' && findings.length === 0) silentAct.push(name);
    if (entry.verdict === 'report-only' && result.status === 'changed') rewrittenReportOnly.push(name);
    if (entry.verdict === 'leave' && result.status === 'changed') touchedLeave.push(name);
    rows.push(`${entry.verdict.padEnd(11)} ${result.status.padEnd(9)} ${String(findings.filter((f) => f.fixed).length).padStart(2)} fixed ${String(findings.filter((f) => !f.fixed).length).padStart(2)} to review  ${name}`);
  }
  const repos = new Set(entries.map((e) => e.repository)).size;
  const out = process.stdout;
  if (list) out.write(`${rows.join('\n')}\n\n`);
  out.write(`Python corpus: ${entries.length} files from ${repos} repositories (act ${counts.act}, report-only ${counts['report-only']}, leave ${counts.leave})\n`);
  out.write(`silent act files: ${silentAct.length} of ${counts.act}${silentAct.map((s) => `\n  ${s}`).join('')}\n`);
  out.write(`rewritten report-only files: ${rewrittenReportOnly.length} of ${counts['report-only']}${rewrittenReportOnly.map((s) => `\n  ${s}`).join('')}\n`);
  out.write(`touched leave files: ${touchedLeave.length} of ${counts.leave}${touchedLeave.map((s) => `\n  ${s}`).join('')}\n`);
  if (errors.length) out.write(`errors or skips: ${errors.length}${errors.map((s) => `\n  ${s}`).join('')}\n`);
  if (missing.length) out.write(`missing snapshots: ${missing.length} (see stderr)\n`);
}

main();
