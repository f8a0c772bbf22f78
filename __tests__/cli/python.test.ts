// Python files through the real CLI, in real git repositories: diffs beside the JavaScript ones,
// --write, --check, json and SARIF, parse errors, the worker pool, and a parser that loads only when needed.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, cleanUp, git, INSECURE, jsonRun, makeRepo, read, ROOT, statusOf, tempDir, tmpfix } from './helpers';

afterAll(cleanUp);

/** A script that writes, runs and reads a fixed name in the temp directory. */
const INSECURE_PY = [
  'import os',
  'import subprocess',
  'import tempfile',
  '',
  '',
  'def count_words(text):',
  '    path = os.path.join(tempfile.gettempdir(), "words.txt")',
  '    with open(path, "w") as f:',
  '        f.write(text)',
  '    return int(subprocess.check_output(["wc", "-w", path]).split()[0])',
  '',
  '',
  'if __name__ == "__main__":',
  '    print(count_words("one two three"))',
  '',
].join('\n');

const MKTEMP_PY = 'import tempfile\n\n\ndef scratch():\n    with open(tempfile.mktemp(), "w") as f:\n        f.write("x")\n';
const HARMLESS_PY = 'import tempfile\n\n\ndef where():\n    return tempfile.gettempdir()\n';
const NO_TEMP_PY = 'def add(a, b):\n    return a + b\n';
const BROKEN_PY = 'import tempfile\n\ndef broken(:\n    return tempfile.mktemp()\n';

const PRELOAD = path.join(__dirname, 'fixtures', 'report-modules.cjs');

function withPreload(cwd: string, args: string[]): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['-r', PRELOAD, CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

describe('Python files', () => {
  it('get diffs beside the JavaScript ones, in one patch that git applies', () => {
    const repo = makeRepo({ 'src/a.js': INSECURE, 'tools/count.py': INSECURE_PY, 'tools/scratch.py': MKTEMP_PY, 'tools/where.py': HARMLESS_PY });
    const dry = tmpfix(repo, []);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('diff --git a/src/a.js b/src/a.js');
    expect(dry.stdout).toContain('diff --git a/tools/count.py b/tools/count.py');
    expect(dry.stdout).toContain('+    with tempfile.TemporaryDirectory(prefix="words-") as private_dir:');
    expect(dry.stdout).toContain('+    with tempfile.TemporaryFile("w") as f:');
    expect(dry.stdout).not.toContain('tools/where.py');
    expect(dry.stderr).toMatch(/4 files scanned, 3 to change/);
    // Outside the repository, in a private scratch directory (never beside it in the shared temp directory).
    const patch = path.join(tempDir(), 'dry.patch');
    fs.writeFileSync(patch, dry.stdout);
    git(repo, 'apply', '--check', patch);
  });

  it('leave a name another file of the repository uses (a conftest fixture that removes it) where it is', () => {
    const conftest = 'import shutil\n\nimport pytest\n\n\n@pytest.fixture\ndef cleanup_shm():\n    yield\n    shutil.rmtree("/dev/shm/fakekernelfolder", ignore_errors=True)\n';
    const test = 'import os\nimport pathlib\n\n\ndef test_find_kernel(cleanup_shm):\n    fake_env = "/dev/shm/fakekernelfolder"\n    expected = os.path.join(fake_env, "vmlinuz")\n    pathlib.Path(expected).touch()\n    assert os.path.exists(expected)\n';
    const repo = makeRepo({ 'tests/conftest.py': conftest, 'tests/utils_test.py': test });
    const { report } = jsonRun(repo, []);
    const file = statusOf(report, 'tests/utils_test.py');
    expect(file?.status, JSON.stringify(report)).toBe('unchanged');
    expect(file?.findings?.[0]).toMatchObject({ ruleId: 'predictable-tmp-path', fixed: false });
    expect(file?.findings?.[0].message).toContain('also used by tests/conftest.py, another file of the repository');
  });

  it('--write applies both languages, and the rewritten script still runs', () => {
    const repo = makeRepo({ 'src/a.js': INSECURE, 'tools/count.py': INSECURE_PY });
    const dry = tmpfix(repo, []).stdout;
    const written = tmpfix(repo, ['--write']);
    expect(written.code, written.stderr).toBe(0);
    expect(read(repo, 'src/a.js')).not.toBe(INSECURE);
    const script = read(repo, 'tools/count.py');
    expect(script).not.toBe(INSECURE_PY);
    expect(script).toContain('os.O_EXCL');
    // The patch of the dry run is exactly what --write did.
    git(repo, 'stash', '-q');
    const patch = path.join(tempDir(), 'dry.patch');
    fs.writeFileSync(patch, dry);
    git(repo, 'apply', patch);
    expect(read(repo, 'tools/count.py')).toBe(script);
    const tmp = tempDir('run-tmp-');
    const out = execFileSync('python3', [path.join(repo, 'tools', 'count.py')], { encoding: 'utf8', env: { ...process.env, TMPDIR: tmp } });
    expect(out.trim()).toBe('3');
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('--check, json and SARIF cover them', () => {
    const repo = makeRepo({ 'src/a.js': INSECURE, 'tools/count.py': INSECURE_PY, 'tools/broken.py': BROKEN_PY, 'tools/plain.py': NO_TEMP_PY });
    const check = tmpfix(repo, ['--check']);
    expect(check.code).toBe(2); // the file that does not parse outranks the work found
    expect(check.stdout).toContain('diff --git a/tools/count.py b/tools/count.py');
    expect(check.stderr).toMatch(/tools\/broken\.py:3:\d+/);

    const clean = makeRepo({ 'tools/count.py': INSECURE_PY });
    expect(tmpfix(clean, ['--check']).code).toBe(1);

    const { report } = jsonRun(repo);
    const py = statusOf(report, 'tools/count.py')!;
    expect(py).toMatchObject({ status: 'changed', target: 'python' });
    expect(py.findings!.map((f) => [f.ruleId, f.line, f.fixed])).toEqual([['predictable-tmp-path', 8, true]]);
    expect(statusOf(report, 'tools/broken.py')).toMatchObject({ status: 'error', kind: 'parse', line: 3 });
    expect(statusOf(report, 'tools/plain.py')).toMatchObject({ status: 'unchanged', why: 'prefilter' });

    const sarif = JSON.parse(tmpfix(repo, ['--format', 'sarif']).stdout);
    const run = sarif.runs[0];
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['predictable-tmp-path', 'name-only-temp-api', 'missing-tmp-cleanup']));
    const result = run.results.find((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri === 'tools/count.py');
    expect(result.ruleId).toBe('predictable-tmp-path');
    expect(result.fixes[0].artifactChanges[0].replacements.length).toBeGreaterThan(0);
    const parseError = run.invocations[0].toolExecutionNotifications.find((n: { locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[] }) => n.locations[0].physicalLocation.artifactLocation.uri === 'tools/broken.py');
    expect(parseError.locations[0].physicalLocation.region.startLine).toBe(3);
  });

  it('run in the worker threads too, with the same result', () => {
    const repo = makeRepo({ 'src/a.js': INSECURE, 'tools/count.py': INSECURE_PY, 'tools/scratch.py': MKTEMP_PY });
    const inline = tmpfix(repo, []);
    const pooled = tmpfix(repo, ['--jobs', '2'], { TMPFIX_INLINE_PARSE_CHARS: '0' });
    expect(pooled.code, pooled.stderr).toBe(0);
    expect(pooled.stdout).toBe(inline.stdout);
  });

  it('load the parser only when a Python file gets past the prefilter', () => {
    const jsOnly = makeRepo({ 'src/a.js': INSECURE });
    expect(withPreload(jsOnly, []).stderr).toContain('python parser loaded: no');
    const plainPython = makeRepo({ 'src/a.js': INSECURE, 'lib/plain.py': NO_TEMP_PY });
    expect(withPreload(plainPython, []).stderr).toContain('python parser loaded: no');
    const withTemp = makeRepo({ 'tools/count.py': INSECURE_PY });
    expect(withPreload(withTemp, []).stderr).toContain('python parser loaded: yes');
  });

  it('a Python 2 file gets mkdtemp and try/finally, which Python 2 has', () => {
    const py2 = 'import os\nimport tempfile\n\ndef save(data):\n    path = os.path.join(tempfile.gettempdir(), "data.txt")\n    f = open(path, "w")\n    f.write(data)\n    f.close()\n    print "saved", os.path.getsize(path)\n';
    const repo = makeRepo({ 'legacy.py': py2 });
    const out = tmpfix(repo, []).stdout;
    expect(out).toContain('+    private_dir = tempfile.mkdtemp(prefix="data-")');
    expect(out).toContain('+    try:');
    expect(out).toContain('+        shutil.rmtree(private_dir, ignore_errors=True)');
    expect(out).not.toContain('TemporaryDirectory');
  });

  it('--list-rules says which languages each rule covers', () => {
    const repo = makeRepo({ 'a.py': NO_TEMP_PY });
    const metas = JSON.parse(tmpfix(repo, ['--list-rules', '--format', 'json']).stdout) as { id: string; languages: string[] }[];
    expect(metas.find((m) => m.id === 'predictable-tmp-path')?.languages).toEqual(['javascript', 'python']);
    expect(metas.find((m) => m.id === 'name-only-temp-api')?.languages).toEqual(['javascript', 'python']);
    expect(metas.find((m) => m.id === 'mkdtemp-misuse')?.languages).toEqual(['javascript']);
    expect(new Set(metas.map((m) => m.id)).size).toBe(metas.length);
  });
});

/** The repro of a project that still supports Python 2.7 (supervisor's shape): a test that writes a fixed log name. */
const LOG_TEST_PY = [
  'import os',
  '',
  '',
  'def test_log():',
  "    logfile = '/tmp/log'",
  "    with open(logfile, 'w') as f:",
  "        f.write('hello')",
  '    try:',
  '        assert os.path.getsize(logfile) == 5',
  '    finally:',
  '        os.remove(logfile)',
  '',
].join('\n');
const SETUP_PY27 = "from setuptools import setup\nsetup(name='x', version='1',\n      classifiers=['Programming Language :: Python :: 2.7', 'Programming Language :: Python :: 3'])\n";
const SETUP_PY3 = "from setuptools import setup\nsetup(name='x', version='1', python_requires='>=3.8',\n      classifiers=['Programming Language :: Python :: 3'])\n";

describe('Python 2 support declared by the project', () => {
  it('a setup.py with a 2.7 classifier gets mkdtemp() in try/finally, and the report says why', () => {
    const repo = makeRepo({ 'setup.py': SETUP_PY27, 'tests/test_log.py': LOG_TEST_PY });
    const { outcome, report } = jsonRun(repo);
    expect(outcome.code, outcome.stderr).toBe(0);
    const file = statusOf(report, 'tests/test_log.py');
    expect(file).toMatchObject({ status: 'changed', target: 'python', targetReason: 'python2-compatible: Programming Language :: Python :: 2.7 in setup.py' });
    expect(file?.findings?.[0].message).toContain('now created in a private directory from tempfile.mkdtemp() (mode 0700)');
    const inspect = tmpfix(repo, ['--inspect', '--write', '--allow-dirty']);
    expect(inspect.stderr).toContain('tests/test_log.py: changed, 1 fixed, 1 hunk(s) [target python: python2-compatible: Programming Language :: Python :: 2.7 in setup.py]');
    const written = read(repo, 'tests/test_log.py');
    expect(written).toContain("    private_dir = tempfile.mkdtemp(prefix='log-', dir='/tmp')\n    try:\n");
    expect(written).toContain('    finally:\n        shutil.rmtree(private_dir, ignore_errors=True)\n');
    expect(written).not.toContain('TemporaryDirectory');
    // It runs: on Python 2.7 where one is installed, on python3 always.
    for (const python of [process.env.PYTHON2, 'python3'].filter((p): p is string => !!p)) {
      const run = spawnSync(python, ['-c', 'import test_log; test_log.test_log()'], { cwd: path.join(repo, 'tests'), encoding: 'utf8' });
      expect(run.status, `${python}: ${run.stderr}`).toBe(0);
    }
  });

  it('python_requires, a tox envlist with py27 and setup.cfg count; the nearest metadata decides, up to the repository root', () => {
    const repo = makeRepo({
      'setup.cfg': '[metadata]\nname = x\n\n[options]\npython_requires = >=2.7, !=3.0.*, !=3.1.*\n',
      'a/test_a.py': LOG_TEST_PY,
      'tools/tox.ini': '[tox]\nenvlist =\n    py{27,38}-unit\n    lint\n',
      'tools/test_b.py': LOG_TEST_PY,
      'modern/pyproject.toml': '[project]\nname = "m"\nrequires-python = ">=3.9"\n',
      'modern/test_c.py': LOG_TEST_PY,
    });
    const { report } = jsonRun(repo);
    expect(statusOf(report, 'a/test_a.py')?.targetReason).toBe('python2-compatible: python_requires >=2.7, !=3.0.*, !=3.1.* in setup.cfg');
    expect(statusOf(report, 'tools/test_b.py')?.targetReason).toBe('python2-compatible: tox envlist py27-unit in tools/tox.ini');
    expect(statusOf(report, 'modern/test_c.py')?.targetReason).toBeUndefined();
    const dry = tmpfix(repo, []).stdout;
    expect(dry.split('diff --git').filter((d) => d.includes('TemporaryDirectory')).map((d) => d.split('\n')[0].trim())).toEqual(['a/modern/test_c.py b/modern/test_c.py']);
  });

  it("without any metadata, a GitHub workflow that runs Python 2 decides (sqlmap's CI runs its tests on pypy-2.7)", () => {
    const workflow = (versions: string): string => `name: tests\non: [push]\njobs:\n  test:\n    strategy:\n      matrix:\n        include:\n${versions}\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-python@v5\n        with:\n          python-version: \${{ matrix.python-version }}\n`;
    const old = makeRepo({ '.github/workflows/tests.yml': workflow('          - python-version: "pypy-2.7"\n          - python-version: "3.12"'), 'tests/test_log.py': LOG_TEST_PY });
    const file = statusOf(jsonRun(old).report, 'tests/test_log.py');
    expect(file).toMatchObject({ status: 'changed', targetReason: 'python2-compatible: python-version pypy-2.7 in .github/workflows/tests.yml' });
    expect(tmpfix(old, []).stdout).not.toContain('TemporaryDirectory');
    const modern = makeRepo({ '.github/workflows/tests.yml': workflow('          - python-version: "3.8"\n          - python-version: "3.12"'), 'tests/test_log.py': LOG_TEST_PY });
    expect(statusOf(jsonRun(modern).report, 'tests/test_log.py')?.targetReason).toBeUndefined();
    expect(tmpfix(modern, []).stdout).toContain('TemporaryDirectory');
  });

  it('a project without Python 2 (python_requires >=3.8) keeps TemporaryDirectory, and --python 2 overrides it', () => {
    const repo = makeRepo({ 'setup.py': SETUP_PY3, 'test_log.py': LOG_TEST_PY });
    const { report } = jsonRun(repo);
    const file = statusOf(report, 'test_log.py');
    expect(file?.status).toBe('changed');
    expect(file?.targetReason).toBeUndefined();
    const dry = tmpfix(repo, []);
    expect(dry.stdout).toContain("+    with tempfile.TemporaryDirectory(prefix='log-', dir='/tmp') as private_dir:");
    const forced = jsonRun(repo, ['--python', '2']).report;
    expect(statusOf(forced, 'test_log.py')?.targetReason).toBe('python2-compatible: --python 2');
    expect(tmpfix(repo, ['--python', '2']).stdout).toContain('+    private_dir = tempfile.mkdtemp(');
    const bad = tmpfix(repo, ['--python', '4']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--python must be one of auto, 2, 3 (got 4)');
  });

  it('--python 3 writes TemporaryDirectory where the metadata declares 2.7', () => {
    const repo = makeRepo({ 'setup.py': SETUP_PY27, 'test_log.py': LOG_TEST_PY });
    const dry = tmpfix(repo, ['--python', '3']);
    expect(dry.stdout).toContain('with tempfile.TemporaryDirectory(');
    expect(statusOf(jsonRun(repo, ['--python', '3']).report, 'test_log.py')?.targetReason).toBeUndefined();
  });
});

describe('loading the Python parser', () => {
  // Node waits for V8's threads in NodePlatform::DrainTasks when the event loop has nothing left, and
  // a compile job there can wait forever for a garbage collection (nodejs/node#54918). The WebAssembly
  // load must keep a handle open until it is done, and close it after.
  it('keeps the event loop alive while the WebAssembly loads, and lets it go once loaded', () => {
    const parser = path.join(ROOT, 'dist', 'src', 'python', 'parser.js');
    const script = [
      `const p = require(${JSON.stringify(parser)});`,
      'const ready = p.pythonReady();',
      'const during = process.getActiveResourcesInfo();',
      'ready.then(() => setImmediate(() => console.log(JSON.stringify({ during, after: process.getActiveResourcesInfo(), loaded: p.pythonLoaded() }))));',
    ].join('\n');
    const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 60_000 });
    const { during, after, loaded } = JSON.parse(out) as { during: string[]; after: string[]; loaded: boolean };
    expect(loaded).toBe(true);
    expect(during).toContain('Timeout');
    expect(after).not.toContain('Timeout');
  });
});

describe('a program that points tempfile.tempdir at a directory of its own', () => {
  const TESTING_PY = fs.readFileSync(path.join(ROOT, '__testfixtures__', 'python-missing-tmp-cleanup', 'files-removed-through-a-list-at-the-end-reported.input.py'), 'utf8');
  // sqlmap's option.py: a private directory per run for everything tempfile makes, removed at exit.
  const OPTION_PY = 'import atexit\nimport shutil\nimport tempfile\n\n\ndef init():\n    tempfile.tempdir = tempfile.mkdtemp(prefix="app")\n    atexit.register(shutil.rmtree, tempfile.tempdir, True)\n';

  // A directory handed to a helper and never removed here: a leak in the shared temp directory, or in the program's own.
  const DUMP_PY = 'import tempfile\n\nimport helpers\n\n\ndef dump(rows):\n    out_dir = tempfile.mkdtemp(prefix="dump")\n    helpers.write_rows(out_dir, rows)\n';

  it('says nothing of files made in the default directory that only an error leaves behind, or that nothing here removes, since they stay in that directory', () => {
    // The option file sorts after the test file: the fact must reach it though it is read later.
    const repo = makeRepo({ 'lib/dump.py': DUMP_PY, 'lib/testing.py': TESTING_PY, 'lib/zz_option.py': OPTION_PY });
    const { report } = jsonRun(repo);
    expect(statusOf(report, 'lib/testing.py')?.findings ?? []).toEqual([]);
    expect(statusOf(report, 'lib/dump.py')?.findings ?? []).toEqual([]);
  });

  it('still reports them in a repository where nothing does', () => {
    const repo = makeRepo({ 'lib/dump.py': DUMP_PY, 'lib/testing.py': TESTING_PY, 'lib/zz_option.py': OPTION_PY.replace('tempfile.tempdir = tempfile.mkdtemp(prefix="app")', 'workdir = tempfile.mkdtemp(prefix="app")').replace('tempfile.tempdir, True', 'workdir, True') });
    const { report } = jsonRun(repo);
    const lines = (statusOf(report, 'lib/testing.py')?.findings ?? []).map((f) => f.line);
    expect(lines).toEqual([9, 12]);
    expect(statusOf(report, 'lib/dump.py')?.findings?.map((f) => f.message)).toEqual([expect.stringContaining('tempfile.mkdtemp() makes a directory that nothing here removes: it is handed to helpers.write_rows()')]);
  });
});
