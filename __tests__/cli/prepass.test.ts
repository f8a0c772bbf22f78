// The two-tier prefilter and the pre-pass that decides it: a file whose only temp hint is a helper's
// name (`TEMP_DIR`, `tmpDir`) is parsed exactly when one of its local imports has temp facts, and a
// module the pre-pass does not parse (no temp source of its own) still passes on its helpers' facts.
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, jsonRun, makeRepo, statusOf, tmpfix, type JsonReport } from './helpers';

afterAll(cleanUp);

const FILES = {
  // The helper: the only module that names the temp directory.
  'lib/consts.js': "const os = require('os');\nconst path = require('path');\nexports.TEMP_DIR = path.join(os.tmpdir(), 'myapp');\n",
  // A re-export with no temp source of its own: its facts come from ./consts.
  'lib/index.js': "export * from './consts';\n",
  // Imports TEMP_DIR through the re-export; names no temp directory itself.
  'save.js': [
    "import fs from 'fs';",
    "import path from 'path';",
    "import { TEMP_DIR } from './lib';",
    '',
    'export function save(data) {',
    "  fs.writeFileSync(path.join(TEMP_DIR, 'state.json'), data);",
    '}',
    '',
  ].join('\n'),
  // Hands Node's fs on: the file that writes with it needs that fact to see the write.
  'core.js': "const fs = require('fs');\nmodule.exports = { fs };\n",
  'write.js': [
    "const { fs } = require('./core');",
    "const os = require('os');",
    'function write(data) {',
    "  fs.writeFileSync(os.tmpdir() + '/report.txt', data);",
    '}',
    'module.exports = { write };',
    '',
  ].join('\n'),
  // `tmpDir` as an unrelated parameter name; its one import has no temp facts.
  'util.js': "const path = require('path');\nmodule.exports = { join: (a, b) => path.join(a, b) };\n",
  'build.js': [
    "const { join } = require('./util');",
    'function outputOf(tmpDir) {',
    "  return join(tmpDir, 'out');",
    '}',
    'module.exports = { outputOf };',
    '',
  ].join('\n'),
};

function withoutTimes(report: JsonReport): unknown {
  return { ...report, summary: { ...report.summary, durationMs: 0 } };
}

describe('two-tier prefilter', () => {
  it('parses a file whose only temp hint is a TEMP_DIR imported (through a re-export) from a local helper, and reports it', () => {
    const repo = makeRepo(FILES);
    const { report } = jsonRun(repo);
    expect(statusOf(report, 'save.js')).toMatchObject({ status: 'unchanged', why: 'review-only', findings: [{ ruleId: 'predictable-tmp-path', line: 6 }] });
    // The re-export is not a candidate itself (no rule keyword), but its facts reached save.js.
    expect(statusOf(report, 'lib/index.js')).toMatchObject({ status: 'unchanged', why: 'prefilter' });
  });

  it('gives a file the fact that a local module re-exports fs', () => {
    const repo = makeRepo(FILES);
    const { report } = jsonRun(repo);
    expect(statusOf(report, 'write.js')).toMatchObject({ status: 'unchanged', why: 'review-only', findings: [{ ruleId: 'predictable-tmp-path', line: 4 }] });
  });

  it('does not parse a file that mentions tmpDir only as an unrelated name and imports nothing with temp facts, and says why', () => {
    const repo = makeRepo(FILES);
    const { report } = jsonRun(repo);
    expect(statusOf(report, 'build.js')).toEqual(expect.objectContaining({ status: 'unchanged', why: 'no-helper-facts', findings: [] }));
    const inspected = tmpfix(repo, ['--inspect']);
    expect(inspected.stderr).toMatch(/build\.js.*only a temp helper's name in the text, and no local import that holds a temp path, not parsed/);
  });

  it('gives the same report with helper threads as with one thread (each file reaches a helper with its facts)', () => {
    const repo = makeRepo(FILES);
    const one = jsonRun(repo, ['--jobs', '1']).report;
    const helpers = tmpfix(repo, ['--format', 'json', '--jobs', '2'], { TMPFIX_HELPER_AFTER_CHARS: '0' });
    expect(withoutTimes(JSON.parse(helpers.stdout) as JsonReport)).toEqual(withoutTimes(one));
    expect(statusOf(one, 'save.js')?.findings).toHaveLength(1);
  });
});

describe("a temp package's own repository", () => {
  // The repository is the `temp` package itself: its example is rewritten like any user of `temp`,
  // but its tests test the package, so their calls of it stay and get no finding.
  const OWN = {
    'package.json': '{ "name": "temp", "main": "lib/temp.js" }\n',
    'lib/temp.js': "const os = require('os');\nconst path = require('path');\nexports.mkdirSync = (p) => require('fs').mkdirSync(path.join(os.tmpdir(), p), { recursive: true });\n",
    'examples/scratch.js': "const temp = require('../lib/temp');\nfunction scratch() {\n  return temp.mkdirSync('example');\n}\nmodule.exports = { scratch };\n",
    'test/temp-test.js': "const temp = require('../lib/temp');\nconst assert = require('assert');\nconst dir = temp.mkdirSync('under-test');\nassert.ok(dir);\n",
  };

  it("rewrites the package's example but leaves the package's own tests to call it", () => {
    const repo = makeRepo(OWN);
    const { report } = jsonRun(repo);
    expect(statusOf(report, 'test/temp-test.js')?.findings ?? []).toEqual([]);
    expect((statusOf(report, 'examples/scratch.js')?.findings ?? []).map((f) => f.ruleId)).toContain('weak-temp-library');
  });
});

describe('a fixed name shared between files', () => {
  it('names, for a file that only reads it, the file that creates it, not another reader', () => {
    const repo = makeRepo({
      'setup.js': "const fs = require('fs');\nconst os = require('os');\nconst path = require('path');\nconst DIR = path.join(os.tmpdir(), 'suite-shared-store');\nmodule.exports = () => { fs.mkdirSync(DIR, { recursive: true }); fs.writeFileSync(path.join(DIR, 'ready'), '1'); };\n",
      'a.test.js': "const fs = require('fs');\nconst os = require('os');\nconst path = require('path');\ntest('a', () => expect(fs.readdirSync(path.join(os.tmpdir(), 'suite-shared-store'))).toHaveLength(1));\n",
      'b.test.js': "const fs = require('fs');\nconst os = require('os');\nconst path = require('path');\ntest('b', () => expect(fs.existsSync(path.join(os.tmpdir(), 'suite-shared-store'))).toBe(true));\n",
    });
    const { report } = jsonRun(repo, []);
    const message = (file: string) => report.files.find((f) => f.path === file)?.findings?.[0]?.message ?? '';
    expect(message('a.test.js')).toContain('which setup.js also uses');
    expect(message('b.test.js')).toContain('which setup.js also uses');
    expect(message('setup.js')).toMatch(/also used by [ab]\.test\.js/);
  });
});

describe('a fixed name another file only removes', () => {
  it('is no exchange of data: the file that removes it gets no finding for it', () => {
    const repo = makeRepo({
      'setup.js': "const fs = require('fs');\nconst path = require('path');\nconst ROOT = path.join('/tmp', 'suite-e2e-root');\nmodule.exports = () => { fs.mkdirSync(ROOT, { recursive: true }); fs.writeFileSync(path.join(ROOT, 'ready'), '1'); };\n",
      'teardown.js': "const fs = require('fs');\nmodule.exports = () => fs.rmSync('/tmp/suite-e2e-root', { recursive: true, force: true });\n",
      'reader.test.js': "const fs = require('fs');\ntest('ready', () => expect(fs.readFileSync('/tmp/suite-e2e-root/ready', 'utf8')).toBe('1'));\n",
    });
    const { report } = jsonRun(repo, []);
    const findings = (file: string) => report.files.find((f) => f.path === file)?.findings ?? [];
    expect(findings('teardown.js')).toEqual([]);
    expect(findings('setup.js').length).toBeGreaterThan(0);
  });
});
