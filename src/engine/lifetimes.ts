// Temp paths kept on `this`: the private directory lives as long as the object. The constructor
// makes it (`this.privateDir = fs.mkdtempSync(…)`), the path is built inside it, and the class's
// own close()/dispose()/destroy() removes it, on every path out of that method.
import { contains, isFunction, stringValue, type Node, type Path } from './ast';
import type { CallSite, FileContext, Site } from './context';
import { REMOVALS } from './dataflow/sinks';
import { emitterFor } from './emit';
import { secureOptions } from './options';
import { replaceRef, replaceRemoval } from './private-dir';
import { insertBefore, wrapStatements } from './wrap';

/** Methods that end an object's life, by the names classes give them. */
const CLOSERS = ['close', 'dispose', 'destroy', 'cleanup', 'cleanUp', 'shutdown', 'teardown'];
const MAYBE_CLOSERS = ['end', 'stop', 'release', 'finish', 'unlink', 'remove'];
const DISPOSE_SYMBOLS = ['Symbol.dispose', 'Symbol.asyncDispose'];

interface Owner {
  cls: Node;
  ctor: Node;
  /** The `this.x = …` statement in the constructor that builds the path. */
  statement: Node;
  sites: Site[];
}

export function applyFieldLifetimes(ctx: FileContext): void {
  const groups = new Map<Node, Owner>();
  for (const site of ctx.fieldSites) {
    const placed = placeOf(ctx, site);
    if (typeof placed === 'string') {
      report(ctx, site, placed);
      continue;
    }
    const group = groups.get(placed.statement) ?? { ...placed, sites: [] };
    group.sites.push(site);
    groups.set(placed.statement, group);
  }
  for (const group of groups.values()) rewrite(ctx, group);
}

function report(ctx: FileContext, site: Site, why: string): void {
  ctx.report(site.ruleId, site.call.node, `${site.what}: the path is kept on the object and used by its methods, so the file lives as long as the object; ${why}`, false);
}

/** The constructor statement that builds the path, or why there is none to rewrite. */
function placeOf(ctx: FileContext, site: Site): Omit<Owner, 'sites'> | string {
  const ref = site.tmp.ref.path.node;
  let ctor: Node | undefined;
  for (let p = ctx.tree.parentOf(ref); p; p = ctx.tree.parentOf(p)) {
    if (p.type === 'ClassMethod' && p.kind === 'constructor') {
      ctor = p;
      break;
    }
    if (isFunction(p) && p.type !== 'ArrowFunctionExpression') break;
    if (p.type === 'ClassProperty' || p.type === 'ClassPrivateProperty') {
      return 'it is built in a field initialiser; not rewritten. Build it in the constructor inside a directory from fs.mkdtempSync kept on the object, and remove that directory in a close() method';
    }
  }
  if (!ctor) {
    return 'it is built in a method that may run more than once, each time leaving a directory behind; not rewritten. Make a directory from fs.mkdtempSync in the constructor, keep it on the object, and remove it in a close() method';
  }
  const statement = (ctor.body.body as Node[]).find((s) => contains(s, ref));
  if (!statement || statement.type !== 'ExpressionStatement' || statement.expression.type !== 'AssignmentExpression') {
    return 'the constructor builds it inside a nested statement; not rewritten. Make a directory from fs.mkdtempSync at the top of the constructor, keep it on the object, and remove it in a close() method';
  }
  const classBody = ctx.tree.parentOf(ctor)!;
  return { cls: ctx.tree.parentOf(classBody)!, ctor, statement };
}

function memberName(member: Node, ctx: FileContext): string | undefined {
  if (member.computed) return ctx.text(member.key);
  return member.key?.name ?? stringValue(member.key);
}

function rewrite(ctx: FileContext, group: Owner): void {
  const { cls, statement, sites } = group;
  const members = cls.body.body as Node[];
  // close()/dispose()/destroy() end an object's life by their names; stop()/end()/release() only when
  // they already remove the file (a stop() that reads it back is followed by a start() again).
  const closer =
    members.find((m) => (m.type === 'ClassMethod' || m.type === 'ClassPrivateMethod') && m.kind === 'method' && [...CLOSERS, ...DISPOSE_SYMBOLS].includes(memberName(m, ctx) ?? '')) ??
    members.find((m) => (m.type === 'ClassMethod' || m.type === 'ClassPrivateMethod') && m.kind === 'method' && MAYBE_CLOSERS.includes(memberName(m, ctx) ?? '') && closerRemoval(ctx, m, sites));
  // On Node 24 a class without a closing method gets [Symbol.dispose](), for `using obj = new C()`.
  if (!closer && ctx.target !== 'node24') {
    for (const site of sites) {
      report(ctx, site, 'the class has no close(), dispose() or destroy() method where its private directory could go; not rewritten. Add one that removes a directory from fs.mkdtempSync kept on the object (or [Symbol.dispose]() on Node 24)');
    }
    return;
  }
  const field = freshField(ctx, cls);
  const dir = `this.${field}`;
  const semi = ctx.style.semicolon ? ';' : '';
  const stem = sites.map((s) => s.tmp.stem).find(Boolean) || (cls.id?.name as string | undefined) || 'tmp';
  const statementPath = ctx.tree.pathOf(statement);
  const emitter = emitterFor(ctx.target, ctx.modules, ctx.style);
  const code = emitter.privateDir({ dir, stem, isAsync: false, at: statementPath, cleanup: true, tmpPromise: false });
  const body = group.ctor.body.body as Node[];
  insertBefore(ctx, body, body.indexOf(statement), `${dir} = ${code.create}${semi}`);
  // TypeScript wants the field declared (TS2339 otherwise): at the top of the class, as its members are indented.
  if (/\.[cm]?tsx?$/i.test(ctx.filePath)) {
    const creator = code.create.slice(0, code.create.indexOf('('));
    const type = ctx.target === 'node' ? 'string' : `ReturnType<typeof ${creator}>`;
    const first = members[0];
    const lineStart = ctx.source.lastIndexOf('\n', first.start) + 1;
    const indent = /^[ \t]*/.exec(ctx.source.slice(lineStart))![0];
    if (ctx.source.slice(lineStart, first.start).trim() === '') ctx.edits.insert(lineStart, `${indent}private ${field}: ${type}${semi}${ctx.style.eol}`);
    else ctx.edits.insert(first.start, `private ${field}: ${type}${semi} `);
  }
  const refs = new Set<Node>();
  for (const site of sites) {
    for (const fact of site.tmp.facts) {
      if (!fact.ref || refs.has(fact.ref.path.node) || !contains(statement, fact.ref.path.node)) continue;
      refs.add(fact.ref.path.node);
      replaceRef(ctx, { ...site.tmp, ref: fact.ref }, code.path);
    }
    // Methods run many times: exclusive creation would fail on the second call; the mode is what counts.
    secureOptions(site.call.node, site.fs, false, ctx.source, ctx.style, ctx.edits);
  }
  let where: string;
  if (!closer) {
    const last = members[members.length - 1];
    const lineStart = ctx.source.lastIndexOf('\n', last.start) + 1;
    const indent = /^[ \t]*/.exec(ctx.source.slice(lineStart))![0];
    const { eol, indentUnit } = ctx.style;
    ctx.edits.insert(last.end, `${eol}${eol}${indent}[Symbol.dispose]() {${eol}${indent}${indentUnit}${code.remove()}${eol}${indent}}`);
    where = 'removed by the new [Symbol.dispose]() (use the object with `using`)';
  } else {
    const closerPath = ctx.tree.pathOf(closer);
    const removal = closerRemoval(ctx, closer, sites);
    if (removal) {
      replaceRemoval(ctx, removal, code.path, ctx.tree.pathOf(cls));
      where = `removed in ${memberName(closer, ctx)}() where the old code removed the file`;
    } else {
      const remove = ctx.target === 'node' ? emitter.privateDir({ dir, stem, isAsync: !!closer.async, at: closerPath, cleanup: true }).remove() : code.remove();
      const statements = closer.body.body as Node[];
      if (statements.length === 0) ctx.edits.insert(closer.body.start + 1, ` ${remove} `);
      else wrapStatements(ctx, statements, 0, statements.length - 1, '', remove);
      where = `removed in ${memberName(closer, ctx)}(), on every path out of it`;
    }
  }
  for (const site of sites) ctx.report(site.ruleId, site.call.node, `${site.what}: moved into a private directory (mode 0700) kept on ${dir} for the object's life, ${where}`, true);
}

/** `fs.unlinkSync(this.file)` in the closing method: where the old code removed the file. */
function closerRemoval(ctx: FileContext, closer: Node, sites: Site[]): CallSite | undefined {
  const keys = new Set(sites.map((s) => s.tmp.key));
  return ctx.fsCalls().find(({ path, call }) => {
    if (!REMOVALS.has(call.method) || !contains(closer, path.node) || (path.node.arguments as Node[]).length === 0) return false;
    const tmp = ctx.values.tmpPathOf(path.get('arguments', 0) as Path);
    return !!tmp && keys.has(tmp.key);
  });
}

/** A property name the class does not use yet. */
function freshField(ctx: FileContext, cls: Node): string {
  const text = ctx.text(cls);
  let name = 'privateDir';
  for (let i = 2; new RegExp(`\\b${name}\\b`).test(text); i++) name = `privateDir${i}`;
  return name;
}


