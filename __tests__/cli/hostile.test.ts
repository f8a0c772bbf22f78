// tmpfix's own file handling under attack: what another local user plants where tmpfix writes, edits
// that land while --write prepares a file, ownership kept by root, and signals in the middle of a run.
// Real files, a real unprivileged user (setpriv), real signals to a real child process.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { straceUnavailable } from '../helpers/exploit/strace';
import { CLI, cleanUp, commitAll, INSECURE, makeRepo, read, tempDir, tmpfix, writeFiles } from './helpers';

afterAll(cleanUp);

const NOBODY = 65534;
// Planting files as another user, and ownership, need root and setpriv: CI runs as root (.ci/run).
const canDropPrivileges = process.getuid?.() === 0 && spawnSync('setpriv', ['--version']).status === 0;

beforeAll(() => {
  // The timing tests hold tmpfix's writes open with strace, which CI installs (.ci/run).
  const why = straceUnavailable();
  if (why) throw new Error(why);
});

/** Runs a command as the unprivileged user `nobody`. */
function asNobody(command: string, args: string[], cwd = '/'): string {
  return execFileSync('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', command, ...args], { cwd, encoding: 'utf8' });
}

/** A directory like /tmp: world-writable with the sticky bit, reachable by every user. */
function sharedDir(): string {
  const top = tempDir('tmpfix-shared-');
  fs.chmodSync(top, 0o755);
  const shared = path.join(top, 'shared');
  fs.mkdirSync(shared);
  fs.chmodSync(shared, 0o1777);
  return shared;
}

/** No temp file of --write or --patch is left behind. */
function leftovers(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.includes('.tmpfix-'));
}

describe.skipIf(!canDropPrivileges)('--patch FILE in a shared sticky directory (item 1)', () => {
  it('refuses a symlink another user planted at FILE, and leaves it and its target alone', () => {
    const repo = makeRepo({ 'a.js': INSECURE });
    const shared = sharedDir();
    const victim = path.join(path.dirname(shared), 'victim.txt');
    fs.writeFileSync(victim, 'root owns this\n');
    const planted = path.join(shared, 'fix.patch');
    asNobody('ln', ['-s', victim, planted]);

    const result = tmpfix(repo, ['--patch', planted]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/refusing --patch .*fix\.patch: it is a symlink/);
    expect(result.stdout).toBe(''); // refused before any file was read
    expect(fs.lstatSync(planted).isSymbolicLink()).toBe(true);
    expect(read(path.dirname(victim), 'victim.txt')).toBe('root owns this\n');
    expect(leftovers(shared)).toEqual([]);
  });

  it('refuses a symlink to a device instead of writing the patch into the device', () => {
    const repo = makeRepo({ 'a.js': INSECURE });
    const shared = sharedDir();
    const planted = path.join(shared, 'fix.patch');
    asNobody('ln', ['-s', '/dev/full', planted]);
    const result = tmpfix(repo, ['--patch', planted]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/refusing --patch .*fix\.patch: it is a symlink/);
    expect(result.stderr).not.toMatch(/ENOSPC/); // the device was never opened
    expect(result.stdout).toBe('');
  });

  it('refuses a FIFO planted at FILE: no hang without a reader, nothing streamed to a reader', async () => {
    const repo = makeRepo({ 'a.js': INSECURE });
    const shared = sharedDir();
    const fifo = path.join(shared, 'fix.patch');
    asNobody('mkfifo', ['-m', '0666', fifo]);

    // Nobody reads it: an open for writing would block for ever.
    const started = Date.now();
    const alone = spawnSync(process.execPath, [CLI, '--patch', fifo], { cwd: repo, encoding: 'utf8', timeout: 15_000 });
    expect(alone.error, 'tmpfix hung on the FIFO').toBeUndefined();
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(alone.status).toBe(2);
    expect(alone.stderr).toMatch(/refusing --patch .*fix\.patch: it is a FIFO/);

    // The attacker reads it: the diff must not reach them.
    const reader = spawn('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', 'cat', fifo], { stdio: ['ignore', 'pipe', 'ignore'] });
    let stolen = '';
    reader.stdout.on('data', (chunk: Buffer) => (stolen += chunk.toString()));
    try {
      const read = tmpfix(repo, ['--patch', fifo]);
      expect(read.code).toBe(2);
      expect(read.stderr).toMatch(/it is a FIFO/);
    } finally {
      // Releases the reader: a writer that opens and closes gives it end-of-file.
      const fd = fs.openSync(fifo, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK);
      fs.closeSync(fd);
      await new Promise((resolve) => reader.on('close', resolve));
    }
    expect(stolen).toBe('');
  });

  it("refuses a regular file that belongs to another user (they chose its mode and could have kept it open)", () => {
    const repo = makeRepo({ 'a.js': INSECURE });
    const shared = sharedDir();
    const planted = path.join(shared, 'fix.patch');
    asNobody('sh', ['-c', `echo planted > "$0" && chmod 666 "$0"`, planted]);
    const result = tmpfix(repo, ['--patch', planted]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/refusing --patch .*fix\.patch: it belongs to another user \(uid 65534\)/);
    expect(fs.readFileSync(planted, 'utf8')).toBe('planted\n');
    expect(fs.statSync(planted).uid).toBe(NOBODY);
  });

  it('writes a new FILE in the shared directory and replaces one of its own there', () => {
    const repo = makeRepo({ 'a.js': INSECURE });
    const shared = sharedDir();
    const file = path.join(shared, 'fix.patch');
    const first = tmpfix(repo, ['--check', '--patch', file]);
    expect(first.code, first.stderr).toBe(1);
    expect(fs.readFileSync(file, 'utf8')).toBe(first.stdout);
    const again = tmpfix(repo, ['--check', '--patch', file]);
    expect(again.code, again.stderr).toBe(1);
    expect(fs.readFileSync(file, 'utf8')).toBe(first.stdout);
    expect(leftovers(shared)).toEqual([]);
  });

  it('takes /dev/null and /dev/stdout, and no other device', () => {
    const repo = makeRepo({ 'a.js': INSECURE });
    const toNull = tmpfix(repo, ['--check', '--patch', '/dev/null']);
    expect(toNull.code, toNull.stderr).toBe(1);
    const written = tmpfix(repo, ['--write', '--patch', '/dev/stdout']);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toMatch(/^diff --git a\/a\.js b\/a\.js$/m);
    expect(read(repo, 'a.js')).not.toBe(INSECURE);
    const zero = tmpfix(repo, ['--patch', '/dev/zero']);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toMatch(/refusing --patch \/dev\/zero: it is a device/);
  });
});

/**
 * Runs tmpfix with every fchmod(2) of its main thread held for `delayMs` by strace: --write calls it
 * on each new temp file before the rename, so an edit made when the temp file appears lands in that
 * window every time, not one time in four.
 */
function tmpfixSlowWrites(cwd: string, args: string[], delayMs = 400): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync('strace', ['-qq', '-o', '/dev/null', '-e', 'trace=fchmod', '-e', `inject=fchmod:delay_exit=${delayMs * 1000}`, process.execPath, CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A process that watches `dir` (inotify) and, when tmpfix's temp file for NAME appears, runs the
 * edit given for NAME: the user's editor, saving while tmpfix prepares its replacement.
 */
async function startWatcher(dir: string, edits: Record<string, string>): Promise<{ stop(): Promise<string[]> }> {
  const script = `
    const fs = require('node:fs'), path = require('node:path');
    const dir = process.argv[1], edits = JSON.parse(process.argv[2]), done = [];
    fs.watch(dir, (event, name) => {
      const match = /^\\.(.+)\\.tmpfix-[0-9a-f]{12}$/.exec(name || '');
      if (!match || !(match[1] in edits) || done.includes(match[1])) return;
      done.push(match[1]);
      new Function('fs', 'path', 'dir', edits[match[1]])(fs, path, dir);
      process.stdout.write('edited ' + match[1] + '\\n');
    });
    process.stdout.write('ready\\n');
    process.on('SIGTERM', () => process.exit(0));`;
  const child = spawn(process.execPath, ['-e', script, dir, JSON.stringify(edits)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready\n')) resolve();
    });
  });
  return {
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.on('close', resolve));
      return output.split('\n').filter((line) => line.startsWith('edited ')).map((line) => line.slice('edited '.length));
    },
  };
}

/** An edit that keeps the size and puts the old mtime back, as `cp -p`, `rsync -t` or `touch -r` do. */
const SAME_SIZE_SAME_MTIME = (name: string): string => `{
  const file = path.join(dir, ${JSON.stringify(name)});
  require('node:child_process').execFileSync('cp', ['-p', file, file + '.times']);
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('app.json', 'APP.json'));
  require('node:child_process').execFileSync('touch', ['-r', file + '.times', file]);
  fs.rmSync(file + '.times');
}`;

/** The same, saved the way rsync -t and many editors do: a new file renamed over the old one. */
const REPLACED_SAME_SIZE_SAME_MTIME = (name: string): string => `{
  const file = path.join(dir, ${JSON.stringify(name)});
  fs.writeFileSync(file + '.new', fs.readFileSync(file, 'utf8').replace('app.json', 'APP.json'));
  require('node:child_process').execFileSync('touch', ['-r', file, file + '.new']);
  fs.renameSync(file + '.new', file);
}`;

describe('--write and edits that land while it prepares a file (items 2 and 3)', () => {
  it('checks again just before the rename: an edit made while the temp file is written is kept and reported', async () => {
    const repo = makeRepo({ 'a.js': INSECURE, 'b.js': INSECURE.replace("'app.json'", "'b.json'") });
    const watcher = await startWatcher(repo, { 'a.js': `fs.appendFileSync(path.join(dir, 'a.js'), '// the user typed this\\n');` });
    const result = tmpfixSlowWrites(repo, ['--write']);
    expect(await watcher.stop()).toEqual(['a.js']);
    expect(read(repo, 'a.js')).toBe(`${INSECURE}// the user typed this\n`);
    expect(result.stderr).toMatch(/^a\.js: not written: it changed while tmpfix prepared the new text; your version is kept/m);
    expect(result.code).toBe(2);
    expect(read(repo, 'b.js')).not.toContain('writeFileSync(file, data)'); // the others are written
    expect(leftovers(repo)).toEqual([]);
  });

  it('sees an edit that keeps the size and the mtime (ctime and inode are compared too)', async () => {
    const b = INSECURE.replace('function save', 'function saveB');
    const c = INSECURE.replace('function save', 'function saveC');
    const repo = makeRepo({ 'a.js': INSECURE, 'b.js': b, 'c.js': c });
    // Both edits land while a.js is being written, before b.js and c.js are looked at again.
    const watcher = await startWatcher(repo, { 'a.js': SAME_SIZE_SAME_MTIME('b.js') + REPLACED_SAME_SIZE_SAME_MTIME('c.js') });
    const result = tmpfixSlowWrites(repo, ['--write']);
    expect(await watcher.stop()).toEqual(['a.js']);
    expect(read(repo, 'b.js')).toBe(b.replace('app.json', 'APP.json'));
    expect(read(repo, 'c.js')).toBe(c.replace('app.json', 'APP.json'));
    expect(result.stderr).toMatch(/^b\.js: not written: it changed since tmpfix read it; your version is kept/m);
    expect(result.stderr).toMatch(/^c\.js: not written: it changed since tmpfix read it; your version is kept/m);
    expect(result.code).toBe(2);
    expect(read(repo, 'a.js')).not.toBe(INSECURE);
    expect(leftovers(repo)).toEqual([]);
  });
});

function getXattr(file: string, name: string): string | null {
  const script = 'import os, sys\ntry: print(os.getxattr(sys.argv[1], sys.argv[2]).decode(), end="")\nexcept OSError: print("<none>", end="")';
  const value = execFileSync('python3', ['-c', script, file, name], { encoding: 'utf8' });
  return value === '<none>' ? null : value;
}

describe.skipIf(!canDropPrivileges)('--write run as root keeps what the file was (item 4)', () => {
  it('keeps owner, group, setuid and setgid bits and extended attributes', () => {
    const repo = makeRepo({ 'tool.js': INSECURE, 'plain.js': INSECURE.replace("'app.json'", "'plain.json'") });
    const tool = path.join(repo, 'tool.js');
    fs.chownSync(tool, NOBODY, NOBODY);
    fs.chmodSync(tool, 0o6755); // chown clears these bits, so they must be set after the owner
    execFileSync('python3', ['-c', 'import os, sys; os.setxattr(sys.argv[1], "user.origin", b"vendored")', tool]);
    const plain = path.join(repo, 'plain.js');
    fs.chownSync(plain, 0, NOBODY);
    fs.chmodSync(plain, 0o640);
    commitAll(repo, 'modes'); // git records the executable bit

    const result = tmpfix(repo, ['--write']);
    expect(result.code, result.stderr).toBe(0);
    expect(read(repo, 'tool.js')).not.toBe(INSECURE);
    const stat = fs.statSync(tool);
    expect({ uid: stat.uid, gid: stat.gid, mode: (stat.mode & 0o7777).toString(8) }).toEqual({ uid: NOBODY, gid: NOBODY, mode: '6755' });
    expect(getXattr(tool, 'user.origin')).toBe('vendored');
    const plainStat = fs.statSync(plain);
    expect({ uid: plainStat.uid, gid: plainStat.gid, mode: (plainStat.mode & 0o7777).toString(8) }).toEqual({ uid: 0, gid: NOBODY, mode: '640' });
    expect(read(repo, 'plain.js')).not.toContain('writeFileSync(file, data)');
  });

  it('run by a user who cannot give the file back to its owner, leaves it alone and says why', () => {
    const dir = tempDir();
    fs.chmodSync(dir, 0o777);
    writeFiles(dir, { 'theirs.js': INSECURE, 'mine.js': INSECURE.replace("'app.json'", "'mine.json'") });
    fs.chmodSync(path.join(dir, 'theirs.js'), 0o666); // root's, writable by all, in a directory all may write
    fs.chownSync(path.join(dir, 'mine.js'), NOBODY, NOBODY);
    const result = spawnSync('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, CLI, '--write'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, HOME: dir, NO_COLOR: '1' },
      timeout: 30_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^theirs\.js: not written: cannot keep its owner and group \(uid 0, gid 0\): EPERM/m);
    expect(read(dir, 'theirs.js')).toBe(INSECURE);
    expect(fs.statSync(path.join(dir, 'theirs.js')).uid).toBe(0);
    expect(read(dir, 'mine.js')).not.toContain('writeFileSync(file, data)');
    expect(leftovers(dir)).toEqual([]);
  });
});

function exitedBy(signal: NodeJS.Signals, code: number | null, received: NodeJS.Signals | null): boolean {
  return received === signal || code === 128 + os.constants.signals[signal];
}

async function waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function manyInsecureFiles(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) files[`src/m${String(i).padStart(3, '0')}.js`] = INSECURE.replace("'app.json'", `'app-${i}.json'`);
  return files;
}

describe('SIGINT and SIGTERM in the middle of a run (item 6)', () => {
  it('SIGINT during a run with --patch removes the patch temp file and leaves FILE as it was', async () => {
    const repo = makeRepo(manyInsecureFiles(400));
    fs.writeFileSync(path.join(repo, 'keep.patch'), 'previous\n');
    const child = spawn(process.execPath, [CLI, '--patch', 'keep.patch'], { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const closed = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (code, signal) => resolve([code, signal])));
    await waitFor(() => (leftovers(repo).length > 0 ? true : undefined), 'the patch temp file');
    child.kill('SIGINT');
    const [code, signal] = await closed;
    expect(exitedBy('SIGINT', code, signal), `${code} ${signal} ${stderr}`).toBe(true);
    expect(leftovers(repo)).toEqual([]);
    expect(read(repo, 'keep.patch')).toBe('previous\n');
    expect(stderr).toMatch(/tmpfix: interrupted by SIGINT/);
  });

  it('SIGTERM while --write replaces files: no temp file left, every file old or new, none half-written', async () => {
    const files = manyInsecureFiles(3);
    const repo = makeRepo(files);
    const expected = new Map<string, string>();
    const copy = makeRepo(files);
    expect(tmpfix(copy, ['--write']).code).toBe(0);
    for (const rel of Object.keys(files)) expected.set(rel, read(copy, rel));

    // Each write is held 400 ms in fchmod, so the signal lands while a temp file exists.
    const child = spawn('strace', ['-qq', '-o', '/dev/null', '-e', 'trace=fchmod', '-e', 'inject=fchmod:delay_exit=400000', process.execPath, CLI, '--write'], {
      cwd: repo,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const closed = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (code, signal) => resolve([code, signal])));
    await waitFor(() => (leftovers(repo).length > 0 ? true : undefined), 'the first temp file of --write');
    const tracee = Number(fs.readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/)[0]);
    process.kill(tracee, 'SIGTERM');
    const [code, signal] = await closed;
    expect(exitedBy('SIGTERM', code, signal), `${code} ${signal} ${stderr}`).toBe(true);
    expect(leftovers(repo)).toEqual([]);
    let written = 0;
    for (const [rel, original] of Object.entries(files)) {
      const now = read(repo, rel);
      expect([original, expected.get(rel)], rel).toContain(now);
      if (now !== original) written++;
    }
    expect(written).toBeLessThan(3); // it stopped: the rest were not replaced
    expect(stderr).toMatch(/tmpfix: interrupted by SIGTERM/);
  });

  it('a later run reports the temp files an interrupted run could not remove (kill -9)', () => {
    const repo = makeRepo({ 'src/a.js': INSECURE });
    const staleSource = path.join(repo, 'src', '.a.js.tmpfix-0123456789ab');
    fs.writeFileSync(staleSource, 'half');
    const stalePatch = path.join(repo, '.fix.patch.tmpfix-abcdef012345');
    fs.writeFileSync(stalePatch, 'half');
    const result = tmpfix(repo, ['--check', '--patch', 'fix.patch']);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/note: src\/\.a\.js\.tmpfix-0123456789ab is a temp file left by an interrupted tmpfix run; remove it/);
    expect(result.stderr).toMatch(/note: .*\.fix\.patch\.tmpfix-abcdef012345 is a temp file left by an interrupted tmpfix run; remove it/);
    expect(fs.existsSync(staleSource)).toBe(true); // reported, not removed: it may hold someone's work
  });
});
