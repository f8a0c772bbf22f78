// The package.json files of the repository being fixed, and the versions of what they depend on:
// declared (a range in package.json) or installed (node_modules/NAME/package.json).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ListedFiles } from './listed-files';

export type Version = [number, number, number];

export const DEPENDENCY_SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;
export type DependencySection = (typeof DEPENDENCY_SECTIONS)[number];

export interface PackageJson {
  engines?: { node?: unknown };
  dependencies?: Record<string, unknown>;
  devDependencies?: Record<string, unknown>;
  optionalDependencies?: Record<string, unknown>;
  peerDependencies?: Record<string, unknown>;
}

/** A package.json as read: where it is, what it says, and its text (for the line of a dependency). */
export interface Manifest {
  abs: string;
  dir: string;
  json: PackageJson;
  text: string;
}

/** A version of a package as the repository has it, and where that was read. */
export interface VersionFact {
  version: Version;
  /** As written: `5.1.6`, `^0.2.1`. */
  text: string;
  /** `installed` (node_modules) or the section of package.json that declares it. */
  source: 'installed' | DependencySection;
  /** The file it was read from (absolute). */
  file: string;
}

export function compareVersions(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

export function formatVersion(version: Version): string {
  return version.join('.');
}

function parseVersion(text: string): Version | undefined {
  const match = /^v?(\d+)(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?/.exec(text.trim());
  if (!match) return undefined;
  const part = (value: string | undefined): number => (value && /^\d+$/.test(value) ? Number(value) : 0);
  return [Number(match[1]), part(match[2]), part(match[3])];
}

/** The lowest version a semver range such as `>=20`, `^24.4.0 || >=26` lets in (0.0.0 when unbounded). */
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
      if (compareVersions(version, floor) > 0) floor = version;
    }
    if (!lowest || compareVersions(floor, lowest) < 0) lowest = floor;
  }
  return lowest;
}

/**
 * The floor of a declared dependency range, when it has one: `latest`, `*`, `workspace:^` or a git
 * URL say nothing about the version.
 */
function declaredFloor(range: string): Version | undefined {
  const floor = minimumVersion(range);
  return floor && compareVersions(floor, [0, 0, 0]) > 0 ? floor : undefined;
}

/** The section of package.json that declares `name` first (runtime dependencies before the others), with its range. */
export function declaration(json: PackageJson, name: string, sections: readonly DependencySection[] = DEPENDENCY_SECTIONS): { section: DependencySection; range: string } | undefined {
  for (const section of sections) {
    const deps = json[section];
    if (deps && typeof deps === 'object' && Object.hasOwn(deps, name)) {
      const range = deps[name];
      return { section, range: typeof range === 'string' ? range : String(range) };
    }
  }
  return undefined;
}

/** Where a key of a package.json is, 1-based (columns in UTF-16 code units, as SARIF counts them). */
export interface TextRegion {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * The region of `"name": value` inside the top-level object `section` of a JSON text, or undefined.
 * A small scanner, not a parser: it only tracks strings and nesting, which is all a key's place needs.
 */
export function locateDependency(text: string, section: string, name: string): TextRegion | undefined {
  let depth = 0;
  let inSection = false;
  let lastKey: string | undefined;
  let wanted = -1; // offset of the wanted key's opening quote, once met
  const at = (offset: number): { line: number; column: number } => {
    const before = text.slice(0, offset);
    const newline = before.lastIndexOf('\n');
    return { line: before.split('\n').length, column: offset - newline };
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') {
      const start = i;
      let value = '';
      for (i++; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === '\\') i++;
        value += text[i];
      }
      // A string followed by a colon is a key.
      let next = i + 1;
      while (next < text.length && /\s/.test(text[next])) next++;
      if (text[next] === ':') {
        lastKey = value;
        if (inSection && depth === 2 && value === name) wanted = start;
      } else if (wanted >= 0) {
        // The wanted key's value (a string): the region ends after it.
        const end = at(i + 1);
        return { ...at(wanted), endLine: end.line, endColumn: end.column };
      }
    } else if (char === '{' || char === '[') {
      depth++;
      if (depth === 2 && char === '{') inSection = lastKey === section;
    } else if (char === '}' || char === ']') {
      if (wanted >= 0 && depth === 2) {
        const end = at(i);
        return { ...at(wanted), endLine: end.line, endColumn: end.column };
      }
      if (depth === 2) inSection = false;
      depth--;
    } else if (char === ',' && wanted >= 0 && depth === 2) {
      const end = at(i);
      return { ...at(wanted), endLine: end.line, endColumn: end.column };
    }
  }
  return undefined;
}

/**
 * Reads package.json files and installed packages' versions, each directory once. The nearest
 * package.json above a file is its package, as npm and Node see it.
 */
export class Manifests {
  private readonly byDir = new Map<string, Manifest | null>();
  private readonly installedByDir = new Map<string, VersionFact | null>();

  constructor(private readonly listed?: ListedFiles) {}

  /** The nearest package.json at or above `dir`, if any. */
  nearest(dir: string): Manifest | undefined {
    const cached = this.byDir.get(dir);
    if (cached !== undefined) return cached ?? undefined;
    let found: Manifest | undefined;
    if (this.listed?.holds(dir, 'package.json') !== false) found = this.read(path.join(dir, 'package.json'));
    if (!found) {
      const parent = path.dirname(dir);
      found = parent === dir ? undefined : this.nearest(parent);
    }
    this.byDir.set(dir, found ?? null);
    return found;
  }

  /** The package.json above this one's directory (a workspace root), if any. */
  enclosing(manifest: Manifest): Manifest | undefined {
    const parent = path.dirname(manifest.dir);
    return parent === manifest.dir ? undefined : this.nearest(parent);
  }

  /** The version Node would load for `name` from `dir`: node_modules/NAME/package.json there or above. */
  installed(dir: string, name: string): VersionFact | undefined {
    const key = `${dir}\0${name}`;
    const cached = this.installedByDir.get(key);
    if (cached !== undefined) return cached ?? undefined;
    let found: VersionFact | undefined;
    const file = path.join(dir, 'node_modules', name, 'package.json');
    if (fs.existsSync(file)) {
      const json = readJson(file);
      const text = json && typeof json === 'object' && typeof (json as { version?: unknown }).version === 'string' ? (json as { version: string }).version : undefined;
      const version = text === undefined ? undefined : parseVersion(text);
      if (text !== undefined && version) found = { version, text, source: 'installed', file };
    }
    if (!found && path.basename(dir) !== 'node_modules') {
      const parent = path.dirname(dir);
      found = parent === dir ? undefined : this.installed(parent, name);
    }
    this.installedByDir.set(key, found ?? null);
    return found;
  }

  /** The floor of the range the nearest package.json declaring `name` (in `sections`) gives, from `manifest` up. */
  declared(manifest: Manifest, name: string, sections: readonly DependencySection[] = DEPENDENCY_SECTIONS): VersionFact | undefined {
    for (let at: Manifest | undefined = manifest; at; at = this.enclosing(at)) {
      const found = declaration(at.json, name, sections);
      if (!found) continue;
      const version = declaredFloor(found.range);
      return version ? { version, text: found.range, source: found.section, file: at.abs } : undefined;
    }
    return undefined;
  }

  /** What the package uses of `name`: the installed version when there is one, else the declared floor. */
  version(manifest: Manifest, name: string, sections?: readonly DependencySection[]): VersionFact | undefined {
    return this.installed(manifest.dir, name) ?? this.declared(manifest, name, sections);
  }

  private read(file: string): Manifest | undefined {
    // Most directories have no package.json: a stat that cannot throw is far cheaper than a failed read.
    if (!fs.existsSync(file)) return undefined;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    if (text.startsWith('\ufeff')) text = text.slice(1);
    const parsed = parseJson(text);
    // A broken package.json still marks a package boundary.
    return { abs: file, dir: path.dirname(file), json: parsed && typeof parsed === 'object' ? (parsed as PackageJson) : {}, text };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function readJson(file: string): unknown {
  try {
    return parseJson(fs.readFileSync(file, 'utf8').replace(/^\ufeff/, ''));
  } catch {
    return undefined;
  }
}
