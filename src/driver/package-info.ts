import * as fs from 'node:fs';
import * as path from 'node:path';
// The rule registry only: loading it does not load the parser and the engine.
import { rules } from '../../transforms';
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

export function ruleMetas(): RuleMeta[] {
  return rules.map((entry) => entry.meta);
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
  return `${JSON.stringify(ruleMetas().map((meta) => ({ ...meta, prefilter: meta.prefilter.source })), null, 2)}\n`;
}

export function ruleListText(): string {
  const metas = ruleMetas();
  if (metas.length === 0) return 'No rules are registered.\n';
  const idWidth = Math.max(...metas.map((m) => m.id.length));
  const cweWidth = Math.max(...metas.map((m) => m.cwe.join(',').length));
  return metas.map((m) => `${m.id.padEnd(idWidth)}  ${m.fix.padEnd(6)}  ${m.cwe.join(',').padEnd(cweWidth)}  ${m.description}`).join('\n') + '\n';
}
