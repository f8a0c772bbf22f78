// The install the README promises before tmpfix is published: `npm pack`, then `npm install` of the
// tarball into another project, whose `tmpfix` bin then runs on a repository of its own.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, INSECURE, makeRepo, read, ROOT, tempDir } from './helpers';

afterAll(cleanUp);

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

describe('the npm pack tarball', () => {
  it('holds the CLI, the docs and the licence but not the benchmark, installs, and its bin runs', () => {
    const out = tempDir('tmpfix-pack-');
    // dist/ is built by `npm test` before the suite runs; --ignore-scripts packs that build as it is.
    execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', out], { cwd: ROOT, encoding: 'utf8' });
    const tarball = path.join(out, `${pkg.name}-${pkg.version}.tgz`);
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
    expect(listing).toEqual(expect.arrayContaining(['package/LICENSE', 'package/README.md', 'package/dist/cli.js', 'package/docs/rules/predictable-tmp-path.md']));
    expect(listing.filter((file) => /^package\/(dist\/bench|bench|__tests__|__testfixtures__)\/|^package\/.*\.ts$/.test(file) && !file.endsWith('.d.ts'))).toEqual([]);

    const project = tempDir('tmpfix-consumer-');
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
    // The dependencies come from npm's cache when `npm ci` filled it, else from the registry.
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--silent', tarball], { cwd: project, encoding: 'utf8', timeout: 120_000 });
    const bin = path.join(project, 'node_modules', '.bin', 'tmpfix');

    const version = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    expect(version.stdout).toBe(`${pkg.version}\n`);
    const repo = makeRepo({ 'src/app.js': INSECURE });
    const check = spawnSync(bin, ['--check'], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(check.status, check.stderr).toBe(1);
    expect(check.stdout).toContain('diff --git a/src/app.js b/src/app.js');
    const explain = spawnSync(bin, ['explain', 'predictable-tmp-path'], { encoding: 'utf8' });
    expect(explain.status, explain.stderr).toBe(0);
    expect(explain.stdout).toBe(read(ROOT, 'docs/rules/predictable-tmp-path.md'));
  });
});
