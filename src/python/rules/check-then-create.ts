import { classify, mkdirLeaf } from '../calls';
import type { PyContext } from '../context';
import { REUSE_ADVICE } from '../shared';
import { argsOf, argument, field, named, statements, stringValue, unitOf, unwrap, walk, type PyNode } from '../tree';
import type { PyRule } from '../types';
import { inLoop } from '../values';

const id = 'check-then-create';
/** Moves that put finished work under its final name. */
const PUBLISH = new Set(['os.rename', 'os.replace', 'os.renames', 'shutil.move']);

/** `not os.path.exists(p)` (and isfile, isdir, lexists, Path.exists()): the checked path. */
function negatedCheck(condition: PyNode | undefined, ctx: PyContext): PyNode | undefined {
  const c = unwrap(condition);
  if (c?.type !== 'not_operator') return undefined;
  const inner = unwrap(field(c, 'argument'));
  if (inner?.type !== 'call') return undefined;
  const role = classify(inner, ctx.file);
  return role?.role === 'check' ? role.target : undefined;
}

/** `if os.path.exists(p):` (reuse what is there). */
function positiveCheck(condition: PyNode | undefined, ctx: PyContext): PyNode | undefined {
  const c = unwrap(condition);
  if (c?.type !== 'call') return undefined;
  const role = classify(c, ctx.file);
  return role?.role === 'check' ? role.target : undefined;
}

function leavesEarly(block: PyNode): boolean {
  return statements(block).some((s) => ['return_statement', 'raise_statement', 'break_statement', 'continue_statement'].includes(s.type));
}

/** The creating calls of `key` inside `block`. */
function creationsOf(block: PyNode, key: string, ctx: PyContext): PyNode[] {
  const found: PyNode[] = [];
  walk(block, (n) => {
    if (n.type === 'function_definition' || n.type === 'lambda' || n.type === 'class_definition') return false;
    if (n.type !== 'call') return undefined;
    const role = classify(n, ctx.file);
    if (role?.role === 'create' && ctx.values.of(role.target)?.key === key) found.push(n);
    return undefined;
  });
  return found;
}

/** A block whose statements all remove something (`os.remove(p)`, `shutil.rmtree(d)`, `p.unlink()`). */
function removesOnly(body: PyNode, ctx: PyContext): boolean {
  const list = named(body).filter((st) => st.type !== 'comment');
  return list.length > 0 && list.every((st) => {
    const call = st.type === 'expression_statement' ? unwrap(named(st)[0]) : undefined;
    return call?.type === 'call' && classify(call, ctx.file)?.role === 'remove';
  });
}

/**
 * A creation that fails on any name that exists and never follows a symlink there: os.mkdir,
 * os.makedirs and Path.mkdir without exist_ok, mkfifo/mknod, os.open with O_EXCL, open(p, "x").
 */
function createsExclusively(call: PyNode, ctx: PyContext): boolean {
  const role = classify(call, ctx.file);
  if (role?.role !== 'create') return false;
  const args = argsOf(call, ctx.source);
  if (role.how === 'mkdir' || role.how === 'path-mkdir') return mkdirLeaf(call, ctx.file)?.leaf === 'exclusive';
  if (role.how === 'mkfifo') return true;
  if (role.how === 'os.open') return /\bO_EXCL\b/.test(ctx.text(argument(args, 1, 'flags')));
  if (role.how === 'open' || role.how === 'path-open') {
    const mode = stringValue(role.mode, ctx.source);
    return !!mode && mode.includes('x');
  }
  return false;
}

/** What the negated check lets through: `isdir` a directory or a symlink to one, `exists` anything. */
function adopted(condition: PyNode | undefined, ctx: PyContext): string {
  const c = unwrap(condition);
  const inner = c?.type === 'not_operator' ? unwrap(field(c, 'argument')) : undefined;
  const callee = inner?.type === 'call' ? ctx.text(unwrap(field(inner, 'function'))) : '';
  const name = callee.split('.').pop() ?? '';
  if (name === 'isdir' || name === 'is_dir') return 'a directory, or a symlink to one,';
  if (name === 'isfile' || name === 'is_file') return 'a file, or a symlink to one,';
  return 'whatever is at that name (a file, a directory or a symlink)';
}

/** Whether some call of the file creates the path `key`, something under it, or hands it to a program that may. */
function madeInFile(key: string, ctx: PyContext): boolean {
  let made = false;
  walk(ctx.file.root, (n) => {
    if (made || n.type !== 'call') return undefined;
    const role = classify(n, ctx.file);
    const targets = role?.role === 'create' ? [role.target] : role?.role === 'handoff' ? named(field(n, 'arguments') ?? n) : [];
    for (const target of targets) {
      const v = ctx.values.of(target);
      if (v?.kind === 'path' && (v.key === key || v.key.startsWith(`${key}/`) || key.startsWith(`${v.key}/`))) made = true;
    }
    return undefined;
  });
  return made;
}

export const checkThenCreate: PyRule = {
  meta: {
    id,
    description: 'An existence check followed by creating the same temp path (a race another user can win)',
    cwe: ['CWE-367', 'CWE-377', 'CWE-59'],
    docs: `docs/rules/${id}.md`,
    fix: 'safe',
    prefilter: /tempfile|\/(?:tmp|dev\/shm)\b|\b(?:TMPDIR|TMP|TEMP)\b/,
  },
  run({ ctx, dirs }) {
    walk(ctx.file.root, (node) => {
      if (node.type !== 'if_statement') return undefined;
      const condition = field(node, 'condition');
      const body = field(node, 'consequence');
      const checked = negatedCheck(condition, ctx) ?? positiveCheck(condition, ctx);
      if (!checked || !body) return undefined;
      const value = ctx.values.of(checked);
      if (value?.kind !== 'path') return undefined;
      const negated = !!negatedCheck(condition, ctx);
      const creations = creationsOf(body, value.key, ctx);
      const hasElse = named(node).some((c) => c.type === 'else_clause' || c.type === 'elif_clause');
      const checkText = ctx.text(unwrap(condition));
      if (!negated) {
        // `if p.is_file(): p.unlink()`: a cleanup that removes what is there, not a reuse of it.
        if (removesOnly(body, ctx)) return undefined;
        // `if os.path.exists(p): return p` and friends reuse what an earlier run left: a cache. When
        // nothing in the file makes that name (a lookup of /dev/shm/<segment>), it only reads what is there.
        if (leavesEarly(body) || hasElse) {
          dirs.keep(unitOf(node), value.key);
          if (madeInFile(value.key, ctx)) ctx.report(id, node, `'${checkText}' decides whether to reuse '${value.key}' from the shared temp directory, where another user can plant it first: ${REUSE_ADVICE}`, false);
        }
        return undefined;
      }
      if (creations.length === 0) return undefined;
      const first = creations[0];
      const role = classify(first, ctx.file);
      if (role?.role !== 'create') return undefined;
      const callee = ctx.text(unwrap(field(first, 'function')));
      const what = createsExclusively(first, ctx)
        ? `'${checkText}' then ${callee}() on '${value.key}' in the shared temp directory: the check, which follows symlinks, accepts ${adopted(condition, ctx)} that another user made there first, and the code goes on with theirs (${callee}() itself fails on any name that exists and never follows a symlink, so one made after the check only makes it fail)`
        : `'${checkText}' then ${callee}() on '${value.key}' in the shared temp directory: between the check and the creation another user can create the name (or a symlink there), and the creation follows it`;
      if (hasElse || leavesEarly(body)) {
        dirs.keep(unitOf(node), value.key);
        ctx.report(id, node, `${what}. The code after the check reuses what an earlier run left: ${REUSE_ADVICE}`, false);
        return undefined;
      }
      // `if not exists(pkgdir): …build in tempdir…; os.rename(tempdir, pkgdir)`: the work is published
      // under the checked name for later runs to find, as a cache is; a private directory per run redoes it and leaves each copy.
      const published = creations.find((c) => PUBLISH.has(ctx.file.qualified(field(c, 'function')) ?? ''));
      if (published) {
        dirs.keep(unitOf(node), value.key);
        ctx.report(id, node, `${what}. The block builds something and publishes it under that name with ${ctx.text(unwrap(field(published, 'function')))}(), so that later runs skip the work, as a cache does: ${REUSE_ADVICE}`, false);
        return undefined;
      }
      if (inLoop(node)) return undefined; // the check decides something on the second pass: the creation alone moves
      dirs.add({ ruleId: id, call: first, target: role.target, value, what, check: node });
      return undefined;
    });
  },
};
