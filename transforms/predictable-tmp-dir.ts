import type { FileContext } from '../src/engine/context';
import type { Rule } from '../src/engine/context';
import { jscodeshiftTransform } from './jscodeshift';
import type { Node } from '../src/engine/ast';
import { looksShared, MENTIONS_TMP_DIR, sharedAdvice } from '../src/engine/shared-names';

const id = 'predictable-tmp-dir';

export const predictableTmpDir: Rule = {
  meta: {
    id,
    description: 'A fixed directory created in the shared temp directory, which another user can create first',
    cwe: ['CWE-377', 'CWE-379', 'CWE-59'],
    docs: `docs/rules/${id}.md`,
    fix: 'safe',
    prefilter: MENTIONS_TMP_DIR,
  },
  run(ctx: FileContext) {
    for (const { path, call } of ctx.fsCalls()) {
      if (call.creates !== 'dir' || ctx.claimed.has(path.node)) continue;
      if (!(path.node.arguments as Node[])[call.target]) continue;
      const tmp = ctx.tmp.tmpPathOf(path.get('arguments', call.target));
      if (!tmp) continue;
      const callee = ctx.text(path.node.callee);
      if (looksShared(tmp.key) || ctx.claimsName(path.node)) {
        ctx.leaveAlone(id, path.node, tmp, `${callee}() makes '${tmp.key}' in the shared temp directory: ${ctx.claimsName(path.node) ? `its failure when the name exists (EEXIST) is handled, so taking the name is the point, as with a lock; ${sharedAdvice('lock')}` : sharedAdvice(tmp.key)}`);
        continue;
      }
      ctx.addSite({ ruleId: id, call: path, fs: call, tmp, what: `${callee}() makes the fixed directory '${tmp.key}' in the shared temp directory, where another user can create it (or a symlink) first` });
    }
    for (const { path } of ctx.unresolvedCreations(['dir'])) {
      ctx.report(id, path.node, `${ctx.text(path.node.callee)}() makes a directory at a path built from the shared temp directory in a way tmpfix cannot follow (a variable assigned elsewhere, a parameter default, a spread, or a name added without a separator, which lands beside the temp directory rather than in it); not rewritten. Check it by hand: use fs.mkdtempSync instead`, false);
    }
  },
};

// `jscodeshift -t dist/transforms/predictable-tmp-dir.js`: this rule alone.
export default jscodeshiftTransform([predictableTmpDir]);
