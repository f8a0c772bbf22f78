// Which files a run reads, which it leaves out, and why.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, commitAll, git, HARMLESS, INSECURE, jsonRun, makeRepo, read, statusOf, tempDir, tmpfix, writeFiles } from './helpers';

afterAll(cleanUp);

describe('ignore files', () => {
  it('respects nested .gitignore files, negations and .git/info/exclude', () => {
    const repo = makeRepo({
      '.gitignore': 'generated/\n*.tmp.js\n',
      'src/.gitignore': 'local-*.js\n!local-keep.js\n',
      'src/app.js': HARMLESS,
      'src/local-secret.js': INSECURE,
      'src/local-keep.js': HARMLESS,
      'src/x.tmp.js': INSECURE,
      'generated/out.js': INSECURE,
      'private/notes.js': INSECURE,
    });
    fs.appendFileSync(path.join(repo, '.git', 'info', 'exclude'), 'private/\n');
    const { outcome, report } = jsonRun(repo, ['--inspect']);
    expect(outcome.code, outcome.stderr).toBe(0);
    const paths = report.files.map((file) => file.path);
    expect(paths).toContain('src/app.js');
    expect(paths).toContain('src/local-keep.js');
    expect(statusOf(report, 'src/local-secret.js')).toMatchObject({ status: 'skipped', reason: 'gitignored' });
    expect(statusOf(report, 'src/x.tmp.js')).toMatchObject({ status: 'skipped', reason: 'gitignored' });
    expect(paths).not.toContain('generated/out.js');
    expect(paths).not.toContain('private/notes.js');
    expect(outcome.stderr).toMatch(/generated\/: not entered, gitignored/);
    expect(outcome.stderr).toMatch(/private\/: not entered, gitignored \(\.git\/info\/exclude/);

    const all = jsonRun(repo, ['--no-ignore']).report.files.map((file) => file.path);
    expect(all).toEqual(expect.arrayContaining(['generated/out.js', 'private/notes.js', 'src/local-secret.js']));
  });

  it('matches anchored, wildcard, double-star, directory-only and negated patterns as git does', () => {
    const repo = makeRepo({
      '.gitignore': ['/gen-*.js', '**/fixtures/**', 'tools/**/old.js', '*.Local.js', 'cache/', 'docs/*.js', '!docs/keep.js', 'sub/x?.js', ''].join('\n'),
      'gen-a.js': HARMLESS, 'lib/gen-b.js': HARMLESS,
      'test/fixtures/f.js': HARMLESS, 'test/fixtures/deep/g.js': HARMLESS, 'test/fixture.js': HARMLESS,
      'tools/a/b/old.js': HARMLESS, 'tools/new.js': HARMLESS, 'old.js': HARMLESS,
      'conf.local.js': HARMLESS, 'src/cache/c.js': HARMLESS, 'src/cache.js': HARMLESS,
      'docs/a.js': HARMLESS, 'docs/keep.js': HARMLESS, 'docs/more/b.js': HARMLESS,
      'sub/x1.js': HARMLESS, 'sub/x10.js': HARMLESS, 'a/sub/x2.js': HARMLESS,
    });
    const read = jsonRun(repo).report.files.filter((file) => file.status !== 'skipped').map((file) => file.path);
    // git itself is the oracle: `git add -A` left out exactly what it ignores (case-sensitively here).
    const kept = git(repo, 'ls-files').split('\n').filter((file) => file.endsWith('.js'));
    expect(read).toEqual(kept);
    expect(read).toEqual([
      'a/sub/x2.js', 'conf.local.js', 'docs/keep.js', 'docs/more/b.js', 'lib/gen-b.js', 'old.js', 'src/cache.js', 'sub/x10.js', 'test/fixture.js', 'tools/new.js',
    ]);
    // With core.ignorecase (set by git on case-insensitive file systems) the patterns ignore case too.
    git(repo, 'config', 'core.ignorecase', 'true');
    expect(jsonRun(repo).report.files.find((file) => file.path === 'conf.local.js')).toMatchObject({ status: 'skipped', reason: 'gitignored' });
  });

  it('always skips node_modules, .git and build outputs', () => {
    const repo = makeRepo({
      'index.js': HARMLESS,
      'node_modules/dep/index.js': INSECURE,
      'packages/a/node_modules/dep/index.js': INSECURE,
      'dist/bundle.js': INSECURE,
      'coverage/lcov.js': INSECURE,
    });
    for (const flags of [[], ['--no-ignore']]) {
      const { report } = jsonRun(repo, flags);
      expect(report.files.map((file) => file.path)).toEqual(['index.js']);
    }
    expect(read(repo, 'node_modules/dep/index.js')).toBe(INSECURE);
  });

  it('reads node_modules with --with-node-modules, walked or named, and still applies .gitignore there', () => {
    const repo = makeRepo({
      '.gitignore': 'packages/node_modules/vendored/\n',
      'packages/node_modules/@app/core/lib/a.js': INSECURE,
      'packages/node_modules/vendored/b.js': INSECURE,
      'node_modules/.git/c.js': INSECURE,
    });
    const walked = jsonRun(repo, ['--with-node-modules']).report;
    expect(walked.files.filter((f) => f.status !== 'skipped').map((f) => f.path)).toEqual(['packages/node_modules/@app/core/lib/a.js']);
    expect(statusOf(walked, 'packages/node_modules/@app/core/lib/a.js')).toMatchObject({ status: 'changed' });
    const named = jsonRun(repo, ['--with-node-modules', 'packages/node_modules/@app/core/lib/a.js']).report;
    expect(statusOf(named, 'packages/node_modules/@app/core/lib/a.js')).toMatchObject({ status: 'changed' });
    const without = jsonRun(repo, ['packages/node_modules/@app/core/lib/a.js']).report;
    expect(statusOf(without, 'packages/node_modules/@app/core/lib/a.js')).toMatchObject({ status: 'skipped', reason: 'node_modules' });
  });

  it('filters with --include and --exclude', () => {
    const repo = makeRepo({ 'src/a.js': HARMLESS, 'src/b.ts': HARMLESS, 'test/c.js': HARMLESS, 'types.d.ts': 'export {};\n' });
    const only = jsonRun(repo, ['--include', 'src/**']).report;
    expect(only.files.filter((f) => f.status !== 'skipped').map((f) => f.path)).toEqual(['src/a.js', 'src/b.ts']);
    const without = jsonRun(repo, ['--exclude', 'test/', '--exclude', '*.ts']).report;
    expect(without.files.filter((f) => f.status !== 'skipped').map((f) => f.path)).toEqual(['src/a.js']);
    expect(statusOf(without, 'types.d.ts')).toMatchObject({ status: 'skipped', reason: 'declaration-file' });
  });
});

describe('files that are not read or not changed', () => {
  it('skips binary and minified files with their reason', () => {
    const repo = makeRepo({
      'binary.js': Buffer.concat([Buffer.from(INSECURE), Buffer.from([0, 1, 2, 0])]),
      'vendor.min.js': `${INSECURE.replace(/\n/g, ';')}${'var a=1;'.repeat(400)}\n`,
      'lib/packed.js': `// a header\n${'x'.repeat(2000)}\n${'var b=2;'.repeat(300)}\n${INSECURE}`,
      'huge.js': `${INSECURE}${'// padding line\n'.repeat(70_000)}`,
      'ok.js': HARMLESS,
    });
    const { outcome, report } = jsonRun(repo);
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(statusOf(report, 'binary.js')).toMatchObject({ status: 'skipped', reason: 'binary' });
    expect(statusOf(report, 'vendor.min.js')).toMatchObject({ status: 'skipped', reason: 'minified' });
    // A line of exactly 2,000 characters is not minified; the first longer one is named.
    expect(statusOf(report, 'lib/packed.js')).toMatchObject({ status: 'skipped', reason: 'minified', detail: 'line 3 has 2400 characters' });
    expect(statusOf(report, 'huge.js')).toMatchObject({ status: 'skipped', reason: 'too-large' });
    expect(report.summary.skipped).toMatchObject({ binary: 1, minified: 2, 'too-large': 1 });
    const text = tmpfix(repo, []);
    expect(text.stderr).toMatch(/1 binary/);
    expect(text.stderr).toMatch(/2 minified/);
  });

  it('leaves build output alone, with the reason: compiled files and bundles', () => {
    const deconflicted = Array.from({ length: 6 }, (_, i) => `const resolve$${i + 1} = (p) => p;`).join('\n');
    const repo = makeRepo({
      'lib/compiled.js': `${INSECURE}//# sourceMappingURL=compiled.js.map\n`,
      'lib/webpack-bundle.js': `${INSECURE}function __webpack_require__(id) { return id; }\n${'// module body\n'.repeat(3000)}`,
      'lib/rollup-chunk.js': `${INSECURE}${deconflicted}\n${'// module body\n'.repeat(3000)}`,
      'lib/large-bundle.js': `${INSECURE}${'// padding line\n'.repeat(20_000)}`,
      // rolldown: the runtime helpers come from a shared chunk, the modules are wrapped in __commonJSMin.
      'lib/rolldown-chunk.mjs': `import { r as __require, t as __commonJSMin } from "./rolldown-runtime-DYf_mQCB.mjs";\nvar require_a = /* @__PURE__ */ __commonJSMin(((exports, module) => {\n${INSECURE}}));\n${'// module body\n'.repeat(3000)}`,
      'src/app.js': INSECURE,
    });
    const { report } = jsonRun(repo);
    expect(statusOf(report, 'lib/compiled.js')).toMatchObject({ status: 'skipped', reason: 'compiled' });
    expect(statusOf(report, 'lib/webpack-bundle.js')).toMatchObject({ status: 'skipped', reason: 'bundled' });
    expect(statusOf(report, 'lib/rollup-chunk.js')).toMatchObject({ status: 'skipped', reason: 'bundled' });
    expect(statusOf(report, 'lib/large-bundle.js')).toMatchObject({ status: 'skipped', reason: 'bundled' });
    expect(statusOf(report, 'lib/rolldown-chunk.mjs')).toMatchObject({ status: 'skipped', reason: 'bundled' });
    // The same code in a hand-written file is rewritten.
    expect(statusOf(report, 'src/app.js')).toMatchObject({ status: 'changed' });
  });

  it('gives the same results whether files are parsed in worker threads or in the main thread', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`src/m${String(i).padStart(2, '0')}.js`] = i % 3 === 0 ? HARMLESS : INSECURE.replace("'app.json'", `'app-${i}.json'`);
    files['src/broken.js'] = `${INSECURE}function (\n`;
    const repo = makeRepo(files);
    const inline = tmpfix(repo, ['--format', 'json', '--jobs', '1']);
    // TMPFIX_HELPER_AFTER_CHARS=0 starts a helper thread at the first file to parse.
    const pooled = tmpfix(repo, ['--format', 'json', '--jobs', '2'], { TMPFIX_HELPER_AFTER_CHARS: '0' });
    expect(pooled.code).toBe(inline.code);
    const strip = (out: string) => {
      const report = JSON.parse(out) as { files: unknown[]; summary: Record<string, unknown> };
      delete report.summary.durationMs;
      return { files: report.files, summary: report.summary };
    };
    expect(strip(pooled.stdout)).toEqual(strip(inline.stdout));
    expect(strip(inline.stdout).files).toHaveLength(31);
    const patchInline = tmpfix(repo, ['--jobs', '1']).stdout;
    const patchPooled = tmpfix(repo, ['--jobs', '2'], { TMPFIX_HELPER_AFTER_CHARS: '0' }).stdout;
    expect(patchPooled).toBe(patchInline);
    expect(patchInline).toContain('mkdtempSync');
  });

  it('reports a file that does not parse and goes on with the others', () => {
    const repo = makeRepo({
      'a-broken.js': "const os = require('os');\nconst p = os.tmpdir() + '/x' +;\n",
      'b-insecure.js': INSECURE,
    });
    const text = tmpfix(repo, ['--write']);
    expect(text.code).toBe(2);
    expect(text.stderr).toMatch(/^a-broken\.js:2:\d+ parse error: /m);
    expect(read(repo, 'a-broken.js')).toContain('+;');
    expect(read(repo, 'b-insecure.js')).not.toBe(INSECURE);

    const { report } = jsonRun(repo);
    expect(statusOf(report, 'a-broken.js')).toMatchObject({ status: 'error', kind: 'parse' });
    expect(report.summary.errors).toBe(1);
  });

  it('never reads or writes through a symlink, found in a walk or named on the command line', () => {
    const outside = tempDir('tmpfix-outside-');
    writeFiles(outside, { 'secret.js': INSECURE, 'broken.js': 'this does not parse (\n' });
    const repo = makeRepo({ 'real.js': INSECURE });
    fs.symlinkSync(path.join(outside, 'secret.js'), path.join(repo, 'link.js'));
    fs.symlinkSync(path.join(outside, 'broken.js'), path.join(repo, 'broken-link.js'));
    fs.symlinkSync(outside, path.join(repo, 'linked-dir'));
    commitAll(repo);

    const { outcome, report } = jsonRun(repo, ['--write']);
    expect(outcome.code, outcome.stderr).toBe(0); // the broken target was never parsed
    expect(statusOf(report, 'link.js')).toMatchObject({ status: 'skipped', reason: 'symlink' });
    expect(statusOf(report, 'broken-link.js')).toMatchObject({ status: 'skipped', reason: 'symlink' });
    expect(report.files.some((file) => file.path.startsWith('linked-dir'))).toBe(false);
    expect(read(outside, 'secret.js')).toBe(INSECURE);
    expect(fs.lstatSync(path.join(repo, 'link.js')).isSymbolicLink()).toBe(true);
    expect(read(repo, 'real.js')).not.toBe(INSECURE);

    const named = tmpfix(repo, ['--write', 'link.js']);
    expect(named.stderr).toMatch(/link\.js.*symlink/);
    expect(read(outside, 'secret.js')).toBe(INSECURE);
    expect(fs.lstatSync(path.join(repo, 'link.js')).isSymbolicLink()).toBe(true);
  });

  it('reports a path that does not exist as an error, goes on with the others, and exits 2', () => {
    const repo = makeRepo({ 'a.js': INSECURE });
    const result = tmpfix(repo, ['missing-dir', 'a.js']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^missing-dir read error: no such file or directory$/m);
    expect(result.stdout).toContain('diff --git a/a.js b/a.js');
    const { report } = jsonRun(repo, ['missing-dir', 'a.js']);
    expect(statusOf(report, 'missing-dir')).toMatchObject({ status: 'error', kind: 'io' });
    expect(report.summary).toMatchObject({ scanned: 1, changed: 1, errors: 1 });
  });
});

describe('order', () => {
  it('lists files in the order git does: by UTF-8 bytes, also past U+FFFF', () => {
    // UTF-16 order would put the emoji (a surrogate pair) before U+FF61; UTF-8 order puts it after.
    const repo = makeRepo({ 'b-\u{1F600}.js': HARMLESS, 'b-\uFF61.js': HARMLESS, 'a.js': HARMLESS, 'b-z.js': HARMLESS });
    const listed = jsonRun(repo).report.files.map((file) => file.path);
    const byGit = git(repo, 'ls-files', '-z').split('\0').filter(Boolean);
    expect(listed).toEqual(byGit);
    expect(listed.indexOf('b-\uFF61.js')).toBeLessThan(listed.indexOf('b-\u{1F600}.js'));
  });
});

describe('--shard', () => {
  it('splits the files deterministically; the shards together cover every file once', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`pkg${i % 4}/file-${i}.js`] = HARMLESS;
    const repo = makeRepo(files);
    const everything = jsonRun(repo).report.files.map((file) => file.path).sort();
    expect(everything).toHaveLength(30);
    const shards = [1, 2, 3].map((k) => jsonRun(repo, ['--shard', `${k}/3`]).report.files.map((file) => file.path));
    expect(shards.flat().sort()).toEqual(everything);
    expect(shards.every((shard) => shard.length > 0 && shard.length < 30)).toBe(true);
    const again = jsonRun(repo, ['--shard', '2/3', '--jobs', '2']).report.files.map((file) => file.path);
    expect(again).toEqual(shards[1]);
    // The split depends on the repository-relative path only, not on where the run starts.
    const fromSub = jsonRun(path.join(repo, 'pkg1'), ['--shard', '2/3', '.']).report.files.map((file) => file.path);
    expect(fromSub).toEqual(shards[1].filter((rel) => rel.startsWith('pkg1/')));
    expect(tmpfix(repo, ['--shard', '4/3']).code).toBe(2);
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });

  it('lists a skipped directory named on the command line in one shard only', () => {
    const repo = makeRepo({ 'node_modules/dep/index.js': INSECURE, 'a.js': HARMLESS });
    const entries = [1, 2, 3].flatMap((k) => jsonRun(repo, ['--shard', `${k}/3`, 'node_modules', 'a.js']).report.files.map((file) => file.path));
    expect(entries.sort()).toEqual(['a.js', 'node_modules']);
  });
});
