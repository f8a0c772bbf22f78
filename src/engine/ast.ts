/** A Babel AST node as jscodeshift hands it over: positions are always present on parsed nodes. */
export interface Node {
  type: string;
  start: number;
  end: number;
  loc: { start: { line: number; column: number }; end: { line: number; column: number } };
  extra?: { raw?: string; parenthesized?: boolean; parenStart?: number };
  // Babel nodes carry type-specific fields; the helpers below read them by name.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [field: string]: any;
}

/**
 * Where a value sits in the tree, as jscodeshift's paths say it (the same fields, read the same way):
 * `value` is what is there (a node, an array of them, null), `node` the nearest node at or above it,
 * `parentPath` the path one step up, `parent` the path of the node that holds this one, and `name`
 * the key or index it is held under.
 */
export interface Path {
  readonly value: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  readonly node: Node;
  readonly parentPath: Path | null;
  readonly parent: Path | null;
  readonly name: string | number | null;
  get(...names: (string | number)[]): Path;
}

const FUNCTION_TYPES = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'ObjectMethod',
  'ClassMethod',
  'ClassPrivateMethod',
]);

const LOOP_TYPES = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);

export function isFunction(node: Node | null | undefined): boolean {
  return !!node && FUNCTION_TYPES.has(node.type);
}

export function isLoop(node: Node): boolean {
  return LOOP_TYPES.has(node.type);
}

const WRAPPERS = ['TSAsExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'TSSatisfiesExpression', 'TypeCastExpression'];

/** The path of the value inside TypeScript wrappers (`x as T`, `x!`, `<T>x`), so that children are found from it. */
export function unwrapPath(path: Path): Path {
  let current = path;
  while (WRAPPERS.includes(current.node.type)) current = current.get('expression') as Path;
  return current;
}

/** Drops TypeScript wrappers that do not change the value (`x as T`, `x!`, `<T>x`). */
export function unwrap(node: Node): Node {
  let current = node;
  while (WRAPPERS.includes(current.type)) {
    current = current.expression as Node;
  }
  return current;
}

/** The value of a string literal or of a template literal without expressions. */
export function stringValue(node: Node | undefined | null): string | undefined {
  if (!node) return undefined;
  const n = unwrap(node);
  if (n.type === 'StringLiteral' || (n.type === 'Literal' && typeof n.value === 'string')) return n.value as string;
  if (n.type === 'TemplateLiteral' && n.expressions.length === 0) return n.quasis[0].value.cooked as string;
  return undefined;
}

/** `a.b` or `a['b']` → 'b'. */
export function propertyName(member: Node): string | undefined {
  const prop = member.property as Node;
  if (!member.computed && (prop.type === 'Identifier' || prop.type === 'PrivateName')) return prop.name ?? prop.id?.name;
  return stringValue(prop);
}

export function isMember(node: Node): boolean {
  return node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression';
}

export function isCall(node: Node): boolean {
  return node.type === 'CallExpression' || node.type === 'OptionalCallExpression';
}

/**
 * `require`, and `__require`: the name esbuild's and rolldown's output give it (a shim of their
 * runtime, or `createRequire(import.meta.url)` in an ES module).
 */
export function isRequireName(name: unknown): boolean {
  return name === 'require' || name === '__require';
}

/** `require('x')` → 'x'. */
export function requireSource(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  const n = unwrap(node);
  if (!isCall(n) || n.callee.type !== 'Identifier' || !isRequireName(n.callee.name) || n.arguments.length !== 1) return undefined;
  return stringValue(n.arguments[0]);
}

/** The nearest enclosing function path, or the Program path. */
export function ownerOf(path: Path): Path {
  let current: Path | null = path.parent as Path | null;
  while (current) {
    if (isFunction(current.node) || current.node.type === 'Program') return current;
    current = current.parent as Path | null;
  }
  throw new Error('node outside a Program');
}

/** True when `path` sits inside a function nested in `owner` (its value may be used later). */
export function inNestedFunction(path: Path, owner: Path): boolean {
  return ownerOf(path).node !== owner.node;
}

/** Calls `visit` for every node under `node`, without entering nested functions when `shallow`. */
export function walk(node: Node, visit: (child: Node, parent: Node) => void | false, shallow = false): void {
  for (const key of Object.keys(node)) {
    if (key === 'loc' || key === 'extra' || key === 'comments' || key === 'leadingComments' || key === 'trailingComments' || key === 'tokens' || key === 'original') continue;
    const value = node[key];
    const children: unknown[] = Array.isArray(value) ? value : [value];
    for (const child of children) {
      if (!child || typeof child !== 'object' || typeof (child as Node).type !== 'string') continue;
      const c = child as Node;
      if (visit(c, node) === false) continue;
      if (shallow && isFunction(c)) continue;
      walk(c, visit, shallow);
    }
  }
}

/** True when `inner` lies within `outer` (by source position). */
export function contains(outer: Node, inner: Node): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

