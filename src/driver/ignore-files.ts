import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** The patterns of one ignore file, matched relative to the directory they apply to. */
interface Level {
  dir: string;
  matcher: Ignore;
}

function readPatterns(file: string): string[] | undefined {
  // Most directories have no ignore file: a stat that cannot throw is far cheaper than a failed read.
  if (!fs.existsSync(file)) return undefined;
  try {
    return fs.readFileSync(file, 'utf8').split(/\r?\n/);
  } catch {
    return undefined;
  }
}

function levelFrom(dir: string, file: string, label: string): Level | undefined {
  // Blank lines and comments match nothing; a file of only those (git's stock info/exclude) costs no test.
  const patterns = (readPatterns(file) ?? [])
    .map((pattern, index) => ({ pattern, mark: `${label}:${index + 1}` }))
    .filter(({ pattern }) => pattern.trim() !== '' && !pattern.startsWith('#'));
  if (patterns.length === 0) return undefined;
  const matcher = ignore().add(patterns);
  return { dir, matcher };
}

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * `.gitignore` files at every level from the repository root down, plus `.git/info/exclude`.
 * Deeper files win over shallower ones, as in git.
 */
export class IgnoreFiles {
  private readonly levels = new Map<string, Level[]>();

  constructor(
    private readonly root: string,
    infoExclude: string | undefined,
  ) {
    const rootLevels: Level[] = [];
    const exclude = infoExclude ? levelFrom(root, infoExclude, '.git/info/exclude') : undefined;
    if (exclude) rootLevels.push(exclude);
    const own = levelFrom(root, path.join(root, '.gitignore'), '.gitignore');
    if (own) rootLevels.push(own);
    this.levels.set(root, rootLevels);
  }

  private levelsFor(dir: string): Level[] {
    const cached = this.levels.get(dir);
    if (cached) return cached;
    const parent = path.dirname(dir);
    const inherited = isInside(this.root, dir) && parent !== dir ? this.levelsFor(parent) : [];
    const file = path.join(dir, '.gitignore');
    const own = levelFrom(dir, file, path.relative(this.root, file).split(path.sep).join('/'));
    const levels = own ? [...inherited, own] : inherited;
    this.levels.set(dir, levels);
    return levels;
  }

  /** The rule that ignores `abs` (as `file:line`, then the pattern), or undefined when it is not ignored. */
  ignoredBy(abs: string, isDir: boolean): string | undefined {
    const levels = this.levelsFor(path.dirname(abs));
    for (let i = levels.length - 1; i >= 0; i--) {
      const { dir, matcher } = levels[i];
      // Called once per file: plain string slicing instead of path.relative.
      const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
      if (!abs.startsWith(prefix)) continue;
      const inner = abs.slice(prefix.length);
      const rel = (path.sep === '/' ? inner : inner.split(path.sep).join('/')) + (isDir ? '/' : '');
      const verdict = matcher.test(rel);
      if (verdict.ignored) return `${verdict.rule?.mark ?? 'ignore file'} ${verdict.rule?.pattern ?? ''}`.trim();
      if (verdict.unignored) return undefined;
    }
    return undefined;
  }
}
