// --from-sarif: fix exactly what a scanner flagged. The logs are written here in the shapes the
// scanners' SARIF takes (CodeQL, SonarJS through SonarQube and ESLint, Semgrep, Bandit through
// bandit-sarif-formatter, Ruff's --output-format sarif); the repositories and the runs are real.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, HARMLESS, INSECURE, makeRepo, read, tempDir, tmpfix } from './helpers';

afterAll(cleanUp);

/** Two functions that each get rewritten: findings on lines 2 and 3. */
const TWO = [
  "const fs = require('fs'); const os = require('os'); const path = require('path');",
  "function a(data) { const file = path.join(os.tmpdir(), 'a.json'); fs.writeFileSync(file, data); return fs.readFileSync(file, 'utf8'); }",
  "function b(data) { const file = path.join(os.tmpdir(), 'b.json'); fs.writeFileSync(file, data); return fs.readFileSync(file, 'utf8'); }",
  'module.exports = { a, b };',
  '',
].join('\n');
/** A file written for someone else: reported (line 3), never rewritten. */
const REVIEW = "const fs = require('fs');\nfunction dump(data) {\n  fs.writeFileSync('/tmp/report.txt', data);\n}\nmodule.exports = { dump };\n";
/** Written and read back: rewritten by the Python side (finding on line 4). */
const PYTHON = "import os\n\ndef save(data):\n    with open('/tmp/app.json', 'w') as f:\n        f.write(data)\n    with open('/tmp/app.json') as f:\n        return f.read()\n";

function fixtureRepo(): string {
  return makeRepo({
    'src/one.js': INSECURE, // finding on line 2
    'src/two.js': TWO,
    'src/review.js': REVIEW,
    'src/clean.js': HARMLESS,
    'src/unflagged.js': INSECURE.replace("'app.json'", "'other.json'"),
    'tools/run.py': PYTHON,
  });
}

interface Location {
  uri: string;
  uriBaseId?: string;
  line?: number;
  column?: number;
}

function location({ uri, uriBaseId, line, column }: Location): Record<string, unknown> {
  return {
    physicalLocation: {
      artifactLocation: { uri, ...(uriBaseId ? { uriBaseId } : {}) },
      ...(line ? { region: { startLine: line, ...(column ? { startColumn: column } : {}) } } : {}),
    },
  };
}

/** CodeQL's shape: rules in a query pack (tool.extensions), `rule.toolComponent.index`, `%SRCROOT%` URIs. */
function codeqlLog(results: { ruleId: string; at: Location }[]): unknown {
  const rules = ['js/insecure-temporary-file', 'py/insecure-temporary-file', 'js/path-injection'];
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'CodeQL', organization: 'GitHub', semanticVersion: '2.20.0', notifications: [] },
          extensions: [
            {
              name: 'codeql/javascript-queries',
              rules: rules.map((id) => ({
                id,
                name: id,
                properties: { tags: id.includes('temporary') ? ['security', 'external/cwe/cwe-377', 'external/cwe/cwe-378'] : ['security', 'external/cwe/cwe-022'] },
              })),
            },
          ],
        },
        results: results.map(({ ruleId, at }) => ({
          ruleId,
          rule: { id: ruleId, index: rules.indexOf(ruleId), toolComponent: { index: 0 } },
          message: { text: 'Insecure creation of file in [the os temp dir](1).' },
          locations: [location({ uriBaseId: '%SRCROOT%', ...at })],
          partialFingerprints: { primaryLocationLineHash: 'c0ffee:1' },
        })),
        columnKind: 'utf16CodeUnits',
        properties: { semmle: { formatSpecifier: 'sarif-latest' } },
      },
    ],
  };
}

/** SonarJS through SonarQube (rule keys `javascript:S5443`, a base URI in originalUriBaseIds). */
function sonarqubeLog(root: string, results: Location[]): unknown {
  return {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'SonarQube', rules: [{ id: 'javascript:S5443', name: 'Using publicly writable directories is security-sensitive' }] } },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(root).href + '/' } },
        results: results.map((at) => ({
          ruleId: 'javascript:S5443',
          ruleIndex: 0,
          level: 'warning',
          message: { text: 'Make sure publicly writable directories are used safely here.' },
          locations: [location({ uriBaseId: 'SRCROOT', ...at })],
        })),
      },
    ],
  };
}

/** SonarJS through ESLint (eslint-plugin-sonarjs and an ESLint SARIF formatter): absolute file URIs. */
function eslintLog(results: Location[]): unknown {
  return {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'ESLint', informationUri: 'https://eslint.org', rules: [{ id: 'sonarjs/publicly-writable-directories' }, { id: 'no-unused-vars' }] } },
        artifacts: results.map((at) => ({ location: { uri: at.uri } })),
        results: [
          ...results.map((at) => ({ ruleId: 'sonarjs/publicly-writable-directories', ruleIndex: 0, level: 'warning', message: { text: 'Make sure publicly writable directories are used safely here.' }, locations: [location(at)] })),
          { ruleId: 'no-unused-vars', ruleIndex: 1, level: 'error', message: { text: "'x' is defined but never used." }, locations: [location(results[0])] },
        ],
      },
    ],
  };
}

/** Semgrep: long dotted rule ids, CWE tags on the rules, URIs relative to where it ran. */
function semgrepLog(results: { ruleId: string; at: Location }[]): unknown {
  const cwe = ['CWE-377: Insecure Temporary File', 'security'];
  return {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Semgrep OSS',
            semanticVersion: '1.100.0',
            rules: [
              { id: 'acme.semgrep.javascript.predictable-temp-path', name: 'acme.semgrep.javascript.predictable-temp-path', properties: { tags: cwe } },
              { id: 'python.lang.correctness.tempfile.mktemp.tempfile-insecure', name: 'python.lang.correctness.tempfile.mktemp.tempfile-insecure', properties: { tags: [] } },
              { id: 'javascript.lang.security.audit.unsafe-formatstring.unsafe-formatstring', properties: { tags: ['CWE-134: Use of Externally-Controlled Format String'] } },
            ],
          },
        },
        results: results.map(({ ruleId, at }) => ({ ruleId, message: { text: 'Predictable name in the shared temp directory' }, locations: [location(at)], fingerprints: { matchBasedId: 'x' } })),
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: [] }],
      },
    ],
  };
}

/** bandit-sarif-formatter: driver "Bandit", percent-encoded relative URIs, startLine only. */
function banditLog(results: { ruleId: string; at: Location }[]): unknown {
  return {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Bandit', rules: [{ id: 'B108', name: 'hardcoded_tmp_directory' }, { id: 'B306', name: 'mktemp_q' }] } },
        invocations: [{ executionSuccessful: true, endTimeUtc: '2026-01-01T00:00:00Z' }],
        results: results.map(({ ruleId, at }) => ({
          ruleId,
          ruleIndex: ruleId === 'B108' ? 0 : 1,
          level: 'warning',
          message: { text: 'Probable insecure usage of temp file/directory.' },
          locations: [location(at)],
          properties: { issue_confidence: 'MEDIUM', issue_severity: 'MEDIUM' },
        })),
        properties: { metrics: {} },
      },
    ],
  };
}

/** Ruff's --output-format sarif: driver "ruff", absolute file URIs, rule ids as noqa codes. */
function ruffLog(results: { ruleId: string; at: Location }[]): unknown {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'ruff', informationUri: 'https://github.com/astral-sh/ruff', rules: [{ id: 'S108', shortDescription: { text: 'hardcoded-temp-file' } }, { id: 'E501' }] } },
        results: results.map(({ ruleId, at }) => ({ level: 'error', message: { text: 'Probable insecure usage of temporary file or directory: "/tmp/app.json"' }, locations: [location(at)], ruleId })),
      },
    ],
  };
}

function writeLog(dir: string, name: string, log: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(log, null, 2));
  return file;
}

interface AlertResult {
  ref: string;
  tool: string;
  ruleId: string;
  path: string;
  line: number;
  status: 'fixed' | 'reported' | 'not-found';
  reason?: string;
  findings: number[];
}
interface Report {
  summary: { scanned: number; changed: number };
  alerts: { source: string; counts: Record<string, number>; results: AlertResult[] };
  files: { path: string; status: string; why?: string; reason?: string; findings?: { line: number; fixed: boolean; message: string; alerts: string[] }[] }[];
}

function fromSarif(repo: string, logs: string[], args: string[] = []): { code: number; stderr: string; report: Report } {
  const outcome = tmpfix(repo, ['--format', 'json', ...logs.flatMap((log) => ['--from-sarif', log]), ...args]);
  return { code: outcome.code, stderr: outcome.stderr, report: JSON.parse(outcome.stdout) as Report };
}

function alertAt(report: Report, rel: string, line: number, tool?: string): AlertResult {
  const found = report.alerts.results.filter((alert) => alert.path === rel && alert.line === line && (!tool || alert.tool === tool));
  expect(found, `${rel}:${line}`).toHaveLength(1);
  return found[0];
}

describe('--from-sarif', () => {
  it("CodeQL: reads only the flagged files, fixes what it can and says what became of every alert", () => {
    const repo = fixtureRepo();
    const logs = tempDir();
    const log = writeLog(logs, 'codeql.sarif', codeqlLog([
      { ruleId: 'js/insecure-temporary-file', at: { uri: 'src/one.js', line: 2, column: 85 } },
      { ruleId: 'js/insecure-temporary-file', at: { uri: 'src/review.js', line: 3, column: 20 } },
      { ruleId: 'js/insecure-temporary-file', at: { uri: 'src/clean.js', line: 2, column: 1 } },
      { ruleId: 'js/insecure-temporary-file', at: { uri: 'src/gone.js', line: 4 } },
      { ruleId: 'py/insecure-temporary-file', at: { uri: 'tools/run.py', line: 4, column: 15 } },
      { ruleId: 'js/path-injection', at: { uri: 'src/unflagged.js', line: 2 } },
    ]));
    const { code, stderr, report } = fromSarif(repo, [log]);
    expect(code, stderr).toBe(0);
    // Only the flagged files that exist, and not the one flagged by another rule.
    expect(report.files.map((file) => file.path)).toEqual(['src/clean.js', 'src/one.js', 'src/review.js', 'tools/run.py']);
    expect(report.alerts.source).toMatch(/^5 alert\(s\) of the temporary-file class from 1 SARIF log\(s\); 1 result\(s\) of other rules left out$/);

    const one = alertAt(report, 'src/one.js', 2);
    expect(one).toMatchObject({ status: 'fixed', tool: 'CodeQL', ruleId: 'js/insecure-temporary-file', ref: `${log}#0/0`, findings: [0] });
    const oneFile = report.files.find((file) => file.path === 'src/one.js')!;
    expect(oneFile.status).toBe('changed');
    expect(oneFile.findings![0].alerts).toEqual([`${log}#0/0`]); // the result says which alert it answers

    expect(alertAt(report, 'src/review.js', 3)).toMatchObject({ status: 'reported', reason: expect.stringMatching(/^predictable-tmp-path: .*another program or a person is meant to find it/) });
    expect(alertAt(report, 'src/clean.js', 2)).toMatchObject({ status: 'not-found', reason: 'no tmpfix finding on line 2; tmpfix has no finding in this file' });
    expect(alertAt(report, 'src/gone.js', 4)).toMatchObject({ status: 'not-found', reason: 'no such file' });
    expect(alertAt(report, 'tools/run.py', 4)).toMatchObject({ status: 'fixed', ruleId: 'py/insecure-temporary-file' });
    expect(report.alerts.counts).toEqual({ fixed: 2, reported: 1, 'not-found': 2 });

    expect(stderr).toMatch(/^src\/one\.js:2:85 CodeQL js\/insecure-temporary-file \[.*codeql\.sarif#0\/0\]: fixed$/m);
    expect(stderr).toMatch(/^src\/gone\.js:4 CodeQL js\/insecure-temporary-file \[.*#0\/3\]: not found: no such file$/m);
    expect(stderr).toMatch(/^tmpfix: alerts: 2 fixed, 1 reported, 2 not found \(5 alert/m);

    // --write changes the flagged file and nothing else.
    const written = tmpfix(repo, ['--write', '--from-sarif', log]);
    expect(written.code, written.stderr).toBe(0);
    expect(read(repo, 'src/one.js')).not.toBe(INSECURE);
    expect(read(repo, 'src/unflagged.js')).toBe(INSECURE.replace("'app.json'", "'other.json'"));
  });

  it('rewrites only the flagged lines: another finding of the same file is left for a person', () => {
    const repo = fixtureRepo();
    const logs = tempDir();
    // Semgrep flags only function a (line 2) of two.js; tmpfix would rewrite b (line 3) too.
    const semgrep = writeLog(logs, 'semgrep.sarif', semgrepLog([{ ruleId: 'acme.semgrep.javascript.predictable-temp-path', at: { uri: 'src/two.js', line: 2, column: 85 } }]));
    const only = fromSarif(repo, [semgrep]);
    expect(only.code, only.stderr).toBe(0);
    const file = only.report.files.find((f) => f.path === 'src/two.js')!;
    expect(file.status).toBe('changed');
    expect(file.findings!.map((finding) => [finding.line, finding.fixed])).toEqual([[2, true], [3, false]]);
    expect(alertAt(only.report, 'src/two.js', 2)).toMatchObject({ tool: 'Semgrep OSS', ruleId: 'acme.semgrep.javascript.predictable-temp-path', status: 'fixed' });
    expect(tmpfix(repo, ['--write', '--from-sarif', semgrep]).code).toBe(0);
    const [first, second, third] = read(repo, 'src/two.js').split('\n');
    expect(first).toBe(TWO.split('\n')[0]);
    expect(second).toContain('mkdtempSync');
    expect(third).toBe(TWO.split('\n')[2]); // the line nobody flagged is as it was
    // (A rewrite the engine cannot confine to the flagged lines is held back whole: __tests__/alerts.test.ts.)

    // With line 3 flagged as well (a second log), the rewrite is whole and both alerts are fixed.
    const ruleB = writeLog(logs, 'semgrep-b.sarif', semgrepLog([{ ruleId: 'acme.semgrep.javascript.predictable-temp-path', at: { uri: 'src/two.js', line: 3 } }]));
    const fresh = fixtureRepo();
    const both = fromSarif(fresh, [semgrep, ruleB]);
    expect(both.report.files.find((f) => f.path === 'src/two.js')).toMatchObject({ status: 'changed' });
    expect(alertAt(both.report, 'src/two.js', 2).status).toBe('fixed');
    expect(alertAt(both.report, 'src/two.js', 3)).toMatchObject({ status: 'fixed', ref: `${ruleB}#0/0` });
  });

  it('SonarJS (SonarQube and ESLint), Semgrep, Bandit and Ruff logs: their ids, their URIs', () => {
    const repo = fixtureRepo();
    const logs = tempDir();
    const abs = (rel: string): string => pathToFileURL(path.join(repo, rel)).href;
    const sonar = writeLog(logs, 'sonarqube.sarif', sonarqubeLog(repo, [{ uri: 'src/one.js', line: 2, column: 88 }]));
    const eslint = writeLog(logs, 'eslint.sarif', eslintLog([{ uri: abs('src/review.js'), line: 3, column: 20 }]));
    const semgrep = writeLog(logs, 'semgrep.sarif', semgrepLog([
      { ruleId: 'python.lang.correctness.tempfile.mktemp.tempfile-insecure', at: { uri: 'tools/run.py', line: 4 } },
      { ruleId: 'javascript.lang.security.audit.unsafe-formatstring.unsafe-formatstring', at: { uri: 'src/unflagged.js', line: 2 } },
    ]));
    const bandit = writeLog(logs, 'bandit.sarif', banditLog([{ ruleId: 'B108', at: { uri: 'tools/run.py', line: 4 } }]));
    const ruff = writeLog(logs, 'ruff.sarif', ruffLog([{ ruleId: 'S108', at: { uri: abs('tools/run.py'), line: 4, column: 15 } }, { ruleId: 'E501', at: { uri: abs('src/unflagged.js'), line: 2 } }]));
    const { code, stderr, report } = fromSarif(repo, [sonar, eslint, semgrep, bandit, ruff]);
    expect(code, stderr).toBe(0);
    expect(report.files.map((file) => file.path)).toEqual(['src/one.js', 'src/review.js', 'tools/run.py']);
    expect(alertAt(report, 'src/one.js', 2)).toMatchObject({ tool: 'SonarQube', ruleId: 'javascript:S5443', status: 'fixed' });
    expect(alertAt(report, 'src/review.js', 3)).toMatchObject({ tool: 'ESLint', ruleId: 'sonarjs/publicly-writable-directories', status: 'reported' });
    for (const tool of ['Semgrep OSS', 'Bandit', 'ruff']) {
      expect(alertAt(report, 'tools/run.py', 4, tool)).toMatchObject({ status: 'fixed' });
    }
    expect(report.alerts.source).toMatch(/^5 alert\(s\) of the temporary-file class from 5 SARIF log\(s\); 3 result\(s\) of other rules left out$/);
  });

  it('links SARIF results to the alerts they answer, in the SARIF report', () => {
    const repo = fixtureRepo();
    const log = writeLog(tempDir(), 'codeql.sarif', codeqlLog([{ ruleId: 'js/insecure-temporary-file', at: { uri: 'src/one.js', line: 2 } }]));
    const outcome = tmpfix(repo, ['--format', 'sarif', '--from-sarif', log]);
    expect(outcome.code, outcome.stderr).toBe(0);
    const sarif = JSON.parse(outcome.stdout) as { runs: { results: { properties: { alerts?: string[] }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[]; properties: { alerts: AlertResult[] } }[] };
    const [run] = sarif.runs;
    const answering = run.results.find((result) => result.locations[0].physicalLocation.artifactLocation.uri === 'src/one.js')!;
    expect(answering.properties.alerts).toEqual([`${log}#0/0`]);
    expect(run.properties.alerts).toEqual([expect.objectContaining({ ref: `${log}#0/0`, status: 'fixed', path: 'src/one.js' })]);
  });

  it('is a usage error for a log that cannot be read or is not SARIF', () => {
    const repo = fixtureRepo();
    const dir = tempDir();
    const notJson = path.join(dir, 'broken.sarif');
    fs.writeFileSync(notJson, '{"version": "2.1.0", "runs": [');
    const noRuns = path.join(dir, 'empty.sarif');
    fs.writeFileSync(noRuns, '{"version": "2.1.0"}');
    for (const [file, message] of [
      [path.join(dir, 'missing.sarif'), /cannot read --from-sarif .*missing\.sarif: ENOENT/],
      [notJson, /cannot read --from-sarif .*broken\.sarif: not JSON/],
      [noRuns, /--from-sarif .*empty\.sarif is not a SARIF log: it has no "runs" array/],
    ] as const) {
      const result = tmpfix(repo, ['--from-sarif', file]);
      expect(result.code, file).toBe(2);
      expect(result.stderr, file).toMatch(message);
      expect(result.stdout).toBe('');
    }
  });
});
