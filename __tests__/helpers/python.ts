// The Python fixtures (__testfixtures__/python-<rule>/) and Debian's python3, for the tests that need them.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const FIXTURES = path.resolve(__dirname, '..', '..', '__testfixtures__');
const INPUT = /^(.+)\.input\.pyw?$/;

export interface PyCase {
  /** The rule id: the folder name without `python-`. */
  rule: string;
  name: string;
  input: string;
  /** Absent when the input must stay byte-for-byte as it is. */
  output?: string;
  /** `<case>.py2.output.py`: the rewrite for a project that declares Python 2 support (TransformOptions.python2). */
  py2Output?: string;
  findings?: string;
}

export function findPythonCases(): PyCase[] {
  const cases: PyCase[] = [];
  for (const folder of fs.readdirSync(FIXTURES).sort()) {
    if (!folder.startsWith('python-')) continue;
    const dir = path.join(FIXTURES, folder);
    for (const file of fs.readdirSync(dir).sort()) {
      const match = INPUT.exec(file);
      if (!match) continue;
      const name = match[1];
      const output = path.join(dir, `${name}.output.py`);
      const findings = path.join(dir, `${name}.findings.json`);
      const py2Output = path.join(dir, `${name}.py2.output.py`);
      cases.push({
        rule: folder.slice('python-'.length),
        name,
        input: path.join(dir, file),
        output: fs.existsSync(output) ? output : undefined,
        py2Output: fs.existsSync(py2Output) ? py2Output : undefined,
        findings: fs.existsSync(findings) ? findings : undefined,
      });
    }
  }
  return cases;
}

const COMPILE = `
import json, sys
problems = {}
for name, source in json.loads(sys.stdin.read()).items():
    try:
        compile(source, name, "exec")
    except SyntaxError as error:
        problems[name] = "%s (line %s)" % (error.msg, error.lineno)
print(json.dumps(problems))
`;

/** Compiles each text with python3 (`compile(src, name, 'exec')`), in one process: the failures, by name. */
export function compileWithPython(sources: Record<string, string>): Record<string, string> {
  const result = spawnSync('python3', ['-c', COMPILE], { input: JSON.stringify(sources), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new Error(`python3 is needed to compile the fixtures' outputs (.ci/run installs it): ${result.error.message}`);
  if (result.status !== 0) throw new Error(`python3 failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, string>;
}

/** A Python 2.7 interpreter: $PYTHON2, else python2.7 or python2 on PATH, when one answers as 2.x. */
export function findPython2(): string | undefined {
  for (const candidate of [process.env.PYTHON2, 'python2.7', 'python2'].filter((c): c is string => !!c)) {
    const probe = spawnSync(candidate, ['-c', 'import sys; sys.exit(0 if sys.version_info[0] == 2 else 1)'], { encoding: 'utf8' });
    if (!probe.error && probe.status === 0) return candidate;
  }
  return undefined;
}

const COMPILE2 = `
import json, sys
problems = {}
for name, source in json.loads(sys.stdin.read()).items():
    try:
        compile(source.encode("utf-8"), name, "exec")
    except SyntaxError as error:
        problems[name] = "%s (line %s)" % (error.msg, error.lineno)
print(json.dumps(problems))
`;

/** Compiles each text with a Python 2.7 interpreter, in one process: the failures, by name. */
export function compileWithPython2(python2: string, sources: Record<string, string>): Record<string, string> {
  const result = spawnSync(python2, ['-c', COMPILE2], { input: JSON.stringify(sources), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error || result.status !== 0) throw new Error(`${python2} failed: ${result.error?.message ?? result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, string>;
}

/**
 * What Python 2.7 lacks that a rewrite could write: each a pattern, and what it is. A rewrite for
 * Python 2 may keep what the input has, and add none of these.
 */
export const PY3_ONLY: [RegExp, string][] = [
  [/\bTemporaryDirectory\b/g, 'tempfile.TemporaryDirectory (3.2)'],
  [/(?<![\w.])[fF][rRbB]?(?=["'])/g, 'an f-string (3.6)'],
  [/\bmakedirs\([^)]*exist_ok\s*=/g, 'os.makedirs(exist_ok=) (3.2)'],
  [/\bnonlocal\b/g, 'nonlocal (3.0)'],
  [/\b(FileExistsError|FileNotFoundError|PermissionError)\b/g, 'the OSError subclasses (3.3)'],
  [/["'][rwab+t]*x[rwab+t]*["']/g, "open() mode 'x' (3.3)"],
  [/\byield from\b/g, 'yield from (3.3)'],
  [/\basync\s+(def|with|for)\b|\bawait\b/g, 'async and await (3.5)'],
  [/^\s*def [^(]*\([^)]*(?:,\s*|\()\*\s*[,)]/gm, 'keyword-only arguments (3.0)'],
  [/\bshutil\.which\b|\bos\.replace\b/g, 'shutil.which or os.replace (3.3)'],
  [/(?:Named)?TemporaryFile\([^)]*\b(?:buffering|encoding|errors|newline)\s*=/g, 'TemporaryFile(buffering=, encoding=, errors=, newline=) (3.0)'],
  [/\bos\.fdopen\([^)]*\b(?:encoding|errors|newline)\s*=/g, 'os.fdopen(encoding=, errors=, newline=) (3.0)'],
];

/** The constructs of PY3_ONLY that `output` has more of than `input`. */
export function newPy3Constructs(input: string, output: string): string[] {
  return PY3_ONLY.filter(([pattern]) => (output.match(pattern) ?? []).length > (input.match(pattern) ?? []).length).map(([, what]) => what);
}
