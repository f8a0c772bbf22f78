// Output is produced by splicing text into the original source at AST positions, so every byte
// that no rule touches stays exactly as it was (quotes, comments, blank lines, parentheses, EOLs).

interface Splice {
  start: number;
  end: number;
  text: string;
  order: number;
}

export class Edits {
  private splices: Splice[] = [];
  private indentDelta = new Map<number, number>();
  private counter = 0;

  constructor(
    readonly source: string,
    readonly lineStarts: number[],
  ) {}

  get empty(): boolean {
    return this.splices.length === 0;
  }

  replace(start: number, end: number, text: string): void {
    this.splices.push({ start, end, text, order: this.counter++ });
  }

  insert(pos: number, text: string): void {
    this.replace(pos, pos, text);
  }

  /** Shifts lines `from..to` (1-based, inclusive) by `delta` indentation units. */
  indentLines(from: number, to: number, delta: number): void {
    for (let line = from; line <= to; line++) this.indentDelta.set(line, (this.indentDelta.get(line) ?? 0) + delta);
  }

  /** Lines that must never be re-indented (inside multi-line template literals or strings). */
  readonly frozenLines = new Set<number>();

  apply(unit: string): string {
    const all: Splice[] = [...this.splices];
    for (const [line, delta] of this.indentDelta) {
      if (delta === 0 || this.frozenLines.has(line)) continue;
      const at = this.lineStarts[line - 1];
      if (at === undefined) continue;
      if (this.lineIsBlank(at)) continue;
      if (all.some((s) => s.end > s.start && s.start <= at && at < s.end)) continue;
      if (delta > 0) {
        all.push({ start: at, end: at, text: unit.repeat(delta), order: this.counter++ });
      } else {
        let remove = 0;
        const want = unit.length * -delta;
        while (remove < want && (this.source[at + remove] === ' ' || this.source[at + remove] === '\t')) remove++;
        if (remove > 0) all.push({ start: at, end: at + remove, text: '', order: this.counter++ });
      }
    }
    all.sort((a, b) => a.start - b.start || (a.end - a.start) - (b.end - b.start) || a.order - b.order);
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
  };
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

/** The end of the line holding `pos`, before its line break (so a trailing comment stays before it). */
export function lineEnd(source: string, pos: number): number {
  let end = source.indexOf('\n', pos);
  if (end === -1) end = source.length;
  if (source[end - 1] === '\r') end--;
  return end;
}
