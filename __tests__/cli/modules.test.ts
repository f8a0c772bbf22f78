// Fixtures of several modules at once (__testfixtures__/modules/<case>/, found automatically): the
// facts one module gives another (helpers, re-exports, subpath imports) and names two files share.
// Each case is a small program (`node main.js`): it runs before and after `tmpfix --write` in a real
// git repository with a fresh TMPDIR, prints the same, leaves what `expect.json` says behind, and a
// second run changes nothing.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, jsonRun, makeRepo, ROOT, tempDir, tmpfix } from './helpers';

afterAll(cleanUp);

const CASES = path.join(ROOT, '__testfixtures__', 'modules');

interface Expectation {
  findings: { file: string; line: number; ruleId: string; fixed: boolean; message?: string }[];
  /** Entries the program may leave in TMPDIR (what the original leaves, at most). */
  leftBehind: number;
}

function filesOf(dir: string, base = dir): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(files, filesOf(full, base));
    else if (entry.name !== 'expect.json') files[path.relative(base, full)] = fs.readFileSync(full, 'utf8');
  }
  return files;
}

function runProgram(root: string): { stdout: string; left: string[] } {
  const tmp = tempDir('tmpfix-modules-tmp-');
  const result = spawnSync(process.execPath, ['main.js'], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH, TMPDIR: tmp } });
  expect(result.status, result.stderr).toBe(0);
  return { stdout: result.stdout, left: fs.readdirSync(tmp) };
}

for (const name of fs.readdirSync(CASES).sort()) {
  describe(`modules/${name}`, () => {
    const expectation = JSON.parse(fs.readFileSync(path.join(CASES, name, 'expect.json'), 'utf8')) as Expectation;

    it('reports what the modules share, rewrites what is safe, and the program prints the same', () => {
      const repo = makeRepo(filesOf(path.join(CASES, name)));
      const before = runProgram(repo);
      const { report } = jsonRun(repo, []);
      const findings = report.files.flatMap((file) => (file.findings ?? []).map((f) => ({ file: file.path, ...f })));
      expect(findings.map((f) => ({ file: f.file, line: f.line, ruleId: f.ruleId, fixed: f.fixed }))).toEqual(
        expectation.findings.map(({ file, line, ruleId, fixed }) => ({ file, line, ruleId, fixed })),
      );
      expectation.findings.forEach((want, i) => {
        if (want.message) expect(findings[i].message).toContain(want.message);
      });
      expect(tmpfix(repo, ['--write']).code).toBe(0);
      const after = runProgram(repo);
      expect(after.stdout).toBe(before.stdout);
      expect(after.left.length).toBeLessThanOrEqual(Math.max(expectation.leftBehind, before.left.length));
      // A second run changes nothing (the files are committed first, as a user would).
      spawnSync('git', ['commit', '-qam', 'migrated'], { cwd: repo });
      expect(tmpfix(repo, ['--check']).stdout).toBe('');
    });
  });
}
