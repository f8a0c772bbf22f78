import { classify } from '../calls';
import { describeCreation, insideOwnDirectory, nameKind } from '../danger';
import type { PyContext } from '../context';
import type { Lifetimes } from '../lifetime';
import { argsOf, argument, field, named, stringValue, unitOf, unwrap, walk, type PyNode } from '../tree';
import type { PyRule } from '../types';

const id = 'predictable-tmp-path';

/** `t.open("w")`: the call is a method of an object. */
function method(call: PyNode): boolean {
  return unwrap(field(call, 'function'))?.type === 'attribute';
}

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
        if (role.how === 'os.open' && alreadyExclusive(call, ctx)) continue;
        const value = ctx.values.of(role.target);
        if (value?.kind === 'path') {
          const what = insideOwnDirectory(callee, call, value.key, calls, ctx) ?? describeCreation(callee, value.key, role, call, ctx.file);
          dirs.add({ ruleId: id, call, target: role.target, value, what });
        } else if (!value && ctx.values.mentions(role.target)) {
          ctx.claimed.add(call);
          const why = ctx.values.whyUnfollowed(role.target) ?? (method(call) ? ctx.values.whyUnfollowed(field(field(call, 'function'), 'object')) : undefined);
          ctx.report(id, call, `${callee}() creates a file at a path built from the shared temp directory in a way tmpfix cannot follow${why ? `: ${why}` : ''}; not rewritten. Check it by hand: ${why?.includes('tmpfix cannot see where that writes') ? 'if it writes a local file, create that with tempfile.mkstemp() or inside tempfile.mkdtemp(); a path on another file system (HDFS, S3, a remote host) is not in this machine\'s temp directory and needs nothing' : 'create it with tempfile.mkstemp() or inside tempfile.mkdtemp()'}`, false);
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
    // A path handed to another program and read back afterwards: that program creates it.
    for (const call of calls) {
      if (ctx.claimed.has(call) || classify(call, ctx.file)?.role !== 'handoff') continue;
      const unit = unitOf(call);
      const known = dirs.siteKeys(unit);
      for (const path of handedPaths(call, ctx)) {
        const value = ctx.values.of(path)!;
        if (known.has(value.key) || unitOf(value.origin.node) !== unit || value.stored) continue;
        known.add(value.key);
        const readBack = dirs.usesOfKey(unit, value.key).some((u) => u.node.start > call.end && ['read', 'check', 'consumer', 'remove'].includes(u.kind));
        const program = ctx.text(unwrap(field(call, 'function')));
        if (readBack) {
          dirs.add({ ruleId: id, call, target: path, value, what: `${program}() has another program create '${value.key}' in the shared temp directory under a name another user can predict, so they can plant a symlink there first and the program writes through it` });
        } else {
          ctx.report(id, call, `${program}() hands '${value.key}', a name in the shared temp directory, to another program: if that program creates it, another user can plant a symlink there first. tmpfix cannot tell whether it creates or only reads it; not rewritten. Use a name inside tempfile.mkdtemp() for what it creates`, false);
        }
      }
    }
    // A path in the temp directory handed to code tmpfix cannot see, returned or stored, with no creation
    // here: something creates it elsewhere under that name.
    const seen = new Set<string>();
    // The origins that a creating call of this file makes (through a variable, `self.x`, a function's
    // return or an environment variable): that call has a finding of its own, with its real danger.
    const created = new Set<PyNode>();
    for (const call of calls) {
      const role = classify(call, ctx.file);
      const v = role?.role === 'create' ? ctx.values.of(role.target) : undefined;
      if (v) created.add(v.origin.node);
    }
    walk(ctx.file.root, (n) => {
      if (n.type !== 'call' && n.type !== 'binary_operator' && n.type !== 'string') return undefined;
      const value = ctx.values.of(n);
      if (value?.kind !== 'path' || value.via.length || value.stored || value.returnedBy) return value ? false : undefined;
      // `os.path.join('/dev/shm', name)` for a name the code listed there: an entry that exists, not one to create.
      if (listedEntry(n, ctx)) return false;
      const unit = unitOf(value.origin.node);
      const key = `${value.key}@${unit.start}`;
      if (seen.has(key) || dirs.siteKeys(unit).has(value.key) || dirs.isKept(unit, value.key) || created.has(value.origin.node)) return false;
      seen.add(key);
      const tracking = dirs.trackKey(unit, value.key);
      if (tracking.uses.some((u) => u.kind === 'create' || u.kind === 'handoff')) return false;
      // Handed to code tmpfix cannot see, then read back and removed by this code: that code made the
      // file under the predictable name, and this one owns it (the removal says so), as with a program.
      const unknown = tracking.escapes.filter((e) => e.unknownCall);
      const others = tracking.escapes.filter((e) => !e.unknownCall);
      const removal = tracking.uses.filter((u) => u.kind === 'remove' && unitOf(u.node) === unit).pop();
      const firstHand = unknown[0] && tracking.uses.find((u) => u.node === unknown[0].node && u.call);
      if (firstHand?.call && removal && others.length === 0 && unknown.every((e) => e.node.start < removal.node.start)) {
        const readBack = tracking.uses.some((u) => u.node.start > firstHand.call!.end && u.node.start < removal.node.start && (u.kind === 'read' || u.kind === 'check' || u.kind === 'consumer'));
        const target = firstHand.carrier;
        const v = ctx.values.of(target) ?? ctx.values.of(firstHand.node);
        if (readBack && v?.kind === 'path' && !ctx.claimed.has(firstHand.call)) {
          const callee = ctx.text(unwrap(field(firstHand.call, 'function')));
          dirs.add({ ruleId: id, call: firstHand.call, target, value: v, what: `${callee}() is handed '${v.key}' in the shared temp directory, and the code reads the file back and removes it afterwards, so it is made there under a name another user can predict and plant a symlink at first` });
          return false;
        }
      }
      // A literal ('/tmp/foo.sock') handed only to code tmpfix cannot see (a constructor, a mock, a
      // test's parametrize, a setenv) or to a nested function is mostly data, never a file on this
      // machine: say nothing. A name built on tempfile.gettempdir() or $TMPDIR is meant as a temp file.
      const literal = value.origin.node.type === 'string' || value.origin.node.type === 'concatenated_string';
      // So is a literal kept in an attribute (`config.key_path = "/tmp/nonexistent"`) that no creating
      // call of this file reads, or only by code the test expects to fail first.
      const escape = tracking.escapes.find((e) => !literal || (!e.unknownCall && !/nested function/.test(e.why) && !(e.storedIn && storedAsData(e.storedIn, unit, calls, ctx, dirs.lifetimes))));
      if (!escape) return false;
      // A private function's callers are all in this file: none of them creates it (that would be the
      // creation's finding), and none hands it on, so nothing here makes a file there.
      if (/^the function returns it$/.test(escape.why) && tracking.escapes.length === 1 && onlyReadByCallers(unit, ctx, dirs.lifetimes)) return false;
      // A path inside a container (`"{host}:{container}"` bind target, the container's environment): not
      // a name in this machine's temp directory at all.
      if (/^the function returns it$/.test(escape.why) && tracking.escapes.length === 1 && onlyContainerSide(unit, ctx)) return false;
      const handed = shortExpression(n, ctx);
      // Kept in an attribute that a creating call of this file reads: that call is where it is made.
      const attr = escape.storedIn && unwrap(escape.storedIn)?.type === 'attribute' ? ctx.text(field(unwrap(escape.storedIn), 'attribute')) : undefined;
      const maker = attr ? attributeCreation(attr, calls, ctx, dirs.lifetimes) : undefined;
      if (maker) {
        const role = classify(maker, ctx.file);
        const callee = ctx.text(unwrap(field(maker, 'function')));
        const fn = unitOf(maker).type === 'function_definition' ? ` (in ${ctx.text(field(unitOf(maker), 'name'))}())` : '';
        const made = role?.role === 'create' ? describeCreation(callee, value.key, role, maker, ctx.file).replace(`${callee}() `, `${callee}() at line ${maker.row + 1}${fn} `) : `${callee}() at line ${maker.row + 1}${fn} creates it under a name another user can predict and plant a symlink at first`;
        ctx.report(id, n, `${handed} names '${value.key}' in the shared temp directory, and ${escape.why}: ${made}; not rewritten, since the name is set here and the file is made there. Create it in a directory from tempfile.mkdtemp() (removed when done) and store that path instead, or create it with os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)`, false);
        return false;
      }
      // Kept under a name that says what it is for (`lock_pid_dir = Param(default=...)`): found again by
      // every process and run, so a private directory per run (mkdtemp) would break it.
      const holder = holderName(n, ctx);
      const purpose = SHARED_WORD.exec(`${value.key.replace(/\{[^}]*\}/g, ' ')} ${holder ?? ''}`.replace(/[^A-Za-z]+/g, ' '));
      if (purpose) {
        ctx.report(id, n, `${handed} names '${value.key}' in the shared temp directory, and ${escape.why}${holder ? `, kept as ${holder}` : ''}: a ${purpose[2].toLowerCase()} directory or file is found again by other processes and later runs, so another user who creates it first owns what they find there, and a private directory per run would break it; not rewritten. Keep it in a per-user directory with mode 0700 (for example under $XDG_RUNTIME_DIR), and check that what is there belongs to the user before trusting it`, false);
        return false;
      }
      const kind = nameKind(value.key);
      const danger =
        kind === 'random'
          ? 'the name is random, so another user cannot guess it, but whatever creates it there with the default mode leaves it readable by other users (0644) and, without O_EXCL, does not know it is new'
          : kind === 'guessable'
            ? 'whatever creates it there does so under a name built from the process id, the time or a counter, which another user can guess and take first'
            : 'whatever creates it there does so under a name another user can predict or race for';
      const advice = kind === 'random' ? 'create it with os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), or inside tempfile.mkdtemp()' : 'create it with tempfile.mkstemp(), or inside tempfile.mkdtemp()';
      ctx.report(id, n, `${handed} names '${value.key}' in the shared temp directory, and ${escape.why}: ${danger}; not rewritten, since tmpfix cannot see where it is created. Check it by hand: ${advice}`, false);
      return false;
    });
  },
};

/** `os.open(p, ... | O_EXCL, 0o600)`: exclusive, owner-only creation is safe even in /tmp. */
/** Calls (and methods) that list what a directory holds. */
const LISTINGS = new Set(['os.listdir', 'os.scandir', 'glob.glob', 'glob.iglob']);
const LISTING_METHODS = new Set(['iterdir', 'glob', 'rglob']);

/** Whether `expr` is built from a name that a loop takes from a listing of a directory (`for name in os.listdir(d)`). */
function listedEntry(expr: PyNode, ctx: PyContext): boolean {
  let found = false;
  walk(expr, (n) => {
    if (found) return false;
    if (n.type !== 'identifier' || (n.parent?.type === 'attribute' && n.field === 'attribute') || n.field === 'name') return undefined;
    const bindings = ctx.file.scopes.assignmentsOf(ctx.text(n), n);
    found = bindings.length > 0 && bindings.every((b) => {
      const listing = b.kind === 'for' ? unwrap(b.value) : undefined;
      if (listing?.type !== 'call') return false;
      const q = ctx.file.qualified(field(listing, 'function'));
      return (!!q && LISTINGS.has(q)) || (!q && LISTING_METHODS.has(ctx.file.method(listing)?.name ?? ''));
    });
    return undefined;
  });
  return found;
}

function alreadyExclusive(call: PyNode, ctx: import('../context').PyContext): boolean {
  const args = argsOf(call, ctx.source);
  const flags = argument(args, 1, 'flags');
  const mode = argument(args, 2, 'mode');
  return !!flags && /\bO_EXCL\b/.test(ctx.text(flags)) && !!mode && /^0o?[0-7]?[0-7]00$/.test(ctx.text(mode));
}

/** The temp paths among a program's arguments (the list elements, the command string's parts). */
function handedPaths(call: PyNode, ctx: import('../context').PyContext): PyNode[] {
  const found: PyNode[] = [];
  const list = field(call, 'arguments');
  if (!list) return found;
  walk(list, (n) => {
    if (n.type === 'keyword_argument' && !['args', 'cmd'].includes(ctx.text(field(n, 'name')))) return false;
    const v = ['identifier', 'string', 'call', 'binary_operator', 'attribute'].includes(n.type) ? ctx.values.of(n) : undefined;
    if (v?.kind === 'path') {
      found.push(n);
      return false;
    }
    return undefined;
  });
  return found;
}

/**
 * `store.path = "/tmp/whatever"`: a literal kept in an attribute is data when no creating call of the
 * file reads an attribute of that name (directly, through a local name, or through a function of the
 * file given it), or when every later use of the object is inside `with self.assertRaises(...)` /
 * `pytest.raises(...)`: the test expects that code to fail, so the name is a placeholder.
 */
function storedAsData(target: PyNode, unit: PyNode, calls: PyNode[], ctx: PyContext, lifetimes: Lifetimes): boolean {
  const t = unwrap(target);
  if (t?.type !== 'attribute') return false;
  const attr = ctx.text(field(t, 'attribute'));
  if (!attributeCreation(attr, calls, ctx, lifetimes)) return true;
  const object = unwrap(field(t, 'object'));
  if (object?.type !== 'identifier' || ['self', 'cls'].includes(ctx.text(object))) return false;
  const name = ctx.text(object);
  const later: PyNode[] = [];
  walk(unit, (n) => {
    if (n !== unit && (n.type === 'function_definition' || n.type === 'lambda' || n.type === 'class_definition')) return false;
    if (n.type === 'identifier' && n.start > t.end && ctx.text(n) === name && !isStoreTarget(n)) later.push(n);
    return undefined;
  });
  return later.length > 0 && later.every((n) => insideRaises(n, unit, ctx));
}

/** `obj.x = ...`: the object of an attribute that is being assigned, not read. */
function isStoreTarget(ref: PyNode): boolean {
  const attr = ref.parent;
  return attr?.type === 'attribute' && field(attr, 'object') === ref && attr.field === 'left' && (attr.parent?.type === 'assignment' || attr.parent?.type === 'augmented_assignment');
}

/** Inside `with self.assertRaises(...)`, `with pytest.raises(...)` (or their Regex forms), or an argument of `self.assertRaises(E, fn, ...)`. */
function insideRaises(node: PyNode, unit: PyNode, ctx: PyContext): boolean {
  const raises = (call: PyNode | undefined) => !!call && call.type === 'call' && /(^|\.)(assertRaises\w*|raises)$/.test(ctx.text(unwrap(field(call, 'function'))));
  for (let n = node.parent; n && n !== unit; n = n.parent) {
    if (n.type === 'with_statement') {
      const clause = named(n).find((c) => c.type === 'with_clause');
      const items = clause ? named(clause).filter((c) => c.type === 'with_item') : [];
      if (items.some((item) => {
        const value = field(item, 'value');
        return raises(unwrap(value?.type === 'as_pattern' ? named(value)[0] : value));
      })) return true;
    }
    if (n.type === 'argument_list' && raises(n.parent ?? undefined)) return true;
  }
  return false;
}

/** A creating call of the file that reads an attribute named `attr` (or a local name set from one, or hands it to a function of the file that creates it). */
function attributeCreation(attr: string, calls: PyNode[], ctx: PyContext, lifetimes: Lifetimes): PyNode | undefined {
  const readsAttr = (expr: PyNode | undefined, depth = 0): boolean => {
    let found = false;
    if (!expr) return false;
    walk(expr, (n) => {
      if (found) return false;
      if (n.type === 'attribute' && ctx.text(field(n, 'attribute')) === attr) found = true;
      else if (n.type === 'identifier' && depth < 2) {
        const assignments = ctx.file.scopes.assignmentsOf(ctx.text(n), n);
        if (assignments.some((a) => a.kind === 'assign' && readsAttr(a.value, depth + 1))) found = true;
      }
      return found ? false : undefined;
    });
    return found;
  };
  return calls.find((call) => {
    const role = classify(call, ctx.file);
    if (role?.role === 'create') return readsAttr(role.target);
    const fn = role ? undefined : lifetimes.sameFileFunction(call);
    if (!fn) return false;
    return named(field(call, 'arguments') ?? call).some((arg) => {
      const expr = arg.type === 'keyword_argument' ? field(arg, 'value') : arg;
      return !!expr && readsAttr(expr) && !!lifetimes.parameterFate(fn, call, expr, 1)?.creates;
    });
  });
}

/** A private function (a leading underscore) whose callers, all in this file, only read what it returns: no creation, no hand-over. */
function onlyReadByCallers(fn: PyNode, ctx: PyContext, lifetimes: Lifetimes): boolean {
  if (fn.type !== 'function_definition' || !ctx.text(field(fn, 'name')).startsWith('_')) return false;
  const name = ctx.text(field(fn, 'name'));
  const sites: PyNode[] = [];
  walk(ctx.file.root, (n) => {
    if (n.type === 'call' && lifetimes.sameFileFunction(n) === fn) sites.push(n);
    else if (n.type === 'identifier' && ctx.text(n) === name && n.parent?.type !== 'call' && n.parent?.type !== 'function_definition' && !(n.parent?.type === 'attribute' && n.field === 'attribute' && n.parent.parent?.type === 'call')) sites.push(n);
    return undefined;
  });
  if (sites.length === 0 || sites.some((s) => s.type !== 'call')) return false;
  return sites.every((call) => {
    const tracking = lifetimes.track(ctx.file.scopes.unit(unitOf(call)), { seeds: [call] });
    return tracking.escapes.length === 0 && tracking.uses.every((u) => !['create', 'handoff', 'other'].includes(u.kind) || u.kind === 'other' && !u.call);
  });
}

/**
 * Every use of the function's result (`self.container_tmp_dir`, `container_dir()`) is the container side
 * of a volume mapping (`"{0}:{1}".format(host, it)`, `"%s:%s" % (host, it)`, `f"{host}:{it}"`,
 * `{"bind": it}`) or a value of an environment mapping beside one: the path names a directory inside
 * a container, whose host side is given separately.
 */
function onlyContainerSide(fn: PyNode, ctx: PyContext): boolean {
  if (fn.type !== 'function_definition') return false;
  const name = ctx.text(field(fn, 'name'));
  const sites: PyNode[] = [];
  let other = false;
  walk(ctx.file.root, (n) => {
    if (n.type === 'attribute' && ctx.text(field(n, 'attribute')) === name) sites.push(n.parent?.type === 'call' && field(n.parent, 'function') === n ? n.parent : n);
    else if (n.type === 'identifier' && ctx.text(n) === name && n.parent !== fn && n.field !== 'attribute') {
      if (n.parent?.type === 'call' && field(n.parent, 'function') === n) sites.push(n.parent);
      else other = true;
    }
    return undefined;
  });
  if (other || sites.length === 0) return false;
  const kinds = sites.map((site) => (bindTarget(site, ctx) ? 'bind' : environmentValue(site, ctx) ? 'env' : undefined));
  return kinds.every(Boolean) && kinds.includes('bind');
}

/** The text right before the placeholder that takes `expr` in the string built around it, if any. */
function textBeforeHole(expr: PyNode, ctx: PyContext): string | undefined {
  const p = expr.parent;
  // "{0}:{1}".format(host, expr)
  if (p?.type === 'argument_list' && p.parent?.type === 'call') {
    const callee = unwrap(field(p.parent, 'function'));
    if (callee?.type !== 'attribute' || ctx.text(field(callee, 'attribute')) !== 'format') return undefined;
    const format = stringValue(field(callee, 'object'), ctx.source);
    const index = named(p).indexOf(expr);
    if (format === undefined || index < 0 || named(p).some((a) => a.type === 'keyword_argument' || a.type === 'list_splat' || a.type === 'dictionary_splat')) return undefined;
    let auto = 0;
    for (const m of format.matchAll(/\{([^{}]*)\}/g)) {
      const field0 = m[1].split(/[!:]/)[0];
      const at = field0 === '' ? auto++ : /^\d+$/.test(field0) ? Number(field0) : -1;
      if (at === index) return format.slice(0, m.index);
    }
    return undefined;
  }
  // "%s:%s" % (host, expr)
  let holder: PyNode = expr;
  let index = 0;
  if (p?.type === 'tuple') {
    index = named(p).indexOf(expr);
    holder = p;
  }
  const op = holder.parent;
  if (op?.type === 'binary_operator' && ctx.text(op.children[1]) === '%' && field(op, 'right') === holder) {
    const format = stringValue(field(op, 'left'), ctx.source);
    const hole = format === undefined ? undefined : [...format.matchAll(/%[-#0 +]*\d*(?:\.\d+)?[sr]/g)][index];
    return hole ? format!.slice(0, hole.index) : undefined;
  }
  // f"{host}:{expr}"
  if (p?.type === 'interpolation' && p.parent?.type === 'string') return ctx.source.slice(p.parent.start, p.start);
  return undefined;
}

/** `"{host}:{it}"`-shaped, or the value under a "bind" key: the container side of a volume mapping. */
function bindTarget(expr: PyNode, ctx: PyContext): boolean {
  const before = textBeforeHole(expr, ctx);
  if (before !== undefined) return /[}\w]:$|%[sr]:$|\}:$/.test(before);
  const pair = expr.parent;
  return pair?.type === 'pair' && field(pair, 'value') === expr && stringValue(field(pair, 'key'), ctx.source) === 'bind';
}

/** A value of a mapping named for the environment (`self.environment["X"] = it`, `env = {"X": it}`). */
function environmentValue(expr: PyNode, ctx: PyContext): boolean {
  const p = expr.parent;
  const isEnv = (n: PyNode | undefined) => !!n && /(^|[._])env(iron(ment)?)?$/i.test(ctx.text(unwrap(n)));
  if (p?.type === 'assignment' && field(p, 'right') === expr) {
    const left = unwrap(field(p, 'left'));
    return left?.type === 'subscript' && isEnv(field(left, 'value')) && !/os\.environ/.test(ctx.text(left));
  }
  if (p?.type === 'pair' && field(p, 'value') === expr && p.parent?.type === 'dictionary') {
    const holder = p.parent.parent;
    if (holder?.type === 'assignment' && field(holder, 'right') === p.parent) return isEnv(field(holder, 'left'));
    if (holder?.type === 'keyword_argument') return isEnv(field(holder, 'name'));
  }
  return false;
}

/** Lock, pid, socket, FIFO and cache words, as in shared.ts, in a holder's name or the path's. */
const SHARED_WORD = /(^|[^a-z])(lock|lockfile|pid|pidfile|sock|socket|cache|caches|ipc|fifo|mutex)([^a-z]|$)/i;

/** The variable, attribute or keyword that keeps the path (`lock_pid_dir` in `lock_pid_dir = Param(default=path)`). */
function holderName(node: PyNode, ctx: PyContext): string | undefined {
  const names: string[] = [];
  for (let n: PyNode | null = node; n?.parent; n = n.parent) {
    const p: PyNode = n.parent;
    if (p.type === 'keyword_argument' && n.field === 'value') names.push(ctx.text(field(p, 'name')));
    if (p.type === 'assignment' && n.field === 'right') {
      names.push(ctx.text(field(p, 'left')));
      break;
    }
    if (p.type === 'block' || p.type === 'module' || p.type === 'expression_statement' || p.type === 'return_statement') break;
  }
  const named = names.reverse().filter((name) => name && !/^(default|value|path|name|dir|directory)$/.test(name));
  return named.length ? named.join('.') : undefined;
}

/** The expression as written, on one line, or `f(...)` for a long call (the finding names the key anyway). */
function shortExpression(node: PyNode, ctx: PyContext): string {
  const text = ctx.text(node).replace(/\s+/g, ' ').replace(/\( /g, '(');
  if (text.length <= 50) return text;
  if (node.type === 'call') return `${ctx.text(unwrap(field(node, 'function')))}(...)`;
  return `${text.slice(0, 47)}...`;
}
