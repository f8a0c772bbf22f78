import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Target } from '../index';
import type { ListedFiles } from './listed-files';

interface PackageJson {
  engines?: { node?: unknown };
  dependencies?: Record<string, string>;
}

type Version = [number, number, number];

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

function parseVersion(text: string): Version | undefined {
  const match = /^v?(\d+)(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?/.exec(text.trim());
  if (!match) return undefined;
  const part = (value: string | undefined): number => (value && /^\d+$/.test(value) ? Number(value) : 0);
  return [Number(match[1]), part(match[2]), part(match[3])];
}

/** The lowest Node version a semver range such as `>=20`, `^24.4.0 || >=26` lets in (0.0.0 when unbounded). */
export function minimumVersion(range: string): Version | undefined {
  let lowest: Version | undefined;
  for (const alternative of range.split('||')) {
    // `a - b` hyphen ranges start at `a`.
    const comparators = alternative.trim().replace(/\s+-\s+.*/, '').split(/\s+/).filter(Boolean);
    let floor: Version = [0, 0, 0];
    for (const comparator of comparators) {
      const match = /^(>=|>|\^|~|=)?\s*(.*)$/.exec(comparator)!;
      if (comparator.startsWith('<') || /^[xX*]$/.test(match[2])) continue;
      const version = parseVersion(match[2]);
      if (!version) return undefined;
      if (match[1] === '>') version[2] += 1;
      if (compare(version, floor) > 0) floor = version;
    }
    if (!lowest || compare(floor, lowest) < 0) lowest = floor;
  }
  return lowest;
}

const TMP_PACKAGES = ['tmp', 'tmp-promise'];

/** What `--target auto` picks for a package: its temp library if it has one, else what its Node floor allows. */
export function targetForPackage(pkg: PackageJson): Target {
  // Only runtime dependencies: code rewritten to use a devDependency would break in production.
  const deps = pkg.dependencies ?? {};
  if (TMP_PACKAGES.some((name) => Object.hasOwn(deps, name))) return 'tmp';
  const engines = typeof pkg.engines?.node === 'string' ? minimumVersion(pkg.engines.node) : undefined;
  if (engines && compare(engines, [24, 4, 0]) >= 0) return 'node24';
  return 'node';
}

/** Finds the nearest package.json above each file, reading each directory once. */
export class TargetDetector {
  private readonly byDir = new Map<string, Target>();

  constructor(private readonly listed?: ListedFiles) {}

  targetFor(file: string): Target {
    return this.forDir(path.dirname(file));
  }

  private forDir(dir: string): Target {
    const cached = this.byDir.get(dir);
    if (cached) return cached;
    let target: Target;
    const pkg = this.listed?.holds(dir, 'package.json') === false ? undefined : this.readPackage(path.join(dir, 'package.json'));
    if (pkg) target = targetForPackage(pkg);
    else {
      const parent = path.dirname(dir);
      target = parent === dir ? 'node' : this.forDir(parent);
    }
    this.byDir.set(dir, target);
    return target;
  }

  private readPackage(file: string): PackageJson | undefined {
    // Most directories have no package.json: a stat that cannot throw is far cheaper than a failed read.
    if (!fs.existsSync(file)) return undefined;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    try {
      const parsed: unknown = JSON.parse(text);
      return parsed && typeof parsed === 'object' ? (parsed as PackageJson) : {};
    } catch {
      return {}; // a broken package.json still marks a package boundary
    }
  }
}
