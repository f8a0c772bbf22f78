// Where values come from: which expressions name the shared temp directory or a path inside it, and
// through which variables, joins, formats and pathlib steps they travel. One question for every rule:
// "is this argument a path in the shared temp directory, and which piece of text makes it so?"
import type { PyFile } from './file';
import type { Assignment } from './scope';
import { argsOf, field, named, stringPrefix, stringValue, unitOf, unwrap, walk, type PyNode } from './tree';

/** Where the shared directory enters a value: the text that becomes the private directory. */
export type Origin =
  /** An expression that is the shared directory (`tempfile.gettempdir()`, `os.environ["TMPDIR"]`, a variable holding it). */
  | { how: 'expr'; node: PyNode }
  /** A string literal that starts with it (`"/tmp/app.json"`, `f"/tmp/out-{pid}"`); `length` characters of its content name the directory. */
  | { how: 'literal'; node: PyNode; length: number; fstring: boolean };

export interface TmpValue {
  /** `dir`: the shared temp directory itself; `path`: a name inside it. */
  kind: 'dir' | 'path';
  origin: Origin;
  /** The name under the directory, literal text with other expressions as `{text}`; '' for the directory. */
  key: string;
  /** A pathlib object rather than a string. */
  pathlib: boolean;
  /** The assignments the value came through, nearest first. */
  via: Assignment[];
  /**
   * Stored on `self` (the attribute assignment), read from the module level inside a function, or read
   * back from an environment variable the code set (`os.environ["DISTDIR"] = "/tmp/x"`).
   */
  stored?: 'self' | 'module' | 'env';
  /** Returned by a function of this file (`def cache_dir(): return Path(gettempdir()) / "app"`) to the code that calls it. */
  returnedBy?: PyNode;
  /** Only one side of an `or`: the path is sometimes elsewhere (`args.dir or tempfile.gettempdir()`). */
  partial?: boolean;
  /** The directory written with its separator (`"/tmp/"`): `+ name` goes inside it. */
  trailingSep?: boolean;
}

const TMP_LITERAL = /^(\/tmp|\/var\/tmp|\/dev\/shm)(\/|$)/;
const TMP_ENV = new Set(['TMPDIR', 'TMP', 'TEMP']);
const JOINS = new Set(['os.path.join', 'posixpath.join']);
const DIRNAMES = new Set(['os.path.dirname', 'posixpath.dirname']);
const SAME_PATH = new Set(['os.path.abspath', 'os.path.realpath', 'os.path.normpath', 'os.path.expanduser', 'os.path.expandvars', 'os.path.normcase', 'os.fspath', 'os.fsencode', 'os.fsdecode', 'builtins.str', 'posixpath.normpath', 'posixpath.abspath']);
const PATH_CLASSES = new Set(['pathlib.Path', 'pathlib.PurePath', 'pathlib.PosixPath', 'pathlib.PurePosixPath']);
const PATH_SAME_METHODS = new Set(['resolve', 'absolute', 'expanduser']);

export class Values {
  private cache = new Map<PyNode, TmpValue | null>();
  private active = new Set<PyNode>();

  constructor(private readonly file: PyFile) {}

  private text(node: PyNode | undefined): string {
    return this.file.text(node);
  }

  /** The temp-directory value of an expression, or undefined when it is not one (or cannot be told). */
  of(node: PyNode | undefined): TmpValue | undefined {
    const n = unwrap(node);
    if (!n) return undefined;
    if (this.cache.has(n)) return this.cache.get(n) ?? undefined;
    if (this.active.has(n)) return undefined;
    this.active.add(n);
    const value = this.compute(n);
    this.active.delete(n);
    this.cache.set(n, value ?? null);
    return value;
  }

  /** Whether the expression names the shared temp directory anywhere, even in a way `of` cannot follow. */
  mentions(node: PyNode | undefined, depth = 0): boolean {
    const n = unwrap(node);
    if (!n || depth > 4) return false;
    if (this.of(n)) return true;
    if (this.isTmpSource(n)) return true;
    if (n.type === 'identifier') {
      return this.file.scopes.assignmentsOf(this.text(n), n).some((a) => a.value && this.mentions(a.value, depth + 1));
    }
    // tempfile's own calls (mkstemp(dir="/tmp"), mktemp()) are other rules' business.
    if (n.type === 'call' && this.file.qualified(field(n, 'function'))?.startsWith('tempfile.')) return false;
    return n.children.some((c) => c.named && this.mentions(c, depth + 1));
  }

  /**
   * Why a value that mentions the temp directory (`mentions()`) has no path tmpfix can follow, in the
   * code's own terms: a name bound in several places, a loop variable, an object a call built from it.
   */
  whyUnfollowed(node: PyNode | undefined): string | undefined {
    const n = unwrap(node);
    if (n?.type !== 'identifier') return undefined;
    const name = this.text(n);
    const bound = this.file.scopes.assignmentsOf(name, n).filter((a) => a.value);
    const lines = [...new Set(bound.map((a) => a.target.row + 1))];
    if (bound.some((a) => a.kind === 'for')) return `${name} is a loop variable (line ${lines.join(', ')}) and tmpfix does not follow each value it takes`;
    if (lines.length > 1) return `${name} is bound in several places (lines ${lines.join(', ')})`;
    const value = unwrap(bound[0]?.value);
    if (value?.type === 'call') return `${name} is what ${this.text(field(value, 'function'))}() builds from it at line ${lines[0]}, and tmpfix cannot see where that writes`;
    return undefined;
  }

  /** `tempfile.gettempdir()`, a `/tmp` literal, `os.environ["TMPDIR"]` and the like, on their own. */
  private isTmpSource(n: PyNode): boolean {
    if (n.type === 'string') {
      const v = stringValue(n, this.file.source);
      return v !== undefined && TMP_LITERAL.test(v);
    }
    if (n.type === 'call') {
      const q = this.file.qualified(field(n, 'function'));
      return q === 'tempfile.gettempdir' || this.isEnvRead(n);
    }
    return n.type === 'subscript' && this.isEnvRead(n);
  }

  private compute(n: PyNode): TmpValue | undefined {
    switch (n.type) {
      case 'string':
        return this.ofString(n);
      case 'concatenated_string': {
        const first = named(n)[0];
        const value = first && this.ofString(first);
        if (!value) return undefined;
        // The rest of the parts add to the name.
        const rest = named(n).slice(1).map((part) => this.render(part)).join('');
        return { ...value, kind: 'path', key: value.key + rest };
      }
      case 'identifier':
        return this.ofName(n);
      case 'attribute':
        return this.ofAttribute(n);
      case 'call':
        return this.ofCall(n);
      case 'subscript':
        return this.isEnvRead(n) ? this.dir({ how: 'expr', node: n }) : this.ofEnvStore(n);
      case 'binary_operator':
        return this.ofBinary(n);
      case 'boolean_operator': {
        // `os.environ.get("TMPDIR") or "/tmp"` is the directory; `args.dir or tempfile.gettempdir()` is it only on the right.
        if (this.text(field(n, 'operator')) !== 'or') return undefined;
        const l = this.of(field(n, 'left'));
        const r = this.of(field(n, 'right'));
        if (l?.kind === 'dir') return this.dir({ how: 'expr', node: n });
        return l || !r ? undefined : { ...r, partial: true };
      }
      default:
        return undefined;
    }
  }

  private dir(origin: Origin): TmpValue {
    return { kind: 'dir', origin, key: '', pathlib: false, via: [] };
  }

  /** A path under `base` with `name` appended (`name` already rendered). */
  private under(base: TmpValue, name: string, pathlib = base.pathlib): TmpValue | undefined {
    if (!name) return base;
    const key = base.key ? `${base.key}/${name}` : name;
    return { ...base, kind: 'path', key: key.replace(/\/{2,}/g, '/').replace(/^\//, ''), pathlib };
  }

  /** Literal text of a part of a name, or `{expression}` for what is computed. */
  render(node: PyNode | undefined, depth = 0): string {
    const n = unwrap(node);
    if (!n) return '';
    const literal = stringValue(n, this.file.source);
    if (literal !== undefined) return literal;
    if (n.type === 'identifier' && depth < 3) {
      // `basename = "testfile"` and then `os.path.join(d, basename)`: the name is the literal.
      const only = this.single(this.file.scopes.assignmentsOf(this.text(n), n));
      const value = only?.value && stringValue(only.value, this.file.source);
      if (value !== undefined) return value;
    }
    if (n.type === 'string' && stringPrefix(n, this.file.source).includes('f')) {
      let out = '';
      for (const part of n.children) {
        if (part.type === 'string_content') out += this.text(part);
        else if (part.type === 'interpolation') out += `{${this.text(field(part, 'expression'))}}`;
      }
      return out;
    }
    if (n.type === 'binary_operator' && this.text(field(n, 'operator')) === '+') return this.render(field(n, 'left')) + this.render(field(n, 'right'));
    if (n.type === 'binary_operator' && this.text(field(n, 'operator')) === '%') {
      const template = stringValue(field(n, 'left'), this.file.source);
      const r = unwrap(field(n, 'right'));
      if (template !== undefined && r) return this.fill(template, r.type === 'tuple' ? named(r) : [r], '%');
    }
    if (n.type === 'call') {
      const method = this.file.method(n);
      const template = method?.name === 'format' ? stringValue(method.object, this.file.source) : undefined;
      if (template !== undefined) return this.fill(template, argsOf(n, this.file.source).positional, '{');
    }
    return `{${this.text(n)}}`;
  }

  private ofString(n: PyNode): TmpValue | undefined {
    const prefix = stringPrefix(n, this.file.source);
    if (prefix.includes('b')) return undefined;
    if (prefix.includes('f')) {
      const parts = n.children.filter((c) => c.type === 'string_content' || c.type === 'interpolation');
      const first = parts[0];
      if (!first) return undefined;
      if (first.type === 'string_content') {
        const m = TMP_LITERAL.exec(this.text(first));
        if (!m) return undefined;
        const origin: Origin = { how: 'literal', node: n, length: m[1].length, fstring: true };
        const rest = this.render(n).slice(m[1].length);
        return rest.replace(/^\/+/, '') ? this.under(this.dir(origin), rest.replace(/^\/+/, '')) : this.dir(origin);
      }
      // f"{tempfile.gettempdir()}/name"
      const inner = this.of(field(first, 'expression'));
      if (inner?.kind !== 'dir') return undefined;
      const next = parts[1];
      if (next && !(next.type === 'string_content' && this.text(next).startsWith('/'))) return undefined;
      const rest = this.render(n).slice(this.text(first).length).replace(/^\/+/, '');
      return rest ? this.under(inner, rest) : inner;
    }
    const value = stringValue(n, this.file.source);
    if (value === undefined) return undefined;
    const m = TMP_LITERAL.exec(value);
    if (!m) return undefined;
    // The raw text must start the same way (no escapes inside the directory part).
    const contentStart = n.children[1];
    if (!contentStart || !this.text(contentStart).startsWith(m[1])) return undefined;
    const origin: Origin = { how: 'literal', node: n, length: m[1].length, fstring: false };
    const rest = value.slice(m[1].length).replace(/^\/+/, '');
    return rest ? this.under(this.dir(origin), rest) : { ...this.dir(origin), trailingSep: value.endsWith('/') };
  }

  private single(assignments: Assignment[]): Assignment | undefined {
    const real = assignments.filter((a) => a.kind !== 'del');
    if (real.length !== 1) return undefined;
    const only = real[0];
    return only.kind === 'assign' || only.kind === 'walrus' ? only : undefined;
  }

  private ofName(n: PyNode): TmpValue | undefined {
    const name = this.text(n);
    const unit = this.file.scopes.bindingUnit(name, n);
    if (!unit) return undefined;
    const assignment = this.single(unit.assignments.get(name) ?? []);
    if (!assignment?.value) return undefined;
    // A use before the only assignment, in the same unit, reads something else.
    if (unit.node === unitOf(n) && assignment.target.start > n.start && !inLoop(n)) return undefined;
    const value = this.of(assignment.value);
    if (!value) return undefined;
    const stored = value.stored ?? (unit.node.type === 'module' && unitOf(n).type !== 'module' ? 'module' : undefined);
    return { ...value, via: [assignment, ...value.via], stored };
  }

  private ofAttribute(n: PyNode): TmpValue | undefined {
    const q = this.file.qualified(n);
    if (q === 'tempfile.tempdir') return this.dir({ how: 'expr', node: n });
    // self.x: the one `self.x = value` of the class.
    const object = unwrap(field(n, 'object'));
    const attr = field(n, 'attribute');
    if (object?.type !== 'identifier' || this.text(object) !== 'self' || !attr) return undefined;
    const cls = classOf(n);
    if (!cls) return undefined;
    // `self.x = None` until it is set is no second value.
    const assignments = selfAssignments(cls, this.text(attr), this.file).filter((a) => unwrap(a.value)?.type !== 'none');
    if (assignments.length !== 1) return undefined;
    const value = this.of(assignments[0].value);
    return value && { ...value, stored: 'self' };
  }

  /**
   * `os.environ["DISTDIR"]` (or `.get("DISTDIR")`, `os.getenv`) where the file sets that variable once,
   * `os.environ["DISTDIR"] = "/tmp/x"`: the value it set.
   */
  private ofEnvStore(n: PyNode): TmpValue | undefined {
    const key = n.type === 'subscript' ? (this.file.qualified(field(n, 'value')) === 'os.environ' ? stringValue(field(n, 'subscript'), this.file.source) : undefined) : stringValue(argsOf(n, this.file.source).positional[0], this.file.source);
    if (key === undefined) return undefined;
    const stores: PyNode[] = [];
    walk(this.file.root, (m) => {
      if (m.type !== 'assignment') return undefined;
      const left = unwrap(field(m, 'left'));
      if (left?.type === 'subscript' && left !== n && this.file.qualified(field(left, 'value')) === 'os.environ' && stringValue(field(left, 'subscript'), this.file.source) === key) stores.push(m);
      return undefined;
    });
    const right = stores.length === 1 ? field(stores[0], 'right') : undefined;
    if (!right || (n.start < stores[0].end && unitOf(n) === unitOf(stores[0]))) return undefined;
    const value = this.of(right);
    return value?.kind === 'path' ? { ...value, stored: 'env' } : undefined;
  }

  /**
   * A call of a function of this file (a module-level def, or `self.method` of the same class) whose
   * only `return` gives a path in the temp directory: that path, marked as coming from it.
   */
  private ofReturn(call: PyNode): TmpValue | undefined {
    const fn = sameFileDef(call, this.file);
    if (!fn) return undefined;
    const returns: PyNode[] = [];
    walk(fn, (m) => {
      if (m !== fn && (m.type === 'function_definition' || m.type === 'lambda' || m.type === 'class_definition')) return false;
      if (m.type === 'return_statement') returns.push(m);
      return undefined;
    });
    const value = returns.length === 1 ? named(returns[0])[0] : undefined;
    const v = value && this.of(value);
    return v?.kind === 'path' ? { ...v, returnedBy: fn } : undefined;
  }

  isEnvRead(n: PyNode): boolean {
    if (n.type === 'subscript') {
      const q = this.file.qualified(field(n, 'value'));
      const key = stringValue(field(n, 'subscript'), this.file.source);
      return q === 'os.environ' && key !== undefined && TMP_ENV.has(key);
    }
    if (n.type !== 'call') return false;
    const q = this.file.qualified(field(n, 'function'));
    if (q !== 'os.environ.get' && q !== 'os.getenv' && q !== 'os.environ.setdefault') return false;
    const key = stringValue(argsOf(n, this.file.source).positional[0], this.file.source);
    return key !== undefined && TMP_ENV.has(key);
  }

  private ofCall(n: PyNode): TmpValue | undefined {
    const callee = field(n, 'function');
    const q = this.file.qualified(callee);
    const args = argsOf(n, this.file.source);
    if (q === 'tempfile.gettempdir') return this.dir({ how: 'expr', node: n });
    if (this.isEnvRead(n)) return this.dir({ how: 'expr', node: n });
    if (q === 'os.environ.get' || q === 'os.getenv') return this.ofEnvStore(n);
    const returned = this.ofReturn(n);
    if (returned) return returned;
    if (q && JOINS.has(q)) {
      if (args.splat || args.positional.length === 0) return undefined;
      const base = this.of(args.positional[0]);
      if (!base) return undefined;
      const rest = args.positional.slice(1);
      // A later absolute part replaces everything before it.
      if (rest.some((part) => (stringValue(part, this.file.source) ?? '').startsWith('/'))) return undefined;
      return this.under(base, rest.map((part) => this.render(part)).join('/'));
    }
    if (q && SAME_PATH.has(q) && args.positional.length >= 1) return this.of(args.positional[0]);
    // `os.makedirs(os.path.dirname(fn))` with `fn = os.path.join(temp_dir(), "x.tmp")`: the directory above.
    if (q && DIRNAMES.has(q) && args.positional.length >= 1) {
      const inner = this.of(args.positional[0]);
      if (!inner || inner.kind !== 'path' || inner.trailingSep) return undefined;
      const slash = inner.key.lastIndexOf('/');
      return slash < 0 ? { ...inner, kind: 'dir', key: '' } : { ...inner, key: inner.key.slice(0, slash) };
    }
    if (q && PATH_CLASSES.has(q)) {
      if (args.splat || args.positional.length === 0) return undefined;
      const base = this.of(args.positional[0]);
      if (!base) return undefined;
      const rest = args.positional.slice(1);
      if (rest.some((part) => (stringValue(part, this.file.source) ?? '').startsWith('/'))) return undefined;
      return this.under({ ...base, pathlib: true }, rest.map((part) => this.render(part)).join('/'), true);
    }
    const method = this.file.method(n);
    if (method) {
      if (method.name === 'format') {
        return this.ofFormat(method.object, args);
      }
      const base = this.of(method.object);
      if (base?.pathlib && method.name === 'joinpath' && !args.splat) return this.under(base, args.positional.map((a) => this.render(a)).join('/'), true);
      if (base?.pathlib && PATH_SAME_METHODS.has(method.name)) return base;
    }
    return undefined;
  }

  /** `"{}/{}.tmp".format(tempfile.gettempdir(), os.getpid())` and `"/tmp/{}".format(name)`. */
  private ofFormat(receiver: PyNode, args: ReturnType<typeof argsOf>): TmpValue | undefined {
    const template = unwrap(receiver);
    const value = stringValue(template, this.file.source);
    if (!template || value === undefined || args.splat) return undefined;
    const literal = template.type === 'string' ? this.ofString(template) : undefined;
    if (literal) {
      return this.under(this.dir(literal.origin), this.fill(value.slice((literal.origin as { length: number }).length).replace(/^\/+/, ''), args.positional, '{'));
    }
    const m = /^\{(0?)\}(\/|$)/.exec(value);
    if (!m || args.positional.length === 0) return undefined;
    const base = this.of(args.positional[0]);
    if (base?.kind !== 'dir') return undefined;
    return this.under(base, this.fill(value.slice(m[0].length), args.positional.slice(1), '{'));
  }

  /** The name a format template gives, its placeholders filled with the arguments' text. */
  private fill(template: string, args: PyNode[], style: '{' | '%'): string {
    let i = 0;
    const next = () => (i < args.length ? this.render(args[i++]) : '{?}');
    return style === '{' ? template.replace(/\{[^{}]*\}/g, next) : template.replace(/%[-#0 +]*\d*(?:\.\d+)?[sdifr]/g, next);
  }

  private ofBinary(n: PyNode): TmpValue | undefined {
    const op = this.text(field(n, 'operator'));
    const left = field(n, 'left');
    const right = field(n, 'right');
    if (op === '+') {
      const base = this.of(left);
      if (!base) return undefined;
      const added = this.render(right);
      if (base.kind === 'dir') {
        // `/tmp` + "x" is /tmpx, not in it; `tmp + os.sep + name` and `tmp + "/" + name` are.
        if (!base.trailingSep && !added.startsWith('/') && !added.startsWith('{os.sep}')) return undefined;
        return this.under(base, added.replace(/^(\/|\{os\.sep\})+/, ''));
      }
      return { ...base, key: base.key + added };
    }
    if (op === '/') {
      const base = this.of(left);
      if (!base?.pathlib) return undefined;
      return this.under(base, this.render(right), true);
    }
    if (op === '%') {
      const template = unwrap(left);
      const value = stringValue(template, this.file.source);
      if (!template || value === undefined) return undefined;
      const r = unwrap(right);
      const values = r?.type === 'tuple' ? named(r) : r ? [r] : [];
      const literal = template.type === 'string' ? this.ofString(template) : undefined;
      if (literal) return this.under(this.dir(literal.origin), this.fill(value.slice((literal.origin as { length: number }).length).replace(/^\/+/, ''), values, '%'));
      const m = /^%s(\/|$)/.exec(value);
      if (!m || values.length === 0) return undefined;
      const base = this.of(values[0]);
      if (base?.kind !== 'dir') return undefined;
      return this.under(base, this.fill(value.slice(m[0].length), values.slice(1), '%'));
    }
    return undefined;
  }
}

export function inLoop(node: PyNode): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'for_statement' || n.type === 'while_statement') return true;
    if (n.type === 'function_definition' || n.type === 'lambda' || n.type === 'module') return false;
  }
  return false;
}

/** The class whose method holds `node`. */
export function classOf(node: PyNode): PyNode | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'class_definition') return n;
  }
  return undefined;
}

export interface SelfAssignment {
  value: PyNode;
  target: PyNode;
  statement: PyNode;
}

/** Every `self.name = value` in the methods of `cls`. */
export function selfAssignments(cls: PyNode, name: string, file: PyFile): SelfAssignment[] {
  const out: SelfAssignment[] = [];
  const visit = (n: PyNode) => {
    if (n.type === 'class_definition' && n !== cls) return;
    if (n.type === 'assignment') {
      const left = unwrap(field(n, 'left'));
      const right = field(n, 'right');
      if (left?.type === 'attribute' && right && file.text(field(left, 'object')) === 'self' && file.text(field(left, 'attribute')) === name) {
        out.push({ value: right, target: left, statement: n });
      }
    }
    if ((n.type === 'augmented_assignment') && file.text(field(field(n, 'left'), 'attribute')) === name) out.push({ value: n, target: n, statement: n });
    for (const c of n.children) visit(c);
  };
  visit(cls);
  return out;
}

/** The `def` a call reaches in this file: a module-level function by its name, or a method of the same class on `self`. */
export function sameFileDef(call: PyNode, file: PyFile): PyNode | undefined {
  const callee = unwrap(field(call, 'function'));
  if (callee?.type === 'identifier') {
    const assignments = file.scopes.assignmentsOf(file.text(callee), callee);
    return assignments.length === 1 && assignments[0].kind === 'def' && assignments[0].value?.type === 'function_definition' ? assignments[0].value : undefined;
  }
  if (callee?.type !== 'attribute' || file.text(field(callee, 'object')) !== 'self') return undefined;
  const cls = classOf(callee);
  const name = file.text(field(callee, 'attribute'));
  const defs = (field(cls, 'body')?.children ?? []).map((c) => (c.type === 'decorated_definition' ? field(c, 'definition') : c)).filter((c): c is PyNode => c?.type === 'function_definition' && file.text(field(c, 'name')) === name);
  return defs.length === 1 ? defs[0] : undefined;
}
