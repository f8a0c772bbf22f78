// Output is produced by splicing text into the original source at AST positions, so every byte
// that no rule touches stays exactly as it was (quotes, comments, blank lines, parentheses, EOLs).

interface Splice {
  start: number;
  end: number;
  text: string;
  order: number;
  /** Among inserts at one offset: lower first (a nested try opens after, and closes before, its outer one). */
  rank?: number;
}

/** Where the opening or the closing text of a block goes, and the line whose indentation it follows. */
type BlockText = Pick<BlockLines, 'at' | 'text' | 'line' | 'startsLine'>;

/**
 * The opening or closing lines of a block that `indentLines` moves code into (try/finally), written at
 * the line's present indentation: moved with the lines around it when another edit re-indents them.
 */
interface BlockLines {
  at: number;
  text: string;
  /** The line whose indentation the text follows. */
  line: number;
  /** The text starts a line of its own (it is inserted at a line start). */
  startsLine: boolean;
  /** What this block itself adds to that line's indentation. */
  own: number;
  opens: boolean;
  /** The lines the block holds (the same for its opening and its closing text). */
  scope: [number, number];
  /** The opening and the closing text of one block share it. */
  group: number;
  order: number;
}

export class Edits {
  private splices: Splice[] = [];
  private blocks: BlockLines[] = [];
  private indentDelta = new Map<number, number>();
  private counter = 0;

  constructor(
    readonly source: string,
    readonly lineStarts: number[],
  ) {}

  get empty(): boolean {
    return this.splices.length === 0 && this.blocks.length === 0;
  }

  replace(start: number, end: number, text: string): void {
    this.splices.push({ start, end, text, order: this.counter++ });
  }

  /** Some replacement takes out the whole of start..end (the text there is gone from the output). */
  covers(start: number, end: number): boolean {
    return this.splices.some((s) => s.end > s.start && s.start <= start && end <= s.end);
  }

  /** `pos`, or where the replaced text around it starts when a replacement takes it out. */
  before(pos: number): number {
    for (let moved = true; moved; ) {
      moved = false;
      for (const s of this.splices) {
        if (s.end > s.start && s.start < pos && pos <= s.end) {
          pos = s.start;
          moved = true;
        }
      }
    }
    return pos;
  }

  /** Some inserted or replacing text names `name` (as an identifier, not a property). */
  writesName(name: string): boolean {
    const pattern = new RegExp(`(^|[^\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])`);
    // Not inside a quoted string: `'report-tmp-'` names no binding.
    const code = (text: string) => text.replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, "''");
    return this.splices.some((s) => pattern.test(code(s.text))) || this.blocks.some((b) => pattern.test(code(b.text)));
  }

  insert(pos: number, text: string): void {
    this.replace(pos, pos, text);
  }

  /**
   * Inserts the opening (or closing) lines of a block written at the present indentation of `line`:
   * when other edits re-indent that line (an enclosing try, a dropped check), these lines move with it,
   * and at one offset an inner block opens after and closes before an outer one.
   */
  insertBlockLines(open: BlockText, close: BlockText, scope: [number, number], own: number): void {
    const group = this.counter;
    this.blocks.push({ ...open, scope, own, opens: true, group, order: this.counter++ });
    this.blocks.push({ ...close, scope, own, opens: false, group, order: this.counter++ });
  }

  /** Shifts lines `from..to` (1-based, inclusive) by `delta` indentation units. */
  indentLines(from: number, to: number, delta: number): void {
    for (let line = from; line <= to; line++) this.indentDelta.set(line, (this.indentDelta.get(line) ?? 0) + delta);
  }

  /** Lines that must never be re-indented (inside multi-line template literals or strings). */
  readonly frozenLines = new Set<number>();

  apply(unit: string, tightBraces = false): string {
    const all: Splice[] = this.splices.map((s) => (tightBraces && s.text ? { ...s, text: tightenBraces(s.text) } : s));
    for (const block of this.blocks) {
      const others = this.blocks.filter((other) => other.opens && other.group !== block.group);
      // The line moved by what holds this block, not by the blocks it holds itself.
      const inner = others.filter((other) => !encloses(other, block) && other.scope[0] <= block.line && block.line <= other.scope[1]);
      const shift = (this.indentDelta.get(block.line) ?? 0) - block.own - inner.reduce((sum, other) => sum + other.own, 0);
      const shifted = shift === 0 ? block.text : shiftLines(block.text, unit, shift, block.startsLine);
      const text = tightBraces ? tightenBraces(shifted) : shifted;
      const depth = others.filter((other) => encloses(other, block)).length;
      all.push({ start: block.at, end: block.at, text, order: block.order, rank: block.opens ? depth : -depth });
    }
    for (const [line, delta] of this.indentDelta) {
      if (delta === 0 || this.frozenLines.has(line)) continue;
      const at = this.lineStarts[line - 1];
      if (at === undefined) continue;
      if (this.lineIsBlank(at)) continue;
      if (all.some((s) => s.end > s.start && s.start <= at && at < s.end)) continue;
      if (delta > 0) {
        all.push({ start: at, end: at, text: unit.repeat(delta), order: this.counter++, rank: Number.MAX_SAFE_INTEGER });
      } else {
        let remove = 0;
        const want = unit.length * -delta;
        while (remove < want && (this.source[at + remove] === ' ' || this.source[at + remove] === '\t')) remove++;
        if (remove > 0) all.push({ start: at, end: at + remove, text: '', order: this.counter++ });
      }
    }
    all.sort((a, b) => a.start - b.start || (a.end - a.start) - (b.end - b.start) || (a.rank ?? 0) - (b.rank ?? 0) || a.order - b.order);
    let out = '';
    let pos = 0;
    for (const s of all) {
      if (s.start < pos) throw new Error(`overlapping edits at offset ${s.start}`);
      out += this.source.slice(pos, s.start) + s.text;
      pos = s.end;
    }
    return out + this.source.slice(pos);
  }

  private lineIsBlank(at: number): boolean {
    for (let i = at; i < this.source.length; i++) {
      const c = this.source[i];
      if (c === '\n' || c === '\r') return true;
      if (c !== ' ' && c !== '\t') return false;
    }
    return true;
  }
}

/** Moves each line that `text` starts by `shift` indentation units (a negative shift takes them away). */
function shiftLines(text: string, unit: string, shift: number, startsLine: boolean): string {
  return text.replace(startsLine ? /(^|\n)([ \t]*)(?=[^\r\n])/g : /(\n)([ \t]*)(?=[^\r\n])/g, (_m, lead: string, ws: string) => {
    if (shift > 0) return lead + unit.repeat(shift) + ws;
    return lead + ws.slice(Math.min(ws.length, unit.length * -shift));
  });
}

/** The other block's lines hold this block's (its opening and closing bracket the same range of lines). */
function encloses(outer: BlockLines, inner: BlockLines): boolean {
  return outer.scope[0] <= inner.scope[0] && inner.scope[1] <= outer.scope[1] && (outer.scope[0] < inner.scope[0] || inner.scope[1] < outer.scope[1] || outer.group < inner.group);
}

export function computeLineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** The file's own habits, so that inserted code reads like the code around it. */
export interface Style {
  quote: "'" | '"';
  semicolon: boolean;
  indentUnit: string;
  eol: string;
  /** `{ a: 1 }` (true) or `{a: 1}`: how the file spaces the braces of a one-line object. */
  braceSpacing: boolean;
}

export function detectStyle(source: string, stringRaws: string[], statementEnds: string[]): Style {
  let single = 0;
  let double = 0;
  for (const raw of stringRaws) {
    if (raw.startsWith("'")) single++;
    else if (raw.startsWith('"')) double++;
  }
  const withSemi = statementEnds.filter((text) => text.endsWith(';')).length;
  return {
    quote: double > single ? '"' : "'",
    semicolon: statementEnds.length === 0 || withSemi * 2 >= statementEnds.length,
    indentUnit: detectIndentUnit(source),
    eol: source.includes('\r\n') ? '\r\n' : '\n',
    braceSpacing: detectBraceSpacing(source),
  };
}

/** More one-line objects and patterns written `{a: 1}` / `{a, b}` than `{ a: 1 }` / `{ a, b }` means tight. */
function detectBraceSpacing(source: string): boolean {
  const spaced = source.match(/(?<![$\w])\{ [\w$'"]+(:|,| \})/g)?.length ?? 0;
  const tight = source.match(/(?<![$\w])\{[\w$'"]+(:|,|\})/g)?.length ?? 0;
  return tight <= spaced;
}

/** `{ recursive: true }` written `{recursive: true}`, for a file whose objects have no spaces inside the braces. */
export function tightenBraces(text: string): string {
  return text.replace(/(?<![$\w])\{ ([\w$]+: [^{}\r\n]*?) \}/g, '{$1}');
}

function detectIndentUnit(source: string): string {
  const counts = new Map<number, number>();
  let tabs = 0;
  let spaces = 0;
  let previous = 0;
  for (const line of source.split('\n')) {
    const trimmed = line.trim();
    // Comment bodies (` * ` lines of a block comment) are not code indentation.
    if (trimmed === '' || trimmed.startsWith('*') || trimmed.startsWith('//') || trimmed.startsWith('/*')) continue;
    const match = /^[ \t]*/.exec(line)![0];
    if (match.startsWith('\t')) {
      tabs++;
      continue;
    }
    if (match.length > 0) spaces++;
    const step = match.length - previous;
    if (step > 0 && step <= 8) counts.set(step, (counts.get(step) ?? 0) + 1);
    previous = match.length;
  }
  if (tabs > spaces) return '\t';
  let best = 2;
  let bestCount = 0;
  for (const [step, count] of counts) {
    if (count > bestCount) {
      best = step;
      bestCount = count;
    }
  }
  return ' '.repeat(best);
}

export function quoteString(value: string, quote: "'" | '"'): string {
  const escaped = value.replace(/\\/g, '\\\\').replace(quote === "'" ? /'/g : /"/g, `\\${quote}`);
  return `${quote}${escaped}${quote}`;
}

/** The first character of code at or after `pos`, past white space and comments ('' at the end). */
export function nextCodeChar(source: string, pos: number): string {
  let i = pos;
  while (i < source.length) {
    const c = source[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
    else if (source.startsWith('//', i)) i = source.indexOf('\n', i) === -1 ? source.length : source.indexOf('\n', i);
    else if (source.startsWith('/*', i)) i = source.indexOf('*/', i) === -1 ? source.length : source.indexOf('*/', i) + 2;
    else return c;
  }
  return '';
}

/**
 * Whether a statement inserted before `pos` needs a semicolon of its own in a file written without
 * them: a next line that starts with one of these would otherwise continue the statement (ASI).
 */
export function needsSemicolonBefore(source: string, pos: number): boolean {
  return '([`+-/'.includes(nextCodeChar(source, pos) || ' ');
}

/** Just past the `)` that closes a parenthesised expression ending at `end` (comments skipped). */
export function closingParen(source: string, end: number): number {
  let i = end;
  while (i < source.length && source[i] !== ')') {
    if (source.startsWith('//', i)) i = source.indexOf('\n', i);
    else if (source.startsWith('/*', i)) i = source.indexOf('*/', i) + 2;
    else i++;
    if (i <= 0) return end;
  }
  return i < source.length ? i + 1 : end;
}

/** The start of the line holding `pos`. */
export function lineStart(source: string, pos: number): number {
  return source.lastIndexOf('\n', pos - 1) + 1;
}

/** The end of the line holding `pos`, before its line break (so a trailing comment stays before it). */
export function lineEnd(source: string, pos: number): number {
  let end = source.indexOf('\n', pos);
  if (end === -1) end = source.length;
  if (source[end - 1] === '\r') end--;
  return end;
}
