// Text edits on the original source: splices at tree positions, per-line indentation changes, and new
// lines that follow the indentation of the lines they sit among, so every byte that no rule touches
// stays as it was. Lines that start inside a multi-line string are never re-indented.

interface Splice {
  start: number;
  end: number;
  text: string;
  order: number;
}

/** One wrap's change to a row's leading whitespace: `remove` characters dropped, then `add` put in front. */
interface Shift {
  id: number;
  remove: number;
  add: string;
}

/** Whole new lines above (or below) a row, given at that row's original indentation. */
interface NewLines {
  row: number;
  below: boolean;
  lines: string[];
  /** Only the indentation changes made before this one apply to these lines (the blocks around them). */
  before?: number;
  /** Only the indentation changes that row `alsoAt` gets too (the blocks around a wrap's whole region). */
  alsoAt?: number;
  order: number;
}

export class PyEdits {
  private splices: Splice[] = [];
  private shifts = new Map<number, Shift[]>();
  private newLines: NewLines[] = [];
  private counter = 0;
  private shiftIds = 0;

  constructor(
    readonly source: string,
    readonly lineStarts: number[],
    /** 0-based rows that begin inside a string literal. */
    readonly frozenRows: Set<number>,
    readonly eol: string,
  ) {}

  get empty(): boolean {
    return this.splices.length === 0 && this.shifts.size === 0 && this.newLines.length === 0;
  }

  replace(start: number, end: number, text: string): void {
    const same = this.splices.find((s) => s.start === start && s.end === end);
    if (same && same.text === text && start !== end) return; // two sites asking for the same edit
    this.splices.push({ start, end, text, order: this.counter++ });
  }

  insert(at: number, text: string): void {
    this.splices.push({ start: at, end: at, text, order: this.counter++ });
  }

  /** The text of [start, end) with the splices inside it applied (for code that repeats an edited expression). */
  render(start: number, end: number): string {
    const inside = this.splices
      .filter((s) => s.start >= start && s.end <= end && !(s.start === s.end && (s.start === start || s.start === end)))
      .sort((a, b) => a.start - b.start || a.order - b.order);
    let out = '';
    let pos = start;
    for (const s of inside) {
      if (s.start < pos) continue;
      out += this.source.slice(pos, s.start) + s.text;
      pos = s.end;
    }
    return out + this.source.slice(pos, end);
  }

  /** A new id for one wrap's indentation change. */
  newShift(): number {
    return ++this.shiftIds;
  }

  /** Adds `unit` in front of rows `from..to` (0-based, inclusive). */
  indentRows(from: number, to: number, unit: string, id = this.newShift()): number {
    for (let row = from; row <= to; row++) this.pushShift(row, { id, remove: 0, add: unit });
    return id;
  }

  /** Drops `count` leading whitespace characters of rows `from..to`. */
  dedentRows(from: number, to: number, count: number): void {
    const id = this.newShift();
    for (let row = from; row <= to; row++) this.pushShift(row, { id, remove: count, add: '' });
  }

  private pushShift(row: number, shift: Shift): void {
    const list = this.shifts.get(row) ?? [];
    list.push(shift);
    this.shifts.set(row, list);
  }

  /**
   * New lines above row `row` (or below it), written at that row's original indentation; the row's
   * indentation changes apply to them too (with `before`, only those of the blocks around them).
   */
  addLines(row: number, lines: string[], options: { below?: boolean; before?: number; alsoAt?: number; header?: boolean } = {}): void {
    // A block's header goes above plain new lines at the same row: they belong inside the block.
    const order = this.counter++ - (options.header ? 1e12 : 0);
    this.newLines.push({ row, below: options.below ?? false, lines, before: options.before, alsoAt: options.alsoAt, order });
  }

  apply(): string {
    const all: Splice[] = [...this.splices];
    const shifted = (line: string, shifts: Shift[]): string => {
      let text = line;
      for (const s of shifts) {
        let remove = 0;
        while (remove < s.remove && (text[remove] === ' ' || text[remove] === '\t')) remove++;
        text = s.add + text.slice(remove);
      }
      return text;
    };
    for (const [row, shifts] of this.shifts) {
      if (this.frozenRows.has(row)) continue;
      const at = this.lineStarts[row];
      if (at === undefined || this.blank(at)) continue;
      // A row whose start an edit deletes goes with it; text replaced at the row start gets the indent in front.
      if (all.some((s) => s.end > s.start && s.start <= at && at < s.end && (s.text === '' || s.start < at))) continue;
      let width = 0;
      while (this.source[at + width] === ' ' || this.source[at + width] === '\t') width++;
      const lead = this.source.slice(at, at + width);
      const replaced = shifted(lead, shifts);
      // After any text inserted at the line start (new lines go above the shifted line).
      if (replaced !== lead) all.push({ start: at, end: at + width, text: replaced, order: Number.MAX_SAFE_INTEGER });
    }
    for (const n of this.newLines) {
      const around = n.alsoAt === undefined ? undefined : new Set((this.shifts.get(n.alsoAt) ?? []).map((s) => s.id));
      const shifts = (this.shifts.get(n.row) ?? []).filter((s) => (n.before === undefined || s.id < n.before) && (!around || around.has(s.id)));
      const text = n.lines.map((line) => `${shifted(line, shifts)}${this.eol}`).join('');
      if (!n.below) {
        all.push({ start: this.lineStarts[n.row], end: this.lineStarts[n.row], text, order: n.order - 1e9 });
      } else {
        const next = this.lineStarts[n.row + 1];
        if (next === undefined) all.push({ start: this.source.length, end: this.source.length, text: `${this.eol}${text.slice(0, -this.eol.length)}`, order: n.order });
        // Below a row comes first at the next row's start: it ends what that row belongs to (a block's
        // finally), before anything above the next row (the header of a block that starts there).
        else all.push({ start: next, end: next, text, order: n.order - 3e12 });
      }
    }
    all.sort((a, b) => a.start - b.start || a.end - a.start - (b.end - b.start) || a.order - b.order);
    let out = '';
    let pos = 0;
    for (const s of all) {
      if (s.start < pos) throw new Error(`overlapping edits at offset ${s.start}`);
      out += this.source.slice(pos, s.start) + s.text;
      pos = s.end;
    }
    return out + this.source.slice(pos);
  }

  private blank(at: number): boolean {
    for (let i = at; i < this.source.length; i++) {
      const c = this.source[i];
      if (c === '\n' || c === '\r') return true;
      if (c !== ' ' && c !== '\t' && c !== '\f') return false;
    }
    return true;
  }
}

export function lineStartsOf(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '\n') starts.push(i + 1); // tree-sitter counts rows by LF alone
  }
  return starts;
}
