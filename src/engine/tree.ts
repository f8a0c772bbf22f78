// Plain walks over Babel's tree give what the rules look up, and paths (jscodeshift's shape, made
// here) only for the few nodes that need one. jscodeshift's `find` would build a path for every node
// of the file, many times over: on files that name the temp directory it cost ten times the parse.
import { contains, type Node, type Path } from './ast';
import { CALLS_NAMED_TEMP_HELPER, CALLS_TEMP_HELPER_OBJECT, MENTIONS_TMP_DIR, NAMED_TEMP_HELPER, TEMP_HELPER_OBJECT_METHODS, TEMP_HELPER_OBJECT_NAME } from './shared-names';

interface Link {
  parent: Node;
  key: string;
  index: number | null;
}

/**
 * Where a node's parent link is kept: on the node itself, under a symbol (no walk or Object.keys sees
 * it), which is cheaper than a map of every node of the file.
 */
const LINK = Symbol('tmpfix.link');
type Linked = Node & { [LINK]?: Link };

const SKIP = new Set(['type', 'loc', 'extra', 'comments', 'leadingComments', 'trailingComments', 'innerComments', 'tokens', 'start', 'end', 'range']);

// @babel/types loads with the first tree, not with the engine's modules.
let visitorKeys: Record<string, string[] | undefined> | undefined;
function keysByType(): Record<string, string[] | undefined> {
  // The definitions alone hold the keys and load in half the time of the whole of @babel/types (its
  // builders, validators and converters, which nothing here uses); the package's main entry is the
  // fallback for a layout without that file.
  if (visitorKeys) return visitorKeys;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    visitorKeys = (require('@babel/types/lib/definitions/index.js') as typeof import('@babel/types')).VISITOR_KEYS;
  } catch {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    visitorKeys = (require('@babel/types') as typeof import('@babel/types')).VISITOR_KEYS;
  }
  return visitorKeys;
}

function isNode(value: unknown): value is Node {
  return value !== null && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * A path as jscodeshift's (ast-types') NodePath gives it, with only what the engine reads: the same
 * values for `node`, `parent`, `parentPath`, `name` and `get`, without loading ast-types (a tenth of
 * a run that parses one file) or its type checks on every step.
 */
class TreePath implements Path {
  private children: Map<string | number, TreePath> | undefined;
  private nodeMemo: Node | null | undefined;
  private parentMemo: TreePath | null | undefined;

  constructor(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    readonly value: any,
    readonly parentPath: TreePath | null,
    readonly name: string | number | null,
  ) {}

  /** The value if it is a node, else the nearest node above it. */
  get node(): Node {
    if (this.nodeMemo === undefined) this.nodeMemo = isNode(this.value) ? this.value : (this.parentPath?.node ?? null);
    return this.nodeMemo as Node;
  }

  /** The path of the node that holds this one (past the array it sits in, if any). */
  get parent(): TreePath | null {
    if (this.parentMemo === undefined) {
      let up = this.parentPath;
      if (!isNode(this.value)) {
        while (up && !isNode(up.value)) up = up.parentPath;
        if (up) up = up.parentPath;
      }
      while (up && !isNode(up.value)) up = up.parentPath;
      this.parentMemo = up ?? null;
    }
    return this.parentMemo;
  }

  get(...names: (string | number)[]): TreePath {
    let path: TreePath = this;
    for (const name of names) path = path.child(name);
    return path;
  }

  private child(name: string | number): TreePath {
    const value = this.value[name];
    let child = this.children?.get(name);
    if (!child || child.value !== value) {
      child = new TreePath(value, this, name);
      (this.children ??= new Map()).set(name, child);
    }
    return child;
  }
}

/** The keys that hold child nodes: Babel's own visitor keys, or for a type it does not list, every key. */
function childKeys(node: Node): readonly string[] {
  return keysByType()[node.type] ?? Object.keys(node).filter((key) => !SKIP.has(key));
}
const SHARED_PREFIX = /^(\/tmp|\/var\/tmp|\/dev\/shm)(\/|$)/;
const TMP_NAMES = new Set(['tmpdir', 'TMPDIR', 'TMP', 'TEMP']);
/** Packages that make up temp names or directories: importing one is reason enough to look. */
const TEMP_SPECIFIERS = new Set(['tmp', 'tmp-promise', 'temp', 'tempy', 'tempfile', 'unique-filename', 'os-tmpdir', 'temp-dir']);
/**
 * The text a file must contain for `mentionsTmpDir` to hold when no imported module has temp facts:
 * the temp directory named (`tmpdir`, `/tmp`, `TMPDIR`…, as in MENTIONS_TMP_DIR) or a temp package's
 * name as a string. Without it, and without facts, the engine stops before any rule runs: the driver
 * parses such a file only when the pre-pass finds facts for one of its imports.
 */
export const MENTIONS_TMP_DIR_OR_PACKAGE = new RegExp(`${MENTIONS_TMP_DIR.source}|['"](?:${[...TEMP_SPECIFIERS].join('|')})['"]|${CALLS_NAMED_TEMP_HELPER.source}|${CALLS_TEMP_HELPER_OBJECT.source}`);

/** Node types kept in an index by type, for the rules and the analysis to look up. */
const INDEXED = new Set([
  'CallExpression', 'OptionalCallExpression', 'NewExpression', 'BinaryExpression', 'TemplateLiteral', 'StringLiteral',
  'IfStatement', 'TryStatement', 'ReturnStatement', 'ClassDeclaration', 'ClassExpression', 'ForOfStatement', 'ForInStatement',
]);

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

export interface TreeOptions {
  /** Module specifiers that count as naming temp files (helper modules with temp facts, temp packages). */
  tempSpecifiers?: ReadonlySet<string>;
}

/**
 * One walk over a parsed file: parent links for every node, indexes by type and by name, and whether
 * anything in it could have to do with temp files at all (most files stop there).
 */
export class Tree {
  readonly program: Node;
  /** Every identifier name in the file: a new name outside this set cannot clash or shadow. */
  readonly names = new Set<string>();
  readonly stringRaws: string[] = [];
  readonly imports: Node[] = [];
  readonly declarators: Node[] = [];
  hasExports = false;
  readonly mentionsTmpDir: boolean;
  private readonly byTypeIndex = new Map<string, Node[]>();
  private readonly identifiers = new Map<string, Node[]>();
  private readonly assignments = new Map<string, Node[]>();
  /** `x.y = v` and `this.y = v`, by property name. */
  private readonly memberAssignments = new Map<string, Node[]>();
  private readonly paths = new Map<Node, Path>();
  private readonly rootPath: Path;

  constructor(readonly file: Node, options: TreeOptions = {}) {
    this.program = file.program as Node;
    this.rootPath = new TreePath(file, null, null);
    const specifiers = options.tempSpecifiers;
    let mention = false;
    const scan = (node: Node): void => {
      switch (node.type) {
        case 'Identifier':
          this.names.add(node.name);
          push(this.identifiers, node.name, node);
          if (TMP_NAMES.has(node.name)) mention = true;
          break;
        case 'StringLiteral':
          if (node.extra?.raw) this.stringRaws.push(node.extra.raw);
          if (SHARED_PREFIX.test(node.value) || TMP_NAMES.has(node.value) || TEMP_SPECIFIERS.has(node.value) || specifiers?.has(node.value)) mention = true;
          break;
        case 'TemplateElement':
          if (SHARED_PREFIX.test(node.value.cooked ?? node.value.raw ?? '')) mention = true;
          break;
        case 'CallExpression':
        case 'OptionalCallExpression': {
          const callee = node.callee;
          if ((callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') && !callee.computed && callee.property.type === 'Identifier') {
            if (NAMED_TEMP_HELPER.test(callee.property.name)) mention = true;
            else if (TEMP_HELPER_OBJECT_METHODS.has(callee.property.name) && callee.object.type === 'Identifier' && TEMP_HELPER_OBJECT_NAME.test(callee.object.name)) mention = true;
          }
          break;
        }
        case 'ImportDeclaration':
        case 'TSImportEqualsDeclaration':
          this.imports.push(node);
          break;
        case 'VariableDeclarator':
          this.declarators.push(node);
          break;
        case 'AssignmentExpression':
          if (node.left.type === 'Identifier') push(this.assignments, node.left.name, node);
          else if ((node.left.type === 'MemberExpression' || node.left.type === 'OptionalMemberExpression') && !node.left.computed && node.left.property.type !== 'PrivateName') {
            push(this.memberAssignments, node.left.property.name, node);
          } else if (node.left.type === 'MemberExpression' && node.left.property.type === 'PrivateName') {
            push(this.memberAssignments, `#${node.left.property.id.name}`, node);
          }
          break;
        case 'ExportNamedDeclaration':
        case 'ExportDefaultDeclaration':
        case 'ExportAllDeclaration':
          this.hasExports = true;
          break;
      }
      if (INDEXED.has(node.type)) push(this.byTypeIndex, node.type, node);
      // The child loop of forChildren, inlined: this walk runs on every parsed file, and a callback
      // per child cost a third of its time.
      for (const key of childKeys(node)) {
        const value = node[key];
        if (value === null || typeof value !== 'object') continue;
        if (Array.isArray(value)) {
          for (let i = 0; i < value.length; i++) {
            const child = value[i];
            if (child && typeof child.type === 'string') {
              (child as Linked)[LINK] = { parent: node, key, index: i };
              scan(child);
            }
          }
        } else if (typeof value.type === 'string') {
          (value as Linked)[LINK] = { parent: node, key, index: null };
          scan(value);
        }
      }
    };
    scan(file);
    this.mentionsTmpDir = mention;
  }

  /** Nodes of one indexed type, in source order. */
  ofType(type: string): Node[] {
    return this.byTypeIndex.get(type) ?? [];
  }

  /** Kept for the rules' older name: every node of the type (the analysis decides what matters). */
  hotOfType(type: string): Node[] {
    return this.ofType(type);
  }

  /** The identifiers named `name` inside `within`. */
  identifiersNamed(name: string, within: Node): Node[] {
    return (this.identifiers.get(name) ?? []).filter((n) => contains(within, n));
  }

  /** `name = …` (and `+=`, `||=`, …) anywhere in the file. */
  assignmentsTo(name: string): Node[] {
    return this.assignments.get(name) ?? [];
  }

  /** `x.name = …`, `this.name = …` anywhere in the file (`#name` for private fields). */
  memberAssignmentsTo(name: string): Node[] {
    return this.memberAssignments.get(name) ?? [];
  }

  /** The parent node, or undefined for the File. */
  parentOf(node: Node): Node | undefined {
    return (node as Linked)[LINK]?.parent;
  }

  /** The path of a node, built from the root along parent links (and cached). */
  pathOf(node: Node): Path {
    const cached = this.paths.get(node);
    if (cached) return cached;
    if (node === this.file) return this.rootPath;
    const link = (node as Linked)[LINK];
    if (!link) throw new Error(`node ${node.type} at ${node.start} is not in the tree`);
    const parentPath = this.pathOf(link.parent);
    const path = (link.index === null ? parentPath.get(link.key) : parentPath.get(link.key, link.index)) as Path;
    this.paths.set(node, path);
    return path;
  }
}

function push(map: Map<string, Node[]>, key: string, node: Node): void {
  const list = map.get(key);
  if (list) list.push(node);
  else map.set(key, [node]);
}
