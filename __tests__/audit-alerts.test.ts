// `tmpfix --from-audit audit.json`: the audit's records become alerts at their lines, and the run
// reads the recorded files.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditAlertSource, auditToAlerts, readAuditReport } from '../src/audit/alerts';
import { removeSandboxes, ROOT, runAudit, sandbox, type AuditOutcome, type Sandbox } from './audit/helpers';

afterAll(removeSandboxes);

function tmpfix(cwd: string, args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('--from-audit', () => {
  let box: Sandbox;
  let outcome: AuditOutcome;
  beforeAll(() => {
    box = sandbox();
    outcome = runAudit(box, ['node', '-e', "require('./node/p01-fixed-name.js')(); require('./node/p14-shared-names.js')()"]);
  });

  it('turns every record with a source line in the project into an alert at that line', () => {
    const alerts = auditToAlerts(readAuditReport(outcome.reportFile), 'audit.json');
    expect(alerts).toEqual([
      expect.objectContaining({ tool: 'tmpfix audit', ruleId: 'audit/insecure-creation', file: path.join(box.project, 'node', 'p01-fixed-name.js'), line: 8, ref: 'audit.json#0' }),
      expect.objectContaining({ ruleId: 'audit/insecure-creation', file: path.join(box.project, 'node', 'p14-shared-names.js'), line: 9 }),
      expect.objectContaining({ ruleId: 'audit/insecure-creation', file: path.join(box.project, 'node', 'p14-shared-names.js'), line: 12 }),
    ]);
  });

  it('runs on exactly the recorded files', () => {
    const run = tmpfix(box.project, ['--from-audit', outcome.reportFile, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { files: { path: string; status: string }[] };
    expect(report.files.map((file) => [file.path, file.status])).toEqual([['node/p01-fixed-name.js', 'changed'], ['node/p14-shared-names.js', 'unchanged']]);
  });

  it('says what the records left out are', () => {
    const report = readAuditReport(outcome.reportFile);
    const alerts = auditToAlerts(report, 'audit.json');
    const withStrace = { records: [...report.records, { ...report.records[0], location: null, absFile: null, inProject: false }] };
    expect(auditAlertSource(report, alerts, 'audit.json')).toBe(`${alerts.length} alert(s) from the tmpfix audit report audit.json`);
    expect(auditAlertSource(withStrace, alerts, 'audit.json')).toMatch(/; 1 record\(s\) without a source line in the project \(.*\) have nothing to rewrite$/);
  });

  it('refuses a file that is not an audit report', () => {
    const notReport = path.join(box.root, 'other.json');
    fs.writeFileSync(notReport, '{"files": []}');
    const run = tmpfix(box.project, ['--from-audit', notReport]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('not a json report of tmpfix audit');
  });
});

interface AlertResult {
  ref: string;
  path: string;
  line: number;
  status: string;
  reason?: string;
}

describe('--from-audit: every alert answered, with where the path came from', () => {
  let box: Sandbox;
  let outcome: AuditOutcome;
  let results: AlertResult[];
  let files: { path: string; status: string; why?: string }[];
  beforeAll(() => {
    box = sandbox();
    outcome = runAudit(box, ['node', '-e', "require('./via/run.js')(); require('./node/p11-returned.js')()"]);
    const run = tmpfix(box.project, ['--from-audit', outcome.reportFile, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { files: typeof files; alerts: { results: AlertResult[] } };
    files = report.files;
    results = report.alerts.results;
  });
  const resultAt = (file: string, line: number, kind = 'insecure-creation'): AlertResult | undefined =>
    results.find((result) => result.path === file && result.line === line && (result as AlertResult & { ruleId: string }).ruleId === `audit/${kind}`);

  it('answers an alert in a file the prefilter stops as not found, with the caller the path came from', () => {
    expect(files.find((file) => file.path === 'via/lib/store.js')).toMatchObject({ status: 'unchanged', why: 'prefilter' });
    expect(resultAt('via/lib/store.js', 11)).toMatchObject({ status: 'not-found', reason: 'the static analysis does not see a temp path here (it arrives from via/run.js:11)' });
  });

  it("answers an alert at the caller's line when the static run has a finding there", () => {
    // The caller's file is read too, though no record is in it.
    expect(files.map((file) => file.path)).toContain('via/run.js');
    expect(resultAt('via/lib/store.js', 6)).toMatchObject({ status: 'reported', reason: expect.stringMatching(/^at the caller via\/run\.js:9, where the path comes from: name-only-temp-api: tmp\.tmpNameSync\(\) only makes up a name/) });
  });

  it('does not call a leftover fixed when the rewrite secures the creation but leaves it behind', () => {
    expect(resultAt('node/p11-returned.js', 10)).toMatchObject({ status: 'fixed' });
    expect(resultAt('node/p11-returned.js', 10, 'left-behind')).toMatchObject({
      status: 'reported',
      reason: 'predictable-tmp-path rewrites it (the caller must remove path.dirname() of the returned path), but what the audit saw left behind stays behind',
    });
  });

  it('answers every alert', () => {
    expect(results).toHaveLength(auditToAlerts(readAuditReport(outcome.reportFile), 'audit.json').length);
  });
});
