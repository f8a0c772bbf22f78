// `tmpfix audit` on what real test suites do (jsonfile, tempy, node-tmp, cacache): failed calls,
// a project checked out under /tmp, positions from instrumented code, files in a directory of one's own.
import { afterAll, describe, expect, it } from 'vitest';
import { marks, recordedAt, removeSandboxes, runAudit, sandbox, type AuditOutcome } from './audit/helpers';

afterAll(removeSandboxes);

function expectExactly(outcome: AuditOutcome, project: string, files: string[]): void {
  expect(outcome.code, outcome.stderr).toBe(0);
  expect(outcome.report, outcome.stderr).toBeDefined();
  const found = [...recordedAt(outcome.report!.records).keys()].filter((at) => files.some((file) => at.startsWith(`${file}:`)));
  expect(found.sort(), outcome.stderr).toEqual([...marks(project, files).keys()].sort());
}

describe('a call that fails creates nothing', () => {
  it('records only the Node calls that succeeded (sync, callback, promise, stream)', () => {
    const box = sandbox();
    const outcome = runAudit(box, ['node', 'suites/failed-calls.js']);
    expect(outcome.stdout).toBe('done\n');
    expectExactly(outcome, box.project, ['suites/failed-calls.js']);
    expect(outcome.stderr).not.toMatch(/nodir|exists|renamed/);
  });

  it('records only the Python calls that succeeded', () => {
    const box = sandbox();
    const outcome = runAudit(box, ['python3', 'suites/failed_calls.py']);
    expect(outcome.stdout).toBe('done\n');
    expectExactly(outcome, box.project, ['suites/failed_calls.py']);
    expect(outcome.stderr).not.toMatch(/py-nodir|py-exists|py-renamed/);
  });
});
