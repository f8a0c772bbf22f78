import type { FileContext } from '../src/engine/context';
import type { Rule } from '../src/engine/context';
import { jscodeshiftTransform } from './jscodeshift';
import { contains, isCall, isLoop, ownerOf, unwrap, walk, type Node, type Path } from '../src/engine/ast';
import type { CallSite, Site } from '../src/engine/context';
import type { TmpPath } from '../src/engine/dataflow/values';
import { patternIdentifiers } from '../src/engine/scope';
import { looksShared, MENTIONS_TMP_DIR, sharedAdvice } from '../src/engine/shared-names';
import { mayBeRecursive } from '../src/engine/options';

const id = 'check-then-create';

/** `!fs.existsSync(p)`, `fs.existsSync(p) === false`: the argument path when the test asks "is it missing?". */
function missingCheck(ctx: FileContext, test: Path): Path | undefined {
  const node = unwrap(test.node);
  let call: Path | undefined;
  if (node.type === 'UnaryExpression' && node.operator === '!') call = test.get('argument') as Path;
  else if (node.type === 'BinaryExpression' && ['===', '=='].includes(node.operator) && node.right.type === 'BooleanLiteral' && node.right.value === false) call = test.get('left') as Path;
  if (!call || !isCall(unwrap(call.node))) return undefined;
  const fs = ctx.fs.classify(call);
  if (!fs || fs.method !== 'exists' || fs.api !== 'sync') return undefined;
  return call.get('arguments', 0) as Path;
}

/** `fs.existsSync(p)` alone: the branch runs when the file is already there. */
function presentCheck(ctx: FileContext, test: Path): Path | undefined {
  const node = unwrap(test.node);
  if (!isCall(node)) return undefined;
  const fs = ctx.fs.classify(test);
  return fs && fs.method === 'exists' && fs.api === 'sync' ? (test.get('arguments', 0) as Path) : undefined;
}

/** Same path expression: the same variable, or the same text. */
function samePath(ctx: FileContext, a: Node, b: Node): boolean {
  return ctx.text(unwrap(a)) === ctx.text(unwrap(b));
}

const REMOVERS = new Set(['rm', 'rmdir', 'unlink', 'remove', 'emptyDir']);

/** The block leaves the function or the loop (return, throw, break, continue): what follows is the "already there" path. */
function exitsEarly(block: Node): boolean {
  let exits = ['ReturnStatement', 'ThrowStatement', 'BreakStatement', 'ContinueStatement'].includes(block.type);
  walk(block, (n) => {
    if (['ReturnStatement', 'ThrowStatement', 'BreakStatement', 'ContinueStatement'].includes(n.type)) exits = true;
  }, true);
  return exits;
}

/**
 * Dropping the check is right only where the creation is the first one of the call: not in a loop,
 * not after an earlier creation or check of the same name. Elsewhere the check stays (and the
 * creation still moves into the private directory with the other rules).
 */
function firstOfItsCall(ctx: FileContext, statement: Path, key: string): boolean {
  const owner = ownerOf(statement);
  for (let p = statement.parent as Path | null; p && p.node !== owner.node; p = p.parent as Path | null) {
    if (isLoop(p.node)) return false;
  }
  const earlier = (node: Node) => node.start < statement.node.start && contains(owner.node, node) && ownerOf(ctx.tree.pathOf(node)).node === owner.node;
  return !ctx.fsCalls().some(({ path, call }) => {
    if (!earlier(path.node)) return false;
    const index = call.creates !== 'none' ? call.target : 0;
    const target = (path.node.arguments as Node[])[index];
    return !!target && (call.creates !== 'none' || /^(exists|access|stat|lstat)$/.test(call.method)) && ctx.tmp.tmpPathOf(path.get('arguments', index) as Path)?.key === key;
  });
}

/** The block does nothing but remove the checked path. */
function onlyRemoves(ctx: FileContext, block: Node, key: string): boolean {
  const statements = block.type === 'BlockStatement' ? (block.body as Node[]) : [block];
  return statements.length > 0 && statements.every((statement) => {
    const expression = statement.type === 'ExpressionStatement' ? unwrap(statement.expression.type === 'AwaitExpression' ? statement.expression.argument : statement.expression) : undefined;
    if (!expression || !isCall(expression)) return false;
    const call = ctx.fs.classify(ctx.tree.pathOf(expression));
    const target = (expression.arguments as Node[])[0];
    return !!call && REMOVERS.has(call.method) && !!target && ctx.tmp.tmpPathOf(ctx.tree.pathOf(target))?.key === key;
  });
}

/**
 * `try { fs.accessSync(p) } catch { …create p… }` (also statSync, lstatSync, awaited fs.promises.access):
 * the catch runs when the path is missing, so it is the same race as `if (!existsSync(p))`.
 * Only when the try holds the check alone and the catch does not look at the error.
 */
function tryAccessChecks(ctx: FileContext): void {
  for (const tryPath of ctx.candidates('TryStatement')) {
    const tryNode = tryPath.node;
    const handler = tryNode.handler as Node | null;
    const block = tryNode.block.body as Node[];
    if (!handler || tryNode.finalizer || block.length !== 1 || block[0].type !== 'ExpressionStatement') continue;
    const statement = block[0].expression as Node;
    const awaited = statement.type === 'AwaitExpression';
    const expression = unwrap(awaited ? statement.argument : statement);
    if (!isCall(expression)) continue;
    const checkPath = ctx.tree.pathOf(expression);
    const check = ctx.fs.classify(checkPath);
    if (!check || !/^(access|stat|lstat)$/.test(check.method) || check.api === 'callback' || (check.api === 'promise' && !awaited)) continue;
    const args = expression.arguments as Node[];
    if (args.length === 0) continue;
    // statSync(p, { throwIfNoEntry: false }) does not throw for a missing file: no check.
    if (args.slice(1).some((a) => a.type === 'ObjectExpression' && (a.properties as Node[]).some((prop) => prop.key?.name === 'throwIfNoEntry'))) continue;
    const tmp = ctx.tmp.tmpPathOf(checkPath.get('arguments', 0) as Path);
    if (!tmp) continue;
    if (handler.param) {
      const used = new Set<string>();
      walk(handler.body, (n) => {
        if (n.type === 'Identifier') used.add(n.name);
      });
      if (patternIdentifiers(handler.param).some((param) => used.has(param.name))) continue; // the error decides: left to predictable-tmp-path
    }
    const creating = ctx.fsCalls().filter(({ path, call }) => {
      const target = (path.node.arguments as Node[])[call.target];
      return call.creates !== 'none' && !!target && contains(handler.body, path.node) && ctx.tmp.tmpPathOf(path.get('arguments', call.target) as Path)?.key === tmp.key;
    });
    if (creating.length === 0 || creating.some((c) => ctx.claimed.has(c.path.node))) continue;
    const what = `${ctx.text(expression)} in a try, then ${ctx.text(creating[0].path.node.callee)}() on '${tmp.key}' when it fails`;
    const reuse = exitsEarly(handler.body) ? 'the catch returns or throws, so the code after it is what runs when an earlier run left the file' : undefined;
    settle(ctx, { statement: tryPath, keep: handler.body, test: tryNode.block }, creating, tmp, what, reuse);
  }
}

/**
 * One decision for both forms of the check: shared names and cross-run reuse are left alone and
 * reported; a check that still decides something (in a loop, after an earlier creation) stays and
 * its creations go to the other rules; otherwise the check is dropped and the creations move.
 */
function settle(ctx: FileContext, check: NonNullable<Site['check']>, creating: CallSite[], tmp: TmpPath, what: string, reuse: string | undefined): void {
  for (const c of creating) ctx.claimed.add(c.path.node);
  const node = check.statement.node;
  if (looksShared(tmp.key)) return ctx.leaveAlone(id, node, tmp, `${what}: ${sharedAdvice(tmp.key)}`);
  if (reuse?.startsWith('the code stops')) {
    return ctx.leaveAlone(id, node, tmp, `${what}: ${reuse}; a private directory would hide it from the next run; not rewritten. Keep it in a per-user directory with mode 0700 (for example under $XDG_RUNTIME_DIR or os.homedir()), and take it with the 'wx' flag instead of checking first`);
  }
  if (reuse) {
    return ctx.leaveAlone(id, node, tmp, `${what}: ${reuse}, which is a cross-run cache another user can plant; not rewritten. Keep such a cache in a per-user directory with mode 0700 (for example under os.homedir()), or drop the reuse`);
  }
  if (!firstOfItsCall(ctx, check.statement, tmp.key)) {
    for (const c of creating) ctx.claimed.delete(c.path.node);
    return;
  }
  const [first, ...rest] = creating;
  ctx.addSite({ ruleId: id, call: first.path, fs: first.call, tmp, what: `${what}: ${raceDanger(first)}`, check });
  for (const other of rest) ctx.addSite({ ruleId: id, call: other.path, fs: other.call, tmp, what: `${ctx.text(other.path.node.callee)}() on '${tmp.key}' after the same check` });
}

/** What another user gains from the gap between the check and the creation, by how the creation treats a name that exists. */
function raceDanger(creation: CallSite): string {
  if (creation.call.creates !== 'dir') return 'another user can create the path between the check and the write';
  const args = creation.path.node.arguments as Node[];
  const recursive = mayBeRecursive(args);
  if (recursive || creation.call.method !== 'mkdir') {
    return 'the check protects nothing, since the creation takes a directory that exists (recursive): another user who makes it first, or a symlink there, owns or redirects what goes in';
  }
  return 'when the name exists the code skips the mkdir and uses what is there, so another user who makes it first (or a symlink there) owns or redirects what goes in, and one who makes it between the check and the mkdir makes the call fail (EEXIST)';
}

export const checkThenCreate: Rule = {
  meta: {
    id,
    description: 'An existence check followed by creating the same temp path (a race another user can win)',
    cwe: ['CWE-367', 'CWE-377', 'CWE-59'],
    docs: `docs/rules/${id}.md`,
    fix: 'safe',
    prefilter: MENTIONS_TMP_DIR,
  },
  run(ctx: FileContext) {
    tryAccessChecks(ctx);
    const calls = ctx.fsCalls();
    for (const ifPath of ctx.candidates('IfStatement')) {
      const ifNode = ifPath.node;
      const test = ifPath.get('test') as Path;
      const missing = missingCheck(ctx, test);
      const present = missing ? undefined : presentCheck(ctx, test);
      const checked = missing ?? present;
      if (!checked) continue;
      const tmp = ctx.tmp.tmpPathOf(checked);
      if (!tmp) continue;
      const branch = (missing ? ifNode.consequent : ifNode.alternate) as Node | null;
      const owner = ownerOf(ifPath);
      const createsChecked = ({ path, call }: CallSite) => {
        const target = (path.node.arguments as Node[])[call.target];
        if (call.creates === 'none' || !target) return false;
        return samePath(ctx, target, checked.node) || ctx.tmp.tmpPathOf(path.get('arguments', call.target) as Path)?.key === tmp.key;
      };
      let creating = calls.filter(({ path, call }) => createsChecked({ path, call }) && !!branch && contains(branch, path.node));
      // `if (fs.existsSync(p)) return read(p); …create p…`: the file is reused when it is there.
      // (`if (fs.existsSync(p)) fs.rmSync(p)` before creating it is a clean start, not a reuse.)
      if (present && creating.length === 0 && !ifNode.alternate && !onlyRemoves(ctx, ifNode.consequent, tmp.key)) {
        creating = calls.filter((c) => createsChecked(c) && c.path.node.start > ifNode.end && ownerOf(c.path).node === owner.node);
      }
      if (creating.length === 0) continue;
      const what = `${ctx.text(ifNode.test)} then ${ctx.text(creating[0].path.node.callee)}() on '${tmp.key}'`;
      // `if (existsSync(marker)) throw new Error('already running')`: the file's being there is the message.
      const guard = present && !ifNode.alternate && exitsEarly(ifNode.consequent) && !ctx.text(ifNode.consequent).includes(ctx.text(checked.node));
      const reuse = guard
        ? 'the code stops when the file is there, so the file marks that a run holds the name (a single-instance guard or a lock), which another user can plant to stop it'
        : present || ifNode.alternate || (branch && exitsEarly(branch)) || ifPath.parent?.node.type === 'IfStatement' ? 'the code reuses the file when an earlier run left it' : undefined;
      settle(ctx, { statement: ifPath, keep: ifNode.consequent, test: ifNode.test }, creating, tmp, what, reuse);
    }
  },
};

// `jscodeshift -t dist/transforms/check-then-create.js`: this rule alone.
export default jscodeshiftTransform([checkThenCreate]);
