import * as fs from 'node:fs';
import * as path from 'node:path';
// The rule registries only: loading them does not load the parsers and the engines.
import { rules } from '../../transforms';
import { pythonRules } from '../python/rules';
import type { RuleMeta } from '../index';

/** The installed package's root: this file is dist/src/driver/package-info.js. */
export const PACKAGE_ROOT = path.resolve(__dirname, '..', '..', '..');

interface PackageJson {
  name: string;
  version: string;
  homepage?: string;
  repository?: string | { url?: string };
}

let cached: PackageJson | undefined;
export function packageJson(): PackageJson {
  cached ??= JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as PackageJson;
  return cached;
}

export type Language = 'javascript' | 'python';

let merged: { meta: RuleMeta; languages: Language[] }[] | undefined;

/**
 * One entry per rule id, JavaScript's first: an id can have a JavaScript and a Python implementation
 * (same id, description, CWE and page), and then its prefilter is the union of both.
 */
function mergedRules(): { meta: RuleMeta; languages: Language[] }[] {
  if (merged) return merged;
  const byId = new Map<string, { meta: RuleMeta; languages: Language[] }>();
  for (const { meta } of rules) byId.set(meta.id, { meta, languages: ['javascript'] });
  for (const { meta } of pythonRules) {
    const known = byId.get(meta.id);
    if (!known) byId.set(meta.id, { meta, languages: ['python'] });
    else {
      known.meta = { ...known.meta, prefilter: new RegExp(`${known.meta.prefilter.source}|${meta.prefilter.source}`) };
      known.languages.push('python');
    }
  }
  merged = [...byId.values()];
  return merged;
}

export function ruleMetas(): RuleMeta[] {
  return mergedRules().map((entry) => entry.meta);
}

/** The rule's documentation page as shipped in the package, or undefined when it is missing. */
export function ruleDoc(meta: RuleMeta): string | undefined {
  try {
    return fs.readFileSync(path.join(PACKAGE_ROOT, meta.docs), 'utf8');
  } catch {
    return undefined;
  }
}

/** A web address for the rule's page when package.json names the repository (https GitHub-style). */
export function ruleDocUrl(meta: RuleMeta): string | undefined {
  const pkg = packageJson();
  const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const web = repo?.replace(/^git\+/, '').replace(/\.git$/, '').replace(/^github:/, 'https://github.com/');
  if (!web || !/^https:\/\//.test(web)) return undefined;
  return `${web}/blob/v${pkg.version}/${meta.docs}`;
}

/** The rules' metadata as JSON: the prefilter as its pattern's source (a RegExp serialises as `{}`). */
export function ruleListJson(): string {
  return `${JSON.stringify(mergedRules().map(({ meta, languages }) => ({ ...meta, prefilter: meta.prefilter.source, languages })), null, 2)}\n`;
}

export function ruleListText(): string {
  const entries = mergedRules();
  if (entries.length === 0) return 'No rules are registered.\n';
  const idWidth = Math.max(...entries.map(({ meta }) => meta.id.length));
  const cweWidth = Math.max(...entries.map(({ meta }) => meta.cwe.join(',').length));
  const langWidth = Math.max(...entries.map(({ languages }) => languages.join(',').length));
  return entries.map(({ meta: m, languages }) => `${m.id.padEnd(idWidth)}  ${m.fix.padEnd(6)}  ${m.cwe.join(',').padEnd(cweWidth)}  ${languages.join(',').padEnd(langWidth)}  ${m.description}`).join('\n') + '\n';
}
