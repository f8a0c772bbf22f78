import { classify } from '../calls';
import { describeCreation, insideOwnDirectory } from '../danger';
import { field, unwrap } from '../tree';
import type { PyRule } from '../types';

const id = 'predictable-tmp-dir';

export const predictableTmpDir: PyRule = {
  meta: {
    id,
    description: 'A fixed directory created in the shared temp directory, which another user can create first',
    cwe: ['CWE-377', 'CWE-379', 'CWE-59'],
    docs: `docs/rules/${id}.md`,
    fix: 'safe',
    prefilter: /tempfile|\/(?:tmp|dev\/shm)\b|\b(?:TMPDIR|TMP|TEMP)\b/,
  },
  run({ ctx, calls, dirs }) {
    for (const call of calls) {
      if (ctx.claimed.has(call)) continue;
      const role = classify(call, ctx.file);
      if (role?.role !== 'create' || role.what !== 'dir') continue;
      const callee = ctx.text(unwrap(field(call, 'function')));
      const value = ctx.values.of(role.target);
      if (value?.kind === 'path') {
        dirs.add({ ruleId: id, call, target: role.target, value, what: insideOwnDirectory(callee, call, value.key, calls, ctx) ?? describeCreation(callee, value.key, role, call, ctx.file) });
      } else if (!value && ctx.values.mentions(role.target)) {
        ctx.claimed.add(call);
        ctx.report(id, call, `${callee}() makes a directory at a path built from the shared temp directory in a way tmpfix cannot follow; not rewritten. Check it by hand: use tempfile.mkdtemp() instead`, false);
      }
    }
  },
};
