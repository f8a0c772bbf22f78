// `tmpfix --from-audit audit.json`: the audit's records become alerts at their lines, and the run
// reads the recorded files.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditToAlerts, readAuditReport } from '../src/audit/alerts';
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

  it('refuses a file that is not an audit report', () => {
    const notReport = path.join(box.root, 'other.json');
    fs.writeFileSync(notReport, '{"files": []}');
    const run = tmpfix(box.project, ['--from-audit', notReport]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('not a json report of tmpfix audit');
  });
});
