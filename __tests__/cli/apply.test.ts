// Dry run, --patch, --write and --check agree with each other and with `git apply`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, cloneRepo, git, HARMLESS, INSECURE, makeRepo, read, tempDir, tmpfix } from './helpers';

afterAll(cleanUp);

const BOM = '\ufeff';
const files = {
  'src/plain.js': INSECURE,
  'src/crlf.js': INSECURE.replace(/\n/g, '\r\n'),
  'src/bom.js': BOM + INSECURE,
  'src/no-final-newline.js': INSECURE.trimEnd(),
  'src/with space.js': INSECURE,
  'src/harmless.js': HARMLESS,
};

function snapshot(root: string): Record<string, string> {
  return Object.fromEntries(Object.keys(files).map((rel) => [rel, read(root, rel)]));
}

describe('dry run and --write', () => {
  it('prints a diff that git apply takes, giving the same files as --write', () => {
    const repo = makeRepo(files);
    const dry = tmpfix(repo, ['--patch', 'changes.patch', 'src']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(snapshot(repo)).toEqual(files); // a dry run writes nothing
    expect(dry.stdout).toMatch(/^diff --git a\/src\/bom\.js b\/src\/bom\.js\n--- a\/src\/bom\.js\n\+\+\+ b\/src\/bom\.js\n@@ /m);
    expect(fs.readFileSync(path.join(repo, 'changes.patch'), 'utf8')).toBe(dry.stdout);
    fs.rmSync(path.join(repo, 'changes.patch'));

    const applied = cloneRepo(repo);
    const patch = path.join(tempDir(), 'stdout.patch');
    fs.writeFileSync(patch, dry.stdout);
    git(applied, 'apply', '--check', patch);
    git(applied, 'apply', patch);

    const written = tmpfix(repo, ['--write', 'src']);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toBe('');
    const after = snapshot(repo);
    expect(snapshot(applied)).toEqual(after);
    for (const rel of ['src/plain.js', 'src/crlf.js', 'src/bom.js', 'src/no-final-newline.js', 'src/with space.js']) {
      expect(after[rel], rel).not.toBe(files[rel as keyof typeof files]);
    }
    expect(after['src/harmless.js']).toBe(HARMLESS);
    // Files are listed in path order, whatever the workers' timing.
    const order = [...dry.stdout.matchAll(/^diff --git a\/(\S+)/gm)].map((m) => m[1]);
    expect(order).toEqual([...order].sort());
  });

  it('keeps CRLF line endings, the BOM and a missing final newline', () => {
    const repo = makeRepo(files);
    expect(tmpfix(repo, ['--write']).code).toBe(0);
    const crlf = read(repo, 'src/crlf.js');
    expect(crlf).not.toMatch(/[^\r]\n/);
    expect(crlf).toContain('\r\n');
    const bom = read(repo, 'src/bom.js');
    expect(bom.startsWith(BOM)).toBe(true);
    expect(bom.slice(1)).not.toContain(BOM);
    expect(read(repo, 'src/plain.js').startsWith(BOM)).toBe(false);
  });

  it('keeps the file mode', () => {
    const repo = makeRepo({ 'tool.js': INSECURE, 'private.js': INSECURE });
    fs.chmodSync(path.join(repo, 'tool.js'), 0o755);
    fs.chmodSync(path.join(repo, 'private.js'), 0o640);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'modes');
    const result = tmpfix(repo, ['--write', '--allow-dirty']);
    expect(result.code, result.stderr).toBe(0);
    expect(read(repo, 'tool.js')).not.toBe(INSECURE);
    expect(fs.statSync(path.join(repo, 'tool.js')).mode & 0o777).toBe(0o755);
    expect(fs.statSync(path.join(repo, 'private.js')).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(repo).filter((name) => name.includes('tmpfix-'))).toEqual([]); // no temp files left
  });

  it('--check exits 1 before --write and 0 after; a second run changes nothing', () => {
    const repo = makeRepo({ 'a.js': INSECURE, 'b.js': HARMLESS });
    const before = tmpfix(repo, ['--check']);
    expect(before.code).toBe(1);
    expect(read(repo, 'a.js')).toBe(INSECURE);
    expect(tmpfix(repo, ['--write']).code).toBe(0);
    const once = read(repo, 'a.js');
    git(repo, 'commit', '-qam', 'migrated');

    const again = tmpfix(repo, []);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('');
    expect(tmpfix(repo, ['--write']).code).toBe(0);
    expect(read(repo, 'a.js')).toBe(once);
    const after = tmpfix(repo, ['--check']);
    expect(after.code, after.stderr).toBe(0);
  });
});

describe('dirty working tree', () => {
  it('refuses --write when a file it would change has uncommitted changes, unless --allow-dirty', () => {
    const repo = makeRepo({ 'clean.js': INSECURE, 'dirty.js': INSECURE });
    const dirty = `${INSECURE}// local edit\n`;
    fs.writeFileSync(path.join(repo, 'dirty.js'), dirty);

    const refused = tmpfix(repo, ['--write']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/refusing to write/);
    expect(refused.stderr).toContain('dirty.js');
    expect(read(repo, 'clean.js')).toBe(INSECURE); // nothing written at all
    expect(read(repo, 'dirty.js')).toBe(dirty);

    const allowed = tmpfix(repo, ['--write', '--allow-dirty']);
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(read(repo, 'clean.js')).not.toBe(INSECURE);
    expect(read(repo, 'dirty.js')).not.toBe(dirty);
  });

  it('counts an untracked file as uncommitted', () => {
    const repo = makeRepo({ 'tracked.js': HARMLESS });
    fs.writeFileSync(path.join(repo, 'new.js'), INSECURE);
    expect(tmpfix(repo, ['--write']).code).toBe(2);
    expect(read(repo, 'new.js')).toBe(INSECURE);
  });

  it('ignores uncommitted changes in files it would not change', () => {
    const repo = makeRepo({ 'a.js': INSECURE, 'b.js': HARMLESS });
    fs.appendFileSync(path.join(repo, 'b.js'), '// edit\n');
    const result = tmpfix(repo, ['--write']);
    expect(result.code, result.stderr).toBe(0);
    expect(read(repo, 'a.js')).not.toBe(INSECURE);
  });
});
