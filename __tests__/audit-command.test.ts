// `tmpfix audit` as a command: the audited command's exit code, signals, output and a missing
// command come through; --strace records programs that are neither Node nor Python; the report file.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { marks, recordedAt, removeSandboxes, ROOT, runAudit, sandbox, type Sandbox } from './audit/helpers';

afterAll(removeSandboxes);

let box: Sandbox;
beforeAll(() => {
  box = sandbox();
});

describe('the command runs as it would without the audit', () => {
  it('passes its exit code through', () => {
    const outcome = runAudit(box, ['node', '-e', 'process.exitCode = 7']);
    expect(outcome.code).toBe(7);
    expect(outcome.report?.exitCode).toBe(7);
  });

  it('passes its stdout and stderr through untouched, and the report goes to the file only', () => {
    const outcome = runAudit(box, ['node', '-e', "process.stdout.write('exact\\n'); process.stderr.write('its own error\\n'); throw new Error('boom')"], ['--format', 'sarif']);
    expect(outcome.stdout).toBe('exact\n');
    expect(outcome.stderr.startsWith('its own error\n')).toBe(true);
    expect(outcome.stderr).toContain('Error: boom');
    expect(outcome.code).toBe(1);
    const sarif = JSON.parse(fs.readFileSync(outcome.reportFile, 'utf8')) as { version: string; runs: { tool: { driver: { rules: { id: string }[] } }; invocations: { exitCode: number }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].tool.driver.rules.map((rule) => rule.id)).toEqual(['audit/insecure-creation', 'audit/check-then-open', 'audit/left-behind']);
    expect(sarif.runs[0].invocations[0].exitCode).toBe(1);
  });

  it('gives 128 + the signal for a command killed by a signal, and keeps the records written before', () => {
    const outcome = runAudit(box, ['node', 'commands/killed.js']);
    expect(outcome.code).toBe(137);
    expect(outcome.report).toMatchObject({ exitCode: 137, signal: 'SIGKILL' });
    const expected = marks(box.project, ['commands/killed.js']);
    expect([...recordedAt(outcome.report!.records).keys()].sort()).toEqual([...expected.keys()].sort());
    expect(outcome.stderr).toContain('was killed by SIGKILL');
    fs.rmSync(path.join(box.tmpdir, 'before-the-kill.txt'));
  });

  it('answers 127 for a command that does not exist, and still writes the report', () => {
    const outcome = runAudit(box, ['no-such-command-for-tmpfix']);
    expect(outcome.code).toBe(127);
    expect(outcome.stderr).toContain('no-such-command-for-tmpfix: command not found');
    expect(outcome.report).toMatchObject({ exitCode: 127, startError: 'no-such-command-for-tmpfix: command not found', records: [] });
  });

  it('refuses to overwrite a file of the default name that is not an earlier report, before running anything', () => {
    const dir = path.join(box.root, 'refusal');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'audit.json'), '{"mine": true}\n');
    const result = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'audit', '--', 'touch', 'ran'], { cwd: dir, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('audit.json exists and is not an earlier tmpfix audit report');
    expect(fs.existsSync(path.join(dir, 'ran'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'audit.json'), 'utf8')).toBe('{"mine": true}\n');
  });
});

describe('--strace', () => {
  it('records a shell writing into the temp directory, without a source line, and what it left', () => {
    const outcome = runAudit(box, ['sh', '-c', 'echo x > "$TMPDIR/from-the-shell"'], ['--strace']);
    expect(outcome.code, outcome.stderr).toBe(0);
    const written = path.join(box.tmpdir, 'from-the-shell');
    const records = outcome.report!.records.filter((record) => record.paths.includes(written));
    expect(records.map((record) => record.kind).sort()).toEqual(['insecure-creation', 'left-behind']);
    for (const record of records) expect(record).toMatchObject({ runtime: 'strace', location: null, static: 'no-source' });
    expect(records[0].program).toMatch(/^sh -c /);
    expect(records.find((record) => record.kind === 'insecure-creation')).toMatchObject({ exclusive: false, flags: expect.arrayContaining(['O_CREAT', 'O_TRUNC']) });
    fs.rmSync(written);
  });

  it('counts a Node call once: the preload has its source line, strace adds nothing', () => {
    const outcome = runAudit(box, ['node', 'children/child.js'], ['--strace']);
    expect(outcome.code, outcome.stderr).toBe(0);
    const sightings = outcome.report!.records.filter((record) => record.paths.some((p) => p.endsWith('from-node-child.txt')));
    expect(sightings).toHaveLength(1);
    expect(sightings[0]).toMatchObject({ runtime: 'node', location: { file: 'children/child.js', line: 7 } });
  });
});
