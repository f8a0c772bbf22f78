// Every fixture under __testfixtures__/python-<rule>/ is found here without being listed, as the
// JavaScript ones are in fixtures.test.ts: the input must become the output (no .output file: stay
// byte-for-byte), the output must parse and compile with python3, a second run must change nothing,
// and a <case>.findings.json pins the findings. Every input is also rewritten as for a project that
// declares Python 2 support (TransformOptions.python2): that rewrite adds nothing Python 2.7 lacks,
// compiles with Python 2.7 where the input does (when one is installed: $PYTHON2, python2.7, python2),
// and equals <case>.py2.output.py where there is one (else the normal output).
import * as fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { pythonRuleIds } from '../src/python/rules';
import { pythonPrefilter } from '../src/python/prefilter';
import { ParseError, pythonReady, transformSource } from '../src/python/run';
import type { TransformResult } from '../src/engine/types';
import { compileWithPython, compileWithPython2, findPython2, findPythonCases, newPy3Constructs } from './helpers/python';

const cases = findPythonCases();
const results = new Map<string, TransformResult>();
const py2Results = new Map<string, TransformResult>();
let compileProblems: Record<string, string> = {};
const python2 = findPython2();
/** Per input: whether Python 2.7 compiles it, and its Python 2 rewrite (undefined: no Python 2.7 here). */
let py2Compiles: { input: Record<string, string>; output: Record<string, string> } | undefined;
let py2CompileProblems: Record<string, string> = {};

beforeAll(async () => {
  await pythonReady();
  const outputs: Record<string, string> = {};
  for (const c of cases) {
    const result = transformSource(fs.readFileSync(c.input, 'utf8'), c.input);
    results.set(c.input, result);
    outputs[c.input] = result.output;
  }
  compileProblems = compileWithPython(outputs);
  const inputs: Record<string, string> = {};
  const py2Outputs: Record<string, string> = {};
  for (const c of cases) {
    const source = fs.readFileSync(c.input, 'utf8');
    const result = transformSource(source, c.input, { python2: true });
    py2Results.set(c.input, result);
    inputs[c.input] = source;
    py2Outputs[c.input] = result.output;
  }
  py2CompileProblems = compileWithPython(py2Outputs);
  if (python2) py2Compiles = { input: compileWithPython2(python2, inputs), output: compileWithPython2(python2, py2Outputs) };
});

describe('python fixtures', () => {
  it('are many, for every Python rule, and belong to known rules', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    for (const c of cases) expect(pythonRuleIds, `python-${c.rule}/${c.name}`).toContain(c.rule);
    for (const id of pythonRuleIds) expect(cases.some((c) => c.rule === id), id).toBe(true);
  });
});

for (const c of cases) {
  describe(`python-${c.rule}/${c.name}`, () => {
    const input = fs.readFileSync(c.input, 'utf8');
    const expected = c.output ? fs.readFileSync(c.output, 'utf8') : input;
    const result = () => results.get(c.input)!;

    it('rewrites the input into the expected output', () => {
      expect(result().output).toBe(expected);
      expect(result().changed).toBe(input !== expected);
    });

    it('produces code that parses and compiles with python3', () => {
      expect(() => transformSource(result().output, c.input)).not.toThrow(ParseError);
      expect(compileProblems[c.input]).toBeUndefined();
    });

    if (!c.output) {
      it('is a case that leaves the file alone (no .output file)', () => {
        expect(result().changed).toBe(false);
      });
    }

    it('changes nothing on a second run', () => {
      const again = transformSource(result().output, c.output ?? c.input);
      expect(again.output).toBe(result().output);
      expect(again.changed).toBe(false);
      expect(again.findings.filter((f) => f.fixed)).toEqual([]);
    });

    it('passes the prefilter', () => {
      if (result().findings.length > 0 || result().changed) expect(pythonPrefilter(input)).toBe(true);
    });

    it('reports what it rewrote under its own rule', () => {
      if (result().changed) expect(result().findings.some((f) => f.ruleId === c.rule && f.fixed)).toBe(true);
    });

    if (c.findings) {
      it('reports the expected findings', () => {
        const want = JSON.parse(fs.readFileSync(c.findings!, 'utf8')) as { ruleId: string; line: number; fixed: boolean; suppressed?: boolean; message?: string; messages?: string[] }[];
        const got = result().findings.map((f) => ({ ruleId: f.ruleId, line: f.line, fixed: f.fixed, suppressed: f.suppressed, message: f.message }));
        expect(got.length, JSON.stringify(got, null, 1)).toBe(want.length);
        want.forEach((w, i) => {
          expect(got[i]).toMatchObject({ ruleId: w.ruleId, line: w.line, fixed: w.fixed, ...(w.suppressed !== undefined ? { suppressed: w.suppressed } : {}) });
          // `messages`: several pieces of one message, each checked on its own.
          for (const piece of [...(w.message ? [w.message] : []), ...(w.messages ?? [])]) expect(got[i].message).toContain(piece);
        });
      });
    }
  });
}

describe('python fixtures for a project that declares Python 2 support', () => {
  it(`are compiled with Python 2.7 ${python2 ? `(${python2})` : '(none installed: only the construct check runs)'}`, () => {
    expect(cases.some((c) => c.py2Output)).toBe(true);
  });

  for (const c of cases) {
    describe(`python-${c.rule}/${c.name} (python2)`, () => {
      const input = fs.readFileSync(c.input, 'utf8');
      const result = () => py2Results.get(c.input)!;

      it('adds nothing Python 2.7 lacks', () => {
        expect(newPy3Constructs(input, result().output)).toEqual([]);
      });

      it('equals the .py2.output.py (or the normal output when the two agree)', () => {
        const expected = fs.readFileSync(c.py2Output ?? c.output ?? c.input, 'utf8');
        if (!c.py2Output && result().output !== expected) {
          // No py2 file: the forms differ only where the normal output has TemporaryDirectory.
          expect(expected).toMatch(/TemporaryDirectory/);
          expect(result().output).not.toMatch(/TemporaryDirectory\(/);
        } else expect(result().output).toBe(expected);
      });

      it('compiles with python3, and with Python 2.7 where the input does', () => {
        expect(() => transformSource(result().output, c.input, { python2: true })).not.toThrow(ParseError);
        expect(py2CompileProblems[c.input]).toBeUndefined();
        if (py2Compiles && py2Compiles.input[c.input] === undefined) expect(py2Compiles.output[c.input]).toBeUndefined();
      });

      it('changes nothing on a second run', () => {
        const again = transformSource(result().output, c.input, { python2: true });
        expect(again.output).toBe(result().output);
      });
    });
  }
});
