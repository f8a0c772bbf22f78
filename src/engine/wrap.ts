// Text edits that move statements into try/finally, turn an arrow's expression body into a block,
// drop an existence check around its block, and remove a statement: always in the file's own
// indentation and line endings, never re-indenting the inside of a multi-line string.
import { walk, type Node } from './ast';
import type { FileContext } from './context';
import { closingParen, lineEnd, needsSemicolonBefore } from './text';

export function lineOf(ctx: FileContext, pos: number): number {
  const starts = ctx.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Only whitespace, or a comment, after `pos` on its line. */
export function restOfLineIsFree(source: string, pos: number): boolean {
  const rest = source.slice(pos, lineEnd(source, pos)).trim();
  return rest === '' || rest.startsWith('//') || (rest.startsWith('/*') && rest.endsWith('*/'));
}

/** Lines that start inside a multi-line template literal or string: re-indenting them would change a value. */
export function freezeLiteralLines(ctx: FileContext, node: Node): void {
  const freeze = (n: Node) => {
    if ((n.type === 'TemplateLiteral' || n.type === 'StringLiteral' || n.type === 'JSXText') && n.loc.start.line !== n.loc.end.line) {
      for (let line = n.loc.start.line + 1; line <= n.loc.end.line; line++) ctx.edits.frozenLines.add(line);
    }
  };
  freeze(node);
  walk(node, freeze);
}

/** Deletes a statement, with its whole line when it stands alone on it. */
export function removeStatement(ctx: FileContext, statement: Node): void {
  const { source, edits } = ctx;
  const lineStart = ctx.lineStarts[lineOf(ctx, statement.start) - 1];
  const ownLine = /^[ \t]*$/.test(source.slice(lineStart, statement.start)) && source.slice(statement.end, lineEnd(source, statement.end)).trim() === '';
  if (!ownLine) {
    // `{ a(); b(); }` without `b();`: the space before it goes too.
    let from = statement.start;
    while (from > lineStart && /[ \t]/.test(source[from - 1])) from--;
    edits.replace(/[;{,]/.test(source[from - 1] ?? '') ? from : statement.start, statement.end, '');
    return;
  }
  const next = ctx.lineStarts[lineOf(ctx, statement.end)] ?? source.length;
  edits.replace(lineStart, next, '');
}

/** The statement ranges already wrapped, per list of statements: a new try must nest with them, not cross them. */
const wrapped = new WeakMap<FileContext, { body: Node[]; first: number; last: number }[]>();

/**
 * The last statement a try over body[first..last] must reach so that it holds, rather than crosses,
 * each try already made in the same list (one that starts inside it and ends after it); undefined
 * when an earlier try starts before it and ends inside it.
 */
export function lastAcrossWraps(ctx: FileContext, body: Node[], first: number, last: number): number | undefined {
  let end = last;
  for (let changed = true; changed; ) {
    changed = false;
    for (const range of wrapped.get(ctx) ?? []) {
      if (range.body !== body) continue;
      if (range.first < first && range.last >= first && range.last < end) return undefined;
      if (range.first >= first && range.first <= end && range.last > end) {
        end = range.last;
        changed = true;
      }
    }
  }
  return end;
}

/** Puts `head` (a declaration, or nothing) before body[first] and wraps body[first..last] in try/finally. */
export function wrapStatements(ctx: FileContext, body: Node[], first: number, last: number, head: string, remove: string): void {
  const list = wrapped.get(ctx) ?? [];
  list.push({ body, first, last });
  wrapped.set(ctx, list);
  const { source, edits, style } = ctx;
  const { eol, indentUnit: unit } = style;
  const start = statementStart(ctx, body, first);
  const lastEnd = body[last].end;
  const lineStart = ctx.lineStarts[lineOf(ctx, start) - 1];
  const ind = source.slice(lineStart, start);
  if (/^[ \t]*$/.test(ind) && restOfLineIsFree(source, lastEnd)) {
    const scope: [number, number] = [lineOf(ctx, start), lineOf(ctx, lastEnd)];
    edits.insertBlockLines(
      { at: lineStart, text: `${head ? `${ind}${head}${eol}` : ''}${ind}try {${eol}`, line: scope[0], startsLine: true },
      { at: lineEnd(source, lastEnd), text: `${eol}${ind}} finally {${eol}${ind}${unit}${remove}${eol}${ind}}`, line: scope[1], startsLine: false },
      scope,
      1,
    );
    edits.indentLines(scope[0], scope[1], 1);
    for (let i = first; i <= last; i++) freezeLiteralLines(ctx, body[i]);
    return;
  }
  // On one line with other code: the declaration always ends with a semicolon here.
  edits.insert(start, `${head ? `${terminated(head)} ` : ''}try { `);
  edits.insert(lastEnd, ` } finally { ${remove} }`);
}

export function insertBefore(ctx: FileContext, body: Node[], first: number, head: string): void {
  const start = statementStart(ctx, body, first);
  const lineStart = ctx.lineStarts[lineOf(ctx, start) - 1];
  const ind = ctx.source.slice(lineStart, start);
  const safe = needsSemicolonBefore(ctx.source, start) ? terminated(head) : head;
  if (/^[ \t]*$/.test(ind)) ctx.edits.insert(lineStart, `${ind}${safe}${ctx.style.eol}`);
  else ctx.edits.insert(start, `${terminated(head)} `);
}

export function terminated(statement: string): string {
  return statement.endsWith(';') ? statement : `${statement};`;
}

/** Where a statement begins, its own leading comment lines included. */
export function statementStart(ctx: FileContext, body: Node[], index: number): number {
  const statement = body[index];
  const comments = (statement.leadingComments ?? []) as Node[];
  const previousEnd = index > 0 ? body[index - 1].end : -1;
  const own = comments.find((c) => c.start > previousEnd && (previousEnd < 0 || lineOf(ctx, c.start) > lineOf(ctx, previousEnd)));
  return own ? own.start : statement.start;
}

/** `(d) => expr` becomes a block body holding the private directory, with `return expr`. */
export function wrapArrowBody(ctx: FileContext, arrow: Node, head: string, remove: string | undefined): void {
  const { source, edits, style } = ctx;
  const { eol, indentUnit: unit } = style;
  const semi = style.semicolon ? ';' : '';
  const body = arrow.body as Node;
  const start = body.extra?.parenthesized ? (body.extra.parenStart as number) : body.start;
  const end = body.extra?.parenthesized ? closingParen(source, body.end) : body.end;
  const lineStart = ctx.lineStarts[lineOf(ctx, arrow.start) - 1];
  const ind = /^[ \t]*/.exec(source.slice(lineStart))![0];
  const inner = ind + unit;
  const startLine = lineOf(ctx, start);
  const endLine = lineOf(ctx, end);
  if (endLine > startLine) edits.indentLines(startLine + 1, endLine, remove ? 2 : 1);
  freezeLiteralLines(ctx, body);
  if (remove) {
    edits.insert(start, `{${eol}${inner}${head}${eol}${inner}try {${eol}${inner}${unit}return `);
    edits.insert(end, `${semi}${eol}${inner}} finally {${eol}${inner}${unit}${remove}${eol}${inner}}${eol}${ind}}`);
  } else {
    edits.insert(start, `{${eol}${inner}${head}${eol}${inner}return `);
    edits.insert(end, `${semi}${eol}${ind}}`);
  }
}

/**
 * Drops an existence check around the block that creates the path, keeping the block's statements:
 * `if (!existsSync(p)) { … }` keeps its consequent, `try { accessSync(p) } catch { … }` its handler.
 */
export function dropCheck(ctx: FileContext, outer: Node, consequent: Node): void {
  const { source, edits } = ctx;
  const ifNode = outer;
  if (consequent.type !== 'BlockStatement') {
    edits.replace(ifNode.start, consequent.start, '');
    return;
  }
  const statements = consequent.body as Node[];
  if (statements.length === 0) return;
  // Comments inside the block belong to its statements and must survive the unwrapping.
  const inner = ((statements[0].leadingComments ?? []) as Node[]).filter((c) => c.start > consequent.start);
  const firstStart = inner.length > 0 ? inner[0].start : statements[0].start;
  const headerLine = lineOf(ctx, ifNode.start);
  const firstLine = lineOf(ctx, firstStart);
  const closeLine = lineOf(ctx, consequent.end - 1);
  const headerOnly =
    /^[ \t]*$/.test(source.slice(ctx.lineStarts[headerLine - 1], ifNode.start)) &&
    firstLine > headerLine &&
    source.slice(consequent.start + 1, lineEnd(source, consequent.start)).trim() === '';
  const closeOnly = closeLine > firstLine && source.slice(ctx.lineStarts[closeLine - 1], consequent.end - 1).trim() === '' && restOfLineIsFree(source, consequent.end);
  if (headerOnly && closeOnly) {
    edits.replace(ctx.lineStarts[headerLine - 1], ctx.lineStarts[firstLine - 1], '');
    const prevLineEnd = lineEnd(source, ctx.lineStarts[closeLine - 2]);
    edits.replace(prevLineEnd, consequent.end, '');
    edits.indentLines(firstLine, closeLine - 1, -1);
    freezeLiteralLines(ctx, consequent);
    return;
  }
  edits.replace(ifNode.start, statements[0].start, '');
  edits.replace(statements[statements.length - 1].end, consequent.end, '');
}
