import type { Finding } from '../index';
import type { FileResult, SkipReason } from './types';

export interface Summary {
  /** Files whose text was read and checked: changed, unchanged, or failed to parse or transform. */
  scanned: number;
  changed: number;
  unchanged: number;
  skipped: Partial<Record<SkipReason, number>>;
  errors: number;
  findings: { fixed: number; needsReview: number; suppressed: number };
  written: number;
  durationMs: number;
  /** With --cache: files whose outcome came from the cache instead of a parse. */
  cached?: number;
}

export function emptySummary(): Summary {
  return { scanned: 0, changed: 0, unchanged: 0, skipped: {}, errors: 0, findings: { fixed: 0, needsReview: 0, suppressed: 0 }, written: 0, durationMs: 0 };
}

export function needsReview(finding: Finding): boolean {
  return !finding.fixed && !finding.suppressed;
}

export function count(summary: Summary, result: FileResult): void {
  if (result.status === 'skipped') {
    summary.skipped[result.reason] = (summary.skipped[result.reason] ?? 0) + 1;
    return;
  }
  if (result.status === 'error') {
    // A file or directory that could not be read was not scanned; a parse or internal error was.
    if (result.kind !== 'io') summary.scanned++;
    summary.errors++;
    return;
  }
  summary.scanned++;
  if (result.status === 'changed') summary.changed++;
  else summary.unchanged++;
  for (const finding of result.findings) {
    if (finding.suppressed) summary.findings.suppressed++;
    else if (finding.fixed) summary.findings.fixed++;
    else summary.findings.needsReview++;
  }
}

export function skippedTotal(summary: Summary): number {
  return Object.values(summary.skipped).reduce((sum, n) => sum + (n ?? 0), 0);
}
