// Where a temp path goes once it exists: every place it is used, whether it escapes the function
// (returned, stored, captured, handed to code tmpfix cannot see, or to a program left running), and
// where the code removes it. The cleanup decisions of every rule read this.
import { classify, isLogCall, isMessageToLogger, type CallRole } from './calls';
import type { PyFile } from './file';
import type { Assignment, Unit } from './scope';
import { argsOf, field, named, stringValue, unitOf, unwrap, walk, type PyNode } from './tree';

/** Calls that keep a path for the rest of the process: the import path and the environment. */
const OUTLIVING_CALLS = new Set(['sys.path.insert', 'sys.path.append', 'sys.path.extend', 'site.addsitedir', 'os.putenv', 'os.environ.setdefault', 'os.environ.update']);

export type UseKind = 'define' | 'create' | 'read' | 'check' | 'remove' | 'handoff' | 'print' | 'consumer' | 'cleanup-later' | 'other';

export interface Use {
  /** The reference (or expression) that carries the path. */
  node: PyNode;
  /** The outermost expression around it that still is the path (a join, a format, a list of paths). */
  carrier: PyNode;
  kind: UseKind;
  /** The call that does it, for calls. */
  call?: PyNode;
  /** A removal of the items of a list the path was appended to (`for f in cleanups: os.remove(f)`): the list's name. */
  list?: string;
}

/** A path builder by its name (`compat.os.path.join`), whatever module it comes from. */
const PATH_BUILDER = /(?:^|\.)path\.(?:join|abspath|realpath|normpath|dirname|expanduser)$/;

export interface Escape {
  node: PyNode;
  why: string;
  /** Handed to a function tmpfix does not know: fine when the code removes the file itself afterwards. */
  unknownCall?: boolean;
  /** Stored in an attribute or a subscript: the target written (`store.path`, `os.environ["X"]`). */
  storedIn?: PyNode;
}

/**
 * At module level, a name that other modules import: a CONSTANT or a name listed in `__all__`. A path
 * kept there lives as long as the process, whatever this module still does with it (sqlmap's
 * vulnserver: `XXE_READ_FILE`, which its test harness reads as `vulnserver.XXE_READ_FILE`).
 */
export function moduleExportEscape(file: PyFile, unitNode: PyNode, names: Iterable<string>): Escape | undefined {
  if (unitNode.type !== 'module') return undefined;
  const all = file.scopes.unit(file.root).assignments.get('__all__')?.[0]?.value;
  const listed = (name: string): boolean => !!all && named(all).some((n) => stringValue(n, file.source) === name);
  const exported = [...names].find((name) => /^[A-Z][A-Z0-9_]*$/.test(name) || listed(name));
  return exported === undefined ? undefined : { node: unitNode, why: `it is kept in the module-level constant ${exported}, which other modules can import` };
}

export interface Tracking {
  unit: PyNode;
  names: Set<string>;
  uses: Use[];
  escapes: Escape[];
}

/** Calls whose result still holds the path they are given (a string or a list built from it). */
export const CARRYING_CALLS = new Set(['os.path.join', 'posixpath.join', 'os.path.abspath', 'os.path.realpath', 'os.path.normpath', 'os.path.dirname', 'os.path.expanduser', 'os.path.splitext', 'os.fspath', 'builtins.str', 'builtins.repr', 'builtins.list', 'builtins.tuple', 'builtins.sorted', 'pathlib.Path', 'pathlib.PurePath', 'pathlib.PosixPath', 'shlex.quote', 'shlex.split', 'shlex.join', 'os.fsencode', 'os.fsdecode', 'os.path.expandvars', 'json.dumps']);
export const CARRYING_METHODS = new Set(['format', 'join', 'joinpath', 'with_suffix', 'with_name', 'with_stem', 'resolve', 'absolute', 'replace', 'encode', 'decode', 'as_posix', 'split', 'rsplit', 'strip', 'rstrip', 'lstrip', 'lower', 'upper']);
const CARRYING_ATTRIBUTES = new Set(['parent', 'name']);
/** Helpers named for removing what they are given: `_killfile`, `remove_temp`, `cleanup`, `rm_rf`. */
const REMOVER_NAME = /^_*(kill|remove|delete|unlink|clean|cleanup|rm|rmtree|rm_rf|purge|erase)(_|[A-Z]|$)/i;

export interface TrackOptions {
  /** Expressions that hold the path from the start (the rewritten joins, a mkstemp result). */
  seeds: PyNode[];
  /** Names that hold it from the start (`fd, path = mkstemp()` gives `path`). */
  names?: string[];
  /** For a NamedTemporaryFile object: `.name` is the path, the object itself is not. */
  objectNames?: string[];
  depth?: number;
  /**
   * The statement that binds `names` and `objectNames` (`with NamedTemporaryFile(...) as tmp:`): a
   * later binding of the same name (`with ... as tmp:` again, `tmp = ...`) holds something else, so
   * the references under it are not this path's.
   */
  binding?: PyNode;
}

export class Lifetimes {
  constructor(private readonly file: PyFile) {}

  private text(n: PyNode | undefined): string {
    return this.file.text(n);
  }

  track(unit: Unit, options: TrackOptions): Tracking {
    const names = new Set(options.names ?? []);
    const objects = new Set(options.objectNames ?? []);
    const seeds = new Set(options.seeds);
    // Names assigned from a path (or from something holding one) hold it too, to a fixed point.
    for (let changed = true; changed; ) {
      changed = false;
      for (const [name, assignments] of unit.assignments) {
        if (names.has(name)) continue;
        for (const a of assignments) {
          // `argv += [path]` adds the path to what argv already holds.
          if (!a.value || (a.kind !== 'assign' && a.kind !== 'for' && a.kind !== 'walrus' && a.kind !== 'unpack' && a.kind !== 'augmented')) continue;
          const source = a.kind === 'for' ? a.value : a.value;
          if (this.carries(source, seeds, names, objects)) {
            names.add(name);
            changed = true;
            break;
          }
        }
      }
    }
    const uses: Use[] = [];
    const escapes: Escape[] = [];
    const starts: PyNode[] = [...seeds];
    const bound = new Set([...(options.names ?? []), ...(options.objectNames ?? [])]);
    for (const name of [...names, ...objects]) {
      const rebound = options.binding && bound.has(name) ? this.rebindings(unit, name, options.binding) : [];
      for (const ref of this.refs(unit, name)) if (!rebound.some((covers) => covers(ref))) starts.push(ref);
    }
    for (const start of starts) {
      const isObject = start.type === 'identifier' && objects.has(this.text(start)) && !names.has(this.text(start));
      if (isObject) {
        // `tmp.name` is the path; `tmp.write(...)`, `tmp.close()` use the file object.
        const parent = start.parent;
        if (parent?.type === 'attribute' && field(parent, 'object') === start && this.text(field(parent, 'attribute')) === 'name') {
          this.follow(parent, unit, names, seeds, objects, uses, escapes, options.depth ?? 0);
        } else {
          this.objectUse(start, unit, uses, escapes);
        }
        continue;
      }
      this.follow(start, unit, names, seeds, objects, uses, escapes, options.depth ?? 0);
    }
    uses.sort((a, b) => a.node.start - b.node.start);
    return { unit: unit.node, names, uses, escapes };
  }

  /**
   * Tests for the references that a later binding of `name` than `binding` covers: what follows a later
   * `with ... as name:` or `name = ...` in its block.
   */
  private rebindings(unit: Unit, name: string, binding: PyNode): ((ref: PyNode) => boolean)[] {
    const tests: ((ref: PyNode) => boolean)[] = [];
    for (const a of laterBindings(unit, name, binding, this.file.source)) {
      // What follows the new binding in its block (for a `with`, its body and after it) reads the new value.
      let statement: PyNode = a.target;
      while (statement.parent && statement.parent.type !== 'block' && statement.parent.type !== 'module') statement = statement.parent;
      const block = statement.parent;
      if (block && !loopAround(statement, unit.node)) tests.push((ref) => ref.start > a.target.end && ref.start >= block.start && ref.end <= block.end);
    }
    return tests;
  }

  private refs(unit: Unit, name: string): PyNode[] {
    return this.file.scopes.referencesOf(name, unit);
  }

  /** Whether `expr` holds the path: it is a seed, a tracked name, or builds on one. */
  carries(expr: PyNode | undefined, seeds: Set<PyNode>, names: Set<string>, objects: Set<string>): boolean {
    const n = unwrap(expr);
    if (!n) return false;
    if (seeds.has(n)) return true;
    let found = false;
    walk(n, (node) => {
      if (found) return false;
      if (node.type === 'lambda' || node.type === 'function_definition') return false;
      if (seeds.has(node) || (node.type === 'identifier' && names.has(this.text(node)) && !isAttributeName(node))) {
        if (this.carrierOf(node, n) === n) found = true;
        return false;
      }
      if (node.type === 'attribute' && objects.has(this.text(field(node, 'object'))) && this.text(field(node, 'attribute')) === 'name') {
        if (this.carrierOf(node, n) === n) found = true;
        return false;
      }
      return undefined;
    });
    return found;
  }

  /** Climbs from `node` while the expression around it is still the path; stops at `limit`. */
  carrierOf(node: PyNode, limit?: PyNode): PyNode {
    let n = node;
    while (n !== limit && n.parent) {
      const p = n.parent;
      let up = false;
      switch (p.type) {
        case 'parenthesized_expression':
        case 'binary_operator':
        case 'boolean_operator':
        case 'concatenated_string':
        case 'list':
        case 'tuple':
        case 'set':
        case 'expression_list':
        case 'pair':
        case 'dictionary':
        case 'list_splat':
          up = !(p.type === 'pair' && n.field === 'key');
          break;
        case 'conditional_expression':
          up = n !== named(p)[1];
          break;
        case 'interpolation': {
          up = true;
          break;
        }
        case 'string':
          up = true;
          break;
        case 'attribute':
          up = n.field === 'object' && CARRYING_ATTRIBUTES.has(this.text(field(p, 'attribute'))) && !(p.parent?.type === 'call' && p.field === 'function');
          if (n.field === 'object' && p.parent?.type === 'call' && p.field === 'function' && CARRYING_METHODS.has(this.text(field(p, 'attribute')))) {
            n = p.parent;
            continue;
          }
          break;
        case 'argument_list': {
          const call = p.parent;
          if (call?.type === 'call') {
            const q = this.file.qualified(field(call, 'function'));
            const method = this.file.method(call);
            if ((q && CARRYING_CALLS.has(q)) || (method && CARRYING_METHODS.has(method.name) && !q)) {
              n = call;
              continue;
            }
          }
          break;
        }
        case 'keyword_argument':
          // A keyword argument of a carrying call carries; of any other, it is an argument.
          if (p.parent?.type === 'argument_list' && p.parent.parent?.type === 'call') {
            const call = p.parent.parent;
            const method = this.file.method(call);
            if (method?.name === 'format') {
              n = call;
              continue;
            }
          }
          break;
      }
      if (!up) break;
      n = p;
    }
    return n;
  }

  private objectUse(ref: PyNode, unit: Unit, uses: Use[], escapes: Escape[]): void {
    const parent = ref.parent;
    if (parent?.type === 'attribute') {
      uses.push({ node: ref, carrier: ref, kind: 'other' });
      return;
    }
    const carrier = this.carrierOf(ref);
    this.context(ref, carrier, unit, uses, escapes, new Set(), new Set(), new Set(), 0, true);
  }

  private follow(start: PyNode, unit: Unit, names: Set<string>, seeds: Set<PyNode>, objects: Set<string>, uses: Use[], escapes: Escape[], depth: number): void {
    if (unitOf(start) !== unit.node && !this.sameScopeComprehension(start, unit.node)) {
      // A helper defined here and only called here runs while this function does: it uses the path at its calls.
      const calls = this.calledOnlyHere(unitOf(start), unit);
      if (calls) {
        for (const call of calls) uses.push({ node: call, carrier: call, kind: 'read', call });
        return;
      }
      escapes.push({ node: start, why: unit.node.type === 'module' ? "the module's functions use it when they are called, after the module's own code has run" : 'a nested function or lambda uses it, which may run after this one returns' });
      return;
    }
    const carrier = this.carrierOf(start);
    this.context(start, carrier, unit, uses, escapes, names, seeds, objects, depth, false);
  }

  /**
   * The calls of a nested `def` that this unit only calls (never hands on, returns or stores), and that
   * neither creates nor removes anything: it runs before the unit returns, at those calls.
   */
  private calledOnlyHere(fn: PyNode, unit: Unit): PyNode[] | undefined {
    if (fn.type !== 'function_definition' || fn.parent?.type === 'decorated_definition') return undefined;
    if (unitOf(fn.parent ?? fn) !== unit.node) return undefined;
    const name = this.text(field(fn, 'name'));
    if (!name || (unit.assignments.get(name) ?? []).length !== 1) return undefined;
    const refs = this.refs(unit, name).filter((r) => r !== field(fn, 'name'));
    if (refs.length === 0) return undefined;
    const calls: PyNode[] = [];
    for (const ref of refs) {
      const call = ref.parent;
      if (call?.type !== 'call' || field(call, 'function') !== ref || unitOf(call) !== unit.node) return undefined;
      calls.push(call);
    }
    // What it does to files it does itself: a creation or a removal in it is not this function's to see.
    let touches = false;
    walk(fn, (n) => {
      if (n.type !== 'call') return;
      const role = classify(n, this.file)?.role;
      if (role === 'create' || role === 'remove' || role === 'handoff' || role === 'cleanup-later') touches = true;
    });
    return touches ? undefined : calls;
  }

  private sameScopeComprehension(node: PyNode, unitNode: PyNode): boolean {
    return unitOf(node) === unitNode;
  }

  private context(node: PyNode, carrier: PyNode, unit: Unit, uses: Use[], escapes: Escape[], names: Set<string>, seeds: Set<PyNode>, objects: Set<string>, depth: number, isObject: boolean): void {
    const p = carrier.parent;
    const add = (kind: UseKind, call?: PyNode): void => {
      uses.push({ node, carrier, kind, call });
    };
    if (!p) return add('other');
    switch (p.type) {
      case 'return_statement':
        add('other');
        escapes.push({ node, why: 'the function returns it' });
        return;
      case 'yield':
        add('other');
        escapes.push({ node, why: 'the generator yields it' });
        return;
      case 'assignment':
      case 'augmented_assignment': {
        if (carrier.field !== 'right') return add('other');
        const left = unwrap(field(p, 'left'));
        if (left?.type === 'identifier') {
          const name = this.text(left);
          if (unit.globals.has(name) || unit.nonlocals.has(name)) escapes.push({ node, why: `it is stored in the global ${name}` });
          return add('define');
        }
        if (left?.type === 'pattern_list' || left?.type === 'tuple_pattern') return add('define');
        add('other');
        // `env['PYTHONPATH'] = d`: the Python programs started with it import from it.
        const key = left?.type === 'subscript' ? stringValue(field(left, 'subscript'), this.file.source) : undefined;
        const why = key === 'PYTHONPATH' ? `it is stored in ${this.text(left)}, so the Python programs started with it import from it: a .py file another user plants there is run as their code` : `it is stored in ${this.text(left)}, which outlives the call`;
        escapes.push({ node, why, storedIn: left });
        return;
      }
      case 'argument_list':
      case 'keyword_argument': {
        const list = p.type === 'keyword_argument' ? p.parent : p;
        const call = list?.parent;
        if (call?.type !== 'call') return add('other');
        this.callUse(node, carrier, call, unit, uses, escapes, depth);
        return;
      }
      case 'attribute': {
        // A method called on the path itself: p.write_text(...), p.unlink().
        const call = p.parent?.type === 'call' && p.field === 'function' ? p.parent : undefined;
        if (!call) return add('other');
        if (isObject) return add('other');
        const role = classify(call, this.file);
        add(roleKind(role), call);
        return;
      }
      case 'for_statement':
      case 'for_in_clause':
        return add(carrier.field === 'right' ? 'define' : 'other');
      case 'with_item':
      case 'as_pattern':
        return add('other');
      default:
        return add('other');
    }
  }

  private callUse(node: PyNode, carrier: PyNode, call: PyNode, unit: Unit, uses: Use[], escapes: Escape[], depth: number): void {
    const add = (kind: UseKind): void => {
      uses.push({ node, carrier, kind, call });
    };
    // `sys.path.insert(1, pkgdir)`, `site.addsitedir(d)`, `os.putenv('X', d)`: imports and programs after this block read it.
    const qualified = this.file.qualified(field(call, 'function'));
    if (qualified && OUTLIVING_CALLS.has(qualified)) {
      add('other');
      escapes.push({ node, why: outlivingWhy(call, qualified, this.file) });
      return;
    }
    // `cleanups.append(config)`, then `for f in cleanups: os.remove(f)`: removed with the list's other files.
    const listRemovals = this.removedFromList(call, carrier);
    if (listRemovals) {
      add('other');
      const list = this.text(unwrap(field(unwrap(field(call, 'function'))!, 'object')));
      for (const removal of listRemovals) uses.push({ node: removal, carrier: removal, kind: 'remove', call: removal, list });
      return;
    }
    // `self.addCleanup(functools.partial(os.unlink, state_path))`: the partial is the cleanup (luigi).
    if (qualified === 'functools.partial' && call.parent?.type === 'argument_list' && call.parent.parent?.type === 'call' && classify(call.parent.parent, this.file)?.role === 'cleanup-later') {
      return add('cleanup-later');
    }
    const role = classify(call, this.file);
    if (role) {
      if (role.role === 'handoff' && role.background) {
        const waits = this.waits(call);
        add('handoff');
        if (!waits) {
          const what = /^(threading\.|concurrent\.)/.test(qualified ?? '') ? 'a thread' : 'a program';
          escapes.push({ node, why: `${this.text(field(call, 'function'))}() starts ${what} that may still use it after the function returns` });
        }
        // The program has the path until it is waited for: `proc.wait()`, `server.join()` are uses too.
        for (const wait of waits === true ? [] : waits ?? []) uses.push({ node: wait, carrier: wait, kind: 'handoff' });
        return;
      }
      if (role.role === 'consumer' && (this.file.qualified(field(call, 'function')) === 'builtins.print' || isLogCall(call, this.file))) return add('print');
      // A creating call whose target is something else: the path is only data to it (a copy's source).
      // `['rm', '-rf', d]`: the path is the operand of the command, which carries it as a whole.
      if (role.role === 'remove' && role.command) return add(contains(role.target, node) && contains(role.command, carrier) ? 'remove' : 'handoff');
      if ((role.role === 'create' || role.role === 'remove' || role.role === 'check' || role.role === 'read') && !contains(role.target, carrier)) return add('consumer');
      return add(roleKind(role));
    }
    // A function of this file: follow the parameter into it.
    const callee = this.sameFileFunction(call);
    if (callee && depth < 3) {
      const inner = this.parameterFate(callee, call, carrier, depth + 1);
      if (inner) {
        uses.push({ node, carrier, kind: inner.creates ? 'create' : inner.removes ? 'remove' : 'consumer', call });
        const fn = `${this.text(field(call, 'function'))}()`;
        // What the callee returns goes nowhere when the call stands alone as a statement.
        const discarded = call.parent?.type === 'expression_statement';
        for (const e of inner.escapes) {
          if (discarded && /^the function returns it$/.test(e.why)) continue;
          const why = e.why.startsWith('the function ') ? `${fn} ${e.why.slice('the function '.length)}` : `it goes to ${fn}, where ${e.why}`;
          escapes.push({ node, why, unknownCall: e.unknownCall });
        }
        return;
      }
    }
    // `cleanup(path)`, `_killfile(f, path)`: a helper that says it removes what it is given.
    if (REMOVER_NAME.test(this.text(field(call, 'function')).split('.').pop() ?? '')) return add('remove');
    // `self.info("Uploading %r to %r" % (name, remote))`: a message about the path, to a logger method.
    if (isMessageToLogger(call, carrier, this.file)) return add('print');
    add('other');
    const calleeText = this.text(field(call, 'function'));
    // `os.path.join(d, x)` where `os` is a compat shim tmpfix does not resolve (certbot.compat.os):
    // it keeps nothing, but what is done with the path it builds is not followed.
    if (PATH_BUILDER.test(calleeText)) {
      escapes.push({ node, why: `it goes into the path ${calleeText}() builds (a module tmpfix does not resolve), and tmpfix does not follow that path`, unknownCall: true });
      return;
    }
    escapes.push({ node, why: `it is handed to ${calleeText}(), which tmpfix does not follow (it may keep the name, or create it)`, unknownCall: true });
  }

  /**
   * How a program or thread started by `call` is waited for: `true` when the `with` block or the call
   * itself waits, the `proc.wait()` / `proc.communicate()` / `thread.join()` references when a name
   * holding it is waited on, undefined when nothing waits.
   */
  private waits(call: PyNode): PyNode[] | true | undefined {
    const WAITS = ['wait', 'communicate', 'join'];
    const parent = call.parent;
    if (parent?.type === 'as_pattern' || parent?.type === 'with_item') return true;
    if (parent?.type === 'attribute' && WAITS.includes(this.text(field(parent, 'attribute')))) return true;
    // `jobs = [mp.Process(...) for i in range(3)]`, then `for p in jobs: p.join()`.
    if (parent?.type === 'list_comprehension' && field(parent, 'body') === call && parent.parent?.type === 'assignment' && field(parent.parent, 'right') === parent) {
      const list = unwrap(field(parent.parent, 'left'));
      return list?.type === 'identifier' ? this.joinedInLoop(list, parent.parent) : undefined;
    }
    if (parent?.type !== 'assignment') return undefined;
    const left = unwrap(field(parent, 'left'));
    if (left?.type !== 'identifier') return undefined;
    const name = this.text(left);
    const unit = this.file.scopes.bindingUnit(name, left);
    if (!unit) return undefined;
    const found = this.file.scopes.referencesOf(name, unit).filter((ref) => {
      const attr = ref.parent;
      return ref.start > call.end && attr?.type === 'attribute' && field(attr, 'object') === ref && WAITS.includes(this.text(field(attr, 'attribute')));
    });
    // A wait in one branch only (`if terminal == 'tmux': p.communicate()`) leaves the program running on the others.
    if (found.some((ref) => this.alwaysAfter(ref, parent))) return found;
    // `p = Process(...); jobs.append(p)`, then `for p in jobs: p.join()`: every one kept is waited for.
    for (const ref of this.file.scopes.referencesOf(name, unit)) {
      const args = ref.parent;
      const appendCall = args?.type === 'argument_list' && named(args).length === 1 ? args.parent : undefined;
      const callee = appendCall?.type === 'call' ? unwrap(field(appendCall, 'function')) : undefined;
      if (ref.start < call.end || callee?.type !== 'attribute' || this.text(field(callee, 'attribute')) !== 'append') continue;
      const list = unwrap(field(callee, 'object'));
      const joins = list?.type === 'identifier' ? this.joinedInLoop(list, appendCall!) : undefined;
      if (joins) return joins;
    }
    return undefined;
  }

  /**
   * The waits of `for p in <list>: p.join()` (or `while p.is_alive(): p.join(t)`) after `after`, in a
   * loop that always runs once `after` has: every program kept in the list is waited for.
   */
  private joinedInLoop(list: PyNode, after: PyNode): PyNode[] | undefined {
    const WAITS = ['wait', 'communicate', 'join'];
    const listName = this.text(list);
    const unit = this.file.scopes.bindingUnit(listName, list);
    if (!unit) return undefined;
    for (const ref of this.file.scopes.referencesOf(listName, unit)) {
      const loop = ref.parent;
      if (loop?.type !== 'for_statement' || field(loop, 'right') !== ref || ref.start < after.end || !this.alwaysAfter(loop, after)) continue;
      const item = unwrap(field(loop, 'left'));
      const body = field(loop, 'body');
      if (item?.type !== 'identifier' || !body) continue;
      const waits: PyNode[] = [];
      walk(body, (n) => {
        if (n.type === 'function_definition' || n.type === 'lambda' || n.type === 'class_definition') return false;
        const attr = n.parent;
        if (n.type === 'identifier' && this.text(n) === this.text(item) && attr?.type === 'attribute' && field(attr, 'object') === n && WAITS.includes(this.text(field(attr, 'attribute'))) && this.unconditionalIn(n, body)) waits.push(n);
        return undefined;
      });
      if (waits.length) return waits;
    }
    return undefined;
  }

  /**
   * `<list>.append(path)` (a list of this unit), and later a `for item in <list>:` whose body removes
   * `item` (`os.remove(item)`, also inside a `try`): the removal calls; undefined when there is none
   * (the list goes elsewhere, and what happens to the path there is not known).
   */
  private removedFromList(call: PyNode, carrier: PyNode): PyNode[] | undefined {
    const callee = unwrap(field(call, 'function'));
    const args = field(call, 'arguments');
    if (callee?.type !== 'attribute' || this.text(field(callee, 'attribute')) !== 'append' || !args || named(args).length !== 1 || named(args)[0] !== carrier) return undefined;
    const list = unwrap(field(callee, 'object'));
    if (list?.type !== 'identifier') return undefined;
    const listName = this.text(list);
    const unit = this.file.scopes.bindingUnit(listName, list);
    if (!unit || unit.node !== unitOf(call)) return undefined;
    const removals: PyNode[] = [];
    for (const ref of this.file.scopes.referencesOf(listName, unit)) {
      const loop = ref.parent;
      if (loop?.type !== 'for_statement' || field(loop, 'right') !== ref || ref.start < call.end) continue;
      const item = unwrap(field(loop, 'left'));
      const body = field(loop, 'body');
      if (item?.type !== 'identifier' || !body) continue;
      walk(body, (n) => {
        if (n.type === 'function_definition' || n.type === 'lambda' || n.type === 'class_definition') return false;
        if (n.type !== 'call') return undefined;
        const role = classify(n, this.file);
        if (role?.role === 'remove' && role.target && unwrap(role.target)?.type === 'identifier' && this.text(unwrap(role.target)) === this.text(item)) removals.push(n);
        return undefined;
      });
    }
    return removals.length ? removals : undefined;
  }

  /** No branch or handler between `node` and `body` (a `while` that waits until done is fine). */
  private unconditionalIn(node: PyNode, body: PyNode): boolean {
    for (let n = node.parent; n && n !== body; n = n.parent) {
      if (['if_statement', 'elif_clause', 'else_clause', 'except_clause', 'conditional_expression', 'boolean_operator', 'match_statement'].includes(n.type)) return false;
    }
    return true;
  }

  /**
   * Whether `node` runs whenever `statement` has run: no branch, loop or handler lies between it and
   * the innermost block that holds them both (a `try` body and its `finally` do not count).
   */
  private alwaysAfter(node: PyNode, statement: PyNode): boolean {
    for (let n = node.parent; n; n = n.parent) {
      if (n.type === 'block' || n.type === 'module') {
        if (n.start <= statement.start && statement.end <= n.end) return true;
        continue;
      }
      if (['if_statement', 'elif_clause', 'else_clause', 'for_statement', 'while_statement', 'except_clause', 'conditional_expression', 'boolean_operator', 'match_statement', 'function_definition', 'lambda', 'class_definition'].includes(n.type)) return false;
    }
    return false;
  }

  /** The `def` a call reaches in this file: a module-level function or a method of the same class. */
  sameFileFunction(call: PyNode): PyNode | undefined {
    const callee = unwrap(field(call, 'function'));
    if (callee?.type === 'identifier') {
      const assignments = this.file.scopes.assignmentsOf(this.text(callee), callee);
      if (assignments.length === 1 && assignments[0].kind === 'def' && assignments[0].value?.type === 'function_definition') return assignments[0].value;
      return undefined;
    }
    if (callee?.type === 'attribute' && this.text(field(callee, 'object')) === 'self') {
      let cls: PyNode | null = callee.parent;
      while (cls && cls.type !== 'class_definition') cls = cls.parent;
      const body = cls && field(cls, 'body');
      const name = this.text(field(callee, 'attribute'));
      const defs = (body?.children ?? []).map((c) => (c.type === 'decorated_definition' ? field(c, 'definition') : c)).filter((c): c is PyNode => c?.type === 'function_definition' && this.text(field(c, 'name')) === name);
      return defs.length === 1 ? defs[0] : undefined;
    }
    return undefined;
  }

  /** What a same-file function does with the parameter that receives the path. */
  parameterFate(fn: PyNode, call: PyNode, arg: PyNode, depth: number): { creates: boolean; removes: boolean; escapes: Escape[] } | undefined {
    const params = named(field(fn, 'parameters') ?? fn).map((p) => (p.type === 'identifier' ? p : field(p, 'name') ?? named(p).find((c) => c.type === 'identifier'))).filter((p): p is PyNode => !!p && p.type === 'identifier');
    const isMethod = this.text(field(unwrap(field(call, 'function')), 'object')) === 'self';
    const list = field(call, 'arguments');
    let param: PyNode | undefined;
    if (arg.parent?.type === 'keyword_argument') {
      const keyword = this.text(field(arg.parent, 'name'));
      param = params.find((p) => this.text(p) === keyword);
    } else if (list) {
      const index = named(list).filter((a) => a.type !== 'keyword_argument').indexOf(arg);
      param = params[index + (isMethod ? 1 : 0)];
    }
    if (!param) return undefined;
    const unit = this.file.scopes.units.get(fn);
    if (!unit) return undefined;
    const inner = this.track(unit, { seeds: [], names: [this.text(param)], depth });
    return { creates: inner.uses.some((u) => u.kind === 'create'), removes: inner.uses.some((u) => u.kind === 'remove'), escapes: inner.escapes };
  }
}

function contains(outer: PyNode, inner: PyNode): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

function isAttributeName(node: PyNode): boolean {
  return node.parent?.type === 'attribute' && node.field === 'attribute';
}

/** The bindings of `name` in `unit` after `binding` (`with ... as name:`, `name = ...`, a loop variable). */
export function laterBindings(unit: Unit, name: string, binding: PyNode, source: string): Assignment[] {
  // `dest = bytestring_path(dest)` goes on holding the path, in another form.
  const readsItself = (a: Assignment) => {
    let found = false;
    if (a.value && a.kind !== 'for')
      walk(a.value, (n) => {
        if (n.type === 'identifier' && source.slice(n.start, n.end) === name) found = true;
        return found ? false : undefined;
      });
    return found;
  };
  return (unit.assignments.get(name) ?? []).filter((a) => a.target.start >= binding.end && a.kind !== 'param' && a.kind !== 'del' && a.kind !== 'augmented' && !readsItself(a));
}

/** Whether a loop between `node` and `unitNode` runs it again (a later rebinding then precedes earlier uses too). */
function loopAround(node: PyNode, unitNode: PyNode): boolean {
  for (let n = node.parent; n && n !== unitNode; n = n.parent) if (n.type === 'for_statement' || n.type === 'while_statement') return true;
  return false;
}

export function roleKind(role: CallRole | undefined): UseKind {
  if (!role) return 'other';
  switch (role.role) {
    case 'create':
      return 'create';
    case 'check':
      return 'check';
    case 'remove':
      return 'remove';
    case 'read':
      return 'read';
    case 'handoff':
      return 'handoff';
    case 'cleanup-later':
      return 'cleanup-later';
    default:
      return 'consumer';
  }
}

/**
 * Why a path given to `sys.path.insert()` (or `site.addsitedir`, or PYTHONPATH through `os.putenv`)
 * outlives the call: what is imported from it runs as code, so a planted .py file is code execution.
 */
function outlivingWhy(call: PyNode, qualified: string, file: PyFile): string {
  const fn = `${file.text(field(call, 'function'))}()`;
  if (qualified.startsWith('sys.path.') || qualified === 'site.addsitedir') return `${fn} puts it on the import path, so a .py file another user plants there is imported and run as this program's code`;
  const args = argsOf(call, file.source);
  const first = unwrap(args.positional[0]);
  const onPythonPath = stringValue(first, file.source) === 'PYTHONPATH' || (first?.type === 'dictionary' && first.children.some((pair) => pair.type === 'pair' && stringValue(field(pair, 'key'), file.source) === 'PYTHONPATH')) || args.keywords.has('PYTHONPATH');
  if (onPythonPath) return `${fn} puts it on PYTHONPATH, so a .py file another user plants there is imported and run by the Python programs started after`;
  return `${fn} keeps it for the imports and programs that come after`;
}
