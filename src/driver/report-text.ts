import type { Finding } from '../index';
import type { FileResult } from './types';
import { skippedTotal, type Summary } from './summary';

export interface Palette {
  red(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\x1b[${open}m${text}\x1b[${close}m`;
const plain = (text: string): string => text;
export const COLOR: Palette = { red: wrap(31, 39), green: wrap(32, 39), cyan: wrap(36, 39), bold: wrap(1, 22), dim: wrap(2, 22) };
export const NO_COLOR: Palette = { red: plain, green: plain, cyan: plain, bold: plain, dim: plain };

/** Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function paletteFor(stream: NodeJS.WriteStream): Palette {
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  return stream.isTTY && !noColor ? COLOR : NO_COLOR;
}

export function colorDiff(patch: string, c: Palette): string {
  if (c === NO_COLOR) return patch;
  return patch
    .split('\n')
    .map((line) => {
      if (/^(diff --git|--- |\+\+\+ )/.test(line)) return c.bold(line);
      if (line.startsWith('@@')) return c.cyan(line);
      if (line.startsWith('+')) return c.green(line);
      if (line.startsWith('-')) return c.red(line);
      return line;
    })
    .join('\n');
}

/**
 * A finding in one short line: its summary (what was found and what a reviewer must do); a fixed
 * finding whose cleanup is the caller's says so even where the summary had to be cut short.
 */
export function shortLine(rel: string, f: Finding): string {
  let summary = f.summary;
  if (f.fixed && f.callerRemoves && !summary.includes(f.callerRemoves)) {
    // The cut-short "; the caller must remove path.dirname()…" gives way to the whole of it.
    const cut = summary.indexOf('; the caller');
    summary = `${cut > 0 ? summary.slice(0, cut) : summary}; cleanup left to the caller: ${f.callerRemoves}`;
  }
  return `${rel}:${f.line}:${f.column} ${f.ruleId} ${summary}`;
}

/**
 * `path:line:col rule-id summary` for every finding that needs review and every fixed one; with
 * `full` (--inspect), suppressed ones too, each followed by its whole message.
 */
export function findingLines(result: FileResult, full = false): string[] {
  if (result.status !== 'changed' && result.status !== 'unchanged') return [];
  const lines: string[] = [];
  for (const f of result.findings) {
    if (f.suppressed && !full) continue;
    lines.push(f.suppressed ? `${shortLine(result.rel, f)} (suppressed)` : shortLine(result.rel, f));
    if (full) lines.push(`    ${f.message}`);
  }
  return lines;
}

export function errorLine(result: FileResult): string | undefined {
  if (result.status !== 'error') return undefined;
  const where = result.line !== undefined ? `${result.rel}:${result.line}:${result.column ?? 1}` : result.rel;
  const kind = result.kind === 'parse' ? 'parse error' : result.kind === 'internal' ? 'internal error (please report it)' : 'read error';
  // A crash's stack stays in the json report; the terminal gets its message and the frame that threw.
  const [first, ...rest] = result.message.split('\n');
  const frame = rest.find((line) => line.trim().startsWith('at '));
  return `${where} ${kind}: ${first}${frame ? `\n    ${frame.trim()}` : ''}`;
}

const UNCHANGED_WHY = {
  prefilter: 'no rule keyword in the text (prefilter), not parsed',
  'no-helper-facts': 'only a temp helper\'s name in the text, and no local import that holds a temp path, not parsed',
  'no-findings': 'parsed, no rule matched',
  'review-only': 'findings need review, nothing rewritten',
  suppressed: 'every finding is suppressed by a tmpfix-ignore comment',
  'held-back': 'rewrite held back: it would also change lines no alert names',
} as const;

/** `[target node24: engines.node >=24.4 in package.json]`, with what will not work with it. */
function targetNote(result: { target: string; targetReason?: string; targetWarning?: string }): string {
  const reason = result.targetReason ? `: ${result.targetReason}` : '';
  return `[target ${result.target}${reason}]${result.targetWarning ? ` (warning: ${result.targetWarning})` : ''}`;
}

/** One line per file for --inspect: what happened and why. */
export function inspectLine(result: FileResult): string {
  switch (result.status) {
    case 'skipped':
      return `${result.rel}: skipped, ${result.reason}${result.detail ? ` (${result.detail})` : ''}`;
    case 'unchanged':
      return `${result.rel}: unchanged, ${UNCHANGED_WHY[result.why]} ${targetNote(result)}`;
    case 'changed':
      return `${result.rel}: changed, ${result.findings.filter((f) => f.fixed).length} fixed, ${result.hunks.length} hunk(s) ${targetNote(result)}`;
    case 'error':
      return `${result.rel}: error, ${result.kind}: ${result.message}`;
  }
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

export function summaryLines(summary: Summary, mode: string, c: Palette, refused = false): string[] {
  const skipped = Object.entries(summary.skipped)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([reason, n]) => `${n} ${reason}`)
    .join(', ');
  const { fixed, needsReview: review, suppressed } = summary.findings;
  const parts = [
    `${plural(summary.scanned, 'file')} scanned`,
    `${summary.changed} ${mode === 'write' && !refused ? 'changed' : 'to change'}`,
    `${skippedTotal(summary)} skipped${skipped ? ` (${skipped})` : ''}`,
    `${plural(fixed + review + suppressed, 'finding')} (${fixed} fixed, ${review} need review, ${suppressed} suppressed)`,
    summary.errors ? c.red(plural(summary.errors, 'error')) : '0 errors',
  ];
  if (summary.cached !== undefined) parts.push(`${summary.cached} from the cache`);
  const seconds = (summary.durationMs / 1000).toFixed(2);
  const tail = refused
    ? 'write refused, nothing written'
    : mode === 'write'
      ? `${plural(summary.written, 'file')} written`
      : mode === 'check'
        ? 'check only, nothing written'
        : 'dry run, nothing written';
  return [`tmpfix: ${parts.join(', ')} in ${seconds}s; ${tail}`];
}
