#!/usr/bin/env node
// Rebuilds the hand-judged JS/TS corpus from fetched snapshots and measures the built tmpfix on it.
//   node corpus/js/build.mjs             rebuild corpus/js/.files, run tmpfix, print the counts
//   node corpus/js/build.mjs --list      the same, plus one line per file: verdict and what tmpfix did
//   node corpus/js/build.mjs --projects  run tmpfix over each whole project of projects.json
//   node corpus/js/build.mjs --projects --all [--twice] [--keep DIR]
//        every repository of projects.json and of both corpus manifests, as a user runs it (`tmpfix .`,
//        default flags), with totals; --twice writes and runs again (a second run must change
//        nothing); --keep leaves the trees and each json report in DIR for reading
// Snapshots are read from /work/.mirror/<owner>+<name> (override with TMPFIX_MIRROR); nothing is fetched.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(here, '..', '..');
const cli = path.join(projectRoot, 'dist', 'cli.js');
const filesRoot = path.join(here, '.files');
const mirrorRoot = process.env.TMPFIX_MIRROR || '/work/.mirror';
const VERDICTS = ['act', 'report-only', 'leave'];
const CLEANUPS = ['local', 'escapes', 'n/a'];

const usage = 'usage: node corpus/js/build.mjs [--list] [--projects [--all] [--twice] [--keep DIR]]';
const args = process.argv.slice(2);
let keepDir;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '-h' || a === '--help') {
    console.log(usage);
    process.exit(0);
  }
  if (a === '--keep') {
    keepDir = args[++i];
    if (!keepDir) {
      console.error(`--keep needs a directory\n${usage}`);
      process.exit(2);
    }
    continue;
  }
  if (!['--list', '--projects', '--all', '--twice'].includes(a)) {
    console.error(`unknown option ${a}\n${usage}`);
    process.exit(2);
  }
}
const wantList = args.includes('--list');
const wantProjects = args.includes('--projects');
const wantAll = args.includes('--all');
const wantTwice = args.includes('--twice');

function readJson(file) {
  return JSON.parse(fs.readFileSync(path.join(here, file), 'utf8'));
}

function slug(repo) {
  return repo.replace('/', '+');
}

// fetch leaves either a bare git dir (<slug>/repo) or a clone (<slug>/repo/.git); accept both, and <slug> itself.
function gitDirOf(repo) {
  const base = path.join(mirrorRoot, slug(repo));
  for (const candidate of [path.join(base, 'repo', '.git'), path.join(base, 'repo'), base]) {
    const probe = spawnSync('git', ['--git-dir', candidate, 'rev-parse', '--git-dir'], { stdio: 'ignore' });
    if (probe.status === 0) return candidate;
  }
  return null;
}

function hasCommit(gitDir, commit) {
  return spawnSync('git', ['--git-dir', gitDir, 'cat-file', '-e', `${commit}^{commit}`], { stdio: 'ignore' }).status === 0;
}

function checkManifest(entries) {
  const problems = [];
  const seen = new Set();
  for (const [i, e] of entries.entries()) {
    const where = `manifest[${i}] ${e.repo}:${e.path}`;
    if (!/^[^/\s]+\/[^/\s]+$/.test(e.repo ?? '')) problems.push(`${where}: repo must be owner/name`);
    if (typeof e.path !== 'string' || e.path.startsWith('/') || e.path.split('/').includes('..')) problems.push(`${where}: bad path`);
    if (!/^[0-9a-f]{40}$/.test(e.commit ?? '')) problems.push(`${where}: commit must be 40 hex digits`);
    if (!VERDICTS.includes(e.verdict)) problems.push(`${where}: verdict must be one of ${VERDICTS.join(', ')}`);
    if (!CLEANUPS.includes(e.cleanup)) problems.push(`${where}: cleanup must be one of ${CLEANUPS.join(', ')}`);
    if (!Array.isArray(e.lines) || !Array.isArray(e.shapes)) problems.push(`${where}: lines and shapes must be arrays`);
    if (typeof e.why !== 'string' || e.why.length < 20) problems.push(`${where}: why is missing`);
    const key = `${e.repo}:${e.path}`;
    if (seen.has(key)) problems.push(`${where}: listed twice`);
    seen.add(key);
  }
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exit(2);
  }
}

// Writes every manifest file under .files/<slug>/<path>; returns the entries that could be built.
function buildFiles(entries) {
  fs.rmSync(filesRoot, { recursive: true, force: true });
  fs.mkdirSync(filesRoot, { recursive: true });
  const missingRepos = new Map();
  const missingFiles = [];
  const built = [];
  for (const e of entries) {
    const gitDir = gitDirOf(e.repo);
    if (!gitDir || !hasCommit(gitDir, e.commit)) {
      missingRepos.set(e.repo, gitDir ? `commit ${e.commit.slice(0, 12)} not in the snapshot` : 'not fetched');
      continue;
    }
    const show = spawnSync('git', ['--git-dir', gitDir, 'show', `${e.commit}:${e.path}`], { maxBuffer: 64 * 1024 * 1024 });
    if (show.status !== 0) {
      missingFiles.push(`${e.repo}:${e.path} (${String(show.stderr).trim()})`);
      continue;
    }
    const rel = path.join(slug(e.repo), e.path);
    const target = path.join(filesRoot, rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, show.stdout);
    built.push({ ...e, rel });
    addContext(gitDir, e, show.stdout.toString('utf8'));
  }
  if (missingRepos.size > 0) {
    console.log(`Missing repositories (fetch them first, e.g. fetch github:<owner>/<name>), ${missingRepos.size}:`);
    for (const [repo, why] of missingRepos) console.log(`  ${repo}: ${why}`);
  }
  for (const m of missingFiles) console.log(`  missing file ${m}`);
  return built;
}

const EXTENSIONS = ['', '.ts', '.tsx', '.js', '.mjs', '.cjs', '.jsx', '/index.ts', '/index.js'];

/** A file of the snapshot at the entry's commit, written beside the judged files, if it exists. */
function materialize(gitDir, e, repoPath) {
  const target = path.join(filesRoot, slug(e.repo), repoPath);
  if (fs.existsSync(target)) return true;
  // A blob only: `git show` of a directory would print its listing.
  const show = spawnSync('git', ['--git-dir', gitDir, 'cat-file', 'blob', `${e.commit}:${repoPath}`], { maxBuffer: 16 * 1024 * 1024 });
  if (show.status !== 0) return false;
  if (fs.existsSync(path.dirname(target)) && !fs.statSync(path.dirname(target)).isDirectory()) return false;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, show.stdout);
  return true;
}

/**
 * The context a user's whole-repository run would have: the modules a judged file imports by a
 * relative path (and theirs, two levels down) and the package.json files above it. They are not judged or counted;
 * tmpfix's pre-pass reads them for the facts the judged file needs.
 */
function addContext(gitDir, e, source, depth = 0) {
  const dir = path.posix.dirname(e.path);
  for (let at = dir; ; at = path.posix.dirname(at)) {
    materialize(gitDir, e, at === '.' ? 'package.json' : `${at}/package.json`);
    if (at === '.' || at === '/' || at === '') break;
  }
  const pattern = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*)(['"])(\.{1,2}\/[^'"\n]+)\1/g;
  for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
    const base = path.posix.normalize(path.posix.join(dir, match[2]));
    const stripped = base.replace(/\.(c|m)?js$/, '');
    for (const candidate of [...EXTENSIONS.map((ext) => base + ext), ...EXTENSIONS.map((ext) => stripped + ext)]) {
      if (candidate.startsWith('..')) break;
      const target = path.join(filesRoot, slug(e.repo), candidate);
      const fresh = !fs.existsSync(target);
      if (!materialize(gitDir, e, candidate)) continue;
      // Helpers of helpers (a re-export of a re-export), two levels deep.
      if (fresh && depth < 2 && /\.[cm]?[jt]sx?$/.test(candidate)) addContext(gitDir, { ...e, path: candidate }, fs.readFileSync(target, 'utf8'), depth + 1);
      break;
    }
  }
}

// Runs the built CLI as a dry run with a json report; `paths` are relative to `cwd`.
function runTmpfix(cwd, paths, flags = ['--no-ignore', '--with-node-modules']) {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [cli, '--format', 'json', ...flags, ...paths], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.error) throw run.error;
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    console.error(`tmpfix printed no json report (exit ${run.status}):\n${run.stderr}`);
    process.exit(2);
  }
  return { report, seconds, exitCode: run.status, stderr: run.stderr };
}

function openFindings(file) {
  return (file.findings ?? []).filter((f) => !f.suppressed);
}

// What tmpfix did to one file, from its json report entry.
function outcomeOf(file) {
  if (!file) return { kind: 'absent', text: 'not in the report' };
  if (file.status === 'skipped') return { kind: 'skipped', text: `skipped (${file.reason})` };
  if (file.status === 'error') return { kind: 'error', text: `error (${file.kind}: ${String(file.message).split('\n')[0]})` };
  const findings = openFindings(file);
  const rules = [...new Set(findings.map((f) => f.ruleId))].join(',');
  const lines = findings.map((f) => f.line).join(',');
  const about = findings.length > 0 ? `${findings.length} finding(s) ${rules} at ${lines}` : 'no finding';
  if (file.status === 'changed') return { kind: 'changed', text: `changed, ${about}`, findings };
  return { kind: findings.length > 0 ? 'findings' : 'silent', text: about, findings };
}

function pad(text, width) {
  return String(text).padEnd(width);
}

function corpus() {
  if (!fs.existsSync(cli)) {
    console.error(`${path.relative(process.cwd(), cli)} is missing: run npm run build first`);
    process.exit(2);
  }
  const entries = readJson('manifest.json');
  checkManifest(entries);
  const built = buildFiles(entries);
  if (built.length === 0) {
    console.log('No corpus file could be built.');
    process.exit(2);
  }
  // Named one by one: a walk would skip node_modules and build folders that some projects keep sources in.
  const { report, seconds } = runTmpfix(filesRoot, built.map((e) => e.rel));
  const byPath = new Map();
  for (const f of report.files) {
    const key = f.path.split(/[\\/]/).join('/');
    const at = key.indexOf('.files/');
    byPath.set(at >= 0 ? key.slice(at + '.files/'.length) : key, f);
  }

  const rows = built.map((e) => ({ e, out: outcomeOf(byPath.get(e.rel.split(path.sep).join('/'))) }));
  const count = (pred) => rows.filter(pred).length;
  const isAct = (r) => r.e.verdict === 'act';
  const touched = (r) => r.out.kind === 'changed' || r.out.kind === 'findings';
  const repos = (verdict) => new Set(built.filter((e) => e.verdict === verdict).map((e) => e.repo)).size;

  console.log(`Corpus: ${built.length} of ${entries.length} files built from ${new Set(built.map((e) => e.repo)).size} repositories; tmpfix ran in ${seconds.toFixed(2)} s`);
  for (const v of VERDICTS) console.log(`  ${pad(v, 12)} ${String(count((r) => r.e.verdict === v)).padStart(3)} files, ${repos(v)} repositories`);
  console.log('');
  console.log('Counts (a finding or a change counts as acting on a file):');
  const actRows = rows.filter(isAct);
  console.log(`  act files acted on                 ${count((r) => isAct(r) && touched(r))} / ${actRows.length}`);
  console.log(`    of which rewritten               ${count((r) => isAct(r) && r.out.kind === 'changed')}`);
  console.log(`    of which a finding on a judged line ${count((r) => isAct(r) && onJudgedLine(r))}`);
  console.log(`  act files silent                   ${count((r) => isAct(r) && r.out.kind === 'silent')}`);
  console.log(`  act files skipped or in error      ${count((r) => isAct(r) && !touched(r) && r.out.kind !== 'silent')}`);
  console.log(`  report-only files rewritten        ${count((r) => r.e.verdict === 'report-only' && r.out.kind === 'changed')}   (must be 0)`);
  console.log(`  report-only files reported         ${count((r) => r.e.verdict === 'report-only' && r.out.kind === 'findings')} / ${count((r) => r.e.verdict === 'report-only')}`);
  console.log(`  leave files touched or with findings ${count((r) => r.e.verdict === 'leave' && touched(r))}   (must be 0)`);
  console.log(`  files skipped or in error (any)    ${count((r) => r.out.kind === 'skipped' || r.out.kind === 'error' || r.out.kind === 'absent')}`);

  const shapes = new Map();
  for (const r of actRows) {
    for (const s of r.e.shapes) {
      const tally = shapes.get(s) ?? { total: 0, acted: 0 };
      tally.total += 1;
      if (touched(r)) tally.acted += 1;
      shapes.set(s, tally);
    }
  }
  console.log('');
  console.log('Per shape tag (act files carrying it: acted on / total), most files first:');
  const sorted = [...shapes].sort((a, b) => b[1].total - a[1].total || a[0].localeCompare(b[0]));
  for (const [s, t] of sorted) console.log(`  ${pad(s, 28)} ${t.acted} / ${t.total}`);

  if (wantList) {
    console.log('');
    console.log('Files (verdict, what tmpfix did, repository:path):');
    for (const r of rows) {
      const mark = misjudged(r) ? '!!' : '  ';
      console.log(`${mark} ${pad(r.e.verdict, 11)} ${pad(r.out.text, 44)} ${r.e.repo}:${r.e.path}`);
    }
    console.log('(!! marks a rewritten report-only file, a touched leave file, or a silent act file.)');
  }
}

// A finding on one of the lines the manifest names, so that a finding elsewhere in the file is not taken for a hit.
function onJudgedLine(r) {
  return (r.out.findings ?? []).some((f) => r.e.lines.includes(f.line));
}

function misjudged(r) {
  if (r.e.verdict === 'report-only') return r.out.kind === 'changed';
  if (r.e.verdict === 'leave') return r.out.kind === 'changed' || r.out.kind === 'findings';
  return r.out.kind === 'silent';
}

/** The projects to run: projects.json, and with --all every repository of both manifests too (newest commit judged). */
function projectList() {
  const list = readJson('projects.json').map((p) => ({ repo: p.repo, commit: p.commit }));
  if (!wantAll) return list;
  const seen = new Set(list.map((p) => p.repo));
  const python = JSON.parse(fs.readFileSync(path.join(here, '..', 'python', 'manifest.json'), 'utf8'));
  for (const e of [...readJson('manifest.json'), ...python.map((p) => ({ repo: p.repository, commit: p.commit }))]) {
    if (seen.has(e.repo)) continue;
    seen.add(e.repo);
    list.push({ repo: e.repo, commit: e.commit });
  }
  return list;
}

/**
 * Writes the files of `commit` into `dir`, the way `git archive | tar -x` would, except that a blob the
 * snapshot lacks (fetch leaves out the largest files) is skipped instead of failing the whole tree.
 * Returns how many were skipped.
 */
function extractTree(gitDir, commit, dir) {
  const listing = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-z', '--full-tree', commit], { maxBuffer: 256 * 1024 * 1024 }).toString('utf8');
  const entries = listing.split('\0').filter(Boolean).map((line) => {
    const [meta, name] = [line.slice(0, line.indexOf('\t')), line.slice(line.indexOf('\t') + 1)];
    const [mode, type, object] = meta.split(' ');
    return { mode, type, object, name };
  }).filter((e) => e.type === 'blob');
  const batch = spawnSync('git', ['--git-dir', gitDir, 'cat-file', '--batch'], { input: entries.map((e) => e.object).join('\n') + '\n', maxBuffer: 4 * 1024 * 1024 * 1024 });
  const out = batch.stdout;
  let at = 0;
  let absent = 0;
  for (const e of entries) {
    const eol = out.indexOf(10, at);
    const header = out.subarray(at, eol).toString('utf8');
    at = eol + 1;
    if (header.endsWith(' missing')) {
      absent++;
      continue;
    }
    const size = Number(header.split(' ')[2]);
    const content = out.subarray(at, at + size);
    at += size + 1;
    const target = path.join(dir, e.name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (e.mode === '120000') fs.symlinkSync(content.toString('utf8'), target);
    else fs.writeFileSync(target, content, { mode: e.mode === '100755' ? 0o755 : 0o644 });
  }
  return absent;
}

function projects() {
  if (!fs.existsSync(cli)) {
    console.error(`${path.relative(process.cwd(), cli)} is missing: run npm run build first`);
    process.exit(2);
  }
  // --all runs as a user does in a checkout: default flags (ignore files read, node_modules skipped).
  const flags = wantAll ? [] : undefined;
  const list = projectList();
  if (keepDir) fs.mkdirSync(keepDir, { recursive: true });
  console.log(`${pad('project', 40)} ${pad('files', 7)} ${pad('changed', 8)} ${pad('fixed', 6)} ${pad('open', 6)} ${pad('errors', 7)} ${wantTwice ? 'again  ' : ''}time`);
  const total = { projects: 0, missing: 0, changedProjects: 0, changed: 0, fixed: 0, open: 0, errors: 0, again: 0 };
  for (const p of list) {
    const gitDir = gitDirOf(p.repo);
    if (!gitDir || !hasCommit(gitDir, p.commit)) {
      console.log(`${pad(p.repo, 40)} missing: fetch github:${p.repo} first`);
      total.missing++;
      continue;
    }
    // A private scratch directory, removed whatever happens (unless --keep asks for the trees).
    const scratch = keepDir ? path.join(keepDir, slug(p.repo)) : fs.mkdtempSync(path.join(os.tmpdir(), 'tmpfix-corpus-'));
    try {
      if (keepDir) {
        fs.rmSync(scratch, { recursive: true, force: true });
        fs.mkdirSync(scratch);
      }
      const absent = extractTree(gitDir, p.commit, scratch);
      if (absent > 0) console.log(`${pad(p.repo, 40)} note: ${absent} file(s) of the commit are not in the snapshot (large files), left out`);
      const { report, seconds } = runTmpfix(scratch, ['.'], flags);
      if (keepDir) fs.writeFileSync(path.join(keepDir, `${slug(p.repo)}.json`), JSON.stringify(report, null, 1));
      const s = report.summary ?? {};
      const files = report.files.filter((f) => f.status !== 'skipped').length;
      const changed = report.files.filter((f) => f.status === 'changed').length;
      const all = report.files.flatMap((f) => openFindings(f));
      const fixed = all.filter((f) => f.fixed).length;
      const open = all.length - fixed;
      const errors = report.files.filter((f) => f.status === 'error').length;
      let again = '';
      if (wantTwice) {
        runTmpfix(scratch, ['--write', '--allow-dirty', '.'], flags);
        const second = runTmpfix(scratch, ['.'], flags).report;
        const still = second.files.filter((f) => f.status === 'changed').length;
        total.again += still;
        again = pad(still, 7);
      }
      total.projects++;
      if (changed > 0) total.changedProjects++;
      total.changed += changed;
      total.fixed += fixed;
      total.open += open;
      total.errors += errors;
      console.log(`${pad(p.repo, 40)} ${pad(s.scanned ?? files, 7)} ${pad(changed, 8)} ${pad(fixed, 6)} ${pad(open, 6)} ${pad(errors, 7)} ${again}${seconds.toFixed(2)} s`);
    } finally {
      if (!keepDir) fs.rmSync(scratch, { recursive: true, force: true });
    }
  }
  console.log(`total: ${total.projects} projects (${total.missing} missing), ${total.changed} changed files in ${total.changedProjects} projects, ${total.fixed} fixed and ${total.open} open findings, ${total.errors} errors${wantTwice ? `; second run after --write: ${total.again} changed files (must be 0)` : ''}`);
}

if (wantProjects) projects();
else corpus();
