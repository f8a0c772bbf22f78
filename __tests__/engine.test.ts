// The engine's own options, beside the fixtures: facts about other modules, and rewriting only the
// lines a scanner flagged.
import { describe, expect, it } from 'vitest';
import { describeExports, mayExportFacts } from '../src/engine/exports';
import { transformSource } from '../src/index';

const CONSTS = `import * as os from 'os';
import * as path from 'path';
export const TEMP_DIR = os.tmpdir();
export const CACHE_DIR = path.join(os.tmpdir(), 'myapp-cache');
export function scratch(name: string) { return path.join(os.tmpdir(), 'scratch', name); }
export const home = os.homedir();
export { os };
`;

describe('describeExports', () => {
  it('says which exports hold or return the temp directory, a path in it, or Node\'s os', () => {
    expect(describeExports(CONSTS, 'src/consts.ts').exports).toEqual({
      TEMP_DIR: { kind: 'tmp-root' },
      CACHE_DIR: { kind: 'tmp-path', key: 'myapp-cache' },
      scratch: { kind: 'returns-tmp-path', key: 'scratch/${name}' },
      os: { kind: 'module', module: 'os' },
    });
  });

  it('reads CommonJS exports and re-exports, and survives a file that does not parse', () => {
    const cjs = describeExports("const os = require('os');\nmodule.exports = () => os.tmpdir();\n", 'tempdir.js');
    expect(cjs.exports).toEqual({ 'module.exports': { kind: 'returns-tmp-root' } });
    const named = describeExports("exports.fs = require('fs-extra');\nexports.base = process.env.TMPDIR || '/tmp';\n", 'core.js');
    expect(named.exports).toEqual({ fs: { kind: 'module', module: 'fs' }, base: { kind: 'tmp-root' } });
    const re = describeExports("export * from './consts';\nexport { scratch as tmpFile } from './consts';\n", 'index.ts');
    expect(re.reexports).toEqual([{ specifier: './consts' }, { specifier: './consts', names: { tmpFile: 'scratch' } }]);
    expect(describeExports('export const = ;', 'broken.ts')).toEqual({ exports: {}, reexports: [], imports: [] });
  });
});

describe('mayExportFacts', () => {
  // The pre-pass parses a module only when this says yes: every module whose exports describeExports
  // finds a fact in must get a yes, or the files importing it would lose that fact.
  const exporting = [
    "module.exports = require('fs')",
    "const fs = require('fs');\nmodule.exports = fs;",
    "const fs = require('fs');\nmodule.exports = {\n  a: 1,\n  myfs: fs,\n};",
    "import * as os from 'os';\nexport { os };",
    "import fs from 'fs-extra';\nexport default fs;",
    "export const fs = require('fs-extra');",
    "export * as fs from 'fs';",
    "export const fs: typeof import('fs-extra') = wrap();",
    "const {\n  promises: fsp,\n} = require('fs');\nmodule.exports = fsp;",
    "const pify = require('pify');\nconst fs = require('graceful-fs');\nconst fsp = pify(fs);\nmodule.exports = fsp;",
    "const p = require('path').posix;\nmodule.exports = p;",
    "const os = require('os');\nmodule.exports = () => os.tmpdir();",
    "exports.base = process.env.TMPDIR || '/tmp';",
  ];
  it('says yes for every module that exports a fact', () => {
    for (const source of exporting) {
      expect(Object.keys(describeExports(source, 'm.ts').exports).length, source).toBeGreaterThan(0);
      expect(mayExportFacts(source), source).toBe(true);
    }
  });

  it('says no for a module that only uses Node\'s modules, and yes for any once an import has facts', () => {
    const inert = [
      "const path = require('path');\nclass A { run(path) { return path.join('a', path) } }\nmodule.exports = A;",
      "const path = require('path');\n/** @param {typeof import('fs')} path */\nfunction f(path) { return path }\nmodule.exports = { f };",
      "const { join } = require('./util');\nmodule.exports = { outputOf: (tmpDir) => join(tmpDir, 'out') };",
    ];
    for (const source of inert) {
      expect(describeExports(source, 'm.js').exports, source).toEqual({});
      expect(mayExportFacts(source), source).toBe(false);
    }
    expect(mayExportFacts(inert[2], { './util': { file: 'util.js', exports: { join: { kind: 'returns-tmp-root' } } } })).toBe(true);
  });
});

describe('moduleFacts', () => {
  const facts = { './consts': { file: 'src/consts.ts', ...describeExports(CONSTS, 'src/consts.ts') } };

  it('follows a temp directory imported from a helper module, and reports a path built there', () => {
    const user = `import * as fs from 'fs';
import * as path from 'path';
import { TEMP_DIR, CACHE_DIR } from './consts';

export function save(data: string) {
  const file = path.join(TEMP_DIR, 'save.json');
  fs.writeFileSync(file, data);
  return fs.readFileSync(file, 'utf8');
}

export function index(data: string) {
  fs.writeFileSync(path.join(CACHE_DIR, 'index.json'), data);
}
`;
    const alone = transformSource(user, 'src/user.ts');
    expect(alone.changed).toBe(false);
    expect(alone.findings).toEqual([]);
    const result = transformSource(user, 'src/user.ts', { moduleFacts: facts });
    expect(result.output).toContain("const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'save-'));");
    expect(result.output).toContain("const file = path.join(privateDir, 'save.json');");
    expect(result.output).toMatch(/^import \* as os from 'os';$/m);
    expect(result.findings.map((f) => [f.line, f.fixed])).toEqual([[7, true], [12, false]]);
    expect(result.findings[1].message).toContain("on 'myapp-cache/index.json'");
  });

  it('takes os re-exported by a local module for Node\'s os', () => {
    const user = "import * as fs from 'fs';\nimport { os } from './consts';\n\nexport function run(d: string) {\n  const f = os.tmpdir() + '/run.txt';\n  fs.writeFileSync(f, d);\n  return fs.readFileSync(f, 'utf8');\n}\n";
    const result = transformSource(user, 'src/run.ts', { moduleFacts: facts });
    expect(result.changed).toBe(true);
    expect(result.output).toContain('fs.mkdtempSync(path.join(os.tmpdir(), \'run-\'))');
  });
});

describe('locations', () => {
  const source = `const fs = require('fs');
const os = require('os');
const path = require('path');

function one(d) {
  const f = path.join(os.tmpdir(), 'one.txt');
  fs.writeFileSync(f, d);
  return fs.readFileSync(f, 'utf8');
}

function two(d) {
  const f = path.join(os.tmpdir(), 'two.txt');
  fs.writeFileSync(f, d);
  return fs.readFileSync(f, 'utf8');
}

module.exports = { one, two };
`;

  it('rewrites only the functions whose lines are named, and reports the others as not rewritten', () => {
    const all = transformSource(source, 'a.js');
    expect(all.findings.map((f) => [f.line, f.fixed])).toEqual([[7, true], [13, true]]);
    const some = transformSource(source, 'a.js', { locations: [{ line: 7 }] });
    expect(some.findings.map((f) => [f.line, f.fixed])).toEqual([[7, true], [13, false]]);
    expect(some.findings[1].message).toContain('the run fixes only the lines it was given');
    expect(some.output).toContain("path.join(os.tmpdir(), 'two.txt')");
    expect(some.output).not.toContain("path.join(os.tmpdir(), 'one.txt')");
    // The line that builds the path counts as much as the creation's.
    expect(transformSource(source, 'a.js', { locations: [{ line: 12 }] }).findings.map((f) => f.fixed)).toEqual([false, true]);
  });
});
