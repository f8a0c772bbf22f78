import type { FileContext, Rule } from '../src/engine/context';
import { contains, isCall, isMember, ownerOf, propertyName, stringValue, unwrap, type Node, type Path } from '../src/engine/ast';
import { addFinally, inFinally, statementOf } from '../src/engine/cleanup';
import { namedAsRemover } from '../src/engine/private-dir';
import { findBarrier } from '../src/engine/dataflow/barriers';
import { REMOVALS } from '../src/engine/dataflow/sinks';
import { analyzeFlow, isAwaited } from '../src/engine/flow';
import { freshName } from '../src/engine/modules';
import { wrapStatements } from '../src/engine/wrap';
import { jscodeshiftTransform } from './jscodeshift';

const id = 'missing-tmp-cleanup';

/** What a safe creation hands back and how it is removed. */
interface Made {
  call: Path;
  /** The variable holding the directory or the handle. */
  name: string;
  api: string;
  /** `dir`: a mkdtemp path; `handle`: a tmp / tmp-promise result with a removal method. */
  kind: 'dir' | 'handle';
  /** For handles: the method that removes it, and the properties that hold its path. */
  method?: 'removeCallback' | 'cleanup';
  props: string[];
  async: boolean;
}

/** `const dir = fs.mkdtempSync(…)`, `const tmpobj = tmp.dirSync(…)`, `const f = await file()`. */
function madeHere(ctx: FileContext, call: Path): Made | undefined {
  const ref = ctx.modules.calleeOf(call);
  if (!ref) return undefined;
  const barrier = findBarrier(ref.module, ref.member);
  if (!barrier || barrier.result === 'callback' || barrier.result === 'scoped') return undefined;
  if (ref.member === 'mkdtempDisposableSync' || ref.member === 'mkdtempDisposable') return undefined;
  let holder: Path = call;
  if (holder.parent?.node.type === 'AwaitExpression') holder = holder.parent as Path;
  const declarator = holder.parent?.node;
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== holder.node || declarator.id.type !== 'Identifier') return undefined;
  const api = ctx.text(call.node.callee);
  if (barrier.result === 'dir') return { call, name: declarator.id.name, api, kind: 'dir', props: [], async: isAwaited(call) };
  const method = ref.module === 'tmpPromise' && (ref.member === 'dir' || ref.member === 'file') ? 'cleanup' : 'removeCallback';
  return { call, name: declarator.id.name, api, kind: 'handle', method, props: [barrier.prop!], async: method === 'cleanup' };
}

/** Test hooks that run before each test (or each file): what they make is made again every time. */
const SETUP_HOOKS = new Set(['beforeEach', 'beforeAll', 'before', 'setup', 'suiteSetup']);

/**
 * `beforeEach(async () => { tempDir = await fs.promises.mkdtemp(…) })` with nothing in the file
 * removing `tempDir`: every test leaves a private directory behind (electron/packager's specs). Not
 * rewritten: where it should go (afterEach, after) is the test framework's, so it is reported.
 */
function hookLeak(ctx: FileContext, call: Path): void {
  const ref = ctx.modules.calleeOf(call);
  if (!ref || findBarrier(ref.module, ref.member)?.result !== 'dir') return;
  let holder: Path = call;
  if (holder.parent?.node.type === 'AwaitExpression') holder = holder.parent as Path;
  const assignment = holder.parent?.node;
  if (assignment?.type !== 'AssignmentExpression' || assignment.operator !== '=' || assignment.right !== holder.node || assignment.left.type !== 'Identifier') return;
  const name = assignment.left.name as string;
  const fn = ownerOf(call);
  const hookCall = fn.parent?.node;
  if (!hookCall || !isCall(hookCall) || !(hookCall.arguments as Node[]).includes(fn.node)) return;
  const hook = hookCall.callee.type === 'Identifier' ? (hookCall.callee.name as string) : isMember(hookCall.callee) ? propertyName(hookCall.callee) : undefined;
  if (!hook || !SETUP_HOOKS.has(hook)) return;
  const declared = ctx.scopes.lookup(ctx.tree.pathOf(assignment.left), name);
  if (!declared || contains(fn.node, declared.id)) return;
  for (const use of ctx.tree.identifiersNamed(name, declared.scope)) {
    if (use === assignment.left || use === declared.id) continue;
    const parent = ctx.tree.parentOf(use);
    // Handed whole to a call that may remove it, or given away (returned, exported, stored elsewhere).
    if (parent && isCall(parent) && (parent.arguments as Node[]).includes(use)) {
      const callee = ctx.text(parent.callee);
      if (namedAsRemover(callee) || !/^(?:path\.|fs\.|expect\b|assert\b|console\.)/.test(callee) && !ctx.fs.classify(ctx.tree.pathOf(parent))) return;
    }
    if (parent && (parent.type === 'ReturnStatement' || (parent.type === 'AssignmentExpression' && parent.right === use) || parent.type === 'ObjectProperty' || parent.type === 'ExportSpecifier')) return;
  }
  ctx.report(id, call.node, `${ctx.text(call.node.callee)}() in ${hook}() makes ${name} again for every test, and nothing in this file removes it: each run leaves a private directory behind; not rewritten. Remove it in the matching after hook (fs.rmSync(${name}, { recursive: true, force: true }))`, false);
}

/** The removals of what `made` holds: `fs.rmSync(dir, …)`, `tmpobj.removeCallback()`, `await f.cleanup()`. */
function removals(ctx: FileContext, made: Made): Node[] {
  const found: Node[] = [];
  const scope = ctx.scopes.lookup(made.call, made.name)?.scope ?? ctx.program;
  for (const use of ctx.tree.identifiersNamed(made.name, scope)) {
    const parent = ctx.tree.parentOf(use);
    if (!parent) continue;
    if (made.kind === 'handle') {
      const grand = ctx.tree.parentOf(parent);
      if (isMember(parent) && parent.object === use && propertyName(parent) === made.method && grand && isCall(grand)) found.push(grand);
      continue;
    }
    if (!isCall(parent) || (parent.arguments as Node[])[0] !== use) continue;
    const call = ctx.fs.classify(ctx.tree.pathOf(parent));
    if (call && REMOVALS.has(call.method)) found.push(parent); // rimraf's calls too: fs-calls takes them for rm
  }
  return found;
}

/**
 * A private directory or a tmp file that the function makes and never removes, or removes only when
 * nothing throws first: its removal goes into a finally, and the old removal statement goes when the
 * finally does the same (a recursive removal with no use of the directory after it).
 */
export const missingTmpCleanup: Rule = {
  meta: {
    id,
    description: 'A private temp directory or tmp file that is never removed, or removed only on the happy path',
    cwe: ['CWE-459', 'CWE-377'],
    docs: `docs/rules/${id}.md`,
    fix: 'safe',
    prefilter: /mkdtemp|dirSync|fileSync|['"]tmp-promise['"]/,
  },
  run(ctx: FileContext) {
    // tmp removes what it made when the process exits, once asked to: cleanup on purpose.
    const graceful = /\bsetGracefulCleanup\s*\(/.test(ctx.source);
    // The last made first: its try is the inner one when two share a block.
    const calls = [...ctx.tree.ofType('CallExpression'), ...ctx.tree.ofType('OptionalCallExpression')].sort((a, b) => b.start - a.start);
    {
      for (const node of calls) {
        const call = ctx.tree.pathOf(node);
        if (!graceful) {
          droppedRemover(ctx, call);
          callbackWithoutCleanup(ctx, call);
        }
        const made = madeHere(ctx, call);
        if (!made) {
          hookLeak(ctx, call);
          continue;
        }
        if (made.kind === 'handle' && graceful) continue;
        const removed = removals(ctx, made);
        // Removed in a finally, or later on purpose (an 'exit' handler, a callback, a .finally()).
        const owner = ownerOf(call);
        if (removed.some((r) => inFinally(ctx, r) || ownerOf(ctx.tree.pathOf(r)).node !== owner.node)) {
          const missed = removed.some((r) => inFinally(ctx, r)) ? undefined : errorHandlerMisses(ctx, owner.node, removed);
          if (missed) ctx.report(id, node, `${made.api}() result ${made.name} is removed in the ${missed.done} handler (line ${missed.doneLine}) but not in the 'error' handler (line ${missed.errorLine}): not rewritten; when the stream fails, the directory stays behind. Remove it in the 'error' handler too, or where the promise settles either way`, false);
          continue;
        }
        const declaration = statementOf(call);
        const held = ctx.held(node);
        if (!declaration || held) {
          if (declaration) ctx.report(id, node, `${made.api}() result ${made.name} is not removed on every path${held}`, false);
          continue;
        }
        const outcome = addFinally(ctx, owner, call, declaration, () => removalText(ctx, made, made.async, call), made.props, removed.length > 0);
        const what = removed.length > 0
          ? `${made.api}() makes ${made.name}, which is removed only when nothing throws before line ${removed[removed.length - 1].loc.start.line}`
          : `${made.api}() makes ${made.name}, which is never removed`;
        if (outcome.kind === 'added') {
          if (made.kind === 'handle' && made.api.endsWith('dirSync')) unsafeCleanup(ctx, call);
          ctx.report(id, node, `${what}: its removal is now in finally, so it goes on every path, errors included`, true);
        } else if (outcome.kind === 'no-place') {
          ctx.report(id, node, `${what}; not rewritten, because ${outcome.reason}. Remove it in a finally block`, false);
        }
        // Escaping (returned, stored, handed on): whoever receives it removes it; nothing to say.
      }
    }
  },
};


/** The removal method of a tmp / tmp-promise result, by the call that made it. */
function removerOf(ctx: FileContext, call: Path): { method: string; prop: string; api: string } | undefined {
  const ref = ctx.modules.calleeOf(call);
  if (!ref) return undefined;
  const barrier = findBarrier(ref.module, ref.member);
  if (!barrier || barrier.result !== 'handle' || ref.module.startsWith('fs')) return undefined;
  const method = ref.module === 'tmpPromise' && (ref.member === 'dir' || ref.member === 'file') ? 'cleanup' : 'removeCallback';
  return { method, prop: barrier.prop!, api: ctx.text(call.node.callee) };
}

/**
 * `const { path, cleanup } = await file()` with cleanup never called (or not taken at all): only the
 * path is left, and nothing removes the file. Reported: the shape of the fix depends on who uses it.
 */
function droppedRemover(ctx: FileContext, call: Path): void {
  const remover = removerOf(ctx, call);
  if (!remover) return;
  let holder: Path = call;
  if (holder.parent?.node.type === 'AwaitExpression') holder = holder.parent as Path;
  const declarator = holder.parent?.node;
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== holder.node || declarator.id.type !== 'ObjectPattern') return;
  const prop = (declarator.id.properties as Node[]).find((p) => p.type === 'ObjectProperty' && !p.computed && (p.key.name ?? p.key.value) === remover.method);
  const local = prop?.value?.type === 'Identifier' ? (prop.value.name as string) : undefined;
  if (local) {
    const scope = ctx.scopes.lookup(ctx.tree.pathOf(prop!.value), local)?.scope ?? ctx.program;
    // Any other reference (a call, or handing it on) means someone may call it.
    const used = ctx.tree.identifiersNamed(local, scope).some((ref) => ref !== prop!.value && ref !== prop!.key && ctx.scopes.lookup(ctx.tree.pathOf(ref), local)?.id === prop!.value);
    if (used) return;
  }
  const what = local ? `takes ${remover.method}() but never calls it` : `drops ${remover.method}() and keeps only the ${remover.prop}`;
  // A dirSync() directory that gets files: its removeCallback() is rmdir, which fails on a non-empty one.
  const isDir = /dirSync$|\bdir$/.test(remover.api);
  const unsafe = isDir && !/unsafeCleanup\s*:\s*true/.test(ctx.text(call.node));
  const also = unsafe ? ` (and pass { unsafeCleanup: true } to ${remover.api}(): without it ${remover.method}() only removes an empty directory and throws ENOTEMPTY once files are in it)` : '';
  ctx.report(id, call.node, `${remover.api}() ${what}: nothing removes the temp ${isDir ? 'directory' : 'file'} (tmp does so at exit only after tmp.setGracefulCleanup()); not rewritten. Call ${remover.method}() in a finally where it is last used${also}, or hand it to whoever uses the path`, false);
}

/**
 * `tmp.file((err, path, fd, cleanupCallback) => { … })` whose callback never calls its cleanup: the
 * callback's statements go into try, the cleanup into finally, when the path stays in the callback.
 */
function callbackWithoutCleanup(ctx: FileContext, call: Path): void {
  const ref = ctx.modules.calleeOf(call);
  if (!ref || ref.module !== 'tmp' || (ref.member !== 'file' && ref.member !== 'dir')) return;
  const args = call.node.arguments as Node[];
  const callback = args[args.length - 1];
  if (!callback || !/Function/.test(callback.type)) return;
  const cleanupIndex = ref.member === 'file' ? 3 : 2;
  const params = callback.params as Node[];
  const cleanupParam = params[cleanupIndex];
  if (cleanupParam && cleanupParam.type !== 'Identifier') return;
  const uses = cleanupParam ? ctx.tree.identifiersNamed(cleanupParam.name, callback.body) : [];
  if (uses.length > 0) {
    const handed = handedOnOnly(ctx, callback, uses);
    if (handed) {
      ctx.report(id, call.node, `${ctx.text(call.node.callee)}() hands its cleanup callback on (${handed}): not rewritten; the ${ref.member === 'file' ? 'file' : 'directory'} goes only where a caller calls ${cleanupParam.name}, and stays behind on every path that does not, an error included. Check that each caller calls it in a finally (or a .finally()), or call tmp.setGracefulCleanup() so that tmp removes it at exit`, false);
    }
    return;
  }
  const what = `${ctx.text(call.node.callee)}()'s callback never calls the cleanup callback it is given`;
  const held = ctx.held(call.node);
  const body = callback.body as Node;
  const pathParam = params[1];
  if (held || body.type !== 'BlockStatement' || pathParam?.type !== 'Identifier' || params.slice(0, cleanupIndex).some((p) => p.type !== 'Identifier')) {
    ctx.report(id, call.node, `${what}: the ${ref.member === 'file' ? 'file' : 'directory'} stays behind${held ?? '; not rewritten. Call it where the callback is done with the path'}`, false);
    return;
  }
  const callbackPath = ctx.tree.pathOf(callback);
  const flow = analyzeFlow(ctx, callbackPath, [], [], [callbackPath.get('params', 1) as Path]);
  const statements = body.body as Node[];
  // `if (err) throw err;` first: the cleanup callback is only given on success.
  const first = statements.findIndex((st) => !(st.type === 'IfStatement' && ctx.text(st.test).trim() === ctx.text(params[0]).trim()));
  if (flow.escapes.length > 0 || first < 0) {
    ctx.report(id, call.node, `${what}: the ${ref.member === 'file' ? 'file' : 'directory'} stays behind; not rewritten, because ${flow.escapes[0] ?? 'the callback does nothing with it'}. Call it where the path is no longer needed`, false);
    return;
  }
  let name = cleanupParam?.name as string | undefined;
  if (!name) {
    name = freshName('cleanupCallback', ctx.names);
    const missing = params.length < cleanupIndex ? ['fd', 'unused'].slice(0, cleanupIndex - params.length).map((n) => freshName(n, ctx.names)) : [];
    ctx.edits.insert(params[params.length - 1].end, `, ${[...missing, name].join(', ')}`);
  }
  const semi = ctx.style.semicolon ? ';' : '';
  wrapStatements(ctx, statements, first, statements.length - 1, '', `${name}()${semi}`);
  ctx.report(id, call.node, `${what}: the callback's work is now in try and the cleanup callback in finally, so the ${ref.member === 'file' ? 'file' : 'directory'} goes on every path`, true);
}

/**
 * Every use of the cleanup callback hands it on instead of calling it: passed as a value
 * (`resolve({ cleanup: callback })`, `done(null, dir, callback)`), or called only inside a function
 * that is itself handed on (an object's method, a returned function). A call in the callback itself or
 * in a handler it registers (`stream.on('close', () => cleanup())`, `.finally(...)`) is a removal.
 * Says how it is handed on, or undefined.
 */
function handedOnOnly(ctx: FileContext, callback: Node, uses: Node[]): string | undefined {
  let handed: string | undefined;
  for (const use of uses) {
    let inner: Node | undefined;
    let parent = ctx.tree.parentOf(use);
    while (parent && parent !== callback) {
      if (/Function|ObjectMethod|ClassMethod/.test(parent.type) && !inner) inner = parent;
      parent = ctx.tree.parentOf(parent);
    }
    const direct = ctx.tree.parentOf(use);
    const called = direct?.type === 'CallExpression' && direct.callee === use;
    if (!inner) {
      if (called) return undefined;
      handed ??= `as a value at line ${use.loc?.start.line}`;
      continue;
    }
    const holder = ctx.tree.parentOf(inner);
    const givenOut = inner.type === 'ObjectMethod' || holder?.type === 'ObjectProperty' || holder?.type === 'ReturnStatement' || holder?.type === 'ArrowFunctionExpression';
    if (!givenOut) return undefined;
    const name = inner.type === 'ObjectMethod' ? ctx.text(inner.key) : holder?.type === 'ObjectProperty' ? ctx.text(holder.key) : 'a returned function';
    handed ??= `${/^[\w$]+$/.test(name) ? `in ${name}()` : name}, line ${use.loc?.start.line}`;
  }
  return handed;
}

const DONE_EVENTS = new Set(['finish', 'close', 'end', 'exit', 'done']);

/**
 * `tar.x(...).on('error', reject).on('finish', () => { …remove(dir)… })`: the removal runs only on
 * the success event of an emitter whose 'error' handler does not remove. The removal counts when it is
 * in the handler or in a function of `owner` the handler calls (`removeExtractedTar(...)`).
 */
function errorHandlerMisses(ctx: FileContext, owner: Node, removed: Node[]): { done: string; doneLine: number; errorLine: number } | undefined {
  // Local functions that remove: `const removeDir = (done) => fs.remove(dir, done)`.
  const removers = new Set<string>();
  for (const r of removed) {
    for (let at = ctx.tree.parentOf(r); at && at !== owner; at = ctx.tree.parentOf(at)) {
      if (!/Function/.test(at.type)) continue;
      const holder = ctx.tree.parentOf(at);
      if (at.id?.type === 'Identifier') removers.add(at.id.name);
      else if (holder?.type === 'VariableDeclarator' && holder.id.type === 'Identifier') removers.add(holder.id.name);
      break;
    }
  }
  const removes = (fn: Node): boolean => removed.some((r) => contains(fn, r)) || [...removers].some((name) => ctx.tree.identifiersNamed(name, fn).length > 0);
  const byEmitter = new Map<string, { event: string; handler: Node; line: number }[]>();
  for (const call of ctx.tree.ofType('CallExpression')) {
    if (!contains(owner, call) || !isMember(call.callee) || !['on', 'once'].includes(propertyName(call.callee) ?? '')) continue;
    const [event, handler] = call.arguments as Node[];
    const name = stringValue(event);
    if (!name || !handler || !/Function/.test(handler.type)) continue;
    let base = call.callee.object as Node;
    while (isCall(base) && isMember(base.callee) && ['on', 'once'].includes(propertyName(base.callee) ?? '')) base = base.callee.object as Node;
    const key = ctx.text(base);
    const list = byEmitter.get(key) ?? [];
    list.push({ event: name, handler, line: handler.loc.start.line });
    byEmitter.set(key, list);
  }
  for (const handlers of byEmitter.values()) {
    const done = handlers.find((h) => DONE_EVENTS.has(h.event) && removes(h.handler));
    const error = handlers.find((h) => h.event === 'error');
    if (done && error && !removes(error.handler) && !handlers.some((h) => h.event === 'close' && removes(h.handler))) {
      return { done: `'${done.event}'`, doneLine: done.line, errorLine: error.line };
    }
  }
  return undefined;
}

function removalText(ctx: FileContext, made: Made, awaited: boolean, at: Path): string {
  const semi = ctx.style.semicolon ? ';' : '';
  if (made.kind === 'handle') return `${made.async ? 'await ' : ''}${made.name}.${made.method}()${semi}`;
  const options = '{ recursive: true, force: true }';
  return awaited
    ? `await ${ctx.modules.reference('fsPromises', 'rm', at)}(${made.name}, ${options})${semi}`
    : `${ctx.modules.reference('fs', 'rmSync', at)}(${made.name}, ${options})${semi}`;
}

/** `tmp.dirSync()` removes only an empty directory unless told otherwise. */
function unsafeCleanup(ctx: FileContext, call: Path): void {
  const args = call.node.arguments as Node[];
  const options = args[0] ? unwrap(args[0]) : undefined;
  if (!options) {
    const close = ctx.source.indexOf(')', call.node.callee.end);
    ctx.edits.insert(close, '{ unsafeCleanup: true }');
    return;
  }
  if (options.type !== 'ObjectExpression') return;
  const props = options.properties as Node[];
  if (props.some((p) => !p.computed && (p.key?.name ?? p.key?.value) === 'unsafeCleanup')) return;
  if (props.length === 0) ctx.edits.replace(options.start, options.end, '{ unsafeCleanup: true }');
  else ctx.edits.insert(props[props.length - 1].end, ', unsafeCleanup: true');
}

// `jscodeshift -t dist/transforms/missing-tmp-cleanup.js`: this rule alone.
export default jscodeshiftTransform([missingTmpCleanup]);
