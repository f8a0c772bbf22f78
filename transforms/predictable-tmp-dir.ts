import type { FileContext } from '../src/engine/context';
import type { Rule } from '../src/engine/context';
import { jscodeshiftTransform } from './jscodeshift';
import { contains, isCall, isFunction, walk, type Node, type Path } from '../src/engine/ast';
import { REMOVALS } from '../src/engine/dataflow/sinks';
import type { FsCall } from '../src/engine/fs-calls';
import { givesMode } from '../src/engine/options';
import { quoteString } from '../src/engine/text';
import { removeStatement } from '../src/engine/wrap';
import type { TmpPath } from '../src/engine/dataflow/values';
import { fewRandomNames, unjudgedPieces, type Guess } from '../src/engine/dataflow/lattice';
import { acceptsExisting, wipedAroundUse } from '../src/engine/private-dir';
import { looksShared, MENTIONS_TMP_DIR, sharedAdvice, TEMP_HELPER_OBJECT_NAME } from '../src/engine/shared-names';

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
      if ((looksShared(tmp.key) && !wipedAroundUse(ctx, path, tmp.key)) || ctx.claimsName(path.node)) {
        ctx.leaveAlone(id, path.node, tmp, `${callee}() makes '${tmp.key}' in the shared temp directory: ${ctx.claimsName(path.node) ? `its failure when the name exists (EEXIST) is handled, so taking the name is the point, as with a lock; ${sharedAdvice('lock')}` : sharedAdvice(tmp.key)}`);
        continue;
      }
      if (mkdtempInstead(ctx, path, call, tmp)) continue;
      const site = { ruleId: id, call: path, fs: call, tmp, what: '' };
      ctx.addSite({ ...site, what: `${callee}() makes the directory '${tmp.key}' in the shared temp directory ${dirDanger(tmp.guess, acceptsExisting(site), givesMode(path.node, call.method), tmp.key)}` });
    }
    reportInjectedHelpers(ctx);
    for (const { path } of ctx.unresolvedCreations(['dir'])) {
      ctx.report(id, path.node, `${ctx.text(path.node.callee)}() makes a directory at a path built from the shared temp directory in a way tmpfix cannot follow (a variable assigned elsewhere, a parameter default, a spread, or a name added without a separator, which lands beside the temp directory rather than in it); not rewritten. Check it by hand: use fs.mkdtempSync instead`, false);
    }
  },
};

/**
 * `this._dir = tempDir.getPath('/karma-' + id)` … `tempDir.create(this._dir)` on a helper object the
 * file is handed (a constructor's parameter, dependency injection): no import leads to it, so tmpfix
 * cannot see what directory it gives or how it makes one. Its name says the temp directory, and the
 * name asked for is not random: reported where the name is built, never rewritten.
 */
function reportInjectedHelpers(ctx: FileContext): void {
  const makers = new Set<string>();
  const namers: Node[] = [];
  for (const node of ctx.tree.ofType('CallExpression')) {
    const callee = node.callee as Node;
    if (callee.type !== 'MemberExpression' || callee.computed || callee.object.type !== 'Identifier' || callee.property.type !== 'Identifier') continue;
    const receiver = callee.object.name as string;
    if (!TEMP_HELPER_OBJECT_NAME.test(receiver)) continue;
    const path = ctx.tree.pathOf(node);
    // A module tmpfix knows (tmp, fs, a helper module with facts) is followed by the other rules.
    if (ctx.modules.calleeOf(path) || ctx.scopes.lookup(path.get('callee', 'object') as Path, receiver)?.declarator?.init) continue;
    if (callee.property.name === 'create') makers.add(receiver);
    else if (callee.property.name === 'getPath' && (node.arguments as Node[]).length === 1) namers.push(node);
  }
  for (const node of namers) {
    const receiver = node.callee.object.name as string;
    const arg = (node.arguments as Node[])[0];
    if (!makers.has(receiver) || arg.type === 'SpreadElement' || /random|uuid|nanoid|crypto|mkdtemp|unique/i.test(ctx.text(arg))) continue;
    const name = ctx.text(arg).replace(/^['"`]|['"`]$/g, '');
    ctx.report(id, node, `${receiver}.getPath() names '${name.length > 40 ? `${name.slice(0, 39)}…` : name}' for ${receiver}.create() to make: not rewritten: ${receiver} is handed to this code (no import leads to it), so tmpfix cannot see what directory it gives or how create() makes it. If it gives the shared temp directory, another user can make that name first and own what goes into it: have create() use fs.mkdtempSync (a name nobody can take, mode 0700), or fail when the name exists`, false);
  }
}

/** A removal of `name` (`fs.rmSync(dir, …)`, `rimraf(dir)`) among the statements after `at` of `block`, outside any try. */
function removedInline(ctx: FileContext, block: Node, name: string, at: number): boolean {
  let found = false;
  for (const statement of (block.body as Node[]).slice(at + 1)) {
    walk(statement, (n) => {
      if (found || isFunction(n) || n.type === 'TryStatement') return false;
      if (!isCall(n) || (n.arguments as Node[])[0]?.type !== 'Identifier' || (n.arguments as Node[])[0].name !== name) return undefined;
      const path = ctx.tree.pathOf(n);
      const fs = ctx.fs.classify(path);
      if (fs && REMOVALS.has(fs.method)) found = true; // rimraf's calls too: fs-calls takes them for rm
      return undefined;
    });
    if (found) return true;
  }
  return false;
}

/** Side-effect-free sources of a unique name part: what a declaration only for the name may hold. */
const UNIQUE_SOURCE = /^(?:[\s\d.+\-*/%()]|Math\.(?:random|floor|round|ceil|trunc)|Date\.now|new Date\(\)|\.getTime|\.valueOf|process\.pid|crypto\.randomBytes|randomBytes|crypto\.randomUUID|randomUUID|performance\.now|\.toString|\.slice|\.substring|\.substr|\.padStart|'[^']*'|"[^"]*"|\d+e\d+|0x[\da-f]+)+$/i;

/**
 * The statements `const x = <unique part>;` of `block` whose only other use is inside `built`: once
 * `built` becomes a mkdtemp call, nothing reads them.
 */
function uniquePartDeclarations(ctx: FileContext, built: Node, block: Node): Node[] {
  const out: Node[] = [];
  const seen = new Set<string>();
  walk(built, (n) => {
    if (n.type !== 'Identifier' || seen.has(n.name as string)) return undefined;
    seen.add(n.name as string);
    const declared = ctx.scopes.lookup(ctx.tree.pathOf(n), n.name as string);
    const declarator = declared?.declarator;
    const statement = declarator && ctx.tree.parentOf(declarator);
    if (!declarator || !statement || statement.type !== 'VariableDeclaration' || (statement.declarations as Node[]).length !== 1 || !(block.body as Node[]).includes(statement)) return undefined;
    if (!declarator.init || !UNIQUE_SOURCE.test(ctx.text(declarator.init).replace(/\s+/g, ' '))) return undefined;
    const uses = ctx.tree.identifiersNamed(n.name as string, declared!.scope).filter((id) => id !== declared!.id && ctx.scopes.lookup(ctx.tree.pathOf(id), n.name as string)?.id === declared!.id);
    if (uses.every((id) => contains(built, id))) out.push(statement);
    return undefined;
  });
  return out;
}

/** A declaration with no call, `new`, `await` or `yield` in it that does not mention `name`. */
function harmlessBetween(ctx: FileContext, statement: Node, name: string): boolean {
  if (statement.type !== 'VariableDeclaration') return false;
  let harmless = true;
  walk(statement, (n) => {
    if (/^(?:Call|OptionalCall|New|Await|Yield|TaggedTemplate)Expression$/.test(n.type) || (n.type === 'Identifier' && n.name === name)) harmless = false;
    return harmless ? undefined : false;
  });
  return harmless && !(statement.declarations as Node[]).some((d) => d.id.type === 'Identifier' && d.id.name === name);
}

/**
 * `dir = path.join(os.tmpdir(), `t-${Date.now()}`); fs.mkdirSync(dir);`: a name meant to be unique
 * (a time, a pid, a counter, a random part), built on the line before a plain mkdirSync. Its exact
 * name never mattered, so fs.mkdtempSync makes it instead, under a name nobody can take first and
 * with mode 0700; the files inside keep their names, and whatever removed the directory (an
 * afterEach, a finally) removes the new one the same way. The creations inside need nothing more.
 */
function mkdtempInstead(ctx: FileContext, path: Path, call: FsCall, tmp: TmpPath): boolean {
  // Not a pid: a name with the pid in it is how another process (a child, a later `stop()`) finds it.
  if (call.method !== 'mkdir' || call.api !== 'sync' || !['time', 'counter', 'random'].includes(tmp.guess) || tmp.made !== 'code' || tmp.mixed) return false;
  // The unique part ends the name: mkdtemp adds its suffix there, so nothing after it would be lost.
  if (!/\}$/.test(tmp.key) || /\bpid\b|process\.pid|ppid/.test(tmp.key)) return false;
  const args = path.node.arguments as Node[];
  // `{ recursive: true }` alone changes nothing for a name right under the temp directory (chrome-launcher).
  const onlyRecursive = args.length === 2 && args[1].type === 'ObjectExpression' && (args[1].properties as Node[]).length === 1 && (args[1].properties as Node[])[0].type === 'ObjectProperty' && ((args[1].properties as Node[])[0].key.name ?? (args[1].properties as Node[])[0].key.value) === 'recursive';
  if ((args.length !== 1 && !onlyRecursive) || args[0].type !== 'Identifier') return false;
  const statement = path.parent?.node;
  if (statement?.type !== 'ExpressionStatement' || statement.expression !== path.node) return false;
  const block = path.parent?.parent?.node;
  const body = block && (block.type === 'BlockStatement' || block.type === 'Program') ? (block.body as Node[]) : undefined;
  const at = body ? body.indexOf(statement) : -1;
  if (!body || at < 1) return false;
  // The statement before sets the variable to the path: `const dir = …;` or `dir = …;`. Declarations
  // that cannot throw and do not use the name may sit between (esbuild's `const env = { ...process.env }`):
  // the directory is then made before them, and nothing between can fail and leave it behind.
  const name = args[0].name as string;
  let back = at - 1;
  while (back > 0 && harmlessBetween(ctx, body[back], name)) back--;
  const previous = body[back];
  let built: Node | undefined;
  if (previous.type === 'VariableDeclaration' && previous.declarations.length === 1 && previous.declarations[0].id.type === 'Identifier' && previous.declarations[0].id.name === name) built = previous.declarations[0].init;
  if (previous.type === 'ExpressionStatement' && previous.expression.type === 'AssignmentExpression' && previous.expression.operator === '=' && previous.expression.left.type === 'Identifier' && previous.expression.left.name === name) built = previous.expression.right;
  if (!built || built !== tmp.expr.node || tmp.refs.length !== 1 || tmp.key.includes('/')) return false;
  // Removed further down the same function, but only when nothing throws first: the usual rewrite
  // (a private directory and a finally) covers that; a mkdtemp here would need a second run for it.
  if (removedInline(ctx, block!, name, at)) return false;
  // The same name built again elsewhere in the file (a `stop()` that removes it) would no longer find it.
  for (const type of ['CallExpression', 'TemplateLiteral', 'BinaryExpression']) {
    for (const other of ctx.candidates(type)) {
      if (contains(built, other.node) || contains(other.node, built)) continue;
      const again = ctx.tmp.tmpPathOf(other);
      if (again && again.ref.path.node !== tmp.ref.path.node && (again.key === tmp.key || again.key.startsWith(`${tmp.key}/`))) return false;
    }
  }
  const ref = tmp.ref;
  let base: string;
  if (ref.kind === 'dir') base = `${ctx.modules.reference('path', 'join', path)}(${ctx.text(ref.path.node)}, ${quoteString(`${tmp.stem || 'tmp'}-`, ctx.style.quote)})`;
  else if (ref.kind === 'literal' && ref.path.node.type === 'StringLiteral') base = quoteString(`${(ref.path.node.value as string).slice(0, ref.prefixLength)}${tmp.stem || 'tmp'}-`, ctx.style.quote);
  else return false;
  ctx.edits.replace(built.start, built.end, `${ctx.modules.reference('fs', 'mkdtempSync', path)}(${base})`);
  // The unique part's own variable (`const randomNumber = Math.floor(Math.random() * 9e7)`) has no other
  // use now: it goes too, or a build with noUnusedLocals (chrome-launcher's) would fail on it.
  for (const statement of uniquePartDeclarations(ctx, built, block!)) removeStatement(ctx, statement);
  // The mkdirSync statement goes: mkdtempSync made the directory.
  removeStatement(ctx, statement);
  ctx.claimed.add(path.node);
  ctx.notePath(path.node, tmp.key, true);
  // The creations planned inside it are inside a 0700 directory now: no private directory around them.
  const inside = ctx.sites.filter((site) => site.tmp.refs.some((r) => r.path.node === ref.path.node));
  for (const site of inside) ctx.sites.splice(ctx.sites.indexOf(site), 1);
  const named = tmp.guess === 'random' ? 'under a random name, but with the default mode 0755 (others can list and read it)' : 'under a name another user can predict, with the default mode 0755';
  const count = inside.length ? ` (${inside.length} creation${inside.length > 1 ? 's' : ''} inside need${inside.length > 1 ? '' : 's'} nothing more)` : '';
  ctx.report(id, path.node, `${ctx.text(path.node.callee)}() makes the directory '${tmp.key}' in the shared temp directory ${named}: now fs.mkdtempSync() makes it, under a name nobody can take first and with mode 0700; the files inside keep their names${count}, and whatever removed the old directory removes this one`, true);
  return true;
}

/** What is wrong with making this directory, by how guessable its name is and whether an existing one is taken. */
function dirDanger(guess: Guess, takesExisting: boolean, modeGiven: boolean, key = ''): string {
  const readable = modeGiven ? '' : ', with the default mode 0755, so others can list and read what goes in';
  // `Math.floor(Math.random() * 100000)`: a few thousand names, which another user can all create first.
  const few = guess === 'random' ? fewRandomNames(key) : undefined;
  if (few !== undefined) {
    const name = `under one of only ${few.toLocaleString('en-US')} names (Math.random() * ${few})`;
    return takesExisting ? `${name}, and takes one that exists: another user who creates them all (or symlinks) first owns or redirects everything put in it` : `${name}: another user who creates them all first makes this call fail (EEXIST)${readable}`;
  }
  if (guess === 'random') return `under a random name${takesExisting ? ', but takes one that exists (recursive)' : ''}${readable}`;
  // `path.join(os.tmpdir(), prefix)`: what the name is depends on what callers pass, which tmpfix does not judge.
  const name = guess === 'fixed' ? 'under a fixed name' : guess === 'input' ? `under a name built from ${unjudgedPieces(key)}, which another user can predict unless it is secret or random (tmpfix cannot tell which)` : 'under a name another user can predict';
  return takesExisting
    ? `${name}, and takes one that exists: another user who creates it (or a symlink) first owns or redirects everything put in it`
    : `${name}: another user who creates it first makes this call fail (EEXIST)${readable}`;
}

// `jscodeshift -t dist/transforms/predictable-tmp-dir.js`: this rule alone.
export default jscodeshiftTransform([predictableTmpDir]);
