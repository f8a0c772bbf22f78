import { classify } from '../calls';
import { describeCreation } from '../danger';
import { field, unitOf, unwrap } from '../tree';
import type { PyRule } from '../types';

const id = 'predictable-tmp-path';

export const predictableTmpPath: PyRule = {
  meta: {
    id,
    description: 'Files created under a guessable name in the shared temp directory',
    cwe: ['CWE-377', 'CWE-379', 'CWE-59'],
    docs: `docs/rules/${id}.md`,
    fix: 'safe',
    prefilter: /tempfile|\/(?:tmp|dev\/shm)\b|\b(?:TMPDIR|TMP|TEMP)\b/,
  },
  run({ ctx, calls, dirs }) {
    for (const call of calls) {
      if (ctx.claimed.has(call)) continue;
      const role = classify(call, ctx.file);
      const callee = ctx.text(unwrap(field(call, 'function')));
      if (role?.role === 'create' && role.what !== 'dir') {
        const value = ctx.values.of(role.target);
        if (value?.kind === 'path') {
          dirs.add({ ruleId: id, call, target: role.target, value, what: describeCreation(callee, value.key, role) });
        } else if (!value && ctx.values.mentions(role.target)) {
          ctx.claimed.add(call);
          ctx.report(id, call, `${callee}() creates a file at a path built from the shared temp directory in a way tmpfix cannot follow (a name assigned in several places, a parameter, a loop over directories); not rewritten. Check it by hand: create it with tempfile.mkstemp() or inside tempfile.mkdtemp()`, false);
        }
        continue;
      }
      if (role) continue;
      // A function of this file that creates what it is given: the path is made here, the file there.
      const fn = dirs.lifetimes.sameFileFunction(call);
      if (!fn) continue;
      for (const arg of field(call, 'arguments')?.children ?? []) {
        const expr = arg.type === 'keyword_argument' ? field(arg, 'value') : arg;
        if (!expr || !expr.named) continue;
        const value = ctx.values.of(expr);
        if (value?.kind !== 'path' || unitOf(value.origin.node) !== unitOf(call)) continue;
        const fate = dirs.lifetimes.parameterFate(fn, call, expr, 1);
        if (!fate?.creates) continue;
        dirs.add({ ruleId: id, call, target: expr, value, what: `${callee}() creates '${value.key}' in the shared temp directory, under a name another user can predict and plant a symlink at first` });
        break;
      }
    }
  },
};
