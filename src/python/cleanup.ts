// Guaranteed removal for files and directories that tempfile already creates safely (mkstemp, mkdtemp,
// NamedTemporaryFile(delete=False)) and for those tmpfix's own rewrites create: a try/finally from
// the creation to the last use, where the path stays in the function.
import type { PyContext } from './context';
import type { Lifetimes, Tracking, Use } from './lifetime';
import { field, named, statementOf, statements, unwrap, type PyNode } from './tree';
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

export interface CleanupOutcome {
  status: 'clean' | 'added' | 'escapes' | 'unused' | 'not-rewritten';
  message: string;
}

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
    const outcome = this.decide(site);
    if (!site.silent) {
      const fixed = outcome.status === 'added';
      if (outcome.status === 'added' || outcome.status === 'not-rewritten' || outcome.status === 'unused') this.ctx.report(site.ruleId, site.statement, `${site.what}${outcome.message}`, fixed);
    }
    return outcome;
  }

  private decide(site: CleanupSite): CleanupOutcome {
    const ctx = this.ctx;
    const unit = ctx.file.scopes.unit(site.unit);
    const tracking = this.lifetimes.track(unit, { seeds: [], names: site.names, objectNames: site.objects });
    const uses = tracking.uses.filter((u) => u.node.start >= site.statement.end || (site.withItem && u.node.start > site.withItem.call.end));
    if (uses.some((u) => u.kind === 'cleanup-later')) return { status: 'clean', message: '' };
    const removals = uses.filter((u) => u.kind === 'remove');
    // As for private directories: a removal after an unknown callee means the code was done with it.
    const escapes = tracking.escapes.filter((e) => !(e.unknownCall && removals.some((r) => r.node.start > e.node.start)));
    if (escapes.length) return { status: 'escapes', message: `; ${escapes[0].why}, so removing it is the caller's job` };
    if (removals.some((r) => inside(r.node, 'finally_clause', site.unit))) return { status: 'clean', message: '' };
    if (this.removedOnErrorToo(removals, site.unit)) return { status: 'clean', message: '' };
    if (uses.filter((u) => u.kind !== 'define').length === 0 && !site.withItem) {
      return { status: 'unused', message: ' that nothing uses or removes afterwards: it stays behind in the temp directory; not rewritten. Remove the call, or remove what it creates when done' };
    }
    const block = site.statement.parent;
    if (!block) return { status: 'not-rewritten', message: '' };
    if (uses.some((u) => !containsNode(block, u.node))) {
      return { status: 'not-rewritten', message: ' that is used outside the block that creates it; not rewritten. Remove it in a finally block that follows its last use' };
    }
    const first = site.withItem ? site.statement : statements(block).find((s) => s.start >= site.statement.end);
    if (!first) return { status: 'not-rewritten', message: '' };
    const region = regionOf(ctx, [first, ...uses.map((u) => u.node)], site.unit);
    if (typeof region === 'string' || region.block !== block) {
      return { status: 'not-rewritten', message: `; not rewritten, because ${typeof region === 'string' ? region : 'its uses are spread over several blocks'}. Remove it in a finally block` };
    }
    const happyPath = removals.length > 0;
    this.wrap(site, region, removals);
    return {
      status: 'added',
      message: happyPath
        ? ' that is removed only when no exception comes first: an error leaves it behind in the temp directory; now removed in finally'
        : ' that nothing removes: every run leaves it behind in the temp directory, with what was written to it; now removed in finally',
    };
  }

  /** `except: os.remove(p); raise` plus a removal at the end: every path out removes it already. */
  private removedOnErrorToo(removals: Use[], unitNode: PyNode): boolean {
    const onError = removals.some((r) => {
      const clause = inside(r.node, 'except_clause', unitNode);
      return clause && /\braise\b/.test(this.text(clause));
    });
    const happy = removals.some((r) => !inside(r.node, 'except_clause', unitNode) && !inside(r.node, 'if_statement', unitNode));
    return onError && happy;
  }

  private wrap(site: CleanupSite, region: Region, removals: Use[]): void {
    const ctx = this.ctx;
    let last = region.last;
    // A removal that ends the region moves into finally as it is written.
    let cleanup: string[];
    const lastRemoval = removals.find((r) => (statementOf(r.node) === region.last && region.last.type === 'expression_statement') || onlyGuardsRemoval(region.last, r));
    const others = removals.filter((r) => r !== lastRemoval);
    if (lastRemoval && region.first !== region.last) {
      // Its lines move one block deeper, under finally: drop the indentation they had.
      cleanup = this.text(region.last)
        .split('\n')
        .map((line) => line.replace(/\r$/, ''))
        .map((line, i) => (i > 0 && line.startsWith(region.indent) ? line.slice(region.indent.length) : line));
      const previous = statements(region.block).filter((s) => s.end <= region.last.start).pop()!;
      ctx.edits.replace(ctx.lineStarts[region.last.row], ctx.afterRow(region.last.endRow), '');
      last = previous;
    } else {
      cleanup = site.remove(others.length > 0 || !!lastRemoval).split('\n');
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

/** `try: shutil.rmtree(d) except OSError: pass`: a removal guarded against failing, as a whole. */
function onlyGuardsRemoval(statement: PyNode, removal: Use): boolean {
  if (statement.type !== 'try_statement') return false;
  const body = field(statement, 'body');
  const inner = body ? statements(body) : [];
  if (inner.length !== 1 || !containsNode(inner[0], removal.node)) return false;
  return named(statement).every((c) => c.type === 'block' || (c.type === 'except_clause' && statements(named(c).find((b) => b.type === 'block') ?? c).every((s) => s.type === 'pass_statement')));
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
