// Which declaration a name refers to, with block scopes (`let`, `const`, `class`, `for (const x …)`,
// `catch (e)`). Function-level scopes (ast-types', jscodeshift's) would let a `const fs` in a loop body hide
// the module's `fs` from the whole function.
import { isFunction, walk, type Node, type Path } from './ast';

export interface Declaration {
  /** The node whose scope holds the name: Program, a function, a block, a for statement, a catch clause. */
  scope: Node;
  /** The identifier that declares it. */
  id: Node;
  /** The variable declarator, when it is one (for its initialiser and its kind). */
  declarator?: Node;
  kind?: 'var' | 'let' | 'const' | 'using' | 'await using';
}

/** Binding identifiers of a pattern (`{ a, b: [c, ...d] = x }` → a, c, d). */
export function patternIdentifiers(pattern: Node | null | undefined, into: Node[] = []): Node[] {
  if (!pattern) return into;
  switch (pattern.type) {
    case 'Identifier':
      into.push(pattern);
      break;
    case 'ObjectPattern':
      for (const prop of pattern.properties as Node[]) patternIdentifiers(prop.type === 'RestElement' ? prop.argument : prop.value, into);
      break;
    case 'ArrayPattern':
      for (const element of pattern.elements as (Node | null)[]) patternIdentifiers(element, into);
      break;
    case 'RestElement':
      patternIdentifiers(pattern.argument, into);
      break;
    case 'AssignmentPattern':
      patternIdentifiers(pattern.left, into);
      break;
    case 'TSParameterProperty':
      patternIdentifiers(pattern.parameter, into);
      break;
  }
  return into;
}

type Table = Map<string, Declaration>;

/** Node types that can declare a name themselves (functions aside): every other node's table would be empty. */
const SCOPE_TYPES = new Set(['Program', 'BlockStatement', 'StaticBlock', 'SwitchStatement', 'ForStatement', 'ForInStatement', 'ForOfStatement', 'CatchClause', 'ClassExpression']);

/** What a file's tree already knows: every variable declarator and the parent links, so that `var`s need no walk. */
export interface DeclaratorIndex {
  readonly declarators: readonly Node[];
  parentOf(node: Node): Node | undefined;
}

export class Scopes {
  private readonly tables = new Map<Node, Table>();
  /** `var` declarations by the node they hoist to (a function's body, or the Program), from the index. */
  private varsByOwner?: Map<Node, { id: Node; declarator: Node }[]>;

  constructor(private readonly index?: DeclaratorIndex) {}
  private readonly identifierMemo = new Map<Node, Declaration | undefined>();

  /** The declaration `name` refers to at `path`, or undefined for a global or an undeclared name. */
  lookup(path: Path, name: string): Declaration | undefined {
    // Most questions are about an identifier's own name, asked again by each rule: answered once.
    const own = path.node.type === 'Identifier' && path.node.name === name;
    if (own && this.identifierMemo.has(path.node)) return this.identifierMemo.get(path.node);
    const found = this.resolve(path, name);
    if (own) this.identifierMemo.set(path.node, found);
    return found;
  }

  private resolve(path: Path, name: string): Declaration | undefined {
    let child: Node = path.node;
    for (let p = path.parent as Path | null; p; child = p.node, p = p.parent as Path | null) {
      const node = p.node;
      if (!SCOPE_TYPES.has(node.type)) {
        if (!isFunction(node)) continue;
        // A function's parameters and body see its own declarations; its name and defaults do not see the body's.
        if (node.body !== child && !(node.params as Node[]).includes(child)) continue;
      }
      const found = this.table(node).get(name);
      if (found) return found;
    }
    return undefined;
  }

  /** True when something between `inner` and the Program declares `name` (so a top-level binding is hidden). */
  shadowed(inner: Path, name: string): boolean {
    const found = this.lookup(inner, name);
    return !!found && found.scope.type !== 'Program';
  }

  /** The names a scope node declares itself. */
  private table(node: Node): Table {
    let table = this.tables.get(node);
    if (table) return table;
    table = new Map();
    this.tables.set(node, table);
    const add = (id: Node, extra: Partial<Declaration> = {}) => {
      if (!table!.has(id.name)) table!.set(id.name, { scope: node, id, ...extra });
    };
    const addDeclaration = (statement: Node, lexicalOnly: boolean) => {
      const target = statement.type.startsWith('Export') && statement.declaration ? statement.declaration : statement;
      if (target.type === 'VariableDeclaration') {
        if (lexicalOnly && target.kind === 'var') return;
        for (const d of target.declarations as Node[]) for (const id of patternIdentifiers(d.id)) add(id, { declarator: d, kind: target.kind });
      } else if ((target.type === 'FunctionDeclaration' || target.type === 'ClassDeclaration' || target.type === 'TSEnumDeclaration') && target.id) {
        add(target.id);
      } else if (target.type === 'ImportDeclaration') {
        for (const spec of target.specifiers as Node[]) add(spec.local);
      } else if (target.type === 'TSImportEqualsDeclaration') {
        add(target.id);
      }
    };
    switch (node.type) {
      case 'Program':
        for (const statement of node.body as Node[]) addDeclaration(statement, false);
        for (const v of this.hoisted(node)) add(v.id, { declarator: v.declarator, kind: 'var' });
        break;
      case 'BlockStatement':
      case 'StaticBlock':
        for (const statement of node.body as Node[]) addDeclaration(statement, true);
        break;
      case 'SwitchStatement':
        for (const c of node.cases as Node[]) for (const statement of c.consequent as Node[]) addDeclaration(statement, true);
        break;
      case 'ForStatement':
        if (node.init?.type === 'VariableDeclaration') addDeclaration(node.init, true);
        break;
      case 'ForInStatement':
      case 'ForOfStatement':
        if (node.left?.type === 'VariableDeclaration') addDeclaration(node.left, true);
        break;
      case 'CatchClause':
        for (const id of patternIdentifiers(node.param)) add(id);
        break;
      case 'ClassExpression':
        if (node.id) add(node.id);
        break;
      default:
        if (isFunction(node)) {
          for (const param of node.params as Node[]) for (const id of patternIdentifiers(param)) add(id);
          if (node.type === 'FunctionExpression' && node.id) add(node.id);
          if (node.body?.type === 'BlockStatement') {
            for (const v of this.hoisted(node.body)) add(v.id, { declarator: v.declarator, kind: 'var' });
          }
        }
    }
    return table;
  }

  /** The `var`s that belong to `owner` (the Program or a function's body), in source order. */
  private hoisted(owner: Node): { id: Node; declarator: Node }[] {
    if (!this.index) return hoistedVars(owner);
    if (!this.varsByOwner) {
      const byOwner = new Map<Node, { id: Node; declarator: Node }[]>();
      for (const declarator of this.index.declarators) {
        const declaration = this.index.parentOf(declarator);
        if (declaration?.type !== 'VariableDeclaration' || declaration.kind !== 'var') continue;
        // The nearest function or the Program: where the walk of hoistedVars() would find it.
        let at = this.index.parentOf(declaration);
        while (at && !isFunction(at) && at.type !== 'Program') at = this.index.parentOf(at);
        if (!at) continue;
        const key = at.type === 'Program' ? at : at.body;
        if (!key) continue;
        const list = byOwner.get(key) ?? [];
        for (const id of patternIdentifiers(declarator.id)) list.push({ id, declarator });
        byOwner.set(key, list);
      }
      this.varsByOwner = byOwner;
    }
    return this.varsByOwner.get(owner) ?? [];
  }
}

/** `var` declarations anywhere under `node`, not inside nested functions: they belong to the enclosing function. */
function hoistedVars(node: Node): { id: Node; declarator: Node }[] {
  const found: { id: Node; declarator: Node }[] = [];
  const collect = (n: Node) => {
    if (n.type !== 'VariableDeclaration' || n.kind !== 'var') return;
    for (const d of n.declarations as Node[]) for (const id of patternIdentifiers(d.id)) found.push({ id, declarator: d });
  };
  collect(node);
  walk(node, (n) => (isFunction(n) ? false : collect(n)));
  return found;
}
