import { contains, isCall, isFunction, isMember, ownerOf, propertyName, unwrap, walk, type Node, type Path } from './ast';
import { FsCalls, type FsCall } from './fs-calls';
import { Modules } from './modules';
import { computeLineStarts, detectStyle, Edits, type Style } from './text';
import { stepsAfterRef, Values, type ForeignFact, type TmpPath } from './dataflow/values';
import type { ModuleFacts } from './dataflow/facts';
import { RUNS } from './dataflow/sinks';
import type { Tree } from './tree';
import { Scopes } from './scope';
import type { Finding, RuleMeta, Target } from './types';

/** A creating call on a temp path that a rule wants moved into a private directory. */
export interface Site {
  ruleId: string;
  call: Path;
  fs: FsCall;
  tmp: TmpPath;
  /** What was found, for the finding's message: "writeFileSync() on a fixed name". */
  what: string;
  /**
   * An existence check around the call, to be dropped (check-then-create): the statement holding it
   * (`if`, `try`), the block to keep, and the check itself (which no longer counts as a use).
   */
  check?: { statement: Path; keep: Node; test: Node };
}

export interface CallSite {
  path: Path;
  call: FsCall;
}

export interface Rule {
  meta: RuleMeta;
  /**
   * Finds what the rule is about in the file's one shared tree: reports findings and hands sites to
   * the engine, which plans and writes the rewrite. Never reads the disk, never prints.
   */
  run(ctx: FileContext): void;
}

/**
 * Why a path the analysis followed cannot move into a private directory where it is created, or
 * undefined when it can: the rewrite happens where the temp directory is named, so the path must
 * reach the creation from there by variables, parameters, loops and collections, not come back
 * from a helper, live on an object, sit in a parameter's default or come from another module.
 */
/** Said of a path kept on `this`: the object's lifetime decides (engine/lifetimes.ts). */
const FIELD = 'field';

function unrewritable(tmp: TmpPath, source: string): string | undefined {
  for (const fact of tmp.facts) {
    const foreign = (fact as ForeignFact).foreign;
    if (foreign && (fact as ForeignFact).guessed) {
      return `the directory comes from ${foreign}, which tmpfix cannot follow: only its name says it is in the temp directory; not rewritten. If it gives os.tmpdir() or a fixed name there, make the directory with fs.mkdtempSync instead, or create the file with { flag: 'wx', mode: 0o600 }`;
    }
    if (foreign) {
      return `the path comes from ${foreign}, which builds it in the shared temp directory for every module that imports it; not rewritten here. Fix it there: make the directory once with fs.mkdtempSync and hand it out, or keep it in a per-user directory with mode 0700`;
    }
    for (const step of stepsAfterRef(fact)) {
      const line = step.node ? ` (line ${step.node.loc.start.line})` : '';
      if (step.kind === 'default') {
        return `the path is ${step.text}${line}, and callers may pass their own; not rewritten. Build the default inside a directory from fs.mkdtempSync in the function body when the parameter is missing`;
      }
      if (step.kind === 'return') {
        const helper = step.text.replace(/^the result of /, '');
        if (step.node && makesWhatItReturns(step.node, source)) {
          return `the path comes from ${helper}${line}, which makes that directory in the shared temp directory and returns it; not rewritten here. Make ${helper} create it inside a directory from fs.mkdtempSync (mode 0700, which nobody can create first), and create the file with { flag: 'wx', mode: 0o600 } (a mode the caller passes, such as an executable's, still wins: mode ?? 0o600)`;
        }
        const from = `the path comes from ${helper}${line}, which names a place in the shared temp directory for its callers to create; not rewritten here.`;
        // A random name needs no private directory around it: one would only be more for the callers
        // to remove (tempy's temporaryDirectory(), lerna's tempWrite() return what they create).
        if (tmp.guess === 'random' && !/Math\.random/.test(tmp.key)) {
          return `the path comes from ${helper}${line}, which names a place in the shared temp directory for its callers to create; not rewritten here, since tmpfix rewrites a path where it is built and this one is built in ${helper}. The name is random, so creating it owner-only here is enough, a one-argument change: { mode: 0o700 } for a directory, { flag: 'wx', mode: 0o600 } for a file`;
        }
        return `${from} Make ${helper} return a path inside a directory from fs.mkdtempSync, and remove that directory where the file is no longer needed`;
      }
      if (step.kind === 'field') return FIELD;
    }
  }
  if (tmp.mixed && tmp.mixedBy === 'callers') {
    const advice = tmp.guess === 'random' ? 'The name is random, so creating it new and owner-only is enough wherever it goes:' : 'Make the callers pass a directory from fs.mkdtempSync, or create it here with';
    return `its callers pass the directory, and other places besides the shared temp one (or callers tmpfix cannot see may pass anything); a private directory here would move all of them; not rewritten. ${advice} { flag: 'wx', mode: 0o600 } for a file, { mode: 0o700 } for a directory`;
  }
  if (tmp.mixed) {
    // node-pid's `'/tmp/' + name + '.pid'`: a name others look for must stay findable, and survive a crash.
    return 'the shared temp directory is only the fallback here: another value (an option, a setting, a caller\'s choice) is used when given, and a rewrite would override it; not rewritten. Make the fallback a private directory (fs.mkdtempSync) where the default is chosen, and create the file with { flag: \'wx\', mode: 0o600 }; a name other processes look for (a pid file, a lock, a socket) belongs in a per-user directory with mode 0700 instead, where a file left by a crash can be replaced';
  }
  return undefined;
}

/** `fs.createWriteStream(p)`, `fsExtra.createWriteStream(p)`: a call whose options spell the open flags `flags`. */
function isStreamCall(node: Node): boolean {
  if (node.type !== 'CallExpression') return false;
  const callee = node.callee as Node;
  const name = callee.type === 'MemberExpression' && !callee.computed ? callee.property.name : callee.type === 'Identifier' ? callee.name : undefined;
  return name === 'createWriteStream';
}

const MAKES_DIRECTORY = /^(?:mkdir|mkdirSync|mkdirp|mkdirpSync|ensureDir|ensureDirSync|mkdirs|mkdirsSync)$/;

/** `function tempdir() { const d = …; fs.mkdirSync(d, …); return d }`: the helper makes the directory it hands back. */
function makesWhatItReturns(fn: Node, source: string): boolean {
  const text = (node: Node): string => source.slice(node.start, node.end);
  const returned = new Set<string>();
  const made = new Set<string>();
  walk(fn.body ?? fn, (node) => {
    if (node.type === 'ReturnStatement' && node.argument) returned.add(text(unwrap(node.argument)));
    if (isCall(node) && node.arguments.length > 0) {
      const callee = unwrap(node.callee);
      const name = callee.type === 'Identifier' ? callee.name : isMember(callee) ? propertyName(callee) : undefined;
      if (name && MAKES_DIRECTORY.test(name)) made.add(text(unwrap(node.arguments[0])));
    }
  }, true);
  if (fn.body && fn.body.type !== 'BlockStatement') returned.add(text(unwrap(fn.body)));
  return [...returned].some((r) => made.has(r));
}

const SUMMARY_LENGTH = 130;

/**
 * A message's short form: what was found (its first clause, without the notes in parentheses) and
 * the verdict, in a sentence a reviewer can act on. Messages are written "what: outcome".
 */
export function summarize(message: string, fixed: boolean, callerRemoves?: string): string {
  // "X() creates 'name' in the shared temp directory under …: outcome": keep the call and the name.
  const anchor = message.indexOf(' the shared temp directory');
  let cut = message.indexOf(': ', Math.max(anchor, 0));
  // A colon only after '; not rewritten' is inside the advice (`{ flag: 'wx' }`), not the verdict's.
  const verdictAt = message.indexOf('; not rewritten', Math.max(anchor, 0));
  if (anchor > 0 && verdictAt > 0 && cut > verdictAt) cut = -1;
  let what = anchor > 0 ? `${message.slice(0, anchor)} the temp dir` : cut > 0 ? message.slice(0, cut) : message;
  what = what.replace(/ \((?:the path|suppressed|not rewritten|moved with)[^)]*\)/g, '');
  // "returns 'x' in the shared temp directory, a name …; not rewritten (…)": no colon, the reason follows the anchor.
  const rest = cut > 0 ? message.slice(cut + 2) : anchor > 0 ? message.slice(anchor + ' the shared temp directory'.length).replace(/^[,:]?\s*/, '') : '';
  let verdict: string;
  if (fixed) {
    if (callerRemoves) verdict = `secured; the caller must remove ${callerRemoves}`;
    else if (/removed where the old code removed/.test(rest)) verdict = 'secured, removed where the old code removed it';
    else if (/cleanup is left to the caller/.test(rest)) verdict = 'secured; cleanup is the caller\'s';
    else if (/^given .* in place/.test(rest)) verdict = 'secured in place; removed where it was before';
    else if (/finally|block ends|every path|close\(\)|dispose/.test(rest)) verdict = 'secured and removed on every path';
    else verdict = 'secured';
  } else {
    const reason = /; not rewritten/.test(rest) ? rest.slice(0, rest.indexOf('; not rewritten')) : rest.split(/[;.] /)[0];
    verdict = /^not rewritten/.test(reason) ? reason.replace(/^not rewritten,? (because )?/, 'not rewritten: ') : `not rewritten: ${reason}`;
  }
  let text = `${what}: ${verdict}`;
  // A long name gives way first, so that the verdict's start ("not rewritten: …") stays readable.
  if (text.length > SUMMARY_LENGTH) {
    const open = what.indexOf("'");
    const close = what.lastIndexOf("'");
    if (open >= 0 && close - open > 40) what = `${what.slice(0, open + 37)}…${what.slice(close)}`;
    text = `${what}: ${verdict}`;
  }
  return text.length <= SUMMARY_LENGTH ? text : `${text.slice(0, SUMMARY_LENGTH - 1).replace(/[\s,;:]+\S*$/, '')}…`;
}

/** How the path reached the creation from where it was built, when that was not in one place. */
function flowNote(tmp: TmpPath): string {
  const steps = stepsAfterRef(tmp.facts[0]).filter((step) => step.kind === 'param' || step.kind === 'callback');
  if (steps.length === 0) return '';
  const from = tmp.ref.path.node.loc.start.line;
  return ` (the path is built at line ${from} and reaches it through ${steps.map((s) => s.text).join(', then ')})`;
}

/** A chmod mode with an execute bit: `0o755`, `493`, `'755'`, `'+x'`. */
function executableMode(mode: Node | undefined): boolean {
  if (!mode) return false;
  if (mode.type === 'NumericLiteral') return (mode.value & 0o111) !== 0;
  if (mode.type === 'StringLiteral') return /x/.test(mode.value) || (/^[0-7]+$/.test(mode.value) && (parseInt(mode.value, 8) & 0o111) !== 0);
  return false;
}

const IGNORE_FILE = /tmpfix-ignore-file/;
const IGNORE_NEXT_LINE = /tmpfix-ignore-next-line/;

/** Per-file state shared by every rule: one tree, the findings, and the edits still to apply. */
export class FileContext {
  readonly findings: Finding[] = [];
  readonly sites: Site[] = [];
  /** Sites on lines the run was not asked to fix (`locations`), until `releaseHeld` decides. */
  private readonly heldSites: Site[] = [];
  /** Sites whose path lives on `this`: their private directory lives on the object too. */
  readonly fieldSites: Site[] = [];
  /** Calls a rule has taken care of, so that no other rule reports them again. */
  readonly claimed = new Set<Node>();
  readonly program: Node;
  readonly style: Style;
  readonly lineStarts: number[];
  readonly edits: Edits;
  readonly modules: Modules;
  /** The value-flow analysis: what each expression holds (`tmp` for the rules' older name). */
  readonly values: Values;
  readonly tmp: Values;
  readonly fs: FsCalls;
  readonly scopes: Scopes;
  /** Every identifier name in the file: a new name outside this set cannot clash or shadow. */
  readonly names: Set<string>;
  private ignoreFile = false;
  /** Lines a run may rewrite (`--from-sarif`); every line when absent. */
  private readonly locations?: Set<number>;
  private ignoredLines = new Set<number>();
  private fsCallCache?: CallSite[];
  private readonly kept = new Map<Node, string[]>();
  /** The temp name a creating call was handed over with, and whether it makes a directory. */
  private readonly pathAt = new Map<Node, { key: string; dir: boolean }>();
  /** Findings on a function that returns a temp name for its callers, by the name's key. */
  private readonly returnedNames = new Map<Finding, string>();
  /** The node each finding was reported at. */
  private readonly reportedAt = new Map<Finding, Node>();

  constructor(
    readonly tree: Tree,
    readonly source: string,
    readonly filePath: string,
    readonly target: Target,
    facts: ModuleFacts = {},
    locations?: readonly { line: number }[],
    /** Fixed temp names other files use too, with one of those files (TransformOptions.sharedNames). */
    readonly sharedNames: Readonly<Record<string, string>> = {},
  ) {
    this.locations = locations ? new Set(locations.map((l) => l.line)) : undefined;
    this.program = tree.program;
    this.scopes = new Scopes(tree);
    for (const comment of (tree.file.comments ?? []) as Node[]) {
      if (IGNORE_FILE.test(comment.value)) this.ignoreFile = true;
      if (IGNORE_NEXT_LINE.test(comment.value)) this.ignoredLines.add(comment.loc.end.line + 1);
    }
    this.names = tree.names;
    const ends: string[] = [];
    for (const statement of this.program.body as Node[]) {
      if (statement.type === 'ExpressionStatement' || statement.type === 'VariableDeclaration' || statement.type === 'ImportDeclaration') {
        ends.push(source.slice(statement.start, statement.end).trimEnd());
      }
    }
    this.style = detectStyle(source, tree.stringRaws, ends);
    this.lineStarts = computeLineStarts(source);
    this.edits = new Edits(source, this.lineStarts);
    const isTs = /\.[cm]?tsx?$/i.test(filePath);
    this.modules = new Modules(tree, this.scopes, this.style, isTs, source, facts);
    this.values = new Values(tree, this.scopes, this.modules, source, facts);
    this.tmp = this.values;
    this.fs = new FsCalls(this.modules, source);
  }

  /** Paths of the nodes of `type` that have to do with the temp directory: where rules look. */
  candidates(type: string): Path[] {
    return this.tree.hotOfType(type).map((node) => this.tree.pathOf(node));
  }

  get modified(): boolean {
    return !this.edits.empty;
  }

  /** Every call into the file system API that involves a temp path, classified once and shared by the rules. */
  fsCalls(): CallSite[] {
    if (!this.fsCallCache) {
      const found: CallSite[] = [];
      for (const type of ['CallExpression', 'OptionalCallExpression']) {
        for (const node of this.tree.hotOfType(type)) {
          if (!this.modules.mayReferToModule(node.callee)) continue;
          const path = this.tree.pathOf(node);
          const call = this.fs.classify(path);
          if (call) found.push({ path, call });
        }
      }
      this.fsCallCache = found.sort((a, b) => a.path.node.start - b.path.node.start);
    }
    return this.fsCallCache;
  }

  /**
   * Why a finding at `node` is reported but not rewritten although a rule could: a suppression
   * comment, or `locations` that do not name its line (a run that fixes only what a scanner flagged).
   */
  held(node: Node): string | undefined {
    if (this.isSuppressed(node)) return ' (suppressed)';
    if (this.locations && !this.locations.has(node.loc.start.line)) return ' (not rewritten: the run fixes only the lines it was given)';
    return undefined;
  }

  /**
   * A creation whose failure because the name exists is handled on purpose (`catch (e) { if (e.code ===
   * 'EEXIST') … }`): taking the name is the point, as with a lock, so it must stay where others look.
   */
  claimsName(call: Node): boolean {
    for (let child: Node = call, p = this.tree.parentOf(call); p; child = p, p = this.tree.parentOf(p)) {
      if (isFunction(p)) return false;
      if (p.type === 'TryStatement' && p.block === child && p.handler && /\bEEXIST\b/.test(this.text(p.handler))) return true;
    }
    return false;
  }

  isSuppressed(node: Node): boolean {
    return this.ignoreFile || this.ignoredLines.has(node.loc.start.line);
  }

  text(node: Node): string {
    return this.source.slice(node.start, node.end);
  }

  /** Records a finding at `node`. Suppressed ones are kept, marked, and never rewritten. */
  report(ruleId: string, node: Node, message: string, fixed: boolean, callerRemoves?: string): void {
    // A stream's option is `flags` (`{ flag: 'wx' }` is ignored by fs.createWriteStream, and opens what is there).
    if (!fixed && isStreamCall(node)) message = message.replace(/\{ flag: 'wx'/g, "{ flags: 'wx'");
    const finding: Finding = {
      ruleId,
      message,
      summary: summarize(message, fixed, callerRemoves),
      ...(callerRemoves ? { callerRemoves } : {}),
      line: node.loc.start.line,
      column: node.loc.start.column + 1,
      endLine: node.loc.end.line,
      endColumn: node.loc.end.column + 1,
      fixed,
      suppressed: this.isSuppressed(node),
    };
    this.findings.push(finding);
    this.reportedAt.set(finding, node);
  }

  /** A rule hands over a site; suppressed sites are reported as such and left alone. */
  addSite(original: Site): void {
    const site = { ...original, what: original.what + flowNote(original.tmp) };
    this.claimed.add(site.call.node);
    this.pathAt.set(site.call.node, { key: site.tmp.key, dir: site.fs.creates === 'dir' });
    if (this.isSuppressed(site.call.node)) {
      this.report(site.ruleId, site.call.node, `${site.what} (suppressed)`, false);
      return;
    }
    // A creation counts as asked for when its own line, or the line that names the temp path, is.
    if (this.held(site.call.node) && this.held(site.tmp.ref.path.node)) {
      this.heldSites.push(site);
      return;
    }
    const problem = unrewritable(site.tmp, this.source);
    if (problem === FIELD) {
      this.fieldSites.push(site);
      return;
    }
    if (problem) {
      this.leaveAlone(site.ruleId, site.call.node, site.tmp, `${site.what}: ${problem}`);
      return;
    }
    if (/(^|\/)\.\.(\/|$)/.test(site.tmp.key)) {
      this.leaveAlone(site.ruleId, site.call.node, site.tmp, `${site.what}: the name climbs out of the temp directory with '..', so no private directory can hold it; not rewritten. Build the path from a directory of your own`);
      return;
    }
    this.sites.push(site);
  }

  /**
   * A temp path that must keep its name (a lock, a socket, a cache, a log): reported, not rewritten,
   * and no other rewrite in the same function may move it.
   */
  leaveAlone(ruleId: string, node: Node, tmp: TmpPath, message: string): void {
    this.claimed.add(node);
    if (!this.pathAt.has(node)) this.pathAt.set(node, { key: tmp.key, dir: this.makesDirectory(node) });
    this.report(ruleId, node, message, false);
    const owner = ownerOf(tmp.ref.path).node;
    const keys = this.kept.get(owner) ?? [];
    keys.push(tmp.key);
    this.kept.set(owner, keys);
  }

  /**
   * Creating calls whose target is built from the temp directory in a way the engine cannot follow
   * (a `let` assigned elsewhere, a parameter default, a spread): rules report them, never skip them.
   */
  unresolvedCreations(kinds: FsCall['creates'][]): CallSite[] {
    return this.fsCalls().filter(({ path, call }) => {
      if (!kinds.includes(call.creates) || this.claimed.has(path.node)) return false;
      const args = path.node.arguments as Node[];
      const index = Math.min(call.target, args.length - 1);
      if (index < 0) return false;
      const target = path.get('arguments', index) as Path;
      if (args[index].type !== 'SpreadElement' && (index !== call.target || this.tmp.tmpPathOf(target))) return false;
      return this.tmp.mentionsTmpDir(target);
    });
  }

  /** Whether a temp name in `owner` was left alone on purpose (or lies under one that was). */
  isKept(owner: Node, key: string): boolean {
    return (this.kept.get(owner) ?? []).some((kept) => key === kept || key.startsWith(`${kept}/`));
  }

  /**
   * A held site whose function has an asked-for site moves with it (one private directory holds every
   * temp path of a function, so the other paths move anyway); the rest are reported, not rewritten.
   */
  releaseHeld(): void {
    for (const site of this.heldSites) {
      const owner = ownerOf(site.tmp.ref.path).node;
      if (this.sites.some((other) => ownerOf(other.tmp.ref.path).node === owner)) {
        this.sites.push({ ...site, what: `${site.what} (moved with the other temp paths of its function, which were asked for)` });
      } else {
        this.report(site.ruleId, site.call.node, `${site.what}${this.held(site.call.node)}`, false);
      }
    }
    this.heldSites.length = 0;
  }

  /** `node` is a call that makes a directory, or a check whose guarded creations do (`if (!exists(d)) mkdirSync(d)`). */
  private makesDirectory(node: Node): boolean {
    if (isCall(node)) return this.fs.classify(this.tree.pathOf(node))?.creates === 'dir';
    return this.fsCalls().some(({ path, call }) => call.creates === 'dir' && contains(node, path.node) && this.claimed.has(path.node));
  }

  /**
   * Open findings on paths inside a directory that an open finding of this file makes (`D/a.json`,
   * `D/sub` under `D`) are that directory's danger seen again: whoever owns `D` owns what goes in it,
   * and once `D` is private so is everything inside. They go into the directory's finding, by line,
   * instead of standing as findings of their own.
   */
  foldIntoDirectories(): void {
    // Only findings on a creation at a temp name have a path (a site or a name left alone).
    const open = this.findings.filter((f) => !f.fixed && !f.suppressed);
    const pathOf = (f: Finding) => {
      const node = this.reportedAt.get(f);
      return node ? this.pathAt.get(node) : undefined;
    };
    const dirs = open
      .map((finding) => ({ finding, keys: (pathOf(finding)?.dir ? pathOf(finding)!.key.split('|') : []).filter((k) => k !== '') }))
      .filter((d) => d.keys.length > 0);
    if (dirs.length === 0) return;
    const inside = new Map<Finding, Finding[]>();
    const folded = new Set<Finding>();
    for (const finding of open) {
      const path = pathOf(finding);
      if (!path || path.key === '') continue;
      const keys = path.key.split('|');
      // The outermost directory that holds every alternative of the name.
      const holders = dirs.filter((d) => d.finding !== finding && keys.every((k) => d.keys.some((dir) => k.startsWith(`${dir}/`))));
      if (holders.length === 0) continue;
      const outer = holders.reduce((a, b) => (Math.min(...b.keys.map((k) => k.length)) < Math.min(...a.keys.map((k) => k.length)) ? b : a));
      inside.set(outer.finding, [...(inside.get(outer.finding) ?? []), finding]);
      folded.add(finding);
    }
    for (const [dir, children] of inside) {
      if (folded.has(dir)) continue; // its own holder takes its children too
      const all = children.flatMap((c) => [c, ...(inside.get(c) ?? [])]);
      const lines = [...new Set(all.map((c) => c.line))].sort((a, b) => a - b);
      dir.message += `${dir.message.endsWith('.') ? '' : '.'} What the code creates inside it (line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}) is exposed only through it and is safe once it is private, so it is not reported on its own`;
      dir.summary = summarize(dir.message, dir.fixed, dir.callerRemoves);
    }
    for (let i = this.findings.length - 1; i >= 0; i--) if (folded.has(this.findings[i])) this.findings.splice(i, 1);
  }

  /**
   * Open findings on a directory or file that the file also runs from (spawns a program in it,
   * requires a module from it, makes a file in it executable): a file planted there runs as this
   * user, so the finding says so.
   */
  noteWhatRuns(): void {
    const runs: { key: string; line: number; what: string }[] = [];
    const add = (call: Node, index: number, what: string) => {
      const args = call.arguments as Node[];
      if (index >= args.length || args[index].type === 'SpreadElement') return;
      const tmp = this.values.tmpPathOf(this.tree.pathOf(call).get('arguments', index) as Path);
      if (tmp && tmp.key !== '') runs.push({ key: tmp.key, line: call.loc.start.line, what });
    };
    for (const type of ['CallExpression', 'NewExpression']) {
      for (const node of this.tree.hotOfType(type)) {
        const callee = node.callee as Node;
        if (callee.type === 'Import' || (callee.type === 'Identifier' && (callee.name === 'require' || callee.name === 'Worker') && !this.scopes.lookup(this.tree.pathOf(node), callee.name as string))) {
          add(node, 0, callee.type === 'Import' ? 'import()' : `${callee.name}()`);
          continue;
        }
        if (type !== 'CallExpression') continue;
        const ref = this.modules.calleeOf(this.tree.pathOf(node));
        const index = ref ? RUNS[ref.module]?.[ref.member] : undefined;
        if (index !== undefined) add(node, index, `${this.text(callee)}()`);
        else if (ref && (ref.module === 'fs' || ref.module === 'fsPromises') && /^chmod(Sync)?$/.test(ref.member) && executableMode((node.arguments as Node[])[1])) add(node, 0, `${this.text(callee)}() to an executable mode`);
      }
    }
    if (runs.length === 0) return;
    for (const finding of this.findings) {
      if (finding.fixed || finding.suppressed) continue;
      const node = this.reportedAt.get(finding);
      const path = node ? this.pathAt.get(node) : undefined;
      if (!path || path.key === '') continue;
      const keys = path.key.split('|');
      const run = runs.find((r) => keys.some((k) => r.key === k || (path.dir && r.key.startsWith(`${k}/`))));
      if (!run) continue;
      finding.message += `${finding.message.endsWith('.') ? '' : '.'} What is there is run (line ${run.line}, ${run.what}): a file another user plants ${path.dir ? 'in it' : 'at that name'} first runs as this user, so this is code execution, not only a leak`;
      finding.summary = summarize(finding.message, finding.fixed, finding.callerRemoves);
    }
  }

  /** A rule that rewrites a creation itself (not through a site) says which temp name it was. */
  notePath(node: Node, key: string, dir: boolean): void {
    this.pathAt.set(node, { key, dir });
  }

  /**
   * A function that returns a temp name for its callers to create (`return path.join(os.tmpdir(), …)`):
   * reported, unless a creation of that name in this file has a finding of its own (then that one
   * says it, and a rewrite of it changes what the function returns), which `dropReturnedNamesCreatedHere` checks.
   */
  reportReturnedName(ruleId: string, node: Node, key: string, message: string): void {
    this.report(ruleId, node, message, false);
    this.returnedNames.set(this.findings[this.findings.length - 1], key);
  }

  dropReturnedNamesCreatedHere(): void {
    if (this.returnedNames.size === 0) return;
    const created = [...this.pathAt.values()].map((p) => p.key).filter((k) => k !== '');
    const drop = new Set<Finding>();
    for (const [finding, key] of this.returnedNames) {
      const keys = key.split('|');
      if (keys.every((k) => created.some((c) => c.split('|').some((one) => one === k || one.startsWith(`${k}/`))))) drop.add(finding);
    }
    for (let i = this.findings.length - 1; i >= 0; i--) if (drop.has(this.findings[i])) this.findings.splice(i, 1);
  }

  /** Writes the imports the rewrites asked for. */
  finish(): void {
    this.modules.flush(this.edits);
  }

  output(): string {
    return this.edits.apply(this.style.indentUnit, !this.style.braceSpacing);
  }
}
