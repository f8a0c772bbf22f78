// One parsed Python file: its text, tree, scopes and imports, and name resolution over them.
import { Imports } from './imports';
import type { PyNode } from './parser';
import { Scopes } from './scope';
import { dotted, field, named, unwrap, walk } from './tree';

const BUILTINS = new Set(['open', 'print', 'str', 'repr', 'len', 'int', 'float', 'bool', 'sorted', 'list', 'tuple', 'set', 'dict', 'format', 'isinstance', 'hash', 'id', 'type', 'any', 'all', 'min', 'max', 'sum', 'enumerate', 'zip', 'map', 'filter', 'range', 'iter', 'next', 'getattr', 'hasattr', 'setattr', 'exec', 'eval', 'compile', 'input']);

/**
 * `from __future__ import print_function` (or division, absolute_import, unicode_literals,
 * with_statement...): only Python 2 needs these, so the file still runs there. (`annotations` is 3.7+.)
 */
const PY2_FUTURES = /\b(print_function|division|absolute_import|unicode_literals|with_statement|generators|nested_scopes)\b/;
/**
 * `sys.version_info[0] < 3`, `sys.version_info < (3,)`, `version_info.major == 2`, `sys.version_info >= (3, 0)`:
 * a branch for Python 2 (not `sys.version_info < (3, 8)`, which tells Python 3 releases apart).
 */
const THREE = String.raw`(?:3\b(?!\s*[,.)])|\(\s*3\s*,?\s*(?:0\s*,?\s*)?\))`;
const PY2_CHECK = new RegExp(String.raw`\bversion_info(?:\s*\[\s*0\s*\]|\.major)?\s*(?:(?:<|>=)\s*${THREE}|(?:==|<=)\s*2\b|>\s*2\b)|\bversion_info\s*(?:\[\s*0\s*\]|\.major)\s*(?:==|!=)\s*3\b`);

/** A test that is true only on Python 2 (`sys.version_info[0] < 3`, `< (3,)`, `== 2`, `six.PY2`), or only on 3. */
const ONLY_PY2 = new RegExp(String.raw`^(?:sys\.)?version_info(?:\s*\[\s*0\s*\]|\.major)?\s*<\s*${THREE}$|^(?:sys\.)?version_info\s*(?:\[\s*0\s*\]|\.major)\s*(?:==\s*2|<=\s*2|!=\s*3)$|^six\.PY2$`);
const ONLY_PY3 = new RegExp(String.raw`^(?:sys\.)?version_info(?:\s*\[\s*0\s*\]|\.major)?\s*>=\s*${THREE}$|^(?:sys\.)?version_info\s*(?:\[\s*0\s*\]|\.major)\s*(?:==\s*3|>\s*2|!=\s*2)$|^six\.PY3$`);

export class PyFile {
  readonly scopes: Scopes;
  readonly imports: Imports;
  readonly names = new Set<string>();
  readonly eol: string;
  readonly comments: PyNode[] = [];
  /** Python 2 statements (`print 'x'`, `exec code`): Python 3 cannot run the file at all. */
  readonly py2Syntax: boolean;
  /** Blocks that only Python 2 runs (`if sys.version_info[0] < 3:`, the `else` of `if PY3:`), with the test. */
  readonly py2Only: { start: number; end: number; test: string }[] = [];
  /** Python 2 syntax (print statements, exec statements), Python 2 `__future__` imports or a Python 2 version check: new code must run there too. */
  readonly legacy: boolean;

  constructor(
    readonly source: string,
    readonly root: PyNode,
  ) {
    let legacy = false;
    let py2Syntax = false;
    walk(root, (node) => {
      if (node.type === 'comment') this.comments.push(node);
      else if (node.type === 'print_statement' || node.type === 'exec_statement') legacy = py2Syntax = true;
      else if (node.type === 'future_import_statement' && PY2_FUTURES.test(source.slice(node.start, node.end))) legacy = true;
      else if (node.type === 'comparison_operator' && PY2_CHECK.test(source.slice(node.start, node.end))) legacy = true;
    });
    this.legacy = legacy;
    this.py2Syntax = py2Syntax;
    this.scopes = new Scopes(root, source);
    for (const id of this.scopes.identifiers) this.names.add(this.text(id));
    const crlf = (source.match(/\r\n/g) ?? []).length;
    const lf = (source.match(/\n/g) ?? []).length;
    this.eol = crlf > 0 && crlf * 2 >= lf ? '\r\n' : '\n';
    this.imports = new Imports(root, source, this.names, this.eol);
    this.findPy2Only(root);
  }

  /** Whether `node` lies in a block that only Python 2 runs: the test that says so. */
  py2OnlyAt(node: PyNode): string | undefined {
    return this.py2Only.find((b) => b.start <= node.start && node.end <= b.end)?.test;
  }

  private findPy2Only(root: PyNode): void {
    // `PY2 = sys.version_info[0] == 2` bound once at module level, or `from six import PY2`.
    const flags = new Map<string, 'py2' | 'py3'>();
    for (const statement of named(root)) {
      const e = statement.type === 'expression_statement' ? named(statement)[0] : undefined;
      const left = e?.type === 'assignment' ? unwrap(field(e, 'left')) : undefined;
      if (left?.type !== 'identifier') continue;
      const which = this.versionTest(field(e!, 'right'), flags);
      if (which) flags.set(this.text(left), which);
    }
    for (const name of [...flags.keys()]) if ((this.scopes.bindingUnit(name, root)?.assignments.get(name) ?? []).length !== 1) flags.delete(name);
    for (const name of ['PY2', 'PY3']) {
      if (this.imports.resolve(name, root) === `six.${name}`) flags.set(name, name === 'PY2' ? 'py2' : 'py3');
    }
    walk(root, (node) => {
      if (node.type !== 'if_statement') return undefined;
      const condition = field(node, 'condition');
      const which = this.versionTest(condition, flags);
      const alternatives = node.children.filter((c) => c.field === 'alternative');
      const blocks = which === 'py2' ? [field(node, 'consequence')] : which === 'py3' ? alternatives : [];
      const test = which === 'py2' ? `under 'if ${this.text(condition)}:'` : `in the other branch of 'if ${this.text(condition)}:'`;
      for (const block of blocks) if (block) this.py2Only.push({ start: block.start, end: block.end, test });
      return undefined;
    });
  }

  private versionTest(node: PyNode | undefined, flags: Map<string, 'py2' | 'py3'>): 'py2' | 'py3' | undefined {
    const n = unwrap(node);
    if (!n) return undefined;
    if (n.type === 'not_operator') {
      const inner = this.versionTest(field(n, 'argument'), flags);
      return inner === 'py2' ? 'py3' : inner === 'py3' ? 'py2' : undefined;
    }
    const text = this.text(n).replace(/\s+/g, ' ');
    if (n.type === 'identifier') return flags.get(text);
    if (n.type === 'attribute' && this.qualified(n) === 'six.PY2') return 'py2';
    if (n.type === 'attribute' && this.qualified(n) === 'six.PY3') return 'py3';
    if (n.type !== 'comparison_operator') return undefined;
    // `sys` must be the module: `version_info` alone only when imported from it.
    const head = text.startsWith('sys.') ? this.imports.resolve('sys.version_info', n) : text.startsWith('version_info') ? this.imports.resolve('version_info', n) : undefined;
    if (head !== 'sys.version_info') return undefined;
    return ONLY_PY2.test(text) ? 'py2' : ONLY_PY3.test(text) ? 'py3' : undefined;
  }

  text(node: PyNode | undefined): string {
    return node ? this.source.slice(node.start, node.end) : '';
  }

  /**
   * The qualified name a callee or attribute stands for: `tf.mkstemp` is `tempfile.mkstemp`, `join`
   * from `from os.path import join` is `os.path.join`, an unbound `open` is `builtins.open`. A name
   * the code assigns itself stands for nothing known.
   */
  qualified(node: PyNode | undefined): string | undefined {
    const n = unwrap(node);
    const name = dotted(n, this.source);
    if (!n || !name) return undefined;
    const head = name.split('.')[0];
    let at = n;
    while (at.type === 'attribute') at = field(at, 'object')!;
    const unit = this.scopes.bindingUnit(head, at);
    if (!unit) return BUILTINS.has(head) ? `builtins.${name}` : undefined;
    const assignments = unit.assignments.get(head) ?? [];
    if (assignments.some((a) => a.kind !== 'import')) return undefined;
    return this.imports.resolve(name, at);
  }

  /** The attribute name of a method call (`write_text` in `p.write_text(x)`). */
  method(call: PyNode): { object: PyNode; name: string } | undefined {
    const callee = unwrap(field(call, 'function'));
    if (callee?.type !== 'attribute') return undefined;
    const object = field(callee, 'object');
    const attr = field(callee, 'attribute');
    return object && attr ? { object, name: this.text(attr) } : undefined;
  }

  /** Comments that silence findings: the rows below `# tmpfix-ignore-next-line`, or the whole file. */
  suppression(): { file: boolean; rows: Set<number> } {
    const rows = new Set<number>();
    let file = false;
    for (const c of this.comments) {
      const text = this.text(c);
      if (/tmpfix-ignore-file/.test(text)) file = true;
      if (/tmpfix-ignore-next-line/.test(text)) rows.add(c.endRow + 1);
    }
    return { file, rows };
  }

  firstNamed(node: PyNode): PyNode | undefined {
    return named(node)[0];
  }
}
