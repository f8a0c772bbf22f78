// Every fixture pair under __testfixtures__/<rule>/ is found here without being listed: the input must
// become the output, the output must parse, and a second run over the output must change nothing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prefilter, ruleIds, transformSource } from '../src/index';
import { parserFor } from '../src/engine/parser';

const ROOT = path.resolve(__dirname, '..', '__testfixtures__');
const INPUT = /^(.+)\.input\.([a-z]+)$/;

interface Case {
  rule: string;
  name: string;
  input: string;
  output: string;
  findings?: string;
}

function findCases(): Case[] {
  const cases: Case[] = [];
  for (const rule of fs.readdirSync(ROOT).sort()) {
    const dir = path.join(ROOT, rule);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const file of fs.readdirSync(dir).sort()) {
      const match = INPUT.exec(file);
      if (!match) continue;
      const [, name, ext] = match;
      const findings = path.join(dir, `${name}.findings.json`);
      cases.push({
        rule,
        name,
        input: path.join(dir, file),
        output: path.join(dir, `${name}.output.${ext}`),
        findings: fs.existsSync(findings) ? findings : undefined,
      });
    }
  }
  return cases;
}

const cases = findCases();

describe('fixtures', () => {
  it('are many and belong to known rules', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const c of cases) expect(ruleIds, `${c.rule}/${c.name}`).toContain(c.rule);
  });
});

for (const c of cases) {
  describe(`${c.rule}/${c.name}`, () => {
    const input = fs.readFileSync(c.input, 'utf8');
    const expected = fs.readFileSync(c.output, 'utf8');
    // The path the engine sees decides the parser, as the driver's would.
    const result = transformSource(input, c.input);

    it('rewrites the input into the expected output', () => {
      expect(result.output).toBe(expected);
      expect(result.changed).toBe(input !== expected);
    });

    it('produces code that parses', () => {
      expect(() => parserFor(c.output).parse(result.output)).not.toThrow();
    });

    it('changes nothing on a second run', () => {
      const again = transformSource(result.output, c.output);
      expect(again.output).toBe(result.output);
      expect(again.changed).toBe(false);
      expect(again.findings.filter((f) => f.fixed)).toEqual([]);
    });

    it('passes the prefilter', () => {
      if (result.findings.length > 0 || result.changed) expect(prefilter(input)).toBe(true);
    });

    it('reports what it rewrote under its own rule', () => {
      if (result.changed) expect(result.findings.some((f) => f.ruleId === c.rule && f.fixed)).toBe(true);
    });

    if (c.findings) {
      it('reports the expected findings', () => {
        const want = JSON.parse(fs.readFileSync(c.findings!, 'utf8')) as { ruleId: string; line: number; fixed: boolean; suppressed?: boolean; message?: string }[];
        const got = result.findings.map((f) => ({ ruleId: f.ruleId, line: f.line, fixed: f.fixed, suppressed: f.suppressed, message: f.message }));
        expect(got.length).toBe(want.length);
        want.forEach((w, i) => {
          expect(got[i]).toMatchObject({ ruleId: w.ruleId, line: w.line, fixed: w.fixed, ...(w.suppressed !== undefined ? { suppressed: w.suppressed } : {}) });
          if (w.message) expect(got[i].message).toContain(w.message);
        });
      });
    }
  });
}
