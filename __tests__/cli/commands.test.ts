// Flags, sub-commands, exit codes, targets, and the jscodeshift entry point.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, HARMLESS, INSECURE, jsonRun, makeRepo, read, ROOT, tempDir, tmpfix, writeFiles } from './helpers';

afterAll(cleanUp);

interface Meta {
  id: string;
  docs: string;
}
const listRules = (cwd: string): Meta[] => JSON.parse(tmpfix(cwd, ['--list-rules', '--format', 'json']).stdout) as Meta[];

describe('usage', () => {
  it('rejects a bad flag or value with exit 2 and a clear message', () => {
    const repo = makeRepo({ 'a.js': INSECURE });
    const cases: [string[], RegExp][] = [
      [['--frobnicate'], /Unknown option '--frobnicate'/],
      [['--format', 'xml'], /--format must be one of text, json, sarif/],
      [['--jobs', '0'], /--jobs/],
      [['--shard', '3'], /--shard takes K\/N/],
      [['--write', '--check'], /cannot be combined/],
      [['--rules', 'no-such-rule'], /unknown rule no-such-rule; known rules: /],
      [['--target', 'deno'], /--target must be one of/],
      [['--allow-dirty'], /--allow-dirty only applies to --write/],
      [['--check', '--allow-dirty'], /--allow-dirty only applies to --write/],
      [['--list-rules', '--format', 'sarif'], /--format must be one of text, json \(got sarif\)/],
      [['--list-rules', '--format', 'bogus'], /--format must be one of text, json/],
    ];
    for (const [args, message] of cases) {
      const result = tmpfix(repo, args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(result.stderr).toContain('--help');
    }
    expect(read(repo, 'a.js')).toBe(INSECURE);
  });

  it('prints help and version', () => {
    const help = tmpfix(ROOT, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: tmpfix/);
    for (const flag of ['--write', '--check', '--patch', '--format', '--rules', '--list-rules', '--target', '--jobs', '--include', '--exclude', '--no-ignore', '--shard', '--inspect', '--allow-dirty']) {
      expect(help.stdout).toContain(flag);
    }
    expect(help.stdout).toMatch(/--target TARGET\s+auto \(default\), node, node24 or tmp/);
    expect(help.stdout).toMatch(/^3 stdout was closed early/m);
    const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;
    expect(tmpfix(ROOT, ['--version']).stdout.trim()).toBe(version);
  });
});

describe('rules', () => {
  it('--list-rules lists every rule; --rules runs only those named', () => {
    const metas = listRules(ROOT);
    expect(metas.length).toBeGreaterThan(0);
    for (const meta of metas as (Meta & { prefilter: unknown })[]) {
      // The pattern's source, not the `{}` a RegExp serialises to.
      expect(typeof meta.prefilter).toBe('string');
      expect(() => new RegExp(meta.prefilter as string)).not.toThrow();
    }
    const text = tmpfix(ROOT, ['--list-rules']);
    for (const meta of metas) expect(text.stdout).toContain(meta.id);

    const repo = makeRepo({ 'a.js': INSECURE });
    const one = jsonRun(repo, ['--rules', metas[0].id]).report;
    for (const finding of one.files[0].findings ?? []) expect(finding.ruleId).toBe(metas[0].id);
  });

  it('explain prints the rule documentation shipped in the package', () => {
    const metas = listRules(ROOT);
    expect(metas.length).toBeGreaterThan(0);
    const elsewhere = tempDir();
    for (const meta of metas) {
      const result = tmpfix(elsewhere, ['explain', meta.id]);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(fs.readFileSync(path.join(ROOT, meta.docs), 'utf8'));
    }
    const unknown = tmpfix(elsewhere, ['explain', 'no-such-rule']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown rule no-such-rule/);
  });
});

describe('--target', () => {
  const FIXTURES = path.join(ROOT, '__testfixtures__', 'predictable-tmp-path');
  const fixture = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

  it('node24 and tmp rewrite into their own calls, the very outputs of the fixtures', () => {
    const files = { 'src/save.js': fixture('exploit-fixed-name.input.js'), 'src/cache.ts': fixture('class-method.input.ts') };
    for (const target of ['node24', 'tmp'] as const) {
      const repo = makeRepo(files);
      const dry = tmpfix(repo, ['--target', target]);
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stdout).toContain(target === 'node24' ? '+  using privateDir = fs.mkdtempDisposableSync(' : "+  const privateDir = tmp.dirSync({ prefix: 'app-config-', unsafeCleanup: true });");
      const { report } = jsonRun(repo, ['--target', target]);
      for (const file of report.files) expect(file, file.path).toMatchObject({ status: 'changed', target, targetReason: '--target' });
      expect(tmpfix(repo, ['--target', target, '--write']).code).toBe(0);
      expect(read(repo, 'src/save.js')).toBe(fixture(`exploit-fixed-name.${target}.output.js`));
      expect(read(repo, 'src/cache.ts')).toBe(fixture(`class-method.${target}.output.ts`));
    }
  });
});

describe('jscodeshift', () => {
  it('runs the tmpfix/transform module with the real jscodeshift binary', () => {
    const dir = tempDir();
    writeFiles(dir, { 'src/a.js': INSECURE, 'src/b.js': HARMLESS });
    const bin = path.join(ROOT, 'node_modules', 'jscodeshift', 'bin', 'jscodeshift.js');
    const result = spawnSync(process.execPath, [bin, '--no-babel', '-t', path.join(ROOT, 'dist', 'transforms', 'all.js'), 'src'], { cwd: dir, encoding: 'utf8' });
    expect(result.status, result.stderr + result.stdout).toBe(0);
    expect(result.stdout).toMatch(/1 ok/);
    expect(read(dir, 'src/a.js')).not.toBe(INSECURE);
    expect(read(dir, 'src/b.js')).toBe(HARMLESS);
    // The same text as the CLI writes.
    const repo = makeRepo({ 'src/a.js': INSECURE });
    expect(tmpfix(repo, ['--write']).code).toBe(0);
    expect(read(repo, 'src/a.js')).toBe(read(dir, 'src/a.js'));
  });

  it('runs each rule as its own transform module, and only that rule', () => {
    // A check-then-create case and a fixed directory: each rule's module rewrites only its own pattern.
    const CHECK = "const fs = require('fs');\nconst os = require('os');\nconst path = require('path');\n\nfunction init() {\n  const p = path.join(os.tmpdir(), 'settings.json');\n  if (!fs.existsSync(p)) {\n    fs.writeFileSync(p, '{}');\n  }\n  return fs.readFileSync(p, 'utf8');\n}\n\nmodule.exports = { init };\n";
    const DIR = "const fs = require('fs');\n\nfunction build(files) {\n  fs.mkdirSync('/tmp/build-area');\n  for (const f of files) fs.writeFileSync('/tmp/build-area/' + f, f);\n  return fs.readdirSync('/tmp/build-area').length;\n}\n\nmodule.exports = { build };\n";
    const bin = path.join(ROOT, 'node_modules', 'jscodeshift', 'bin', 'jscodeshift.js');
    const ids = listRules(ROOT).map((rule) => rule.id);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const outcomes: Record<string, { check: boolean; dir: boolean }> = {};
    for (const id of ids) {
      const module = path.join(ROOT, 'dist', 'transforms', `${id}.js`);
      expect(fs.existsSync(module), module).toBe(true);
      const dir = tempDir();
      writeFiles(dir, { 'src/check.js': CHECK, 'src/dir.js': DIR, 'src/b.js': HARMLESS });
      const result = spawnSync(process.execPath, [bin, '--no-babel', '-t', module, 'src'], { cwd: dir, encoding: 'utf8' });
      expect(result.status, result.stderr + result.stdout).toBe(0);
      expect(read(dir, 'src/b.js')).toBe(HARMLESS);
      outcomes[id] = { check: read(dir, 'src/check.js') !== CHECK, dir: read(dir, 'src/dir.js') !== DIR };
      // Whatever a rule's own module changes, the CLI with --rules of that one rule changes the same way.
      const repo = makeRepo({ 'src/check.js': CHECK, 'src/dir.js': DIR });
      expect(tmpfix(repo, ['--write', '--rules', id]).code).toBe(0);
      expect(read(repo, 'src/check.js')).toBe(read(dir, 'src/check.js'));
      expect(read(repo, 'src/dir.js')).toBe(read(dir, 'src/dir.js'));
    }
    expect(outcomes['check-then-create']).toEqual({ check: true, dir: false });
    expect(outcomes['predictable-tmp-dir']).toEqual({ check: false, dir: true });
  });
});
