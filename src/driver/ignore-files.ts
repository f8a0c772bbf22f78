import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { ListedFiles } from './listed-files';

type Verdict = ignore.TestResult;
const NO_VERDICT: Verdict = { ignored: false, unignored: false };

/**
 * What a pattern needs of a file's path to match the file itself (its directories are tested on
 * their own): both are over-approximations, so a file that passes neither test of any pattern gets
 * no verdict from the level without asking `ignore`, and any other goes to `ignore` as it is.
 */
interface Pattern extends ignore.PatternParams {
  mark: string;
  /** A directory-only pattern (`logs/`) never matches a file itself. */
  dirOnly: boolean;
  /** Anchored: the path relative to the ignore file starts with this; undefined: any depth. */
  literal: string | undefined;
  /** The file's name must pass this (the pattern's last segment); undefined: any name. */
  name: ((name: string) => boolean) | undefined;
  /** `…/NAME/**`: the file's directory must have a segment NAME (lower case); undefined: any directory. */
  under: string | undefined;
}

/** The patterns of one ignore file, matched relative to the directory they apply to. */
interface Level {
  dir: string;
  matcher: Ignore;
  patterns: Pattern[];
  /** `dir` with a trailing separator: what the absolute paths it applies to start with. */
  prefix: string;
  /** For each directory below: the patterns that can match its files and its subdirectories, and its verdict. */
  dirs: Map<string, DirectoryRules>;
}

interface DirectoryRules {
  files: Pattern[];
  subdirectories: Pattern[];
  /** The directory's verdict when it is ignored (which passes down to what is in it), else none. */
  verdict: Verdict;
}

const WILDCARD = /[*?[\\]/;

/**
 * A test for a file name from a pattern's last segment, as `ignore` matches it: a literal name, or
 * `*` and `?` wildcards. Brackets and backslashes give no test.
 */
function nameTest(segment: string, ignoreCase: boolean): ((name: string) => boolean) | undefined {
  if (segment === '' || /[[\\]/.test(segment) || /^\*+$/.test(segment)) return undefined;
  if (!WILDCARD.test(segment)) {
    if (!ignoreCase) return (name) => name === segment;
    const lower = segment.toLowerCase();
    return (name) => name.length === lower.length && name.toLowerCase() === lower;
  }
  const source = segment.replace(/[.+^${}()|]/g, '\\$&').replace(/\*+/g, '[^/]*').replace(/\?/g, '[^/]');
  const regex = new RegExp(`^${source}$`, ignoreCase ? 'i' : '');
  return (name) => regex.test(name);
}

/**
 * Where a gitignore pattern can match a file. A pattern with a slash before its end is anchored to
 * its file's directory, and a path it matches starts with its literal part, up to the first wildcard
 * (`/test/js`: `test/js`; `doc/**` and `doc/*.md`: `doc/`; a leading `**` or `*`: nothing); one
 * without matches at any depth. Either way the match ends at the file's name, which must fit the
 * last segment, unless the pattern ends in `/**` (everything below a directory).
 */
function classify(pattern: string, ignoreCase: boolean): Pick<Pattern, 'dirOnly' | 'literal' | 'name' | 'under'> {
  let body = (pattern.startsWith('!') ? pattern.slice(1) : pattern).trimEnd();
  const dirOnly = body.endsWith('/');
  if (dirOnly) body = body.slice(0, -1);
  const lastSlash = body.lastIndexOf('/');
  const everythingBelow = body.endsWith('/**');
  const name = everythingBelow ? undefined : nameTest(body.slice(lastSlash + 1), ignoreCase);
  // `test/**/generated/**` matches only what is inside a directory named generated.
  const parentSegment = everythingBelow ? body.slice(0, -3).split('/').pop() ?? '' : '';
  // Compared in lower case whatever core.ignorecase says: that can only make it relevant in more places.
  const under = parentSegment !== '' && !WILDCARD.test(parentSegment) ? parentSegment.toLowerCase() : undefined;
  if (lastSlash === -1) return { dirOnly, literal: undefined, name, under };
  if (body.startsWith('/')) body = body.slice(1);
  const wildcard = body.search(WILDCARD);
  return { dirOnly, literal: wildcard === -1 ? body : body.slice(0, wildcard), name, under };
}

/** Whether a pattern can match an entry directly in `dir` ('' or ending in '/'): `dir` + a name (+ '/'). */
function relevantIn(pattern: Pattern, dir: string, isDir: boolean): boolean {
  const { literal } = pattern;
  if (pattern.dirOnly && !isDir) return false;
  if (pattern.under !== undefined && !`/${dir.toLowerCase()}`.includes(`/${pattern.under}/`)) return false;
  if (literal === undefined || dir.startsWith(literal)) return true;
  if (!literal.startsWith(dir)) return false;
  // Or the rest of the literal part is the beginning of the entry's name (and a directory's slash).
  const slash = literal.indexOf('/', dir.length);
  return slash === -1 || (isDir && slash === literal.length - 1);
}

function readPatterns(file: string, listed?: boolean): string[] | undefined {
  // Most directories have no ignore file: the walk's listing says so, else a stat that cannot throw
  // is far cheaper than a failed read.
  if (listed === false || (listed === undefined && !fs.existsSync(file))) return undefined;
  try {
    return fs.readFileSync(file, 'utf8').split(/\r?\n/);
  } catch {
    return undefined;
  }
}

function levelFrom(dir: string, file: string, label: () => string, ignoreCase: boolean, listed?: boolean): Level | undefined {
  const lines = readPatterns(file, listed);
  if (!lines) return undefined;
  const mark = label();
  // Blank lines and comments match nothing; a file of only those (git's stock info/exclude) costs no test.
  const patterns: Pattern[] = lines
    .map((pattern, index) => ({ pattern, mark: `${mark}:${index + 1}`, ...classify(pattern, ignoreCase) }))
    .filter(({ pattern }) => pattern.trim() !== '' && !pattern.startsWith('#'));
  if (patterns.length === 0) return undefined;
  const matcher = ignore({ ignorecase: ignoreCase }).add(patterns.map(({ pattern, mark }) => ({ pattern, mark })));
  return { dir, prefix: dir.endsWith(path.sep) ? dir : dir + path.sep, matcher, patterns, dirs: new Map() };
}

/** What one level says of the entries of `dir` ('' or relative to the level, ending in '/'). */
function rulesFor(level: Level, dir: string): DirectoryRules {
  let rules = level.dirs.get(dir);
  if (!rules) {
    const slash = dir.lastIndexOf('/', dir.length - 2);
    const verdict = dir === '' ? NO_VERDICT : verdictIn(level, rulesFor(level, dir.slice(0, slash + 1)), dir.slice(0, slash + 1), dir.slice(slash + 1, -1), true);
    rules = {
      files: level.patterns.filter((pattern) => relevantIn(pattern, dir, false)),
      subdirectories: level.patterns.filter((pattern) => relevantIn(pattern, dir, true)),
      verdict: verdict.ignored ? verdict : NO_VERDICT,
    };
    level.dirs.set(dir, rules);
  }
  return rules;
}

/**
 * One level's verdict on the entry `name` of `dir`, the one `ignore` gives: the directory first
 * (ignored there, ignored), then the entry itself. Most paths in a repository match no pattern at
 * all; they are told so without asking `ignore`, whose cache would keep every path.
 */
function verdictIn(level: Level, rules: DirectoryRules, dir: string, name: string, isDir: boolean): Verdict {
  if (rules.verdict.ignored) return rules.verdict;
  const relevant = isDir ? rules.subdirectories : rules.files;
  for (const pattern of relevant) {
    if (pattern.name === undefined || pattern.name(name)) return level.matcher.test(`${dir}${name}${isDir ? '/' : ''}`);
  }
  return NO_VERDICT;
}

/** Tells whether an entry of one directory is ignored: see IgnoreFiles.directory. */
export type DirectoryIgnores = (name: string, isDir: boolean) => string | undefined;

function describe(verdict: Verdict): string {
  return `${verdict.rule?.mark ?? 'ignore file'} ${verdict.rule?.pattern ?? ''}`.trim();
}

/**
 * `.gitignore` files at every level from the repository root down, plus `.git/info/exclude`.
 * Deeper files win over shallower ones, as in git.
 */
export class IgnoreFiles {
  private readonly levels = new Map<string, Level[]>();
  private readonly rootPrefix: string;

  /**
   * `ignoreCase`: git's core.ignorecase for the repository (outside git: false, as git's default on
   * a case-sensitive file system).
   */
  constructor(
    private readonly root: string,
    infoExclude: string | undefined,
    private readonly listed?: ListedFiles,
    private readonly ignoreCase = false,
  ) {
    this.rootPrefix = root.endsWith(path.sep) ? root : root + path.sep;
    const rootLevels: Level[] = [];
    const exclude = infoExclude ? levelFrom(root, infoExclude, () => '.git/info/exclude', ignoreCase) : undefined;
    if (exclude) rootLevels.push(exclude);
    const own = levelFrom(root, path.join(root, '.gitignore'), () => '.gitignore', ignoreCase);
    if (own) rootLevels.push(own);
    this.levels.set(root, rootLevels);
  }

  private levelsFor(dir: string): Level[] {
    const cached = this.levels.get(dir);
    if (cached) return cached;
    const parent = path.dirname(dir);
    const inherited = dir.startsWith(this.rootPrefix) && parent !== dir ? this.levelsFor(parent) : [];
    const file = path.join(dir, '.gitignore');
    const label = (): string => path.relative(this.root, file).split(path.sep).join('/');
    const own = levelFrom(dir, file, label, this.ignoreCase, this.listed?.holds(dir, '.gitignore'));
    const levels = own ? [...inherited, own] : inherited;
    this.levels.set(dir, levels);
    return levels;
  }

  /**
   * For the entries of one directory (absolute): the rule that ignores an entry (as `file:line`, then
   * the pattern), or undefined when it is not ignored. A walk asks once per directory.
   */
  directory(dir: string): DirectoryIgnores {
    const levels = this.levelsFor(dir);
    const here: { level: Level; rel: string; rules: DirectoryRules }[] = [];
    for (let i = levels.length - 1; i >= 0; i--) {
      const level = levels[i];
      const inner = dir === level.dir ? '' : dir.startsWith(level.prefix) ? dir.slice(level.prefix.length) : undefined;
      if (inner === undefined) continue;
      const rel = inner === '' ? '' : `${path.sep === '/' ? inner : inner.split(path.sep).join('/')}/`;
      here.push({ level, rel, rules: rulesFor(level, rel) });
    }
    return (name, isDir) => {
      for (const { level, rel, rules } of here) {
        const verdict = verdictIn(level, rules, rel, name, isDir);
        if (verdict.ignored) return describe(verdict);
        if (verdict.unignored) return undefined;
      }
      return undefined;
    };
  }

  /** The rule that ignores `abs` (as `file:line`, then the pattern), or undefined when it is not ignored. */
  ignoredBy(abs: string, isDir: boolean): string | undefined {
    return this.directory(path.dirname(abs))(path.basename(abs), isDir);
  }
}
