// `--cache`: a second run over the same files reuses the engine's outcomes, gives the same report,
// and never reuses one whose file, imported modules or tool build changed; the cache lives only in a
// private directory of the user's, and anything else turns it off for the run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, HARMLESS, INSECURE, makeRepo, read, tempDir, tmpfix, writeFiles, type JsonReport } from './helpers';

afterAll(cleanUp);

const HELPER_FILES = {
  'lib/paths.js': "const os = require('os');\nconst path = require('path');\nexports.TEMP_DIR = path.join(os.tmpdir(), 'myapp');\n",
  'save.js': "const fs = require('fs');\nconst path = require('path');\nconst { TEMP_DIR } = require('./lib/paths');\nexports.save = (data) => fs.writeFileSync(path.join(TEMP_DIR, 'state.json'), data);\n",
};

function cachedRun(repo: string, cacheHome: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): { report: JsonReport; stderr: string; code: number } {
  const outcome = tmpfix(repo, ['--cache', '--format', 'json', ...args], { XDG_CACHE_HOME: cacheHome, ...env });
  return { report: JSON.parse(outcome.stdout) as JsonReport, stderr: outcome.stderr, code: outcome.code };
}

/** The report without what differs between two runs of the same files: the time and the cache count. */
function comparable(report: JsonReport): unknown {
  return { ...report, summary: { ...report.summary, durationMs: 0, cached: 0 } };
}

function cacheFiles(cacheHome: string): string[] {
  return fs.readdirSync(path.join(cacheHome, 'tmpfix')).map((name) => path.join(cacheHome, 'tmpfix', name));
}

function cachedCount(report: JsonReport): number | undefined {
  return (report.summary as { cached?: number }).cached;
}

describe('--cache', () => {
  it('gives the same report on the second run, from the cache, and says how many files it took from there', () => {
    const repo = makeRepo({ 'a.js': INSECURE, 'b.js': HARMLESS, ...HELPER_FILES, 'broken.js': 'const os = require("os"); os.tmpdir( {\n' });
    const cacheHome = tempDir('tmpfix-cache-home-');
    const first = cachedRun(repo, cacheHome);
    const second = cachedRun(repo, cacheHome);
    expect(cachedCount(first.report)).toBe(0);
    // a.js, b.js, save.js and broken.js (a parse error is an outcome too); lib/paths.js is not a candidate of its own rules.
    expect(cachedCount(second.report)).toBeGreaterThanOrEqual(4);
    expect(comparable(second.report)).toEqual(comparable(first.report));
    expect(second.code).toBe(first.code);
    expect(second.stderr).toMatch(/\d+ from the cache/);
    // The dry-run diff is the same too.
    const diffs = [1, 2].map(() => tmpfix(repo, ['--cache'], { XDG_CACHE_HOME: cacheHome }).stdout);
    expect(diffs[1]).toBe(diffs[0]);
    expect(diffs[0]).toContain('mkdtempSync');
  });

  it('stores what helper threads found (--jobs 2), for a later run in one thread to reuse', () => {
    const repo = makeRepo({ 'a.js': INSECURE, 'b.js': HARMLESS, 'c.js': INSECURE.replace('app.json', 'other.json') });
    const cacheHome = tempDir('tmpfix-cache-home-');
    // TMPFIX_HELPER_AFTER_CHARS=0 starts the helper at the first file to parse.
    const threaded = cachedRun(repo, cacheHome, ['--jobs', '2'], { TMPFIX_HELPER_AFTER_CHARS: '0' });
    const single = cachedRun(repo, cacheHome, ['--jobs', '1']);
    expect(cachedCount(single.report)).toBe(3);
    expect(comparable(single.report)).toEqual(comparable(threaded.report));
  });

  it('analyses an edited file again instead of reusing its old outcome', () => {
    const repo = makeRepo({ 'a.js': INSECURE });
    const cacheHome = tempDir('tmpfix-cache-home-');
    expect(cachedRun(repo, cacheHome).report.files[0].status).toBe('changed');
    writeFiles(repo, { 'a.js': HARMLESS });
    const after = cachedRun(repo, cacheHome);
    expect(after.report.files[0]).toMatchObject({ path: 'a.js', status: 'unchanged' });
    expect(cachedCount(after.report)).toBe(0);
  });

  it('analyses an importer again when only the helper module it imports changed', () => {
    const repo = makeRepo(HELPER_FILES);
    const cacheHome = tempDir('tmpfix-cache-home-');
    const before = cachedRun(repo, cacheHome).report.files.find((f) => f.path === 'save.js');
    expect(before?.findings?.map((f) => f.ruleId)).toContain('predictable-tmp-path');
    // save.js is byte-for-byte the same; its helper now hands out the temp directory itself (other facts, still some).
    writeFiles(repo, { 'lib/paths.js': "const os = require('os');\nexports.TEMP_DIR = os.tmpdir();\n" });
    const after = cachedRun(repo, cacheHome).report.files.find((f) => f.path === 'save.js');
    const fresh = JSON.parse(tmpfix(repo, ['--format', 'json']).stdout) as JsonReport;
    expect(after).toEqual(fresh.files.find((f) => f.path === 'save.js'));
    expect(after).not.toEqual(before);
    expect(after?.findings?.[0]?.message).toMatch(/creates 'state\.json' in the shared temp directory/);
  });

  it('analyses a file again when another file starts to use a temp name it writes', () => {
    const repo = makeRepo({ 'a.js': INSECURE });
    const cacheHome = tempDir('tmpfix-cache-home-');
    expect(cachedRun(repo, cacheHome).report.files[0].status).toBe('changed');
    // a.js is the same; reader.js now reads the file a.js writes, so a.js's rewrite would break it.
    writeFiles(repo, { 'reader.js': "const fs = require('fs');\nconst os = require('os');\nconst path = require('path');\nmodule.exports = () => fs.readFileSync(path.join(os.tmpdir(), 'app.json'), 'utf8');\n" });
    const after = cachedRun(repo, cacheHome).report;
    const fresh = JSON.parse(tmpfix(repo, ['--format', 'json']).stdout) as JsonReport;
    expect(after.files.find((f) => f.path === 'a.js')).toEqual(fresh.files.find((f) => f.path === 'a.js'));
    expect(after.files.find((f) => f.path === 'a.js')?.status).toBe('unchanged');
  });

  it('writes the same files with --write as a run without the cache does', () => {
    const plain = makeRepo({ 'a.js': INSECURE, ...HELPER_FILES });
    const cached = makeRepo({ 'a.js': INSECURE, ...HELPER_FILES });
    const cacheHome = tempDir('tmpfix-cache-home-');
    cachedRun(cached, cacheHome); // fills the cache
    expect(tmpfix(plain, ['--write']).code).toBe(0);
    const written = cachedRun(cached, cacheHome, ['--write']);
    expect(cachedCount(written.report)).toBeGreaterThan(0);
    expect(read(cached, 'a.js')).toBe(read(plain, 'a.js'));
    expect(read(cached, 'a.js')).not.toBe(INSECURE);
  });

  it('keeps the cache owner-only: a 0700 directory and a 0600 file, replaced without leftovers', () => {
    const repo = makeRepo({ 'a.js': INSECURE });
    const cacheHome = tempDir('tmpfix-cache-home-');
    cachedRun(repo, cacheHome);
    writeFiles(repo, { 'a.js': HARMLESS });
    cachedRun(repo, cacheHome);
    expect(fs.statSync(path.join(cacheHome, 'tmpfix')).mode & 0o777).toBe(0o700);
    const files = cacheFiles(cacheHome);
    expect(files).toHaveLength(1);
    expect(path.basename(files[0])).toMatch(/^results-[0-9a-f]{16}\.json$/);
    expect(fs.statSync(files[0]).mode & 0o777).toBe(0o600);
  });

  it('reuses a stored outcome only for the build that stored it', () => {
    const repo = makeRepo({ 'a.js': INSECURE });
    const cacheHome = tempDir('tmpfix-cache-home-');
    cachedRun(repo, cacheHome);
    const [file] = cacheFiles(cacheHome);
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { build: string; entries: Record<string, { kind: string; output?: string; findings: unknown[] }> };
    // Tamper with the stored outcome: a run that used it would report a clean file.
    for (const entry of Object.values(stored.entries)) {
      delete entry.output;
      entry.findings = [];
    }
    fs.writeFileSync(file, JSON.stringify(stored));
    expect(cachedRun(repo, cacheHome).report.files[0].status).toBe('unchanged'); // the cache is read: the tampered outcome is used
    fs.writeFileSync(file, JSON.stringify({ ...stored, build: 'another build of tmpfix' }));
    const other = cachedRun(repo, cacheHome);
    expect(other.report.files[0].status).toBe('changed');
    expect(cachedCount(other.report)).toBe(0);
  });

  it('starts afresh from a corrupt or truncated cache file, and replaces it', () => {
    const repo = makeRepo({ 'a.js': INSECURE });
    const cacheHome = tempDir('tmpfix-cache-home-');
    cachedRun(repo, cacheHome);
    const [file] = cacheFiles(cacheHome);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').slice(0, 40));
    const run = cachedRun(repo, cacheHome);
    expect(run.code).toBe(0);
    expect(run.report.files[0].status).toBe('changed');
    expect(run.stderr).not.toMatch(/warning/);
    expect(() => JSON.parse(fs.readFileSync(file, 'utf8')) as unknown).not.toThrow();
  });

  it('turns itself off, with a warning, when the cache directory is a symlink, and writes nothing through it', () => {
    const repo = makeRepo({ 'a.js': INSECURE });
    const cacheHome = tempDir('tmpfix-cache-home-');
    const elsewhere = tempDir('tmpfix-cache-victim-');
    fs.symlinkSync(elsewhere, path.join(cacheHome, 'tmpfix'));
    const run = cachedRun(repo, cacheHome);
    expect(run.stderr).toMatch(/warning: --cache: .*tmpfix is not a private directory of yours: it is a symlink; running without the cache/);
    expect(run.report.files[0].status).toBe('changed');
    expect(fs.readdirSync(elsewhere)).toEqual([]);
  });

  it('turns itself off when others can write to the cache directory', () => {
    const repo = makeRepo({ 'a.js': INSECURE });
    const cacheHome = tempDir('tmpfix-cache-home-');
    fs.mkdirSync(path.join(cacheHome, 'tmpfix'));
    fs.chmodSync(path.join(cacheHome, 'tmpfix'), 0o777);
    const run = cachedRun(repo, cacheHome);
    expect(run.stderr).toMatch(/others can write to it \(mode 0777\); running without the cache/);
    expect(run.report.files[0].status).toBe('changed');
    expect(fs.readdirSync(path.join(cacheHome, 'tmpfix'))).toEqual([]);
  });

  it('ignores a cache file that is a symlink planted in the cache directory', () => {
    const repo = makeRepo({ 'a.js': INSECURE });
    const cacheHome = tempDir('tmpfix-cache-home-');
    cachedRun(repo, cacheHome);
    const [file] = cacheFiles(cacheHome);
    const victim = path.join(tempDir('tmpfix-cache-victim-'), 'victim.json');
    fs.writeFileSync(victim, 'keep me');
    fs.rmSync(file);
    fs.symlinkSync(victim, file);
    const run = cachedRun(repo, cacheHome);
    expect(run.report.files[0].status).toBe('changed');
    expect(fs.readFileSync(victim, 'utf8')).toBe('keep me');
    // The rename replaced the link itself with a real file.
    expect(fs.lstatSync(file).isFile()).toBe(true);
  });
});
