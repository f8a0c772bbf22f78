import type { Rule, RuleMeta } from '../src/engine/types';
import { checkThenCreate } from './check-then-create';
import { predictableTmpDir } from './predictable-tmp-dir';
import { predictableTmpPath } from './predictable-tmp-path';

/** Every rule, in the order they run on a file's shared tree. */
// check-then-create runs first: it claims the creating calls inside the checks it rewrites.
export const ruleList: Rule[] = [checkThenCreate, predictableTmpPath, predictableTmpDir];

export const rules: { meta: RuleMeta; rule: Rule }[] = ruleList.map((rule) => ({ meta: rule.meta, rule }));
export const ruleIds: string[] = ruleList.map((rule) => rule.meta.id);
export function getRule(id: string): Rule | undefined {
  return ruleList.find((rule) => rule.meta.id === id);
}
