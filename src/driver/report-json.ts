import type { Finding } from '../index';
import { outcomeCounts, type AlertOutcome } from './alerts';
import type { FileResult, Mode } from './types';
import type { Summary } from './summary';
import type { PackageFinding } from './tmp-advisory';

export interface RunInfo {
  version: string;
  mode: Mode;
  target: string;
  shard?: string;
  refused?: { reason: string; files: string[] };
  /** With --from-sarif (or another source of alerts): what became of each alert. */
  alerts?: { source?: string; outcomes: AlertOutcome[] };
  /** Findings at package.json files (outdated-tmp-package). */
  packageFindings: PackageFinding[];
}

/** For each file and finding index, the refs of the alerts the finding answers. */
export function answeredAlerts(outcomes: AlertOutcome[] | undefined): (rel: string, index: number) => string[] {
  const byFinding = new Map<string, string[]>();
  for (const outcome of outcomes ?? []) {
    for (const index of outcome.findings) {
      const key = `${outcome.rel}\0${index}`;
      byFinding.set(key, [...(byFinding.get(key) ?? []), outcome.alert.ref]);
    }
  }
  return (rel, index) => byFinding.get(`${rel}\0${index}`) ?? [];
}

/** One alert's verdict in the json report. */
export function alertEntry({ alert, rel, status, reason, findings }: AlertOutcome): Record<string, unknown> {
  return {
    ref: alert.ref, tool: alert.tool, ruleId: alert.ruleId, path: rel, line: alert.line,
    ...(alert.column !== undefined ? { column: alert.column } : {}),
    message: alert.message, status, ...(reason ? { reason } : {}), findings,
  };
}

/** `target`, and for JavaScript and TypeScript files `targetReason` (and `targetWarning` when there is one). */
function targetOf(result: { target: string; targetReason?: string; targetWarning?: string }): Record<string, string> {
  return {
    target: result.target,
    ...(result.targetReason ? { targetReason: result.targetReason } : {}),
    ...(result.targetWarning ? { targetWarning: result.targetWarning } : {}),
  };
}

/** One entry per file, with only the fields its status has. */
function fileEntry(result: FileResult, answered?: (rel: string, index: number) => string[]): Record<string, unknown> {
  const findingsOf = (findings: Finding[]): unknown[] =>
    answered ? findings.map((finding, index) => ({ ...finding, alerts: answered(result.rel, index) })) : findings;
  switch (result.status) {
    case 'skipped':
      return { path: result.rel, status: 'skipped', reason: result.reason, ...(result.detail ? { detail: result.detail } : {}) };
    case 'error':
      return { path: result.rel, status: 'error', kind: result.kind, message: result.message, line: result.line, column: result.column };
    case 'unchanged':
      return { path: result.rel, status: 'unchanged', why: result.why, ...targetOf(result), findings: findingsOf(result.findings) };
    case 'changed':
      return {
        path: result.rel, status: 'changed', ...targetOf(result),
        ...(result.written !== undefined ? { written: result.written } : {}),
        ...(result.writeError ? { writeError: result.writeError } : {}),
        changes: result.hunks, findings: findingsOf(result.findings),
      };
  }
}

export function jsonReport(results: FileResult[], summary: Summary, info: RunInfo): string {
  const answered = info.alerts && answeredAlerts(info.alerts.outcomes);
  const report = {
    tool: { name: 'tmpfix', version: info.version },
    mode: info.mode,
    target: info.target,
    shard: info.shard ?? null,
    refused: info.refused ?? null,
    summary,
    ...(info.alerts
      ? { alerts: { source: info.alerts.source ?? null, counts: outcomeCounts(info.alerts.outcomes), results: info.alerts.outcomes.map(alertEntry) } }
      : {}),
    files: results.map((result) => fileEntry(result, answered)),
    packageFindings: info.packageFindings,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
