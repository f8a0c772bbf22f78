import * as path from 'node:path';
import type { Target } from '../index';
import type { ListedFiles } from './listed-files';
import { compareVersions, declaration, formatVersion, Manifests, minimumVersion, type Manifest, type Version, type VersionFact } from './manifests';
import type { TargetChoice } from './types';

/** The target a file gets, and why. */
export interface TargetDecision {
  target: Target;
  /** `--target`, `depends on tmp in x/package.json`, `engines.node >=24.4 in x/package.json`, `default`, … */
  reason: string;
  /** An explicit `--target` the package's own versions cannot take: what will not run or compile, and why. */
  warning?: string;
  /** The file's package (its nearest package.json), if it has one. */
  manifest?: Manifest;
}

const TMP_PACKAGES = ['tmp', 'tmp-promise'];
/** `fs.mkdtempDisposableSync` and `fs.promises.mkdtempDisposable` arrived in Node 24.4.0. */
const NODE24_FLOOR: Version = [24, 4, 0];
/** `using` and `await using` arrived in TypeScript 5.2. */
const TYPESCRIPT_USING: Version = [5, 2, 0];
/**
 * @types/node declares mkdtempDisposableSync from 24.4.0, but until 24.10.7 as async-disposable,
 * which `using` refuses (TS2850).
 */
const TYPES_NODE_DISPOSABLE: Version = [24, 10, 7];

const TYPESCRIPT_FILE = /\.(?:ts|tsx|mts|cts)$/i;

export function isTypeScriptFile(file: string): boolean {
  return TYPESCRIPT_FILE.test(file);
}

/** Decides each file's target from `--target` and the nearest package.json, each package once. */
export class TargetDetector {
  readonly manifests: Manifests;
  private readonly decided = new Map<string, TargetDecision>();
  /** Packages that had a file in the run, and whether one of them got the tmp target. */
  readonly packages = new Map<Manifest, { tmpTarget: boolean }>();

  constructor(listed: ListedFiles | undefined, private readonly base: string) {
    this.manifests = new Manifests(listed);
  }

  decide(file: string, choice: TargetChoice): TargetDecision {
    const manifest = this.manifests.nearest(path.dirname(file));
    const typescript = isTypeScriptFile(file);
    // The decision depends on the package, the choice and whether the file is TypeScript only.
    const key = `${manifest?.abs ?? ''}\0${choice}\0${typescript ? 'ts' : 'js'}`;
    let decision = this.decided.get(key);
    if (!decision) {
      decision = choice === 'auto' ? this.auto(manifest, typescript) : this.explicit(choice, manifest, typescript);
      this.decided.set(key, decision);
    }
    if (manifest) {
      const seen = this.packages.get(manifest);
      if (!seen) this.packages.set(manifest, { tmpTarget: decision.target === 'tmp' });
      else if (decision.target === 'tmp') seen.tmpTarget = true;
    }
    return decision;
  }

  /** A path relative to the run's base, with forward slashes, for reasons and reports. */
  rel(abs: string): string {
    return path.relative(this.base, abs).split(path.sep).join('/');
  }

  private auto(manifest: Manifest | undefined, typescript: boolean): TargetDecision {
    if (!manifest) return { target: 'node', reason: 'default' };
    const where = this.rel(manifest.abs);
    // Only runtime dependencies: code rewritten to use a devDependency would break in production.
    const tmpPackage = TMP_PACKAGES.find((name) => declaration(manifest.json, name, ['dependencies']));
    if (tmpPackage) return { target: 'tmp', reason: `depends on ${tmpPackage} in ${where}`, manifest };
    const engines = typeof manifest.json.engines?.node === 'string' ? manifest.json.engines.node : undefined;
    const floor = engines === undefined ? undefined : minimumVersion(engines);
    if (engines !== undefined && floor && compareVersions(floor, NODE24_FLOOR) >= 0) {
      const because = `engines.node ${engines} in ${where}`;
      const blockers = typescript ? this.typeScriptBlockers(manifest) : [];
      if (blockers.length) return { target: 'node', reason: `${because}, but ${blockers.join(', and ')}`, manifest };
      return { target: 'node24', reason: because, manifest };
    }
    return { target: 'node', reason: 'default', manifest };
  }

  /**
   * What the user asked for is what they get; where the package's own versions cannot take it, the
   * decision says so (the report carries it as a warning).
   */
  private explicit(target: Target, manifest: Manifest | undefined, typescript: boolean): TargetDecision {
    const decision: TargetDecision = { target, reason: '--target', manifest };
    const problems: string[] = [];
    if (target === 'node24' && manifest) {
      const engines = typeof manifest.json.engines?.node === 'string' ? manifest.json.engines.node : undefined;
      const floor = engines === undefined ? undefined : minimumVersion(engines);
      if (engines !== undefined && floor && compareVersions(floor, NODE24_FLOOR) < 0) {
        problems.push(`engines.node ${engines} in ${this.rel(manifest.abs)} lets in Node versions without fs.mkdtempDisposableSync (24.4 or later)`);
      }
      if (typescript) problems.push(...this.typeScriptBlockers(manifest));
    }
    if (target === 'tmp') {
      const declared = manifest && TMP_PACKAGES.find((name) => declaration(manifest.json, name, ['dependencies']));
      if (!declared) {
        problems.push(manifest ? `${this.rel(manifest.abs)} has neither tmp nor tmp-promise in dependencies, and the rewritten code requires tmp` : 'no package.json lists tmp in dependencies, and the rewritten code requires tmp');
      }
    }
    if (problems.length) decision.warning = problems.join('; ');
    return decision;
  }

  /** Why a TypeScript file of this package would not compile with `using` and mkdtempDisposableSync. */
  private typeScriptBlockers(manifest: Manifest): string[] {
    const blockers: string[] = [];
    const sections = ['dependencies', 'devDependencies'] as const;
    const typescript = this.manifests.version(manifest, 'typescript', sections);
    if (typescript && compareVersions(typescript.version, TYPESCRIPT_USING) < 0) {
      blockers.push(`typescript ${this.describe(typescript)} has no \`using\` (5.2 or later)`);
    }
    const types = this.manifests.version(manifest, '@types/node', sections);
    if (types && compareVersions(types.version, TYPES_NODE_DISPOSABLE) < 0) {
      const what = compareVersions(types.version, NODE24_FLOOR) < 0 ? 'has no fs.mkdtempDisposableSync' : 'types fs.mkdtempDisposableSync as async-disposable, which `using` refuses';
      blockers.push(`@types/node ${this.describe(types)} ${what} (${formatVersion(TYPES_NODE_DISPOSABLE)} or later)`);
    }
    return blockers;
  }

  /** `5.1.6 (installed in node_modules/typescript)`, `^5.1.0 (devDependencies of package.json)`. */
  describe(fact: VersionFact): string {
    return fact.source === 'installed' ? `${fact.text} (installed in ${this.rel(path.dirname(fact.file))})` : `${fact.text} (${fact.source} of ${this.rel(fact.file)})`;
  }
}
