import type { FileContext } from '../src/engine/context';
import type { Rule } from '../src/engine/context';
import { jscodeshiftTransform } from './jscodeshift';
import type { Node } from '../src/engine/ast';
import type { Guess } from '../src/engine/dataflow/lattice';
import { acceptsExisting } from '../src/engine/private-dir';
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
      const site = { ruleId: id, call: path, fs: call, tmp, what: '' };
      ctx.addSite({ ...site, what: `${callee}() makes the directory '${tmp.key}' in the shared temp directory ${dirDanger(tmp.guess, acceptsExisting(site), explicitDirMode(path.node))}` });
    }
    for (const { path } of ctx.unresolvedCreations(['dir'])) {
      ctx.report(id, path.node, `${ctx.text(path.node.callee)}() makes a directory at a path built from the shared temp directory in a way tmpfix cannot follow (a variable assigned elsewhere, a parameter default, a spread, or a name added without a separator, which lands beside the temp directory rather than in it); not rewritten. Check it by hand: use fs.mkdtempSync instead`, false);
    }
  },
};

/** What is wrong with making this directory, by how guessable its name is and whether an existing one is taken. */
function dirDanger(guess: Guess, takesExisting: boolean, modeGiven: boolean): string {
  const readable = modeGiven ? '' : ', with the default mode 0755, so others can list and read what goes in';
  if (guess === 'random') return `under a random name${takesExisting ? ', but takes one that exists (recursive)' : ''}${readable}`;
  const name = guess === 'fixed' ? 'under a fixed name' : 'under a name another user can predict';
  return takesExisting
    ? `${name}, and takes one that exists: another user who creates it (or a symlink) first owns or redirects everything put in it`
    : `${name}: another user who creates it first makes this call fail (EEXIST)${readable}`;
}

/** `mkdirSync(p, 0o700)`, `mkdirSync(p, { mode: 0o700 })`. */
function explicitDirMode(call: Node): boolean {
  const options = (call.arguments as Node[])[1];
  if (!options) return false;
  if (options.type === 'NumericLiteral') return true;
  return options.type === 'ObjectExpression' && (options.properties as Node[]).some((p) => (p.key?.name ?? p.key?.value) === 'mode');
}

// `jscodeshift -t dist/transforms/predictable-tmp-dir.js`: this rule alone.
export default jscodeshiftTransform([predictableTmpDir]);
