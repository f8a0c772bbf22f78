// Recognising the shared temp directory in all its spellings, and paths built under it.
import { isCall, isMember, propertyName, stringValue, unwrap, unwrapPath, walk, type Node, type Path } from './ast';
import type { Scopes } from './scope';
import type { Tree } from './tree';
import type { Modules } from './modules';

const SHARED_DIRS = ['/tmp', '/var/tmp', '/dev/shm'];
const TMP_ENV = new Set(['TMPDIR', 'TMP', 'TEMP']);
const PREFIXED = /^(\/tmp|\/var\/tmp|\/dev\/shm)\/+(.*)$/s;
const PATH_BUILDERS = new Set(['join', 'resolve', 'normalize']);

/** The node inside a path expression that names the shared temp directory. */
export interface TmpRef {
  path: Path;
  /**
   * `dir`: the node is the temp directory itself (`os.tmpdir()`, `'/tmp'`, an alias);
   * `literal`: a string starting with it (`'/tmp/app.json'`);
   * `template`: a template literal whose text starts with it (`` `/tmp/out-${id}` ``).
   */
  kind: 'dir' | 'literal' | 'template';
  /** For `literal` and `template`: characters of the directory part, slash included. */
  prefixLength: number;
}

/** A path under the temp directory: where the directory is named, and what the name under it is. */
export interface TmpPath {
  ref: TmpRef;
  /** The whole path-building expression (a `path.join` call, a concatenation, …). */
  expr: Path;
  /** The name under the temp directory, normalised, for spotting one name used in several places. */
  key: string;
  /** A readable stem for the mkdtemp prefix, taken from the old name; '' when there is none. */
  stem: string;
}

export class TmpDirs {
  constructor(
    private readonly modules: Modules,
    private readonly scopes: Scopes,
    private readonly tree: Tree,
    private readonly source: string,
  ) {}

  /**
   * Whether the expression at `path` is built from the temp directory in a way `tmpPathOf` cannot
   * follow: a `let` assigned elsewhere, a parameter default, a spread. Such a creation is reported.
   */
  mentionsTmpDir(original: Path, depth = 0): boolean {
    if (depth > 4) return false;
    const path = unwrapPath(original);
    const node = path.node;
    if (!node) return false;
    if (this.isPrivateDir(path)) return false;
    if (node.type === 'Identifier') {
      if (this.isTmpDir(path)) return true;
      const declared = this.scopes.lookup(path, node.name);
      if (!declared) return false;
      const sources: Node[] = [];
      if (declared.declarator?.init) sources.push(declared.declarator.init);
      const parent = this.tree.pathOf(declared.id).parent?.node as Node | undefined;
      if (parent?.type === 'AssignmentPattern' && parent.left === declared.id) sources.push(parent.right);
      for (const id of this.tree.identifiersNamed(node.name, declared.scope)) {
        const assignment = this.tree.pathOf(id).parent?.node as Node | undefined;
        if (assignment?.type === 'AssignmentExpression' && assignment.left === id) sources.push(assignment.right);
      }
      // `let d = os.tmpdir(); d = fs.mkdtempSync(d + '/x-')`: once it holds a private directory, it is one.
      if (sources.some((source) => this.isPrivateDir(this.tree.pathOf(source)))) return false;
      return sources.some((source) => source !== node && this.mentionsTmpDir(this.tree.pathOf(source), depth + 1));
    }
    if (this.isTmpDir(path)) return true;
    const literal = stringValue(node);
    if (literal !== undefined) return PREFIXED.test(literal);
    let found = false;
    for (const key of ['arguments', 'left', 'right', 'expressions', 'consequent', 'alternate', 'argument', 'object', 'elements']) {
      const value = node[key];
      const children: (Node | null)[] = Array.isArray(value) ? value : [value];
      children.forEach((child, index) => {
        if (found || !child || typeof child.type !== 'string') return;
        const childPath = (Array.isArray(value) ? path.get(key, index) : path.get(key)) as Path;
        if (this.mentionsTmpDir(childPath, depth)) found = true;
      });
    }
    return found;
  }

  /** `fs.mkdtempSync(…)`, `await fsp.mkdtemp(…)`: a fresh private directory. */
  private isPrivateDir(original: Path): boolean {
    let path = unwrapPath(original);
    if (path.node.type === 'AwaitExpression') path = unwrapPath(path.get('argument') as Path);
    if (!isCall(path.node)) return false;
    const callee = this.modules.calleeOf(path);
    return !!callee && /^mkdtemp/.test(callee.member);
  }

  /** The initialiser of a `const` (or a never reassigned `let`/`var`) that the identifier at `path` refers to. */
  constantInit(path: Path): Path | undefined {
    const name = path.node.name as string;
    const declared = this.scopes.lookup(path, name);
    const declarator = declared?.declarator;
    if (!declared || !declarator || declarator.id !== declared.id || !declarator.init) return undefined;
    if (declared.kind !== 'const' && isReassigned(declared.scope, name)) return undefined;
    return this.tree.pathOf(declarator.init);
  }

  private sourceOf(node: Node): string {
    return this.source.slice(node.start, node.end).replace(/"/g, "'");
  }

  /** A name as a person reads it: literal text, with other parts as `${source}`. */
  private describe(node: Node): string {
    const n = unwrap(node);
    const literal = stringValue(n);
    if (literal !== undefined) return literal;
    if (n.type === 'BinaryExpression' && n.operator === '+') return this.describe(n.left) + this.describe(n.right);
    if (n.type === 'TemplateLiteral') {
      return (n.quasis as Node[]).map((q, i) => q.value.cooked + (i < n.expressions.length ? `\${${this.sourceOf(n.expressions[i])}}` : '')).join('');
    }
    return `\${${this.sourceOf(n)}}`;
  }

  /** True when the expression is the shared temp directory itself. */
  isTmpDir(original: Path, depth = 0): boolean {
    if (depth > 8) return false;
    const path = unwrapPath(original);
    const node = path.node;
    const literal = stringValue(node);
    if (literal !== undefined) return SHARED_DIRS.includes(literal.replace(/\/+$/, '') || literal);
    if (isCall(node)) {
      const callee = this.modules.calleeOf(path);
      if (callee?.module === 'os' && callee.member === 'tmpdir') return true;
      // path.resolve(os.tmpdir()), fs.realpathSync(os.tmpdir())
      const wrapsOne =
        (callee?.module === 'path' && PATH_BUILDERS.has(callee.member)) ||
        (callee?.module === 'fs' && callee.member === 'realpathSync');
      if (wrapsOne && node.arguments.length === 1) return this.isTmpDir(path.get('arguments', 0) as Path, depth + 1);
      return false;
    }
    if (isMember(node)) {
      const object = unwrap(node.object);
      return isMember(object) && object.object.type === 'Identifier' && object.object.name === 'process' && propertyName(object) === 'env' && TMP_ENV.has(propertyName(node) ?? '');
    }
    if (node.type === 'LogicalExpression' && (node.operator === '||' || node.operator === '??')) {
      return this.isTmpDir(path.get('left') as Path, depth + 1) || this.isTmpDir(path.get('right') as Path, depth + 1);
    }
    if (node.type === 'Identifier') {
      const init = this.constantInit(path);
      return init ? this.isTmpDir(init, depth + 1) : false;
    }
    return false;
  }

  /** Where `path` (an expression used as a file system path) names a place under the temp directory. */
  tmpPathOf(original: Path, depth = 0): TmpPath | undefined {
    if (depth > 8) return undefined;
    const path = unwrapPath(original);
    const node = path.node;
    const literal = stringValue(node);
    if (literal !== undefined) {
      const match = PREFIXED.exec(literal);
      if (!match || match[2] === '' || /\s/.test(match[2])) return undefined;
      const kind = node.type === 'TemplateLiteral' ? 'template' : 'literal';
      const ref: TmpRef = { path, kind, prefixLength: literal.length - match[2].length };
      return { ref, expr: path, key: match[2], stem: stemOf(match[2]) };
    }
    if (node.type === 'Identifier') {
      const init = this.constantInit(path);
      if (!init || this.isTmpDir(path)) return undefined;
      return this.tmpPathOf(init, depth + 1);
    }
    if (node.type === 'ConditionalExpression') {
      // `big ? path.join(tmp, 'a') : path.join(tmp, 'b')`: both names move; the first stands for both.
      const yes = this.tmpPathOf(path.get('consequent') as Path, depth + 1);
      const no = this.tmpPathOf(path.get('alternate') as Path, depth + 1);
      return yes && no ? { ...yes, expr: path, key: `${yes.key}|${no.key}` } : undefined;
    }
    if (isCall(node)) {
      const callee = this.modules.calleeOf(path);
      if (callee?.module !== 'path' || !PATH_BUILDERS.has(callee.member) || node.arguments.length < 2) return undefined;
      const first = path.get('arguments', 0) as Path;
      const restNodes = (node.arguments as Node[]).slice(1);
      const rest = restNodes.map((arg) => this.describe(arg)).join('/');
      const stem = stemOf(rest);
      if (this.isTmpDir(first, depth + 1)) return { ref: { path: first, kind: 'dir', prefixLength: 0 }, expr: path, key: rest, stem };
      const inner = this.tmpPathOf(first, depth + 1);
      return inner ? { ...inner, expr: path, key: `${inner.key}/${rest}` } : undefined;
    }
    if (node.type === 'BinaryExpression' && node.operator === '+') {
      let leftmost = path.get('left') as Path;
      const pieces: Node[] = [node.right];
      while (unwrap(leftmost.node).type === 'BinaryExpression' && unwrap(leftmost.node).operator === '+') {
        pieces.unshift(unwrap(leftmost.node).right);
        leftmost = leftmost.get('left') as Path;
      }
      const restKey = pieces.map((p) => this.describe(p)).join('');
      if (this.isTmpDir(leftmost, depth + 1)) {
        const key = restKey.replace(/^\/+/, '');
        if (!key) return undefined;
        return { ref: { path: leftmost, kind: 'dir', prefixLength: 0 }, expr: path, key, stem: stemOf(key) };
      }
      const inner = this.tmpPathOf(leftmost, depth + 1);
      if (!inner) return undefined;
      const stem = inner.stem || stemOf(restKey);
      return { ...inner, expr: path, key: inner.key + restKey, stem };
    }
    if (node.type === 'TemplateLiteral') {
      const quasis = node.quasis as Node[];
      const head = quasis[0].value.cooked as string;
      const restKey = () =>
        quasis
          .slice(1)
          .map((q, i) => `\${${this.sourceOf(node.expressions[i])}}${q.value.cooked}`)
          .join('');
      if (head === '' && node.expressions.length > 0) {
        const first = path.get('expressions', 0) as Path;
        if (this.isTmpDir(first, depth + 1)) {
          const key = restKey().replace(/^\$\{[^}]*\}/, '').replace(/^\/+/, '');
          const afterDir = (quasis[1].value.cooked as string).replace(/^\/+/, '');
          return key ? { ref: { path: first, kind: 'dir', prefixLength: 0 }, expr: path, key, stem: stemOf(afterDir) } : undefined;
        }
        return undefined;
      }
      const match = PREFIXED.exec(head);
      if (!match) return undefined;
      const ref: TmpRef = { path, kind: 'template', prefixLength: head.length - match[2].length };
      return { ref, expr: path, key: match[2] + restKey(), stem: stemOf(match[2]) };
    }
    return undefined;
  }
}

function isReassigned(scopeNode: Node, name: string): boolean {
  let found = false;
  walk(scopeNode, (node) => {
    if ((node.type === 'AssignmentExpression' && node.left.type === 'Identifier' && node.left.name === name) ||
      (node.type === 'UpdateExpression' && node.argument.type === 'Identifier' && node.argument.name === name)) {
      found = true;
    }
  });
  return found;
}

/** 'app-config.json' → 'app-config'; 'job-' → 'job'; 'cache/a.txt' → 'cache'. */
export function stemOf(name: string): string {
  const first = name.replace(/^\/+/, '').split('/')[0].replace(/\$\{.*$/, '');
  const base = first.replace(/\.[A-Za-z0-9]+$/, '');
  return base.replace(/[^A-Za-z0-9._-]/g, '').replace(/[._-]+$/, '').replace(/^[._-]+/, '').slice(0, 40);
}

const SHARED_PREFIX = /^(\/tmp|\/var\/tmp|\/dev\/shm)(\/|$)/;

/** One cheap walk over the tree: does anything name the temp directory (so that a rule could match)? */
export function mentionsTmpDir(file: Node): boolean {
  let found = false;
  const visit = (node: Node): void => {
    if (found) return;
    switch (node.type) {
      case 'StringLiteral':
        if (SHARED_PREFIX.test(node.value) || node.value === 'tmpdir' || TMP_ENV.has(node.value)) found = true;
        return;
      case 'TemplateElement':
        if (SHARED_PREFIX.test(node.value.cooked ?? node.value.raw)) found = true;
        return;
      case 'Identifier':
        if (node.name === 'tmpdir' || TMP_ENV.has(node.name)) found = true;
        return;
    }
    for (const key in node) {
      if (key === 'loc' || key === 'extra' || key === 'comments' || key === 'leadingComments' || key === 'trailingComments' || key === 'innerComments') continue;
      const value = node[key];
      if (value === null || typeof value !== 'object') continue;
      if (Array.isArray(value)) {
        for (const child of value) if (child && typeof child.type === 'string') visit(child);
      } else if (typeof value.type === 'string') visit(value);
    }
  };
  visit(file);
  return found;
}
