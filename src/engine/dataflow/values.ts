// The value-flow analysis every rule reads: what an expression holds, as far as temp files go.
// Sources (sources.ts) start values, steps (steps.ts and the cases below) carry them through
// variables, templates, path builders, arrays, objects, fields, calls and callbacks, and barriers
// (barriers.ts) make what is under them private. Each node is evaluated once and memoised; a cycle
// (a recursive function, a variable defined from itself) reads as unknown, so the work stays linear.
import { NAMED_TEMP_HELPER } from '../shared-names';
import { contains, isCall, isFunction, isMember, propertyName, requireSource, stringValue, unwrap, unwrapPath, type Node, type Path } from '../ast';
import { moduleKindOf, type Modules } from '../modules';
import { patternIdentifiers, type Declaration, type Scopes } from '../scope';
import type { Tree } from '../tree';
import { findBarrier } from './barriers';
import type { ExportFact, ModuleFacts } from './facts';
import {
  either,
  guessOf,
  join,
  OTHER,
  joinKey,
  paths,
  stemOf,
  UNKNOWN,
  type ArrayFact,
  type Fact,
  type Guess,
  type HandleFact,
  type ObjectFact,
  type PathFact,
  type Access,
  type Ref,
  type Root,
  type Value,
  type Via,
} from './lattice';
import { findSource, SHARED_DIRS, TMP_ENV } from './sources';
import { findStep, SAME_GLOBALS, SAME_METHODS } from './steps';

const PREFIXED = /^(\/tmp|\/var\/tmp|\/dev\/shm)\/+(.*)$/s;
/** What computes a content digest: a name made with one is a cache key. */
const DIGEST = /\b(createHash|digest|hash\w*|sha\d+|md5|checksum|integrity)\b/i;
const PARENS = new Set(['ParenthesizedExpression', 'AwaitExpression']);

/** Array methods that hand each element to their callback's first parameter. */
const ELEMENT_CALLBACKS = new Set(['forEach', 'map', 'flatMap', 'filter', 'some', 'every', 'find', 'findLast', 'findIndex', 'findLastIndex']);
/** Array methods whose result holds (some of) the receiver's elements. */
const SAME_ELEMENTS = new Set(['filter', 'slice', 'concat', 'reverse', 'sort', 'flat', 'toSorted', 'toReversed', 'splice']);
/** Names of a realpath helper from another package: it gives its argument, resolved. */
const REALPATH_NAME = /^(?:try_?)?real_?path(?:Sync|Native)?$/i;
/** Array methods that return one of the receiver's elements. */
const ONE_ELEMENT = new Set(['find', 'findLast', 'at', 'pop', 'shift']);
/** Methods that put a value into a collection held by a variable. */
const COLLECTING = new Set(['push', 'unshift', 'add']);

/** A path under the shared temp directory as the rules see it: where it is named, and the name. */
export interface TmpPath {
  ref: Ref;
  /** Every place the directory is named, when the value has several (a ternary, a loop, branches). */
  refs: Ref[];
  /** The whole path-building expression (a `path.join` call, a concatenation, …). */
  expr: Path;
  /** The name under the temp directory, normalised, for spotting one name used in several places. */
  key: string;
  /** A readable stem for the mkdtemp prefix, taken from the old name; '' when there is none. */
  stem: string;
  guess: Guess;
  /** How the name is made: a name the code writes, or one a name-only API (`tmp.tmpNameSync()`) made up. */
  made: 'code' | 'name-api';
  /** The steps the value took ('the loop variable dir', 'parameter out of unpack()'). */
  via: Via[];
  /** The alternatives behind it. */
  facts: PathFact[];
  /** Only one of the alternatives is in the temp directory: a default (`opts.dir || os.tmpdir()`). */
  mixed: boolean;
  /**
   * Where the other alternatives come from, when `mixed`: `callers` when the expression is a
   * parameter alone and its callers pass other directories too (shelljs's `writeableDir(dir)`, called
   * with os.tmpdir(), $TMPDIR and '.'), or callers tmpfix cannot see may pass anything; `default`
   * when the code itself chooses the temp directory as a fallback.
   */
  mixedBy?: 'callers' | 'default';
}

function shared(origin: Node, source: string): PathFact {
  return { kind: 'path', root: { kind: 'shared', origin, source }, key: '', stem: '', via: [] };
}

/** `process.env.X`, or several of them joined with `||` / `??`. */
function envOnly(node: Node): boolean {
  const n = unwrap(node);
  if (n.type === 'LogicalExpression') return envOnly(n.left) && envOnly(n.right);
  if (!isMember(n)) return false;
  const object = unwrap(n.object);
  return isMember(object) && unwrap(object.object).type === 'Identifier' && unwrap(object.object).name === 'process' && propertyName(object) === 'env';
}

/** `process.env.SystemRoot + '\\temp'` (or windir): the system's temp directory on Windows. */
function windowsSystemTemp(node: Node): boolean {
  const right = unwrap(node.right);
  return right.type === 'StringLiteral' && /^[\\/](?:temp|tmp)$/i.test(right.value as string) && envOnly(node.left);
}

function withVia(value: Value, kind: Via['kind'], text: string, node?: Node): Value {
  const step: Via = { kind, text, node };
  return value.map((fact) => (fact.kind === 'path' ? { ...fact, via: [...fact.via, step] } : fact));
}

export class Values {
  private readonly memo = new Map<Node, Value>();
  private readonly active = new Set<Node>();
  private readonly returnMemo = new Map<Node, Value>();
  private readonly fieldMemo = new Map<string, Value>();
  private callIndex?: Map<Node, Path[]>;
  private readonly argOffset = new WeakMap<Node, number>();
  /** How deep `piece` is in the initialisers of consts it shows by what they hold. */
  private inlining = 0;
  private readonly callerMemo = new Map<PathFact, Map<number, { facts: PathFact[]; lost: boolean }>>();
  private readonly instanceMemo = new Map<PathFact, Map<Node, Value>>();
  private readonly mutationMemo = new Map<Node, { pushed: Path[]; props: Map<string, Path[]> }>();

  constructor(
    private readonly tree: Tree,
    private readonly scopes: Scopes,
    private readonly modules: Modules,
    private readonly source: string,
    private readonly facts: ModuleFacts = {},
  ) {}

  /** What the expression at `path` holds. */
  of(path: Path): Value {
    const node = path.node;
    const known = this.memo.get(node);
    if (known) return known;
    if (this.active.has(node)) return UNKNOWN;
    this.active.add(node);
    let value: Value;
    try {
      value = this.evaluate(path);
    } finally {
      this.active.delete(node);
    }
    this.memo.set(node, value);
    return value;
  }

  // --- What the rules ask ------------------------------------------------------------------------

  /** Where `path` (an expression used as a file system path) names a place under the shared temp directory. */
  tmpPathOf(path: Path): TmpPath | undefined {
    const value = this.of(path);
    const lost = { value: false };
    const expanded = this.throughCallers(paths(value), 0, lost);
    const facts = expanded.filter((f) => f.ref && ((f.root.kind === 'shared' && f.key !== '') || f.root.kind === 'name'));
    if (facts.length === 0) return undefined;
    // Beside a private directory (a caller's `{ outDir: fs.mkdtempSync(…) }`) the temp path is a fallback too.
    if (expanded.some((f) => f.root.kind === 'private')) lost.value = true;
    const first = facts[0];
    const keys = [...new Set(facts.map((f) => f.key))];
    const refs: Ref[] = [];
    for (const f of facts) if (f.ref && !refs.some((r) => r.path.node === f.ref!.path.node)) refs.push(f.ref);
    const made = first.root.kind === 'name' ? 'name-api' : 'code';
    const key = keys.join('|');
    return {
      ref: first.ref!,
      refs,
      expr: first.expr ?? path,
      key,
      stem: facts.map((f) => f.stem).find(Boolean) ?? '',
      guess: made === 'name-api' ? 'random' : keys.map(guessOf).sort(byDanger)[0],
      made,
      via: first.via,
      facts,
      // A caller this file cannot see (an exported function, a constructor called elsewhere) may pass anything.
      mixed: value.some((f) => f.kind === 'other') || lost.value,
      mixedBy: value.every((f) => f.kind === 'path' && f.root.kind === 'param') ? 'callers' : 'default',
    };
  }

  /**
   * Parameter-rooted facts filled in by every same-file call of their function (and those callers'
   * callers, a few levels up): a creation in a callee is found with the path its caller built.
   */
  private throughCallers(facts: PathFact[], depth: number, lost: { value: boolean }): PathFact[] {
    const out: PathFact[] = [];
    for (const fact of facts) {
      if (fact.root.kind !== 'param') {
        out.push(fact);
        continue;
      }
      const filled = this.filledByCallers(fact, depth);
      if (filled.lost) lost.value = true;
      out.push(...filled.facts);
    }
    return out;
  }

  /**
   * One parameter-rooted fact through its callers, `depth` levels up already. Asked again for every
   * creation a rule looks at, so it is kept once no evaluation is under way (a value read inside a
   * cycle is only provisional then): a helper called from many places is expanded once, not once per
   * question (the `tmp` package's own code asked it tens of thousands of times).
   */
  private filledByCallers(fact: PathFact, depth: number): { facts: PathFact[]; lost: boolean } {
    const settled = this.active.size === 0;
    const known = settled ? this.callerMemo.get(fact)?.get(depth) : undefined;
    if (known) return known;
    const lost = { value: false };
    let facts: PathFact[] = [];
    if (fact.root.kind !== 'param') {
      facts = [fact];
    } else if (depth >= 3) {
      lost.value = true;
    } else {
      const fnNode = fact.root.fn;
      const fn = this.tree.pathOf(fnNode);
      const filled: PathFact[] = [];
      // A recursive call only extends the name its first caller built: the outer calls are enough.
      const calls = this.callsTo(fnNode).filter((call) => !contains(fnNode, call.node));
      if (calls.length === 0) lost.value = true;
      for (const call of calls) {
        const value = this.instantiateOnce(fact, call, fn);
        if (!value.some((f) => f.kind === 'path')) lost.value = true;
        filled.push(...paths(value));
      }
      facts = this.throughCallers(filled, depth + 1, lost);
    }
    const result = { facts, lost: lost.value };
    if (settled) {
      let byDepth = this.callerMemo.get(fact);
      if (!byDepth) this.callerMemo.set(fact, (byDepth = new Map()));
      byDepth.set(depth, result);
    }
    return result;
  }

  /** `instantiate`, kept per fact and call while no evaluation is under way, so that the facts it makes stay the same objects. */
  private instantiateOnce(fact: PathFact, call: Path, fn: Path): Value {
    if (this.active.size !== 0) return this.instantiate(fact, call, fn);
    let byCall = this.instanceMemo.get(fact);
    const known = byCall?.get(call.node);
    if (known) return known;
    const value = this.instantiate(fact, call, fn);
    if (!byCall) this.instanceMemo.set(fact, (byCall = new Map()));
    byCall.set(call.node, value);
    return value;
  }

  /** True when the expression is the shared temp directory itself. */
  isTmpDir(path: Path): boolean {
    const facts = paths(this.of(path));
    return facts.length > 0 && facts.some((f) => f.root.kind === 'shared' && f.key === '');
  }

  /** True when the value is (or is under) a private directory: a barrier. */
  isPrivate(path: Path): boolean {
    const facts = paths(this.of(path));
    return facts.length > 0 && facts.every((f) => f.root.kind === 'private');
  }

  /** The path facts of a value whose root is a parameter of `fn`. */
  paramFacts(path: Path, fn: Node): PathFact[] {
    return paths(this.of(path)).filter((f) => f.root.kind === 'param' && f.root.fn === fn);
  }

  /**
   * Whether the expression at `path` is built from the temp directory in a way `tmpPathOf` cannot
   * follow: a spread, a parameter default, a value the analysis lost. Such a creation is reported.
   */
  mentionsTmpDir(original: Path, depth = 0): boolean {
    if (depth > 4) return false;
    const path = unwrapPath(original);
    const node = path.node;
    if (!node) return false;
    if (this.isPrivate(path)) return false;
    if (this.isTmpDir(path) || this.tmpPathOf(path)) return true;
    if (node.type === 'Identifier') {
      const declared = this.scopes.lookup(path, node.name);
      if (!declared) return false;
      const sources: Node[] = [];
      if (declared.declarator?.init) sources.push(declared.declarator.init);
      const parent = this.tree.parentOf(declared.id);
      if (parent?.type === 'AssignmentPattern' && parent.left === declared.id) sources.push(parent.right);
      for (const assignment of this.assignmentsOf(declared)) sources.push(assignment.right);
      if (sources.some((s) => this.isPrivate(this.tree.pathOf(s)))) return false;
      return sources.some((s) => s !== node && this.mentionsTmpDir(this.tree.pathOf(s), depth + 1));
    }
    const literal = stringValue(node);
    if (literal !== undefined) return PREFIXED.test(literal);
    for (const key of ['arguments', 'left', 'right', 'expressions', 'consequent', 'alternate', 'argument', 'object', 'elements']) {
      const value = node[key];
      const children: (Node | null)[] = Array.isArray(value) ? value : [value];
      for (let i = 0; i < children.length; i++) {
        const child = children[i];
        if (!child || typeof child.type !== 'string') continue;
        const childPath = (Array.isArray(value) ? path.get(key, i) : path.get(key)) as Path;
        if (this.mentionsTmpDir(childPath, depth)) return true;
      }
    }
    return false;
  }

  /** Same-file functions a call may run: a declaration, an arrow in a const, a method on `this`. */
  functionsCalled(call: Path): Path[] {
    let callee = unwrapPath(call.get('callee') as Path);
    // `ProcessLauncher.call(launcher, spawn, tempDir)`: the same function, its arguments one along.
    if (isMember(callee.node) && propertyName(callee.node) === 'call' && !callee.node.computed) {
      this.argOffset.set(call.node, 1);
      callee = unwrapPath(callee.get('object') as Path);
    }
    return this.of(callee).filter((f): f is Extract<Fact, { kind: 'function' }> => f.kind === 'function').map((f) => f.fn);
  }

  /** Arguments to skip before a function's parameters begin (1 for `f.call(thisArg, …)`). */
  argumentOffset(call: Node): number {
    return this.argOffset.get(call) ?? 0;
  }

  /** Every call (and `new`) in the file that may run `fn`. */
  callsTo(fn: Node): Path[] {
    if (!this.callIndex) {
      this.callIndex = new Map();
      for (const type of ['CallExpression', 'OptionalCallExpression', 'NewExpression']) {
        for (const node of this.tree.ofType(type)) {
          const call = this.tree.pathOf(node);
          const targets = node.type === 'NewExpression' ? this.constructorsOf(call) : this.functionsCalled(call);
          for (const target of targets) {
            const list = this.callIndex.get(target.node) ?? [];
            list.push(call);
            this.callIndex.set(target.node, list);
          }
        }
      }
    }
    return this.callIndex.get(fn) ?? [];
  }

  /**
   * A fact whose root is a parameter of `fn`, as each call in the file fills it in: the value the
   * caller passes, with the rest of the path appended.
   */
  instantiate(fact: PathFact, call: Path, fn: Path): Value {
    if (fact.root.kind !== 'param' || fact.root.fn !== fn.node) return [fact];
    const args = call.node.arguments as Node[];
    const index = fact.root.index + this.argumentOffset(call.node);
    if (index >= args.length || args.slice(0, index + 1).some((a) => a.type === 'SpreadElement')) return UNKNOWN;
    const argPath = call.get('arguments', index) as Path;
    const params = fn.node.params as Node[];
    const name = params[index]?.type === 'Identifier' ? params[index].name : `#${index + 1}`;
    const step: Via = { kind: 'param', text: `parameter ${name} of ${functionName(fn.node, fn.parent?.node)}()`, node: call.node };
    const out: Fact[] = [];
    const passed = fact.access?.length ? this.read(this.of(argPath), fact.access) : this.of(argPath);
    for (const arg of passed) {
      if (arg.kind !== 'path') continue;
      const key = arg.key === '' ? fact.key : fact.key ? joinKey(arg.key, fact.key) : arg.key;
      // The caller's own expression is what moves: a root passed as it is becomes the ref.
      const ref = arg.ref ?? (fact.key !== '' && arg.root.kind === 'shared' ? { path: unwrapPath(argPath), kind: 'dir' as const, prefixLength: 0 } : undefined);
      const viaAtRef = arg.ref ? arg.viaAtRef : ref ? arg.via.length : undefined;
      out.push({ ...arg, key, ref, viaAtRef, expr: arg.expr ?? argPath, stem: arg.stem || fact.stem, via: [...arg.via, step, ...fact.via] });
    }
    return out;
  }

  // --- Evaluation --------------------------------------------------------------------------------

  private evaluate(original: Path): Value {
    let path = unwrapPath(original);
    while (PARENS.has(path.node.type)) path = unwrapPath(path.get(path.node.type === 'AwaitExpression' ? 'argument' : 'expression') as Path);
    if (path.node !== original.node) return this.of(path);
    const node = path.node;
    switch (node.type) {
      case 'StringLiteral':
        return this.literal(path, node.value as string, 'literal');
      case 'TemplateLiteral':
        return this.template(path);
      case 'BinaryExpression':
        // `(process.env.SystemRoot || process.env.windir) + '\\temp'`: Windows' own temp directory.
        if (node.operator === '+' && windowsSystemTemp(node)) return [shared(node, this.text(node))];
        return node.operator === '+' ? this.concat(path) : UNKNOWN;
      case 'LogicalExpression':
        return node.operator === '&&' ? this.of(path.get('right') as Path) : either(this.of(path.get('left') as Path), this.of(path.get('right') as Path));
      case 'ConditionalExpression':
        return either(this.of(path.get('consequent') as Path), this.of(path.get('alternate') as Path));
      case 'SequenceExpression':
        return this.of(path.get('expressions', node.expressions.length - 1) as Path);
      case 'AssignmentExpression':
        return node.operator === '=' || node.operator === '||=' || node.operator === '??=' ? this.of(path.get('right') as Path) : UNKNOWN;
      case 'Identifier':
        return this.identifier(path);
      case 'MemberExpression':
      case 'OptionalMemberExpression':
        return this.member(path);
      case 'CallExpression':
      case 'OptionalCallExpression':
        return this.call(path);
      case 'NewExpression':
        return this.construct(path);
      case 'ObjectExpression':
        return [this.objectLiteral(path)];
      case 'ArrayExpression':
        return [{ kind: 'array', members: (node.elements as (Node | null)[]).flatMap((e, i) => (e && e.type !== 'SpreadElement' ? [path.get('elements', i) as Path] : [])), extra: UNKNOWN }];
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        return [{ kind: 'function', fn: path }];
      case 'ThisExpression': {
        // `handleFile(self, stream)` with `self = this`: the instance travels, its fields with it.
        const cls = this.classOfThis(path);
        return cls ? [{ kind: 'instance', cls }] : UNKNOWN;
      }
      default:
        return UNKNOWN;
    }
  }

  private literal(path: Path, value: string, kind: 'literal' | 'template'): Value {
    if (SHARED_DIRS.includes(value.replace(/\/+$/, '') || value)) return [shared(path.node, this.text(path.node))];
    const match = PREFIXED.exec(value);
    if (!match || match[2] === '' || /\s/.test(match[2])) return UNKNOWN;
    const rest = match[2];
    const ref: Ref = { path, kind, prefixLength: value.length - rest.length };
    return [{ ...shared(path.node, this.text(path.node)), key: rest, ref, viaAtRef: 0, expr: path, stem: stemOf(rest) }];
  }

  private template(path: Path): Value {
    const node = path.node;
    const quasis = node.quasis as Node[];
    const head = quasis[0].value.cooked as string;
    if (node.expressions.length === 0) return this.literal(path, head, 'template');
    if (head === '') {
      const first = path.get('expressions', 0) as Path;
      let rest = quasis[1].value.cooked as string;
      for (let i = 1; i < node.expressions.length; i++) rest += `${this.piece(node.expressions[i])}${quasis[i + 1].value.cooked}`;
      const afterDir = (quasis[1].value.cooked as string).replace(/^\/+/, '');
      return this.derive(this.of(first), rest, path, first, afterDir);
    }
    const match = PREFIXED.exec(head);
    if (!match) return UNKNOWN;
    let key = match[2];
    for (let i = 0; i < node.expressions.length; i++) key += `${this.piece(node.expressions[i])}${quasis[i + 1].value.cooked}`;
    const ref: Ref = { path, kind: 'template', prefixLength: head.length - match[2].length };
    return [{ ...shared(node, this.text(node)), key, ref, viaAtRef: 0, expr: path, stem: stemOf(match[2]) }];
  }

  private concat(path: Path): Value {
    let leftmost = path.get('left') as Path;
    const pieces: Node[] = [path.node.right];
    while (unwrap(leftmost.node).type === 'BinaryExpression' && unwrap(leftmost.node).operator === '+') {
      pieces.unshift(unwrap(leftmost.node).right);
      leftmost = unwrapPath(leftmost).get('left') as Path;
    }
    const rest = pieces.map((p) => this.describe(p)).join('');
    return this.derive(this.of(leftmost), rest, path, leftmost);
  }

  /**
   * Appends `rest` to each path in `value`: the result of `base + rest`, `${base}rest`, a join.
   * `baseNode` is the expression that held the root, which becomes the ref when the name starts here.
   */
  private derive(value: Value, rest: string, expr: Path, baseNode: Path, stemSource?: string, asSegments = false): Value {
    // Something else joined on is still something else: the mix survives the step.
    const out: Fact[] = value.some((f) => f.kind === 'other') ? [OTHER] : [];
    for (const fact of value) {
      if (fact.kind !== 'path') continue;
      if (fact.key === '') {
        // `os.tmpdir() + 'stamp.txt'`: no separator, so a name beside the temp directory, not in it.
        if (!asSegments && fact.root.kind === 'shared' && /^[\w.-]/.test(rest) && !/[/\\]['"`]?$/.test(fact.root.source)) continue;
        const key = rest.replace(/^\/+/, '');
        if (!key) {
          out.push(fact);
          continue;
        }
        const ref: Ref | undefined = fact.root.kind === 'shared' ? { path: unwrapPath(baseNode), kind: 'dir', prefixLength: 0 } : undefined;
        out.push({ ...fact, key, ref, viaAtRef: fact.via.length, expr, stem: stemOf(stemSource ?? key) });
      } else {
        const key = asSegments ? joinKey(fact.key, rest) : fact.key + rest;
        out.push({ ...fact, key, expr, stem: fact.stem || stemOf(rest) });
      }
    }
    return out;
  }

  private identifier(path: Path): Value {
    const name = path.node.name as string;
    if (name === 'undefined') return UNKNOWN;
    const declared = this.scopes.lookup(path, name);
    if (!declared) return UNKNOWN;
    const idPath = this.tree.pathOf(declared.id);
    const parent = idPath.parent?.node as Node | undefined;
    if (!parent) return UNKNOWN;
    switch (parent.type) {
      case 'ImportSpecifier':
      case 'ImportDefaultSpecifier':
      case 'ImportNamespaceSpecifier':
        return this.imported(idPath.parent!.parent as Path, parent);
      case 'FunctionDeclaration':
        if (parent.id === declared.id) return [{ kind: 'function', fn: idPath.parent as Path }];
        break;
      case 'ClassDeclaration':
      case 'ClassExpression':
      case 'CatchClause':
        return UNKNOWN;
    }
    if (!declared.declarator) {
      // `filepath = path.join(tmpdir(), …)` on a parameter (marktext's upload): the definitions that reach the use.
      const assignments = this.assignmentsOf(declared);
      const value = this.parameter(idPath);
      return assignments.length === 0 ? value : this.reaching(path, declared.id, value, assignments);
    }
    return this.variable(path, declared);
  }

  /** A name declared by `const`/`let`/`var`: the definitions that reach this use, joined. */
  private variable(use: Path, declared: Declaration): Value {
    const declarator = declared.declarator!;
    const declaration = this.tree.parentOf(declarator);
    const loop = declaration && this.tree.parentOf(declaration);
    // `for (const dir of [os.tmpdir(), '/var/tmp'])`: each element in turn.
    if (loop && (loop.type === 'ForOfStatement' || loop.type === 'ForInStatement') && loop.left === declaration) {
      if (loop.type === 'ForInStatement') return UNKNOWN;
      const iterated = this.elementsOf(this.of(this.tree.pathOf(loop.right)));
      return withVia(this.destructure(iterated, declarator.id, declared.id), 'loop', `the loop variable ${declared.id.name}`, loop);
    }
    const initValue = declarator.init ? this.destructure(this.of(this.tree.pathOf(declarator).get('init') as Path), declarator.id, declared.id) : UNKNOWN;
    const assignments = declared.kind === 'const' ? [] : this.assignmentsOf(declared);
    let value: Value;
    if (assignments.length === 0) value = initValue;
    else value = this.reaching(use, declarator.init ? declarator : undefined, initValue, assignments);
    return this.withMutations(value, declared);
  }

  /**
   * Which definitions of a reassigned variable reach `use`: the last one before it in a block around
   * it (it always runs first), joined with those after it that may run instead (in a branch, in a
   * loop around the use). With none of those, every definition.
   */
  private reaching(use: Path, initial: Node | undefined, initValue: Value, assignments: Node[]): Value {
    const useNode = use.node;
    const owner = this.ownerNode(useNode);
    const defs: { node: Node; value: () => Value }[] = [];
    if (initial) defs.push({ node: initial, value: () => initValue });
    for (const a of assignments) defs.push({ node: a, value: () => this.of(this.tree.pathOf(a)) });
    defs.sort((a, b) => a.node.start - b.node.start);
    const before = defs.filter((d) => d.node.end <= useNode.start && this.ownerNode(d.node) === owner);
    let dominating = -1;
    for (let i = before.length - 1; i >= 0; i--) {
      if (this.dominates(before[i].node, useNode, owner)) {
        dominating = i;
        break;
      }
    }
    if (dominating === -1) return either(...defs.map((d) => d.value()));
    const reaching = [before[dominating], ...before.slice(dominating + 1)];
    const loop = this.loopAround(useNode, owner);
    if (loop) for (const d of defs) if (d.node.start > useNode.end && d.node.end <= loop.end) reaching.push(d);
    return either(...reaching.map((d) => d.value()));
  }

  /** A definition runs before `use` whenever `use` runs: its statement list holds the use, and no loop or branch sits between. */
  private dominates(def: Node, use: Node, owner: Node): boolean {
    let statement: Node = def;
    for (let p = this.tree.parentOf(def); p && p !== owner; p = this.tree.parentOf(p)) {
      if (p.type === 'BlockStatement' || p.type === 'Program' || p.type === 'StaticBlock') return p.start <= use.start && use.end <= p.end && statement.end <= use.start;
      if (p.type !== 'ExpressionStatement' && p.type !== 'VariableDeclaration' && p.type !== 'SequenceExpression' && p.type !== 'AwaitExpression') return false;
      statement = p;
    }
    return owner.body?.type === 'BlockStatement' || owner.type === 'Program';
  }

  private loopAround(node: Node, owner: Node): Node | undefined {
    for (let p = this.tree.parentOf(node); p && p !== owner; p = this.tree.parentOf(p)) {
      if (/^(For|ForIn|ForOf|While|DoWhile)Statement$/.test(p.type)) return p;
    }
    return undefined;
  }

  private ownerNode(node: Node): Node {
    for (let p = this.tree.parentOf(node); p; p = this.tree.parentOf(p)) if (isFunction(p) || p.type === 'Program') return p;
    return this.tree.program;
  }

  /** `x = …` assignments that mean this declaration. */
  private assignmentsOf(declared: Declaration): Node[] {
    const name = declared.id.name as string;
    return this.tree.assignmentsTo(name).filter((a) => this.scopes.lookup(this.tree.pathOf(a.left), name)?.id === declared.id);
  }

  /** `files.push(x)`, `files[i] = x`, `item.path = x` on a variable holding an array or an object. */
  private withMutations(value: Value, declared: Declaration): Value {
    if (!value.some((f) => f.kind === 'array' || f.kind === 'object')) return value;
    const { pushed, props } = this.mutationsOf(declared);
    if (pushed.length === 0 && props.size === 0) return value;
    return value.map((fact) => {
      if (fact.kind === 'array') return { ...fact, members: [...fact.members, ...pushed] };
      if (fact.kind === 'object') {
        const merged = new Map(fact.props);
        for (const [k, v] of props) merged.set(k, [...(merged.get(k) ?? []), ...v]);
        return { ...fact, props: merged };
      }
      return fact;
    });
  }

  /** What the code puts into the collection a declaration holds, found once per declaration (every use asks). */
  private mutationsOf(declared: Declaration): { pushed: Path[]; props: Map<string, Path[]> } {
    const known = this.mutationMemo.get(declared.id);
    if (known) return known;
    const name = declared.id.name as string;
    const pushed: Path[] = [];
    const props = new Map<string, Path[]>();
    for (const id of this.tree.identifiersNamed(name, declared.scope)) {
      if (id === declared.id) continue;
      const parent = this.tree.parentOf(id);
      if (!parent || !isMember(parent) || parent.object !== id) continue;
      const grand = this.tree.parentOf(parent);
      if (!grand) continue;
      const idUse = this.tree.pathOf(id);
      if (this.scopes.lookup(idUse, name)?.id !== declared.id) continue;
      const prop = propertyName(parent);
      if (isCall(grand) && grand.callee === parent && prop && COLLECTING.has(prop)) {
        const call = this.tree.pathOf(grand);
        (grand.arguments as Node[]).forEach((a, i) => a.type !== 'SpreadElement' && pushed.push(call.get('arguments', i) as Path));
      } else if (grand.type === 'AssignmentExpression' && grand.left === parent && grand.operator === '=') {
        const right = this.tree.pathOf(grand).get('right') as Path;
        if (parent.computed && !stringValue(parent.property)) pushed.push(right);
        else if (prop) props.set(prop, [...(props.get(prop) ?? []), right]);
      }
    }
    const found = { pushed, props };
    this.mutationMemo.set(declared.id, found);
    return found;
  }

  /** The part of `value` that the identifier `target` takes in the pattern `pattern` (`{ path: file }`, `[a, b]`). */
  private destructure(value: Value, pattern: Node, target: Node): Value {
    if (pattern === target) return value;
    if (pattern.type === 'AssignmentPattern') {
      // `const { dir = os.tmpdir() } = opts`: the default only when opts has no dir.
      return either(this.destructure(value, pattern.left, target), this.destructure(this.of(this.tree.pathOf(pattern.right)), pattern.left, target));
    }
    if (pattern.type === 'ObjectPattern') {
      for (const prop of pattern.properties as Node[]) {
        if (prop.type === 'RestElement') continue;
        const inner = prop.value as Node;
        if (!patternIdentifiers(inner).includes(target)) continue;
        const key = prop.computed ? stringValue(prop.key) : (prop.key.name ?? prop.key.value);
        if (typeof key !== 'string') return UNKNOWN;
        return this.destructure(this.propertyOf(value, key), inner, target);
      }
      return UNKNOWN;
    }
    if (pattern.type === 'ArrayPattern') {
      for (const element of pattern.elements as (Node | null)[]) {
        if (element && element.type !== 'RestElement' && patternIdentifiers(element).includes(target)) return this.destructure(this.elementsOf(value), element, target);
      }
      return UNKNOWN;
    }
    return UNKNOWN;
  }

  /** A function's parameter: what the caller of an inline callback hands it, else a symbolic root. */
  private parameter(idPath: Path): Value {
    let pattern: Path = idPath;
    while (pattern.parent && !isFunction(pattern.parent.node)) {
      if (pattern.parent.node.type === 'TSParameterProperty') break;
      pattern = pattern.parent as Path;
      if (pattern.node.type === 'Program') return UNKNOWN;
    }
    let fnPath = pattern.parent as Path | null;
    if (pattern.parent?.node.type === 'TSParameterProperty') {
      fnPath = pattern.parent.parent as Path | null;
      pattern = pattern.parent as Path;
    }
    if (!fnPath || !isFunction(fnPath.node)) return UNKNOWN;
    const params = fnPath.node.params as Node[];
    const index = params.indexOf(pattern.node);
    if (index < 0) return UNKNOWN;
    const fromCaller = this.callbackArgument(fnPath, index);
    let value: Value;
    if (fromCaller) value = fromCaller;
    else if (pattern.node.type === 'Identifier' || pattern.node.type === 'TSParameterProperty') {
      value = [{ kind: 'path', root: { kind: 'param', fn: fnPath.node, index }, key: '', stem: '', via: [] }];
    } else value = UNKNOWN;
    const inner = pattern.node.type === 'TSParameterProperty' ? pattern.node.parameter : pattern.node;
    // `(out = path.join(os.tmpdir(), 'x')) =>`: the default joins in.
    if (inner.type === 'AssignmentPattern' && inner.left === idPath.node) {
      return either(fromCaller ?? UNKNOWN, withVia(this.of(this.tree.pathOf(inner.right)), 'default', `the default of parameter ${idPath.node.name}`, inner));
    }
    return this.destructure(value, inner, idPath.node);
  }

  /**
   * What calls an inline callback with its parameters: an array method (each element), `.then` (the
   * promise's value), a temp library handing over its result, or a same-file function that calls it.
   */
  private callbackArgument(fn: Path, index: number): Value | undefined {
    const call = fn.parent as Path | null;
    if (!call || !isCall(call.node)) return undefined;
    const args = call.node.arguments as Node[];
    const position = args.indexOf(fn.node);
    if (position < 0) return undefined;
    const callee = unwrap(call.node.callee);
    if (isMember(callee)) {
      const method = propertyName(callee) ?? '';
      const receiver = this.tree.pathOf(callee).get('object') as Path;
      if (position === 0 && index === 0 && ELEMENT_CALLBACKS.has(method)) return withVia(this.elementsOf(this.of(receiver)), 'element', 'an element of the array', call.node);
      if (position === 0 && index === 1 && (method === 'reduce' || method === 'reduceRight')) return this.elementsOf(this.of(receiver));
      if (position === 0 && index === 0 && method === 'then') return this.of(receiver);
    }
    const ref = this.modules.calleeOf(call);
    if (ref && position === args.length - 1) {
      const source = findSource(ref.module, ref.member);
      if (source?.callbackParam === index && source.yields === 'name') return [this.nameFact(call, ref.member)];
      const barrier = findBarrier(ref.module, ref.member);
      if (barrier?.result === 'callback' && barrier.param === index) {
        const privateDir = this.privateFact(call, ref.member);
        return barrier.prop ? [{ kind: 'handle', props: new Map([[barrier.prop, [privateDir]]]) } satisfies HandleFact] : [privateDir];
      }
      if (barrier?.result === 'scoped' && index === 0) return [{ kind: 'handle', props: new Map([[barrier.prop!, [this.privateFact(call, ref.member)]]]) } satisfies HandleFact];
    }
    // A same-file function that calls its parameter: `function tempDir(cb) { cb(null, os.tmpdir()) }`.
    const handed: Fact[] = [];
    // `(opts.destination || defaultDestination)(req, cb)`: the caller's own function may run instead.
    if (this.of(unwrapPath(call.get('callee') as Path)).some((f) => f.kind !== 'function')) handed.push(OTHER);
    for (const target of this.functionsCalled(call)) {
      for (const invocation of this.invocationsOf(target, position)) {
        const invocationArgs = invocation.node.arguments as Node[];
        if (index >= invocationArgs.length || invocationArgs[index].type === 'SpreadElement') continue;
        const passed = this.of(invocation.get('arguments', index) as Path);
        if (passed.length === 0) handed.push(OTHER);
        for (const fact of passed) {
          if (fact.kind === 'path' && fact.root.kind === 'param' && fact.root.fn === target.node) handed.push(...this.instantiate(fact, call, target));
          else handed.push(fact);
        }
      }
    }
    return handed.some((f) => f.kind !== 'other') ? withVia(handed, 'callback', `the callback of ${functionName(this.functionsCalled(call)[0]?.node ?? call.node)}()`, call.node) : undefined;
  }

  /** Calls inside `fn` of its own parameter number `index` (a callback it was given). */
  private invocationsOf(fn: Path, index: number): Path[] {
    const param = (fn.node.params as Node[])[index];
    if (param?.type !== 'Identifier') return [];
    const found: Path[] = [];
    for (const id of this.tree.identifiersNamed(param.name, fn.node)) {
      const parent = this.tree.parentOf(id);
      if (!parent || !isCall(parent) || parent.callee !== id) continue;
      const idPath = this.tree.pathOf(id);
      if (this.scopes.lookup(idPath, param.name)?.id !== param) continue;
      found.push(this.tree.pathOf(parent));
    }
    return found;
  }

  private member(path: Path): Value {
    const node = path.node;
    const name = propertyName(node);
    const object = unwrap(node.object);
    // process.env.TMPDIR, process.env['TEMP']
    if (name && TMP_ENV.has(name) && isMember(object) && unwrap(object.object).type === 'Identifier' && unwrap(object.object).name === 'process' && propertyName(object) === 'env') {
      return [shared(node, this.text(node))];
    }
    if (object.type === 'ThisExpression' && name) return this.field(path, node.property.type === 'PrivateName' ? `#${name}` : name);
    // `const self = this; … self.uploadDir`: the same object.
    const alias = object.type === 'Identifier' && name ? this.thisAlias(path.get('object') as Path) : undefined;
    if (alias && name) return this.field(alias, name);
    // A module's value read as a member: `require('electron').app` handled by calls; a module export used as a value.
    const ref = this.modules.memberOf(path);
    if (ref) {
      const source = findSource(ref.module, ref.member);
      if (source?.yields === 'shared' && source.member === '') return [shared(node, this.text(node))];
    }
    const base = this.of(path.get('object') as Path);
    if (node.computed && !stringValue(node.property)) return this.elementsOf(base);
    return name ? this.propertyOf(base, name) : UNKNOWN;
  }

  private propertyOf(value: Value, name: string): Value {
    const out: Value[] = [];
    for (const fact of value) {
      if (fact.kind === 'path' && fact.root.kind === 'param' && fact.key === '') out.push([{ ...fact, access: [...(fact.access ?? []), { kind: 'prop', name }] }]);
      else if (fact.kind === 'object') {
        if (fact.overridable?.has(name)) out.push([OTHER]);
        for (const p of fact.props.get(name) ?? []) out.push(withVia(this.of(p), 'property', `property ${name}`, p.node));
      } else if (fact.kind === 'handle') out.push(fact.props.get(name) ?? UNKNOWN);
      else if (fact.kind === 'instance') out.push(this.fieldOf(fact.cls, name));
    }
    return join(...out);
  }

  private elementsOf(value: Value): Value {
    const out: Value[] = [];
    for (const fact of value) {
      if (fact.kind === 'array') out.push(fact.extra, ...fact.members.map((m) => this.of(m)));
      else if (fact.kind === 'path' && fact.root.kind === 'param' && fact.key === '') out.push([{ ...fact, access: [...(fact.access ?? []), { kind: 'element' }] }]);
    }
    return join(...out);
  }

  /** Reads `access` (elements, properties) out of a value, as a parameter's uses read its argument. */
  private read(value: Value, access: readonly Access[]): Value {
    let current = value;
    for (const step of access) current = step.kind === 'element' ? this.elementsOf(current) : this.propertyOf(current, step.name);
    return current;
  }

  private objectLiteral(path: Path): ObjectFact {
    const props = new Map<string, Path[]>();
    const overridable = new Set<string>();
    (path.node.properties as Node[]).forEach((prop, i) => {
      // `{ dir: os.tmpdir(), ...opts }`: a spread after a property may replace it.
      if (prop.type === 'SpreadElement') {
        for (const key of props.keys()) overridable.add(key);
        return;
      }
      if (prop.type !== 'ObjectProperty' && prop.type !== 'Property') return;
      const key = prop.computed ? stringValue(prop.key) : (prop.key.name ?? prop.key.value);
      if (typeof key !== 'string') return;
      props.set(key, [...(props.get(key) ?? []), path.get('properties', i).get('value') as Path]);
      overridable.delete(key);
    });
    return { kind: 'object', props, overridable };
  }

  /** `this.name` in a class: every value the class stores there (constructor, methods, field initialisers). */
  private field(path: Path, name: string): Value {
    const cls = this.classOfThis(path);
    return cls ? this.fieldOf(cls, name) : UNKNOWN;
  }

  fieldOf(cls: Node, name: string): Value {
    const memoKey = `${cls.start}:${name}`;
    const known = this.fieldMemo.get(memoKey);
    if (known) return known;
    this.fieldMemo.set(memoKey, UNKNOWN);
    const values: Value[] = [];
    for (const member of (cls.body?.body ?? []) as Node[]) {
      const key = member.key?.type === 'PrivateName' ? `#${member.key.id.name}` : (member.key?.name ?? member.key?.value);
      if (key !== name) continue;
      if ((member.type === 'ClassProperty' || member.type === 'ClassPrivateProperty' || member.type === 'PropertyDefinition') && member.value) {
        values.push(this.of(this.tree.pathOf(member.value)));
      } else if (member.type === 'ClassMethod' || member.type === 'ClassPrivateMethod') {
        values.push([{ kind: 'function', fn: this.tree.pathOf(member) }]);
      }
    }
    // `constructor(private dir: string)`: a parameter property.
    const ctor = isFunction(cls) ? cls : ((cls.body?.body ?? []) as Node[]).find((m) => m.type === 'ClassMethod' && m.kind === 'constructor');
    if (ctor && !isFunction(cls)) {
      (ctor.params as Node[]).forEach((param) => {
        if (param.type === 'TSParameterProperty' && patternIdentifiers(param.parameter)[0]?.name === name) values.push(this.ctorParam(ctor, param));
      });
    }
    for (const assignment of this.tree.memberAssignmentsTo(name)) {
      const left = assignment.left;
      if (assignment.operator !== '=') continue;
      const object = unwrap(left.object);
      const leftPath = this.tree.pathOf(left);
      const thisAt = object.type === 'ThisExpression' ? leftPath : object.type === 'Identifier' ? this.thisAlias(this.tree.pathOf(object)) : undefined;
      if (!thisAt || this.classOfThis(thisAt) !== cls) continue;
      let value = this.of(this.tree.pathOf(assignment).get('right') as Path);
      if (ctor && this.ownerNode(assignment) === ctor) value = this.fromConstructions(value, cls, ctor);
      values.push(value);
    }
    const value = withVia(join(...values), 'field', `this.${name}`, cls);
    this.fieldMemo.set(memoKey, value);
    return value;
  }

  private ctorParam(ctor: Node, param: Node): Value {
    const cls = this.tree.parentOf(this.tree.parentOf(ctor)!)!;
    const index = (ctor.params as Node[]).indexOf(param);
    const symbolic: PathFact = { kind: 'path', root: { kind: 'param', fn: ctor, index }, key: '', stem: '', via: [] };
    return this.fromConstructions([symbolic], cls, ctor);
  }

  /** A constructor's parameters, as `new C(…)` calls in this file fill them in. */
  private fromConstructions(value: Value, cls: Node, ctor: Node): Value {
    const ctorPath = this.tree.pathOf(ctor);
    const out: Value[] = [];
    for (const fact of value) {
      if (fact.kind === 'path' && fact.root.kind === 'param' && fact.root.fn === ctor) {
        // Constructed elsewhere too (or only elsewhere): what those callers pass is something else.
        const calls = this.callsTo(cls);
        if (calls.length === 0 || this.mayBeCalledFromOutside(cls)) out.push([OTHER]);
        for (const call of calls) out.push(either(this.instantiate(fact, call, ctorPath)));
      } else out.push([fact]);
    }
    return join(...out);
  }

  /**
   * A function, class or constructor that code outside this file may call: exported where it is
   * declared, or named in an export (`module.exports = { save }`, `exports.save = save`, `export { save }`).
   */
  mayBeCalledFromOutside(fn: Node): boolean {
    for (let p: Node | undefined = this.tree.parentOf(fn); p; p = this.tree.parentOf(p)) {
      if (p.type.startsWith('Export')) return true;
      if (p.type === 'AssignmentExpression' && /\bexports\b/.test(this.source.slice(p.left.start, p.left.end))) return true;
      if (p.type === 'Program') break;
    }
    const parent = this.tree.parentOf(fn);
    const name = (fn.id?.name ?? (parent?.type === 'VariableDeclarator' && parent.init === fn && parent.id.type === 'Identifier' ? parent.id.name : undefined)) as string | undefined;
    if (!name) return false;
    const n = name.replace(/\$/g, '\\$');
    return new RegExp(`\\b(module\\.)?exports(\\.[\\w$]+)?\\s*=[^;]*(?<![\\w$.])${n}(?![\\w$])|export\\s*(default\\s+${n}(?![\\w$])|\\{[^}]*(?<![\\w$])${n}(?![\\w$]))`).test(this.source);
  }

  /** `self` in `const self = this` (or `var that = this`): the `this` it was given. */
  private thisAlias(id: Path): Path | undefined {
    const declared = this.scopes.lookup(id, id.node.name as string);
    const init = declared?.declarator?.init;
    if (!init || unwrap(init).type !== 'ThisExpression' || declared!.declarator!.id !== declared!.id) return undefined;
    if (declared!.kind === 'let' || declared!.kind === 'var') {
      if (this.assignmentsOf(declared!).length > 0) return undefined;
    }
    return this.tree.pathOf(unwrap(init));
  }

  /** The class whose instance `this` is at `path` (arrow functions keep the outer `this`). */
  private classOfThis(path: Path): Node | undefined {
    for (let p = this.tree.parentOf(path.node); p; p = this.tree.parentOf(p)) {
      if (p.type === 'ArrowFunctionExpression') continue;
      if (p.type === 'ClassMethod' || p.type === 'ClassPrivateMethod' || p.type === 'ClassProperty' || p.type === 'ClassPrivateProperty' || p.type === 'StaticBlock') {
        const body = this.tree.parentOf(p);
        return body ? this.tree.parentOf(body) : undefined;
      }
      // A constructor function and its prototype methods: `function Form() {}`, `Form.prototype.parse = function () {}`.
      if (p.type === 'FunctionDeclaration' && p.id && /^[A-Z]/.test(p.id.name)) return p;
      if (p.type === 'FunctionExpression') {
        const parent = this.tree.parentOf(p);
        const target = parent?.type === 'AssignmentExpression' && parent.right === p ? parent.left : undefined;
        const owner = target ? /^([A-Z][\w$]*)\.prototype\./.exec(this.source.slice(target.start, target.end)) : null;
        if (owner) return this.constructorNamed(owner[1], p);
      }
      if (isFunction(p) || p.type === 'Program') return undefined;
    }
    return undefined;
  }

  /** The function declaration `function Name() {}` seen from `at`. */
  private constructorNamed(name: string, at: Node): Node | undefined {
    const declared = this.scopes.lookup(this.tree.pathOf(at), name);
    const parent = declared && this.tree.parentOf(declared.id);
    return parent?.type === 'FunctionDeclaration' && parent.id === declared!.id ? parent : undefined;
  }

  private constructorsOf(call: Path): Path[] {
    const callee = unwrap(call.node.callee);
    if (callee.type !== 'Identifier') return [];
    const declared = this.scopes.lookup(call.get('callee') as Path, callee.name);
    const parent = declared && this.tree.parentOf(declared.id);
    if (parent?.type === 'ClassDeclaration' && parent.id === declared!.id) return [this.tree.pathOf(parent)];
    if (declared?.declarator?.init && unwrap(declared.declarator.init).type === 'ClassExpression') return [this.tree.pathOf(unwrap(declared.declarator.init))];
    return [];
  }

  private call(path: Path): Value {
    const node = path.node;
    const specifier = requireSource(node);
    if (specifier !== undefined) return this.moduleValue(specifier, path);
    const ref = this.modules.calleeOf(path);
    if (ref) {
      const source = findSource(ref.module, ref.member);
      // `promisify(tmp.tmpName)()`: the promise gives what the callback would have.
      if (source && source.callbackParam !== undefined && ref.promised) return [this.nameFact(path, ref.member)];
      if (source && source.callbackParam === undefined) {
        if (source.firstArg && !source.firstArg.includes(stringValue((node.arguments as Node[])[0]) ?? '\0')) return UNKNOWN;
        if (source.yields === 'shared') return [shared(node, this.text(node))];
        if (source.dirArg !== undefined) {
          const dir = (node.arguments as Node[])[source.dirArg];
          if (!dir || !this.isTmpDir(path.get('arguments', source.dirArg) as Path)) return UNKNOWN;
        }
        return [this.nameFact(path, ref.member)];
      }
      const barrier = findBarrier(ref.module, ref.member);
      if (barrier?.result === 'dir' || (barrier?.result === 'callback' && ref.promised && !barrier.prop)) return [this.privateFact(path, ref.member)];
      if (barrier?.result === 'handle') return [{ kind: 'handle', props: new Map([[barrier.prop!, [this.privateFact(path, ref.member)]]]) }];
      const step = findStep(ref.module, ref.member);
      if (step) return this.step(step.step, path);
      return UNKNOWN;
    }
    const callee = unwrap(node.callee);
    const args = node.arguments as Node[];
    if (callee.type === 'Identifier' && SAME_GLOBALS.has(callee.name) && !this.scopes.lookup(path.get('callee') as Path, callee.name) && args.length === 1) {
      return this.of(path.get('arguments', 0) as Path);
    }
    // `tryRealpath(tmpdir())` (jest-util), `utils.realpath(dir)`: another package's realpath of its argument.
    if (args.length === 1 && args[0].type !== 'SpreadElement' && REALPATH_NAME.test((callee.type === 'Identifier' ? callee.name : isMember(callee) ? propertyName(callee) : '') ?? '') && this.functionsCalled(path).length === 0) {
      return this.of(path.get('arguments', 0) as Path);
    }
    if (isMember(callee)) {
      const method = propertyName(callee) ?? '';
      const receiver = this.tree.pathOf(callee).get('object') as Path;
      if (SAME_METHODS.has(method) && args.length === 0) return this.of(receiver);
      // `os.tmpdir().concat('/b.txt')`: string concatenation, spelled as a method.
      if (method === 'concat' && args.length > 0 && args.every((a) => a.type !== 'SpreadElement')) {
        const base = this.of(receiver);
        if (base.some((f) => f.kind === 'path')) return this.derive(base, args.map((a) => this.describe(a)).join(''), path, receiver);
      }
      // `[os.tmpdir(), 'a.txt'].join('/')`: the elements joined by a separator, as path.join would.
      if (method === 'join' && unwrap(callee.object).type === 'ArrayExpression' && args.length === 1 && (stringValue(args[0]) === '/' || /^(path\.)?sep$/.test(this.text(args[0])))) {
        const elements = unwrap(callee.object).elements as (Node | null)[];
        const arrayPath = unwrapPath(receiver);
        if (elements.length > 1 && elements.every((e) => e && e.type !== 'SpreadElement')) {
          const first = arrayPath.get('elements', 0) as Path;
          const rest = elements.slice(1).map((e) => this.describe(e!)).join('/');
          return this.derive(this.of(first), `/${rest}`, path, first, undefined, true);
        }
      }
      if (SAME_ELEMENTS.has(method)) {
        const elements = join(this.elementsOf(this.of(receiver)), ...(method === 'concat' ? args.map((_, i) => join(this.elementsOf(this.of(path.get('arguments', i) as Path)), this.of(path.get('arguments', i) as Path))) : []));
        return elements.length ? [{ kind: 'array', members: [], extra: elements } satisfies ArrayFact] : UNKNOWN;
      }
      if (ONE_ELEMENT.has(method)) return this.elementsOf(this.of(receiver));
      // `Object.assign({ dir: os.tmpdir() }, opts)`: the first object's properties, unless a later one has them.
      if (method === 'assign' && unwrap(callee.object).type === 'Identifier' && unwrap(callee.object).name === 'Object' && args.length > 1) {
        return this.of(path.get('arguments', 0) as Path).map((f) => (f.kind === 'object' ? { ...f, overridable: new Set(f.props.keys()) } : f));
      }
      if ((method === 'map' || method === 'flatMap') && args[0] && isFunction(args[0])) {
        const returned = this.returnsOf(this.tree.pathOf(args[0]));
        return returned.length ? [{ kind: 'array', members: [], extra: method === 'flatMap' ? join(returned, this.elementsOf(returned)) : returned }] : UNKNOWN;
      }
    }
    // A same-file function: what it returns, with its parameters filled in from this call.
    const out: Value[] = [];
    for (const fn of this.functionsCalled(path)) {
      const returned = this.returnsOf(fn);
      const filled: Value[] = returned.map((fact) => (fact.kind === 'path' && fact.root.kind === 'param' && fact.root.fn === fn.node ? this.instantiate(fact, path, fn) : [fact]));
      out.push(withVia(join(...filled), 'return', `the result of ${functionName(fn.node, fn.parent?.node)}()`, fn.node));
    }
    // A function imported from a module the repository pre-pass knows.
    for (const fact of this.of(path.get('callee') as Path)) {
      const returns = fact.kind === 'path' ? (fact as ForeignFact).returns : undefined;
      if (!returns) continue;
      const from = (fact as PathFact).via[0]?.text ?? 'another module';
      const origin: PathFact = { ...shared(node, this.text(node)), via: [{ kind: 'module', text: from, node }] };
      // A root handed back can be replaced here like os.tmpdir(); a path built there cannot.
      out.push([returns.key === '' ? origin : ({ ...origin, key: returns.key, stem: stemOf(returns.key), foreign: from, ref: { path, kind: 'dir', prefixLength: 0 }, viaAtRef: 0 } as ForeignFact)]);
    }
    if (out.length === 0) {
      const named = this.namedHelper(path);
      if (named) return [named];
    }
    return join(...out);
  }

  /**
   * `this.serverless.utils.getTmpDirPath()`: a method of an object the analysis cannot follow, whose
   * name says it gives a temp directory or path. What it returns is unknown (it may already be private),
   * so the path is one to report where a file is created in it without care, never to rewrite.
   */
  private namedHelper(path: Path): ForeignFact | undefined {
    const callee = unwrap(path.node.callee);
    if (!isMember(callee)) return undefined;
    const method = propertyName(callee) ?? '';
    if (!NAMED_TEMP_HELPER.test(method)) return undefined;
    // `utils.getTempDir()` with `const utils = require('./utils/utils')`: the repository's own module,
    // which the pre-pass describes; a name there proves nothing (it may be a path under the working directory).
    let root = unwrap(callee.object);
    while (isMember(root)) root = unwrap(root.object);
    if (root.type === 'Identifier') {
      const declared = this.scopes.lookup(this.tree.pathOf(root), root.name);
      const init = declared?.declarator?.init ? unwrap(declared.declarator.init) : undefined;
      const specifier = init ? requireSource(init) : declared && this.tree.parentOf(declared.id)?.type?.startsWith('Import') ? this.tree.parentOf(this.tree.parentOf(declared.id)!)?.source?.value : undefined;
      if (typeof specifier === 'string' && !moduleKindOf(specifier)) return undefined;
    }
    const text = `${this.text(callee)}()`;
    const base: PathFact = { ...shared(path.node, text), via: [{ kind: 'module', text, node: path.node }] };
    return { ...base, key: `\${${text}}`, stem: '', foreign: text, guessed: true, ref: { path, kind: 'dir', prefixLength: 0 }, viaAtRef: 0 } as ForeignFact;
  }

  private construct(path: Path): Value {
    // `new Temp()` of a class of this file: an instance, whose fields and methods are the class's.
    const classes = this.constructorsOf(path);
    if (classes.length === 1) return [{ kind: 'instance', cls: classes[0].node }];
    // `new Promise((resolve) => resolve(p))`: awaiting it gives p.
    const callee = unwrap(path.node.callee);
    const executor = (path.node.arguments as Node[])[0];
    if (callee.type === 'Identifier' && callee.name === 'Promise' && executor && isFunction(executor) && executor.params[0]?.type === 'Identifier') {
      const resolve = executor.params[0].name as string;
      const out: Value[] = [];
      for (const id of this.tree.identifiersNamed(resolve, executor)) {
        const parent = this.tree.parentOf(id);
        if (parent && isCall(parent) && parent.callee === id && parent.arguments.length > 0) out.push(this.of(this.tree.pathOf(parent).get('arguments', 0) as Path));
      }
      return join(...out);
    }
    return UNKNOWN;
  }

  private step(kind: string, path: Path): Value {
    const node = path.node;
    const args = node.arguments as Node[];
    if (args.length === 0 || args[0].type === 'SpreadElement') return UNKNOWN;
    const first = path.get('arguments', 0) as Path;
    switch (kind) {
      case 'same':
        return this.of(first).map((f) => (f.kind === 'path' && f.key !== '' ? { ...f, expr: path } : f));
      case 'dirname':
        return this.of(first).map((f) => {
          if (f.kind !== 'path') return f;
          const cut = f.key.lastIndexOf('/');
          if (f.key === '') return f;
          if (cut < 0) return { ...f, key: '', ref: undefined, expr: undefined };
          return { ...f, key: f.key.slice(0, cut), expr: path };
        });
      case 'format': {
        const props = this.of(first);
        const dir = join(this.propertyOf(props, 'dir'), this.propertyOf(props, 'root'));
        const object = unwrap(args[0]);
        if (object.type !== 'ObjectExpression') return UNKNOWN;
        const part = (name: string) => {
          const prop = (object.properties as Node[]).find((p) => !p.computed && (p.key?.name ?? p.key?.value) === name);
          return prop ? this.describe(prop.value) : '';
        };
        const base = part('base') || `${part('name')}${part('ext')}`;
        const dirNode = (object.properties as Node[]).find((p) => !p.computed && (p.key?.name ?? p.key?.value) === 'dir');
        if (!dirNode) return UNKNOWN;
        return this.derive(dir, `/${base}`, path, this.tree.pathOf(dirNode.value), base, true);
      }
      case 'join':
      case 'resolve': {
        if (args.length === 1) return this.of(first).map((f) => (f.kind === 'path' && f.key !== '' ? { ...f, expr: path } : f));
        let start = 0;
        if (kind === 'resolve') for (let i = args.length - 1; i > 0; i--) if (stringValue(args[i])?.startsWith('/')) { start = i; break; }
        if (start > 0) {
          const restAfter = args.slice(start + 1).map((a) => this.describe(a)).join('/');
          return this.derive(this.of(path.get('arguments', start) as Path), restAfter ? `/${restAfter}` : '', path, path.get('arguments', start) as Path, undefined, true);
        }
        const rest = args.slice(1).map((a) => this.describe(a)).join('/');
        return this.derive(this.of(first), rest, path, first, undefined, true);
      }
    }
    return UNKNOWN;
  }

  /** `require('x')` as a value: a module that is itself a temp path (`temp-dir`), or a helper module. */
  private moduleValue(specifier: string, path: Path): Value {
    const module = moduleKindOf(specifier);
    if (module) {
      const source = findSource(module, '');
      return source ? [shared(path.node, this.text(path.node))] : UNKNOWN;
    }
    const facts = this.facts[specifier];
    if (!facts) return UNKNOWN;
    const whole = facts.exports['module.exports'];
    if (whole) return this.exportValue(whole, path.node, specifier);
    // `exports.TEMP_DIR = …`: the module is an object of its exports, read by `.name` or destructuring.
    const props = new Map<string, Value>();
    for (const [name, fact] of Object.entries(facts.exports)) props.set(name, this.exportValue(fact, path.node, specifier));
    return [{ kind: 'handle', props } satisfies HandleFact];
  }

  /** An import binding: a package the tables know, or a module of the repository the pre-pass describes. */
  private imported(declaration: Path, specifier: Node): Value {
    const from = declaration.node.source?.value as string | undefined;
    if (from === undefined) return UNKNOWN;
    const module = moduleKindOf(from);
    const exported = specifier.type === 'ImportSpecifier' ? ((specifier.imported.name ?? specifier.imported.value) as string) : 'default';
    if (module) {
      const source = findSource(module, specifier.type === 'ImportSpecifier' ? exported : '');
      return source?.yields === 'shared' && source.member === '' ? [shared(specifier, `${from}`)] : UNKNOWN;
    }
    const facts = this.facts[from];
    if (!facts) return UNKNOWN;
    if (specifier.type === 'ImportNamespaceSpecifier') return UNKNOWN;
    return this.exportValue(facts.exports[exported] ?? (exported === 'default' ? facts.exports['module.exports'] : undefined), specifier, from);
  }

  private exportValue(fact: ExportFact | undefined, origin: Node, from: string): Value {
    if (!fact) return UNKNOWN;
    const root: PathFact = { ...shared(origin, from), via: [{ kind: 'module', text: from, node: origin }] };
    switch (fact.kind) {
      case 'tmp-root':
        return [root];
      case 'tmp-path':
        return [{ ...root, key: fact.key, stem: stemOf(fact.key), foreign: from, ref: { path: this.tree.pathOf(origin), kind: 'dir', prefixLength: 0 }, viaAtRef: 0 } as ForeignFact];
      case 'returns-tmp-root':
        return [{ ...root, returns: { key: '' } } as ForeignFact];
      case 'returns-tmp-path':
        return [{ ...root, returns: { key: fact.key } } as ForeignFact];
      case 'object': {
        const props = new Map<string, Value>();
        for (const [name, member] of Object.entries(fact.members)) props.set(name, this.exportValue(member, origin, from));
        return [{ kind: 'handle', props } satisfies HandleFact];
      }
      default:
        return UNKNOWN;
    }
  }

  private nameFact(call: Path, api: string): PathFact {
    const base = nameBase(call.node, api, this.source);
    const ref: Ref = { path: call, kind: 'name', prefixLength: 0 };
    return { kind: 'path', root: { kind: 'name', origin: call.node, api, base }, key: base, ref, viaAtRef: 0, expr: call, stem: stemOf(base) === 'tmp' ? '' : stemOf(base), via: [] };
  }

  private privateFact(call: Path, api: string): PathFact {
    return { kind: 'path', root: { kind: 'private', origin: call.node, api }, key: '', stem: '', via: [] };
  }

  /** What a function returns (its parameters left symbolic): every `return` joined, or an arrow's body. */
  returnsOf(fn: Path): Value {
    const node = fn.node;
    const known = this.returnMemo.get(node);
    if (known) return known;
    this.returnMemo.set(node, UNKNOWN);
    const values: Value[] = [];
    if (node.type === 'ArrowFunctionExpression' && node.body.type !== 'BlockStatement') values.push(this.of(fn.get('body') as Path));
    else {
      for (const ret of this.tree.ofType('ReturnStatement')) {
        if (!ret.argument || ret.start < node.start || ret.end > node.end || this.ownerNode(ret) !== node) continue;
        values.push(this.of(this.tree.pathOf(ret).get('argument') as Path));
      }
    }
    const value = join(...values);
    this.returnMemo.set(node, value);
    return value;
  }

  // --- Text ---------------------------------------------------------------------------------------

  private text(node: Node): string {
    return this.source.slice(node.start, node.end);
  }

  private sourceOf(node: Node): string {
    return this.source.slice(node.start, node.end).replace(/"/g, "'");
  }

  /** A name as a person reads it: literal text, with other parts as `${source}`. */
  describe(node: Node): string {
    const n = unwrap(node);
    const literal = stringValue(n);
    if (literal !== undefined) return literal;
    if (n.type === 'BinaryExpression' && n.operator === '+') return this.describe(n.left) + this.describe(n.right);
    if (n.type === 'TemplateLiteral') {
      return (n.quasis as Node[]).map((q, i) => q.value.cooked + (i < n.expressions.length ? this.piece(n.expressions[i]) : '')).join('');
    }
    return this.piece(n);
  }

  /**
   * A non-literal part of a name, as `${source}`; a content digest (`const key = createHash(…).digest()`)
   * as `${hash(key)}`, so that a name keyed by it reads as the cache it is.
   */
  private piece(node: Node): string {
    const n = unwrap(node);
    const text = this.sourceOf(n);
    let origin = text;
    if (n.type === 'Identifier') {
      const declared = this.scopes.lookup(this.tree.pathOf(n), n.name);
      const init = declared?.declarator?.init;
      if (init && declared!.declarator!.id === declared!.id) {
        origin = this.sourceOf(init);
        // `const name = 'marktext-e2etest-' + date()`: the name reads as what the const holds, not '${name}';
        // so does a `let` or `var` never assigned again.
        if (this.inlining < 3 && builtString(unwrap(init)) && (this.tree.parentOf(declared!.declarator!)?.kind === 'const' || this.assignmentsOf(declared!).length === 0)) {
          this.inlining++;
          try {
            return this.describe(init);
          } finally {
            this.inlining--;
          }
        }
      }
    }
    if (DIGEST.test(origin)) return DIGEST.test(text) ? `\${${text}}` : `\${hash(${text})}`;
    // `const id = crypto.randomBytes(8).toString('hex')`, then `` `job-${id}` ``: the name is as random as its origin.
    if (origin !== text && guessOf(`\${${origin}}`) === 'random' && guessOf(`\${${text}}`) !== 'random') return `\${random(${text})}`;
    return `\${${text}}`;
  }
}

/** A string built from literal text: `'a-' + id`, `` `a-${id}` `` (with some text), not a bare call or variable. */
function builtString(node: Node): boolean {
  if (node.type === 'StringLiteral') return true;
  if (node.type === 'TemplateLiteral') return (node.quasis as Node[]).some((q) => (q.value.cooked ?? '') !== '');
  if (node.type === 'BinaryExpression' && node.operator === '+') {
    return builtString(unwrap(node.left)) || builtString(unwrap(node.right));
  }
  return false;
}

/** The steps a path took after it was named under the temp directory: where it went from there. */
export function stepsAfterRef(fact: PathFact): Via[] {
  return fact.via.slice(fact.viaAtRef ?? 0);
}

/** A path fact about another module's export, from the repository pre-pass. */
export interface ForeignFact extends PathFact {
  /** The path is built in that module: nothing here can move it. */
  foreign?: string;
  /** The export is a function that returns the shared temp directory (key '') or a path under it. */
  returns?: { key: string };
  /** Not followed at all: only the name of the call that gives it (`utils.getTmpDirPath()`) says it is a temp path. */
  guessed?: boolean;
}

const DANGER: Guess[] = ['fixed', 'pid', 'time', 'counter', 'input', 'random'];
function byDanger(a: Guess, b: Guess): number {
  return DANGER.indexOf(a) - DANGER.indexOf(b);
}

export function functionName(fn: Node, parent?: Node): string {
  const id = fn.id ?? fn.key;
  if (id?.type === 'Identifier') return id.name as string;
  // `const getPath = () => …`, `{ save: function () {…} }`, `exports.save = () => …`: the name it is bound to.
  if (parent?.type === 'VariableDeclarator' && parent.init === fn && parent.id.type === 'Identifier') return parent.id.name as string;
  if ((parent?.type === 'ObjectProperty' || parent?.type === 'ClassProperty') && parent.value === fn && parent.key?.type === 'Identifier' && !parent.computed) return parent.key.name as string;
  if (parent?.type === 'AssignmentExpression' && parent.right === fn && isMember(parent.left) && !parent.left.computed) return propertyName(parent.left) ?? 'the callback';
  return 'the callback';
}

/**
 * The base name a name-only API would have made, for the file inside the private directory:
 * its prefix and suffix options kept (`tmpNameSync({ postfix: '.json' })` → 'tmp.json').
 */
function nameBase(call: Node, api: string, source: string): string {
  const args = call.arguments as Node[];
  const option = (name: string): string | undefined => {
    const object = args.find((a) => a.type === 'ObjectExpression');
    const prop = object && (object.properties as Node[]).find((p) => !p.computed && (p.key?.name ?? p.key?.value) === name);
    return prop ? stringValue(prop.value) : undefined;
  };
  void source;
  if (api === 'default' && args[0] && stringValue(args[0]) !== undefined) {
    // tempfile('.png'), tempfile({ extension: 'png' }); unique-filename(dir, 'prefix')
    const text = stringValue(args[args.length === 2 ? 1 : 0])!;
    return args.length === 2 ? `${text}-tmp` : `tmp${text.startsWith('.') ? text : `.${text}`}`;
  }
  const name = option('name');
  if (name) return name;
  // tmp's `template: 'build-XXXXXX.log'`: the X's are where the random part went.
  const template = option('template');
  if (template) return template.replace(/^.*\//, '').replace(/X{3,}/, 'tmp');
  const extension = option('extension');
  const prefix = option('prefix') ?? '';
  const postfix = option('postfix') ?? option('suffix') ?? (extension ? (extension.startsWith('.') ? extension : `.${extension}`) : '');
  // temp.path('prefix') and temp.path({ suffix })
  const first = stringValue(args[0]);
  if (api === 'path' && first) return `${first}tmp`;
  return `${prefix}tmp${postfix}`;
}
