// Builds the benchmark corpus: real JS/TS from node_modules, replicated to about 10,000 files,
// a few big bundles, and the planted insecure cases; committed as a git repo and reused between runs.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { plantedCases } from './planted';
import { BUILD_OUTPUT_DIRS } from '../src/driver/limits';

/** Bump when the corpus's content or layout changes: the next run rebuilds it. */
export const GENERATOR_VERSION = 3;
export const TARGET_FILES = 10_000;
/** Files above this size go to `bundles/` once instead of into every replica. */
const BUNDLE_BYTES = 1_000_000;
/** The extensions both tmpfix and jscodeshift are told to read; `.d.ts` and friends are excluded. */
export const CORPUS_EXTENSIONS = ['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx'];
export const MANIFEST_NAME = '.tmpfix-bench.json';

export interface CorpusManifest {
  generatorVersion: number;
  /** sha1 of package-lock.json and the renamed directory names: either changing means a new corpus. */
  inputsHash: string;
  files: number;
  bytes: number;
  replicas: number;
  bundles: string[];
  planted: { path: string; pattern: string }[];
}

function isSource(name: string): boolean {
  if (/\.d\.[cm]?ts$/.test(name)) return false;
  return CORPUS_EXTENSIONS.includes(path.extname(name));
}

/** Every source file under `dir` (relative paths, sorted), without following symlinks. */
export function listSources(dir: string, skipDirs: ReadonlySet<string> = new Set()): string[] {
  const found: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!skipDirs.has(entry.name)) walk(child);
      } else if (entry.isFile() && isSource(entry.name)) {
        found.push(child);
      }
    }
  };
  walk('');
  return found.sort();
}

/**
 * Directory names a tool may skip by convention (build output, caches, dependencies). Real code copied
 * from such folders is renamed `<name>-code/`, so every tool is handed the same ~10,000 files.
 */
const RENAMED_DIRS = [...new Set([...BUILD_OUTPUT_DIRS, 'node_modules'])].sort();

function inputsHash(projectRoot: string): string {
  const lock = path.join(projectRoot, 'package-lock.json');
  const text = fs.existsSync(lock) ? fs.readFileSync(lock) : Buffer.alloc(0);
  return crypto.createHash('sha1').update(text).update(RENAMED_DIRS.join('\n')).digest('hex');
}

export function readManifest(corpusDir: string): CorpusManifest | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(corpusDir, MANIFEST_NAME), 'utf8')) as CorpusManifest;
  } catch {
    return undefined;
  }
}

function git(corpusDir: string, args: string[]): void {
  execFileSync('git', ['-c', 'user.name=tmpfix-bench', '-c', 'user.email=bench@tmpfix.invalid', '-c', 'core.autocrlf=false', ...args], {
    cwd: corpusDir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Returns the corpus's manifest, building the corpus first when it is missing or stale. */
export function ensureCorpus(projectRoot: string, corpusDir: string, log: (line: string) => void, force = false): CorpusManifest {
  const expectedInputs = inputsHash(projectRoot);
  const existing = readManifest(corpusDir);
  if (
    !force &&
    existing &&
    existing.generatorVersion === GENERATOR_VERSION &&
    existing.inputsHash === expectedInputs &&
    fs.existsSync(path.join(corpusDir, '.git'))
  ) {
    return existing;
  }

  const started = Date.now();
  log(`building corpus in ${corpusDir} ...`);
  fs.rmSync(corpusDir, { recursive: true, force: true });
  fs.mkdirSync(corpusDir, { recursive: true });

  const modules = path.join(projectRoot, 'node_modules');
  const sources = listSources(modules, new Set(['.bin', '.cache']));
  const small: string[] = [];
  const bundles: string[] = [];
  for (const rel of sources) {
    (fs.statSync(path.join(modules, rel)).size > BUNDLE_BYTES ? bundles : small).push(rel);
  }

  const rename = (rel: string): string =>
    rel
      .split('/')
      .map((segment, i, all) => (i < all.length - 1 && RENAMED_DIRS.includes(segment) ? `${segment}-code` : segment))
      .join('/');
  const copy = (rel: string, dest: string): void => {
    const target = path.join(corpusDir, dest);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(modules, rel), target);
  };

  const replicas = Math.max(1, Math.round(TARGET_FILES / Math.max(1, small.length)));
  for (let replica = 0; replica < replicas; replica++) {
    for (const rel of small) copy(rel, `pkgs-${replica}/${rename(rel)}`);
  }
  const bundlePaths = bundles.map((rel) => `bundles/${rename(rel).replace(/\//g, '__')}`);
  bundles.forEach((rel, i) => copy(rel, bundlePaths[i]!));

  // Planted files sit beside real code, spread over the replicas and packages.
  const packageDirs = [...new Set(small.map((rel) => rename(rel).split('/').slice(0, rel.startsWith('@') ? 2 : 1).join('/')))];
  const planted = plantedCases().map((planted, i) => {
    const pkg = packageDirs[(i * 7) % packageDirs.length];
    const dest = `pkgs-${i % replicas}/${pkg}/lib/${planted.name}`;
    const target = path.join(corpusDir, dest);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, planted.source);
    return { path: dest, pattern: planted.pattern };
  });

  const all = listSources(corpusDir, new Set(['.git']));
  const bytes = all.reduce((sum, rel) => sum + fs.statSync(path.join(corpusDir, rel)).size, 0);
  const manifest: CorpusManifest = {
    generatorVersion: GENERATOR_VERSION,
    inputsHash: expectedInputs,
    files: all.length,
    bytes,
    replicas,
    bundles: bundlePaths,
    planted,
  };

  git(corpusDir, ['init', '-q']);
  git(corpusDir, ['add', '-A']);
  git(corpusDir, ['commit', '-q', '-m', `tmpfix bench corpus v${GENERATOR_VERSION}`]);
  // Written after the commit and excluded, so the work tree stays clean for the driver.
  fs.appendFileSync(path.join(corpusDir, '.git', 'info', 'exclude'), `\n${MANIFEST_NAME}\n`);
  fs.writeFileSync(path.join(corpusDir, MANIFEST_NAME), JSON.stringify(manifest, null, 2) + '\n');
  log(`corpus: ${all.length} files, ${(bytes / 1e6).toFixed(1)} MB, ${replicas} replicas, built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return manifest;
}
