import type { FileContext } from '../src/engine/context';
import type { Rule } from '../src/engine/types';
import { stringValue, type Node } from '../src/engine/ast';
import { looksShared, SHARED_ADVICE } from './shared-names';

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

export const predictableTmpPath: Rule = {
  meta: {
    id,
    description: 'Files created under a guessable name in the shared temp directory',
    cwe: ['CWE-377', 'CWE-379', 'CWE-59'],
    docs: `docs/rules/${id}.md`,
    fix: 'safe',
    prefilterWords: ['tmp', 'TMP', 'TEMP', '/dev/shm'],
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
      ctx.addSite({ ruleId: id, call: path, fs: call, tmp, what: `${callee}() creates '${tmp.key}' in the shared temp directory under a name another user can predict` });
    }
  },
};
