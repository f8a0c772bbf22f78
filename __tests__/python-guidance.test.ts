// The guidance tmpfix follows ("Create, use, and remove temporary files securely") in Python: its
// three Incorrect snippets come out in its Correct shapes, and its Correct examples stay as they are.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pythonReady, transformSource } from '../src/python/run';
import { compileWithPython, FIXTURES } from './helpers/python';

const fixture = (rel: string) => fs.readFileSync(path.join(FIXTURES, rel), 'utf8');

beforeAll(async () => {
  await pythonReady();
});

describe('the guidance, in Python', () => {
  it('"if not os.path.exists(tmp): with open(tmp, "w")": the check goes, the file is made exclusively in a private directory', () => {
    const { output, findings } = transformSource(fixture('python-check-then-create/guidance-exists-defaults.input.py'), 'g1.py');
    expect(output).not.toMatch(/os\.path\.exists|gettempdir/);
    expect(output).toMatch(/with tempfile\.TemporaryDirectory\([^)]*\) as private_dir:\n {4}tmp = os\.path\.join\(private_dir, filename\)/);
    expect(output).toContain('os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)');
    expect(findings).toMatchObject([{ ruleId: 'check-then-create', fixed: true }]);
  });

  it('"open(tempfile.mktemp(), "w")": TemporaryFile, which has no name to race for', () => {
    const { output, findings } = transformSource(fixture('python-name-only-temp-api/guidance-open-mktemp.input.py'), 'g2.py');
    expect(output).not.toContain('mktemp');
    expect(output).toContain('tempfile.TemporaryFile("w")');
    expect(findings).toMatchObject([{ ruleId: 'name-only-temp-api', fixed: true }]);
  });

  it('"{}/{}.tmp".format(tempfile.gettempdir(), os.getpid()): the same name inside mkdtemp\'s private directory', () => {
    const { output, findings } = transformSource(fixture('python-predictable-tmp-path/guidance-pid-format.input.py'), 'g3.py');
    expect(output).not.toContain('gettempdir');
    expect(output).toContain('filename = "{}/{}.tmp".format(private_dir, os.getpid())');
    expect(output).toMatch(/with tempfile\.TemporaryDirectory\(\) as private_dir:/);
    expect(findings).toMatchObject([{ ruleId: 'predictable-tmp-path', fixed: true }]);
  });

  it('its Correct examples (TemporaryFile, NamedTemporaryFile with finally, mkstemp and fdopen, mkdtemp with the umask) stay byte for byte, with no finding', () => {
    const source = fixture('python-missing-tmp-cleanup/guidance-correct-examples.input.py');
    const result = transformSource(source, 'correct.py');
    expect(result.output).toBe(source);
    expect(result.findings).toEqual([]);
  });

  it('every rewritten snippet compiles with python3', () => {
    const outputs = Object.fromEntries(
      ['python-check-then-create/guidance-exists-defaults', 'python-name-only-temp-api/guidance-open-mktemp', 'python-predictable-tmp-path/guidance-pid-format'].map((rel) => [rel, transformSource(fixture(`${rel}.input.py`), `${rel}.py`).output]),
    );
    expect(compileWithPython(outputs)).toEqual({});
  });
});
