// Text edits on the original source: splices at tree positions plus per-line indentation changes, so
// every byte that no rule touches stays as it was. Lines that start inside a multi-line string are
// never re-indented (that would change the string).

interface Splice {
  start: number;
  end: number;
  text: string;
  order: number;
}

/** How a line's leading whitespace changes: `remove` characters dropped, then `add` put in front. */
interface Shift {
  remove: number;
  add: string;
}

export class PyEdits {
  private splices: Splice[] = [];
  private shifts = new Map<number, Shift>();
  private counter = 0;

  constructor(
    readonly source: string,
    readonly lineStarts: number[],
    /** 0-based rows that begin inside a string literal. */
    readonly frozenRows: Set<number>,
  ) {}

  get empty(): boolean {
    return this.splices.length === 0 && this.shifts.size === 0;
  }

  replace(start: number, end: number, text: string): void {
    const same = this.splices.find((s) => s.start === start && s.end === end);
    if (same && same.text === text) return; // two sites asking for the same edit
    this.splices.push({ start, end, text, order: this.counter++ });
  }

  insert(at: number, text: string): void {
    this.splices.push({ start: at, end: at, text, order: this.counter++ });
  }

  /** Whether a replacement already covers [start, end). */
  covers(start: number, end: number): boolean {
    return this.splices.some((s) => s.end > s.start && s.start <= start && end <= s.end);
  }

  /** The text of [start, end) with the splices inside it applied (for code that repeats an edited expression). */
  render(start: number, end: number): string {
    const inside = this.splices.filter((s) => s.start >= start && s.end <= end && !(s.start === s.end && (s.start === start || s.start === end))).sort((a, b) => a.start - b.start || a.order - b.order);
    let out = '';
    let pos = start;
    for (const s of inside) {
      if (s.start < pos) continue;
      out += this.source.slice(pos, s.start) + s.text;
      pos = s.end;
    }
    return out + this.source.slice(pos, end);
  }

  /** Adds `unit` in front of rows `from..to` (0-based, inclusive). */
  indentRows(from: number, to: number, unit: string): void {
    for (let row = from; row <= to; row++) {
      const shift = this.shifts.get(row) ?? { remove: 0, add: '' };
      shift.add += unit;
      this.shifts.set(row, shift);
    }
  }

  /** Drops `count` leading whitespace characters of rows `from..to`. */
  dedentRows(from: number, to: number, count: number): void {
    for (let row = from; row <= to; row++) {
      const shift = this.shifts.get(row) ?? { remove: 0, add: '' };
      shift.remove += count;
      this.shifts.set(row, shift);
    }
  }

  apply(): string {
    const all = [...this.splices];
    for (const [row, shift] of this.shifts) {
      if (this.frozenRows.has(row)) continue;
      const at = this.lineStarts[row];
      if (at === undefined || this.blank(at)) continue;
      // A row whose start an edit deletes goes with it; text replaced at the row start gets the indent in front.
      if (all.some((s) => s.end > s.start && s.start <= at && at < s.end && (s.text === '' || s.start < at))) continue;
      let remove = 0;
      while (remove < shift.remove && (this.source[at + remove] === ' ' || this.source[at + remove] === '\t')) remove++;
      // After any text inserted at the line start (a new header line goes above the shifted line).
      if (remove > 0 || shift.add) all.push({ start: at, end: at + remove, text: shift.add, order: Number.MAX_SAFE_INTEGER });
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
    const c = source[i];
    if (c === '\n') starts.push(i + 1); // tree-sitter counts rows by LF alone
  }
  return starts;
}
