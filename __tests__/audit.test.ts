// `tmpfix audit` over small programs of every pattern of the field guide, in Node, Python and
// TypeScript: each insecure creation is reported at its line, safe code is not, children are covered.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { marks, programFiles, recordedAt, removeSandboxes, runAudit, sandbox, underUmask, type AuditOutcome, type Sandbox } from './audit/helpers';

afterAll(removeSandboxes);

function expectMarkedRecords(outcome: AuditOutcome, expected: ReturnType<typeof marks>, dirs: string[]): void {
  expect(outcome.report, outcome.stderr).toBeDefined();
  const found = recordedAt(outcome.report!.records);
  const inScope = [...found.keys()].filter((at) => dirs.some((dir) => at.startsWith(`${dir}/`)));
  expect(inScope.sort()).toEqual([...expected.keys()].sort());
  for (const mark of expected.values()) {
    if (mark.count !== undefined) expect(found.get(mark.at)?.count, mark.at).toBe(mark.count);
  }
}

describe('Node programs (every pattern, a Node and a Python child)', () => {
  let box: Sandbox;
  let outcome: AuditOutcome;
  beforeAll(() => {
    box = sandbox();
    outcome = runAudit(box, ['node', 'node/main.js']);
  });

  it('passes the command through: its stdout, its exit code', () => {
    expect(outcome.stdout).toBe('ran 18 programs\n');
    expect(outcome.code).toBe(0);
    expect(outcome.report!.exitCode).toBe(0);
  });

  it('reports each insecure creation at its line, and nothing for safe code', () => {
    const files = [...programFiles(box.project, 'node', '.js'), 'children/child.js', 'children/child.py'];
    expectMarkedRecords(outcome, marks(box.project, files), ['node', 'children']);
  });

  it('gives the syscall-level facts', () => {
    const found = recordedAt(outcome.report!.records);
    const fixedName = found.get('node/p01-fixed-name.js:8:insecure-creation')!;
    expect(fixedName).toMatchObject({ call: 'fs.writeFileSync', exclusive: false, mode: underUmask(0o666), runtime: 'node', paths: [path.join(box.tmpdir, 'app.json')] });
    expect(fixedName.flags).toEqual(['O_WRONLY', 'O_CREAT', 'O_TRUNC']);
    expect(found.get('node/p05-mode-without-wx.js:8:insecure-creation')).toMatchObject({ exclusive: false, mode: '0600' });
    expect(found.get('node/p14-shared-names.js:9:insecure-creation')).toMatchObject({ exclusive: true, mode: underUmask(0o666) });
    expect(found.get('node/p08-fixed-dir.js:8:insecure-creation')).toMatchObject({ directory: true, flags: ['mkdir -p'] });
    expect(found.get('node/p07-check-then-create.js:9:check-then-open')?.check).toMatchObject({ call: 'fs.existsSync', location: { file: 'node/p07-check-then-create.js', line: 8 } });
    expect(found.get('children/child.py:6:insecure-creation')).toMatchObject({ runtime: 'python', call: 'open' });
  });

  it('says whether the static run finds the same place', () => {
    const found = recordedAt(outcome.report!.records);
    expect(found.get('node/p01-fixed-name.js:8:insecure-creation')).toMatchObject({ static: 'fixed', staticFinding: { ruleId: 'predictable-tmp-path', line: 8 } });
    expect(found.get('node/p14-shared-names.js:12:insecure-creation')).toMatchObject({ static: 'reported' });
    expect(found.get('node/p09-name-only.js:8:insecure-creation')).toMatchObject({ static: 'fixed', staticFinding: { ruleId: 'name-only-temp-api', line: 8 } });
    // Python files are analysed too: the child's fixed name is found by the Python side.
    expect(found.get('children/child.py:6:insecure-creation')).toMatchObject({ static: 'fixed', staticFinding: { ruleId: 'predictable-tmp-path', line: 6 } });
    expect(outcome.stderr).toMatch(/children\/child\.py:6:\d+ {2}insecure-creation .*\[static: fixed as predictable-tmp-path\]/);
  });

  it('credits what was left behind to its creation, and safe code leaves nothing', () => {
    const left = fs.readdirSync(box.tmpdir).sort();
    expect(left).toHaveLength(5);
    for (const prefix of ['forgotten-', 'kept-', 'recreated-', 'report-']) expect(left.find((name) => name.startsWith(prefix)), prefix).toBeDefined();
    // Entries other processes on the machine leave in /tmp meanwhile come without a location.
    const leftBehind = outcome.report!.records.filter((record) => record.kind === 'left-behind' && record.location);
    expect(leftBehind.map((record) => record.paths[0]).sort()).toEqual(left.map((name) => path.join(box.tmpdir, name)));
    expect(leftBehind.find((record) => record.location?.file === 'node/p11-no-cleanup.js' && record.location.line === 10)?.mode).toBe('0600');
  });

  it('credits a private directory removed and made again by a recursive mkdir to the mkdir, with its mode, and records what is made in it', () => {
    const found = recordedAt(outcome.report!.records);
    const program = 'node/p12-recreated-private-dir.js';
    const made = found.get(`${program}:13:insecure-creation`)!;
    expect(made).toMatchObject({ call: 'fs.mkdirSync', flags: ['mkdir -p'], exclusive: false, mode: underUmask(0o777) });
    expect(made.message).toMatch(/^fs\.mkdirSync made the directory \$TMPDIR\/recreated-\w+\/logs with recursive: true, mode \d+, making \$TMPDIR\/recreated-\w+ itself on the way: /);
    expect(found.get(`${program}:13:left-behind`)).toMatchObject({ call: 'fs.mkdirSync', mode: underUmask(0o777), directory: true });
    expect(found.get(`${program}:13:left-behind`)!.message).toMatch(/^fs\.mkdirSync created the directory \$TMPDIR\/recreated-\w+ \(mode \d+\), still there/);
    // mkdtemp made the name first, but what is left is not its private directory.
    expect(found.has(`${program}:10:left-behind`)).toBe(false);
  });

  it('says of a leftover that the static rewrite keeps that it stays behind, and of one it removes that it is fixed', () => {
    const found = recordedAt(outcome.report!.records);
    expect(found.get('node/p11-returned.js:10:insecure-creation')).toMatchObject({ static: 'fixed' });
    expect(found.get('node/p11-returned.js:10:left-behind')).toMatchObject({
      static: 'fixed-left-behind',
      staticFinding: { ruleId: 'predictable-tmp-path', fixed: true, leavesBehind: 'the caller must remove path.dirname() of the returned path' },
    });
    expect(outcome.stderr).toMatch(/node\/p11-returned\.js:10:\d+ {2}left-behind .*\[static: rewritten as predictable-tmp-path \(the caller must remove path\.dirname\(\) of the returned path\), but this stays behind\]/);
    expect(found.get('node/p11-no-cleanup.js:8:left-behind')).toMatchObject({ static: 'fixed', staticFinding: { ruleId: 'missing-tmp-cleanup' } });
  });

  it('prints its overhead', () => {
    expect(outcome.report!.overhead.processes).toBe(3);
    expect(outcome.stderr).toMatch(/audit overhead: [\d.]+ ms of recording in 3 process\(es\), [\d.]+% of the command's/);
  });
});

describe('Python programs (every pattern that Python has, a Python and a Node child)', () => {
  let box: Sandbox;
  let outcome: AuditOutcome;
  beforeAll(() => {
    box = sandbox();
    outcome = runAudit(box, ['python3', 'python/main.py']);
  });

  it('reports each insecure creation at its line, and nothing for TemporaryFile, mkstemp and the like', () => {
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.stdout).toBe('ran 16 programs\n');
    const files = [...programFiles(box.project, 'python', '.py'), 'children/child.py', 'children/child.js'];
    expectMarkedRecords(outcome, marks(box.project, files), ['python', 'children']);
  });

  it('credits a private directory removed and made again by os.makedirs() to os.makedirs(), and records what is made in it', () => {
    const found = recordedAt(outcome.report!.records);
    const program = 'python/p12_recreated_private_dir.py';
    const mkdirs = outcome.report!.records.filter((record) => record.kind === 'insecure-creation' && record.location?.file === program && record.location.line === 14);
    expect(mkdirs.map((record) => [record.call, record.count, record.mode, record.exposure])).toEqual([
      ['os.mkdir', 1, underUmask(0o777), 'direct'],
      ['os.mkdir', 1, underUmask(0o777), 'own-dir'],
    ]);
    expect(found.get(`${program}:14:left-behind`)).toMatchObject({ call: 'os.mkdir', mode: underUmask(0o777), directory: true });
    expect(found.has(`${program}:10:left-behind`)).toBe(false);
  });

  it('says of a leftover that the static rewrite keeps that it stays behind', () => {
    const found = recordedAt(outcome.report!.records);
    expect(found.get('python/p11_returned.py:10:left-behind')).toMatchObject({ static: 'fixed-left-behind', staticFinding: { ruleId: 'predictable-tmp-path', leavesBehind: 'the caller must remove os.path.dirname() of the returned path' } });
    expect(found.get('python/p11_no_cleanup.py:7:left-behind')).toMatchObject({ static: 'fixed', staticFinding: { ruleId: 'missing-tmp-cleanup' } });
  });

  it('reads back the mode of os.open, which the audit event does not carry', () => {
    const found = recordedAt(outcome.report!.records);
    expect(found.get('python/p05_mode_without_excl.py:8:insecure-creation')).toMatchObject({ call: 'os.open', exclusive: false, mode: '0600' });
    expect(found.get('python/p07_check_then_create.py:9:check-then-open')?.check).toMatchObject({ call: 'os.stat', location: { line: 8 } });
  });

  it('keeps a sitecustomize of the user working', () => {
    const user = path.join(box.root, 'user-site');
    fs.mkdirSync(user);
    fs.writeFileSync(path.join(user, 'sitecustomize.py'), 'MARK = "the user\'s own"\n');
    const chained = runAudit(box, ['python3', '-c', 'import sitecustomize; print(sitecustomize.MARK)'], [], { PYTHONPATH: user });
    expect(chained.stdout).toBe("the user's own\n");
    expect(chained.code).toBe(0);
  });
});

describe('TypeScript compiled with a source map', () => {
  it('reports the TypeScript line, not the JavaScript one', () => {
    const box = sandbox();
    const source = path.join(box.project, 'typed', 'typed.ts');
    const compiled = ts.transpileModule(fs.readFileSync(source, 'utf8'), {
      fileName: 'typed.ts',
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, sourceMap: true, esModuleInterop: true },
    });
    fs.writeFileSync(path.join(box.project, 'typed', 'typed.js'), compiled.outputText);
    fs.writeFileSync(path.join(box.project, 'typed', 'typed.js.map'), compiled.sourceMapText!);
    const jsLine = compiled.outputText.split('\n').findIndex((line) => line.includes('writeFileSync(file')) + 1;
    const outcome = runAudit(box, ['node', 'typed/typed.js']);
    expect(outcome.code, outcome.stderr).toBe(0);
    const expected = marks(box.project, ['typed/typed.ts']);
    expect(expected.size).toBe(1);
    const tsLine = Number([...expected.keys()][0].split(':')[1]);
    expect(jsLine).not.toBe(tsLine); // the test means something only if the lines differ
    expectMarkedRecords(outcome, expected, ['typed']);
    const record = recordedAt(outcome.report!.records).get(`typed/typed.ts:${tsLine}:insecure-creation`)!;
    expect(['fixed', 'reported', 'not-seen']).toContain(record.static);
    expect(record.staticNote).toBeUndefined();
  });
});
