// What the CLI must never do: hang, write past git's say-so, clobber a file with --patch, write
// through a symlinked directory, drop an unreadable file silently, or crash on a closed pipe.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, cleanUp, cloneRepo, commitAll, git, HARMLESS, INSECURE, jsonRun, makeRepo, read, statusOf, tempDir, tmpfix, writeFiles } from './helpers';

afterAll(cleanUp);

const isRoot = process.getuid?.() === 0;
const canDropPrivileges = isRoot && spawnSync('setpriv', ['--version']).status === 0;

/** No temp file of --write or --patch is left behind. */
function leftovers(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.includes('.tmpfix-'));
}

function noCrash(stderr: string): void {
  expect(stderr).not.toMatch(/unexpected failure|^\s+at /m);
}

describe('files that are not regular files', () => {
  it('skips a FIFO or a socket named on the command line as not-a-file, in every mode, without hanging', async () => {
    const repo = makeRepo({ 'good.js': INSECURE });
    execFileSync('mkfifo', [path.join(repo, 'fifo.js')]);
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(path.join(repo, 'sock.js'), resolve));
    try {
      for (const mode of [[], ['--check'], ['--write']]) {
        const { outcome, report } = jsonRun(repo, [...mode, 'fifo.js', 'sock.js', 'good.js']);
        expect(outcome.code, `${mode} ${outcome.stderr}`).toBe(mode[0] === '--check' ? 1 : 0);
        expect(statusOf(report, 'fifo.js'), String(mode)).toMatchObject({ status: 'skipped', reason: 'not-a-file' });
        expect(statusOf(report, 'sock.js'), String(mode)).toMatchObject({ status: 'skipped', reason: 'not-a-file' });
        expect(report.summary.scanned).toBe(1);
      }
      expect(read(repo, 'good.js')).not.toBe(INSECURE);
    } finally {
      server.close();
    }
  });
});

describe('--write asks git about every file it replaces', () => {
  it('asks a repository nested in the scanned one (not a submodule) about its own files', () => {
    const outer = makeRepo({ 'outer.js': HARMLESS });
    const nested = path.join(outer, 'nested');
    fs.mkdirSync(nested);
    git(nested, 'init', '-q', '-b', 'main');
    git(nested, 'config', 'user.email', 'cli-tests@example.invalid');
    git(nested, 'config', 'user.name', 'CLI tests');
    writeFiles(nested, { 'clean.js': INSECURE, 'dirty.js': INSECURE });
    commitAll(nested);
    const edited = `${INSECURE}// local edit\n`;
    fs.writeFileSync(path.join(nested, 'dirty.js'), edited);

    const refused = tmpfix(outer, ['--write']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/refusing to write/);
    expect(refused.stderr).toMatch(/nested\/dirty\.js \(uncommitted changes\)/);
    expect(refused.stderr).toMatch(/write refused, nothing written/);
    expect(read(nested, 'dirty.js')).toBe(edited);
    expect(read(nested, 'clean.js')).toBe(INSECURE);

    commitAll(nested, 'the edit');
    const written = tmpfix(outer, ['--write']);
    expect(written.code, written.stderr).toBe(0);
    expect(read(nested, 'dirty.js')).not.toBe(edited);
    expect(read(nested, 'clean.js')).not.toBe(INSECURE);
  });

  it.skipIf(!isRoot)('refuses when git refuses the repository (dubious ownership), and says why', () => {
    const repo = makeRepo({ 'a.js': INSECURE });
    execFileSync('chown', ['-R', '65534:65534', repo]);
    const written = tmpfix(repo, ['--write']);
    expect(written.code).toBe(2);
    expect(written.stderr).toMatch(/refusing to write: git could not confirm/);
    expect(written.stderr).toMatch(/a\.js \(.*dubious ownership/);
    expect(read(repo, 'a.js')).toBe(INSECURE);

    const dry = tmpfix(repo, []);
    expect(dry.stderr).toMatch(/warning: git cannot tell which repository this is: .*dubious ownership/);
    expect(dry.stderr).toMatch(/paths are relative to the current directory/);
    expect(dry.stdout).toContain('diff --git a/a.js b/a.js');
  });

  it('refuses when git cannot be run at all', () => {
    const repo = makeRepo({ 'a.js': INSECURE });
    const noGit = tmpfix(repo, ['--write'], { PATH: tempDir('tmpfix-empty-path-') });
    expect(noGit.code).toBe(2);
    expect(noGit.stderr).toMatch(/a\.js \(git could not be run \(ENOENT\)\)/);
    expect(read(repo, 'a.js')).toBe(INSECURE);
  });

  it('writes outside git only when git says there is no repository, with a note', () => {
    const dir = tempDir();
    writeFiles(dir, { 'a.js': INSECURE });
    const written = tmpfix(dir, ['--write']);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stderr).toMatch(/note: 1 file\(s\) are not inside a git repository/);
    expect(read(dir, 'a.js')).not.toBe(INSECURE);
  });
});

describe('--patch FILE', () => {
  it('refuses a FILE that is a source file of the run or tracked by git, before anything runs', () => {
    const repo = makeRepo({ 'src/a.js': INSECURE, 'notes.txt': 'keep\n' });
    const source = tmpfix(repo, ['--check', '--patch', 'src/a.js']);
    expect(source.code).toBe(2);
    expect(source.stderr).toMatch(/refusing --patch src\/a\.js: it is a source file this run reads/);
    expect(read(repo, 'src/a.js')).toBe(INSECURE);
    const tracked = tmpfix(repo, ['--patch', 'notes.txt', 'src']);
    expect(tracked.code).toBe(2);
    expect(tracked.stderr).toMatch(/refusing --patch notes\.txt: git tracks it/);
    expect(read(repo, 'notes.txt')).toBe('keep\n');
  });

  it('replaces an untracked FILE at the end of the run, through a temp file beside it', () => {
    const repo = makeRepo({ 'a.js': INSECURE });
    fs.writeFileSync(path.join(repo, 'fix.patch'), 'old\n');
    const dry = tmpfix(repo, ['--check', '--patch', 'fix.patch']);
    expect(dry.code).toBe(1);
    expect(read(repo, 'fix.patch')).toBe(dry.stdout);
    expect(leftovers(repo)).toEqual([]);
  });

  it('is a usage error, not a crash, when FILE cannot be written', () => {
    const repo = makeRepo({ 'a.js': INSECURE });
    const cases: [string, RegExp][] = [
      [tempDir(), /cannot write --patch .*: EISDIR/],
      ['missing-dir/fix.patch', /cannot write --patch missing-dir\/fix\.patch: ENOENT/],
      ['a.js/fix.patch', /cannot write --patch a\.js\/fix\.patch: ENOTDIR/],
    ];
    for (const [file, message] of cases) {
      const result = tmpfix(repo, ['--patch', file]);
      expect(result.code, file).toBe(2);
      expect(result.stderr, file).toMatch(message);
      expect(result.stdout, file).toBe(''); // refused before any file was read
      noCrash(result.stderr);
    }
  });

  it('reports a write that fails during the run, and exits 2', () => {
    const repo = makeRepo({ 'a.js': INSECURE });
    fs.writeFileSync(path.join(repo, 'fix.patch'), 'old\n');
    // A file size limit of 100 bytes: the patch's first write fails with EFBIG (Node ignores SIGXFSZ).
    const limited = spawnSync('prlimit', ['--fsize=100', process.execPath, CLI, '--patch', 'fix.patch'], { cwd: repo, encoding: 'utf8', timeout: 30_000 });
    expect(limited.status).toBe(2);
    expect(limited.stderr).toMatch(/cannot write --patch fix\.patch: EFBIG.*; it was left as it was/);
    expect(read(repo, 'fix.patch')).toBe('old\n');
    expect(leftovers(repo)).toEqual([]);
    noCrash(limited.stderr);
  });
});

describe('unreadable files and directories', () => {
  it.skipIf(!canDropPrivileges)('reports each as an io error, goes on with the rest, and exits 2', () => {
    const dir = tempDir();
    fs.chmodSync(dir, 0o755);
    writeFiles(dir, { 'ok.js': INSECURE, 'locked.js': INSECURE, 'closed/inner.js': INSECURE });
    fs.chmodSync(path.join(dir, 'locked.js'), 0o000);
    fs.chmodSync(path.join(dir, 'closed'), 0o000);
    const asNobody = (args: string[]) =>
      spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, CLI, ...args], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, HOME: dir, NO_COLOR: '1' },
        timeout: 30_000,
      });
    const result = asNobody(['--check', '--format', 'json']);
    expect(result.status, result.stderr).toBe(2);
    const report = JSON.parse(result.stdout) as { files: { path: string; status: string; kind?: string; message?: string }[]; summary: { errors: number } };
    expect(report.files.find((f) => f.path === 'locked.js')).toMatchObject({ status: 'error', kind: 'io', message: expect.stringContaining('EACCES') });
    expect(report.files.find((f) => f.path === 'closed')).toMatchObject({ status: 'error', kind: 'io', message: expect.stringMatching(/cannot list the directory: EACCES/) });
    expect(report.files.find((f) => f.path === 'ok.js')).toMatchObject({ status: 'changed' });
    expect(report.summary.errors).toBe(2);
    expect(result.stderr).toMatch(/^locked\.js read error: cannot read: EACCES/m);
    expect(result.stderr).toMatch(/^closed read error: cannot list the directory: EACCES/m);

    const named = asNobody(['--check', 'closed']);
    expect(named.status).toBe(2);
    expect(named.stderr).toMatch(/0 files scanned.*1 error/);
  });
});

describe('symlinks on the way to a named path', () => {
  it('never writes through a symlinked directory named as part of a path', () => {
    const outside = tempDir('tmpfix-outside-');
    writeFiles(outside, { 'victim.js': INSECURE, 'sub/deeper.js': INSECURE });
    const repo = makeRepo({ 'real.js': INSECURE });
    fs.symlinkSync(outside, path.join(repo, 'extlink'));
    const { outcome, report } = jsonRun(repo, ['--write', 'extlink/victim.js', 'extlink/sub']);
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(statusOf(report, 'extlink/victim.js')).toMatchObject({ status: 'skipped', reason: 'symlink' });
    expect(statusOf(report, 'extlink/sub')).toMatchObject({ status: 'skipped', reason: 'symlink' });
    expect(outcome.stderr).toMatch(/extlink is a symlink; refusing/);
    expect(read(outside, 'victim.js')).toBe(INSECURE);
    expect(read(outside, 'sub/deeper.js')).toBe(INSECURE);
  });

  it('accepts a current directory that is itself reached through a symlink', () => {
    const repo = makeRepo({ 'real.js': INSECURE });
    const viaLink = path.join(tempDir(), 'repo-link');
    fs.symlinkSync(repo, viaLink);
    const written = tmpfix(viaLink, ['--write', 'real.js']);
    expect(written.code, written.stderr).toBe(0);
    expect(read(repo, 'real.js')).not.toBe(INSECURE);
  });
});

describe('paths and where a patch applies', () => {
  it('outside git, takes paths named from anywhere, relative to their common directory, and says so', () => {
    const top = tempDir();
    writeFiles(top, { 'dir/a.js': INSECURE, 'other/b.js': INSECURE, 'other/deep/c.js': INSECURE });
    const elsewhere = tempDir('tmpfix-elsewhere-');

    const above = tmpfix(path.join(top, 'dir'), ['../other/b.js']);
    expect(above.code, above.stderr).toBe(0);
    expect(above.stdout).toContain('diff --git a/b.js b/b.js');
    expect(above.stderr).toContain(`note: not in a git repository and not all under the current directory: paths are relative to ${path.join(top, 'other')}`);

    const named = tmpfix(elsewhere, [top]);
    expect(named.code, named.stderr).toBe(0);
    expect(named.stdout).toContain('diff --git a/dir/a.js b/dir/a.js');
    expect(named.stdout).toContain('diff --git a/other/deep/c.js b/other/deep/c.js');
    expect(named.stderr).toContain(`paths are relative to ${top}`);

    const two = jsonRun(elsewhere, [path.join(top, 'other', 'deep'), path.join(top, 'dir', 'a.js')]);
    expect(two.report.files.map((file) => file.path)).toEqual(['dir/a.js', 'other/deep/c.js']);

    // The patch applies in that directory, and gives what --write gives.
    const copy = tempDir();
    writeFiles(copy, { 'dir/a.js': INSECURE, 'other/b.js': INSECURE, 'other/deep/c.js': INSECURE });
    const patch = path.join(elsewhere, 'fix.patch');
    fs.writeFileSync(patch, named.stdout);
    execFileSync('git', ['apply', patch], { cwd: copy });
    const written = tmpfix(elsewhere, ['--write', top]);
    expect(written.code, written.stderr).toBe(0);
    for (const rel of ['dir/a.js', 'other/b.js', 'other/deep/c.js']) expect(read(copy, rel), rel).toBe(read(top, rel));

    const fromTop = tmpfix(top, ['dir', 'other']);
    expect(fromTop.code, fromTop.stderr).toBe(0);
    expect(fromTop.stderr).not.toMatch(/paths are relative to/); // all under the current directory: as before
  });

  it('from a subdirectory, notes that the patch reaches outside it, and the documented apply works', () => {
    const repo = makeRepo({ 'a.js': INSECURE, 'sub/b.js': INSECURE });
    const sub = path.join(repo, 'sub');
    const inside = tmpfix(sub, ['.']);
    expect(inside.stderr).not.toMatch(/outside the current directory/);
    const wide = tmpfix(sub, ['..']);
    expect(wide.code, wide.stderr).toBe(0);
    expect(wide.stderr).toMatch(/note: the patch changes files outside the current directory.*git -C "\$\(git rev-parse --show-toplevel\)" apply/);

    const copy = cloneRepo(repo);
    const patch = path.join(tempDir(), 'fix.patch');
    fs.writeFileSync(patch, wide.stdout);
    const top = git(path.join(copy, 'sub'), 'rev-parse', '--show-toplevel').trim();
    git(top, 'apply', patch);
    expect(tmpfix(repo, ['--write']).code).toBe(0);
    expect(read(copy, 'a.js')).toBe(read(repo, 'a.js'));
    expect(read(copy, 'sub/b.js')).toBe(read(repo, 'sub/b.js'));
  });
});

describe('a closed stdout', () => {
  it('stops quietly with exit 3 and leaves the --patch file as it was', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++) files[`src/m${String(i).padStart(3, '0')}.js`] = INSECURE.replace("'app.json'", `'app-${i}.json'`);
    const repo = makeRepo(files);
    fs.writeFileSync(path.join(repo, 'keep.patch'), 'previous\n');
    const child = spawn(process.execPath, [CLI, '--patch', 'keep.patch'], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, stderr).toBe(3);
    expect(stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(read(repo, 'keep.patch')).toBe('previous\n');
    expect(leftovers(repo)).toEqual([]);
  });
});
