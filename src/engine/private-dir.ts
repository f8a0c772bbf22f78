// The shared rewrite: one private mkdtemp directory per function, every temp path of that function
// moved inside it, and removal in `finally` when the paths provably stay inside the function.
import { contains, isCall, isFunction, isMember, ownerOf, propertyName, stringValue, unwrap, walk, type Node, type Path } from './ast';
import type { CallSite, FileContext, Site } from './context';
import { REMOVALS } from './dataflow/sinks';
import { KEEPS } from './cleanup';
import { analyzeFlow, isAwaited } from './flow';
import { emitterFor } from './emit';
import { isRecursive, mayBeRecursive, secureOptions } from './options';
import { closingParen, Edits } from './text';
import { extendForDeclarations, identifiersIn, inLoopBelow, loopAround, place, type Placement } from './placement';
import { dropCheck, insertBefore, removeStatement, wrapArrowBody, wrapStatements } from './wrap';
import { keyedOnly, looksShared } from './shared-names';
import { stepsAfterRef, type TmpPath } from './dataflow/values';
import { guessOf, type Guess } from './dataflow/lattice';

interface Ref {
  tmp: TmpPath;
  owner: Path;
}

/** Every expression in the file that builds a path under the temp directory, by the node naming the directory. */
function scanRefs(ctx: FileContext): Map<Node, Ref> {
  const refs = new Map<Node, Ref>();
  const consider = (p: Path) => {
    if (excluded(ctx, p)) return;
    const tmp = ctx.tmp.tmpPathOf(p);
    // Paths built from a variable are followed through that variable by the flow analysis.
    if (!tmp || !contains(p.node, tmp.ref.path.node)) return;
    const known = refs.get(tmp.ref.path.node);
    if (known && contains(known.tmp.expr.node, p.node)) return;
    refs.set(tmp.ref.path.node, { tmp, owner: ownerOf(tmp.ref.path) });
  };
  for (const type of ['CallExpression', 'BinaryExpression', 'TemplateLiteral', 'StringLiteral']) {
    for (const path of ctx.candidates(type)) consider(path);
  }
  return refs;
}

/** Strings that only mention the temp directory: types, module names, object keys, mkdtemp prefixes. */
function excluded(ctx: FileContext, path: Path): boolean {
  for (let p: Path | null = path.parent as Path | null, depth = 0; p && depth < 12; p = p.parent as Path | null, depth++) {
    const node = p.node;
    if (node.type.startsWith('TS') && node.type !== 'TSAsExpression' && node.type !== 'TSNonNullExpression') return true;
    if (node.type === 'ImportDeclaration' || node.type.startsWith('Export') || node.type.startsWith('JSX')) return true;
    if ((node.type === 'ObjectProperty' || node.type === 'Property') && node.key === path.node) return true;
    if (isCall(node)) {
      const fs = ctx.fs.classify(p);
      if (fs && /^mkdtemp/.test(fs.method)) return true;
    }
    if (node.type.endsWith('Statement') || node.type.endsWith('Declaration') || isFunction(node)) break;
  }
  return false;
}

/**
 * The name of a function's private directory. Generated code names only the directory of its own
 * function, so every function may use the same name; it must only be new to the file.
 */
function privateDirName(ctx: FileContext): string {
  let name = 'privateDir';
  for (let i = 2; ctx.names.has(name); i++) name = `privateDir${i}`;
  return name;
}

function ownerName(owner: Node): string {
  const id = owner.id ?? owner.key;
  return id && id.type === 'Identifier' ? (id.name as string) : '';
}

export function applyPrivateDirs(ctx: FileContext): void {
  const refs = scanRefs(ctx);
  const groups = new Map<Node, { owner: Path; sites: Site[] }>();
  for (const site of ctx.sites) {
    const owner = ownerOf(site.tmp.ref.path);
    if (!refs.has(site.tmp.ref.path.node)) refs.set(site.tmp.ref.path.node, { tmp: { ...site.tmp, expr: site.tmp.ref.path }, owner });
    const group = groups.get(owner.node) ?? { owner, sites: [] };
    group.sites.push(site);
    groups.set(owner.node, group);
  }
  for (const { owner, sites } of groups.values()) rewriteOwner(ctx, owner, sites, refs);
}

function rewriteOwner(ctx: FileContext, owner: Path, allSites: Site[], refs: Map<Node, Ref>): void {
  const { source, style, edits } = ctx;
  // Names left alone on purpose in this function (a lock, a cache) keep pointing where they did,
  // and so does every creation under them.
  const wiped = new Set(allSites.filter((site) => wipedAroundUse(ctx, site.call, site.tmp.key)).map((site) => site.tmp.key));
  const kept = (key: string) => (looksShared(key) && !wiped.has(key)) || ctx.isKept(owner.node, key);
  const sites: Site[] = [];
  for (const site of allSites) {
    if (!kept(site.tmp.key)) sites.push(site);
    else ctx.report(site.ruleId, site.call.node, `${site.what}: left as it is, with the shared name '${site.tmp.key}' it belongs to (see the finding on that name)`, false);
  }
  if (sites.length === 0) return;
  const mine = [...refs.values()].filter((r) => r.owner.node === owner.node && !kept(r.tmp.key));
  const others = [...refs.values()].filter((r) => r.owner.node !== owner.node);

  // One name used by several files (one writes it, another reads it): a private directory here hides it there.
  for (const site of sites) {
    const other = Object.keys(ctx.sharedNames).find((key) => site.tmp.key === key || site.tmp.key.startsWith(`${key}/`) || site.tmp.key.split('|').includes(key));
    if (!other) continue;
    for (const s of reported(sites)) {
      ctx.report(s.ruleId, s.call.node, `${s.what}: the name '${other}' under the temp directory is also used by ${ctx.sharedNames[other]}, another file of the repository, so the files share it; a private directory here would hide it from there; not rewritten in either. Keep shared state in a per-user directory with mode 0700 (for example under os.homedir() or $XDG_RUNTIME_DIR), or pass the path between the modules`, false);
    }
    return;
  }

  // One name used from several functions is shared state: separate private directories would break it.
  for (const ref of mine) {
    const other = others.find((o) => o.tmp.key === ref.tmp.key);
    if (!other) continue;
    const where = `line ${other.tmp.expr.node.loc.start.line}`;
    for (const site of sites) {
      const own = site.tmp.key === ref.tmp.key || site.tmp.key.startsWith(`${ref.tmp.key}/`);
      const why = own
        ? `the name '${ref.tmp.key}' under the temp directory is also used at ${where}, in another function, so it is shared between them`
        : `this function also uses '${ref.tmp.key}', which another function shares (${where}), and one function's temp paths move together`;
      ctx.report(site.ruleId, site.call.node, `${site.what}: ${why}; not rewritten. Keep shared state in a per-user directory with mode 0700 (for example under os.homedir() or $XDG_RUNTIME_DIR), or pass the path between the functions`, false);
    }
    return;
  }

  const ignored = sites.flatMap((s) => (s.check ? [s.check.test] : []));
  const flow = analyzeFlow(ctx, owner, mine.map((r) => r.tmp.expr), ignored);
  // A creation in a callee (the path came in as its parameter) is placed by the call that passes it.
  const elements: Path[] = [...mine.map((r) => r.tmp.expr), ...flow.uses, ...sites.map((s) => s.check?.statement ?? s.call)].filter((e) => contains(owner.node, e.node));
  const ownerNode = owner.node;
  const isAsync = !!ownerNode.async || (ownerNode.type === 'Program' && sites.some((s) => isAwaited(s.call)));

  // Written, never used again, and its name goes nowhere: something outside the program is meant to
  // find the file by that name, and a private directory would hide it.
  if (flow.consumers === 0 && flow.escapes.length === flow.creationEscapes && !flow.announced) {
    for (const site of reported(sites)) {
      ctx.report(site.ruleId, site.call.node, `${site.what}: nothing in this function uses it afterwards and its name is not returned, passed on or printed, so another program or a person is meant to find it by that name; a private directory would hide it, so it is not rewritten. Write it under a per-user directory with mode 0700 (for example under os.homedir())${site.tmp.guess === 'random' ? ', create it with { flag: \'wx\', mode: 0o600 },' : ''} or drop it if it is leftover debugging`, false);
    }
    return;
  }

  // A module-level path used from functions is state shared by every call, and often by every run
  // (`save()` in one run, `load()` in the next): a private directory made at load time would lose it.
  if (ownerNode.type === 'Program' && flow.escapes.some((r) => r.startsWith('a nested function'))) {
    // A test file's module-level path is the suite's: its hooks make and wipe it, its tests use it.
    const testFile = isTestFile(ownerNode);
    for (const site of reported(sites)) {
      const why = testFile
        ? 'the path is defined at module level and shared by the hooks and tests of this test file, which run after the module has loaded; a private directory made when it loads would never be removed; not rewritten. Make it with fs.mkdtempSync in beforeEach() (or beforeAll()), kept in a let, and remove it in the matching after hook'
        : 'the path is defined at module level and used from functions, so every call (and possibly every run) shares the file; a private directory made when the module loads would lose it between runs and be left behind; not rewritten. Keep such state in a per-user directory with mode 0700 (for example under os.homedir()), or make the path inside the function that uses it';
      ctx.report(site.ruleId, site.call.node, `${site.what}: ${why}`, false);
    }
    return;
  }
  // A path of a test suite's describe() callback used from its hooks and tests: the callback runs once,
  // when the suite is collected, and the hooks and tests share the path after it has returned.
  const suite = isFunction(ownerNode) ? suiteName(ctx, owner) : undefined;
  if (suite && flow.escapes.some((r) => r.startsWith('a nested function'))) {
    for (const site of reported(sites)) {
      ctx.report(site.ruleId, site.call.node, `${site.what}: the path is defined in the ${suite}() callback and used from its hooks and tests, which run after the callback has returned and share it; a private directory made there would be made once, when the suite is collected, and never removed; not rewritten. Make it with fs.mkdtempSync in beforeEach() (or beforeAll()), kept in a let of the suite, and remove it in the matching after hook`, false);
    }
    return;
  }
  // A directory made if missing and handed back is shared by every call (`workDir()`), and maybe by
  // every run: a new private directory per call would break that.
  if (sites.some((s) => ensuresAndReturns(ctx, s, owner))) {
    for (const site of reported(sites)) ctx.report(site.ruleId, site.call.node, `${site.what}: ${ensuredAndReturned(site.tmp.guess, randomDefault(ctx, owner.node))}`, false);
    return;
  }

  const reasons = [...flow.escapes];
  if (reasons.length === 0 && flow.consumers === 0) reasons.push('the function only prints where the file is, so it is meant for a person to read');

  const arrowBody = ownerNode.type === 'ArrowFunctionExpression' && ownerNode.body.type !== 'BlockStatement';
  const placement = arrowBody ? undefined : place(elements, owner);
  if (!arrowBody && !placement) return;
  // The old code removes every file here itself: handing one to a call on the way (a child process
  // it waits for, an unknown function) does not make it the callee's, so a finally can hold the
  // directory, as missing-tmp-cleanup would have it (one decision, and a second run changes nothing).
  if (placement && reasons.length > 0 && reasons.every((r) => flow.escapes.includes(r) && !KEEPS.some((keeps) => r.startsWith(keeps))) && removedInOwner(ctx, mine, sites, owner)) {
    reasons.length = 0;
  }
  if (placement && reasons.length === 0) {
    extendForDeclarations(placement);
    const body = placement.list.body as Node[];
    for (let i = placement.first; i <= placement.last; i++) {
      if (body[i].type === 'ImportDeclaration' || body[i].type.startsWith('Export') || body[i].type === 'TSImportEqualsDeclaration') {
        reasons.push('the code sits at module level among exports, which cannot move into a try block');
        break;
      }
      if (body[i].type === 'TSModuleDeclaration' || body[i].declare) {
        reasons.push('the code sits among namespace or declare statements, which cannot move into a try block');
        break;
      }
    }
  }
  const cleanup = reasons.length === 0;

  // Without a finally, the private directory goes where the old code removed the file (issue: an
  // unlink kept as it was would leave the empty directory behind on every call).
  const removal = cleanup ? undefined : followedRemoval(ctx, mine, sites, owner);
  if (removal?.problem) {
    if (hardenInPlace(ctx, sites, owner, flow.uses, `a private directory would be left behind: ${removal.problem}`)) return;
    for (const site of reported(sites)) {
      ctx.report(site.ruleId, site.call.node, `${site.what}: the old code removes the file (line ${removal.line}), but ${removal.problem}, and keeping its removal would leave an empty private directory on every call; not rewritten. Remove the private directory from fs.mkdtempSync where the last of its files is done with`, false);
    }
    return;
  }
  const removals = removal?.calls ?? [];
  // `if (!homeDir) homeDir = path.join(os.tmpdir(), …)`: the variable keeps the first call's path for
  // every later call, so a private directory made per call would be left behind by all but the first.
  const memo = cleanup ? undefined : memoized(ctx, mine, flow.outerVariables);
  if (memo) {
    for (const site of reported(sites)) {
      ctx.report(site.ruleId, site.call.node, `${site.what}: ${memo.name} is set only while it is empty (line ${memo.line}) and lives outside the function, so later calls reuse the first call's path; a private directory made on each call would be left behind by every call after the first, and one made once would be re-created at a known name after its removal; not rewritten. Make the directory with fs.mkdtempSync where ${memo.name} is set, and clear ${memo.name} where the directory is removed`, false);
    }
    return;
  }
  // A random name made afresh on every call lacks only exclusive, owner-only creation. Given that in
  // place, the file keeps its name and its lifetime (whoever removed it still does), where a private
  // directory that nothing here removes would be one more entry per call than the old code left.
  if (!cleanup && removals.length === 0 && hardenInPlace(ctx, sites, owner, flow.uses, `a private directory${reasons[0] ? `, since ${reasons[0]},` : ''} would be left behind on every call`)) return;
  // Nobody can remove a private directory the path goes off with (a callback chain, a child process,
  // a stream, an unknown function): one per call would pile up where the old code reused one name.
  // A caller that gets the path back can, and the finding tells it what to remove.
  if (!cleanup && removals.length === 0 && flow.outerVariables.length === 0 && !/^it is (returned|yielded)/.test(reasons[0])) {
    // `await removeFileOrDirectory(tmp)`: a helper of the project that says it removes the path (tmpfix cannot see into it).
    const helper = removalHelper(ctx, mine, owner);
    // Module-level code runs once per process: what piles up is one directory per run, not per call.
    const each = owner.node.type === 'Program' ? 'run' : 'call';
    for (const site of reported(sites)) {
      const removedBy = helper ? `only ${helper.name}() at line ${helper.line}, which tmpfix cannot see into, removes it` : `nothing removes ${site.fs.creates === 'dir' ? 'the directory' : 'the file'}`;
      ctx.report(site.ruleId, site.call.node, `${site.what}: ${reasons[0]}, and ${removedBy}, so a private directory per ${each} would be left behind${site.tmp.guess === 'fixed' ? ' where the old code reused one name' : `, one more entry on every ${each} than the old code left`}; not rewritten. Create it in a directory from fs.mkdtempSync made once and removed when the work is done, or ${site.fs.creates === 'dir' ? 'make it with fs.mkdtempSync itself and remove it where it is no longer needed' : site.tmp.guess !== 'fixed' ? 'create it with { flag: \'wx\', mode: 0o600 } and remove it where it is no longer needed' : 'keep it in a per-user directory with mode 0700 (for example under os.homedir()); \'wx\' alone would make the next call fail on the file this one leaves'}`, false);
    }
    return;
  }
  // Without cleanup, the directory is made where the paths are (inside the branch that writes the
  // file, not before it): a call that skips the branch leaves nothing behind, as before.
  if (!cleanup && placement) {
    const made = [...mine.map((r) => r.tmp.expr), ...sites.map((s) => s.check?.statement ?? s.call), ...removals.map((r) => r.path)].filter((e) => contains(ownerNode, e.node));
    const narrow = place(made, owner);
    if (narrow && narrow.list !== placement.list && contains(placement.list, narrow.list)) Object.assign(placement, narrow);
  }
  // Without cleanup, a directory per loop pass would pile up: one for the whole function instead,
  // unless each pass removes its own (a removal inside the loop).
  if (!cleanup && placement && elements.some((e) => loopAround(placement.list, e, owner)) && !removals.some((r) => contains(placement.list, r.path.node))) {
    const outer = place(elements, owner, 0);
    if (outer) Object.assign(placement, outer);
  }
  // Without a finally, a return or throw between the new directory and the first creation leaves
  // the directory behind where the old code had made nothing yet (`if (!items.length) return 0`).
  if (!cleanup && placement) {
    const from = (placement.list.body as Node[])[placement.first].start;
    const exit = exitBetween(ownerNode, from, Math.min(...sites.map((s) => s.call.node.start)));
    if (exit && hardenInPlace(ctx, sites, owner, flow.uses, `a private directory made with the path would be left behind when the function ${exit.type === 'ThrowStatement' ? 'throws' : 'returns'} at line ${exit.loc.start.line}`)) return;
    if (exit) {
      const removedAt = removals.length > 0 ? `the old code removes the file only at line ${removals.map((r) => r.path.node.loc.start.line).join(', ')}` : `${reasons[0]}, so nothing here can remove the directory`;
      for (const site of reported(sites)) {
        ctx.report(site.ruleId, site.call.node, `${site.what}: the function can ${exit.type === 'ThrowStatement' ? 'throw' : 'return'} at line ${exit.loc.start.line}, after the path is built and before the file is created, and ${removedAt}: a private directory made with the path would be left behind on that way out, where the old code left nothing; not rewritten. Build the path after line ${exit.loc.start.line} (so the directory is made only when the file is), or remove the directory on that way out too`, false);
      }
      return;
    }
  }
  if (!cleanup && removals.length === 0 && flow.outerVariables.length > 0) {
    const name = flow.outerVariables[0].name as string;
    for (const site of reported(sites)) {
      ctx.report(site.ruleId, site.call.node, `${site.what}: the path is kept in ${name}, which lives outside the function and is read elsewhere, and nothing removes it; a private directory per call would pile up where the old code reused one file; not rewritten. Make the directory once (fs.mkdtempSync) where ${name} is declared and remove it where its users are done`, false);
    }
    return;
  }

  const dir = privateDirName(ctx);
  const stem = sites.map((s) => s.tmp.stem).find((s) => s) || ownerName(ownerNode) || 'tmp';
  const at = placement ? ctx.tree.pathOf((placement.list.body as Node[])[placement.first]) : owner;
  // The target's shape where the directory is removed here; a plain path where it outlives the function.
  let target = ctx.target;
  let shapeNote = '';
  if (target !== 'node' && !cleanup) shapeNote = ` (the node shape: the caller gets a plain path to remove${target === 'node24' ? ', and `using` would remove it too early' : ''})`;
  if (target === 'node24' && cleanup && placement?.list.type === 'Program' && !ctx.modules.esm) {
    target = 'node';
    shapeNote = ' (the node shape: `using` cannot stand at the top level of a CommonJS script)';
  }
  const tmpPromise = ctx.modules.hasBinding('tmpPromise');
  const code = emitterFor(target, ctx.modules, style).privateDir({ dir, stem, isAsync, at, cleanup, tmpPromise });
  const adopted = placement && !arrowBody && code.path === dir && !code.scoped ? adoptable(sites, mine, placement) : undefined;
  const dirName = adopted ? adopted.name : dir;
  const dirPath = adopted ? adopted.name : code.path;

  // `return fsp.readFile(p)` must finish before the finally (or the block's end) removes the directory.
  if (cleanup) for (const call of flow.returnAwait) edits.insert(call.node.start, 'await ');

  if (adopted) {
    // `const dir = path.join(os.tmpdir(), 'x'); fs.mkdirSync(dir)` becomes `const dir = fs.mkdtempSync(...)`.
    edits.replace(adopted.init.start, adopted.init.end, code.create);
    removeStatement(ctx, adopted.mkdir);
    const body = placement!.list.body as Node[];
    const first = body.findIndex((n, i) => i > placement!.first && n !== adopted.mkdir);
    secureCreations(ctx, sites.filter((s) => s.fs.creates !== 'dir'), placement!.list, flow.uses);
    const remove = code.remove().replace(new RegExp(`\\b${dir}\\b`, 'g'), dirName);
    if (cleanup && first !== -1 && first <= placement!.last) wrapStatements(ctx, body, first, placement!.last, '', remove);
  } else {
    // The directory part of every temp path in this function now names the private directory;
    // names shared on purpose (a socket, a lock) keep pointing where other processes look.
    for (const ref of mine) {
      if (ignored.some((test) => contains(test, ref.tmp.ref.path.node))) continue;
      if (removals.some((removal) => contains(removal.path.node, ref.tmp.ref.path.node))) continue;
      replaceRef(ctx, ref.tmp, dirPath);
    }
    secureCreations(ctx, sites, placement?.list ?? ownerNode, flow.uses);
    for (const site of sites) if (site.check) dropCheck(ctx, site.check.statement.node, site.check.keep);

    if (arrowBody) wrapArrowBody(ctx, ownerNode, code.declaration, cleanup && !code.scoped ? code.remove() : undefined);
    else if (placement) {
      const body = placement.list.body as Node[];
      // `using`: the block's end removes it, so the declaration goes in front and nothing is wrapped.
      if (cleanup && !code.scoped) wrapStatements(ctx, body, placement.first, placement.last, code.declaration, code.remove());
      else insertBefore(ctx, body, placement.first, code.declaration);
    }
  }

  // Removals of the files one after the other: the first removes the directory, the rest go.
  const ordered = [...removals].sort((a, b) => a.path.node.start - b.path.node.start);
  for (const [i, call] of ordered.entries()) {
    if (i > 0 && removal?.together) removeStatement(ctx, statementAround(call.path).node);
    // An adopted directory is the private directory itself: its removal names it already, and its
    // dirname is the shared temp directory. A recursive removal stays as it is.
    else if (adopted) {
      const args = call.path.node.arguments as Node[];
      if (call.call.method !== 'remove' && !isRecursive(args.slice(1, 2))) replaceRemoval(ctx, call, ctx.text(args[0]), owner, true);
    } else replaceRemoval(ctx, call, dirPath, owner);
  }

  for (const site of sites) {
    if (removals.length > 0) {
      const lines = removals.map((r) => r.path.node.loc.start.line).join(', ');
      ctx.report(site.ruleId, site.call.node, `${site.what}: moved into a private mkdtemp directory (mode 0700), removed where the old code removed the file (line ${lines}), since ${reasons[0]}${shapeNote}`, true);
      continue;
    }
    const caller = reasons[0] === 'it is returned' ? ': the caller now owns the whole private directory, so removing the file alone leaves the directory behind (remove path.dirname(file) with fs.rmSync(…, { recursive: true, force: true }))' : '';
    const removed = code.scoped ? 'removed when its block ends (using)' : target === 'tmp' ? 'removed in finally (tmp)' : 'removed in finally';
    const where = cleanup ? removed : `not removed: cleanup is left to the caller, because ${reasons[0]}${caller}`;
    // The caller of a function that returns the path owns the directory the path is in.
    const callerRemoves = !cleanup ? (reasons[0] === 'it is returned' ? 'path.dirname() of the returned path' : 'the private directory of this path') : undefined;
    ctx.report(site.ruleId, site.call.node, `${site.what}: moved into a private ${target === 'tmp' && cleanup ? 'tmp.dirSync' : 'mkdtemp'} directory (mode 0700), ${where}${shapeNote}`, true, callerRemoves);
  }
}

/**
 * The call that removed this function's temp file (`fs.unlinkSync(file)` later, in a callback, in a
 * `'close'` handler, in another function through a variable): where the private directory can go
 * instead. Only when that is safe: one file in the directory, one removal of it, after its creation,
 * of this very path (not a helper's parameter that other callers use too); else `problem` says why.
 */
/**
 * The sites a refusal is said of: a file made inside a directory that the same plan makes with a
 * plain `mkdirSync` (no `recursive`, so it fails on a planted name) cannot be planted itself; the
 * directory's finding says all there is to say about both.
 */
function reported(sites: Site[]): Site[] {
  const exclusiveDirs = sites.filter((s) => s.fs.creates === 'dir' && !acceptsExisting(s));
  return sites.filter((s) => s.fs.creates === 'dir' || !exclusiveDirs.some((d) => s.tmp.key.startsWith(`${d.tmp.key}/`)));
}

/** `mkdirSync(p, { recursive: true })`, fs-extra's `ensureDir`, `mkdirp`: a directory that exists already is taken as it is. */
export function acceptsExisting(site: Site): boolean {
  const args = site.call.node.arguments as Node[];
  return site.fs.method !== 'mkdir' || guardedByExists(site.call) || failureSwallowed(site.call) || mayBeRecursive(args);
}

/**
 * `try { fs.mkdirSync(dir) } catch {}`: the failure on a name that exists is ignored and the code goes
 * on with whatever is there, as a recursive mkdir would.
 */
function failureSwallowed(call: Path): boolean {
  const statement = call.parent as Path | null;
  const block = statement?.parent as Path | null;
  const tryPath = block?.parent as Path | null;
  if (statement?.node.type !== 'ExpressionStatement' || unwrap(statement.node.expression) !== call.node) return false;
  const tryNode = tryPath?.node;
  return tryNode?.type === 'TryStatement' && tryNode.block === block!.node && !!tryNode.handler && (tryNode.handler.body.body as Node[]).length === 0;
}

/**
 * `!fs.existsSync(dir) && fs.mkdirSync(dir)`, `if (!fs.existsSync(dir)) fs.mkdirSync(dir)`: a directory
 * that is there already (another user's, or a symlink to one) is used as it is, not refused.
 */
function guardedByExists(call: Path): boolean {
  let child: Node = call.node;
  for (let p = call.parent as Path | null, depth = 0; p && depth < 4; child = p.node, p = p.parent as Path | null, depth++) {
    const node = p.node;
    const test = node.type === 'LogicalExpression' && node.operator === '&&' && node.right === child ? node.left : node.type === 'IfStatement' && node.test !== child ? node.test : undefined;
    if (test) {
      const t = unwrap(test);
      if (t.type !== 'UnaryExpression' || t.operator !== '!' || !isCall(unwrap(t.argument))) return false;
      const callee = unwrap(unwrap(t.argument).callee);
      const name = isMember(callee) ? propertyName(callee) : callee.type === 'Identifier' ? (callee.name as string) : undefined;
      return /existsSync$|^exists$|pathExistsSync$/.test(name ?? '');
    }
    if (node.type !== 'ExpressionStatement' && node.type !== 'BlockStatement') return false;
  }
  return false;
}

const SUITE = /^(?:describe|context|suite)$/;
const TEST_CALL = /^(?:(?:before|after)(?:Each|All)?|describe|context|suite|test|it)$/;

/** A test file: the program calls a test framework's hooks or suites at its top level (`beforeEach(…)`, `describe(…)`). */
function isTestFile(program: Node): boolean {
  return (program.body as Node[]).some((statement) => {
    if (statement.type !== 'ExpressionStatement' || !isCall(statement.expression)) return false;
    let callee = unwrap(statement.expression.callee);
    if (isCall(callee)) callee = unwrap(callee.callee); // describe.each(table)(…)
    while (isMember(callee)) callee = unwrap(callee.object); // describe.skip(…), test.concurrent(…)
    return callee.type === 'Identifier' && TEST_CALL.test(callee.name as string);
  });
}

/** The name of the suite function `owner` is the callback of (`describe`, `describe.each(…)`), if it is one. */
function suiteName(ctx: FileContext, owner: Path): string | undefined {
  const parent = owner.parent?.node as Node | undefined;
  if (!parent || !isCall(parent) || !(parent.arguments as Node[]).includes(owner.node)) return undefined;
  let callee = unwrap(parent.callee);
  if (isCall(callee)) callee = unwrap(callee.callee); // describe.each(table)(name, fn)
  while (isMember(callee)) callee = unwrap(callee.object); // describe.only, describe.each
  return callee.type === 'Identifier' && SUITE.test(callee.name) ? ctx.text(parent.callee).replace(/\(.*$/s, '') : undefined;
}

/** Names that say they remove what they are given: `removeFileOrDirectory`, `rimraf`, `cleanup`, `deleteDir`. */
const REMOVER_NAME = /^(?:remove|rm|rimraf|rmrf|del|delete|unlink|clean|cleanup|purge|wipe)(?:[A-Z_]\w*)?$/;

/** A callee whose last name says it removes what it is given (`fs.rmSync`, `cleanup`, `helpers.removeDir`). */
export function namedAsRemover(callee: string): boolean {
  return REMOVER_NAME.test(callee.split('.').pop() ?? '');
}

/** A call in `owner` of a helper tmpfix cannot see whose name says it removes, on one of these paths. */
function removalHelper(ctx: FileContext, mine: Ref[], owner: Path): { name: string; line: number } | undefined {
  const refs = new Set(mine.map((r) => r.tmp.ref.path.node));
  for (const node of ctx.tree.ofType('CallExpression')) {
    if (!contains(owner.node, node) || (node.arguments as Node[]).length === 0) continue;
    const callee = unwrap(node.callee);
    const name = callee.type === 'Identifier' ? (callee.name as string) : isMember(callee) ? propertyName(callee) ?? '' : '';
    if (!REMOVER_NAME.test(name)) continue;
    const path = ctx.tree.pathOf(node);
    if (ctx.fs.classify(path)) continue;
    const tmp = ctx.values.tmpPathOf(path.get('arguments', 0) as Path);
    if (tmp && tmp.refs.some((r) => refs.has(r.path.node))) return { name: ctx.text(node.callee), line: node.loc.start.line };
  }
  return undefined;
}

function followedRemoval(ctx: FileContext, mine: Ref[], sites: Site[], owner: Path): { calls?: CallSite[]; problem?: string; line?: number; together?: boolean } | undefined {
  const refs = new Set(mine.map((r) => r.tmp.ref.path.node));
  const found = ctx.fsCalls().filter(({ path, call }) => {
    if (!REMOVALS.has(call.method) || (path.node.arguments as Node[]).length === 0) return false;
    const tmp = ctx.values.tmpPathOf(path.get('arguments', 0) as Path);
    return !!tmp && tmp.refs.some((r) => refs.has(r.path.node));
  });
  // A removal before the first creation is a clean start (`try { unlinkSync(p) } catch {}`), not the end.
  const firstCreation = Math.min(...sites.map((s) => s.call.node.start));
  const ends = found.filter(({ path }) => !(path.node.start < firstCreation && ownerOf(path).node === owner.node));
  if (ends.length === 0) return undefined;
  found.splice(0, found.length, ...ends);
  const line = found[0].path.node.loc.start.line;
  // Files made inside a directory this plan makes go with it when its removal is recursive
  // (`rmSync(dir, { recursive: true })` in afterEach takes `dir/a.json` along).
  const recursiveRemoval = found.some(({ path, call }) => call.method === 'remove' || isRecursive((path.node.arguments as Node[]).slice(1, 2)));
  const dirKeys = recursiveRemoval ? sites.filter((s) => s.fs.creates === 'dir').map((s) => s.tmp.key) : [];
  const keys = new Set([...mine.map((r) => r.tmp.key), ...sites.map((s) => s.tmp.key)].filter((key) => !dirKeys.some((dir) => key.startsWith(`${dir}/`))));
  // `unlinkSync(a); unlinkSync(b)` one after the other: one place removes them all, and so the directory.
  const together = keys.size > 1 && removedTogether(ctx, found, keys);
  if (keys.size > 1 && !together) return { problem: `the private directory would hold ${keys.size} files whose removals run separately`, line };
  // Removals in the two branches of one `if`/`?:` (marktext: one per uploader's callback): exactly one runs.
  if (found.length > 1 && !together && !found.every((a, i) => found.every((b, j) => i === j || exclusiveBranches(a.path, b.path)))) {
    return { problem: `the file is removed in several places (lines ${found.map((f) => f.path.node.loc.start.line).join(', ')}) and tmpfix cannot prove that only one of them runs`, line };
  }
  for (const one of found) {
    const tmp = ctx.values.tmpPathOf(one.path.get('arguments', 0) as Path)!;
    const at = one.path.node.loc.start.line;
    // marktext: `filepath = path.join(tmpdir(), …)` only when the caller gave no path, removed under the same condition.
    if (tmp.mixed) return { problem: `${ctx.text((one.path.node.arguments as Node[])[0])} holds other paths than this temp file on other runs, so its removal there is not this file's alone`, line: at };
    if (stepsAfterRef(tmp.facts[0]).some((step) => step.kind === 'param')) {
      return { problem: `the removal is in a helper (${ctx.text(one.path.node.callee)}() on its parameter) that other callers use for other files`, line: at };
    }
  }
  return { calls: found, line, together };
}

/**
 * The removals are statements next to each other in one block (`unlinkSync(dev); unlinkSync(prod)`
 * in a `finally`), one for each file, of no path a helper's parameter or another run's value holds:
 * the first of them can remove the whole directory, the rest then find nothing (force: true).
 */
function removedTogether(ctx: FileContext, found: CallSite[], keys: Set<string>): boolean {
  const statements = found.map((f) => statementAround(f.path));
  if (statements.some((st) => st.node.type !== 'ExpressionStatement')) return false;
  const block = statements[0].parent?.node;
  if (!block || !Array.isArray(block.body) || statements.some((st) => st.parent?.node !== block)) return false;
  const indexes = statements.map((st) => (block.body as Node[]).indexOf(st.node)).sort((a, b) => a - b);
  if (indexes.some((index, i) => i > 0 && index !== indexes[i - 1] + 1)) return false;
  const removed = new Set<string>();
  for (const one of found) {
    const tmp = ctx.values.tmpPathOf(one.path.get('arguments', 0) as Path);
    if (!tmp || tmp.mixed || stepsAfterRef(tmp.facts[0]).some((step) => step.kind === 'param')) return false;
    for (const key of tmp.key.split('|')) removed.add(key);
  }
  return [...keys].every((key) => key.split('|').every((one) => removed.has(one)));
}

/**
 * An outer variable given a temp path only when it is empty: `if (!x) x = …`, `x = x || …`, `x ||= …`,
 * `x ??= …`. Where it is, and its name.
 */
function memoized(ctx: FileContext, mine: Ref[], outer: Node[]): { name: string; line: number } | undefined {
  const names = new Set(outer.map((id) => id.name as string));
  if (names.size === 0) return undefined;
  const mentions = (node: Node, name: string): boolean => {
    let found = false;
    walk(node, (child) => {
      if (child.type === 'Identifier' && child.name === name) found = true;
    });
    return found || (node.type === 'Identifier' && node.name === name);
  };
  for (const ref of mine) {
    let current: Path = ref.tmp.expr;
    while (current.parent && (current.parent.node.type === 'ParenthesizedExpression' || current.parent.node.type === 'LogicalExpression' || current.parent.node.type === 'ConditionalExpression')) current = current.parent as Path;
    const assignment = current.parent?.node;
    if (assignment?.type !== 'AssignmentExpression' || assignment.left.type !== 'Identifier' || !names.has(assignment.left.name as string)) continue;
    const name = assignment.left.name as string;
    const line = assignment.loc.start.line as number;
    if (assignment.operator === '||=' || assignment.operator === '??=') return { name, line };
    if (assignment.right.type === 'LogicalExpression' && mentions(assignment.right.left, name)) return { name, line };
    for (let p = current.parent as Path | null; p && !isFunction(p.node); p = p.parent as Path | null) {
      const node = p.node;
      if (node.type === 'IfStatement' && contains(node.consequent, assignment) && mentions(node.test, name)) return { name, line: node.loc.start.line };
      if (node.type === 'LogicalExpression' && contains(node.right, assignment) && mentions(node.left, name)) return { name, line: node.loc.start.line };
    }
  }
  return undefined;
}

/** A `return` or `throw` of `owner` itself (not of a function inside it) that starts in from..to. */
function exitBetween(owner: Node, from: number, to: number): Node | undefined {
  let found: Node | undefined;
  walk(owner.body ?? owner, (node) => {
    if (found || node.end <= from || node.start >= to) return false;
    if (isFunction(node)) return false;
    if ((node.type === 'ReturnStatement' || node.type === 'ThrowStatement') && node.start >= from) {
      found = node;
      return false;
    }
  });
  return found;
}

/** The statement a call stands as (through `await` and parentheses), or the call itself. */
function statementAround(path: Path): Path {
  let current: Path = path;
  while (current.parent && (current.parent.node.type === 'AwaitExpression' || current.parent.node.type === 'ParenthesizedExpression')) current = current.parent as Path;
  return current.parent?.node.type === 'ExpressionStatement' ? (current.parent as Path) : path;
}

/** `a` and `b` sit in different branches of the same `if`/`else` or `?:`: no run reaches both. */
function exclusiveBranches(a: Path, b: Path): boolean {
  const chain = (p: Path): Path[] => {
    const list: Path[] = [];
    for (let c: Path | null | undefined = p; c; c = c.parent as Path | null) list.push(c);
    return list;
  };
  const ca = chain(a);
  const cb = chain(b);
  const inB = new Map(cb.map((p, i) => [p.node, i]));
  for (let i = 1; i < ca.length; i++) {
    const j = inB.get(ca[i].node);
    if (j === undefined) continue;
    const common = ca[i].node;
    if (j === 0 || (common.type !== 'IfStatement' && common.type !== 'ConditionalExpression')) return false;
    const branches = [common.consequent, common.alternate];
    const fromA = ca[i - 1].node;
    const fromB = cb[j - 1].node;
    return fromA !== fromB && branches.includes(fromA) && branches.includes(fromB);
  }
  return false;
}

/** Every file of the function is removed in its own body (not a callback), after it is made. */
function removedInOwner(ctx: FileContext, mine: Ref[], sites: Site[], owner: Path): boolean {
  const refs = new Set(mine.map((r) => r.tmp.ref.path.node));
  const firstCreation = Math.min(...sites.map((s) => s.call.node.start));
  const removed = new Set<string>();
  for (const { path, call } of ctx.fsCalls()) {
    if (!REMOVALS.has(call.method) || (path.node.arguments as Node[]).length === 0 || path.node.start < firstCreation || ownerOf(path).node !== owner.node) continue;
    const tmp = ctx.values.tmpPathOf(path.get('arguments', 0) as Path);
    if (tmp && !tmp.mixed && tmp.refs.some((r) => refs.has(r.path.node))) removed.add(tmp.key);
  }
  return sites.every((site) => removed.has(site.tmp.key));
}

/**
 * `fs.unlinkSync(file)` becomes `fs.rmSync(privateDir, { recursive: true, force: true })` (in another
 * function, where the directory's name is not in scope: `path.dirname(file)`), keeping the call's style.
 */
export function replaceRemoval(ctx: FileContext, { path, call }: CallSite, dir: string, owner: Path, itself = false): void {
  const node = path.node;
  const args = node.arguments as Node[];
  // `itself`: the removal's own argument is the private directory (never its dirname: the temp root).
  const inScope = itself || (contains(owner.node, node) && !ctx.scopes.lookup(path, dir));
  const target = inScope ? dir : `${ctx.modules.reference('path', 'dirname', path)}(${ctx.text(args[0])})`;
  const callback = call.api === 'callback' && args.length > 1 ? `, ${ctx.text(args[args.length - 1])}` : '';
  if (call.method === 'remove') {
    // fs-extra's remove is recursive and forgiving already.
    ctx.edits.replace(args[0].start, args[0].end, target);
    return;
  }
  const callee = call.api === 'sync' ? ctx.modules.reference('fs', 'rmSync', path) : call.api === 'callback' ? ctx.modules.reference('fs', 'rm', path) : ctx.modules.reference('fsPromises', 'rm', path);
  ctx.edits.replace(node.start, node.end, `${callee}(${target}, { recursive: true, force: true }${callback})`);
}

/**
 * `mkdirSync(dir, { recursive: true })` (or `ensureDir`, or behind `if (!existsSync(dir))`) and then
 * `return dir`: the directory is made only when missing and handed out, so calls share it.
 */
/**
 * Why a directory made if missing and returned is not rewritten, by its name: a fixed one is shared by
 * every call (and run); one the callers name (zx's `tempdir(prefix)`) or a random one is theirs to keep.
 */
function ensuredAndReturned(guess: Guess, randomByDefault: boolean): string {
  if (guess === 'random' || (guess === 'input' && randomByDefault)) {
    const owned = 'if it is missing and returns it, so its callers own it and its cleanup; a private directory made and removed here would be gone before they use it; not rewritten.';
    if (guess === 'random') {
      return `the function makes the directory under a random name ${owned} Make it with fs.mkdtempSync(path.join(os.tmpdir(), prefix)) instead: a new directory with mode 0700 on every call, which nobody can create first (its name gets six random characters), and which the callers remove`;
    }
    // zx documents `tempdir('foo')` as `<tmp>/foo`: the callers' name must stay the last part of the path.
    return `the function makes the directory under the name its callers give (a caller that passes the same name twice gets the same directory) ${owned} Keep the callers' names, but under a private parent: make one directory with fs.mkdtempSync (mode 0700, which nobody can create first) the first time, make the named directory inside it, and remove the parent when the process exits`;
  }
  return 'the function makes the directory if it is missing and returns it, so its callers share one directory across calls (and later runs too, when it is a cache); a new private directory per call would break that; not rewritten. Where later runs must find it again (a download cache), keep it in a per-user directory with mode 0700 (under os.homedir() or $XDG_CACHE_HOME); else make it once with fs.mkdtempSync where the program starts and pass it along';
}

/** `function tempdir(prefix = `zx-${randomId()}`)`: a parameter whose default is a random name, so the callers choose the name or get a new one. */
function randomDefault(ctx: FileContext, fn: Node): boolean {
  return ((fn.params ?? []) as Node[]).some((param) => param.type === 'AssignmentPattern' && guessOf(`\${${ctx.text(param.right)}}`) === 'random');
}

function ensuresAndReturns(ctx: FileContext, site: Site, owner: Path): boolean {
  if (site.fs.creates !== 'dir') return false;
  const args = site.call.node.arguments as Node[];
  if (!isRecursive(args.slice(site.fs.target + 1, site.fs.target + 2)) && !site.check && !/^(ensureDir|mkdirp|mkdirs)$/.test(site.fs.method)) return false;
  const target = ctx.text(unwrap(args[site.fs.target]));
  let returned = false;
  walk(owner.node.body ?? owner.node, (node) => {
    if (node.type === 'ReturnStatement' && node.argument && ctx.text(unwrap(node.argument)) === target) returned = true;
  }, true);
  return returned;
}

/**
 * `fs.writeFileSync(path.join(os.tmpdir(), randomUUID()), data)` in a function that hands the path
 * on: `{ flag: 'wx', mode: 0o600 }` on the creation, nothing else. Only where every site is a file
 * under a name from a secure random source evaluated in this function on each call (so 'wx' never
 * meets a name this code made before), created once per key outside any loop, and each creation
 * takes the options (a variable holding them cannot be changed).
 */
function hardenInPlace(ctx: FileContext, sites: Site[], owner: Path, uses: Path[], instead: string): boolean {
  const ownerNode = owner.node;
  const firstOfKey = new Map<string, Site>();
  for (const site of [...sites].sort((a, b) => a.call.node.start - b.call.node.start)) {
    const { tmp } = site;
    if (site.fs.creates !== 'file' || site.check || tmp.guess !== 'random' || tmp.made !== 'code' || tmp.mixed) return false;
    if (!contains(ownerNode, site.call.node) || !contains(ownerNode, tmp.expr.node) || inLoopBelow(site.call, ownerNode)) return false;
    if (!freshRandomEachCall(ctx, tmp, ownerNode)) return false;
    if (!firstOfKey.has(tmp.key)) firstOfKey.set(tmp.key, site);
  }
  // Handed to a program or a callee before its first write: 'wx' would fail on what they made.
  for (const site of firstOfKey.values()) {
    if (uses.some((use) => use.node.start < site.call.node.start && !contains(site.call.node, use.node) && handedToCall(ctx, use) && ctx.values.tmpPathOf(use)?.key === site.tmp.key)) return false;
  }
  const planned = sites.map((site) => {
    const scratch = new Edits(ctx.source, ctx.edits.lineStarts);
    secureOptions(site.call.node, site.fs, firstOfKey.get(site.tmp.key) === site, ctx.source, ctx.style, scratch);
    return scratch;
  });
  if (planned.some((edits) => edits.empty)) return false;
  for (const site of sites) secureOptions(site.call.node, site.fs, firstOfKey.get(site.tmp.key) === site, ctx.source, ctx.style, ctx.edits);
  for (const site of sites) {
    const first = firstOfKey.get(site.tmp.key)!;
    const given = first === site
      ? `given { flag: '${site.fs.append ? 'ax' : 'wx'}', mode: 0o600 } in place: the name is random and new on every call, so exclusive, owner-only creation is all it lacked`
      : `given mode 0o600 in place (line ${first.call.node.loc.start.line} creates it exclusively before)`;
    ctx.report(site.ruleId, site.call.node, `${site.what}: ${given}; the file keeps its name and is removed, if at all, where the old code removed it (${instead})`, true);
  }
  return true;
}

/** Every random piece of the key is evaluated in `owner` on each call: an inline call, or a variable declared there. */
function freshRandomEachCall(ctx: FileContext, tmp: TmpPath, owner: Node): boolean {
  if (/Math\.random/.test(tmp.key)) return false;
  const pieces = (tmp.key.match(/\$\{[^}]*\}/g) ?? []).map((piece) => piece.slice(2, -1));
  let random = 0;
  for (const piece of pieces) {
    const held = /^random\(([A-Za-z_$][\w$]*)\)$/.exec(piece);
    if (held) {
      const declaration = ctx.scopes.lookup(tmp.expr, held[1]);
      if (!declaration || !contains(owner, declaration.scope) || declaration.scope.type === 'Program') return false;
      random++;
    } else if (/random|uuid|nanoid|cuid|ulid|uniqueString/i.test(piece)) {
      if (!/\(/.test(piece)) return false;
      random++;
    }
  }
  return random > 0;
}

/**
 * Exclusive creation for the first creation of each name, unless it can run more than once. A
 * creation in a callee gets the owner-only mode only, and only when every call of that callee in
 * the file hands it a temp path (its other callers' files keep their mode).
 */
function secureCreations(ctx: FileContext, sites: Site[], list: Node, uses: Path[] = []): void {
  const firstCreation = new Set<string>();
  for (const site of [...sites].sort((a, b) => a.call.node.start - b.call.node.start)) {
    if (!contains(list, site.call.node)) {
      if (onlyTempCallers(ctx, site)) secureOptions(site.call.node, site.fs, false, ctx.source, ctx.style, ctx.edits);
      continue;
    }
    // The same file may be spelled several ways (`file`, an alias, the literal again): compare names.
    const key = site.tmp.key;
    const repeatable = inLoopBelow(site.call, list);
    // Handed to a program or a callee before this write: they may have made it already ('wx' would
    // fail with EEXIST). The private directory protects it; the mode is what is left to set.
    const handedEarlier = uses.some((use) => use.node.start < site.call.node.start && !contains(site.call.node, use.node) && handedToCall(ctx, use) && ctx.values.tmpPathOf(use)?.key === key);
    const exclusive = !repeatable && !handedEarlier && !firstCreation.has(key) && site.fs.creates === 'file';
    firstCreation.add(key);
    secureOptions(site.call.node, site.fs, exclusive, ctx.source, ctx.style, ctx.edits);
  }
}

/** `use` is an argument (or an element of one) of a call that is not a path builder: it hands the path on. */
function handedToCall(ctx: FileContext, use: Path): boolean {
  let current: Path = use;
  for (let depth = 0; depth < 3 && current.parent; depth++) {
    const parent = current.parent as Path;
    if (isCall(parent.node) && parent.node.callee !== current.node) {
      // A program or a callee (fs calls of the file itself count as creations in their own right).
      const callee = ctx.modules.calleeOf(parent);
      return callee?.module !== 'path' && !ctx.fs.classify(parent);
    }
    if (parent.node.type !== 'ArrayExpression' && parent.node.type !== 'TemplateLiteral' && parent.node.type !== 'BinaryExpression') return false;
    current = parent;
  }
  return false;
}

/** Every same-file call of the function holding `site` passes it a temp path (and nothing else calls it). */
function onlyTempCallers(ctx: FileContext, site: Site): boolean {
  const fn = ownerOf(site.call);
  if (fn.node.type === 'Program' || ctx.values.mayBeCalledFromOutside(fn.node)) return false;
  const calls = ctx.values.callsTo(fn.node);
  const via = site.tmp.facts.flatMap((f) => f.via).filter((v) => v.kind === 'param').map((v) => v.node);
  return calls.length > 0 && calls.every((call) => via.includes(call.node));
}

interface Adoption {
  name: string;
  init: Node;
  mkdir: Node;
}

/**
 * `const dir = path.join(os.tmpdir(), 'build'); fs.mkdirSync(dir, …)`: the variable itself can hold the
 * private directory, when it is the only temp path of the function and the mkdir is a statement of its own.
 */
function adoptable(sites: Site[], mine: Ref[], placement: Placement): Adoption | undefined {
  const dirSites = sites.filter((s) => s.fs.creates === 'dir');
  if (dirSites.length !== 1 || mine.length !== 1) return undefined;
  const site = dirSites[0];
  const target = unwrap((site.call.node.arguments as Node[])[site.fs.target]);
  const declarator = mine[0].tmp.expr.parent?.node as Node | undefined;
  if (target.type !== 'Identifier' || declarator?.type !== 'VariableDeclarator' || declarator.id.type !== 'Identifier' || declarator.id.name !== target.name || declarator.init !== mine[0].tmp.expr.node) return undefined;
  const body = placement.list.body as Node[];
  const declaration = body[placement.first];
  if (declaration?.type !== 'VariableDeclaration' || declaration.declarations.length !== 1 || declaration.declarations[0] !== declarator) return undefined;
  let statement: Node | undefined = site.check?.statement.node;
  if (!statement) {
    let p = site.call.parent as Path | null;
    if (p?.node.type === 'AwaitExpression') p = p.parent as Path | null;
    statement = p?.node.type === 'ExpressionStatement' ? p.node : undefined;
  }
  if (!statement || !body.includes(statement)) return undefined;
  // `fs.rmSync(dir)` (or any use) between the two would act on the new private directory.
  const between = body.slice(placement.first + 1, body.indexOf(statement));
  const used = new Set<string>();
  for (const node of between) identifiersIn(node, used);
  if (used.has(target.name)) return undefined;
  return { name: target.name as string, init: declarator.init, mkdir: statement };
}

/** Points the directory part of a temp path at the private directory. */
export function replaceRef(ctx: FileContext, tmp: TmpPath, dir: string): void {
  const { source, edits } = ctx;
  const node = tmp.ref.path.node;
  const parent = tmp.ref.path.parent?.node as Node | undefined;
  if (tmp.ref.kind === 'name') {
    // `tmp.tmpNameSync({ postfix: '.json' })` → `path.join(privateDir, 'tmp.json')`; `await tmpName()` as a whole.
    const root = tmp.facts.find((f) => f.ref?.path.node === node)?.root;
    const base = root?.kind === 'name' ? root.base : 'tmp';
    const whole = parent?.type === 'AwaitExpression' ? parent : node;
    const q = ctx.style.quote;
    const start = whole.extra?.parenthesized ? (whole.extra.parenStart as number) : whole.start;
    const end = whole.extra?.parenthesized ? closingParen(source, whole.end) : whole.end;
    edits.replace(start, end, `${ctx.modules.reference('path', 'join', tmp.ref.path)}(${dir}, ${q}${base}${q})`);
    return;
  }
  if (tmp.ref.kind === 'dir') {
    let start = node.start;
    let end = node.end;
    if (node.extra?.parenthesized) {
      start = node.extra.parenStart as number;
      end = closingParen(source, end);
    }
    const value = stringValue(node);
    const leftOfPlus = parent?.type === 'BinaryExpression' && parent.left === node;
    const quote = source[node.start];
    edits.replace(start, end, value !== undefined && value.endsWith('/') && leftOfPlus ? `${dir} + ${quote}/${quote}` : dir);
    return;
  }
  const rawInner = source.slice(node.start + 1, node.end - 1);
  const restRaw = rawInner.slice(tmp.ref.prefixLength);
  if (tmp.ref.kind === 'template') {
    edits.replace(node.start + 1, node.start + tmp.ref.prefixLength + 1, `\${${dir}}/`);
    return;
  }
  const quote = source[node.start];
  const rest = `${quote}${restRaw}${quote}`;
  const inJoin = parent && isCall(parent) && (parent.arguments as Node[]).includes(node) && ctx.modules.calleeOf(tmp.ref.path.parent as Path)?.module === 'path';
  if (inJoin) edits.replace(node.start, node.end, `${dir}, ${rest}`);
  else if (parent?.type === 'BinaryExpression' && parent.left === node) edits.replace(node.start, node.end, `${dir} + ${quote}/${restRaw}${quote}`);
  else edits.replace(node.start, node.end, `${ctx.modules.reference('path', 'join', tmp.ref.path)}(${dir}, ${rest})`);
}

/**
 * A name keyed like a cache (`${hash}`) that the function clears before it makes it and removes in a
 * finally after (babel's per-fixture directory: `rmSync(loc)`, `mkdirSync(loc)`, …, `finally {
 * rmSync(loc) }`): scratch space under a name of its own, not a cache later runs find again.
 */
export function wipedAroundUse(ctx: FileContext, creation: Path, key: string): boolean {
  if (!keyedOnly(key)) return false;
  const owner = ownerOf(creation).node;
  let before = false;
  let after = false;
  for (const { path, call } of ctx.fsCalls()) {
    if (!REMOVALS.has(call.method) || ownerOf(path).node !== owner || !(path.node.arguments as Node[])[0]) continue;
    const removed = ctx.values.tmpPathOf(path.get('arguments', 0) as Path)?.key;
    if (removed === undefined || !(key === removed || key.startsWith(`${removed}/`))) continue;
    if (path.node.end <= creation.node.start) before = true;
    else if (inFinallyBlock(path)) after = true;
  }
  return before && after;
}

function inFinallyBlock(path: Path): boolean {
  for (let p = path.parent as Path | null; p; p = p.parent as Path | null) {
    if (isFunction(p.node)) return false;
    const parent = p.parent?.node as Node | undefined;
    if (parent?.type === 'TryStatement' && parent.finalizer === p.node) return true;
  }
  return false;
}

