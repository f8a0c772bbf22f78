// Guaranteed removal for something a function creates and keeps to itself (a mkdtemp directory, a
// tmp handle): the statements from its creation to its last use go into try, the removal into finally.
import { contains, isCall, isFunction, type Node, type Path } from './ast';
import { REMOVALS } from './dataflow/sinks';
import type { FileContext } from './context';
import { analyzeFlow, type Flow } from './flow';
import { isRecursive } from './options';
import { extendForDeclarations, place } from './placement';
import { lineEnd } from './text';
import { lastAcrossWraps, wrapStatements } from './wrap';

/** Escapes that hand the value itself to someone else for good. */
export const KEEPS = ['it is returned', 'it is yielded', 'it is assigned to', 'it is stored in', 'a nested function captures it'];

export type CleanupOutcome =
  | { kind: 'added'; flow: Flow }
  /** The value leaves the function (returned, stored, handed on): removing it is the receiver's job. */
  | { kind: 'escapes'; flow: Flow; reason: string }
  /** No statement list can hold the try (an arrow's expression body, module level among exports). */
  | { kind: 'no-place'; flow: Flow; reason: string }
  /** A finally of the code already removes it (`try { … } finally { fs.rmSync(dir, …) }`): nothing to add. */
  | { kind: 'present'; flow: Flow };

/**
 * Wraps the statements after `declaration` (the statement that creates the value, which stays where
 * it is) up to the value's last use in try/finally with `remove` in the finally. `holder` is the
 * expression whose value is followed (the creating call); `props` are its properties that are the
 * path too (`name` of a tmp handle). Nothing is written (not even an import for `remove`'s text)
 * unless the value provably stays local.
 */
export function addFinally(ctx: FileContext, owner: Path, holder: Path, declaration: Path, remove: () => string, props: string[] = [], removedHere = false): CleanupOutcome {
  const flow = analyzeFlow(ctx, owner, [holder], [], [], props);
  // The old code removes it in this function itself: handing it to a call on the way (a move helper,
  // a child process) does not make it the callee's; only returning or storing it does.
  const escapes = removedHere ? flow.escapes.filter((reason) => KEEPS.some((keeps) => reason.startsWith(keeps))) : flow.escapes;
  if (escapes.length > 0) return { kind: 'escapes', flow, reason: escapes[0] };
  // Removed in a finally whose try holds every other use: the code already cleans up on every path.
  const removal = flow.uses.find((use) => {
    const call = use.parent?.node as Node | undefined;
    if (!call || !isCall(call) || (call.arguments as Node[])[0] !== use.node) return false;
    const kind = ctx.fs.classify(use.parent as Path);
    return !!kind && REMOVALS.has(kind.method) && inFinally(ctx, call);
  });
  if (removal) {
    let tryNode: Node | undefined;
    for (let p: Node | undefined = removal.node; p && !tryNode; p = ctx.tree.parentOf(p)) {
      const parent = ctx.tree.parentOf(p);
      if (parent?.type === 'TryStatement' && parent.finalizer === p) tryNode = parent;
    }
    if (tryNode && flow.uses.every((use) => use === removal || contains(declaration.node, use.node) || contains(tryNode!.block, use.node) || contains(tryNode!.finalizer, use.node))) return { kind: 'present', flow };
  }
  if (owner.node.type === 'ArrowFunctionExpression' && owner.node.body.type !== 'BlockStatement') return { kind: 'no-place', flow, reason: 'it sits in an arrow function\'s expression body' };
  const elements = [declaration, ...flow.uses].filter((e) => contains(owner.node, e.node));
  const placement = place(elements, owner);
  if (!placement) return { kind: 'no-place', flow, reason: 'no block holds both its creation and its uses' };
  const body = placement.list.body as Node[];
  const index = body.indexOf(declaration.node);
  if (index < 0) return { kind: 'no-place', flow, reason: 'it is created inside an expression that the finally cannot follow' };
  placement.first = index;
  extendForDeclarations(placement);
  for (let i = placement.first; i <= placement.last; i++) {
    if (body[i].type === 'ImportDeclaration' || body[i].type.startsWith('Export') || body[i].type === 'TSModuleDeclaration') {
      return { kind: 'no-place', flow, reason: 'the code sits at module level among exports or namespaces, which cannot move into a try block' };
    }
  }
  if (placement.first !== index) return { kind: 'no-place', flow, reason: 'a name declared before it is used after its last use' };
  if (placement.last === index) return { kind: 'added', flow }; // nothing uses it after the creation
  // Another resource's try in the same block: this one holds it whole (its removal then runs last).
  const last = lastAcrossWraps(ctx, body, index + 1, placement.last);
  if (last === undefined) return { kind: 'no-place', flow, reason: 'its uses cross the try block of another cleanup' };
  const old = oldRemovalInRange(ctx, flow, body, index + 1, last);
  wrapStatements(ctx, body, index + 1, last, '', remove());
  if (old !== undefined) ctx.edits.replace(lineEnd(ctx.source, body[old - 1].end), lineEnd(ctx.source, body[old].end), '');
  return { kind: 'added', flow };
}

/**
 * The code's own removal of the value as a statement of the range that goes into try, with no use of
 * the value after it (`await rm(tmpDir, { recursive: true, force: true }); return packed;`): the finally
 * does the same, only a little later, when nothing after it could tell, so the old statement goes
 * instead of staying as a second removal. Undefined when it stays: no such statement, nothing else
 * would be left in the try, or a comment or other code shares its lines.
 */
function oldRemovalInRange(ctx: FileContext, flow: Flow, body: Node[], first: number, last: number): number | undefined {
  // A statement an earlier resource's rewrite took out already (its removal went into its finally).
  const gone = (statement: Node) => ctx.edits.covers(statement.start, statement.end);
  const usesValue = (node: Node) => flow.uses.some((use) => contains(node, use.node));
  // Only a removal of the whole tree, as the finally's: a plain rmdir() that fails on a directory
  // still holding something says something the finally would not, so it stays.
  const removesTree = (statement: Node): boolean => {
    if (statement.type !== 'ExpressionStatement') return false;
    const call = statement.expression.type === 'AwaitExpression' ? statement.expression.argument : statement.expression;
    if (!isCall(call)) return false;
    const args = call.arguments as Node[];
    if (args.length === 0 || !flow.uses.some((use) => use.node === args[0]) || args.slice(1).some(usesValue)) return false;
    const path = ctx.tree.pathOf(call);
    // rimraf always removes the whole tree; fs.rm and fs.rmdir only when asked to.
    if (ctx.modules.calleeOf(path)?.module === 'rimraf') return true;
    const kind = ctx.fs.classify(path);
    if (kind?.method === 'remove') return true;
    if (kind?.method !== 'rm' && kind?.method !== 'rmdir') return false;
    return isRecursive(args.slice(1, 2));
  };
  for (let j = last; j >= first; j--) {
    const statement = body[j];
    if (gone(statement)) continue;
    if (!removesTree(statement)) {
      if (usesValue(statement)) return undefined; // used after its last removal, or no removal at this level
      continue;
    }
    const left = body.slice(first, last + 1).some((other, k) => k + first !== j && !gone(other));
    const { source } = ctx;
    const before = j > 0 ? source.slice(lineEnd(source, body[j - 1].end), statement.start) : '';
    const after = source.slice(statement.end, lineEnd(source, statement.end));
    if (!left || before.trim() !== '' || after.trim() !== '' || !before.includes('\n')) return undefined;
    return j;
  }
  return undefined;
}

/** The statement directly holding an expression (`const dir = …;`, `await x;`), if it is one. */
export function statementOf(expression: Path): Path | undefined {
  let p: Path | null = expression;
  while (p && p.parent && !p.parent.node.type.endsWith('Statement') && p.parent.node.type !== 'VariableDeclaration' && !isFunction(p.parent.node)) p = p.parent as Path;
  const parent = p?.parent as Path | null;
  if (!parent) return undefined;
  if (parent.node.type === 'VariableDeclaration' || parent.node.type === 'ExpressionStatement') return parent;
  return undefined;
}

/** True when `node` sits in the finally block of a try statement. */
export function inFinally(ctx: FileContext, node: Node): boolean {
  for (let p: Node | undefined = node; p; p = ctx.tree.parentOf(p)) {
    const parent = ctx.tree.parentOf(p);
    if (parent?.type === 'TryStatement' && parent.finalizer === p) return true;
    if (p && isFunction(p)) return false;
  }
  return false;
}
