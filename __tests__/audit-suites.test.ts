// `tmpfix audit` on what real test suites do (jsonfile, tempy, node-tmp, cacache): failed calls,
// a project checked out under /tmp, positions from instrumented code, files in a directory of one's own.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditToAlerts, readAuditReport } from '../src/audit/alerts';
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

describe('a project checked out under a shared temp directory', () => {
  /** $TMPDIR/checkout, the user's, 0755, with the program, a 0755 coverage/ and a group-writable directory. */
  function checkout(program: string): { box: ReturnType<typeof sandbox>; dir: string } {
    const box = sandbox();
    const dir = path.join(box.tmpdir, 'checkout');
    for (const sub of ['', 'coverage', 'group-writable', 'group-writable/below']) {
      fs.mkdirSync(path.join(dir, sub), { recursive: true });
      fs.chmodSync(path.join(dir, sub), 0o755);
    }
    fs.chmodSync(path.join(dir, 'group-writable'), 0o775);
    fs.copyFileSync(path.join(box.project, 'suites', program), path.join(dir, program));
    return { box, dir };
  }

  for (const [program, runtime] of [['checkout.js', 'node'], ['checkout.py', 'python3']]) {
    it(`records nothing in its own 0755 directories, and what is below a group-writable one (${runtime})`, () => {
      const { box, dir } = checkout(program);
      const outcome = runAudit(box, [runtime, program], [], {}, dir);
      expectExactly(outcome, dir, [program]);
      expect(outcome.stderr).not.toMatch(/coverage|tap-testdir/);
      const records = outcome.report!.records.filter((record) => record.location?.file === program);
      expect(records.every((record) => record.message.includes('another user can create the name, or a symlink, there first')), outcome.stderr).toBe(true);
      expect(records.map((record) => record.exposure).sort()).toEqual(runtime === 'node' ? ['direct', 'open-dir', 'open-dir'] : ['direct', 'open-dir']);
      // Nothing the project made counts as left behind: its directory was there before.
      expect(outcome.report!.records.filter((record) => record.kind === 'left-behind' && record.location)).toEqual([]);
    });
  }
});

describe('a project checked out under a shared temp directory, with --strace', () => {
  it('records what a shell writes below a group-writable directory, and nothing in the 0755 ones', () => {
    const box = sandbox();
    const dir = path.join(box.tmpdir, 'checkout');
    fs.mkdirSync(path.join(dir, 'coverage'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'group-writable'));
    for (const [sub, mode] of [['', 0o755], ['coverage', 0o755], ['group-writable', 0o775]] as const) fs.chmodSync(path.join(dir, sub), mode);
    const outcome = runAudit(box, ['sh', '-c', 'mkdir coverage/json && echo x > coverage/json/out && echo x > group-writable/planted'], ['--strace'], {}, dir);
    expect(outcome.code, outcome.stderr).toBe(0);
    const paths = outcome.report!.records.flatMap((record) => record.paths).filter((p) => p.startsWith(dir));
    expect(paths, outcome.stderr).toEqual([path.join(dir, 'group-writable', 'planted')]);
  });
});

describe('a directory of the command\'s own in the temp directory', () => {
  it('says of what is made there that others can read it, not that they can plant it', () => {
    const box = sandbox();
    const outcome = runAudit(box, ['node', 'suites/own-dir.js']);
    const files = ['suites/own-dir.js', 'suites/own-dir-child.js'];
    expectExactly(outcome, box.project, files);
    const found = recordedAt(outcome.report!.records);
    expect(found.get('suites/own-dir.js:10:insecure-creation')).toMatchObject({ exposure: 'direct', directory: true });
    for (const at of ['suites/own-dir.js:12', 'suites/own-dir-child.js:4']) {
      const record = found.get(`${at}:insecure-creation`)!;
      expect(record.exposure, at).toBe('own-dir');
      expect(record.message, at).not.toContain('another user can create the name');
      expect(record.message, at).toMatch(/in \$TMPDIR\/own-\d+, a directory the command made that only you can write to: group or others can read it$/);
    }
  });
});

describe('positions from instrumented code without a source map', () => {
  it('says a position that is not a source line is one, and makes no alert nor gap of it', () => {
    const box = sandbox();
    const outcome = runAudit(box, ['node', 'suites/instrumented/run.js']);
    expect(outcome.code, outcome.stderr).toBe(0);
    const records = outcome.report!.records.filter((record) => record.location?.file.startsWith('suites/instrumented/'));
    const byFile = new Map(records.map((record) => [record.location!.file, record]));
    expect([...byFile.keys()].sort()).toEqual(['suites/instrumented/lib-one-line.js', 'suites/instrumented/lib-plain.js', 'suites/instrumented/lib-shifted.js']);
    for (const file of ['suites/instrumented/lib-one-line.js', 'suites/instrumented/lib-shifted.js']) {
      expect(byFile.get(file), file).toMatchObject({ instrumented: true, static: 'no-source', staticNote: 'position from instrumented code (coverage?), not a source line' });
    }
    expect(['fixed', 'reported']).toContain(byFile.get('suites/instrumented/lib-plain.js')!.static);
    expect(byFile.get('suites/instrumented/lib-plain.js')!.instrumented).toBeUndefined();
    expect(outcome.stderr).toMatch(/lib-one-line\.js:1:\d+ {2}insecure-creation .*\[position from instrumented code \(coverage\?\), not a source line\]/);
    expect(outcome.stderr).toMatch(/; 0 not seen by static analysis/);
    const alerts = auditToAlerts(readAuditReport(outcome.reportFile), 'audit.json').filter((alert) => alert.file.includes('/instrumented/'));
    expect(alerts.map((alert) => path.basename(alert.file))).toEqual(['lib-plain.js']);
  });
});

describe('a location in a dependency', () => {
  it('is one line that says it is not analysed, not a location followed by "no source line"', () => {
    const box = sandbox();
    const dep = path.join(box.project, 'vendor', 'node_modules', 'writer');
    fs.mkdirSync(dep, { recursive: true });
    fs.writeFileSync(path.join(dep, 'cli.js'), "const p = require('path').join(require('os').tmpdir(), 'dep.txt');\nrequire('fs').writeFileSync(p, 'x');\nrequire('fs').unlinkSync(p);\n");
    const outcome = runAudit(box, ['node', 'vendor/node_modules/writer/cli.js']);
    expect(outcome.code, outcome.stderr).toBe(0);
    const lines = outcome.stderr.split('\n').filter((line) => line.startsWith('vendor/node_modules/writer/cli.js:2:'));
    expect(lines, outcome.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/ {2}insecure-creation .*\[in a dependency, no project line on the stack: not analysed\]$/);
    expect(outcome.stderr).not.toContain('no source line');
  });
});
