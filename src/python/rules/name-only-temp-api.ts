import type { PyContext } from '../context';
import type { Cleanups } from '../cleanup';
import type { Lifetimes } from '../lifetime';
import { argsOf, argument, field, named, statementOf, stringValue, unwrap, type Args, type PyNode } from '../tree';
import type { PyRule } from '../types';

const id = 'name-only-temp-api';

const NAME_ONLY: Record<string, string[]> = {
  // positional order of the arguments, mapped to tempfile's keywords
  'tempfile.mktemp': ['suffix', 'prefix', 'dir'],
  'os.tempnam': ['dir', 'prefix'],
  'os.tmpnam': [],
};

/** mktemp's suffix, prefix and dir, by keyword whatever their position. */
function tempfileArgs(args: Args, order: string[]): Map<string, PyNode> {
  const out = new Map<string, PyNode>();
  args.positional.forEach((node, i) => {
    if (order[i]) out.set(order[i], node);
  });
  for (const [name, node] of args.keywords) if (order.includes(name)) out.set(name, node);
  return out;
}

function keywordText(map: Map<string, PyNode>, names: string[], ctx: PyContext): string[] {
  return names.filter((n) => map.has(n)).map((n) => `${n}=${ctx.text(map.get(n))}`);
}

/** A directory tmpfix knows is private: mkdtemp(), TemporaryDirectory(), pytest's tmp_path and tmpdir. */
function isPrivateDir(node: PyNode | undefined, ctx: PyContext): boolean {
  const n = unwrap(node);
  if (!n) return false;
  if (n.type === 'call') {
    const q = ctx.file.qualified(field(n, 'function'));
    return q === 'tempfile.mkdtemp';
  }
  if (n.type === 'attribute' && ctx.text(field(n, 'attribute')) === 'name') {
    const object = unwrap(field(n, 'object'));
    return !!object && object.type === 'call' && ctx.file.qualified(field(object, 'function')) === 'tempfile.TemporaryDirectory';
  }
  if (n.type !== 'identifier') return false;
  const name = ctx.text(n);
  const assignments = ctx.file.scopes.assignmentsOf(name, n);
  if (assignments.length === 1 && assignments[0].kind === 'param') return name === 'tmp_path' || name === 'tmpdir' || name === 'tmp_path_factory';
  return assignments.length > 0 && assignments.every((a) => {
    if (a.kind === 'with') return !!a.value && unwrap(a.value)?.type === 'call' && ctx.file.qualified(field(unwrap(a.value)!, 'function')) === 'tempfile.TemporaryDirectory';
    return a.kind === 'assign' && isPrivateDir(a.value, ctx);
  });
}

/** Where a name-only call sits: opened at once, assigned to a name, or something else. */
function opener(call: PyNode, ctx: PyContext): { open: PyNode; mode: string; args: Args } | undefined {
  const list = call.parent;
  const open = list?.type === 'argument_list' ? list.parent : undefined;
  if (open?.type !== 'call') return undefined;
  const q = ctx.file.qualified(field(open, 'function'));
  if (q !== 'builtins.open' && q !== 'io.open') return undefined;
  const args = argsOf(open, ctx.source);
  if (args.positional[0] !== call || args.splat || args.keywords.has('opener') || args.keywords.has('closefd')) return undefined;
  const mode = stringValue(args.positional[1] ?? args.keywords.get('mode'), ctx.source);
  if (mode === undefined || !/[wax]/.test(mode)) return undefined;
  return { open, mode, args };
}

/** open()'s arguments after the file, as TemporaryFile/NamedTemporaryFile take them (all but mode by keyword). */
function fileArgs(args: Args, ctx: PyContext): string[] {
  const names = ['mode', 'buffering', 'encoding', 'errors', 'newline'];
  const out: string[] = [];
  args.positional.slice(1).forEach((node, i) => out.push(i === 0 ? ctx.text(node) : `${names[i + 1]}=${ctx.text(node)}`));
  for (const [name, node] of args.keywords) if (names.includes(name)) out.push(name === 'mode' && out.length === 0 ? ctx.text(node) : `${name}=${ctx.text(node)}`);
  return out;
}

/** The `f` of `with open(...) as f` or `f = open(...)`. */
function fileBinding(open: PyNode, ctx: PyContext): { name: string; withStatement?: PyNode } | undefined {
  const parent = open.parent;
  if (parent?.type === 'as_pattern') {
    const alias = field(parent, 'alias');
    const id = alias && unwrap(named(alias)[0]);
    if (id?.type !== 'identifier') return undefined;
    let w: PyNode | null = parent;
    while (w && w.type !== 'with_statement') w = w.parent;
    return { name: ctx.text(id), withStatement: w ?? undefined };
  }
  if (parent?.type === 'assignment' && unwrap(field(parent, 'left'))?.type === 'identifier') return { name: ctx.text(field(parent, 'left')) };
  return undefined;
}

function nameReads(name: string, at: PyNode, ctx: PyContext): PyNode[] {
  const unit = ctx.file.scopes.bindingUnit(name, at);
  if (!unit) return [];
  return ctx.file.scopes.referencesOf(name, unit).filter((ref) => ref.parent?.type === 'attribute' && field(ref.parent, 'object') === ref && ctx.text(field(ref.parent, 'attribute')) === 'name');
}

function danger(api: string): string {
  return `${api}() returns only a name, not a file: another user can create that name (or a symlink there) before the code does, and the code then writes where they chose, non-exclusively and readable by others`;
}

export const nameOnlyTempApi: PyRule = {
  meta: {
    id,
    description: 'A temp name made up by a library and created later by the code, not exclusively',
    cwe: ['CWE-377', 'CWE-367', 'CWE-59'],
    docs: `docs/rules/${id}.md`,
    fix: 'safe',
    prefilter: /\bmktemp\b|\btempnam\b|\btmpnam\b/,
  },
  run({ ctx, calls, dirs, cleanups }) {
    const tempfile = (member: string) => ctx.file.imports.ref('tempfile', member);
    const rewritten = new Set<PyNode>();
    for (const call of calls) {
      const q = ctx.file.qualified(field(call, 'function'));
      if (!q || !(q in NAME_ONLY)) continue;
      const api = ctx.text(unwrap(field(call, 'function')));
      const args = argsOf(call, ctx.source);
      const given = tempfileArgs(args, NAME_ONLY[q]);
      if (isPrivateDir(given.get('dir'), ctx)) continue; // a name inside a private directory: nobody else can create it
      ctx.claimed.add(call);
      if (ctx.isSuppressed(call)) {
        ctx.report(id, call, danger(api), false);
        continue;
      }
      if (args.splat) {
        ctx.report(id, call, `${danger(api)}; not rewritten: its arguments are passed with * or **. Use tempfile.mkstemp() or a name inside tempfile.mkdtemp()`, false);
        continue;
      }
      const kw = (names: string[]) => keywordText(given, names, ctx);
      if (createdExclusively(call, ctx, dirs.lifetimes)) {
        ctx.claimed.delete(call);
        continue; // os.mkfifo(name, 0o600) and the like fail on a planted name: a race only costs an error
      }
      const opened = opener(call, ctx);
      if (opened) {
        const binding = fileBinding(opened.open, ctx);
        const reads = binding ? nameReads(binding.name, opened.open, ctx) : [];
        const fileArgsText = [...fileArgs(opened.args, ctx), ...kw(['suffix', 'prefix', 'dir'])];
        const statement = statementOf(opened.open);
        if (reads.length === 0) {
          ctx.edits.replace(opened.open.start, opened.open.end, `${tempfile('TemporaryFile')}(${fileArgsText.join(', ')})`);
          ctx.report(id, call, `${danger(api)}; now tempfile.TemporaryFile(), which creates the file exclusively with mode 0600 and removes it when it is closed (nothing read its name)`, true);
          rewritten.add(call);
          continue;
        }
        const w = binding?.withStatement;
        const body = w && field(w, 'body');
        if (w && body && reads.every((r) => body.start <= r.start && r.end <= body.end)) {
          ctx.edits.replace(opened.open.start, opened.open.end, `${tempfile('NamedTemporaryFile')}(${fileArgsText.join(', ')})`);
          ctx.report(id, call, `${danger(api)}; now tempfile.NamedTemporaryFile(), which creates the file exclusively with mode 0600 and removes it when the with block ends (its name is used only inside it)`, true);
          rewritten.add(call);
          continue;
        }
        const text = `${tempfile('NamedTemporaryFile')}(${[...fileArgsText, 'delete=False'].join(', ')})`;
        const outcome = cleanups.apply({
          ruleId: id, statement: w ?? statement, unit: ctx.file.scopes.bindingUnit(binding!.name, opened.open)!.node, objects: [binding!.name],
          remove: (idempotent) => removeFile(`${binding!.name}.name`, idempotent, ctx), what: '', silent: true,
          withItem: w ? { call: opened.open, alias: binding!.name, text } : undefined,
        });
        if (!w) ctx.edits.replace(opened.open.start, opened.open.end, text);
        else if (outcome.status !== 'added') ctx.edits.replace(opened.open.start, opened.open.end, text);
        ctx.report(id, call, `${danger(api)}; now tempfile.NamedTemporaryFile(delete=False), which creates it exclusively with mode 0600${outcome.status === 'added' ? ', removed in finally' : outcome.status === 'escapes' ? outcome.message.replace(/^; /, '; ').replace("removing it is the caller's job", "removing the file is the caller's job") : '; it is kept after close as before: remove it when done'}`, true);
        rewritten.add(call);
        continue;
      }
      const assignment = call.parent?.type === 'assignment' && field(call.parent, 'right') === call ? call.parent : undefined;
      const target = assignment && unwrap(field(assignment, 'left'));
      if (assignment && target?.type === 'identifier' && assignment.parent?.type === 'expression_statement' && mkstempForm(ctx, call, assignment, target, given, dirs.lifetimes, cleanups, api)) {
        rewritten.add(call);
        continue;
      }
      // A name handed on, returned or kept: a name inside a private directory, which nobody else can enter.
      const suffix = given.get('suffix');
      const suffixText = suffix ? stringValue(suffix, ctx.source) : '';
      const quote = (text: string) => dirs.quote(text);
      const fileName = suffixText !== undefined ? quote(`tmp${suffixText}`) : `${quote('tmp')} + ${ctx.text(suffix)}`;
      const siblings = target?.type === 'identifier' ? siblingsOf(ctx.text(target), target, ctx) : [];
      const names = siblings.map((s) => `'<name>${s}'`).join(', ');
      // The random name (prefix + random part + suffix) is only the stem of the names the code creates.
      const siblingNote = !siblings.length
        ? ''
        : target?.type === 'identifier' && onlyStem(ctx.text(target), target, ctx)
          ? `; the code never creates the name itself, only uses it as the stem of ${names}: once one of those appears in the shared temp directory, another user can read the stem off it and plant the others first, so they go in a private directory`
          : `; the code also builds ${names} from it, a second file next to it whose name mkstemp() alone would leave known and open to planting, so both go in one private directory`;
      dirs.add({
        ruleId: id, call, target: call,
        value: { kind: 'path', origin: { how: 'expr', node: call }, key: `tmp${suffixText ?? ''}`, pathlib: false, via: [] },
        what: `${danger(api)}${siblingNote}`,
        nameOnly: { replacement: (dirName) => `${ctx.file.imports.ref('os.path', 'join')}(${dirName}, ${fileName})`, dirArgs: kw(['prefix', 'dir']) },
      });
      rewritten.add(call);
    }
    // `from tempfile import mktemp` goes once nothing uses it.
    for (const name of ['tempfile.mktemp']) {
      for (const { local, binding } of ctx.file.imports.fromBindings(name)) {
        const unit = ctx.file.scopes.bindingUnit(local, binding.statement);
        const refs = unit ? ctx.file.scopes.referencesOf(local, unit) : [];
        if (refs.length > 0 && refs.every((ref) => [...rewritten].some((c) => c.start <= ref.start && ref.end <= c.end))) ctx.file.imports.remove(binding);
      }
    }
  },
};

/** `name = mktemp(); os.mkfifo(name, mode=0o600)`: the first creation is exclusive and owner-only. */
function createdExclusively(call: PyNode, ctx: PyContext, lifetimes: Lifetimes): boolean {
  const assignment = call.parent?.type === 'assignment' && field(call.parent, 'right') === call ? call.parent : undefined;
  const target = assignment && unwrap(field(assignment, 'left'));
  let name: string | undefined;
  if (target?.type === 'identifier') name = ctx.text(target);
  else if (target?.type === 'attribute' && ctx.text(field(target, 'object')) === 'self') name = undefined;
  const creation = name ? firstUse(ctx, lifetimes, assignment!, name) : selfFirstCreation(ctx, target);
  if (!creation) return false;
  const q = ctx.file.qualified(field(creation, 'function'));
  const args = argsOf(creation, ctx.source);
  const mode = ctx.text(argument(args, q === 'os.open' ? 2 : 1, 'mode'));
  const ownerOnly = /^0o?[0-7]?[0-7]00$/.test(mode);
  if (q === 'os.mkfifo' || q === 'os.mkdir') return ownerOnly;
  if (q === 'os.open') return ownerOnly && /\bO_EXCL\b/.test(ctx.text(argument(args, 1, 'flags')));
  return false;
}

function firstUse(ctx: PyContext, lifetimes: Lifetimes, assignment: PyNode, name: string): PyNode | undefined {
  const unit = ctx.file.scopes.bindingUnit(name, assignment);
  if (!unit) return undefined;
  const use = lifetimes.track(unit, { seeds: [], names: [name] }).uses.find((u) => u.kind !== 'define' && u.node.start > assignment.end);
  return use?.kind === 'create' ? use.call : undefined;
}

/** `self.x = mktemp()` then, in the same method, the first call that is given `self.x`. */
function selfFirstCreation(ctx: PyContext, target: PyNode | undefined): PyNode | undefined {
  if (target?.type !== 'attribute') return undefined;
  let fn: PyNode | null = target.parent;
  while (fn && fn.type !== 'function_definition') fn = fn.parent;
  if (!fn) return undefined;
  const text = ctx.text(target);
  let found: PyNode | undefined;
  const visit = (n: PyNode): void => {
    if (found) return;
    if (n.type === 'call' && n.start > target.end && (field(n, 'arguments')?.children ?? []).some((a) => ctx.text(a) === text)) found = n;
    for (const c of n.children) visit(c);
  };
  visit(fn);
  return found;
}

function removeFile(pathText: string, idempotent: boolean, ctx: PyContext): string {
  const remove = ctx.file.imports.ref('os', 'remove');
  if (!idempotent) return `${remove}(${pathText})`;
  return `if ${ctx.file.imports.ref('os.path', 'exists')}(${pathText}):\n${ctx.indentUnit}${remove}(${pathText})`;
}

/**
 * `name = mktemp(); with open(name, "w") as f:` becomes `fd, name = mkstemp(); with os.fdopen(fd, "w") as f:`
 * when the first thing the code does with the name is to open it for writing in the same block.
 */
function mkstempForm(ctx: PyContext, call: PyNode, assignment: PyNode, target: PyNode, given: Map<string, PyNode>, lifetimes: Lifetimes, cleanups: Cleanups, api: string): boolean {
  const name = ctx.text(target);
  const unit = ctx.file.scopes.bindingUnit(name, target);
  if (!unit || (unit.assignments.get(name) ?? []).length !== 1) return false;
  const statement = statementOf(assignment);
  // `name + '.pid'`, `'%s.pid' % name`: a sibling built from the name lands next to it in the shared
  // temp directory, which mkstemp does not secure; one private directory holds both.
  if (siblingsOf(name, target, ctx).length > 0) return false;
  const tracking = lifetimes.track(unit, { seeds: [], names: [name] });
  const first = tracking.uses.find((u) => u.kind !== 'define' && u.node.start > statement.end);
  if (!first || first.kind !== 'create' || !first.call || first.carrier !== first.node) return false;
  const open = first.call;
  const opened = opener(first.node, ctx) ?? openerOfName(open, first.node, ctx);
  if (!opened) return false;
  // The open must run once, right after: in the same block, not in a loop, a branch or another function.
  let block: PyNode | null = open.parent;
  while (block && block.type !== 'block' && block.type !== 'module') block = block.parent;
  if (block !== statement.parent) return false;
  ctx.claimed.add(open);
  const fd = ctx.fresh('fd');
  const kw = keywordText(given, ['suffix', 'prefix', 'dir'], ctx);
  ctx.edits.replace(target.start, target.end, `${fd}, ${name}`);
  ctx.edits.replace(call.start, call.end, `${ctx.file.imports.ref('tempfile', 'mkstemp')}(${kw.join(', ')})`);
  const callee = field(open, 'function')!;
  ctx.edits.replace(callee.start, callee.end, ctx.file.imports.ref('os', 'fdopen'));
  ctx.edits.replace(first.node.start, first.node.end, fd);
  const outcome = cleanups.apply({ ruleId: id, statement, unit: unit.node, names: [name], remove: (idempotent) => removeFile(name, idempotent, ctx), what: '', silent: true });
  const tail = outcome.status === 'added' ? ', and removed in finally' : outcome.status === 'escapes' ? outcome.message.replace("removing it is the caller's job", "removing the file is the caller's job") : '';
  ctx.report(id, call, `${danger(api)}; now tempfile.mkstemp(), which creates the file exclusively with mode 0600, opened through os.fdopen()${tail}`, true);
  return true;
}

function openerOfName(open: PyNode, ref: PyNode, ctx: PyContext): { open: PyNode; mode: string; args: Args } | undefined {
  const q = ctx.file.qualified(field(open, 'function'));
  if (q !== 'builtins.open' && q !== 'io.open') return undefined;
  const args = argsOf(open, ctx.source);
  if (args.positional[0] !== ref || args.splat || args.keywords.has('opener') || args.keywords.has('closefd')) return undefined;
  const mode = stringValue(args.positional[1] ?? args.keywords.get('mode'), ctx.source);
  if (mode === undefined || !/[wax]/.test(mode)) return undefined;
  return { open, mode, args };
}

/** Text right after the name that makes another file's name: `.pid`, `-lock`, `_old`, `~`; `-%d`, `-{}` (shown as `-*`). */
const SIBLING_SUFFIX = /^[.\-_~](?:[\w.\-~]|%[-#0 +]*\d*(?:\.\d+)?[sdrifx]|\{[^{}]*\})*/;
const SIBLING = (text: string): string | undefined => SIBLING_SUFFIX.exec(text)?.[0].replace(/%[-#0 +]*\d*(?:\.\d+)?[sdrifx]|\{[^{}]*\}/g, '*');

/**
 * The reference is the stem of another name: `name + ".pid"`, `"%s.pid" % name`, `"{}.pid".format(name)`,
 * `f"{name}.pid"`. The other name is another file in the same directory as the first.
 */
function siblingSuffix(ref: PyNode, ctx: PyContext): string | undefined {
  const parent = ref.parent;
  if (!parent) return undefined;
  const literalAfter = (node: PyNode | undefined): string | undefined => {
    const text = stringValue(node, ctx.source);
    return text;
  };
  if (parent.type === 'binary_operator' && ctx.text(parent.children[1]) === '+' && field(parent, 'left') === ref) {
    const right = literalAfter(field(parent, 'right'));
    // `name + '-' + str(i)`: more of the name follows.
    const more = parent.parent?.type === 'binary_operator' && ctx.text(parent.parent.children[1]) === '+' && field(parent.parent, 'left') === parent && literalAfter(field(parent.parent, 'right')) === undefined;
    const sibling = right === undefined ? undefined : SIBLING(right);
    return sibling && more ? `${sibling}*` : sibling;
  }
  // `"...%s.pid..." % name` or `% (a, name)`: the placeholder that takes the name is followed by a suffix.
  const formatOf = (node: PyNode): { format: string; index: number } | undefined => {
    let holder: PyNode = node;
    let index = 0;
    if (holder.parent?.type === 'tuple') {
      index = named(holder.parent).indexOf(holder);
      holder = holder.parent;
    }
    const op = holder.parent;
    if (op?.type === 'binary_operator' && ctx.text(op.children[1]) === '%' && field(op, 'right') === holder) {
      const format = literalAfter(field(op, 'left'));
      return format === undefined ? undefined : { format, index };
    }
    return undefined;
  };
  const percent = formatOf(ref);
  if (percent) {
    const holes = [...percent.format.matchAll(/%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sr]/g)];
    const hole = holes[percent.index];
    return hole ? SIBLING(percent.format.slice(hole.index! + hole[0].length)) : undefined;
  }
  // f"{name}.pid"
  if (parent.type === 'interpolation') {
    const string = parent.parent;
    if (string?.type !== 'string') return undefined;
    return SIBLING(ctx.source.slice(parent.end, string.end));
  }
  return undefined;
}

/** Whether every read of the name bound at `at` builds another name from it (`'%s-%d' % (name, n)`). */
function onlyStem(name: string, at: PyNode, ctx: PyContext): boolean {
  const unit = ctx.file.scopes.bindingUnit(name, at);
  const refs = unit ? ctx.file.scopes.referencesOf(name, unit).filter((ref) => ref !== at) : [];
  return refs.length > 0 && refs.every((ref) => siblingSuffix(ref, ctx) !== undefined);
}

/** The suffixes of the sibling names the code builds from the name bound at `at`: `.pid` for `name + ".pid"`. */
function siblingsOf(name: string, at: PyNode, ctx: PyContext): string[] {
  const unit = ctx.file.scopes.bindingUnit(name, at);
  if (!unit) return [];
  const out = new Set<string>();
  for (const ref of ctx.file.scopes.referencesOf(name, unit)) {
    const suffix = siblingSuffix(ref, ctx);
    if (suffix) out.add(suffix);
  }
  return [...out];
}
