// Whether a Python file's rewrites must also run on Python 2.7: what the nearest project metadata
// (setup.py, setup.cfg, pyproject.toml, tox.ini) above it says, each directory read once.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ListedFiles } from './listed-files';

/** `--python`: decide from the metadata (`auto`), or write every Python rewrite for 2.7 and 3 (`2`) or for 3 only (`3`). */
export type PythonChoice = 'auto' | '2' | '3';

export interface PythonDecision {
  /** The rewrites must run on Python 2.7 too: mkdtemp() and try/finally, no TemporaryDirectory. */
  python2: boolean;
  /** Why, when the rewrites are written for Python 2: `python2-compatible: Programming Language :: Python :: 2.7 in setup.py`. */
  reason?: string;
}

export const PYTHON_METADATA = ['setup.py', 'setup.cfg', 'pyproject.toml', 'tox.ini'] as const;

/** What one metadata file says of Python 2: admits it (with the words that say so), excludes it, or nothing. */
interface Evidence {
  /** From python_requires / requires-python (what pip enforces): decides over the others. */
  requires?: { admits: boolean; text: string };
  classifier?: string;
  tox?: string;
}

const CLASSIFIER = /Programming Language\s*::\s*Python\s*::\s*2(?:\.\d+)?(?:\s*::\s*Only)?(?![\d.])/;

/** A PEP 440 specifier set (`>=2.7, !=3.0.*`) or a Poetry constraint (`^2.7 || ^3.6`): whether some 2.x release satisfies it. */
export function admitsPython2(spec: string): boolean | undefined {
  const alternatives = spec.split('||').map((a) => a.trim()).filter(Boolean);
  if (alternatives.length === 0) return undefined;
  let known = false;
  for (const alternative of alternatives) {
    const clauses = alternative.split(/\s*,\s*|\s+(?=[<>=!~^])/).filter(Boolean);
    const tests = clauses.map(clauseTest);
    if (tests.some((t) => t === undefined)) continue;
    known = true;
    for (let minor = 0; minor <= 7; minor++) {
      for (const patch of [0, 18]) if (tests.every((t) => t!([2, minor, patch]))) return true;
    }
  }
  return known ? false : undefined;
}

type Release = [number, number, number];

function compare(a: Release, b: number[]): number {
  for (let i = 0; i < 3; i++) {
    const d = a[i] - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function clauseTest(clause: string): ((v: Release) => boolean) | undefined {
  const match = /^(===|==|!=|<=|>=|~=|<|>|\^|~|=)?\s*v?(\d+(?:\.(?:\d+|\*))*)$/.exec(clause.trim());
  if (!match) return /^\*$/.test(clause.trim()) ? () => true : undefined;
  const op = match[1] ?? '==';
  const raw = match[2].split('.');
  const wildcard = raw[raw.length - 1] === '*';
  const parts = raw.filter((p) => p !== '*').map(Number);
  const prefix = (v: Release) => parts.every((p, i) => v[i] === p);
  switch (op) {
    case '==':
    case '===':
    case '=':
      return wildcard ? prefix : (v) => compare(v, parts) === 0;
    case '!=':
      return wildcard ? (v) => !prefix(v) : (v) => compare(v, parts) !== 0;
    case '>=':
      return (v) => compare(v, parts) >= 0;
    case '>':
      return (v) => compare(v, parts) > 0;
    case '<=':
      return (v) => compare(v, parts) <= 0;
    case '<':
      return (v) => compare(v, parts) < 0;
    case '~=': {
      // ~=2.7 is >=2.7, ==2.*; ~=2.7.1 is >=2.7.1, ==2.7.*
      const head = parts.slice(0, Math.max(1, parts.length - 1));
      return (v) => compare(v, parts) >= 0 && head.every((p, i) => v[i] === p);
    }
    case '^':
      // Poetry: ^2.7 is >=2.7, <3
      return (v) => compare(v, parts) >= 0 && v[0] === parts[0];
    case '~':
      return (v) => compare(v, parts) >= 0 && v[0] === parts[0] && (parts.length < 2 || v[1] === parts[1]);
    default:
      return undefined;
  }
}

/** `py27`, `py2`, `py26`, and `py{27,36}-django` expanded: a tox environment that runs Python 2. */
function toxPython2(envlist: string): string | undefined {
  const names: string[] = [];
  for (const item of envlist.split(/[\s,]+(?![^{]*\})/).filter(Boolean)) names.push(...expandBraces(item));
  return names.find((name) => /^(?:py|python)2(?:\d)?(?:$|-)/.test(name) || name.split('-').some((f) => /^py2\d?$/.test(f)));
}

function expandBraces(item: string): string[] {
  const match = /\{([^{}]*)\}/.exec(item);
  if (!match) return [item];
  return match[1].split(',').flatMap((choice) => expandBraces(item.slice(0, match.index) + choice.trim() + item.slice(match.index + match[0].length)));
}

/** The value of `key = ...` in section `[section]` of an ini file, continuation lines included. */
function iniValue(text: string, section: string, key: string): string | undefined {
  let inSection = false;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const header = /^\s*\[([^\]]+)\]/.exec(lines[i]);
    if (header) {
      inSection = header[1].trim() === section;
      continue;
    }
    if (!inSection) continue;
    const entry = new RegExp(`^${key.replace(/[-_]/g, '[-_]')}\\s*[=:]\\s*(.*)$`).exec(lines[i]);
    if (!entry) continue;
    const value = [entry[1]];
    for (let j = i + 1; j < lines.length && /^[ \t]+\S/.test(lines[j]); j++) value.push(lines[j].trim());
    return value.join('\n').replace(/\s*[#;].*$/gm, '').trim();
  }
  return undefined;
}

/** What `file` says about Python 2 (its name tells how to read it). */
export function evidenceIn(name: string, text: string): Evidence {
  const evidence: Evidence = {};
  const classifier = CLASSIFIER.exec(text);
  if (classifier && name !== 'tox.ini') evidence.classifier = classifier[0].replace(/\s*::\s*/g, ' :: ');
  let requires: string | undefined;
  if (name === 'setup.py') requires = /\bpython_requires\s*=\s*(?:[rRuU]?)(["'])([^"'\n]*)\1/.exec(text)?.[2];
  if (name === 'setup.cfg') requires = iniValue(text, 'options', 'python_requires');
  if (name === 'pyproject.toml') {
    requires = /^\s*requires-python\s*=\s*(["'])([^"'\n]*)\1/m.exec(text)?.[2];
    // Poetry: `python = "^2.7 || ^3.6"` under [tool.poetry.dependencies].
    const poetry = /^\[tool\.poetry\.dependencies\][^[]*?^\s*python\s*=\s*(["'])([^"'\n]*)\1/m.exec(text);
    requires ??= poetry?.[2];
  }
  if (requires !== undefined) {
    const admits = admitsPython2(requires);
    const key = name === 'pyproject.toml' ? (/requires-python/.test(text) ? 'requires-python' : 'python') : 'python_requires';
    if (admits !== undefined) evidence.requires = { admits, text: `${key} ${requires.trim()}` };
  }
  if (name === 'tox.ini') {
    const envlist = iniValue(text, 'tox', 'envlist');
    const env = envlist && toxPython2(envlist);
    if (env) evidence.tox = `tox envlist ${env}`;
  }
  return evidence;
}

/** One version of a workflow's python-version: `2.7`, `"pypy-2.7"`, `'2'`, `pypy2`. */
const PYTHON2_VERSION = /^["']?(?:pypy-?)?2(?:\.\d+)*["']?$/;

/**
 * A CI workflow that runs Python 2, in any of YAML's forms: `python-version: "pypy-2.7"`,
 * `python-version: [2.7, 3.8]`, or a `- 2.7` item under it. sqlmap declares no metadata at all, and
 * its CI runs the tests on pypy-2.7. The line that says so, or undefined.
 */
export function workflowPython2(text: string): string | undefined {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const entry = /^\s*-?\s*python-version\s*:\s*(.*?)\s*(?:#.*)?$/.exec(lines[i]);
    if (!entry) continue;
    const value = entry[1];
    const items = value.startsWith('[') ? value.replace(/^\[|\]$/g, '').split(',') : value ? [value] : [];
    // A block list: the `- item` lines right below.
    if (!value) for (let j = i + 1; j < lines.length && /^\s*-\s*\S/.test(lines[j]) && !/:\s/.test(lines[j]); j++) items.push(lines[j].replace(/^\s*-\s*/, ''));
    const python2 = items.map((item) => item.trim()).find((item) => PYTHON2_VERSION.test(item));
    if (python2) return `python-version ${python2.replace(/["']/g, '')}`;
  }
  return undefined;
}

/** Reads the metadata files of each directory once, and decides each directory's project once. */
export class PythonTargetDetector {
  private readonly byDir = new Map<string, PythonDecision & { project?: string }>();

  constructor(
    private readonly listed: ListedFiles | undefined,
    /** The repository root (or the run's base): the walk up stops there. */
    private readonly root: string,
    private readonly choice: PythonChoice = 'auto',
  ) {}

  decide(file: string): PythonDecision {
    if (this.choice === '2') return { python2: true, reason: 'python2-compatible: --python 2' };
    if (this.choice === '3') return { python2: false };
    const { python2, reason } = this.forDir(path.dirname(file));
    return reason ? { python2, reason } : { python2 };
  }

  private forDir(dir: string): PythonDecision {
    const cached = this.byDir.get(dir);
    if (cached) return cached;
    let decision: PythonDecision | undefined = this.readProject(dir);
    if (!decision) {
      const parent = path.dirname(dir);
      decision = dir === this.root || parent === dir ? this.fromWorkflows() : this.forDir(parent);
    }
    this.byDir.set(dir, decision);
    return decision;
  }

  /** The decision of the project whose metadata sits in `dir`, or undefined when `dir` has none. */
  private readProject(dir: string): PythonDecision | undefined {
    const found: { file: string; evidence: Evidence }[] = [];
    for (const name of PYTHON_METADATA) {
      const listed = this.listed?.holds(dir, name);
      if (listed === false) continue;
      const abs = path.join(dir, name);
      if (listed === undefined && !fs.existsSync(abs)) continue;
      let text: string;
      try {
        text = fs.readFileSync(abs, 'utf8');
      } catch {
        continue;
      }
      found.push({ file: this.rel(abs), evidence: evidenceIn(name, text) });
    }
    if (found.length === 0) return undefined;
    // What pip enforces decides; then the classifiers; then what tox tests.
    const requires = found.find((f) => f.evidence.requires);
    if (requires) return requires.evidence.requires!.admits ? { python2: true, reason: `python2-compatible: ${requires.evidence.requires!.text} in ${requires.file}` } : { python2: false };
    const classifier = found.find((f) => f.evidence.classifier);
    if (classifier) return { python2: true, reason: `python2-compatible: ${classifier.evidence.classifier} in ${classifier.file}` };
    const tox = found.find((f) => f.evidence.tox);
    if (tox) return { python2: true, reason: `python2-compatible: ${tox.evidence.tox} in ${tox.file}` };
    return { python2: false };
  }

  /** No metadata up to the root: what the root's CI workflows run decides (`.github/workflows/*.yml`). */
  private fromWorkflows(): PythonDecision {
    const dir = path.join(this.root, '.github', 'workflows');
    let names: string[];
    try {
      names = fs.readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort();
    } catch {
      return { python2: false };
    }
    for (const name of names) {
      let text: string;
      try {
        const abs = path.join(dir, name);
        if (!fs.lstatSync(abs).isFile()) continue;
        text = fs.readFileSync(abs, 'utf8');
      } catch {
        continue;
      }
      const line = workflowPython2(text);
      if (line) return { python2: true, reason: `python2-compatible: ${line} in ${this.rel(path.join(dir, name))}` };
    }
    return { python2: false };
  }

  private rel(abs: string): string {
    return path.relative(this.root, abs).split(path.sep).join('/');
  }
}
