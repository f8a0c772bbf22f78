// Escape analysis: where a temp path's value goes inside the function that builds it.
import { isCall, isFunction, isMember, ownerOf, unwrap, walk, type Node, type Path } from './ast';
import type { FsCalls } from './fs-calls';
import type { Modules } from './modules';
import { contains, inNestedFunction } from './ast';
import type { Scopes } from './scope';
import type { Tree } from './tree';
import type { Values } from './dataflow/values';
import { functionName } from './dataflow/values';

/** What the escape analysis reads: the file's tree, scopes, module bindings and value facts. */
export interface FlowEnv {
  tree: Tree;
  scopes: Scopes;
  modules: Modules;
  fs: FsCalls;
  source: string;
  values: Values;
}

export interface Flow {
  /** Why the path may outlive the function; empty when it provably stays inside. */
  escapes: string[];
  /** Calls that read or hand on the path (reads, stats, synchronous child processes). */
  consumers: number;
  /** The path is printed (console.*): whoever reads the output learns where the file now is. */
  announced: boolean;
  /** Every place the value or a variable holding it appears, for placing the private directory. */
  uses: Path[];
  /** Of the escapes, those that come from the creating call itself (a callback, an unawaited promise, a stream). */
  creationEscapes: number;
  /** `return fsp.readFile(p)` in an async function: with `await` added, it finishes inside the function. */
  returnAwait: Path[];
  /** Variables outside the function that the path is assigned to (`file = …` in a `beforeEach`). */
  outerVariables: Node[];
}

const WRAPPERS = new Set(['TSAsExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'TSSatisfiesExpression', 'ParenthesizedExpression', 'AwaitExpression', 'TypeCastExpression']);
const NEUTRAL_PARENTS = new Set(['ExpressionStatement', 'UnaryExpression', 'IfStatement', 'WhileStatement', 'DoWhileStatement', 'SwitchStatement', 'ThrowStatement', 'ForStatement']);
const STRING_FUNCTIONS = new Set(['String', 'encodeURI', 'encodeURIComponent']);
/** Array methods whose callback gets each element and whose result comes from the callback. */
const ELEMENT_CALLBACKS = new Set(['map', 'forEach', 'some', 'every', 'flatMap', 'findIndex', 'findLastIndex']);
/** Methods that put a value into a local collection (which is then followed instead). */
const COLLECTING = new Set(['push', 'unshift', 'add', 'set']);

/** Array methods that call their callback before they return: the callback runs inside the function. */
const SYNC_CALLBACKS = new Set(['forEach', 'map', 'filter', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'reduce', 'reduceRight', 'flatMap', 'sort']);

/** The array-method call that runs `fn` as its callback before returning, if it is one. */
function inlineCall(fn: Path): Path | undefined {
  const call = fn.parent as Path | null;
  if (!call || !isCall(call.node) || (call.node.arguments as Node[])[0] !== fn.node) return undefined;
  const callee = unwrap(call.node.callee);
  return isMember(callee) && SYNC_CALLBACKS.has(propertyNameOf(callee)) ? call : undefined;
}

/** True when `path` sits in a function nested in `owner` that may run after `owner` returns. */
function capturedForLater(path: Path, owner: Path): boolean {
  for (let p = path.parent as Path | null; p && p.node !== owner.node; p = p.parent as Path | null) {
    if (isFunction(p.node) && !inlineCall(p)) return true;
  }
  return false;
}

function propertyNameOf(member: Node): string {
  return !member.computed && member.property.type === 'Identifier' ? (member.property.name as string) : '';
}

/**
 * A stream that is done when the function goes on: handed to an awaited `pipeline(…)` (stream/promises
 * or a promisified one), or awaited with `once(stream, 'finish' | 'close')` / `finished(stream)`.
 */
function streamAwaited(streamCall: Path): boolean {
  let current: Path = streamCall;
  const parent = current.parent as Path | null;
  // `const out = fs.createWriteStream(p)`: look at what is done with `out`.
  if (parent?.node.type === 'VariableDeclarator' && parent.node.id.type === 'Identifier') {
    const name = parent.node.id.name as string;
    const body = ownerOf(streamCall).node;
    let awaited = false;
    walk(body, (node) => {
      if (node.type !== 'AwaitExpression' || !isCall(unwrap(node.argument))) return;
      const call = unwrap(node.argument);
      const calleeName = call.callee.type === 'Identifier' ? call.callee.name : isMember(call.callee) ? propertyNameOf(call.callee) : '';
      if (/^(pipeline|once|finished)$/.test(calleeName) && (call.arguments as Node[]).some((a) => a.type === 'Identifier' && a.name === name)) awaited = true;
    });
    return awaited;
  }
  // `await pipeline(createReadStream(a), transform, createWriteStream(b))`
  const call = parent;
  if (!call || !isCall(call.node) || !(call.node.arguments as Node[]).includes(current.node)) return false;
  const callee = unwrap(call.node.callee);
  const calleeName = callee.type === 'Identifier' ? callee.name : isMember(callee) ? propertyNameOf(callee) : '';
  current = call;
  return calleeName === 'pipeline' && isAwaited(current);
}

/** The call itself, or the `.then()`/`.catch()`/`.finally()` chained on it, whichever is outermost. */
function outerCall(callPath: Path): Path {
  let current = callPath;
  for (;;) {
    const member = current.parent as Path | null;
    const call = member?.parent as Path | null;
    if (!member || !call || !isMember(member.node) || member.node.object !== current.node || !isCall(call.node) || call.node.callee !== member.node) return current;
    if (!/^(then|catch|finally)$/.test(propertyNameOf(member.node))) return current;
    current = call;
  }
}

export function isAwaited(callPath: Path): boolean {
  let current = callPath;
  while (current.parent && ['TSAsExpression', 'TSNonNullExpression', 'ParenthesizedExpression'].includes(current.parent.node.type)) current = current.parent as Path;
  return current.parent?.node.type === 'AwaitExpression';
}

function calleeText(source: string, call: Node): string {
  const text = source.slice(call.callee.start, call.callee.end);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** Logging calls: they print a path, they do not keep it. `debug(…)`, `logger.info(…)`, `this.log(…)`. */
const LOG_FUNCTIONS = /^(debug|log|trace|verbose|info|warn|warning|error|notice|silly)$/;
const LOG_OBJECTS = /^(console|logger|log|debug|core|this|process\.stdout|process\.stderr|[a-z]*(log|Log|Logger|logger))$/;

function isLogging(source: string, callee: Node): boolean {
  const c = unwrap(callee);
  if (c.type === 'Identifier') return LOG_FUNCTIONS.test(c.name) || /^(log|debug)[A-Z]\w*$/.test(c.name);
  if (!isMember(c) || c.computed) return false;
  const method = propertyNameOf(c);
  const object = source.slice(c.object.start, c.object.end);
  if (object === 'console') return true;
  return (LOG_FUNCTIONS.test(method) || method === 'write') && LOG_OBJECTS.test(object);
}

/** Summaries of same-file functions' parameters, shared by every analysis of one file. */
const summaries = new WeakMap<Node, Map<number, Flow | 'pending'>>();

/** How a parameter of a same-file function is used: whether it escapes from there. */
function parameterFlow(env: FlowEnv, fn: Path, index: number): Flow | undefined {
  const param = (fn.node.params as Node[])[index];
  if (param?.type !== 'Identifier') return undefined;
  let byIndex = summaries.get(fn.node);
  if (!byIndex) summaries.set(fn.node, (byIndex = new Map()));
  const known = byIndex.get(index);
  if (known === 'pending') return undefined;
  if (known) return known;
  byIndex.set(index, 'pending');
  const flow = analyzeFlow(env, fn, [], [], [fn.get('params', index) as Path]);
  byIndex.set(index, flow);
  return flow;
}

export function analyzeFlow(env: FlowEnv, owner: Path, starts: Path[], ignored: Node[] = [], bindings: Path[] = [], handleProps: string[] = []): Flow {
  const { tree, scopes, modules, fs: fsCalls, source } = env;
  const flow: Flow = { escapes: [], consumers: 0, announced: false, uses: [], creationEscapes: 0, returnAwait: [], outerVariables: [] };
  const tracked = new Set<Node>();
  const escape = (reason: string) => {
    if (!flow.escapes.includes(reason)) flow.escapes.push(reason);
  };

  const track = (declaringId: Path, name: string) => {
    if (tracked.has(declaringId.node)) return;
    tracked.add(declaringId.node);
    const declaration = scopes.lookup(declaringId, name)?.id ?? declaringId.node;
    for (const node of tree.identifiersNamed(name, owner.node)) {
      if (node === declaringId.node) continue;
      const p = tree.pathOf(node);
      const parent = p.parent?.node as Node | undefined;
      if (!parent) continue;
      if (isMember(parent) && parent.property === p.node && !parent.computed) continue;
      if ((parent.type === 'ObjectProperty' || parent.type === 'Property') && parent.key === p.node && !parent.computed && !parent.shorthand) continue;
      if (scopes.lookup(p, name)?.id !== declaration) continue;
      if (parent.type === 'AssignmentExpression' && parent.left === p.node) continue;
      follow(p);
    }
  };

  const follow = (path: Path): void => {
    if (ignored.some((n) => contains(n, path.node))) return;
    flow.uses.push(path);
    if (capturedForLater(path, owner)) {
      escape('a nested function captures it and may run after the function returns');
      return;
    }
    const parentPath = path.parent as Path | null;
    if (!parentPath) return;
    const parent = parentPath.node;
    if (WRAPPERS.has(parent.type)) return follow(parentPath);
    if (NEUTRAL_PARENTS.has(parent.type)) return;
    switch (parent.type) {
      case 'CallExpression':
      case 'OptionalCallExpression': {
        if (parent.callee === path.node) return;
        const call = fsCalls.classify(parentPath);
        if (call) {
          const index = (parent.arguments as Node[]).indexOf(path.node);
          const creation = call.creates !== 'none' && index === call.target;
          if (!creation) flow.consumers++;
          const before = flow.escapes.length;
          if (call.api === 'callback') escape(`fs ${call.method}() with a callback finishes after the function returns`);
          else if (call.api === 'promise' && !isAwaited(parentPath)) {
            if (returnedFromAsync(parentPath)) flow.returnAwait.push(parentPath);
            else escape(`${call.method}() is not awaited, so it may finish after the function returns`);
          }
          if (/^(create(Write|Read)Stream|watch|watchFile)$/.test(call.method) && !streamAwaited(parentPath)) escape(`a ${call.method}() on it may still be working when the function returns`);
          // `fs.symlinkSync(built, link)`: the link keeps pointing at it after the function.
          if ((call.method === 'symlink' || call.method === 'link') && index === 0) escape(`a ${call.method} made by ${call.method}() keeps pointing at it`);
          if (creation) flow.creationEscapes += flow.escapes.length - before;
          // `fs.realpathSync(p)` is the same path under another spelling: where it goes, the path goes.
          if (call.method === 'realpath' && index === 0) return follow(parentPath);
          return;
        }
        const callee = modules.calleeOf(parentPath);
        if (callee?.module === 'path') return follow(parentPath);
        if (callee?.module === 'childProcess' || callee?.module === 'execa') {
          // Finished when the function goes on: a Sync call, or an awaited promise (promisified exec, execa).
          // Awaiting helps only where the call returns a promise (spawn() returns a ChildProcess).
          const promised = callee.module === 'execa' || !!callee.promised;
          if (callee.member.endsWith('Sync') || callee.member === 'sync' || (promised && isAwaited(outerCall(parentPath)))) flow.consumers++;
          else escape(`it is handed to ${callee.module === 'execa' ? 'execa' : 'child_process'}.${callee.member === 'default' ? '' : callee.member}(), whose process may outlive the function`.replace('.()', '()'));
          return;
        }
        const c = unwrap(parent.callee);
        if (isLogging(source, parent.callee)) {
          flow.announced = true;
          return;
        }
        // A same-file function: where its parameter goes decides, and an async one must be awaited.
        const position = (parent.arguments as Node[]).indexOf(path.node);
        const targets = position >= 0 ? env.values.functionsCalled(parentPath) : [];
        const index = position - env.values.argumentOffset(parent);
        if (targets.length > 0 && index >= 0) {
          for (const fn of targets) {
            const inner = parameterFlow(env, fn, index);
            const name = functionName(fn.node, fn.parent?.node);
            if (!inner) escape(`it is passed to ${name}(), which tmpfix cannot follow there`);
            else if (inner.escapes.length > 0) escape(`it is passed to ${name}(), where ${inner.escapes[0]}`);
            else if (fn.node.async && !isAwaited(outerCall(parentPath)) && !returnedFromAsync(outerCall(parentPath))) escape(`${name}() is async and not awaited, so it may still use it when the function returns`);
            else {
              flow.consumers++;
              if (inner.announced) flow.announced = true;
            }
          }
          return;
        }
        if (c.type === 'Identifier' && STRING_FUNCTIONS.has(c.name)) return follow(parentPath);
        // `written.push(p)` into a local array: the array now holds it, so follow the array.
        if (isMember(c) && !c.computed && COLLECTING.has(c.property.name) && unwrap(c.object).type === 'Identifier') {
          const name = unwrap(c.object).name as string;
          const declared = scopes.lookup(parentPath, name);
          if (declared && contains(owner.node, declared.scope)) {
            const declaring = tree.pathOf(declared.id);
            flow.uses.push(declaring);
            track(declaring, name);
            return;
          }
        }
        escape(`it is passed to ${calleeText(source, parent)}(), which may keep it`);
        return;
      }
      case 'NewExpression': {
        const c = unwrap(parent.callee);
        if (c.type === 'Identifier' && /Error$/.test(c.name)) return;
        escape(`it is passed to new ${source.slice(parent.callee.start, parent.callee.end)}()`);
        return;
      }
      case 'MemberExpression':
      case 'OptionalMemberExpression': {
        if (parent.object !== path.node) return;
        const grand = parentPath.parent as Path | null;
        // `job.path`, `tmpobj.name`: a property of what holds the path may be the path itself. For a
        // handle (a tmp result) only its path properties are: `tmpobj.fd`, `tmpobj.removeCallback` are not.
        if (!grand || !isCall(grand.node) || grand.node.callee !== parent) {
          const property = propertyNameOf(parent);
          if (property === 'length' || (handleProps.length > 0 && !handleProps.includes(property))) return;
          return follow(parentPath);
        }
        if (handleProps.length > 0 && !handleProps.includes(propertyNameOf(parent))) return;
        // `files.map((file) => fs.statSync(file).size)`: the callback's parameter holds each element,
        // and the result is whatever the callback returns (followed from its return, if anything).
        const callback = (grand.node.arguments as Node[])[0];
        if (ELEMENT_CALLBACKS.has(propertyNameOf(parent)) && callback && isFunction(callback)) {
          const param = (callback.params as Node[])[0];
          if (param?.type === 'Identifier') {
            const paramPath = tree.pathOf(param);
            flow.uses.push(paramPath);
            track(paramPath, param.name as string);
          }
          return;
        }
        return follow(grand);
      }
      case 'ForOfStatement': {
        // `for (const file of written)`: the loop variable holds each element.
        if (parent.right !== path.node) return;
        const left = parent.left as Node;
        const id = left.type === 'VariableDeclaration' && left.declarations.length === 1 ? left.declarations[0].id : left;
        if (id?.type !== 'Identifier') {
          escape('its elements are destructured in a loop');
          return;
        }
        const idPath = tree.pathOf(id);
        flow.uses.push(idPath);
        track(idPath, id.name as string);
        return;
      }
      case 'BinaryExpression':
        if (parent.operator === '+') return follow(parentPath);
        return;
      case 'TemplateLiteral':
      case 'ArrayExpression':
      case 'SpreadElement':
        return follow(parentPath);
      case 'ObjectProperty':
      case 'Property':
        if (parent.value === path.node) return follow(parentPath.parent as Path);
        return;
      case 'ObjectExpression':
        return follow(parentPath);
      case 'LogicalExpression':
        return follow(parentPath);
      case 'SequenceExpression': {
        const expressions = parent.expressions as Node[];
        if (expressions[expressions.length - 1] === path.node) return follow(parentPath);
        return;
      }
      case 'ConditionalExpression':
        if (parent.test === path.node) return;
        return follow(parentPath);
      case 'VariableDeclarator': {
        if (parent.init !== path.node) return;
        if (parent.id.type !== 'Identifier') {
          escape('it is destructured into several variables');
          return;
        }
        flow.uses.push(parentPath);
        track(parentPath.get('id') as Path, parent.id.name as string);
        return;
      }
      case 'AssignmentExpression': {
        if (parent.right !== path.node) return;
        const left = parent.left as Node;
        if (left.type === 'Identifier') {
          const declared = scopes.lookup(parentPath.get('left') as Path, left.name);
          if (!declared || !contains(owner.node, declared.scope)) {
            if (declared) flow.outerVariables.push(declared.id);
            escape(`it is assigned to ${left.name}, which lives outside the function`);
            return;
          }
          const declaring = tree.pathOf(declared.id);
          flow.uses.push(declaring);
          track(declaring, left.name);
          return follow(parentPath);
        }
        escape(`it is stored in ${source.slice(left.start, left.end)}`);
        return;
      }
      case 'ReturnStatement':
      case 'ArrowFunctionExpression': {
        // Returned from an inline callback (`names.map((n) => path.join(dir, n))`): the value goes on
        // into the array method's result, still inside the function.
        let fn: Path | null = parent.type === 'ArrowFunctionExpression' ? parentPath : (parentPath.parent as Path | null);
        while (fn && !isFunction(fn.node)) fn = fn.parent as Path | null;
        const call = fn && fn.node !== owner.node ? inlineCall(fn) : undefined;
        if (call) return follow(call);
        escape('it is returned');
        return;
      }
      case 'YieldExpression':
        escape('it is yielded');
        return;
      case 'ExportDefaultDeclaration':
      case 'ExportNamedDeclaration':
      case 'ExportSpecifier':
        escape('it is exported, so other modules use it');
        return;
      default:
        escape(`it is used in ${describeNode(parent.type)} that tmpfix does not follow`);
    }
  };

  /** `return call()` or `async () => call()` directly in the async owner. */
  const returnedFromAsync = (callPath: Path): boolean => {
    if (!owner.node.async || owner.node.generator) return false;
    let current = callPath;
    while (current.parent && ['TSAsExpression', 'TSNonNullExpression', 'ParenthesizedExpression'].includes(current.parent.node.type)) current = current.parent as Path;
    const parent = current.parent?.node as Node | undefined;
    if (parent?.type === 'ArrowFunctionExpression') return parent === owner.node && parent.body === current.node;
    return parent?.type === 'ReturnStatement' && !inNestedFunction(current, owner);
  };

  for (const start of starts) follow(start);
  for (const binding of bindings) track(binding, binding.node.name as string);
  return flow;
}

/** A node type as words for a message: `a spread element`, `a tagged template expression`. */
function describeNode(type: string): string {
  const words = type.replace(/^TS/, 'TypeScript ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return `${/^[aeiou]/.test(words) ? 'an' : 'a'} ${words}`;
}

