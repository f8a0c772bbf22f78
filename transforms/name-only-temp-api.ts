import type { FileContext, Rule } from '../src/engine/context';
import type { Node, Path } from '../src/engine/ast';
import { stepsAfterRef } from '../src/engine/dataflow/values';
import { findSource } from '../src/engine/dataflow/sources';
import { jscodeshiftTransform } from './jscodeshift';

const id = 'name-only-temp-api';

/**
 * `tmp.tmpNameSync()`, tmp-promise's `tmpName()`, `temp.path()`, tempy's `temporaryFile()`,
 * `tempfile()`, `unique-filename`: a random name in the shared temp directory that nobody created.
 * Where the code then creates it (or hands it to a program that does), the name moves into a private
 * directory; where it only hands the name out, the finding says who must create it safely.
 */
export const nameOnlyTempApi: Rule = {
  meta: {
    id,
    description: 'A temp name made up by a library and created later by the code, not exclusively',
    cwe: ['CWE-377', 'CWE-367', 'CWE-59'],
    docs: `docs/rules/${id}.md`,
    fix: 'safe',
    prefilter: /['"](?:[^'"\n]*\/)?(?:tmp|tmp-promise|temp|tempy|tempfile|unique-filename)['"]/,
  },
  run(ctx: FileContext) {
    const created = new Set<Node>();
    for (const { path, call } of ctx.fsCalls()) {
      if (call.creates === 'none' || ctx.claimed.has(path.node)) continue;
      if (!(path.node.arguments as Node[])[call.target]) continue;
      const tmp = ctx.values.tmpPathOf(path.get('arguments', call.target) as Path);
      if (!tmp || tmp.made !== 'name-api') continue;
      for (const ref of tmp.refs) created.add(ref.path.node);
      // `tmp.tmpName((err, name) => { fs.writeFileSync(name, d) })`: the name lives in a callback.
      if (callbackSource(ctx, tmp.ref.path)) {
        ctx.report(id, path.node, `${ctx.text(tmp.ref.path.node.callee)}() only makes up a name: ${ctx.text(path.node.callee)}() creates it in the callback without O_EXCL and with mode 0644; not rewritten (the callback form). Use tmp.file((err, name, fd, cleanup) => …) or a directory from fs.mkdtemp`, false);
        ctx.claimed.add(path.node);
        continue;
      }
      const api = ctx.text(tmp.ref.path.node.callee ?? tmp.ref.path.node);
      // The names are random (crypto in tmp, tempy and tempfile's uuid): hard to plant ahead of time,
      // but nothing makes the creation exclusive, and the default mode lets others read the file.
      const danger = call.creates === 'dir'
        ? 'creates it as a directory, which takes one another user made first under that name (one that leaked, or a guess) and gets the default mode 0755'
        : `creates it${call.append ? ' (appending)' : ''} without O_EXCL and with the default mode 0644: the name is random, so it is hard to plant ahead of time, but a link another user put there once the name is known is followed, and others can read the file`;
      ctx.addSite({ ruleId: id, call: path, fs: call, tmp, what: `${api}() only makes up a name in the shared temp directory, and ${ctx.text(path.node.callee)}() ${danger}` });
    }
    // Names made up here and handed out, never created here: whoever creates them must do so safely.
    for (const type of ['CallExpression', 'OptionalCallExpression']) {
      for (const node of ctx.tree.ofType(type)) {
        if (created.has(node)) continue;
        const path = ctx.tree.pathOf(node);
        const param = callbackSource(ctx, path);
        if (param) {
          const uses = ctx.tree.identifiersNamed(param.node.name as string, ctx.tree.parentOf(param.node)!).filter((use) => use !== param.node);
          if (uses.some((use) => handedOut(ctx, ctx.tree.pathOf(use)))) {
            ctx.report(id, node, `${ctx.text(node.callee)}() only makes up a name: its callback hands the name on before anything creates it; not rewritten here. Whoever creates it must use { flag: 'wx', mode: 0o600 }, or better tmp.file() or a file in a private directory (fs.mkdtemp)`, false);
          }
          continue;
        }
        // Only a call of a name API itself makes up a name here (the value analysis makes the fact at it).
        const ref = ctx.modules.calleeOf(path);
        if (!ref || !findSource(ref.module, ref.member)) continue;
        const tmp = ctx.values.tmpPathOf(path);
        if (!tmp || tmp.made !== 'name-api' || tmp.ref.path.node !== node || stepsAfterRef(tmp.facts[0]).length > 0) continue;
        if (!handedOut(ctx, path)) continue;
        ctx.report(id, node, `${ctx.text(node.callee)}() only makes up a name in the shared temp directory: the name leaves this function before anything here creates it; not rewritten here. Whoever creates it must use { flag: 'wx', mode: 0o600 }, or better a file from a private directory (fs.mkdtempSync) or tmp.fileSync()`, false);
      }
    }
  },
};

/** A call of a callback-style name API (`tmp.tmpName(opts, (err, name) => …)`): the callback's name parameter. */
function callbackSource(ctx: FileContext, call: Path): Path | undefined {
  if (!/CallExpression/.test(call.node.type)) return undefined;
  const ref = ctx.modules.calleeOf(call);
  const source = ref && findSource(ref.module, ref.member);
  if (!source || source.callbackParam === undefined || ref.promised) return undefined;
  const args = call.node.arguments as Node[];
  const callback = args[args.length - 1];
  if (!callback || !/Function/.test(callback.type)) return undefined;
  const param = (callback.params as Node[])[source.callbackParam];
  return param?.type === 'Identifier' ? ctx.tree.pathOf(param) : undefined;
}

/** The name is returned, resolved, passed to a callback, or stored: it leaves the function. */
function handedOut(ctx: FileContext, call: Path): boolean {
  let current: Path = call;
  for (let depth = 0; depth < 6 && current.parent; depth++) {
    const parent = current.parent as Path;
    const node = parent.node;
    if (node.type === 'ReturnStatement' || (node.type === 'ArrowFunctionExpression' && node.body === current.node)) return true;
    if ((node.type === 'CallExpression' || node.type === 'OptionalCallExpression') && node.callee !== current.node) return true;
    if (node.type === 'AssignmentExpression' && node.right === current.node) return true;
    if (node.type === 'VariableDeclarator') {
      // `const name = tmpNameSync(); return name;`
      const idNode = node.id as Node;
      if (idNode.type !== 'Identifier') return false;
      const scope = ctx.scopes.lookup(parent.get('id') as Path, idNode.name)?.scope;
      return !!scope && ctx.tree.identifiersNamed(idNode.name, scope).some((use) => use !== idNode && handedOut(ctx, ctx.tree.pathOf(use)));
    }
    if (!/^(AwaitExpression|ParenthesizedExpression|TSAsExpression|TSNonNullExpression|ConditionalExpression|LogicalExpression)$/.test(node.type)) return false;
    current = parent;
  }
  return false;
}

// `jscodeshift -t dist/transforms/name-only-temp-api.js`: this rule alone.
export default jscodeshiftTransform([nameOnlyTempApi]);
