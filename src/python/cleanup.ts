// Guaranteed removal for files and directories that tempfile already creates safely (mkstemp, mkdtemp,
// NamedTemporaryFile(delete=False)) and for those tmpfix's own rewrites create: a try/finally from
// the creation to the last use, where the path stays in the function.
import type { PyContext } from './context';
import { laterBindings, moduleExportEscape, type Lifetimes, type Tracking, type Use } from './lifetime';
import { argsOf, argument, field, fields, LOOP_TYPES, named, statementOf, statements, UNIT_TYPES, unwrap, walk, type PyNode } from './tree';
import { regionOf, wrapInTry, type Region } from './wrap';

export interface CleanupSite {
  ruleId: string;
  /** The statement that creates it (`fd, path = tempfile.mkstemp()`), or the `with` statement. */
  statement: PyNode;
  unit: PyNode;
  /** Names holding the path. */
  names?: string[];
  /** Names holding a NamedTemporaryFile object (its `.name` is the path). */
  objects?: string[];
  /** The code that removes it, given the text that names it. */
  remove: (idempotent: boolean) => string;
  /** What it is, for the finding: "tempfile.mkstemp() creates a file". */
  what: string;
  /** A `with NamedTemporaryFile(delete=False) as f:` whose header becomes `f = ...` and `with f:`. */
  withItem?: { call: PyNode; alias: string; text?: string };
  /** Set by a rewriting rule: its own finding carries the outcome; no finding of this rule. */
  silent?: boolean;
}

const TEMPFILE_CREATORS = /^tempfile\.(?:mkstemp|mkdtemp|NamedTemporaryFile|TemporaryFile|SpooledTemporaryFile|TemporaryDirectory)$/;

/**
 * Where the tempfile call of `statement` makes its file: `default` (no `dir`: tempfile.tempdir),
 * `shared` (`dir=` the shared temp directory itself), `own` (`dir=` another directory: pytest's
 * `tmp_path`, a fixture's directory, the directory a terminal deletes from), or undefined.
 */
function madeIn(statement: PyNode, ctx: PyContext): 'default' | 'shared' | 'own' | undefined {
  let call: PyNode | undefined;
  let qualified: string | undefined;
  walk(statement, (n) => {
    if (call) return false;
    const q = n.type === 'call' ? ctx.file.qualified(field(n, 'function')) : undefined;
    if (q && TEMPFILE_CREATORS.test(q)) {
      call = n;
      qualified = q;
      return false;
    }
    return undefined;
  });
  if (!call || !qualified) return undefined;
  const args = argsOf(call, ctx.file.source);
  if (args.splat) return undefined;
  // mkstemp(suffix, prefix, dir), NamedTemporaryFile(mode, buffering, encoding, newline, suffix, prefix, dir).
  const dir = argument(args, /NamedTemporaryFile|TemporaryFile$/.test(qualified) ? 6 : 2, 'dir');
  if (!dir) return 'default';
  const value = ctx.values.of(dir);
  return value && value.kind === 'dir' && !value.partial ? 'shared' : 'own';
}

/**
 * The unit checks, after `from`, that the file is gone (`self.assertFalse(os.path.exists(tf_name))`,
 * `assert not os.path.exists(p)`): the code under test removes it (supervisor's socket tests).
 */
function assertedGone(unit: PyNode, from: number, names: readonly string[], source: string): boolean {
  const text = source.slice(from, unit.end);
  return names.some((name) => {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(?:assertFalse\\(\\s*|\\bassert\\s+not\\s+)(?:os\\.path\\.(?:exists|lexists|isfile|isdir)\\(\\s*${escaped}\\s*\\)|${escaped}\\.exists\\(\\s*\\))`).test(text);
  });
}

export interface CleanupOutcome {
  status: 'clean' | 'added' | 'escapes' | 'unused' | 'not-rewritten';
  message: string;
}

/** Calls that move a path away, with the keyword of the path they move. */
const MOVES: Record<string, string> = { 'os.rename': 'src', 'os.replace': 'src', 'os.renames': 'old', 'shutil.move': 'src' };
/** The escape of a path handed to a program (or thread) started and not waited for: its starter. */
const CHILD_RUNS_ON = /([\w.]+\(\)) starts (a program|a thread) that may still use it after the function returns/;
/**
 * The path put into a command that removes it (`'shell rm %s' % tmp.name` at the top of the gdb script
 * pwntools writes): the program it is handed to removes it.
 */
const SELF_REMOVING = /\b(?:rm|del|unlink)\s+(?:-\w+\s+)*['"]?(?:%s|%r|\{)/;
/** Exception types that catch (nearly) everything the code can raise. */
const CATCH_ALL = /\b(BaseException|Exception)\b/;

function inside(node: PyNode, type: string, limit: PyNode): PyNode | undefined {
  for (let n = node.parent; n && n !== limit; n = n.parent) if (n.type === type) return n;
  return undefined;
}

export class Cleanups {
  constructor(
    private readonly ctx: PyContext,
    private readonly lifetimes: Lifetimes,
  ) {}

  private text(n: PyNode | undefined): string {
    return this.ctx.text(n);
  }

  /** Decides and writes the cleanup for one site; reports under the site's rule unless silent. */
  apply(site: CleanupSite): CleanupOutcome {
    // Silenced (a comment, or a branch only Python 2 runs): reported, and left as it is.
    if (!site.silent && this.ctx.isSuppressed(site.statement)) {
      const outcome = this.decide(site, false);
      if (outcome.status !== 'clean' && outcome.status !== 'escapes') this.ctx.report(site.ruleId, site.statement, `${site.what}${outcome.message.replace(/; now removed in finally.*$/, '')}`, false);
      return outcome;
    }
    const outcome = this.decide(site);
    if (!site.silent) {
      const fixed = outcome.status === 'added';
      if (outcome.status === 'added' || outcome.status === 'not-rewritten' || outcome.status === 'unused') this.ctx.report(site.ruleId, site.statement, `${site.what}${outcome.message}`, fixed);
    }
    return outcome;
  }

  private decide(site: CleanupSite, write = true): CleanupOutcome {
    const ctx = this.ctx;
    const unit = ctx.file.scopes.unit(site.unit);
    const tracking = this.lifetimes.track(unit, { seeds: [], names: site.names, objectNames: site.objects, binding: site.statement });
    const uses = tracking.uses.filter((u) => u.node.start >= site.statement.end || (site.withItem && u.node.start > site.withItem.call.end));
    if (uses.some((u) => u.kind === 'cleanup-later')) return { status: 'clean', message: '' };
    const removals = uses.filter((u) => u.kind === 'remove');
    // Its path printed for the user (`print('Logs in', log_dir)`) and never removed: kept on purpose, for
    // a person to read. tempfile made it private, so leaving it is what the code means, not a leak.
    if (!site.silent && removals.length === 0 && uses.some((u) => u.kind === 'print' && !!u.call && ctx.file.qualified(field(u.call, 'function')) === 'builtins.print' && !inside(u.node, 'except_clause', site.unit))) return { status: 'clean', message: '' };
    // As for private directories: a removal after an unknown callee means the code was done with it.
    const escapes = tracking.escapes.filter((e) => !(e.unknownCall && removals.some((r) => r.node.start > e.node.start)));
    const exported = removals.length === 0 ? moduleExportEscape(ctx.file, site.unit, tracking.names) : undefined;
    if (exported) escapes.push(exported);
    // A program started in the background and not waited for here runs on after this code: a removal
    // here (even in a finally) would pull the file away from it, and no caller gets the path to do it.
    const program = escapes.map((e) => CHILD_RUNS_ON.exec(e.why)).find((m) => !!m);
    if (program && removals.length === 0) {
      const [, starter, what] = program;
      const reader = what === 'a thread' ? 'the thread' : 'the child process';
      return { status: 'not-rewritten', message: ` that nothing removes: ${starter} is handed it and starts ${what} that is not waited for here, so ${reader} may still read it after the function returns; not rewritten, as a removal here would pull it away. Have the program remove it when done (a script that deletes itself), or wait for it and remove the file after` };
    }
    if (escapes.length) {
      // Handed to code tmpfix cannot see into, not to a caller: it stays as the old code left it. When
      // that is all that happens to it and nothing removes it, it is a leak in the shared temp directory
      // (certbot's tests hand mkdtemp() directories to parse_args() and never remove them), except
      // where the file is not there or not left: made in a directory of its own (pytest's tmp_path, a
      // fixture's), in the run's own tempfile.tempdir (sqlmap), shown to the user (a log line, a
      // message), or checked to be gone afterwards (the code under test removes it).
      if (!site.silent && removals.length === 0 && escapes.every((e) => e.unknownCall)) {
        const where = madeIn(site.statement, ctx);
        const shown = uses.some((u) => u.kind === 'print' || SELF_REMOVING.test(this.text(u.carrier)));
        const names = [...(site.names ?? []), ...(site.objects ?? []).map((o) => `${o}.name`)];
        if ((where === 'shared' || where === 'default') && !shown && !assertedGone(site.unit, site.statement.end, names, ctx.file.source)) {
          // sqlmap's API hands the config to a child kept on self.process: a removal after saveConfig()
          // would pull it away. A `Popen` tmpfix cannot resolve (sqlmap imports its own) starts a program
          // all the same, unless waited for on the spot (`Popen(cmd).wait()`); a known one is followed
          // by the lifetimes.
          const child = uses.find((u) => !!u.call && u.kind === 'other' && /(?:^|\.)Popen$/.test(this.text(field(u.call, 'function'))) && !(u.call.parent?.type === 'attribute' && /^(?:wait|communicate)$/.test(this.text(field(u.call.parent, 'attribute')))));
          if (child) {
            const starter = `${this.text(field(child.call!, 'function'))}()`;
            return { status: 'not-rewritten', message: ` that nothing here removes: ${escapes[0].why}, and ${starter} starts a program with it that may still read it after this function returns; not rewritten, as a removal here would pull it away. Remove it once that program is done (where it is waited for), or have the program remove it` };
          }
          // In the default directory of a program that points tempfile.tempdir at its own, it is left there only (sqlmap).
          if (where === 'default' && ctx.privateTempdir) return { status: 'escapes', message: `; ${escapes[0].why}` };
          const keeps = /tmpfix does not follow that path$/.test(escapes[0].why) ? 'the code that uses that path may keep it' : 'that call may keep it';
          return { status: 'not-rewritten', message: ` that nothing here removes: ${escapes[0].why}; not rewritten, as ${keeps}. If it does not, remove the ${site.what.includes('directory') ? 'directory' : 'file'} in a finally block after its last use here (not right after that call: later code may still use it); if it does, remove it where that code is done with it` };
        }
      }
      const whose = escapes[0].unknownCall ? 'so it is not removed here, as before: remove it once that call is done with it' : site.unit.type === 'module' ? 'so it must last as long as the process: remove it at exit (atexit.register(shutil.rmtree, <it>, True))' : "so removing it is the caller's job";
      return { status: 'escapes', message: `; ${escapes[0].why}, ${whose}` };
    }
    // In a finally, or a remover used as a context manager (`with utils.cleanup_file(name):`, qutebrowser):
    // its exit runs on every path.
    if (removals.some((r) => inside(r.node, 'finally_clause', site.unit) || inside(r.node, 'with_item', site.unit))) return { status: 'clean', message: '' };
    const moves = uses.filter((u) => this.movesAway(u));
    const ways = this.waysOut(site, removals, moves);
    if (ways.onError && ways.onSuccess) return { status: 'clean', message: '' };
    // Removed with the other files of a list, in a loop at the end (sqlmap's testing.py): one try/finally
    // around the list's whole life fixes them all, where one per file would nest a try for each.
    const viaList = removals.find((r) => r.list);
    if (viaList) {
      // sqlmap points tempfile.tempdir at its own mkdtemp directory at start and removes that in its
      // main finally: a file made in the default directory is left, on an error, only in there.
      if (ctx.privateTempdir && madeIn(site.statement, ctx) === 'default') return { status: 'clean', message: '' };
      const line = viaList.node.row + 1;
      return { status: 'not-rewritten', message: ` that is removed with the other files of ${viaList.list} (line ${line}) only when no exception comes first: an error leaves it behind in the temp directory; not rewritten, as one try/finally around the whole use of ${viaList.list} fixes every file in it. Put that removal loop in a finally block that starts before the first file is appended` };
    }
    if (uses.filter((u) => u.kind !== 'define').length === 0 && !site.withItem) {
      return { status: 'unused', message: ' that nothing uses or removes afterwards: it stays behind in the temp directory; not rewritten. Remove the call, or remove what it creates when done' };
    }
    // Never removed, but made in a directory of its own (`dir=self.temp_path`, pytest's `tmp_path`): that
    // directory's owner removes it with the rest (beets' test helper rmtrees its temp_path after each test).
    if (removals.length === 0 && moves.length === 0 && madeIn(site.statement, ctx) === 'own') return { status: 'clean', message: '' };
    const block = site.statement.parent;
    if (!block) return { status: 'not-rewritten', message: '' };
    if (uses.some((u) => !containsNode(block, u.node))) {
      const removed = !ways.onError && (removals.some((r) => !inside(r.node, 'except_clause', site.unit)) || moves.length > 0);
      const gone = removed ? ` ${removals.length ? 'removed' : 'moved away'} only when no exception comes first: an error leaves it behind${moves.length ? '' : ' in the temp directory'}. It is` : '';
      // Without a leak to name first, the reason is the obstacle: the summary keeps it after 'not rewritten:'.
      const outside = gone ? ' used outside the block that creates it; not rewritten.' : ' used outside the block that creates it: not rewritten, because a finally around that block would remove it before its last use.';
      return { status: 'not-rewritten', message: ` that is${gone}${outside} Remove it in a finally block that follows its last use` };
    }
    const first = site.withItem ? site.statement : statements(block).find((s) => s.start >= site.statement.end);
    if (!first) return { status: 'not-rewritten', message: '' };
    const region = regionOf(ctx, [first, ...uses.map((u) => u.node)], site.unit);
    if (typeof region === 'string' || region.block !== block) {
      // Name the leak first, then the obstacle (a semicolon is no reason to leave a file behind).
      const happy = removals.filter((r) => !inside(r.node, 'except_clause', site.unit));
      const leak = ways.onError
        ? ' that is removed on error, not on every other way out: a branch or a return that neither removes nor moves it leaves it behind'
        : happy.length > 0 || moves.length > 0
          ? ` that is ${happy.length > 0 ? 'removed' : 'moved away'} only when no exception comes first: an error leaves it behind`
          : ' that nothing removes: every run leaves it behind in the temp directory';
      return { status: 'not-rewritten', message: `${leak}; not rewritten, because ${typeof region === 'string' ? region : 'its uses are spread over several blocks'}. Remove it in a finally block` };
    }
    // The finally names the file through the variable: bound again inside the region, it would remove the other file.
    const moved = movedRemoval(region, removals);
    const named = moved ? identifiersIn(moved.last, ctx) : new Set([...(site.names ?? []), ...(site.objects ?? [])]);
    const rebound = [...(site.names ?? []), ...(site.objects ?? [])].find((name) => named.has(name) && laterBindings(unit, name, site.statement, ctx.source).some((a) => a.target.start >= region.first.start && a.target.end <= (moved ? moved.previousEnd : region.last.end)));
    if (rebound) {
      return { status: 'not-rewritten', message: ` that nothing removes: ${rebound} is bound again to another file before this one's last use, so a finally that removes ${rebound} would remove the other one; not rewritten. Keep each file in a variable of its own and remove it in a finally block` };
    }
    if (write) this.wrap(site, region, removals, moves.length > 0);
    const finallyNote = `now removed in finally${moves.length > 0 ? ' when still there' : ''}`;
    const happyRemovals = removals.filter((r) => !inside(r.node, 'except_clause', site.unit));
    const gone = happyRemovals.length > 0 ? (moves.length > 0 ? 'removed or moved away' : 'removed') : moves.length > 0 ? 'moved away' : undefined;
    let message: string;
    if (ways.onError) message = ` that is removed on error, not on every other way out: a branch or a return that neither removes nor moves it leaves it behind; ${finallyNote}`;
    // Moved away on success: usually made beside its destination (mkstemp(dir=...)), not in the temp directory.
    else if (gone) message = ` that is ${gone} only when no exception comes first: an error leaves it behind${moves.length > 0 ? '' : ' in the temp directory'}; ${finallyNote}`;
    else if (removals.length > 0) message = ` that is removed only by a handler that neither re-raises nor catches every error: a run without that error leaves it behind; ${finallyNote}`;
    else message = ' that nothing removes: every run leaves it behind in the temp directory, with what was written to it; now removed in finally';
    return { status: 'added', message };
  }

  /** `os.rename(path, dest)`, `os.replace`, `shutil.move`, `Path(path).rename(dest)`: the path itself goes elsewhere. */
  private movesAway(use: Use): boolean {
    const call = use.call;
    if (!call) return false;
    const q = this.ctx.file.qualified(field(call, 'function'));
    if (q && q in MOVES) {
      const source = unwrap(argument(argsOf(call, this.ctx.source), 0, MOVES[q]));
      return !!source && source.start === use.carrier.start && source.end === use.carrier.end;
    }
    const method = this.ctx.file.method(call);
    return !q && method?.name === 'rename' && containsNode(method.object, use.node);
  }

  /**
   * Which ways out already remove it: on error, an `except` that removes it and re-raises (or catches
   * everything); on success, a removal or a move that runs whatever branch is taken (`os.rename(tmp,
   * dest)` after the write; `os.unlink` in one branch of an if, `os.rename` in the else), with no return
   * before it that nothing removed it for. Both: the code cleans up already.
   */
  private waysOut(site: CleanupSite, removals: Use[], moves: Use[]): { onError: boolean; onSuccess: boolean } {
    const unitNode = site.unit;
    const onError = removals.some((r) => {
      const clause = inside(r.node, 'except_clause', unitNode);
      return !!clause && (reRaises(clause) || catchesAll(clause, this.ctx.source));
    });
    const gone = [...removals, ...moves].filter((u) => !inside(u.node, 'except_clause', unitNode));
    const happy = gone.find((u) => always(u, unitNode, gone));
    // A return on the way that nothing removed or moved it before leaves it behind.
    const onSuccess = !!happy && returnsBetween(site.statement.end, happy.node.start, unitNode).every((ret) => gone.some((g) => g.node.start < ret.start && enclosingBlocks(ret, unitNode).some((b) => containsNode(b, g.node) && always(g, b, gone))));
    return { onError, onSuccess };
  }

  private wrap(site: CleanupSite, region: Region, removals: Use[], moved: boolean): void {
    const ctx = this.ctx;
    let last = region.last;
    // A removal that ends the region moves into finally as it is written.
    let cleanup: string[];
    const lastRemoval = movedRemoval(region, removals)?.removal;
    const others = removals.filter((r) => r !== lastRemoval);
    if (lastRemoval) {
      // Its lines move one block deeper, under finally: drop the indentation they had.
      cleanup = this.text(region.last)
        .split('\n')
        .map((line) => line.replace(/\r$/, ''))
        .map((line, i) => (i > 0 && line.startsWith(region.indent) ? line.slice(region.indent.length) : line));
      const previous = statements(region.block).filter((s) => s.end <= region.last.start).pop()!;
      // The blank lines that set it apart go with it: left behind, they would join the ones after it
      // (three blank lines where there were two) and split the try body from its finally.
      let from = region.last.row;
      while (from - 1 > previous.endRow && /^[ \t]*\r?$/.test(ctx.source.slice(ctx.lineStarts[from - 1], ctx.lineStarts[from]).replace(/\n$/, ''))) from--;
      ctx.edits.replace(ctx.lineStarts[from], ctx.afterRow(region.last.endRow), '');
      last = previous;
    } else {
      // Moved away on success: by the finally it may be gone, so the removal must not fail then.
      cleanup = site.remove(others.length > 0 || !!lastRemoval || moved).split('\n');
    }
    const trimmed: Region = { ...region, last };
    if (site.withItem) {
      const { call, alias, text } = site.withItem;
      const item = call.parent?.type === 'as_pattern' ? call.parent : call;
      ctx.edits.replace(item.start, item.end, alias);
      wrapInTry(ctx, trimmed, [`${alias} = ${text ?? this.text(call)}`], cleanup);
      return;
    }
    wrapInTry(ctx, trimmed, [], cleanup);
  }
}

/**
 * The removal that ends the region and moves into the finally as it is written (the happy-path
 * `os.unlink`), with the end of the statement before it (the new end of the try body).
 */
function movedRemoval(region: Region, removals: Use[]): { removal: Use; last: PyNode; previousEnd: number } | undefined {
  if (region.first === region.last) return undefined;
  const removal = removals.find((r) => (statementOf(r.node) === region.last && region.last.type === 'expression_statement') || onlyGuardsRemoval(region.last, r));
  const previous = statements(region.block).filter((s) => s.end <= region.last.start).pop();
  return removal && previous ? { removal, last: region.last, previousEnd: previous.end } : undefined;
}

/** The names a statement reads. */
function identifiersIn(node: PyNode, ctx: PyContext): Set<string> {
  const out = new Set<string>();
  walk(node, (n) => {
    if (n.type === 'identifier' && !(n.parent?.type === 'attribute' && n.field === 'attribute')) out.add(ctx.text(n));
    return undefined;
  });
  return out;
}

/** `try: shutil.rmtree(d) except OSError: pass`: a removal guarded against failing, as a whole. */
function onlyGuardsRemoval(statement: PyNode, removal: Use): boolean {
  if (statement.type !== 'try_statement') return false;
  const body = field(statement, 'body');
  const inner = body ? statements(body) : [];
  if (inner.length !== 1 || !containsNode(inner[0], removal.node)) return false;
  return named(statement).every((c) => c.type === 'block' || (c.type === 'except_clause' && statements(named(c).find((b) => b.type === 'block') ?? c).every((s) => s.type === 'pass_statement')));
}

/** Whether `use` runs on every way through `limit` without an exception: not in a loop, a handler or a
 * conditional expression, and every `if` on the way has an `else` and each branch does it too. */
function always(use: Use, limit: PyNode, gone: Use[]): boolean {
  let child = use.node;
  for (let n = use.node.parent; n && n !== limit; child = n, n = n.parent) {
    if (n.type === 'except_clause' || n.type === 'finally_clause' || n.type === 'conditional_expression' || n.type === 'boolean_operator' || n.type === 'match_statement' || LOOP_TYPES.has(n.type) || UNIT_TYPES.has(n.type)) return false;
    if (n.type !== 'if_statement' || child.field === 'condition') continue;
    const alternatives = fields(n, 'alternative');
    if (!alternatives.some((a) => a.type === 'else_clause')) return false;
    const branches = [field(n, 'consequence'), ...alternatives.map((a) => field(a, a.type === 'else_clause' ? 'body' : 'consequence'))];
    if (!branches.every((b) => !!b && gone.some((g) => containsNode(b, g.node) && always(g, b, gone)))) return false;
  }
  return true;
}

/** `raise` in the handler itself (not in a function defined there). */
function reRaises(clause: PyNode): boolean {
  let found = false;
  walk(clause, (n) => {
    if (found || UNIT_TYPES.has(n.type)) return false;
    if (n.type === 'raise_statement') found = true;
    return undefined;
  });
  return found;
}

/** A bare `except:`, or one that names Exception or BaseException. */
function catchesAll(clause: PyNode, source: string): boolean {
  const value = field(clause, 'value');
  return !value || CATCH_ALL.test(source.slice(value.start, value.end));
}

/** The return statements of the unit between two offsets (not those of functions defined in it). */
function returnsBetween(from: number, to: number, unitNode: PyNode): PyNode[] {
  const found: PyNode[] = [];
  walk(unitNode, (n) => {
    if (n !== unitNode && UNIT_TYPES.has(n.type)) return false;
    if (n.end <= from || n.start >= to) return false;
    if (n.type === 'return_statement') found.push(n);
    return undefined;
  });
  return found;
}

/** The blocks around `node`, nearest first, up to the unit. */
function enclosingBlocks(node: PyNode, unitNode: PyNode): PyNode[] {
  const blocks: PyNode[] = [];
  for (let n = node.parent; n && n !== unitNode; n = n.parent) if (n.type === 'block') blocks.push(n);
  return blocks;
}

function containsNode(outer: PyNode, inner: PyNode): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** The single `with` item `NamedTemporaryFile(...) as f` of a with statement, when it is that simple. */
export function singleWithItem(statement: PyNode): { value: PyNode; alias?: PyNode } | undefined {
  const clause = named(statement).find((c) => c.type === 'with_clause');
  const items = clause ? named(clause).filter((c) => c.type === 'with_item') : [];
  if (items.length !== 1) return undefined;
  const value = field(items[0], 'value');
  if (value?.type === 'as_pattern') {
    const alias = field(value, 'alias');
    return { value: named(value)[0], alias: alias ? unwrap(named(alias)[0]) : undefined };
  }
  return value ? { value } : undefined;
}

export type { Tracking };
