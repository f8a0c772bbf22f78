import type { FileContext } from '../src/engine/context';
import type { Rule } from '../src/engine/types';
import { ownerOf, stringValue, type Node, type Path } from '../src/engine/ast';
import { looksShared, SHARED_ADVICE, TMP_WORDS } from './shared-names';

const id = 'predictable-tmp-path';

/** `{ flag: 'wx', mode: 0o600 }` already: exclusive, owner-only creation is safe even in /tmp. */
function alreadyExclusive(call: Node, method: string): boolean {
  const args = call.arguments as Node[];
  const ownerOnly = (node: Node | undefined) => node?.type === 'NumericLiteral' && ((node.value as number) & 0o077) === 0;
  if (method === 'open') return (stringValue(args[1]) ?? '').includes('x') && ownerOnly(args[2]);
  const options = args.find((a, i) => i >= 1 && a.type === 'ObjectExpression');
  if (!options) return false;
  const prop = (name: string) => (options.properties as Node[]).find((p) => !p.computed && (p.key?.name ?? p.key?.value) === name)?.value as Node | undefined;
  const flag = stringValue(prop('flag') ?? prop('flags'));
  return !!flag && flag.includes('x') && ownerOnly(prop('mode'));
}

/** An earlier call in the same function already created this path: appending then is local scratch work. */
function createdBefore(ctx: FileContext, call: Path, targetText: string): boolean {
  const owner = ownerOf(call);
  return ctx.fsCalls().some(
    (other) =>
      other.call.creates === 'file' && !other.call.append && other.path.node.start < call.node.start && ownerOf(other.path).node === owner.node &&
      ctx.text((other.path.node.arguments as Node[])[other.call.target] ?? other.path.node) === targetText,
  );
}

export const predictableTmpPath: Rule = {
  meta: {
    id,
    description: 'Files created under a guessable name in the shared temp directory',
    cwe: ['CWE-377', 'CWE-379', 'CWE-59'],
    docs: `docs/rules/${id}.md`,
    fix: 'safe',
    prefilterWords: TMP_WORDS,
  },
  run(ctx: FileContext) {
    for (const { path, call } of ctx.fsCalls()) {
      if (call.creates !== 'file' && call.creates !== 'link') continue;
      if (ctx.claimed.has(path.node)) continue;
      const target = (path.node.arguments as Node[])[call.target];
      if (!target) continue;
      const tmp = ctx.tmp.tmpPathOf(path.get('arguments', call.target));
      if (!tmp) continue;
      const callee = ctx.text(path.node.callee);
      if (alreadyExclusive(path.node, call.method)) continue;
      if (looksShared(tmp.key)) {
        ctx.claimed.add(path.node);
        ctx.report(id, path.node, `${callee}() on '${tmp.key}' in the shared temp directory: ${SHARED_ADVICE}`, false);
        continue;
      }
      if (call.append && !createdBefore(ctx, path, ctx.text(target))) {
        ctx.claimed.add(path.node);
        ctx.report(id, path.node, `${callee}() appends to '${tmp.key}' in the shared temp directory: the file grows across calls or runs, like a log, so a private directory per call would lose it; not rewritten. Keep it in a per-user directory with mode 0700 (for example under os.homedir() or $XDG_STATE_HOME)`, false);
        continue;
      }
      ctx.addSite({ ruleId: id, call: path, fs: call, tmp, what: `${callee}() creates '${tmp.key}' in the shared temp directory under a name another user can predict` });
    }
  },
};
