// Every fixture under __testfixtures__/python-<rule>/ is found here without being listed, as the
// JavaScript ones are in fixtures.test.ts: the input must become the output (no .output file: stay
// byte-for-byte), the output must parse and compile with python3, a second run must change nothing,
// and a <case>.findings.json pins the findings.
import * as fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { pythonRuleIds } from '../src/python/rules';
import { pythonPrefilter } from '../src/python/prefilter';
import { ParseError, pythonReady, transformSource } from '../src/python/run';
import type { TransformResult } from '../src/engine/types';
import { compileWithPython, findPythonCases } from './helpers/python';

const cases = findPythonCases();
const results = new Map<string, TransformResult>();
let compileProblems: Record<string, string> = {};

beforeAll(async () => {
  await pythonReady();
  const outputs: Record<string, string> = {};
  for (const c of cases) {
    const result = transformSource(fs.readFileSync(c.input, 'utf8'), c.input);
    results.set(c.input, result);
    outputs[c.input] = result.output;
  }
  compileProblems = compileWithPython(outputs);
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
        const want = JSON.parse(fs.readFileSync(c.findings!, 'utf8')) as { ruleId: string; line: number; fixed: boolean; suppressed?: boolean; message?: string }[];
        const got = result().findings.map((f) => ({ ruleId: f.ruleId, line: f.line, fixed: f.fixed, suppressed: f.suppressed, message: f.message }));
        expect(got.length, JSON.stringify(got, null, 1)).toBe(want.length);
        want.forEach((w, i) => {
          expect(got[i]).toMatchObject({ ruleId: w.ruleId, line: w.line, fixed: w.fixed, ...(w.suppressed !== undefined ? { suppressed: w.suppressed } : {}) });
          if (w.message) expect(got[i].message).toContain(w.message);
        });
      });
    }
  });
}
