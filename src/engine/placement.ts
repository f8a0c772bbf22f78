// Where a function's private directory goes: the innermost statement list that holds every use of
// its temp paths, and the range of statements that the try block must cover.
import { contains, isFunction, isLoop, walk, type Node, type Path } from './ast';

export interface Level {
  list: Node;
  index: number;
  statement: Path;
}

/** The statement lists between the owner and `path`, outermost first. */
export function chain(path: Path, owner: Path): Level[] {
  const levels: Level[] = [];
  for (let p: Path | null = path; p && p.node !== owner.node; p = p.parent as Path | null) {
    const container = p.parentPath as Path | null;
    const parent = p.parent as Path | null;
    if (!container || !parent || !Array.isArray(container.value)) continue;
    const t = parent.node.type;
    if ((t === 'BlockStatement' || t === 'Program' || t === 'StaticBlock') && container.name === 'body') {
      levels.unshift({ list: parent.node, index: p.name as number, statement: p });
    }
  }
  return levels;
}

export interface Placement {
  list: Node;
  first: number;
  last: number;
}

export function place(elements: Path[], owner: Path, maxDepth = Infinity): Placement | undefined {
  const chains = elements.map((e) => chain(e, owner)).filter((c) => c.length > 0);
  if (chains.length === 0) return undefined;
  let depth = 0;
  while (depth < maxDepth) {
    const list = chains[0][depth].list;
    if (!chains.every((c) => c.length > depth && c[depth].list === list)) break;
    const sameIndex = chains.every((c) => c[depth].index === chains[0][depth].index);
    const deeper = chains.every((c) => c.length > depth + 1 && c[depth + 1].list === chains[0][depth + 1].list);
    if (sameIndex && deeper) {
      depth++;
      continue;
    }
    break;
  }
  // `depth` may have stepped past a level where the lists differ; step back until every chain shares it.
  while (depth > 0 && !chains.every((c) => c.length > depth && c[depth].list === chains[0][depth].list)) depth--;
  const indexes = chains.map((c) => c[depth].index);
  return { list: chains[0][depth].list, first: Math.min(...indexes), last: Math.max(...indexes) };
}

export function identifiersIn(node: Node, into: Set<string>): void {
  const add = (n: Node) => {
    if (n.type === 'Identifier' || n.type === 'JSXIdentifier') into.add(n.name);
  };
  add(node);
  walk(node, add);
}

/**
 * The names a statement may read from around it: a nested function's own parameters and locals
 * (`function build() { const link = … }`) are its own, not a use of the outer `link`.
 */
function freeNamesIn(node: Node, into: Set<string>): void {
  const visit = (n: Node, bound: ReadonlySet<string>): void => {
    if (n.type === 'Identifier' || n.type === 'JSXIdentifier') {
      if (!bound.has(n.name)) into.add(n.name);
      return;
    }
    let inner = bound;
    if (isFunction(n)) {
      const own = new Set(bound);
      for (const param of n.params as Node[]) identifiersIn(param, own);
      if (n.type === 'FunctionExpression' && n.id) own.add(n.id.name);
      walk(n.body, (c) => {
        if (c.type === 'VariableDeclarator') identifiersIn(c.id, own);
        else if ((c.type === 'FunctionDeclaration' || c.type === 'ClassDeclaration') && c.id) own.add(c.id.name);
      }, true);
      inner = own;
    }
    walk(n, (child) => {
      visit(child, inner);
      return false;
    });
  };
  visit(node, new Set());
}

export function declaredNames(statement: Node): string[] {
  const target = statement.type === 'ExportNamedDeclaration' && statement.declaration ? statement.declaration : statement;
  if (target.type === 'VariableDeclaration') {
    const names = new Set<string>();
    for (const d of target.declarations as Node[]) identifiersIn(d.id, names);
    return [...names];
  }
  if ((target.type === 'FunctionDeclaration' || target.type === 'ClassDeclaration') && target.id) return [target.id.name];
  return [];
}

/** Grows [first, last] until no name declared inside is used outside (it moves into a block). */
export function extendForDeclarations(placement: Placement): void {
  const body = placement.list.body as Node[];
  for (let changed = true; changed; ) {
    changed = false;
    const declared = new Set<string>();
    for (let i = placement.first; i <= placement.last; i++) for (const n of declaredNames(body[i])) declared.add(n);
    if (declared.size === 0) return;
    for (let i = 0; i < body.length; i++) {
      if (i >= placement.first && i <= placement.last) continue;
      const used = new Set<string>();
      freeNamesIn(body[i], used);
      if ([...declared].some((n) => used.has(n))) {
        if (i < placement.first) placement.first = i;
        else placement.last = i;
        changed = true;
      }
    }
  }
}

/** A loop inside `owner` that encloses `list`, seen from an element inside `list`. */
export function loopAround(list: Node, element: Path, owner: Path): boolean {
  if (!contains(list, element.node)) return false;
  for (let p = element.parent as Path | null; p && p.node !== owner.node; p = p.parent as Path | null) {
    if (isLoop(p.node) && contains(p.node, list) && p.node !== list) return true;
  }
  return false;
}

export function inLoopBelow(path: Path, list: Node): boolean {
  for (let p = path.parent as Path | null; p && p.node !== list; p = p.parent as Path | null) {
    if (isLoop(p.node) || isFunction(p.node)) return true;
  }
  return false;
}
