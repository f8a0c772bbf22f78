// Where new blocks go and how they are written: the run of statements that holds every use of a temp
// path, wrapped in `with tempfile.TemporaryDirectory() as d:` or in try/finally, re-indented in the
// file's own step. Only whole lines move; a line that starts inside a string is never touched.
import type { PyContext } from './context';
import { bodyOf, contains, statements, type PyNode } from './tree';

export interface Region {
  block: PyNode;
  first: PyNode;
  last: PyNode;
  /** The indentation of the block's statements. */
  indent: string;
}

function blockOf(node: PyNode): PyNode | undefined {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'block' || n.type === 'module') return n;
  return undefined;
}

/** The run of statements of one block that holds all `nodes` (the innermost such block), or why there is none. */
export function regionOf(ctx: PyContext, nodes: PyNode[], unit: PyNode): Region | string {
  const body = bodyOf(unit);
  if (!body || nodes.length === 0) return 'no statements to wrap';
  const chains = nodes.map((n) => {
    const chain: PyNode[] = [];
    for (let b = blockOf(n); b; b = b === body ? undefined : blockOf(b)) {
      chain.unshift(b);
      if (b === body) break;
    }
    return chain;
  });
  let block = body;
  for (let depth = 1; ; depth++) {
    const candidate = chains[0][depth];
    if (!candidate || !chains.every((c) => c[depth] === candidate)) break;
    block = candidate;
  }
  const children = statements(block);
  const holders = nodes.map((n) => children.find((s) => contains(s, n))).filter((s): s is PyNode => !!s);
  if (holders.length === 0) return 'no statements to wrap';
  const first = holders.reduce((a, b) => (b.start < a.start ? b : a));
  const last = holders.reduce((a, b) => (b.end > a.end ? b : a));
  const indent = ctx.indentOf(first);
  if (indent === undefined) return 'the statement shares its line with other code';
  if (!ctx.endsLine(last)) return 'the statement shares its line with other code';
  for (const s of children) {
    if (s.start >= first.start && s.end <= last.end && (ctx.indentOf(s) === undefined || !ctx.endsLine(s))) return 'statements in the way share a line';
  }
  return { block, first, last, indent };
}

/** A block to put around a region, written once every rule has asked for its own. */
export interface Wrap {
  region: Region;
  /** Lines above the region (the `with ...:` header, or `x = ...` and `try:`). */
  head: string[];
  /** Lines below it (`finally:` and the cleanup), empty for a `with`. */
  tail: string[];
}

/** Indents the region one step and puts `header` (e.g. `with X as d:`) above it. */
export function wrapInHeader(ctx: PyContext, region: Region, header: string): void {
  ctx.wraps.push({ region, head: [header], tail: [] });
}

/** `before` lines, then `try:` around the region, then `finally:` with `cleanup` lines. */
export function wrapInTry(ctx: PyContext, region: Region, before: string[], cleanup: string[]): void {
  ctx.wraps.push({ region, head: [...before, 'try:'], tail: ['finally:', ...cleanup.map((line) => `${ctx.indentUnit}${line}`)] });
}

/**
 * Writes every wrap. Two regions of one block that overlap without one holding the other would make
 * blocks that cross: the one that starts first grows to hold the other. Outer blocks are written
 * first, and the lines of a block take the indentation of the blocks around it only.
 */
export function flushWraps(ctx: PyContext): void {
  const wraps = ctx.wraps;
  for (let changed = true; changed; ) {
    changed = false;
    for (const a of wraps) {
      for (const b of wraps) {
        if (a === b || a.region.block !== b.region.block) continue;
        const crosses = a.region.first.start <= b.region.first.start && b.region.first.start <= a.region.last.start && a.region.last.end < b.region.last.end;
        if (crosses) {
          a.region = { ...a.region, last: b.region.last };
          changed = true;
        }
      }
    }
  }
  wraps.sort((a, b) => a.region.first.start - b.region.first.start || b.region.last.end - a.region.last.end);
  const ids = wraps.map(({ region, head }) => {
    const id = ctx.edits.newShift();
    // Only what shifts the whole region shifts its header and tail: a dedent inside it (a dropped check's body) does not.
    ctx.edits.addLines(region.first.row, head.map((line) => `${region.indent}${line}`), { before: id, alsoAt: region.last.endRow, header: true });
    ctx.edits.indentRows(region.first.row, region.last.endRow, ctx.indentUnit, id);
    return id;
  });
  // Tails below the same row close the inner block first: written innermost first.
  for (let i = wraps.length - 1; i >= 0; i--) {
    const { region, tail } = wraps[i];
    if (tail.length) ctx.edits.addLines(region.last.endRow, tail.map((line) => `${region.indent}${line}`), { below: true, before: ids[i], alsoAt: region.first.row });
  }
  wraps.length = 0;
}

/** Plain lines before the region's first statement, at its indentation. */
export function insertBefore(ctx: PyContext, statement: PyNode, indent: string, lines: string[]): void {
  ctx.edits.addLines(statement.row, lines.map((line) => `${indent}${line}`));
}
