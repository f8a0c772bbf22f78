// The insecure temp-file cases planted in the corpus: each file holds at least one pattern from
// /work/shared/PATTERNS.md that a complete tmpfix must find. Ten shapes, five variants each.

export interface PlantedCase {
  /** File name, extension included; the generator picks the folder. */
  name: string;
  /** Which pattern of PATTERNS.md the file exercises, for the report. */
  pattern: string;
  source: string;
}

type Template = (n: number) => PlantedCase;

const templates: Template[] = [
  (n) => ({
    name: `save-state-${n}.js`,
    pattern: 'guessable name in os.tmpdir(), CommonJS',
    source: `'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

function save${n}(data) {
  const file = path.join(os.tmpdir(), 'app-' + process.pid + '.json');
  fs.writeFileSync(file, data);
  return fs.readFileSync(file, 'utf8');
}

module.exports = { save${n} };
`,
  }),
  (n) => ({
    name: `cache-entry-${n}.mjs`,
    pattern: 'fs/promises named imports, ESM',
    source: `import { writeFile, readFile } from 'fs/promises';
import { tmpdir } from 'os';
import { join } from 'path';

export async function roundTrip${n}(key, body) {
  const file = join(tmpdir(), \`cache-\${key}.txt\`);
  await writeFile(file, body);
  return readFile(file, 'utf8');
}
`,
  }),
  (n) => ({
    name: `dump-${n}.js`,
    pattern: "literal '/tmp/' + name",
    source: `const fs = require('node:fs');

exports.dump${n} = function dump(name, body) {
  const target = '/tmp/' + name;
  fs.writeFileSync(target, body);
  return fs.statSync(target).size;
};
`,
  }),
  (n) => ({
    name: `cache-dir-${n}.cjs`,
    pattern: 'fixed directory under tmp',
    source: `const fs = require('fs');
const os = require('os');
const path = require('path');

function ensureCache${n}() {
  const dir = path.join(os.tmpdir(), 'cache');
  fs.mkdirSync(path.join(os.tmpdir(), 'cache'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.json'), '{}');
  return dir;
}

module.exports = ensureCache${n};
`,
  }),
  (n) => ({
    name: `defaults-${n}.js`,
    pattern: 'check, then create (TOCTOU) in os.tmpdir()',
    source: `const fs = require('fs');
const os = require('os');
const path = require('path');

function loadDefaults${n}() {
  const p = path.join(os.tmpdir(), 'settings-${n}.ini');
  if (!fs.existsSync(p)) fs.writeFileSync(p, 'x');
  return fs.readFileSync(p, 'utf8');
}

module.exports = { loadDefaults${n} };
`,
  }),
  (n) => ({
    name: `report-writer-${n}.ts`,
    pattern: 'mode without wx, TypeScript namespace imports',
    source: `import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface Report${n} {
  title: string;
  lines: string[];
}

export function writeReport${n}(report: Report${n}): string {
  const out = path.join(os.tmpdir(), \`report-\${Date.now()}.txt\`);
  fs.writeFileSync(out, [report.title, ...report.lines].join('\\n'), { mode: 0o600 });
  const size = <number>fs.statSync(out).size;
  return size > 0 ? fs.readFileSync(out, 'utf8') : '';
}
`,
  }),
  (n) => ({
    name: `logger-${n}.ts`,
    pattern: 'template literal under /tmp, appendFileSync',
    source: `import fs from 'fs';

export class Logger${n} {
  private readonly id: string;
  constructor(id: string) {
    this.id = id;
  }
  log(line: string): void {
    const file = \`/tmp/out-\${this.id}.log\`;
    fs.appendFileSync(file, line + '\\n');
  }
}
`,
  }),
  (n) => ({
    name: `spool-${n}.js`,
    pattern: 'Math.random() name, createWriteStream',
    source: `import fs from 'fs';
import os from 'os';
import path from 'path';

export function spool${n}(chunks) {
  const file = path.join(os.tmpdir(), 'spool-' + Math.random().toString(36).slice(2));
  const stream = fs.createWriteStream(file);
  for (const chunk of chunks) stream.write(chunk);
  stream.end();
  return file;
}
`,
  }),
  (n) => ({
    name: `state-file-${n}.js`,
    pattern: 'env fallback for the temp dir',
    source: `const fs = require('fs');
const path = require('path');

function persist${n}(state) {
  const base = process.env.TMPDIR || '/tmp';
  const file = path.join(base, 'state.json');
  fs.writeFileSync(file, JSON.stringify(state));
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

module.exports = persist${n};
`,
  }),
  (n) => ({
    name: `scratch-${n}.tsx`,
    pattern: 'templated /tmp name with fs.promises, TSX',
    source: `import * as fs from 'fs';

export async function renderToFile${n}(html: string): Promise<JSX.Element> {
  const file = \`/tmp/page-\${Date.now()}.html\`;
  await fs.promises.writeFile(file, html);
  const written = await fs.promises.readFile(file, 'utf8');
  return <pre>{written.length}</pre>;
}
`,
  }),
];

export const PLANTED_PER_TEMPLATE = 5;

export function plantedCases(): PlantedCase[] {
  const cases: PlantedCase[] = [];
  for (let n = 1; n <= PLANTED_PER_TEMPLATE; n++) {
    for (const template of templates) cases.push(template(n));
  }
  return cases;
}
