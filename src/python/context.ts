// Per-file state shared by the Python rules: the file, the value analysis, findings and edits.
import { summarize } from '../engine/context';
import type { Finding } from '../engine/types';
import { PyEdits, lineStartsOf } from './edits';
import { PyFile } from './file';
import type { PyNode } from './parser';
import { statementOf, walk } from './tree';
import { Values } from './values';
import { flushWraps, type Wrap } from './wrap';

export class PyContext {
  readonly file: PyFile;
  readonly values: Values;
  readonly edits: PyEdits;
  readonly lineStarts: number[];
  readonly findings: Finding[] = [];
  /** Calls or statements a rule has dealt with, so that no other rule reports them again. */
  readonly claimed = new Set<PyNode>();
  readonly indentUnit: string;
  /** New code must run on Python 2.7 too: the project says so, or the file itself does (PyFile.legacy). */
  readonly py2: boolean;
  private readonly suppression: { file: boolean; rows: Set<number> };
  private freshNames = new Set<string>();
  /** Blocks the rules asked for, written together at the end (see wrap.ts). */
  readonly wraps: Wrap[] = [];

  constructor(
    readonly source: string,
    root: PyNode,
    readonly filePath: string,
    /** Fixed temp names other files of the repository use too, with one of them (the driver's pre-pass). */
    readonly sharedNames: Readonly<Record<string, string>> = {},
    /** The project declares Python 2 support (the driver's reading of its metadata). */
    python2 = false,
    /** Where the program points tempfile.tempdir at a directory from mkdtemp (TransformOptions.privateTempdir). */
    readonly privateTempdir?: string,
  ) {
    this.file = new PyFile(source, root);
    this.py2 = python2 || this.file.legacy;
    this.values = new Values(this.file);
    this.lineStarts = lineStartsOf(source);
    const frozen = new Set<number>();
    walk(root, (n) => {
      if ((n.type === 'string' || n.type === 'concatenated_string') && n.endRow > n.row) for (let r = n.row + 1; r <= n.endRow; r++) frozen.add(r);
      return n.type !== 'string';
    });
    this.edits = new PyEdits(source, this.lineStarts, frozen, this.file.eol);
    this.suppression = this.file.suppression();
    this.indentUnit = detectIndentUnit(source, root, this.lineStarts);
  }

  get eol(): string {
    return this.file.eol;
  }

  text(node: PyNode | undefined): string {
    return this.file.text(node);
  }

  /** A comment silences it, or only Python 2 runs it (a finding there is about code Python 3 never reaches). */
  isSuppressed(node: PyNode): boolean {
    return this.suppression.file || this.suppression.rows.has(node.row) || this.suppression.rows.has(statementOf(node).row) || this.file.py2OnlyAt(node) !== undefined;
  }

  /** Records a finding at `node`; a suppressed one is marked and says so. */
  /** `callerRemoves`: what a rewrite leaves for the caller to remove (the summary says so). */
  report(ruleId: string, node: PyNode, message: string, fixed: boolean, callerRemoves?: string): void {
    const suppressed = this.isSuppressed(node);
    const py2 = this.file.py2OnlyAt(node);
    const why = py2 !== undefined && !this.suppression.file && !this.suppression.rows.has(node.row) && !this.suppression.rows.has(statementOf(node).row) ? `(suppressed: only Python 2 runs this code, ${py2})` : '(suppressed)';
    // Print or exec statements: only Python 2 runs this file, which the reader should know (not provable enough to silence it).
    const py2File = this.file.py2Syntax && !message.includes('Python 2 syntax') ? ' (the file uses Python 2 statements such as print x, so Python 3 cannot run it)' : '';
    const text = suppressed && !/\(suppressed[:)]/.test(message) ? `${message}${py2File} ${why}` : `${message}${py2File}`;
    this.findings.push({
      ruleId,
      message: text,
      summary: summarize(text, fixed && !suppressed, callerRemoves),
      ...(callerRemoves && fixed && !suppressed ? { callerRemoves } : {}),
      line: node.row + 1,
      column: node.col + 1,
      endLine: node.endRow + 1,
      endColumn: node.endCol + 1,
      fixed: fixed && !suppressed,
      suppressed,
    });
  }

  /** The whitespace before `node` on its line, or undefined when other code comes first. */
  indentOf(node: PyNode): string | undefined {
    const lineStart = this.lineStarts[node.row];
    const before = this.source.slice(lineStart, node.start);
    return /^[ \t]*$/.test(before) ? before : undefined;
  }

  /** Whether only a comment (or nothing) follows `node` on its last line; a stray `;` before it is no second statement. */
  endsLine(node: PyNode): boolean {
    const next = this.lineStarts[node.endRow + 1] ?? this.source.length;
    const after = this.source.slice(node.end, next);
    return /^[ \t]*;?[ \t]*(#[^\n]*)?\r?\n?$/.test(after);
  }

  /** Offset just after the line break that ends row `row` (the end of the file when none). */
  afterRow(row: number): number {
    return this.lineStarts[row + 1] ?? this.source.length;
  }

  /** A new identifier that clashes with no name in the file nor another new one. */
  fresh(base: string): string {
    let name = base;
    for (let i = 2; this.file.names.has(name) || this.freshNames.has(name); i++) name = `${base}_${i}`;
    this.freshNames.add(name);
    return name;
  }

  output(): string {
    flushWraps(this);
    this.file.imports.flush(this.edits);
    return this.edits.apply();
  }
}

/** The file's indentation step: what its first indented block adds to the line above. */
function detectIndentUnit(source: string, root: PyNode, lineStarts: number[]): string {
  let unit: string | undefined;
  walk(root, (n) => {
    if (unit !== undefined) return false;
    if (n.type !== 'block' || !n.parent || n.children.length === 0) return;
    const first = n.children.find((c) => c.named && c.type !== 'comment');
    if (!first || first.row === n.parent.row) return;
    const inner = leading(source, lineStarts[first.row]);
    const outer = leading(source, lineStarts[n.parent.row]);
    if (inner.startsWith(outer) && inner.length > outer.length) unit = inner.slice(outer.length);
  });
  return unit ?? '    ';
}

function leading(source: string, at: number): string {
  let end = at;
  while (source[end] === ' ' || source[end] === '\t') end++;
  return source.slice(at, end);
}
