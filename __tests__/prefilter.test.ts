// The prefilter decides which files are never parsed, so it must let through everything a rule can
// match: every fixture input that has findings, and every case the benchmark plants.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { plantedCases } from '../bench/planted';
import { prefilter, transformSource } from '../src/index';
import { prefilterMatch } from '../transforms';

const FIXTURES = path.resolve(__dirname, '..', '__testfixtures__');

function fixtureInputs(): string[] {
  return fs
    .readdirSync(FIXTURES)
    .filter((rule) => !rule.startsWith('python-')) // the Python side has its own prefilter (python-fixtures.test.ts)
    .flatMap((rule) => fs.readdirSync(path.join(FIXTURES, rule)).filter((f) => f.includes('.input.')).map((f) => path.join(FIXTURES, rule, f)));
}

describe('prefilter', () => {
  it('lets through every fixture input that a rule reports on', () => {
    let reported = 0;
    for (const file of fixtureInputs()) {
      const source = fs.readFileSync(file, 'utf8');
      if (transformSource(source, file).findings.length === 0) continue;
      reported++;
      expect(prefilter(source), path.relative(FIXTURES, file)).toBe(true);
      // Without module facts only a file that names the temp directory or a temp package has findings:
      // the driver skips the others unless the pre-pass finds facts for one of their imports.
      expect(prefilterMatch(source), path.relative(FIXTURES, file)).toBe('text');
    }
    expect(reported).toBeGreaterThan(40);
  });

  it('lets through every planted benchmark case, and a rule finds each', () => {
    const cases = plantedCases();
    expect(cases.length).toBe(50);
    for (const planted of cases) {
      expect(prefilter(planted.source), planted.name).toBe(true);
      expect(transformSource(planted.source, planted.name).findings.length, planted.name).toBeGreaterThan(0);
    }
  });

  it('stops text that never names the temp directory', () => {
    expect(prefilter("const tmp = a; const template = `TEMPLATE ${x}`; fs.writeFileSync(out, tmp);")).toBe(false);
    expect(prefilter("fs.writeFileSync(path.join(os.tmpdir(), 'a'), d)")).toBe(true);
    expect(prefilter("fs.writeFileSync('/tmp/a', d)")).toBe(true);
    expect(prefilter('const base = process.env.TMPDIR;')).toBe(true);
    expect(prefilterMatch('function outputOf(tmpDir) { return fs.readFileSync(tmpDir) }')).toBe('with-facts');
    expect(prefilterMatch("const tmp = require('tmp'); tmp.fileSync()")).toBe('text');
  });
});
