// The registry: every rule, the prefilter built from their patterns, and the runner that hands
// them to the engine. The engine knows no rule; this is where the rules meet it.
import type { Rule } from '../src/engine/context';
import type { RuleMeta, TransformOptions, TransformResult } from '../src/engine/types';
import { fastAlternation } from '../src/engine/alternation';
import { runRules } from '../src/engine/run';
import { MENTIONS_TMP_DIR_OR_PACKAGE } from '../src/engine/tree';
import { checkThenCreate } from './check-then-create';
import { missingTmpCleanup } from './missing-tmp-cleanup';
import { mkdtempMisuse } from './mkdtemp-misuse';
import { nameOnlyTempApi } from './name-only-temp-api';
import { predictableTmpDir } from './predictable-tmp-dir';
import { predictableTmpPath } from './predictable-tmp-path';
import { weakTempLibrary } from './weak-temp-library';

/** Every rule, in the order they run on a file's shared tree. */
// check-then-create runs first: it claims the creating calls inside the checks it rewrites; then the
// creations of names a library made up, before the creations of names the code wrote itself.
export const ruleList: Rule[] = [checkThenCreate, nameOnlyTempApi, predictableTmpPath, predictableTmpDir, missingTmpCleanup, weakTempLibrary, mkdtempMisuse];

export const rules: { meta: RuleMeta; rule: Rule }[] = ruleList.map((rule) => ({ meta: rule.meta, rule }));
export const ruleIds: string[] = ruleList.map((rule) => rule.meta.id);
export function getRule(id: string): Rule | undefined {
  return ruleList.find((rule) => rule.meta.id === id);
}

// One alternation of every rule's pattern: a single native scan of the raw text. fastAlternation()
// matches the same texts as the plain `a|b|…` of the patterns, in about two thirds of the time.
const pattern = fastAlternation(ruleList.map((rule) => rule.meta.prefilter.source));
const mentionsTmpDirOrPackage = fastAlternation([MENTIONS_TMP_DIR_OR_PACKAGE.source]);

/**
 * Cheap test on raw text, in two tiers: undefined when no rule can match the file; `text` when it also
 * names the temp directory or a temp package, so the engine looks at it on its own; `with-facts` when
 * it matches a rule's pattern only through a name such as `tmpDir`, `TEMP_FILE`, `dirSync` or
 * `readFileSync` (predictable-tmp-path's helper names, missing-tmp-cleanup's tmp calls): the engine
 * then finds a temp source only in an imported module's facts, so the file is parsed only when the
 * driver's pre-pass finds some for one of its local imports.
 */
export function prefilterMatch(source: string): 'text' | 'with-facts' | undefined {
  if (!pattern.test(source)) return undefined;
  return mentionsTmpDirOrPackage.test(source) ? 'text' : 'with-facts';
}

/** Cheap test on raw text: false proves that no rule can match the file, whatever it imports. */
export function prefilter(source: string): boolean {
  return prefilterMatch(source) !== undefined;
}

/**
 * Runs the selected rules (all when `options.rules` is absent) over one file's text.
 * Throws ParseError when the input does not parse and InternalError when the output would not.
 */
export function transformSource(source: string, filePath: string, options: TransformOptions = {}): TransformResult {
  const selected = options.rules ? ruleList.filter((rule) => options.rules!.includes(rule.meta.id)) : ruleList;
  return runRules(source, filePath, selected, options);
}
