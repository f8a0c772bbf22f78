// Small helpers over the plain syntax tree (see parser.ts): fields, statements, blocks, units.
import type { PyNode } from './parser';

export type { PyNode };

export function field(node: PyNode | null | undefined, name: string): PyNode | undefined {
  return node?.children.find((c) => c.field === name);
}

export function fields(node: PyNode, name: string): PyNode[] {
  return node.children.filter((c) => c.field === name);
}

export function named(node: PyNode): PyNode[] {
  return node.children.filter((c) => c.named && c.type !== 'comment');
}

/** Calls `visit` on `node` and every descendant, parents first; returning false skips a subtree. */
export function walk(node: PyNode, visit: (n: PyNode) => boolean | void): void {
  const stack = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (visit(n) === false) continue;
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
}

export function contains(outer: PyNode, inner: PyNode): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** Strips parentheses: `((x))` is `x`. */
export function unwrap(node: PyNode | undefined): PyNode | undefined {
  let n = node;
  while (n?.type === 'parenthesized_expression') n = named(n)[0];
  return n;
}

export const UNIT_TYPES = new Set(['module', 'function_definition', 'lambda', 'class_definition']);
export const LOOP_TYPES = new Set(['for_statement', 'while_statement', 'list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);

/** The function, lambda, class body or module whose scope `node` is in. */
export function unitOf(node: PyNode): PyNode {
  let n = node.parent;
  while (n && !UNIT_TYPES.has(n.type)) n = n.parent;
  // A function's parameters and decorators belong to the scope around it; its name too.
  return n ?? node;
}

/** Whether `node` is a statement: a child of a block or of the module. */
export function isStatement(node: PyNode): boolean {
  return node.named && node.type !== 'comment' && (node.parent?.type === 'block' || node.parent?.type === 'module');
}

/** The statement that holds `node` (itself when it is one). */
export function statementOf(node: PyNode): PyNode {
  let n: PyNode | null = node;
  while (n && !isStatement(n)) n = n.parent;
  return n ?? node;
}

/** The statements of a block or module, comments left out. */
export function statements(block: PyNode): PyNode[] {
  return block.children.filter((c) => c.named && c.type !== 'comment');
}

/** The body block of a unit (the module itself for the module). */
export function bodyOf(unit: PyNode): PyNode | undefined {
  if (unit.type === 'module') return unit;
  return field(unit, 'body');
}

/** The name of a call's callee as dotted text (`os.path.join`), or undefined for other shapes. */
export function dotted(node: PyNode | undefined, source: string): string | undefined {
  const n = unwrap(node);
  if (!n) return undefined;
  if (n.type === 'identifier') return source.slice(n.start, n.end);
  if (n.type === 'attribute') {
    const object = dotted(field(n, 'object'), source);
    const attr = field(n, 'attribute');
    return object && attr ? `${object}.${source.slice(attr.start, attr.end)}` : undefined;
  }
  return undefined;
}

/** The positional and keyword arguments of a call. */
export interface Args {
  positional: PyNode[];
  keywords: Map<string, PyNode>;
  /** `*args` or `**kwargs`: positions cannot be trusted. */
  splat: boolean;
  list?: PyNode;
}

export function argsOf(call: PyNode, source: string): Args {
  const list = field(call, 'arguments');
  const result: Args = { positional: [], keywords: new Map(), splat: false, list };
  if (!list || list.type !== 'argument_list') return result;
  for (const arg of named(list)) {
    if (arg.type === 'keyword_argument') {
      const name = field(arg, 'name');
      const value = field(arg, 'value');
      if (name && value) result.keywords.set(source.slice(name.start, name.end), value);
    } else if (arg.type === 'list_splat' || arg.type === 'dictionary_splat') {
      result.splat = true;
    } else {
      result.positional.push(arg);
    }
  }
  return result;
}

/** An argument by position or keyword. */
export function argument(args: Args, index: number, keyword?: string): PyNode | undefined {
  return (keyword ? args.keywords.get(keyword) : undefined) ?? args.positional[index];
}

/** The value of a plain string literal (no f-string, no bytes), escapes decoded for the simple cases. */
export function stringValue(node: PyNode | undefined, source: string): string | undefined {
  const n = unwrap(node);
  if (!n) return undefined;
  if (n.type === 'concatenated_string') {
    let out = '';
    for (const part of named(n)) {
      const value = stringValue(part, source);
      if (value === undefined) return undefined;
      out += value;
    }
    return out;
  }
  if (n.type !== 'string') return undefined;
  const start = n.children[0];
  const prefix = source.slice(start.start, start.end).replace(/["']+$/, '').toLowerCase();
  if (prefix.includes('f') || prefix.includes('b')) return undefined;
  const raw = prefix.includes('r');
  let out = '';
  for (const part of n.children) {
    if (part.type === 'string_content') out += decode(source.slice(part.start, part.end), raw);
    else if (part.type === 'interpolation') return undefined;
  }
  return out;
}

function decode(text: string, raw: boolean): string {
  if (raw) return text;
  return text.replace(/\\(\r?\n|[\\'"abfnrtv]|x[0-9a-fA-F]{2}|[0-7]{1,3})/g, (_, esc: string) => {
    const simple: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
    if (esc.startsWith('x')) return String.fromCharCode(parseInt(esc.slice(1), 16));
    if (/^[0-7]/.test(esc)) return String.fromCharCode(parseInt(esc, 8));
    if (esc.startsWith('\n') || esc.startsWith('\r')) return '';
    return simple[esc] ?? esc;
  });
}

/** A string node's prefix letters (`f`, `rb`, ...), lower case. */
export function stringPrefix(node: PyNode, source: string): string {
  const start = node.children[0];
  return source.slice(start.start, start.end).replace(/["']+$/, '').toLowerCase();
}

export function isTrue(node: PyNode | undefined): boolean {
  return unwrap(node)?.type === 'true';
}

export function isFalse(node: PyNode | undefined): boolean {
  return unwrap(node)?.type === 'false';
}
