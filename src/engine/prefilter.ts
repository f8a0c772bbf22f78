import { rules } from '../../transforms';

// Any file that can hold a temp-file pattern names one of these words somewhere in its text.
const words = [...new Set(rules.flatMap((rule) => rule.meta.prefilterWords))];
const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

/** Cheap test on raw text: false proves that no rule can match the file. */
export function prefilter(source: string): boolean {
  return pattern.test(source);
}
