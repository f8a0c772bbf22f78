import { pythonRules } from './rules';

// One alternation of every Python rule's pattern: a single native scan of the raw text.
const pattern = new RegExp([...new Set(pythonRules.map((rule) => rule.meta.prefilter.source))].join('|'));

/** Cheap test on a Python file's raw text: false proves that no Python rule can match it. */
export function pythonPrefilter(source: string): boolean {
  return pattern.test(source);
}

/** The files the Python side reads. */
export function isPythonFile(name: string): boolean {
  return /\.pyw?$/i.test(name);
}
