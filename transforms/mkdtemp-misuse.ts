import type { FileContext, Rule } from '../src/engine/context';
import { stringValue, unwrap, type Node, type Path } from '../src/engine/ast';
import { jscodeshiftTransform } from './jscodeshift';

const id = 'mkdtemp-misuse';

const MKDTEMP = new Set(['mkdtemp', 'mkdtempSync', 'mkdtempDisposable', 'mkdtempDisposableSync']);

/**
 * `fs.mkdtempSync(os.tmpdir())` appends its six characters to the directory's own name, making a
 * sibling such as `/tmpXXXXXX` (usually not writable, and outside TMPDIR when it is); a prefix
 * spelled `'/tmp/app-'` ignores TMPDIR. Both get a prefix of a stem inside `os.tmpdir()`.
 */
export const mkdtempMisuse: Rule = {
  meta: {
    id,
    description: 'A mkdtemp prefix that makes a sibling of the temp directory, or that hardcodes /tmp',
    cwe: ['CWE-377', 'CWE-379'],
    docs: `docs/rules/${id}.md`,
    fix: 'safe',
    prefilter: /mkdtemp/,
  },
  run(ctx: FileContext) {
    for (const type of ['CallExpression', 'OptionalCallExpression']) {
      for (const node of ctx.tree.ofType(type)) {
        const call = ctx.tree.pathOf(node);
        const ref = ctx.modules.calleeOf(call);
        if (!ref || (ref.module !== 'fs' && ref.module !== 'fsPromises') || !MKDTEMP.has(ref.member)) continue;
        const args = node.arguments as Node[];
        if (args.length === 0 || args[0].type === 'SpreadElement') continue;
        const prefix = call.get('arguments', 0) as Path;
        const callee = ctx.text(node.callee);
        const q = ctx.style.quote;
        if (ctx.values.isTmpDir(prefix) && !ctx.values.tmpPathOf(prefix)) {
          const text = ctx.text(args[0]);
          if (/[/\\]['"`]?\s*$/.test(text) || /sep\s*$/.test(text)) continue; // `tmpdir() + '/'`, `${tmpdir}${sep}`: a separator ends it
          const message = `${callee}(${text}) makes a sibling of the temp directory, such as /tmpXXXXXX`;
          if (ctx.held(node)) {
            ctx.report(id, node, `${message}${ctx.held(node)}`, false);
            continue;
          }
          ctx.edits.replace(args[0].start, args[0].end, `${ctx.modules.reference('path', 'join', call)}(${text}, ${q}tmp-${q})`);
          ctx.report(id, node, `${message}: mkdtemp appends its random characters to the prefix, so the prefix is now a stem inside it, path.join(${text}, 'tmp-')`, true);
          continue;
        }
        const literal = stringValue(unwrap(args[0]));
        const match = literal !== undefined ? /^(\/tmp|\/var\/tmp)\/(.+)$/.exec(literal) : null;
        if (!match || match[2].includes('/')) continue;
        const message = `${callee}('${literal}') hardcodes ${match[1]}, so it ignores TMPDIR (and the temp directory of the platform)`;
        if (ctx.held(node)) {
          ctx.report(id, node, `${message}${ctx.held(node)}`, false);
          continue;
        }
        const replacement = `${ctx.modules.reference('path', 'join', call)}(${ctx.modules.reference('os', 'tmpdir', call)}(), ${q}${match[2]}${q})`;
        ctx.edits.replace(args[0].start, args[0].end, replacement);
        ctx.report(id, node, `${message}: the prefix is now path.join(os.tmpdir(), '${match[2]}')`, true);
      }
    }
  },
};

// `jscodeshift -t dist/transforms/mkdtemp-misuse.js`: this rule alone.
export default jscodeshiftTransform([mkdtempMisuse]);
