// The repository pre-pass: facts about the modules a file imports (which exports hold or return the
// shared temp directory or a path in it, which re-export Node's fs, os or path), found by resolving
// the file's local imports as Node and TypeScript would and describing each module once. It reads
// only the candidates' imports, each at most once; anything that does not resolve, does not parse
// or imports itself in a circle adds no facts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ModuleFacts, ModuleFact } from '../engine/dataflow/facts';
import { describeExports, mayExportFacts, type ModuleExports } from '../engine/exports';
import { MAX_FILE_BYTES } from './limits';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** Helpers of helpers: how far a re-export or an import chain is followed. */
const MAX_DEPTH = 4;

interface PathAliases {
  baseUrl: string;
  /** `@/*` → [`src/*`], relative to baseUrl. */
  paths: [string, string[]][];
}

/**
 * Keeps what a parse of a module found between runs (`--cache`): `describe` is called only when the
 * memo has nothing for that module's path, text and imported facts.
 */
export interface ExportsMemo {
  exportsOf(file: string, source: string, inner: ModuleFacts, describe: () => ModuleExports): ModuleExports;
}

/** What the driver knows of the repository's modules: resolution, and each module's exports, once. */
export class ModuleIndex {
  private readonly exportsByFile = new Map<string, ModuleExports | null>();
  private readonly aliasesByDir = new Map<string, PathAliases | null>();
  private readonly packagesByName = new Map<string, string | null>();
  private readonly visiting = new Set<string>();
  /** Where each specifier leads from each directory, once. */
  private readonly resolved = new Map<string, string | undefined>();
  private readonly disk = new Disk();

  constructor(private readonly root: string, private readonly memo?: ExportsMemo) {}

  /** The facts of the modules `file` imports (by the specifier as written), given its text. */
  factsFor(file: string, source: string): ModuleFacts {
    const facts: ModuleFacts = {};
    const testOfThisRepository = TEST_FILE.test(path.relative(this.root, file).split(path.sep).join('/'));
    for (const specifier of localSpecifiers(source)) {
      const resolved = this.resolve(specifier, file);
      if (!resolved) continue;
      // The temp package's own tests (node-temp's test/temp-test.js) test that package: its calls stay.
      if (testOfThisRepository && this.disk.vendoredTempPackage(resolved) && this.isRepositoryPackage(resolved)) continue;
      const fact = this.factOf(resolved, 0);
      if (fact && Object.keys(fact.exports).length > 0) facts[specifier] = fact;
    }
    return facts;
  }

  /** Whether `file` belongs to the package at the top of the run (its package.json is the root's). */
  private isRepositoryPackage(file: string): boolean {
    for (let dir = path.dirname(file); !path.relative(this.root, dir).startsWith('..'); dir = path.dirname(dir)) {
      if (this.disk.isFile(path.join(dir, 'package.json'))) return dir === this.root;
      if (path.dirname(dir) === dir) break;
    }
    return false;
  }

  private factOf(file: string, depth: number): ModuleFact | undefined {
    // The repository's own copy of a temp package (its examples require '../lib/temp'): that package.
    const vendored = this.disk.vendoredTempPackage(file);
    if (vendored) return { file: path.relative(this.root, file).split(path.sep).join('/'), exports: { 'module.exports': { kind: 'module', module: vendored } } };
    const described = this.describe(file, depth);
    if (!described) return undefined;
    const exports = { ...described.exports };
    // `export * from './x'`, `export { a as b } from './x'`: their facts pass through.
    if (depth < MAX_DEPTH) {
      for (const re of described.reexports) {
        const target = this.resolve(re.specifier, file);
        const inner = target && this.factOf(target, depth + 1);
        if (!inner) continue;
        if (!re.names) {
          for (const [name, fact] of Object.entries(inner.exports)) if (name !== 'default') exports[name] ??= fact;
        } else {
          for (const [exported, local] of Object.entries(re.names)) if (inner.exports[local]) exports[exported] ??= inner.exports[local];
        }
      }
    }
    return { file: path.relative(this.root, file).split(path.sep).join('/'), exports };
  }

  private describe(file: string, depth: number): ModuleExports | undefined {
    const known = this.exportsByFile.get(file);
    if (known !== undefined) return known ?? undefined;
    if (this.visiting.has(file) || depth > MAX_DEPTH) return undefined;
    this.visiting.add(file);
    let described: ModuleExports | null = null;
    try {
      const source = this.disk.readSmall(file);
      if (source !== undefined) {
        // The module's own imports first: a helper built on another helper.
        const inner: ModuleFacts = {};
        for (const specifier of localSpecifiers(source)) {
          const resolved = this.resolve(specifier, file);
          const fact = resolved && this.factOf(resolved, depth + 1);
          if (fact && Object.keys(fact.exports).length > 0) inner[specifier] = fact;
        }
        // Most modules have no temp source and import none with facts: not parsed. Their re-exports
        // pass nothing either (a re-exported module with facts is among `inner`).
        if (!mayExportFacts(source, inner)) described = { exports: {}, reexports: [], imports: [] };
        else if (this.memo) described = this.memo.exportsOf(path.relative(this.root, file), source, inner, () => describeExports(source, file, inner));
        else described = describeExports(source, file, inner);
      }
    } finally {
      this.visiting.delete(file);
    }
    this.exportsByFile.set(file, described);
    return described ?? undefined;
  }

  /** Where `specifier` imported from `from` lives inside the repository, or undefined. */
  resolve(specifier: string, from: string): string | undefined {
    const dir = path.dirname(from);
    const key = `${dir}\0${specifier}`;
    if (this.resolved.has(key)) return this.resolved.get(key);
    const found = this.resolveFrom(specifier, dir);
    this.resolved.set(key, found);
    return found;
  }

  private resolveFrom(specifier: string, dir: string): string | undefined {
    if (specifier.startsWith('.') || specifier.startsWith('/')) return this.inside(this.disk.resolveFile(path.resolve(dir, specifier)));
    // Node's subpath imports: `#core` from the nearest package.json's "imports".
    if (specifier.startsWith('#')) return this.inside(this.subpathImport(specifier, dir));
    const aliases = this.aliasesFor(dir);
    if (aliases) {
      for (const [pattern, targets] of aliases.paths) {
        const star = pattern.indexOf('*');
        const matches = star < 0 ? specifier === pattern : specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1));
        if (!matches) continue;
        const middle = star < 0 ? '' : specifier.slice(star, specifier.length - (pattern.length - star - 1));
        for (const target of targets) {
          const found = this.inside(this.disk.resolveFile(path.resolve(aliases.baseUrl, target.replace('*', middle))));
          if (found) return found;
        }
      }
    }
    // A package of the repository itself (a workspace), by its package.json name.
    const parts = specifier.split('/');
    const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
    const packageDir = this.packageDir(name);
    if (!packageDir) return undefined;
    const rest = specifier.slice(name.length).replace(/^\//, '');
    if (rest) return this.inside(this.disk.resolveFile(path.join(packageDir, rest)));
    return this.inside(this.disk.packageEntry(packageDir));
  }

  private subpathImport(specifier: string, dir: string): string | undefined {
    for (let at = dir; !path.relative(this.root, at).startsWith('..'); at = path.dirname(at)) {
      const pkg = this.disk.readJson(path.join(at, 'package.json')) as { imports?: Record<string, unknown> } | undefined;
      if (pkg) {
        if (!pkg.imports) return undefined;
        for (const [pattern, target] of Object.entries(pkg.imports)) {
          const star = pattern.indexOf('*');
          const matches = star < 0 ? pattern === specifier : specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1));
          const chosen = typeof target === 'string' ? target : target && typeof target === 'object' ? ((target as Record<string, unknown>).node ?? (target as Record<string, unknown>).require ?? (target as Record<string, unknown>).default ?? (target as Record<string, unknown>).import) : undefined;
          if (!matches || typeof chosen !== 'string') continue;
          const middle = star < 0 ? '' : specifier.slice(star, specifier.length - (pattern.length - star - 1));
          return this.disk.resolveFile(path.resolve(at, chosen.replace('*', middle)));
        }
        return undefined;
      }
      if (path.dirname(at) === at) break;
    }
    return undefined;
  }

  private inside(file: string | undefined): string | undefined {
    if (!file) return undefined;
    const rel = path.relative(this.root, file);
    return rel.startsWith('..') || path.isAbsolute(rel) || rel.split(path.sep).includes('node_modules') ? undefined : file;
  }

  private aliasesFor(dir: string): PathAliases | undefined {
    const known = this.aliasesByDir.get(dir);
    if (known !== undefined) return known ?? undefined;
    let found: PathAliases | null = null;
    const config = path.join(dir, 'tsconfig.json');
    const text = this.disk.readSmall(config);
    if (text !== undefined) {
      const parsed = parseJsonc(text) as { compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } } | undefined;
      const options = parsed?.compilerOptions;
      if (options?.paths) found = { baseUrl: path.resolve(dir, options.baseUrl ?? '.'), paths: Object.entries(options.paths) };
    }
    const parent = path.dirname(dir);
    if (!found && parent !== dir && !path.relative(this.root, parent).startsWith('..')) found = this.aliasesFor(parent) ?? null;
    this.aliasesByDir.set(dir, found);
    return found ?? undefined;
  }

  private packageDir(name: string): string | undefined {
    if (this.packagesByName.size === 0) this.findPackages();
    return this.packagesByName.get(name) ?? undefined;
  }

  /** The repository's own packages: the root's and its workspaces' package.json names. */
  private findPackages(): void {
    this.packagesByName.set('\0', null);
    const root = this.disk.readJson(path.join(this.root, 'package.json')) as { name?: string; workspaces?: string[] | { packages?: string[] } } | undefined;
    if (!root) return;
    if (root.name) this.packagesByName.set(root.name, this.root);
    const patterns = Array.isArray(root.workspaces) ? root.workspaces : (root.workspaces?.packages ?? []);
    for (const pattern of patterns) {
      // `packages/*` (the common form); deeper globs are not expanded.
      const base = pattern.replace(/\/\*+$/, '');
      const dirs = pattern.endsWith('*') ? safeList(path.join(this.root, base)).map((d) => path.join(this.root, base, d)) : [path.join(this.root, base)];
      for (const dir of dirs) {
        const pkg = this.disk.readJson(path.join(dir, 'package.json')) as { name?: string } | undefined;
        if (pkg?.name) this.packagesByName.set(pkg.name, dir);
      }
    }
  }
}

/** A test of the repository: under test/, tests/ or __tests__/, or named *.test.js, *-test.js, *.spec.ts. */
const TEST_FILE = /(?:^|\/)(?:test|tests|__tests__|spec)\/|[.-](?:test|spec)\.[cm]?[jt]sx?$/;

const TEMP_PACKAGES: Record<string, 'tmp' | 'tmpPromise' | 'temp' | 'tempy'> = { tmp: 'tmp', 'tmp-promise': 'tmpPromise', temp: 'temp', tempy: 'tempy' };

/** `./x`, `../y/z`, `@/consts`, `~/lib`, `#internal`, workspace packages: what a file imports that may be local. */
export function localSpecifiers(source: string): string[] {
  const found = new Set<string>();
  const pattern = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"\n]+)\1/g;
  for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
    const specifier = match[2];
    if (/^node:/.test(specifier)) continue;
    found.add(specifier);
  }
  return [...found];
}

/**
 * The pre-pass's view of the disk, each answer asked once: whether a path is a file or a directory
 * (lstat, never through a symlink), package.json contents, which package a file is the entry of. An
 * import chain visits the same directories and package.json files again and again.
 */
class Disk {
  private readonly kinds = new Map<string, 'file' | 'directory' | 'other' | undefined>();
  private readonly jsons = new Map<string, unknown>();
  private readonly entries = new Map<string, string | undefined>();
  private readonly vendored = new Map<string, 'tmp' | 'tmpPromise' | 'temp' | 'tempy' | undefined>();

  private kindOf(file: string): 'file' | 'directory' | 'other' | undefined {
    if (this.kinds.has(file)) return this.kinds.get(file);
    let kind: 'file' | 'directory' | 'other' | undefined;
    try {
      const stat = fs.lstatSync(file, { throwIfNoEntry: false });
      kind = !stat ? undefined : stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'other';
    } catch {
      kind = undefined;
    }
    this.kinds.set(file, kind);
    return kind;
  }

  isFile(file: string): boolean {
    return this.kindOf(file) === 'file';
  }

  isDirectory(file: string): boolean {
    return this.kindOf(file) === 'directory';
  }

  resolveFile(base: string): string | undefined {
    const candidates = [base, ...EXTENSIONS.map((ext) => base + ext)];
    // TypeScript's `./x.js` that means `./x.ts`.
    const js = /\.(c|m)?js$/.exec(base);
    if (js) candidates.push(base.replace(/\.(c|m)?js$/, `.${js[1] ?? ''}ts`), base.replace(/\.(c|m)?js$/, '.tsx'));
    for (const file of candidates) if (this.isFile(file)) return file;
    if (this.isDirectory(base)) {
      const entry = this.packageEntry(base);
      if (entry) return entry;
    }
    return undefined;
  }

  /** A directory's entry: its package.json `exports['.']` or `main`, else `index.*`. */
  packageEntry(dir: string): string | undefined {
    if (this.entries.has(dir)) return this.entries.get(dir);
    this.entries.set(dir, undefined); // a package whose main leads back to its own directory
    const found = this.findEntry(dir);
    this.entries.set(dir, found);
    return found;
  }

  private findEntry(dir: string): string | undefined {
    const pkg = this.readJson(path.join(dir, 'package.json')) as { main?: string; exports?: unknown; module?: string } | undefined;
    const fromExports = (value: unknown): string | undefined => {
      if (typeof value === 'string') return value;
      if (value && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        if ('.' in record) return fromExports(record['.']);
        for (const key of ['import', 'require', 'node', 'default', 'types']) if (key in record) return fromExports(record[key]);
      }
      return undefined;
    };
    const entry = pkg ? (fromExports(pkg.exports) ?? pkg.module ?? pkg.main) : undefined;
    if (entry) {
      const file = this.resolveFile(path.resolve(dir, entry));
      if (file) return file;
    }
    for (const ext of EXTENSIONS) if (this.isFile(path.join(dir, `index${ext}`))) return path.join(dir, `index${ext}`);
    return undefined;
  }

  /** The file is the entry of a package named like a temp package (tmp, temp, tempy, tmp-promise). */
  vendoredTempPackage(file: string): 'tmp' | 'tmpPromise' | 'temp' | 'tempy' | undefined {
    if (this.vendored.has(file)) return this.vendored.get(file);
    let found: 'tmp' | 'tmpPromise' | 'temp' | 'tempy' | undefined;
    for (let dir = path.dirname(file), i = 0; i < 4; dir = path.dirname(dir), i++) {
      const pkg = this.readJson(path.join(dir, 'package.json')) as { name?: string } | undefined;
      if (pkg) {
        const kind = pkg.name ? TEMP_PACKAGES[pkg.name] : undefined;
        found = kind && this.packageEntry(dir) === file ? kind : undefined;
        break;
      }
      if (path.dirname(dir) === dir) break;
    }
    this.vendored.set(file, found);
    return found;
  }

  /** A regular file's text, never through a symlink, never a huge one. */
  readSmall(file: string): string | undefined {
    let fd: number | undefined;
    try {
      fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0));
      const stat = fs.fstatSync(fd);
      if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return undefined;
      return fs.readFileSync(fd, 'utf8');
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }

  /** A JSON file's contents (comments allowed), read and parsed once; undefined when absent or broken. */
  readJson(file: string): unknown {
    if (this.jsons.has(file)) return this.jsons.get(file);
    // Most directories have no package.json: a missing one costs a failed lstat, not a failed open.
    const text = this.kindOf(file) === 'file' ? this.readSmall(file) : undefined;
    const value = text === undefined ? undefined : parseJsonc(text);
    this.jsons.set(file, value);
    return value;
  }
}

function safeList(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}
/** JSON with comments and trailing commas (tsconfig.json). */
function parseJsonc(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const stripped = text
      .replace(/("(?:[^"\\]|\\.)*")|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (whole, string: string | undefined) => string ?? '')
      .replace(/,(\s*[}\]])/g, '$1');
    try {
      return JSON.parse(stripped);
    } catch {
      return undefined;
    }
  }
}

/**
 * The fixed names under the shared temp directory that a file spells out (`path.join(os.tmpdir(),
 * 'app.json')`, `'/tmp/app.json'`, `` `${os.tmpdir()}/app.json` ``), read from its text: the cross-file
 * check needs every candidate's names before any is rewritten, and a parse each would cost twice.
 */
export function tempNames(source: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /(?:tmpdir\(\)|\bTMPDIR\b|getPath\(\s*['"]temp['"]\s*\))\s*,\s*(['"`])([^'"`$\n]+)\1/g,
    /(['"`])\/(?:tmp|var\/tmp|dev\/shm)\/([^'"`$\s]+)\1/g,
    /tmpdir\(\)\}\/([A-Za-z0-9._-]+)`/g,
    // Python: os.path.join(tempfile.gettempdir(), "app.json")
    /gettempdir\(\)\s*,\s*(['"])([^'"\n{}%]+)\1/g,
  ];
  for (const pattern of patterns) {
    for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
      const name = (match[2] ?? match[1]).replace(/^\/+/, '');
      if (name && !name.includes('..')) found.add(name);
    }
  }
  return [...found];
}

/** `tempfile.tempdir = tempfile.mkdtemp(...)`: the program keeps its temp files in a directory of its own. */
const PRIVATE_TEMPDIR = /\btempfile\.tempdir\s*=\s*(?:tempfile\.)?mkdtemp\s*\(/;

/** The 1-based line where a Python file points tempfile.tempdir at a directory from mkdtemp, if it does. */
export function privateTempdirLine(source: string): number | undefined {
  const match = PRIVATE_TEMPDIR.exec(source);
  if (!match) return undefined;
  let line = 1;
  for (let at = source.indexOf('\n'); at !== -1 && at < match.index; at = source.indexOf('\n', at + 1)) line++;
  return line;
}

/** Any call that creates a file or directory, by name: a file without one only reads what it names. */
const CREATES = /\b(?:writeFile|appendFile|createWriteStream|mkdir|mkdirp|ensureDir|ensureFile|outputFile|outputJson|writeJson|copyFile|rename|open)(?:Sync)?\s*\(/;

/** Whether a file's text creates anything at all (so its temp names may be its own). */
export function createsFiles(source: string): boolean {
  return CREATES.test(source);
}

/**
 * Names that a file creating things shares with a file that only reads them (one writes
 * `/tmp/app.json`, another reads it): for each such file, the name and one file of the other side
 * (for a file that creates, one that only reads it; for a reader, one that creates).
 * Files that each create their own copy of a name are not sharing it with each other.
 */
export function sharedNamesByFile(namesByFile: Map<string, { names: string[]; creates: boolean }>): Map<string, Record<string, string>> {
  const users = new Map<string, string[]>();
  for (const [file, { names }] of namesByFile) for (const name of names) users.set(name, [...(users.get(name) ?? []), file]);
  const result = new Map<string, Record<string, string>>();
  for (const [name, files] of users) {
    if (files.length < 2 || files.every((file) => namesByFile.get(file)!.creates)) continue;
    for (const file of files) {
      const shared = result.get(file) ?? {};
      // The other side: a creator names a file that reads it, a reader the file that creates it.
      const creates = namesByFile.get(file)!.creates;
      shared[name] = files.find((other) => other !== file && namesByFile.get(other)!.creates !== creates) ?? files.find((other) => other !== file)!;
      result.set(file, shared);
    }
  }
  return result;
}
