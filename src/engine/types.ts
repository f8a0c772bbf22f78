import type { ModuleFacts } from './dataflow/facts';

/** The rewrite flavours tmpfix can emit: Node's standard library, Node >= 24.4 with `using`, and the `tmp` package. */
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
  /**
   * The finding in one short line (under about 160 characters with its location) for the text
   * report: what was found and what a reviewer must do. The full reason is `message`.
   */
  summary: string;
  /** For a fixed finding whose cleanup is the caller's: what the caller must now remove. */
  callerRemoves?: string;
}

export interface TransformOptions {
  target?: Target;
  /** Only findings on these lines are rewritten (the others are reported): `--from-sarif`, `--from-audit`. */
  locations?: { line: number }[];
  /**
   * Fixed names under the temp directory that other files of the repository use too, with one such
   * file each (the driver's pre-pass): a name one file writes and another reads is shared state.
   */
  sharedNames?: Record<string, string>;
  /** What the repository's other modules export, by the specifier this file imports them with (the driver's pre-pass). */
  moduleFacts?: ModuleFacts;
  /** Rule ids to run; all rules when absent. */
  rules?: string[];
  /**
   * Python only: the project declares Python 2 support (the driver reads its metadata), so rewrites
   * must run on 2.7 as well: mkdtemp() in try/finally rather than TemporaryDirectory().
   */
  python2?: boolean;
  /**
   * Python only: where the program points `tempfile.tempdir` at a directory of its own from mkdtemp
   * (`lib/core/option.py:1798`, the driver's pre-pass): files made in the default directory land there,
   * not in the shared one, so what an error leaves behind stays in that private directory.
   */
  privateTempdir?: string;
}

export interface TransformResult {
  /** The new text; identical to the input when nothing changed. */
  output: string;
  changed: boolean;
  findings: Finding[];
}
