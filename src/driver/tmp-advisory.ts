// A check of the driver, not a rewrite rule: a package that uses the tmp package (or gets the tmp
// target) with a tmp older than 0.2.7 gets one finding at its package.json.
import type { Finding, RuleMeta } from '../index';
import { compareVersions, declaration, formatVersion, locateDependency, type Manifest, type Version } from './manifests';
import type { TargetDetector } from './target';

export const OUTDATED_TMP: RuleMeta = {
  id: 'outdated-tmp-package',
  description: 'The tmp package is older than 0.2.7, whose earlier releases let a symlinked or crafted option place files outside the temp directory',
  cwe: ['CWE-59', 'CWE-22'],
  docs: 'docs/rules/outdated-tmp-package.md',
  fix: 'review',
  prefilter: /"tmp"/,
};

/** The first release with none of the flaws below. */
const FIXED_IN: Version = [0, 2, 7];

/** The tmp releases' path flaws, from their advisories: each affects the releases before `fixedIn`. */
const FLAWS: { fixedIn: Version; text: string }[] = [
  { fixedIn: [0, 2, 4], text: 'before 0.2.4, a `dir` option that passes through a symlink puts the file outside the temp directory (CVE-2025-54798)' },
  { fixedIn: [0, 2, 6], text: 'before 0.2.6, `../` or a path separator in `prefix`, `postfix` or `dir` escapes it (CVE-2026-44705)' },
  { fixedIn: [0, 2, 7], text: 'before 0.2.7, a `prefix`, `postfix` or `template` that is not a string (an array from a parsed query string) still escapes it (CVE-2026-49982)' },
];

/** One finding at a package.json, with the path of that file. */
export interface PackageFinding extends Finding {
  path: string;
  package: { name: 'tmp'; version: string; source: string };
}

/**
 * For every package that had a file in the run and either declares tmp or got the tmp target: a
 * finding when the tmp it uses (installed, else the floor of the declared range) is older than 0.2.7.
 */
export function outdatedTmpFindings(detector: TargetDetector): PackageFinding[] {
  const findings: PackageFinding[] = [];
  for (const [manifest, { tmpTarget }] of detector.packages) {
    const declared = declaration(manifest.json, 'tmp');
    if (!declared && !tmpTarget) continue;
    const fact = detector.manifests.installed(manifest.dir, 'tmp') ?? detector.manifests.declared(manifest, 'tmp');
    if (!fact || compareVersions(fact.version, FIXED_IN) >= 0) continue;
    const flaws = FLAWS.filter((flaw) => compareVersions(fact.version, flaw.fixedIn) < 0).map((flaw) => flaw.text);
    // An installed copy is a version; a declared range lets in its floor (`^0.2.3`: 0.2.3 and up).
    const installed = fact.source === 'installed';
    const older = installed || fact.text === formatVersion(fact.version) ? 'is older than 0.2.7' : `lets in ${formatVersion(fact.version)}, older than 0.2.7`;
    const why = tmpTarget && !declared ? ', which the rewrites for the tmp target require,' : '';
    const flawCount = `${flaws.length} known path flaw${flaws.length === 1 ? '' : 's'}`;
    findings.push({
      path: detector.rel(manifest.abs),
      ruleId: OUTDATED_TMP.id,
      message: `tmp ${detector.describe(fact)}${why} ${older}: ${flaws.join('; ')}. Require 0.2.7 or later (npm install tmp@^0.2.7)`,
      summary: `tmp ${fact.text} ${older} (${flawCount}): require 0.2.7 or later`,
      ...where(manifest),
      fixed: false,
      suppressed: false,
      package: { name: 'tmp', version: fact.text, source: fact.source },
    });
  }
  return findings.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The line of tmp's entry in package.json (else tmp-promise's, which brings it in), else the file's start. */
function where(manifest: Manifest): { line: number; column: number; endLine: number; endColumn: number } {
  for (const name of ['tmp', 'tmp-promise']) {
    const found = declaration(manifest.json, name);
    const region = found && locateDependency(manifest.text, found.section, name);
    if (region) return region;
  }
  return { line: 1, column: 1, endLine: 1, endColumn: 1 };
}
