// Every fixture under __testfixtures__/<rule>/ is found here without being listed: the input must
// become the output, the output must parse, and a second run over the output must change nothing.
// A case without an .output file must come out unchanged (already-safe code, report-only findings).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prefilter, ruleIds, transformSource, type Target } from '../src/index';
import { parserFor } from '../src/engine/parser';

const ROOT = path.resolve(__dirname, '..', '__testfixtures__');
const INPUT = /^(.+)\.input\.([a-z]+)$/;
/** The other targets: a `<case>.<target>.output.<ext>` file where their output differs from node's. */
const OTHER_TARGETS: Target[] = ['node24', 'tmp'];

interface Case {
  rule: string;
  name: string;
  input: string;
  /** Absent when the input must stay byte-for-byte as it is. */
  output?: string;
  findings?: string;
  /** Per target, the expected output where it differs from the node target's. */
  targets: Partial<Record<Target, string>>;
}

function findCases(): Case[] {
  const cases: Case[] = [];
  for (const rule of fs.readdirSync(ROOT).sort()) {
    const dir = path.join(ROOT, rule);
    // python-<rule>/ folders are the Python side's (__tests__/python-fixtures.test.ts).
    if (!fs.statSync(dir).isDirectory() || rule.startsWith('python-')) continue;
    for (const file of fs.readdirSync(dir).sort()) {
      const match = INPUT.exec(file);
      if (!match) continue;
      const [, name, ext] = match;
      const findings = path.join(dir, `${name}.findings.json`);
      const output = path.join(dir, `${name}.output.${ext}`);
      const targets: Partial<Record<Target, string>> = {};
      for (const target of OTHER_TARGETS) {
        const file = path.join(dir, `${name}.${target}.output.${ext}`);
        if (fs.existsSync(file)) targets[target] = file;
      }
      cases.push({
        rule,
        name,
        input: path.join(dir, file),
        output: fs.existsSync(output) ? output : undefined,
        findings: fs.existsSync(findings) ? findings : undefined,
        targets,
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
    const expected = c.output ? fs.readFileSync(c.output, 'utf8') : input;
    // The path the engine sees decides the parser, as the driver's would.
    const result = transformSource(input, c.input);

    it('rewrites the input into the expected output', () => {
      expect(result.output).toBe(expected);
      expect(result.changed).toBe(input !== expected);
    });

    it('produces code that parses', () => {
      expect(() => parserFor(c.input).parse(result.output)).not.toThrow();
    });

    if (!c.output) {
      it('is a case that leaves the file alone (no .output file)', () => {
        expect(result.changed).toBe(false);
      });
    }

    it('changes nothing on a second run', () => {
      const again = transformSource(result.output, c.output ?? c.input);
      expect(again.output).toBe(result.output);
      expect(again.changed).toBe(false);
      expect(again.findings.filter((f) => f.fixed)).toEqual([]);
    });

    it('passes the prefilter', () => {
      if (result.findings.length > 0 || result.changed) expect(prefilter(input)).toBe(true);
    });

    it('gives every finding a one-line summary for the text report', () => {
      for (const finding of result.findings) {
        expect(finding.summary.length, finding.summary).toBeLessThanOrEqual(130);
        expect(finding.summary.split(':')[0].length, finding.summary).toBeGreaterThan(5);
        expect(finding.summary, finding.message).toMatch(finding.fixed ? /: secured/ : /: not rewritten|suppressed|\(not rewritten/);
      }
    });

    it('never says two things of one place: a finding per call, fixed or not', () => {
      const seen = new Map<string, boolean>();
      for (const finding of result.findings) {
        const place = `${finding.line}:${finding.column}`;
        expect(seen.has(place) && seen.get(place) !== finding.fixed, `${place}: ${finding.message}`).toBe(false);
        seen.set(place, finding.fixed);
      }
    });

    it('reports what it rewrote under its own rule', () => {
      if (result.changed) expect(result.findings.some((f) => f.ruleId === c.rule && f.fixed)).toBe(true);
    });

    if (c.findings) {
      it('reports the expected findings', () => {
        const want = JSON.parse(fs.readFileSync(c.findings!, 'utf8')) as { ruleId: string; line: number; fixed: boolean; suppressed?: boolean; message?: string; messages?: string[] }[];
        const got = result.findings.map((f) => ({ ruleId: f.ruleId, line: f.line, fixed: f.fixed, suppressed: f.suppressed, message: f.message }));
        expect(got.length).toBe(want.length);
        want.forEach((w, i) => {
          expect(got[i]).toMatchObject({ ruleId: w.ruleId, line: w.line, fixed: w.fixed, ...(w.suppressed !== undefined ? { suppressed: w.suppressed } : {}) });
          // `messages`: several pieces of one message, each checked on its own.
          for (const piece of [...(w.message ? [w.message] : []), ...(w.messages ?? [])]) expect(got[i].message).toContain(piece);
        });
      });
    }
  });
}

for (const c of cases) {
  for (const target of OTHER_TARGETS) {
    describe(`${c.rule}/${c.name} --target ${target}`, () => {
      const input = fs.readFileSync(c.input, 'utf8');
      const file = c.targets[target] ?? c.output;
      const expected = file ? fs.readFileSync(file, 'utf8') : input;
      const result = transformSource(input, c.input, { target });

      it(`rewrites the input into the ${c.targets[target] ? `${target}` : 'node'} output`, () => {
        expect(result.output).toBe(expected);
      });

      it('produces code that parses and changes nothing on a second run', () => {
        if (result.changed) expect(() => parserFor(c.input).parse(result.output)).not.toThrow();
        const again = transformSource(result.output, file ?? c.input, { target });
        expect(again.output).toBe(result.output);
        expect(again.findings.filter((f) => f.fixed)).toEqual([]);
      });

      if (c.targets[target] && c.output) {
        it('differs from the node output (else the file is not needed)', () => {
          expect(expected).not.toBe(fs.readFileSync(c.output!, 'utf8'));
        });
      }
    });
  }
}
