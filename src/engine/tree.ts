// Plain walks over Babel's tree give what the rules look up, and ast-types paths (for scopes) are
// made only for the few nodes that need one. jscodeshift's `find` would build a path for every node
// of the file, many times over: on files that name the temp directory it cost ten times the parse.
import { contains, type Node, type Path } from './ast';

interface Link {
  parent: Node;
  key: string;
  index: number | null;
}

const SKIP = new Set(['type', 'loc', 'extra', 'comments', 'leadingComments', 'trailingComments', 'innerComments', 'tokens', 'start', 'end', 'range']);

// @babel/types and ast-types load with the first tree, not with the engine's modules.
let visitorKeys: Record<string, string[] | undefined> | undefined;
function keysByType(): Record<string, string[] | undefined> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  visitorKeys ??= (require('@babel/types') as typeof import('@babel/types')).VISITOR_KEYS;
  return visitorKeys;
}

/** The keys that hold child nodes: Babel's own visitor keys, or for a type it does not list, every key. */
function childKeys(node: Node): readonly string[] {
  return keysByType()[node.type] ?? Object.keys(node).filter((key) => !SKIP.has(key));
}
const SHARED_PREFIX = /^(\/tmp|\/var\/tmp|\/dev\/shm)(\/|$)/;
const TMP_NAMES = new Set(['tmpdir', 'TMPDIR', 'TMP', 'TEMP']);
const INDEXED = new Set(['CallExpression', 'OptionalCallExpression', 'BinaryExpression', 'TemplateLiteral', 'StringLiteral', 'IfStatement', 'TryStatement']);

/** Calls `each(child, key, index)` for every child node. */
function forChildren(node: Node, each: (child: Node, key: string, index: number | null) => void): void {
  for (const key of childKeys(node)) {
    const value = node[key];
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const child = value[i];
        if (child && typeof child.type === 'string') each(child, key, i);
      }
    } else if (typeof value.type === 'string') each(value, key, null);
  }
}

export class Tree {
  readonly program: Node;
  /** Every identifier name in the file: a new name outside this set cannot clash or shadow. */
  readonly names = new Set<string>();
  readonly stringRaws: string[] = [];
  readonly imports: Node[] = [];
  readonly declarators: Node[] = [];
  hasExports = false;
  readonly mentionsTmpDir: boolean;
  /** Parent links, kept for the nodes that have to do with the temp directory (and so their ancestors). */
  private readonly links = new Map<Node, Link>();
  private readonly hotByType = new Map<string, Node[]>();
  private readonly hotIdentifiers = new Map<string, Node[]>();
  private readonly paths = new Map<Node, Path>();
  private readonly rootPath: Path;

  constructor(readonly file: Node) {
    this.program = file.program as Node;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { NodePath } = require('ast-types') as typeof import('ast-types');
    this.rootPath = new NodePath(file) as unknown as Path;
    // `import { tmpdir as systemTemp }`, `const { tmpdir: root } = require('os')`: new names for os.tmpdir.
    const aliases = new Set<string>();
    const mentioningDeclarators = new Set<Node>();

    // One walk: names, module declarations, and the nodes whose subtree names the temp directory
    // (most files have none and stop here). Parent links are kept for those nodes only.
    const identifiers: Node[] = [];
    const assignments: Node[] = [];
    const hot = new Set<Node>();
    const scan = (node: Node): boolean => {
      let mention = false;
      switch (node.type) {
        case 'Identifier':
          this.names.add(node.name);
          identifiers.push(node);
          mention = TMP_NAMES.has(node.name);
          break;
        case 'StringLiteral':
          if (node.extra?.raw) this.stringRaws.push(node.extra.raw);
          mention = SHARED_PREFIX.test(node.value) || TMP_NAMES.has(node.value);
          break;
        case 'TemplateElement':
          mention = SHARED_PREFIX.test(node.value.cooked ?? node.value.raw ?? '');
          break;
        case 'ImportDeclaration':
        case 'TSImportEqualsDeclaration':
          this.imports.push(node);
          break;
        case 'VariableDeclarator':
          this.declarators.push(node);
          break;
        case 'AssignmentExpression':
        case 'AssignmentPattern':
          // `file = path.join(…)`, and a parameter default `(out = path.join(…)) =>`.
          if (node.left.type === 'Identifier') assignments.push(node);
          break;
        case 'ExportNamedDeclaration':
        case 'ExportDefaultDeclaration':
        case 'ExportAllDeclaration':
          this.hasExports = true;
          break;
        case 'ImportSpecifier':
          if ((node.imported?.name ?? node.imported?.value) === 'tmpdir') aliases.add(node.local.name);
          break;
        case 'ObjectProperty':
        case 'Property':
          if (!node.computed && node.key?.name === 'tmpdir' && node.value?.type === 'Identifier') aliases.add(node.value.name);
          break;
      }
      // The child loop of forChildren, inlined: this walk runs on every parsed file, and a callback
      // per child cost a third of its time.
      for (const key of childKeys(node)) {
        const value = node[key];
        if (value === null || typeof value !== 'object') continue;
        if (Array.isArray(value)) {
          for (let i = 0; i < value.length; i++) {
            const child = value[i];
            if (child && typeof child.type === 'string' && scan(child)) {
              mention = true;
              this.links.set(child, { parent: node, key, index: i });
            }
          }
        } else if (typeof value.type === 'string' && scan(value)) {
          mention = true;
          this.links.set(value, { parent: node, key, index: null });
        }
      }
      if (mention) {
        hot.add(node);
        if (node.type === 'VariableDeclarator' || node.type === 'AssignmentExpression' || node.type === 'AssignmentPattern') mentioningDeclarators.add(node);
      }
      return mention;
    };
    this.mentionsTmpDir = scan(file);
    if (!this.mentionsTmpDir) return;

    // Variables that hold the temp directory or a path under it, transitively (`const file = path.join(base, 'x')`).
    const holders = new Set<string>(aliases);
    for (let grown = true; grown; ) {
      grown = false;
      for (const d of this.declarators) {
        if (d.id.type !== 'Identifier' || !d.init || holders.has(d.id.name)) continue;
        if (mentioningDeclarators.has(d) || mentionsNames(d.init, holders)) {
          holders.add(d.id.name);
          grown = true;
        }
      }
      // `file = path.join(os.tmpdir(), 'x')` in a beforeEach: the variable holds a temp path too.
      for (const a of assignments) {
        if (holders.has(a.left.name)) continue;
        if (mentioningDeclarators.has(a) || mentionsNames(a.right, holders)) {
          holders.add(a.left.name);
          grown = true;
        }
      }
    }
    // Their uses have to do with the temp directory too, and so does everything around them.
    for (const id of identifiers) {
      if (!holders.has(id.name)) continue;
      push(this.hotIdentifiers, id.name, id);
      for (let n: Node | undefined = id; n && !hot.has(n); n = (this.links.get(n) ?? this.findLink(n))?.parent) hot.add(n);
    }
    for (const node of hot) if (INDEXED.has(node.type)) push(this.hotByType, node.type, node);
    for (const list of this.hotByType.values()) list.sort((a, b) => a.start - b.start);
  }

  /** Nodes of one type whose subtree has to do with the temp directory, in source order. */
  hotOfType(type: string): Node[] {
    return this.hotByType.get(type) ?? [];
  }

  /** The identifiers named `name` inside `within`. */
  identifiersNamed(name: string, within: Node): Node[] {
    const hot = this.hotIdentifiers.get(name);
    if (hot) return hot.filter((n) => contains(within, n));
    const found: Node[] = [];
    const visit = (node: Node): void => {
      if (node.type === 'Identifier' && node.name === name) found.push(node);
      forChildren(node, visit);
    };
    visit(within);
    return found;
  }

  /** The ast-types path of a node, built from the root along parent links or source positions (and cached). */
  pathOf(node: Node): Path {
    const cached = this.paths.get(node);
    if (cached) return cached;
    if (node === this.file) return this.rootPath;
    const link = this.links.get(node) ?? this.findLink(node);
    if (!link) throw new Error(`node ${node.type} at ${node.start} is not in the tree`);
    const parentPath = this.pathOf(link.parent);
    const path = (link.index === null ? parentPath.get(link.key) : parentPath.get(link.key, link.index)) as Path;
    this.paths.set(node, path);
    return path;
  }

  /**
   * Finds a node's parent by descending from the root through the children whose range contains it.
   * Several children can share a range (the key and value of a shorthand property), so each is tried.
   */
  private findLink(target: Node): Link | undefined {
    const search = (current: Node): Link | undefined => {
      let result: Link | undefined;
      forChildren(current, (child, key, index) => {
        if (result || child.start > target.start || target.end > child.end) return;
        if (child === target) result = { parent: current, key, index };
        else if (search(child)) {
          this.links.set(child, { parent: current, key, index });
          result = this.links.get(target);
        }
      });
      if (result) this.links.set(target, result);
      return result;
    };
    return search(this.file);
  }
}

function push(map: Map<string, Node[]>, key: string, node: Node): void {
  const list = map.get(key);
  if (list) list.push(node);
  else map.set(key, [node]);
}

function mentionsNames(node: Node, names: Set<string>): boolean {
  if (names.size === 0) return false;
  if (node.type === 'Identifier') return names.has(node.name);
  let found = false;
  forChildren(node, (child) => {
    if (!found && mentionsNames(child, names)) found = true;
  });
  return found;
}
