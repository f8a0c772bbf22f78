import type { HunkSummary, Replacement } from './types';

/** The diff library loads on the first changed file: most runs change nothing. */
let diffLibrary: typeof import('diff') | undefined;
function diff(): typeof import('diff') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  diffLibrary ??= require('diff') as typeof import('diff');
  return diffLibrary;
}

const C_ESCAPES: Record<string, string> = { '\x07': 'a', '\b': 'b', '\t': 't', '\n': 'n', '\v': 'v', '\f': 'f', '\r': 'r', '"': '"', '\\': '\\' };

/** A path as git prints it in a diff header: C-quoted when it holds quotes, controls or non-ASCII. */
export function gitQuote(path: string): string {
  if (!/["\\\x00-\x1f\x7f-\uffff]/.test(path)) return path;
  let quoted = '';
  for (const byte of Buffer.from(path, 'utf8')) {
    const char = String.fromCharCode(byte);
    if (C_ESCAPES[char]) quoted += `\\${C_ESCAPES[char]}`;
    else if (byte < 0x20 || byte >= 0x7f) quoted += `\\${byte.toString(8).padStart(3, '0')}`;
    else quoted += char;
  }
  return `"${quoted}"`;
}

function side(prefix: 'a/' | 'b/', rel: string): string {
  return gitQuote(prefix + rel);
}

/** A unified diff in git's form, which `git apply` takes as is. */
export function gitDiff(rel: string, before: string, after: string): { patch: string; hunks: HunkSummary[] } {
  const { hunks } = diff().structuredPatch(rel, rel, before, after, undefined, undefined, { context: 3 });
  // git ends ---/+++ names holding a space with a tab, so that the name's end is unambiguous.
  const tab = rel.includes(' ') && !side('a/', rel).startsWith('"') ? '\t' : '';
  const lines = [
    `diff --git ${side('a/', rel)} ${side('b/', rel)}`,
    `--- ${side('a/', rel)}${tab}`,
    `+++ ${side('b/', rel)}${tab}`,
  ];
  const summaries: HunkSummary[] = [];
  for (const hunk of hunks) {
    // Unified diff quirk: an empty side names the line before it.
    const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
    const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
    lines.push(`@@ -${oldStart},${hunk.oldLines} +${newStart},${hunk.newLines} @@`, ...hunk.lines);
    summaries.push({ oldStart: hunk.oldStart, oldLines: hunk.oldLines, newStart: hunk.newStart, newLines: hunk.newLines });
  }
  return { patch: `${lines.join('\n')}\n`, hunks: summaries };
}

/** The edits from `before` to `after` as replacements of character ranges of `before`. */
export function replacementsFor(before: string, after: string): Replacement[] {
  const replacements: Replacement[] = [];
  let offset = 0;
  let pending: Replacement | undefined;
  for (const change of diff().diffLines(before, after)) {
    if (change.added || change.removed) {
      pending ??= { offset, length: 0, inserted: '' };
      if (change.removed) pending.length += change.value.length;
      else pending.inserted += change.value;
    } else if (pending) {
      replacements.push(pending);
      pending = undefined;
    }
    if (!change.added) offset += change.value.length;
  }
  if (pending) replacements.push(pending);
  return replacements;
}
