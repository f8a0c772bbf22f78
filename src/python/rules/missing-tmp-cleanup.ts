import type { PyContext } from '../context';
import { singleWithItem } from '../cleanup';
import { argsOf, field, isFalse, named, statementOf, unitOf, unwrap, type PyNode } from '../tree';
import type { PyRule } from '../types';

const id = 'missing-tmp-cleanup';

function removeText(kind: 'file' | 'dir', path: string, idempotent: boolean, ctx: PyContext): string {
  if (kind === 'dir') return `${ctx.file.imports.ref('shutil', 'rmtree')}(${path}, ignore_errors=True)`;
  const remove = `${ctx.file.imports.ref('os', 'remove')}(${path})`;
  return idempotent ? `if ${ctx.file.imports.ref('os.path', 'exists')}(${path}):\n${ctx.indentUnit}${remove}` : remove;
}

export const missingTmpCleanup: PyRule = {
  meta: {
    id,
    description: 'A private temp directory or tmp file that is never removed, or removed only on the happy path',
    cwe: ['CWE-459', 'CWE-377'],
    docs: `docs/rules/${id}.md`,
    fix: 'safe',
    prefilter: /mkstemp|mkdtemp|NamedTemporaryFile/,
  },
  run({ ctx, calls, cleanups }) {
    for (const call of calls) {
      if (ctx.claimed.has(call)) continue;
      const q = ctx.file.qualified(field(call, 'function'));
      if (q !== 'tempfile.mkstemp' && q !== 'tempfile.mkdtemp' && q !== 'tempfile.NamedTemporaryFile') continue;
      const api = ctx.text(unwrap(field(call, 'function')));
      if (q === 'tempfile.NamedTemporaryFile') {
        const args = argsOf(call, ctx.source);
        const deleteArg = args.keywords.get('delete') ?? args.positional[7];
        if (!isFalse(deleteArg)) continue; // deleted on close: nothing to add
      }
      const parent = call.parent;
      const unit = unitOf(call);
      // with NamedTemporaryFile(delete=False) as f: ... then f.name used after the block.
      if (parent?.type === 'as_pattern' && q === 'tempfile.NamedTemporaryFile') {
        let w: PyNode | null = parent;
        while (w && w.type !== 'with_statement') w = w.parent;
        const item = w && singleWithItem(w);
        if (!w || !item?.alias || item.alias.type !== 'identifier' || item.value !== call) continue;
        const alias = ctx.text(item.alias);
        cleanups.apply({
          ruleId: id, statement: w, unit, objects: [alias], remove: (idem) => removeText('file', `${alias}.name`, idem, ctx),
          what: `${api}(delete=False) creates a file`, withItem: { call, alias },
        });
        continue;
      }
      if (parent?.type !== 'assignment' || field(parent, 'right') !== call || parent.parent?.type !== 'expression_statement') continue;
      const left = unwrap(field(parent, 'left'));
      const statement = statementOf(call);
      if (q === 'tempfile.mkstemp') {
        const parts = left && (left.type === 'pattern_list' || left.type === 'tuple_pattern') ? named(left) : [];
        const pathName = parts[1]?.type === 'identifier' ? ctx.text(parts[1]) : undefined;
        if (!pathName || pathName === '_') continue;
        cleanups.apply({ ruleId: id, statement, unit, names: [pathName], remove: (idem) => removeText('file', pathName, idem, ctx), what: `${api}() creates a file` });
      } else if (left?.type === 'identifier') {
        const name = ctx.text(left);
        if (q === 'tempfile.mkdtemp') {
          cleanups.apply({ ruleId: id, statement, unit, names: [name], remove: (idem) => removeText('dir', name, idem, ctx), what: `${api}() makes a directory` });
        } else {
          cleanups.apply({ ruleId: id, statement, unit, objects: [name], remove: (idem) => removeText('file', `${name}.name`, idem, ctx), what: `${api}(delete=False) creates a file` });
        }
      }
    }
  },
};
