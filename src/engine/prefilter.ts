import { rules } from '../../transforms';

// One alternation of every rule's pattern: a single native scan of the raw text.
const pattern = new RegExp([...new Set(rules.map((rule) => rule.meta.prefilter.source))].join('|'));

/** Cheap test on raw text: false proves that no rule can match the file. */
export function prefilter(source: string): boolean {
  return pattern.test(source);
}
