/** The rewrite flavours tmpfix can emit. Only `node` has rules today; the others are reserved. */
export type Target = 'node' | 'node24' | 'tmp';
export const TARGETS: readonly Target[] = ['node', 'node24', 'tmp'];

export interface RuleMeta {
  /** Stable id, used in reports, `--rules` and suppression comments. */
  id: string;
  /** One line, sentence case, no trailing period. */
  description: string;
  /** CWE ids such as `CWE-377`. */
  cwe: string[];
  /** Repository-relative path of the rule's documentation page. */
  docs: string;
  /** `safe`: its rewrites keep behaviour; `review`: some findings are reported, not rewritten. */
  fix: 'safe' | 'review';
  /**
   * A pattern whose absence from a file's raw text proves the rule has nothing to do there.
   * The driver's prefilter is the union of every rule's pattern.
   */
  prefilter: RegExp;
}

/**
 * One thing a rule saw. `fixed` findings were rewritten in the output; the others need a person.
 * Lines and columns are 1-based and point into the input text.
 */
export interface Finding {
  ruleId: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fixed: boolean;
  /** Silenced by a `tmpfix-ignore-next-line` or `tmpfix-ignore-file` comment: reported, never rewritten. */
  suppressed: boolean;
}

export interface TransformOptions {
  target?: Target;
  /** Rule ids to run; all rules when absent. */
  rules?: string[];
  /** Keep only the rewrites whose finding lies on one of these lines (alerts from a scanner); all when absent. */
  locations?: { line: number }[];
}

export interface TransformResult {
  /** The new text; identical to the input when nothing changed. */
  output: string;
  changed: boolean;
  findings: Finding[];
}
