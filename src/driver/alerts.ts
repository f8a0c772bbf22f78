// Alerts from other tools (a scanner's SARIF log, `tmpfix audit`) that a run answers: it reads only
// the flagged files, rewrites only the flagged locations, and says of each alert what became of it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../index';
import { isSourceFile } from './limits';
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
  /**
   * Who handed the path to this line, nearest first (`tmpfix audit` records the callers' frames): when
   * the static run has nothing at the line, a finding at a caller's line answers the alert.
   */
  via?: AlertFrame[];
  /** The alert is about something left behind: a rewrite answers it only if it removes what is made. */
  leftBehind?: boolean;
}

/** A caller's position: absolute file, 1-based line. */
export interface AlertFrame {
  file: string;
  line: number;
  column?: number;
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
  /** Indexes into the file's findings that answer the alert (none when a caller's finding does). */
  findings: number[];
}

/** What the judge may look at besides the flagged file: the results of the callers' files. */
export interface CallerResults {
  resultOf(abs: string): FileResult | undefined;
  relOf(abs: string): string;
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

/**
 * What a fixed finding's rewrite leaves behind, from what the engine says of it (a finding carries no
 * flag for it): undefined when the rewrite removes what the code makes on every path, else what it
 * does instead. Anything not known to remove counts as leaving it: the safe side for a leftover.
 */
export function fixLeavesBehind(finding: Finding): string | undefined {
  const { message } = finding;
  if (finding.callerRemoves) return `the caller must remove ${finding.callerRemoves}`;
  if (/cleanup is left to the caller|caller's job|the receiver removes it|not removed/.test(message)) return 'its removal is left to the caller';
  if (/removed where the old code removed/.test(message)) return 'it is removed only where the old code removed it';
  if (/removed by the new \[Symbol\.dispose\]/.test(message)) return 'it is removed only when the object is disposed';
  if (/removed in finally|removal is now in finally|removed when its block ends|removed when .+ is done with it|removed in \S+\(\), on every path/.test(message)) return undefined;
  return 'the rewrite removes nothing';
}

/** `test/a.js:28 < test/b.js:40`: the callers, nearest first. */
function callerChain(via: AlertFrame[], relOf: (abs: string) => string): string {
  return via.map((frame) => `${relOf(frame.file)}:${frame.line}`).join(' < ');
}

function describeResult(result: FileResult): string | undefined {
  if (result.status === 'skipped') return `the file was skipped: ${result.reason}${result.detail ? ` (${result.detail})` : ''}`;
  if (result.status === 'error') return `${result.kind} error: ${result.message.split('\n')[0]}`;
  return undefined;
}

/** The findings of a read file on the alert's line (the one under its column, when several are). */
function findingsOn(findings: Finding[], line: number, column: number | undefined): number[] {
  let matching = findings.flatMap((finding, index) => (liesOn(finding, line) ? [index] : []));
  if (matching.length > 1 && column !== undefined) {
    const under = matching.filter((index) => {
      const f = findings[index];
      return (f.line < line || f.column <= column) && (f.endLine > line || f.endColumn >= column);
    });
    if (under.length) matching = under;
  }
  return matching;
}

/** fixed or reported, from the findings that lie under the alert (at its line, or at a caller's). */
function verdictOf(alert: Alert, result: FileResult & { findings: Finding[] }, matching: number[]): { status: AlertStatus; reason?: string } {
  const found = matching.map((index) => result.findings[index]);
  const open = found.find((finding) => !finding.fixed);
  if (open) return { status: 'reported', reason: `${open.ruleId}: ${open.message}${open.suppressed ? ' (suppressed in the source)' : ''}` };
  if (result.status === 'changed' && result.written === false) return { status: 'reported', reason: result.writeError ?? 'the rewrite was not written' };
  if (alert.leftBehind && found.every((finding) => fixLeavesBehind(finding))) {
    return { status: 'reported', reason: `${found[0].ruleId} rewrites it (${fixLeavesBehind(found[0])}), but what the audit saw left behind stays behind` };
  }
  return { status: 'fixed' };
}

/** A finding at the line of a caller that handed the path on answers an alert with none at its own line. */
function answerAtCaller(alert: Alert, callers: CallerResults): { status: AlertStatus; reason: string } | undefined {
  for (const frame of alert.via ?? []) {
    const result = callers.resultOf(frame.file);
    if (!result || (result.status !== 'changed' && result.status !== 'unchanged')) continue;
    const matching = findingsOn(result.findings, frame.line, frame.column);
    if (matching.length === 0) continue;
    const verdict = verdictOf(alert, result, matching);
    const where = `at the caller ${callers.relOf(frame.file)}:${frame.line}, where the path comes from`;
    return { status: verdict.status, reason: verdict.reason ? `${where}: ${verdict.reason}` : where };
  }
  return undefined;
}

/**
 * What became of each alert of one file, from the file's result (undefined: the file was not in the
 * run). `callers`: the results of the files of the alerts' callers (`via`), when the run read them.
 */
export function judgeAlerts(rel: string, alerts: Alert[], result: FileResult | undefined, notInRun: string, callers?: CallerResults): AlertOutcome[] {
  return alerts.map((alert) => {
    const outcome = (status: AlertStatus, reason?: string, findings: number[] = []): AlertOutcome => ({ alert, rel, status, reason, findings });
    if (!result) return outcome('reported', notInRun);
    const failed = describeResult(result);
    if (failed) return outcome(result.status === 'error' && /ENOENT|no such file/.test(result.message) ? 'not-found' : 'reported', failed);
    if (result.status !== 'changed' && result.status !== 'unchanged') return outcome('reported', 'not read');
    const { findings } = result;
    if (alert.line === 0) return outcome('not-found', 'the alert names no line');
    const matching = findingsOn(findings, alert.line, alert.column);
    if (matching.length === 0) {
      const atCaller = callers && answerAtCaller(alert, callers);
      if (atCaller) return outcome(atCaller.status, atCaller.reason);
      const arrives = alert.via?.length ? `it arrives from ${callerChain(alert.via, callers?.relOf ?? ((abs) => abs))}` : undefined;
      // A file the prefilter stopped, or one without a finding: the path is not a temp path to tmpfix here.
      if (arrives && findings.length === 0) return outcome('not-found', `the static analysis does not see a temp path here (${arrives})`);
      const elsewhere = findings.length ? `tmpfix's findings in this file are on ${lineList(findings.map((f) => f.line))}` : 'tmpfix has no finding in this file';
      return outcome('not-found', `no tmpfix finding on line ${alert.line}${arrives ? ` (${arrives})` : ''}; ${elsewhere}`);
    }
    const verdict = verdictOf(alert, result, matching);
    return outcome(verdict.status, verdict.reason, matching);
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
  /** The callers' lines (`via`) by file: read too, and their rewrites kept, as the alerts' own lines. */
  private readonly callerLines = new Map<string, number[]>();
  private readonly results = new Map<string, FileResult>();
  /** The flagged files (and the files of their callers) to read, absolute. */
  readonly paths: string[] = [];
  private readonly outOfScope = new Set<string>();
  private readonly missing = new Set<string>();

  /** `named`: the paths given on the command line (none: every flagged file), absolute. */
  constructor(alerts: Alert[], named: string[]) {
    for (const alert of alerts) {
      const list = this.byFile.get(alert.file) ?? [];
      list.push(alert);
      this.byFile.set(alert.file, list);
      for (const frame of alert.via ?? []) this.callerLines.set(frame.file, [...(this.callerLines.get(frame.file) ?? []), frame.line]);
    }
    const inScope = (file: string): boolean => !named.length || named.some((dir) => isInside(dir, file));
    for (const file of [...this.byFile.keys()].sort()) {
      if (!inScope(file)) this.outOfScope.add(file);
      else if (!exists(file)) this.missing.add(file);
      else this.paths.push(file);
    }
    // A caller's file outside the named paths, or gone, is simply not looked at.
    for (const file of [...this.callerLines.keys()].sort()) {
      if (!this.byFile.has(file) && inScope(file) && isSourceFile(path.basename(file)) && isRegularFile(file)) this.paths.push(file);
    }
  }

  locationsFor(abs: string): { line: number }[] | undefined {
    const alerts = this.byFile.get(abs);
    const callerLines = this.callerLines.get(abs);
    if (!alerts && !callerLines) return undefined;
    const lines = [...(alerts ?? []).map((alert) => alert.line), ...(callerLines ?? [])].filter((line) => line > 0);
    return [...new Set(lines)].sort((a, b) => a - b).map((line) => ({ line }));
  }

  accept(abs: string, result: FileResult): void {
    if (this.byFile.has(abs) || this.callerLines.has(abs)) this.results.set(abs, result);
  }

  /** Every alert's verdict, by file path then line; files of other shards are left to their shard. */
  outcomes(relOf: (abs: string) => string, inRun: (rel: string) => boolean): AlertOutcome[] {
    const outcomes: AlertOutcome[] = [];
    const callers: CallerResults = { resultOf: (abs) => this.results.get(abs), relOf };
    for (const [file, alerts] of [...this.byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const rel = relOf(file);
      const sorted = [...alerts].sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
      if (this.missing.has(file)) outcomes.push(...sorted.map((alert) => ({ alert, rel, status: 'not-found' as const, reason: 'no such file', findings: [] })));
      else if (this.outOfScope.has(file)) outcomes.push(...judgeAlerts(rel, sorted, undefined, 'not in this run: outside the paths named on the command line'));
      else if (this.results.has(file) || inRun(rel)) outcomes.push(...judgeAlerts(rel, sorted, this.results.get(file), 'not in this run', callers));
    }
    return outcomes;
  }
}

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function isRegularFile(file: string): boolean {
  try {
    return fs.lstatSync(file).isFile();
  } catch {
    return false;
  }
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
