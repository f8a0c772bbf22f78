import type { FileContext } from '../src/engine/context';
import type { Rule } from '../src/engine/context';
import { jscodeshiftTransform } from './jscodeshift';
import { contains, isCall, isFunction, isMember, ownerOf, propertyName, stringValue, unwrapPath, type Node, type Path } from '../src/engine/ast';
import { O_EXCL } from '../src/engine/fs-calls';
import { givesMode } from '../src/engine/options';
import { functionName, stepsAfterRef, type ForeignFact, type TmpPath } from '../src/engine/dataflow/values';
import { fewRandomNames, unjudgedPieces, type Guess } from '../src/engine/dataflow/lattice';
import { CHECKS, REMOVALS } from '../src/engine/dataflow/sinks';
import { looksShared, MENTIONS_TMP_DIR, sharedAdvice, TEMP_HELPER_NAMES } from '../src/engine/shared-names';
import { namedAsRemover, wipedAroundUse } from '../src/engine/private-dir';

const id = 'predictable-tmp-path';

/** `{ flag: 'wx', mode: 0o600 }` already: exclusive, owner-only creation is safe even in /tmp. */
function alreadyExclusive(call: Node, method: string, source: string): boolean {
  const args = call.arguments as Node[];
  const ownerOnly = (node: Node | undefined) => node?.type === 'NumericLiteral' && ((node.value as number) & 0o077) === 0;
  if (method === 'open') return flagIsExclusive(args[1], source) && ownerOnly(args[2]);
  const options = args.find((a, i) => i >= 1 && a.type === 'ObjectExpression');
  if (!options) return false;
  const prop = (name: string) => (options.properties as Node[]).find((p) => !p.computed && (p.key?.name ?? p.key?.value) === name)?.value as Node | undefined;
  return flagIsExclusive(prop('flag') ?? prop('flags'), source) && ownerOnly(prop('mode'));
}

/**
 * A flag that creates exclusively: `'wx'`, a number with O_EXCL's bit, `O_CREAT | O_EXCL`, or a
 * constant of the file built with O_EXCL (node-temp's `RDWR_EXCL = cnst.O_CREAT | … | cnst.O_EXCL`).
 */
function flagIsExclusive(flag: Node | undefined, source: string): boolean {
  if (!flag) return false;
  if (flag.type === 'NumericLiteral') return ((flag.value as number) & O_EXCL) !== 0;
  const literal = stringValue(flag);
  if (literal !== undefined) return literal.includes('x');
  if (/\bO_EXCL\b/.test(source.slice(flag.start, flag.end))) return true;
  if (flag.type !== 'Identifier') return false;
  return new RegExp(`\\b(?:const|let|var)\\s+${flag.name}\\s*=[^;\\n]*\\bO_EXCL\\b`).test(source);
}

/** The call creates exclusively (`'wx'`, `O_EXCL`) but may lack an owner-only mode. */
function exclusiveFlag(call: Node, method: string, source: string): boolean {
  const args = call.arguments as Node[];
  if (method === 'open') return flagIsExclusive(args[1], source);
  const options = args.find((a, i) => i >= 1 && a.type === 'ObjectExpression');
  const flag = options && (options.properties as Node[]).find((p) => !p.computed && ['flag', 'flags'].includes(p.key?.name ?? p.key?.value))?.value;
  return flagIsExclusive(flag, source);
}

/** An earlier call in this function (or one around it) already created this path: appending then is scratch work. */
function createdBefore(ctx: FileContext, call: Path, targetText: string): boolean {
  return ctx.fsCalls().some(
    (other) =>
      other.call.creates === 'file' && !other.call.append && other.path.node.start < call.node.start && contains(ownerOf(other.path).node, call.node) &&
      ctx.text((other.path.node.arguments as Node[])[other.call.target] ?? other.path.node) === targetText,
  );
}

/**
 * `fs.writeFileSync(f, a, { flag: 'wx', mode: 0o600 }); fs.appendFileSync(f, b)`: an earlier call of
 * this function, in a statement that always runs before this one (in a block around it), created the
 * same name exclusively and owner-only, so what this call opens is that file.
 */
function madeSafelyBefore(ctx: FileContext, call: Path, key: string): boolean {
  const owner = ownerOf(call).node;
  return ctx.fsCalls().some(({ path: other, call: fs }) => {
    if (fs.creates !== 'file' || other.node.start >= call.node.start || ownerOf(other).node !== owner) return false;
    if (!exclusiveFlag(other.node, fs.method, ctx.source) || !givesMode(other.node, fs.method)) return false;
    if (ctx.values.tmpPathOf(other.get('arguments', fs.target) as Path)?.key !== key) return false;
    // The statement holding the earlier call sits in a block that holds this call too, and no loop
    // or branch lies between them inside that statement.
    let statement: Path = other;
    while (statement.parent && !/Statement$|Declaration$/.test(statement.node.type)) statement = statement.parent as Path;
    const block = statement.parent?.node;
    if (!block || !Array.isArray(block.body) || !contains(block, call.node) || contains(statement.node, call.node)) return false;
    for (let p = other.parent as Path | null; p && p !== statement.parent; p = p.parent as Path | null) {
      if (/^(If|Conditional|Logical|For|While|DoWhile|Switch|Try)/.test(p.node.type) || isFunction(p.node)) return false;
    }
    return true;
  });
}

/** Reads that use what is at a path (its content or its metadata), not checks that it is there. */
const READS = /^(readFile|createReadStream|stat|lstat|readdir|readJson|readJSON)$/;

/**
 * `try { return read(p) } catch { write(p) }`, `stat(p).mtimeMs` before deciding to write: the function
 * reads the name before writing it, so it reuses what an earlier call or run left (a cache). Returns
 * the read, for the message.
 */
function readBackFirst(ctx: FileContext, creation: Path, key: string): string | undefined {
  const owner = ownerOf(creation).node;
  const read = ctx.fsCalls().find(({ path, call }) => {
    if (!READS.test(call.method) || path.node.start >= creation.node.start || ownerOf(path).node !== owner || (path.node.arguments as Node[]).length === 0) return false;
    // A stat whose result is dropped only asks whether the file is there (check-then-create's case).
    if ((call.method === 'stat' || call.method === 'lstat') && resultDropped(path)) return false;
    if (ctx.fsCalls().some((c) => c.call.creates !== 'none' && c.path.node.start < path.node.start && ownerOf(c.path).node === owner && ctx.values.tmpPathOf(c.path.get('arguments', c.call.target) as Path)?.key === key)) return false;
    // A helper given the directory just before (`writeFiles(DIR, { 'foo.js': … })`) wrote it: this run's file.
    if (writtenByHelperBefore(ctx, path, owner, key)) return false;
    return ctx.values.tmpPathOf(path.get('arguments', 0) as Path)?.key === key;
  });
  return read ? `${ctx.text(read.path.node.callee)}() on line ${read.path.node.loc.start.line}` : undefined;
}

function writtenByHelperBefore(ctx: FileContext, read: Path, owner: Node, key: string): boolean {
  return callsGivenParent(ctx, key).some(({ node }) => node.start < read.node.start && contains(owner, node) && (node.arguments as Node[]).length >= 2 && !ctx.fs.classify(ctx.tree.pathOf(node)) && !namedAsRemover(ctx.text(node.callee)));
}

/** Calls of the file whose first argument is a directory above `key` in the temp directory (`writeFiles(DIR, …)`). */
function callsGivenParent(ctx: FileContext, key: string): { node: Node; text: string; line: number }[] {
  const found: { node: Node; text: string; line: number }[] = [];
  for (const node of ctx.tree.ofType('CallExpression')) {
    const first = (node.arguments as Node[])[0];
    if (!first || first.type === 'SpreadElement') continue;
    const dir = ctx.values.tmpPathOf(ctx.tree.pathOf(node).get('arguments', 0) as Path)?.key;
    if (dir && dir !== key && key.startsWith(`${dir}/`)) found.push({ node, text: ctx.text(node.callee), line: node.loc.start.line });
  }
  return found;
}

function resultDropped(call: Path): boolean {
  let current: Path = call;
  while (current.parent && (current.parent.node.type === 'AwaitExpression' || current.parent.node.type === 'ParenthesizedExpression')) current = current.parent as Path;
  return current.parent?.node.type === 'ExpressionStatement';
}

/** `this.file` written by one method and appended to by another: scratch of the object, not a log. */
function createdInClass(ctx: FileContext, call: Path, tmp: TmpPath): boolean {
  if (!tmp.facts.some((f) => f.via.some((v) => v.kind === 'field'))) return false;
  return ctx.fsCalls().some((other) => other.call.creates === 'file' && !other.call.append && other.path.node !== call.node && ctx.values.tmpPathOf(other.path.get('arguments', other.call.target) as Path)?.key === tmp.key);
}

/** A name that is new on every call (random, a UUID, the time): an append to it is no shared log. */
function uniqueName(key: string): boolean {
  return /\$\{[^}]*(random|uuid|Date\.now|hrtime|performance\.now|nanoid|randomBytes)[^}]*\}/i.test(key);
}

/** The real danger of a name, by how guessable it is: a random name is not predictable, only exposed. */
function danger(guess: Guess, noOptions: boolean, exclusive = false, modeGiven = false, key = ''): string {
  const exposure = noOptions ? 'readable by others when the source is' : 'with the default mode 0644, readable by others';
  if (exclusive) return modeGiven ? 'exclusively (O_EXCL), with its own mode' : `exclusively (O_EXCL), but ${exposure}`;
  const andExposed = modeGiven ? '' : ` and ${exposure}`;
  switch (guess) {
    case 'random':
      // A name nobody can guess cannot be planted ahead of time; what is left is the mode, and that the
      // call does not check that the file is new. Math.random() is no secure generator, so say so.
      const few = fewRandomNames(key);
      if (few !== undefined) return `under one of only ${few.toLocaleString('en-US')} names (Math.random() * ${few}), which another user can all create or link first, without O_EXCL${andExposed}`;
      if (/Math\.random/.test(key)) return `under a name from Math.random(), which is no secure generator, without O_EXCL${andExposed}`;
      return modeGiven
        ? 'under a random name another user cannot guess ahead of time, but without O_EXCL, so nothing checks that the file is new'
        : `under a random name another user cannot guess ahead of time, but ${exposure}${noOptions ? '' : ' (and without O_EXCL nothing checks that the file is new)'}`;
    case 'input':
      return `under a name built from ${unjudgedPieces(key)}, which another user can predict unless it is secret or random (tmpfix cannot tell which), without O_EXCL${andExposed}`;
    default:
      return 'under a name another user can predict';
  }
}

/**
 * `'epub_translator/${book}/${page}'`: whatever the file's own name, its first directory has a fixed
 * name another user can make first (and own what goes in, where the code takes one that exists).
 */
function fixedParentNote(tmp: TmpPath): string {
  if (tmp.guess === 'fixed' || tmp.key.includes('|')) return '';
  const first = tmp.key.split('/')[0];
  if (!tmp.key.includes('/') || first === '' || first.includes('${')) return '';
  return `, and its directory '${first}' has a fixed name another user can make first`;
}

/** Whether a creating call of the file makes `key` in the temp directory, or a directory above or below it. */
function createdHere(ctx: FileContext, key: string): boolean {
  return ctx.fsCalls().some(({ path, call }) => {
    if (call.creates === 'none' || !(path.node.arguments as Node[])[call.target]) return false;
    const made = ctx.values.tmpPathOf(path.get('arguments', call.target) as Path)?.key;
    return made !== undefined && (made === key || made.startsWith(`${key}/`) || key.startsWith(`${made}/`));
  });
}

/** `server.listen(path)`, `net.connect(path)`: a Unix socket, found by other processes on purpose. */
function socketCalls(ctx: FileContext): { path: Path; method: string; tmp: TmpPath }[] {
  const out: { path: Path; method: string; tmp: TmpPath }[] = [];
  for (const node of ctx.tree.ofType('CallExpression')) {
    const callee = node.callee as Node;
    if (callee.type !== 'MemberExpression' || callee.computed || !SOCKET_METHODS.has(callee.property.name)) continue;
    if ((node.arguments as Node[]).length === 0) continue;
    const path = ctx.tree.pathOf(node);
    const tmp = ctx.tmp.tmpPathOf(path.get('arguments', 0) as Path);
    if (tmp) out.push({ path, method: callee.property.name as string, tmp });
  }
  return out;
}

/**
 * bind() fails on a name that is there and never follows a link: the danger of a socket in the
 * shared temp directory is another user taking its name first, not a write through a link.
 */
function reportSockets(ctx: FileContext): void {
  for (const { path, method, tmp } of socketCalls(ctx)) {
    // A random name (node-red's askpass socket, `'…-' + seed + '-sock'`) cannot be taken first, and a
    // client that connects to it was handed the name: nothing to report.
    if (tmp.guess === 'random') continue;
    const danger = method === 'listen'
      ? "listen() fails on a name that is already there (EADDRINUSE) and never follows a link, so another user who takes the name first keeps the server from starting, and clients that find the socket by its name may reach theirs instead"
      : `${method}() talks to whatever listens at that name: another user who takes it first receives what is sent and answers for the server`;
    ctx.leaveAlone(id, path.node, tmp, `${ctx.text(path.node.callee)}() on the socket '${tmp.key}' in the shared temp directory: ${danger}; not rewritten (the server and its clients must agree on the path). Where the path is handed to the clients (an argument, an environment variable), make the socket inside a directory from fs.mkdtempSync; where they find it by name, in a per-user directory with mode 0700 (for example under $XDG_RUNTIME_DIR)`);
  }
}

const SOCKET_METHODS = new Set(['listen', 'connect', 'createConnection']);

const ONCE_PER_PROCESS = 'fs.mkdtempSync on the first call, kept in a module variable and removed at exit';

/** `function tmpFile(name) { return path.join(os.tmpdir(), name); }`: its callers create files at guessable names. */
function reportPathHelpers(ctx: FileContext, exclusiveReturns: ReadonlySet<Node>): void {
  for (const type of ['CallExpression', 'BinaryExpression', 'TemplateLiteral', 'StringLiteral']) {
    for (const node of ctx.tree.ofType(type)) {
      // The parent link first: a path is built only for the few expressions that are returned.
      const parent = ctx.tree.parentOf(node);
      const returned = parent?.type === 'ReturnStatement' || (parent?.type === 'ArrowFunctionExpression' && parent.body === node);
      if (!returned) continue;
      const path = ctx.tree.pathOf(node);
      // `files.map((f) => path.resolve(DIR, f))`: a callback's result goes to the call that runs it, not to callers elsewhere.
      const fn = ownerOf(path);
      if (fn.parent && isCall(fn.parent.node) && (fn.parent.node.arguments as Node[]).includes(fn.node)) continue;
      const tmp = ctx.tmp.tmpPathOf(path);
      if (!tmp || tmp.made === 'name-api') continue;
      // A path its callers handed in is theirs: the finding belongs where they build it.
      if (stepsAfterRef(tmp.facts[0]).some((step) => step.kind === 'param' || step.kind === 'callback')) continue;
      const owner = ownerOf(path).node;
      if (ctx.sites.some((site) => ownerOf(site.call).node === owner) || [...ctx.claimed].some((n) => contains(owner, n))) continue;
      if (callersAreHere(ctx, owner, exclusiveReturns)) continue;
      // A function named for a cache (`getCacheDir()`, jiti's) returns a cache whatever its name's words.
      const cacheFn = owner.type !== 'Program' && /cache/i.test(functionName(owner, ctx.tree.parentOf(owner)));
      if (looksShared(tmp.key) || cacheFn) {
        // `getCacheDirectory()`: a cache, lock or per-user name for callers elsewhere; another user can make it first.
        ctx.leaveAlone(id, path.node, tmp, `returns '${tmp.key}' in the shared temp directory for its callers to create: ${sharedAdvice(cacheFn && !looksShared(tmp.key) ? 'cache' : tmp.key)}`);
        continue;
      }
      // A fixed (or per-process) name is the same path on every call: a directory per call would split what the callers share.
      const sameEveryCall = tmp.guess === 'fixed' || tmp.guess === 'pid';
      const name = tmp.guess === 'random' ? 'a random name, but only a name' : tmp.guess === 'input' ? `a name built from ${unjudgedPieces(tmp.key)}, which tmpfix cannot judge` : 'a name another user can predict';
      const calls = owner.type === 'Program' ? [] : ctx.values.callsTo(owner);
      const lines = [...new Set(calls.map((call) => call.node.loc.start.line))];
      // Each caller is reported where it hands the path on (`spawn()` below): that finding says it.
      if (lines.length > 0 && lines.every((line) => ctx.findings.some((f) => f.ruleId === id && f.line === line))) continue;
      const callers = lines.length === 0
        ? 'the callers are elsewhere'
        : `its caller${lines.length > 1 ? 's' : ''} at line${lines.length > 1 ? 's' : ''} ${lines.join(', ')} hand${lines.length > 1 ? '' : 's'} it on where tmpfix cannot follow`;
      if (tmp.mixed) {
        // `path.join(this.uploadDir, fallbackName)` with `uploadDir = opts.dir || os.tmpdir()`: the temp directory is the default only.
        ctx.reportReturnedName(id, path.node, tmp.key, `returns '${tmp.key}' in the shared temp directory: only the default directory here (an option or a caller's value is used when given), ${name}, for its callers to create; not rewritten (a rewrite would override the caller's choice). Make the default a private directory where it is chosen${sameEveryCall ? `, once per process (${ONCE_PER_PROCESS}), since every call returns the same path and the callers may count on that` : ' (fs.mkdtempSync)'}, and have the callers create what they put there exclusively ({ flag: 'wx', mode: 0o600 } for a file)`);
        continue;
      }
      const advice = sameEveryCall
        ? `Every call returns the same path, and the callers may count on that: make one private directory per process (${ONCE_PER_PROCESS}) and return paths inside it`
        : `Return a path inside a directory from fs.mkdtempSync instead, and let the caller remove that directory${tmp.guess === 'random' ? ', or have the callers create it with { flag: \'wx\', mode: 0o600 }' : ''}`;
      ctx.reportReturnedName(id, path.node, tmp.key, `returns '${tmp.key}' in the shared temp directory, ${name}, for its callers to create; not rewritten (${callers}). ${advice}`);
    }
  }
}

/** A call in another function of the file given `key`'s directory or a directory above it (`writeFiles(DIR, …)`). */
function preparedElsewhere(ctx: FileContext, at: Path, key: string): { text: string; line: number } | undefined {
  const owner = ownerOf(at).node;
  const found = callsGivenParent(ctx, key).filter(({ node }) => node !== at.node && !contains(owner, node));
  // The call that fills it says more than the one that clears it (`writeFiles(DIR)` over `cleanup(DIR)`).
  return found.find((f) => !namedAsRemover(f.text)) ?? found[0];
}

/** Option names that tell an upload library where to write what it receives. */
const UPLOAD_DIR_OPTIONS = new Set(['uploadDir', 'uploadsDir', 'uploadDirectory']);

/**
 * `new Formidable({ uploadDir: os.tmpdir() })`: a library told to write uploads into the shared temp
 * directory names and creates them there itself (formidable and multiparty: without O_EXCL, mode
 * 0644). tmpfix cannot change the library's calls; the option is where to fix it (etherpad's import).
 */
function reportUploadDirs(ctx: FileContext): void {
  for (const node of ctx.tree.ofType('CallExpression').concat(ctx.tree.ofType('NewExpression'))) {
    for (const [index, arg] of (node.arguments as Node[]).entries()) {
      if (arg.type !== 'ObjectExpression') continue;
      (arg.properties as Node[]).forEach((prop, i) => {
        if (prop.type !== 'ObjectProperty' || prop.computed || !UPLOAD_DIR_OPTIONS.has((prop.key.name ?? prop.key.value) as string)) return;
        const value = ctx.tree.pathOf(node).get('arguments', index, 'properties', i, 'value') as Path;
        if (!ctx.values.isTmpDir(value) || ctx.values.isPrivate(value)) return;
        ctx.report(id, prop, `${ctx.text(node.callee)}() is given ${ctx.text(prop)}: the library names and creates each upload in the shared temp directory itself, where formidable and multiparty create them without O_EXCL and with the default mode 0644 (others can read what users upload); not rewritten (tmpfix does not change the library's calls). Give it a private directory instead: fs.mkdtempSync(path.join(os.tmpdir(), 'uploads-')) made at startup (mode 0700), removed at shutdown`, false);
      });
    }
  }
}

/** Calls that make a name without opening it: they fail on an existing name or replace it, never follow it. */
const NO_FOLLOW = new Set(['symlink', 'link', 'rename']);

/**
 * Only this file calls the helper, and each call either names a mkdtemp prefix or reaches a creation
 * that is a site of its own (the value flow follows the return): the findings belong there.
 */
function callersAreHere(ctx: FileContext, fn: Node, exclusiveReturns: ReadonlySet<Node>): boolean {
  if (fn.type === 'Program' || ctx.values.mayBeCalledFromOutside(fn)) return false;
  const calls = ctx.values.callsTo(fn);
  const followed = exclusiveReturns.has(fn) || ctx.sites.some((site) => site.tmp.facts.some((fact) => fact.kind === 'path' && fact.via.some((v) => v.kind === 'return' && v.node === fn)));
  return calls.length > 0 && calls.every((call) => followed || mkdtempPrefix(ctx, call));
}

function mkdtempPrefix(ctx: FileContext, call: Path): boolean {
  const parent = call.parent as Path | null;
  if (!parent || !isCall(parent.node) || (parent.node.arguments as Node[])[0] !== call.node) return false;
  return ctx.fs.classify(parent)?.method === 'mkdtemp';
}

/**
 * `execFileSync('pg_dump', ['-f', out])`, `spawn(cmd, ['--outdir', os.tmpdir()])`: a temp path (or the
 * temp directory itself) handed to another program, which creates the file or files there, when
 * nothing in the function creates that name itself (then the creation is the site). Pattern 13.
 */
/** The function holding `call`, or one around it (`.then(() => run(file))` after the write), creates `key` itself. */
function createdAround(ctx: FileContext, call: Path, key: string, created: ReadonlySet<string>): boolean {
  if (created.has(`${ownerOf(call).node.start}:${key}`)) return true;
  for (let node = ctx.tree.parentOf(call.node); node; node = ctx.tree.parentOf(node)) {
    if ((isFunction(node) || node.type === 'Program') && created.has(`${node.start}:${key}`)) return true;
  }
  return false;
}

function programOutputs(ctx: FileContext): void {
  const created = new Set<string>();
  /** Names already reported as a program's option: once per file. */
  const optionNames = new Set<string>();
  const listened = new Set(socketCalls(ctx).filter((s) => s.method === 'listen').map((s) => s.tmp.key));
  for (const { path, call } of ctx.fsCalls()) {
    if (call.creates === 'none' || !(path.node.arguments as Node[])[call.target]) continue;
    const tmp = ctx.values.tmpPathOf(path.get('arguments', call.target) as Path);
    if (tmp) created.add(`${ownerOf(path).node.start}:${tmp.key}`);
  }
  for (const type of ['CallExpression', 'OptionalCallExpression']) {
    for (const node of ctx.tree.ofType(type)) {
      const call = ctx.tree.pathOf(node);
      const ref = ctx.modules.calleeOf(call);
      if (!ref || (ref.module !== 'childProcess' && ref.module !== 'execa')) {
        if (!ctx.claimed.has(node)) optionForProgram(ctx, call, created, optionNames);
        continue;
      }
      if (ctx.claimed.has(node)) continue;
      const remote = overSsh(node);
      (node.arguments as Node[]).forEach((arg, index) => {
        if (ctx.claimed.has(node)) return;
        const argPath = call.get('arguments', index) as Path;
        const whole: Path[] = arg.type === 'ArrayExpression' ? (arg.elements as (Node | null)[]).flatMap((e, i) => (e && e.type !== 'SpreadElement' ? [argPath.get('elements', i) as Path] : [])) : [argPath];
        // A shell command line (`pg_dump db > ${out}`, `'convert ' + src + ' ' + out`): the paths pieced into it.
        const parts = whole.flatMap((part) => [part, ...commandPieces(part)]);
        for (const part of parts) {
          const tmp = ctx.values.tmpPathOf(part) ?? rootAsPath(ctx, part);
          // The path of a socket this file listens on, handed to the program that connects to it: the socket's finding says it.
          if (!tmp || tmp.made === 'name-api' || createdAround(ctx, call, tmp.key, created) || listened.has(tmp.key)) continue;
          const program = ctx.text(node.callee);
          if (remote) {
            if (tmp.key !== '' && !ctx.findings.some((f) => f.line === node.loc.start.line && f.ruleId === id)) ctx.report(id, node, remoteAdvice(program, `/tmp/${tmp.key}`), false);
            return;
          }
          const what = tmp.key === ''
            ? `${program}() hands the shared temp directory itself to another program, which creates its files there under names another user can predict`
            : `${program}() hands '${tmp.key}' in the shared temp directory to another program, which creates it ${danger(tmp.guess, true, false, false, tmp.key).replace(/^under /, 'under ')}`;
          if (looksShared(tmp.key)) {
            ctx.leaveAlone(id, node, tmp, `${what}: ${sharedAdvice(tmp.key)}`);
            return;
          }
          const api = ref.member.endsWith('Sync') || ref.member === 'sync' ? 'sync' : 'promise';
          ctx.addSite({ ruleId: id, call, fs: { method: ref.member, api, creates: 'file', target: index, options: 'none', append: false }, tmp, what });
          return;
        }
      });
    }
  }
}

/** Methods that collect or format arguments rather than run a program with them. */
const NOT_A_RUNNER = new Set(['push', 'unshift', 'concat', 'splice', 'set', 'add', 'join', 'log', 'info', 'warn', 'error', 'debug', 'write']);

/**
 * `runJest('clear-cache', [`--cacheDirectory=${CACHE}`])`: a command-line option for a program that a
 * helper tmpfix does not follow will run. A temp path given as `--flag=${…}` is for that program to
 * create; reported (a cache or lock name as such), never rewritten: the helper is not seen.
 */
function optionForProgram(ctx: FileContext, call: Path, created: Set<string>, reported: Set<string>): void {
  const node = call.node;
  // `flags.push(`--user-data-dir=${dir}`)`: an argument list being built; the call that runs it decides.
  if (isMember(node.callee) && NOT_A_RUNNER.has(propertyName(node.callee) ?? '')) return;
  const owner = ownerOf(call).node.start;
  (node.arguments as Node[]).forEach((arg, index) => {
    const argPath = call.get('arguments', index) as Path;
    const options: Path[] = arg.type === 'ArrayExpression' ? (arg.elements as (Node | null)[]).flatMap((e, i) => (e && e.type === 'TemplateLiteral' ? [argPath.get('elements', i) as Path] : [])) : arg.type === 'TemplateLiteral' ? [argPath] : [];
    for (const option of options) {
      const quasis = option.node.quasis as Node[];
      (option.node.expressions as Node[]).forEach((_, i) => {
        const flag = /(--?[A-Za-z][\w-]*)=$/.exec(quasis[i].value.cooked ?? '')?.[1];
        if (!flag) return;
        const tmp = ctx.values.tmpPathOf(option.get('expressions', i) as Path);
        if (!tmp || tmp.made === 'name-api' || tmp.guess === 'random' || tmp.key === '' || created.has(`${owner}:${tmp.key}`) || reported.has(tmp.key)) return;
        reported.add(tmp.key);
        const what = `${ctx.text(node.callee)}() passes '${tmp.key}' in the shared temp directory as ${flag}, for the program it runs to create, ${danger(tmp.guess, true, false, false, tmp.key).replace(/^under /, 'under ')}`;
        if (looksShared(tmp.key)) ctx.leaveAlone(id, node, tmp, `${what}: ${sharedAdvice(tmp.key)}`);
        else ctx.report(id, node, `${what}: not rewritten: tmpfix does not follow ${ctx.text(node.callee)}() to the program. Pass a directory from fs.mkdtempSync instead (made once, where every run that shares it can reach it), and remove it when the program is done`, false);
      });
    }
  });
}

/** The expressions pieced into a command string: a template's `${…}`, the non-literal operands of `+`. */
function commandPieces(part: Path): Path[] {
  const node = part.node;
  if (node.type === 'TemplateLiteral') return (node.expressions as Node[]).map((_, i) => part.get('expressions', i) as Path);
  if (node.type !== 'BinaryExpression' || node.operator !== '+') return [];
  const out: Path[] = [];
  const visit = (p: Path) => {
    const n = p.node;
    if (n.type === 'BinaryExpression' && n.operator === '+') {
      visit(p.get('left') as Path);
      visit(p.get('right') as Path);
    } else if (n.type !== 'StringLiteral') out.push(p);
  };
  visit(part);
  // `'cat ' + os.tmpdir() + '/x'`: the left part that holds the temp path is already the whole.
  return out.filter((p) => p.node !== node);
}

/**
 * `execSync('sort /etc/passwd > /tmp/sorted.txt')`: a fixed temp name written inside a shell command
 * string. tmpfix cannot move a name out of the command's text, so it says where it is.
 */
function shellLiterals(ctx: FileContext): void {
  for (const type of ['CallExpression', 'OptionalCallExpression']) {
    for (const node of ctx.tree.ofType(type)) {
      const call = ctx.tree.pathOf(node);
      const ref = ctx.modules.calleeOf(call);
      if (!ref || ref.module !== 'childProcess' || !/^exec(Sync)?$/.test(ref.member) || ctx.claimed.has(node) || ctx.sites.some((site) => site.call.node === node)) continue;
      const command = (node.arguments as Node[])[0];
      const texts = command?.type === 'StringLiteral' ? [command.value as string] : command?.type === 'TemplateLiteral' ? (command.quasis as Node[]).map((q) => q.value.cooked as string) : [];
      const name = texts.map((t) => /(?:^|[\s'"=<>|])(\/(?:tmp|var\/tmp|dev\/shm)\/[\w.@%+-][\w./@%+-]*)/.exec(t)?.[1]).find(Boolean);
      if (!name) continue;
      if (overSsh(node)) {
        ctx.report(id, node, remoteAdvice(ctx.text(node.callee), name), false);
        continue;
      }
      ctx.report(id, node, `${ctx.text(node.callee)}() runs a shell command that uses '${name}', a fixed name in the shared temp directory that another user can create or link first; not rewritten, because the name is part of the command's text. Make a directory with fs.mkdtempSync, build the command with a path inside it, and remove the directory when the command's output has been read`, false);
    }
  }
}

/** `ssh host 'cat > /tmp/x'`, `spawn('ssh', [host, 'rm', '/tmp/x'])`: the command runs on another machine. */
const OVER_SSH = /^\s*(?:sudo\s+)?ssh(?:\s|$)/;

function overSsh(call: Node): boolean {
  const first = (call.arguments as Node[])[0];
  const text = first?.type === 'StringLiteral' ? (first.value as string) : first?.type === 'TemplateLiteral' ? ((first.quasis as Node[])[0].value.cooked as string) : undefined;
  return text !== undefined && OVER_SSH.test(text);
}

/** A fixed temp name in a command that ssh runs elsewhere: that host's temp directory, not this one's. */
function remoteAdvice(program: string, name: string): string {
  return `${program}() runs a command over ssh that uses '${name}' on the remote host: a fixed name in that host's shared temp directory, which another user there can create or link first: not rewritten (tmpfix changes this machine's calls only). Have the remote command make its directory with \`mktemp -d\` and use the name it prints, and remove it there when done`;
}

/** The temp directory itself as a path with an empty name, for a program told to write into it. */
function rootAsPath(ctx: FileContext, part: Path): TmpPath | undefined {
  if (!ctx.values.isTmpDir(part) || ctx.values.isPrivate(part)) return undefined;
  const value = ctx.values.of(part);
  const fact = value.find((f) => f.kind === 'path' && f.root.kind === 'shared' && f.key === '');
  if (!fact || fact.kind !== 'path' || value.some((f) => f.kind === 'other')) return undefined;
  const ref = { path: unwrapPath(part), kind: 'dir' as const, prefixLength: 0 };
  return { ref, refs: [ref], expr: part, key: '', stem: '', guess: 'fixed', made: 'code', via: [], facts: [{ ...fact, ref, viaAtRef: fact.via.length }], mixed: false };
}

const MOCKS_FS = /\b(?:jest|vi)\.(?:mock|doMock)\(\s*['"](?:node:)?fs(?:\/promises)?['"]|\b(?:spyOn|stub)\(\s*(?:fs|fsp|fsPromises)\s*,|['"]mock-fs['"]|['"]memfs['"]/;

/**
 * `gyp.devDir = path.resolve(os.tmpdir(), '.node-gyp')`: a guessable path stored on an object that
 * other code uses (a parameter, an outer variable, a module object): they create it, elsewhere.
 */
function reportStoredPaths(ctx: FileContext): void {
  // A test that replaces fs (`jest.spyOn(fs, 'readFileSync')`, `jest.mock('fs')`, mock-fs): a path it
  // stores on an object is data for the code under test, and nothing creates it on disk.
  if (MOCKS_FS.test(ctx.source)) return;
  for (const type of ['CallExpression', 'BinaryExpression', 'TemplateLiteral', 'StringLiteral']) {
    for (const node of ctx.tree.ofType(type)) {
      const parent = ctx.tree.parentOf(node);
      if (parent?.type !== 'AssignmentExpression' || parent.right !== node || parent.operator !== '=') continue;
      const left = parent.left as Node;
      if ((left.type !== 'MemberExpression' && left.type !== 'OptionalMemberExpression') || left.object.type === 'ThisExpression') continue;
      const path = ctx.tree.pathOf(node);
      const tmp = ctx.values.tmpPathOf(path);
      if (!tmp || tmp.made === 'name-api' || tmp.guess === 'random' || looksShared(tmp.key) || !contains(path.node, tmp.ref.path.node)) continue;
      // A local object whose properties reach a creation here is followed there; this is for the others.
      const root = rootObject(left);
      const declared = root && root.type === 'Identifier' ? ctx.scopes.lookup(ctx.tree.pathOf(root), root.name) : undefined;
      if (declared && declared.declarator && contains(ownerOf(path).node, declared.scope) && declared.scope !== ctx.program) continue;
      if (ctx.sites.some((site) => site.tmp.refs.some((r) => r.path.node === tmp.ref.path.node))) continue;
      // The file makes that very name itself (zx's test makes the directory, stores it, removes it): the finding is at the creation.
      if (createdHere(ctx, tmp.key)) continue;
      ctx.report(id, path.node, `stores '${tmp.key}' in the shared temp directory in ${ctx.text(left)}, ${danger(tmp.guess, false, false, false, tmp.key).replace(/^under /, 'a path under ')}, for other code to create and use; not rewritten (its users are elsewhere). Keep it in a per-user directory with mode 0700 (for example under os.homedir() or an XDG cache directory), or make it with fs.mkdtempSync where it is first needed`, false);
    }
  }
}

function rootObject(member: Node): Node | undefined {
  let n: Node = member;
  while (n.type === 'MemberExpression' || n.type === 'OptionalMemberExpression') n = n.object as Node;
  return n;
}

/**
 * Calls that take a file from a path (the first argument) and put it somewhere else: taking a planted
 * file is worse than reading one, which a program may do on purpose (a report another tool left).
 */
const TAKERS = new Set(['rename', 'copyFile', 'cp', 'copy', 'move']);

/**
 * `fs.rename(path.join(os.tmpdir(), name), dest)` where nothing in the file creates that name (a
 * program did, or another process is expected to): another user can plant it first, and the code
 * then takes the attacker's file.
 */
function reportUncreatedReads(ctx: FileContext): void {
  const created = new Set<string>();
  for (const { path, call } of ctx.fsCalls()) {
    if (call.creates === 'none' || !(path.node.arguments as Node[])[call.target]) continue;
    const tmp = ctx.values.tmpPathOf(path.get('arguments', call.target) as Path);
    if (tmp) for (const key of tmp.key.split('|')) created.add(key);
  }
  for (const { path, call } of ctx.fsCalls()) {
    if (!TAKERS.has(call.method) || ctx.claimed.has(path.node) || (path.node.arguments as Node[]).length === 0) continue;
    const tmp = ctx.values.tmpPathOf(path.get('arguments', 0) as Path);
    if (!tmp || tmp.made === 'name-api' || tmp.guess === 'random' || looksShared(tmp.key)) continue;
    const keys = tmp.key.split('|');
    if (keys.some((key) => [...created].some((c) => c === key || key.startsWith(`${c}/`) || c.startsWith(`${key}/`)))) continue;
    // The temp directory it is taken from is a program's output directory that is being made private
    // here (`--outdir`, os.tmpdir() in execFile's arguments): the file comes from that directory now.
    const origins = new Set(tmp.facts.flatMap((f) => (f.kind === 'path' && f.root.kind === 'shared' ? [f.root.origin] : [])));
    if (ctx.sites.some((site) => site.tmp.key === '' && site.tmp.facts.some((f) => f.kind === 'path' && f.root.kind === 'shared' && origins.has(f.root.origin)))) continue;
    const verb = call.method === 'rename' || call.method === 'move' ? 'moves' : 'copies';
    ctx.report(id, path.node, `${ctx.text(path.node.callee)}() ${verb} '${tmp.key}' out of the shared temp directory: nothing in this file creates it (another program or process did), so another user can create it (or a symlink) first, and the code takes their file; not rewritten. Have the producer write into a private directory (fs.mkdtempSync) and read it from there`, false);
  }
}

/**
 * A name this file reads (or removes, or checks) that another file of the repository creates: shared
 * state between modules, reported here as it is there (where it is not rewritten either).
 */
function reportSharedUses(ctx: FileContext): void {
  const reported = new Set<string>();
  const uses = new Map<string, { path: Path; method: string }[]>();
  for (const { path, call } of ctx.fsCalls()) {
    if (call.creates !== 'none' || ctx.claimed.has(path.node) || (path.node.arguments as Node[]).length === 0) continue;
    // A mkdtemp prefix is not a name: each call gets a directory of its own (vitest's per-file `myproj-test-`).
    if (/^mkdtemp/.test(call.method)) continue;
    // A removal takes nothing in (rm, unlink and fs-extra's remove delete a link, not what it points to):
    // clearing the name before or after a run exchanges no data (lerna's e2e `remove('/tmp/lerna-e2e')`).
    if (REMOVALS.has(call.method)) continue;
    const tmp = ctx.values.tmpPathOf(path.get('arguments', 0) as Path);
    const shared = tmp && Object.keys(ctx.sharedNames).find((name) => tmp.key === name || tmp.key.split('|').includes(name));
    if (!shared || reported.has(shared)) continue;
    // A file that creates the name says so at its creation.
    if (ctx.sites.some((site) => site.tmp.key === shared) || ctx.findings.some((f) => f.message.includes(`'${shared}'`))) {
      reported.add(shared);
      continue;
    }
    uses.set(shared, [...(uses.get(shared) ?? []), { path, method: call.method }]);
  }
  for (const [shared, calls] of uses) {
    const first = calls[0].path;
    const other = ctx.sharedNames[shared];
    const advice = 'not rewritten in either. Keep shared state in a per-user directory with mode 0700 (for example under os.homedir() or $XDG_RUNTIME_DIR), or pass the path between the modules';
    // Only checked for (existsSync, stat): nothing is read from it, so the name is a signal, not data.
    const message = calls.every((use) => CHECKS.has(use.method))
      ? `${ctx.text(first.node.callee)}() checks for '${shared}' in the shared temp directory, which ${other} also uses: the name is how the files signal each other, so another user who creates it first decides what the check finds; ${advice}`
      : `${ctx.text(first.node.callee)}() uses '${shared}' in the shared temp directory, which ${other} also uses: the name is how the files find each other's data, so another user who creates it first (or plants what is read from it) decides what they exchange; ${advice}`;
    ctx.report(id, first.node, message, false);
  }
}

export const predictableTmpPath: Rule = {
  meta: {
    id,
    description: 'Files created under a guessable name in the shared temp directory',
    cwe: ['CWE-377', 'CWE-379', 'CWE-59'],
    docs: `docs/rules/${id}.md`,
    fix: 'safe',
    prefilter: new RegExp(`${MENTIONS_TMP_DIR.source}|${TEMP_HELPER_NAMES.source}`),
  },
  run(ctx: FileContext) {
    reportSockets(ctx);
    /** Functions whose returned path a call here creates exclusively and owner-only: not reported as helpers. */
    const exclusiveReturns = new Set<Node>();
    for (const { path, call } of ctx.fsCalls()) {
      if (call.creates !== 'file' && call.creates !== 'link') continue;
      if (ctx.claimed.has(path.node)) continue;
      const target = (path.node.arguments as Node[])[call.target];
      if (!target) continue;
      const tmp = ctx.tmp.tmpPathOf(path.get('arguments', call.target));
      if (!tmp || tmp.made === 'name-api') continue;
      const callee = ctx.text(path.node.callee);
      if (alreadyExclusive(path.node, call.method, ctx.source)) {
        // A helper whose returned name is created here exclusively and owner-only is not a finding either.
        for (const fact of tmp.facts) if (fact.kind === 'path') for (const v of fact.via) if (v.kind === 'return' && v.node) exclusiveReturns.add(v.node);
        continue;
      }
      if ((looksShared(tmp.key) && !wipedAroundUse(ctx, path, tmp.key)) || ctx.claimsName(path.node)) {
        ctx.leaveAlone(id, path.node, tmp, `${callee}() on '${tmp.key}' in the shared temp directory: ${ctx.claimsName(path.node) ? `its failure when the name exists (EEXIST) is handled, so taking the name is the point, as with a lock; ${sharedAdvice('lock')}` : sharedAdvice(tmp.key)}`);
        continue;
      }
      if (readBackFirst(ctx, path, tmp.key)) {
        ctx.leaveAlone(id, path.node, tmp, `${callee}() on '${tmp.key}' in the shared temp directory: the function reads that name before it writes it (${readBackFirst(ctx, path, tmp.key)}), so it reuses what an earlier call or run left, as a cache does; a private directory per call would lose it; not rewritten. Keep such a cache in a per-user directory with mode 0700 (for example under os.homedir() or an XDG cache directory)`);
        continue;
      }
      if (call.append && !uniqueName(tmp.key) && !createdBefore(ctx, path, ctx.text(target)) && !createdInClass(ctx, path, tmp)) {
        // Written whole by another function of the file (a beforeEach, an init), appended to here: shared state, not a log.
        const owner = ownerOf(path).node;
        const writer = ctx.fsCalls().find((c) => c.call.creates === 'file' && !c.call.append && ownerOf(c.path).node !== owner && (c.path.node.arguments as Node[])[c.call.target] && ctx.tmp.tmpPathOf(c.path.get('arguments', c.call.target) as Path)?.key === tmp.key);
        // Or a helper of the file's tests prepares the directory (`writeFiles(DIR, …)` in a beforeEach): also shared state.
        const preparer = writer ? undefined : preparedElsewhere(ctx, path, tmp.key);
        if (preparer) {
          ctx.leaveAlone(id, path.node, tmp, `${callee}() appends to '${tmp.key}' in the shared temp directory, which ${preparer.text}() at line ${preparer.line}, in another function, prepares: the functions share the directory, so a private directory in one would hide it from the other; not rewritten. Make the directory once with fs.mkdtempSync where both can reach it (a beforeEach that also removes it), or keep it in a per-user directory with mode 0700`);
          continue;
        }
        if (writer) {
          ctx.leaveAlone(id, path.node, tmp, `${callee}() appends to '${tmp.key}' in the shared temp directory, which ${ctx.text(writer.path.node.callee)}() at line ${writer.path.node.loc.start.line}, in another function, writes: the functions share the file, so a private directory in one would hide it from the other; not rewritten. Make the directory once with fs.mkdtempSync where both can reach it (a beforeEach, a module-level setup that also removes it), or keep it in a per-user directory with mode 0700`);
          continue;
        }
        ctx.leaveAlone(id, path.node, tmp, `${callee}() appends to '${tmp.key}' in the shared temp directory: the file grows across calls or runs, like a log, so a private directory per call would lose it; not rewritten. Keep it in a per-user directory with mode 0700 (for example under os.homedir() or $XDG_STATE_HOME)`);
        continue;
      }
      // symlink(), link() and rename() never write through a name another user planted: they fail or
      // replace it. Under a random name that is the end of it (etherpad's import, node-tmp's test).
      const noFollow = NO_FOLLOW.has(call.method);
      if (noFollow && tmp.guess === 'random') continue;
      const exclusive = exclusiveFlag(path.node, call.method, ctx.source);
      const modeGiven = givesMode(path.node, call.method);
      // Written again after this function made it exclusively and owner-only: the file is its own.
      if (!exclusive && madeSafelyBefore(ctx, path, tmp.key)) continue;
      // Only a helper's name says the directory is a temp one: whatever it is, a careful creation is fine.
      const guessed = tmp.facts.some((f) => (f as ForeignFact).guessed);
      if (guessed && exclusive && modeGiven) continue;
      // Random and exclusive already, in the temp directory only as a default (multiparty's uploads):
      // the one gap is the mode, and files in a directory the caller chose may be meant for others.
      if (exclusive && !modeGiven && !guessed && !noFollow && tmp.guess === 'random' && tmp.mixed) {
        ctx.report(id, path.node, `${callee}() creates '${tmp.key}' in the shared temp directory under a random name, exclusively (O_EXCL), but with the default mode 0644, readable by others: not rewritten: the directory is the caller's choice when given, and files there may be meant for other users. Add mode: 0o600 where the file is only this program's`, false);
        continue;
      }
      // The same through a helper that builds the path (`uploadPath(dir, name)`): the helper cannot
      // change here, and a random name created exclusively needs nothing but its mode.
      const helper = stepsAfterRef(tmp.facts[0]).find((step) => step.kind === 'return');
      if (exclusive && !modeGiven && !guessed && !noFollow && tmp.guess === 'random' && helper) {
        ctx.report(id, path.node, `${callee}() creates '${tmp.key}' in the shared temp directory under a random name, exclusively (O_EXCL), but with the default mode 0644, readable by others: the name and the creation are safe, only the mode is wrong; not rewritten (the path comes from ${helper.text.replace(/^the result of /, '')}). Add mode: 0o600 to this call`, false);
        continue;
      }
      const what = noFollow && !guessed
        ? `${callee}() makes '${tmp.key}' in the shared temp directory ${danger(tmp.guess, true, false, false, tmp.key).replace(/, without O_EXCL.*$/, '')}: it never writes through a link planted there (it fails, or replaces the name), but another user who takes the name first can make it fail, or swap what is read back afterwards`
        : guessed
        ? `${callee}() creates a file ${exclusive ? 'with O_EXCL but the default mode 0644' : modeGiven ? 'without O_EXCL' : 'without O_EXCL and with the default mode 0644'}`
        : `${callee}() creates '${tmp.key}' in the shared temp directory ${danger(tmp.guess, call.options === 'none', exclusive, modeGiven, tmp.key)}${fixedParentNote(tmp)}`;
      ctx.addSite({ ruleId: id, call: path, fs: call, tmp, what });
    }
    programOutputs(ctx);
    shellLiterals(ctx);
    for (const { path } of ctx.unresolvedCreations(['file', 'link'])) {
      ctx.report(id, path.node, `${ctx.text(path.node.callee)}() creates a file at a path built from the shared temp directory in a way tmpfix cannot follow (a variable assigned elsewhere, a parameter default, a spread, or a name added without a separator, which lands beside the temp directory rather than in it); not rewritten. Check it by hand: create it inside a directory from fs.mkdtempSync, with { flag: 'wx', mode: 0o600 }`, false);
    }
    reportPathHelpers(ctx, exclusiveReturns);
    reportUploadDirs(ctx);
    reportStoredPaths(ctx);
    reportUncreatedReads(ctx);
    reportSharedUses(ctx);
  },
};

// `jscodeshift -t dist/transforms/predictable-tmp-path.js`: this rule alone.
export default jscodeshiftTransform([predictableTmpPath]);
