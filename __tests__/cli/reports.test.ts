// The json and SARIF reports, the text summary, and what a pipe gets to see.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shortLine } from '../../src/driver/report-text';
import { CLI, cleanUp, HARMLESS, INSECURE, jsonRun, makeRepo, ROOT, statusOf, tmpfix } from './helpers';

/** A shared log name: reported for review, never rewritten. */
const REVIEW_ONLY = "const fs = require('fs');\nfunction audit(e) { fs.appendFileSync('/tmp/payments-audit.log', e); }\nmodule.exports = { audit };\n";
/** A finding silenced by a comment. */
const SUPPRESSED = [
  "const fs = require('fs'); const os = require('os'); const path = require('path');",
  'function dump(obj) {',
  '  // tmpfix-ignore-next-line',
  "  fs.writeFileSync(path.join(os.tmpdir(), 'debug-dump.json'), JSON.stringify(obj));",
  '}',
  'module.exports = { dump };',
  '',
].join('\n');

afterAll(cleanUp);

const files = {
  'src/a.js': INSECURE,
  'src/b.js': HARMLESS,
  'src/c.js': 'const x = 1;\n',
  'src/d.bin.js': Buffer.from([0x63, 0, 0x6f, 0x6e]),
  'src/e-broken.js': "const os = require('os'); os.tmpdir( +;\n",
};

describe('--format json', () => {
  it('lists every file with its status, and every change and finding', () => {
    const repo = makeRepo(files);
    const { outcome, report } = jsonRun(repo);
    expect(outcome.code).toBe(2); // the parse error
    expect(report.tool).toMatchObject({ name: 'tmpfix' });
    expect(report.mode).toBe('dry-run');
    expect(report.files.map((file) => file.path)).toEqual(['src/a.js', 'src/b.js', 'src/c.js', 'src/d.bin.js', 'src/e-broken.js']);
    const changed = statusOf(report, 'src/a.js')!;
    expect(changed.status).toBe('changed');
    expect(changed.changes!.length).toBeGreaterThan(0);
    expect(changed.changes![0]).toEqual({ oldStart: expect.any(Number), oldLines: expect.any(Number), newStart: expect.any(Number), newLines: expect.any(Number) });
    expect(changed.findings!.length).toBeGreaterThan(0);
    for (const finding of changed.findings!) {
      expect(finding).toMatchObject({ ruleId: expect.any(String), line: expect.any(Number), column: expect.any(Number), message: expect.any(String) });
    }
    expect(statusOf(report, 'src/c.js')).toMatchObject({ status: 'unchanged' });
    expect(statusOf(report, 'src/d.bin.js')).toMatchObject({ status: 'skipped', reason: 'binary' });
    expect(statusOf(report, 'src/e-broken.js')).toMatchObject({ status: 'error', kind: 'parse', message: expect.any(String) });
    expect(report.summary).toMatchObject({ changed: 1, errors: 1 });
    expect(outcome.stdout).not.toContain('diff --git'); // diffs only through --patch
  });

  it('lists findings that need review on stderr, as the text format does', () => {
    const repo = makeRepo({ 'audit.js': REVIEW_ONLY });
    const text = tmpfix(repo, []);
    const json = jsonRun(repo).outcome;
    const reviewLine = /^audit\.js:2:\d+ predictable-tmp-path /m;
    expect(text.stderr).toMatch(reviewLine);
    expect(json.stderr).toMatch(reviewLine);
  });

  it('is the same byte for byte from run to run, but for summary.durationMs', () => {
    const repo = makeRepo(files);
    const strip = (out: string) => out.replace(/"durationMs": \d+/, '"durationMs": 0');
    expect(strip(jsonRun(repo).outcome.stdout)).toBe(strip(jsonRun(repo, ['--jobs', '2']).outcome.stdout));
  });
});

describe('--format sarif', () => {
  it('is SARIF 2.1.0 with the rules, results with locations, and fixes', () => {
    const repo = makeRepo(files);
    const outcome = tmpfix(repo, ['--format', 'sarif']);
    const log = JSON.parse(outcome.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('tmpfix');
    expect(run.tool.driver.rules.length).toBeGreaterThan(0);
    for (const rule of run.tool.driver.rules) {
      expect(rule).toMatchObject({ id: expect.any(String), shortDescription: { text: expect.any(String) }, help: { text: expect.stringContaining('docs/rules/') } });
      expect(rule.properties.tags).toContain('security');
      expect(rule.properties.tags.some((tag: string) => tag.startsWith('external/cwe/cwe-'))).toBe(true);
    }
    expect(run.results.length).toBeGreaterThan(0);
    const result = run.results[0];
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    const location = result.locations[0].physicalLocation;
    expect(location.artifactLocation.uri).toBe('src/a.js');
    expect(location.region).toMatchObject({ startLine: expect.any(Number), startColumn: expect.any(Number) });
    const withFix = run.results.filter((r: { fixes?: unknown[] }) => r.fixes);
    expect(withFix).toHaveLength(1); // one fix per changed file
    const change = withFix[0].fixes[0].artifactChanges[0];
    expect(change.artifactLocation.uri).toBe('src/a.js');
    expect(change.replacements[0]).toMatchObject({ deletedRegion: { charOffset: expect.any(Number), charLength: expect.any(Number) }, insertedContent: { text: expect.any(String) } });
    // Applying the replacements to the original gives what --write gives.
    let text = INSECURE;
    for (const r of [...change.replacements].reverse()) {
      text = text.slice(0, r.deletedRegion.charOffset) + r.insertedContent.text + text.slice(r.deletedRegion.charOffset + r.deletedRegion.charLength);
    }
    tmpfix(repo, ['--write', '--allow-dirty', 'src/a.js']);
    expect(text).toBe(require('node:fs').readFileSync(`${repo}/src/a.js`, 'utf8'));
    const notes = run.invocations[0].toolExecutionNotifications;
    expect(notes[0].locations[0].physicalLocation.artifactLocation.uri).toBe('src/e-broken.js');
  });

  it('says once that a finding is suppressed', () => {
    const repo = makeRepo({ 'dump.js': SUPPRESSED });
    const run = JSON.parse(tmpfix(repo, ['--format', 'sarif']).stdout).runs[0];
    const suppressed = run.results.filter((r: { suppressions?: unknown[] }) => r.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0].message.text).toMatch(/\(suppressed\)$/);
    expect(suppressed[0].message.text).not.toMatch(/\(suppressed\).*\(suppressed\)/);
  });
});

describe('text output', () => {
  it('writes a summary to stderr and no progress or colour codes into pipes', () => {
    const repo = makeRepo(files);
    const outcome = tmpfix(repo, ['--inspect']);
    expect(outcome.stdout).toContain('diff --git a/src/a.js b/src/a.js');
    expect(outcome.stderr).toMatch(/tmpfix: 4 files scanned, 1 to change, 1 skipped \(1 binary\), \d+ findings? \(\d+ fixed, \d+ need review, \d+ suppressed\), 1 error in [\d.]+s; dry run, nothing written/);
    expect(outcome.stderr).toMatch(/^src\/c\.js: unchanged, /m);
    expect(outcome.stderr).toMatch(/^src\/d\.bin\.js: skipped, binary/m);
    for (const stream of [outcome.stdout, outcome.stderr]) {
      expect(stream).not.toMatch(/\x1b\[/);
      expect(stream).not.toContain('\r');
    }
  });

  const hasScript = spawnSync('script', ['--version']).status === 0;
  it('gives each finding one short line, its summary; --inspect adds the full message', () => {
    const RETURNED = fs.readFileSync(path.join(ROOT, '__testfixtures__', 'predictable-tmp-path', 'escapes-by-return.input.js'), 'utf8');
    const repo = makeRepo({ 'a.js': INSECURE, 'audit.js': REVIEW_ONLY, 'dump.js': SUPPRESSED, 'manifest.js': RETURNED });
    const { report } = jsonRun(repo);
    const plain = tmpfix(repo, []);
    const inspect = tmpfix(repo, ['--inspect']);
    const lines = plain.stderr.split('\n');
    let shown = 0;
    for (const file of report.files) {
      for (const finding of file.findings ?? []) {
        const line = `${file.path}:${finding.line}:${finding.column} ${finding.ruleId} ${finding.summary}`;
        expect(finding.summary.length).toBeLessThanOrEqual(130);
        expect(finding.message).not.toBe(finding.summary);
        // The full message is in json (above) and under --inspect, never in the plain text report.
        expect(plain.stderr).not.toContain(finding.message);
        if (finding.suppressed) {
          expect(lines.filter((l) => l.startsWith(`${file.path}:`))).toEqual([]);
          expect(inspect.stderr).toContain(`${line} (suppressed)\n    ${finding.message}\n`);
          continue;
        }
        expect(lines).toContain(line);
        expect(inspect.stderr).toContain(`${line}\n    ${finding.message}\n`);
        shown++;
      }
    }
    expect(shown).toBe(3); // a.js fixed, audit.js to review, manifest.js fixed with the cleanup left to the caller
    const returned = statusOf(report, 'manifest.js')!.findings![0];
    expect(returned).toMatchObject({ fixed: true, callerRemoves: 'path.dirname() of the returned path' });
    expect(returned.summary).toMatch(/: secured; the caller must remove path\.dirname\(\) of the returned path$/);
    expect(statusOf(report, 'a.js')!.findings![0].summary).toMatch(/: secured and removed on every path$/);
    expect(statusOf(report, 'audit.js')!.findings![0].summary).toMatch(/: not rewritten: /);
  });

  it('keeps "cleanup left to the caller" on a fixed line whose summary was cut short', () => {
    const finding = {
      ruleId: 'predictable-tmp-path', line: 3, column: 5, endLine: 3, endColumn: 40, fixed: true, suppressed: false,
      message: 'long', summary: `fs.writeFileSync() creates '${'x'.repeat(90)}' in the temp dir: secured; the caller must remove path.dirname()…`, callerRemoves: 'path.dirname() of the returned path',
    };
    expect(shortLine('a.js', finding)).toBe(`a.js:3:5 predictable-tmp-path fs.writeFileSync() creates '${'x'.repeat(90)}' in the temp dir: secured; cleanup left to the caller: path.dirname() of the returned path`);
    const whole = { ...finding, summary: "fs.writeFileSync() creates 'm.json' in the temp dir: secured; the caller must remove path.dirname() of the returned path" };
    expect(shortLine('a.js', whole)).toBe(`a.js:3:5 predictable-tmp-path ${whole.summary}`);
  });

  it.skipIf(!hasScript)('colours the diff and shows progress on a terminal, unless NO_COLOR is set', () => {
    const repo = makeRepo({ 'a.js': INSECURE });
    const onTerminal = (env: NodeJS.ProcessEnv): string =>
      spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)}`, '/dev/null'], {
        cwd: repo,
        encoding: 'utf8',
        env: { ...process.env, CI: undefined, NO_COLOR: undefined, TERM: 'xterm', ...env },
      }).stdout;
    const coloured = onTerminal({});
    expect(coloured).toMatch(/\x1b\[32m\+/);
    expect(coloured).toMatch(/\r\x1b\[2Ktmpfix: 1 file, 1 to change/);
    const plain = onTerminal({ NO_COLOR: '1' });
    expect(plain).toContain('diff --git');
    expect(plain).not.toMatch(/\x1b\[3\dm/);
    expect(plain).not.toContain('\x1b[2K'); // no progress line either
  });
});
