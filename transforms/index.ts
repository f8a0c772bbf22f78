import type { Rule, RuleMeta } from '../src/engine/types';
import { predictableTmpPath } from './predictable-tmp-path';

/** Every rule, in the order they run on a file's shared tree. */
export const ruleList: Rule[] = [predictableTmpPath];

export const rules: { meta: RuleMeta; rule: Rule }[] = ruleList.map((rule) => ({ meta: rule.meta, rule }));
export const ruleIds: string[] = ruleList.map((rule) => rule.meta.id);
export function getRule(id: string): Rule | undefined {
  return ruleList.find((rule) => rule.meta.id === id);
}
