// The prefilter decides which files are never parsed, so it must let through everything a rule can
// match: every fixture input that has findings, and every case the benchmark plants.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { plantedCases } from '../bench/planted';
import { prefilter, transformSource } from '../src/index';
import { fastAlternation, topLevelAlternatives } from '../src/engine/alternation';
import { MENTIONS_TMP_DIR_OR_PACKAGE } from '../src/engine/tree';
import { prefilterMatch, ruleList } from '../transforms';

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

describe('the prefilter alternation', () => {
  const sources = ruleList.map((rule) => rule.meta.prefilter.source);
  const plain = new RegExp(sources.join('|'));
  const fast = fastAlternation(sources);
  const plainMentions = MENTIONS_TMP_DIR_OR_PACKAGE;
  const fastMentions = fastAlternation([MENTIONS_TMP_DIR_OR_PACKAGE.source]);

  it('splits a pattern only at its top-level bars', () => {
    expect(topLevelAlternatives('a|(b|c)|[|]|\\||d')).toEqual(['a', '(b|c)', '[|]', '\\|', 'd']);
    expect(topLevelAlternatives('abc')).toEqual(['abc']);
  });

  it('has no alternative that starts with a quote, and each quoted name once', () => {
    for (const alternative of topLevelAlternatives(fast.source)) expect(alternative.startsWith(`['"]`), alternative).toBe(false);
    expect(fast.source.match(/tmp-promise/g)).toHaveLength(2); // the name, and the same name in its look-behind
  });

  it('matches exactly the texts the plain alternation matches', () => {
    const texts = [
      "require('tmp')", 'require("tmp-promise")', "import x from '../lib/tempy'", "from 'tempyx'", "'a/b/c/temp'", "'temp\n/tmp'",
      "'temp-dir'", "'./temp-dir'", "'os-tmpdir'", 'tmpdir', 'TMPDIR', 'xTMPDIR', '/tmp/x', '/tmpx', '/dev/shm', 'getPath( "temp")',
      "const tmpDir = 1", 'TEMP_FILE', 'mkdtempSync', 'tmp.dirSync()', 'fileSync', "'tmp", "tmp'", '"tmp\'', "'x/tmp'", "'x\\/tmp'",
      'utils.getTmpDirPath()', 'tempDir.create()', 'nothing at all', "const template = `TEMPLATE ${x}`", "'unique-filename'",
    ];
    for (const root of [FIXTURES, path.resolve(__dirname, '..', 'src'), path.resolve(__dirname, '..', 'transforms')]) {
      for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
        if (entry.isFile()) texts.push(fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'));
      }
    }
    for (const planted of plantedCases()) texts.push(planted.source);
    // Every line on its own as well: most lines match neither, so the two must agree on what stops.
    const lines = texts.flatMap((text) => text.split('\n'));
    let matched = 0;
    for (const text of [...texts, ...lines]) {
      expect(fast.test(text), text.slice(0, 200)).toBe(plain.test(text));
      expect(fastMentions.test(text), text.slice(0, 200)).toBe(plainMentions.test(text));
      if (plain.test(text)) matched++;
    }
    expect(matched).toBeGreaterThan(100);
    expect(lines.length - matched).toBeGreaterThan(1000);
  });

  it("reads the same visitor keys from @babel/types' definitions as from its main entry", async () => {
    const definitions = (await import('@babel/types/lib/definitions/index.js')) as unknown as { VISITOR_KEYS: Record<string, string[]> };
    const whole = await import('@babel/types');
    expect(definitions.VISITOR_KEYS).toEqual(whole.VISITOR_KEYS);
  });
});
