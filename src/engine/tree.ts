// One plain walk over Babel's tree gives everything the rules look up by type or by name, and the
// parent of every node. ast-types paths (for scopes) are made only for the few nodes that need one:
// jscodeshift's `find` would build a path for every node of the file, many times over.
import { NodePath } from 'ast-types';
import type { Node, Path } from './ast';

interface Link {
  parent: Node;
  key: string;
  index: number | null;
}

const SKIP = new Set(['loc', 'extra', 'comments', 'leadingComments', 'trailingComments', 'innerComments', 'tokens', 'start', 'end', 'range']);
const SHARED_PREFIX = /^(\/tmp|\/var\/tmp|\/dev\/shm)(\/|$)/;
const TMP_NAMES = new Set(['tmpdir', 'TMPDIR', 'TMP', 'TEMP']);
const INDEXED = new Set([
  'CallExpression', 'OptionalCallExpression', 'BinaryExpression', 'TemplateLiteral', 'StringLiteral',
  'IfStatement', 'ImportDeclaration', 'VariableDeclarator', 'ExportNamedDeclaration', 'ExportDefaultDeclaration',
]);

/** A node that names the shared temp directory by itself. */
function isMention(node: Node): boolean {
  switch (node.type) {
    case 'StringLiteral':
      return SHARED_PREFIX.test(node.value) || TMP_NAMES.has(node.value);
    case 'TemplateElement':
      return SHARED_PREFIX.test(node.value.cooked ?? node.value.raw ?? '');
    case 'Identifier':
      return TMP_NAMES.has(node.name);
    default:
      return false;
  }
}

export class Tree {
  readonly program: Node;
  /** Every identifier name in the file: a new name outside this set cannot clash or shadow. */
  readonly names = new Set<string>();
  readonly stringRaws: string[] = [];
  private readonly links = new Map<Node, Link>();
  private readonly byType = new Map<string, Node[]>();
  private readonly identifiers = new Map<string, Node[]>();
  private readonly paths = new Map<Node, Path>();
  private readonly rootPath: Path;
  /** Nodes whose subtree names the temp directory, directly or through a variable that holds it. */
  private readonly hot = new Set<Node>();
  readonly mentionsTmpDir: boolean;

  constructor(readonly file: Node) {
    this.program = file.program as Node;
    this.rootPath = new NodePath(file) as unknown as Path;
    const mentions = new Set<Node>();
    // `import { tmpdir as systemTemp }`, `const { tmpdir: root } = require('os')`: new names for os.tmpdir.
    const aliases = new Set<string>();
    const visit = (node: Node): boolean => {
      let hot = isMention(node);
      if (node.type === 'Identifier') {
        this.names.add(node.name);
        const list = this.identifiers.get(node.name);
        if (list) list.push(node);
        else this.identifiers.set(node.name, [node]);
      } else if (node.type === 'StringLiteral' && node.extra?.raw) {
        this.stringRaws.push(node.extra.raw);
      } else if (node.type === 'ImportSpecifier' && (node.imported?.name ?? node.imported?.value) === 'tmpdir') {
        aliases.add(node.local.name);
      } else if ((node.type === 'ObjectProperty' || node.type === 'Property') && !node.computed && node.key?.name === 'tmpdir' && node.value?.type === 'Identifier') {
        aliases.add(node.value.name);
      }
      if (INDEXED.has(node.type)) {
        const list = this.byType.get(node.type);
        if (list) list.push(node);
        else this.byType.set(node.type, [node]);
      }
      for (const key in node) {
        if (SKIP.has(key)) continue;
        const value = node[key];
        if (value === null || typeof value !== 'object') continue;
        if (Array.isArray(value)) {
          for (let i = 0; i < value.length; i++) {
            const child = value[i];
            if (!child || typeof child.type !== 'string') continue;
            this.links.set(child, { parent: node, key, index: i });
            if (visit(child)) hot = true;
          }
        } else if (typeof value.type === 'string') {
          this.links.set(value, { parent: node, key, index: null });
          if (visit(value)) hot = true;
        }
      }
      if (hot) mentions.add(node);
      return hot;
    };
    this.mentionsTmpDir = visit(file);
    if (!this.mentionsTmpDir) return;

    // Variables that hold a temp path, transitively (`const file = path.join(base, 'x')`).
    const holders = new Set<string>(aliases);
    const declarators = this.byType.get('VariableDeclarator') ?? [];
    for (let grown = true; grown; ) {
      grown = false;
      for (const d of declarators) {
        if (d.id.type !== 'Identifier' || !d.init || holders.has(d.id.name)) continue;
        if (mentions.has(d.init) || this.mentionsNames(d.init, holders)) {
          holders.add(d.id.name);
          grown = true;
        }
      }
    }
    for (const node of mentions) this.hot.add(node);
    for (const name of holders) {
      for (const id of this.identifiers.get(name) ?? []) {
        for (let n: Node | undefined = id; n && !this.hot.has(n); n = this.links.get(n)?.parent) this.hot.add(n);
      }
    }
  }

  private mentionsNames(node: Node, names: Set<string>): boolean {
    if (names.size === 0) return false;
    if (node.type === 'Identifier') return names.has(node.name);
    for (const key in node) {
      if (SKIP.has(key)) continue;
      const value = node[key];
      if (value === null || typeof value !== 'object') continue;
      if (Array.isArray(value)) {
        for (const child of value) if (child && typeof child.type === 'string' && this.mentionsNames(child, names)) return true;
      } else if (typeof value.type === 'string' && this.mentionsNames(value, names)) return true;
    }
    return false;
  }

  /** Nodes of one type, in source order. */
  ofType(type: string): Node[] {
    return this.byType.get(type) ?? [];
  }

  /** Nodes of one type that have something to do with the temp directory. */
  hotOfType(type: string): Node[] {
    return this.ofType(type).filter((n) => this.hot.has(n));
  }

  identifiersNamed(name: string): Node[] {
    return this.identifiers.get(name) ?? [];
  }

  parentOf(node: Node): Node | undefined {
    return this.links.get(node)?.parent;
  }

  /** The ast-types path of a node, built from the root along the parent links (and cached). */
  pathOf(node: Node): Path {
    const cached = this.paths.get(node);
    if (cached) return cached;
    const link = this.links.get(node);
    if (!link) return this.rootPath;
    const parentPath = this.pathOf(link.parent);
    const path = (link.index === null ? parentPath.get(link.key) : parentPath.get(link.key, link.index)) as Path;
    this.paths.set(node, path);
    return path;
  }
}
