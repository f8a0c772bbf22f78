// Alerts from other tools (a scanner's SARIF log, `tmpfix audit`) that a run answers: it reads only
// the flagged files, rewrites only the flagged locations, and says of each alert what became of it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../index';
import type { FileResult } from './types';

/** One location another tool flagged, wherever it came from. */
export interface Alert {
  /** The tool that raised it, as it names itself (`CodeQL`, `Semgrep OSS`, `Bandit`, `ruff`). */
  tool: string;
  ruleId: string;
  /** Absolute path of the flagged file. */
  file: string;
  /** 1-based; 0 when the alert names no line (it is about the whole file). */
  line: number;
  column?: number;
  message: string;
  /** Where it came from, to find it again: `codeql.sarif#0/12` (log, run index, result index). */
  ref: string;
}

/**
 * fixed: the rewrite fixes the finding at that location. reported: tmpfix looked and did not fix it
 * (the finding needs review, the file was skipped or failed, the rewrite was held back); the reason
 * says why. not-found: tmpfix read the file and has no finding at that location, or the file is gone.
 */
export type AlertStatus = 'fixed' | 'reported' | 'not-found';

export interface AlertOutcome {
  alert: Alert;
  /** The flagged file relative to the run's base, as in the other reports. */
  rel: string;
  status: AlertStatus;
  reason?: string;
  /** Indexes into the file's findings that answer the alert. */
  findings: number[];
}

/** The lines the engine is asked to rewrite in a file (TransformOptions.locations). */
export function locationsOf(alerts: Alert[]): { line: number }[] {
  return [...new Set(alerts.map((alert) => alert.line).filter((line) => line > 0))].sort((a, b) => a - b).map((line) => ({ line }));
}

/** Whether the finding lies on `line`: the line is within the finding's first and last line. */
export function liesOn(finding: Finding, line: number): boolean {
  return line >= finding.line && line <= finding.endLine;
}

/**
 * The findings a file's rewrite fixes on lines that no alert names. Until the engine keeps only the
 * rewrites on `locations`, the driver keeps a file's rewrite only when this is empty: a rewrite is one
 * piece per file, and it must not change what nobody flagged.
 */
export function fixedOutsideLocations(findings: Finding[], locations: { line: number }[]): Finding[] {
  return findings.filter((finding) => finding.fixed && !locations.some(({ line }) => liesOn(finding, line)));
}

function lineList(lines: number[]): string {
  const unique = [...new Set(lines)].sort((a, b) => a - b);
  return `${unique.length === 1 ? 'line' : 'lines'} ${unique.join(', ')}`;
}

/**
 * Holds back a file's rewrite when it also fixes findings on lines no alert names: the file is left
 * as it is and every fixed finding becomes one for a person, with the reason in its message.
 */
export function holdBackRewrite(findings: Finding[], outside: Finding[]): Finding[] {
  const why = `not rewritten: --from-sarif rewrites only flagged lines, and this file's rewrite also changes ${lineList(outside.map((f) => f.line))}, which no alert names (run without --from-sarif to fix them all)`;
  // The summary keeps what was found and says the rewrite was held back, in place of "secured".
  const tail = ': not rewritten: held back, the rewrite also changes unflagged lines';
  const held = (summary: string): string => {
    const what = summary.replace(/: secured\b.*$/, '');
    return what.length + tail.length <= 130 ? what + tail : `${what.slice(0, 129 - tail.length)}…${tail}`;
  };
  return findings.map((finding) => (finding.fixed ? { ...finding, fixed: false, message: `${finding.message} (${why})`, summary: held(finding.summary) } : finding));
}

function describeResult(result: FileResult): string | undefined {
  if (result.status === 'skipped') return `the file was skipped: ${result.reason}${result.detail ? ` (${result.detail})` : ''}`;
  if (result.status === 'error') return `${result.kind} error: ${result.message.split('\n')[0]}`;
  return undefined;
}

/** What became of each alert of one file, from the file's result (undefined: the file was not in the run). */
export function judgeAlerts(rel: string, alerts: Alert[], result: FileResult | undefined, notInRun: string): AlertOutcome[] {
  return alerts.map((alert) => {
    const outcome = (status: AlertStatus, reason?: string, findings: number[] = []): AlertOutcome => ({ alert, rel, status, reason, findings });
    if (!result) return outcome('reported', notInRun);
    const failed = describeResult(result);
    if (failed) return outcome(result.status === 'error' && /ENOENT|no such file/.test(result.message) ? 'not-found' : 'reported', failed);
    if (result.status !== 'changed' && result.status !== 'unchanged') return outcome('reported', 'not read');
    const { findings } = result;
    if (alert.line === 0) return outcome('not-found', 'the alert names no line');
    let matching = findings.flatMap((finding, index) => (liesOn(finding, alert.line) ? [index] : []));
    // Several findings on the line: the one under the alert's column, when it says.
    if (matching.length > 1 && alert.column !== undefined) {
      const under = matching.filter((index) => {
        const f = findings[index];
        return (f.line < alert.line || f.column <= alert.column!) && (f.endLine > alert.line || f.endColumn >= alert.column!);
      });
      if (under.length) matching = under;
    }
    if (matching.length === 0) {
      const elsewhere = findings.length ? `tmpfix's findings in this file are on ${lineList(findings.map((f) => f.line))}` : 'tmpfix has no finding in this file';
      return outcome('not-found', `no tmpfix finding on line ${alert.line}; ${elsewhere}`);
    }
    const open = matching.map((index) => findings[index]).find((finding) => !finding.fixed);
    if (open) return outcome('reported', `${open.ruleId}: ${open.message}${open.suppressed ? ' (suppressed in the source)' : ''}`, matching);
    if (result.status === 'changed' && result.written === false) return outcome('reported', result.writeError ?? 'the rewrite was not written', matching);
    return outcome('fixed', undefined, matching);
  });
}

/** `src/a.js:7:24 CodeQL js/insecure-temporary-file [codeql.sarif#0/3]: fixed` */
export function outcomeLine(outcome: AlertOutcome): string {
  const { alert, rel, status, reason } = outcome;
  const where = `${rel}${alert.line ? `:${alert.line}${alert.column ? `:${alert.column}` : ''}` : ''}`;
  return `${where} ${alert.tool} ${alert.ruleId} [${alert.ref}]: ${status === 'not-found' ? 'not found' : status}${reason ? `: ${reason}` : ''}`;
}

export function outcomeCounts(outcomes: AlertOutcome[]): Record<AlertStatus, number> {
  const counts: Record<AlertStatus, number> = { fixed: 0, reported: 0, 'not-found': 0 };
  for (const outcome of outcomes) counts[outcome.status]++;
  return counts;
}

/** The alerts of one run: which files it reads, which lines each may change, and the verdicts at the end. */
export class AlertRun {
  private readonly byFile = new Map<string, Alert[]>();
  private readonly results = new Map<string, FileResult>();
  /** The flagged files to read, absolute. */
  readonly paths: string[] = [];
  private readonly outOfScope = new Set<string>();
  private readonly missing = new Set<string>();

  /** `named`: the paths given on the command line (none: every flagged file), absolute. */
  constructor(alerts: Alert[], named: string[]) {
    for (const alert of alerts) {
      const list = this.byFile.get(alert.file) ?? [];
      list.push(alert);
      this.byFile.set(alert.file, list);
    }
    for (const file of [...this.byFile.keys()].sort()) {
      if (named.length && !named.some((dir) => isInside(dir, file))) this.outOfScope.add(file);
      else if (!exists(file)) this.missing.add(file);
      else this.paths.push(file);
    }
  }

  locationsFor(abs: string): { line: number }[] | undefined {
    const alerts = this.byFile.get(abs);
    return alerts && locationsOf(alerts);
  }

  accept(abs: string, result: FileResult): void {
    if (this.byFile.has(abs)) this.results.set(abs, result);
  }

  /** Every alert's verdict, by file path then line; files of other shards are left to their shard. */
  outcomes(relOf: (abs: string) => string, inRun: (rel: string) => boolean): AlertOutcome[] {
    const outcomes: AlertOutcome[] = [];
    for (const [file, alerts] of [...this.byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const rel = relOf(file);
      const sorted = [...alerts].sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
      if (this.missing.has(file)) outcomes.push(...sorted.map((alert) => ({ alert, rel, status: 'not-found' as const, reason: 'no such file', findings: [] })));
      else if (this.outOfScope.has(file)) outcomes.push(...judgeAlerts(rel, sorted, undefined, 'not in this run: outside the paths named on the command line'));
      else if (this.results.has(file) || inRun(rel)) outcomes.push(...judgeAlerts(rel, sorted, this.results.get(file), 'not in this run'));
    }
    return outcomes;
  }
}

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function exists(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch (error) {
    // Any other failure (EACCES) is the run's to report, as a read error.
    const code = (error as NodeJS.ErrnoException).code;
    return code !== 'ENOENT' && code !== 'ENOTDIR';
  }
}
