// `tmpfix --from-audit audit.json`: the audit's records as alerts for a normal run, which then reads
// only the recorded files and (with the driver's alert support) rewrites only the recorded lines.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Alert } from '../driver/alerts';
import { UsageError } from '../driver/errors';
import type { AuditRecord } from './records';
import { REPORT_KIND } from './report';

interface AuditReportJson {
  kind?: unknown;
  cwd?: unknown;
  records?: unknown;
}

/** Reads a json report of `tmpfix audit`; anything else is a usage error naming the file. */
export function readAuditReport(file: string): { cwd: string; records: AuditRecord[] } {
  let parsed: AuditReportJson;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as AuditReportJson;
  } catch (error) {
    const reason = error instanceof SyntaxError ? `not JSON (${error.message})` : ((error as NodeJS.ErrnoException).code ?? (error as Error).message);
    throw new UsageError(`--from-audit ${file}: ${reason}`);
  }
  if (parsed?.kind !== REPORT_KIND || !Array.isArray(parsed.records) || typeof parsed.cwd !== 'string') {
    throw new UsageError(`--from-audit ${file}: not a json report of tmpfix audit (write one with tmpfix audit --format json)`);
  }
  return { cwd: parsed.cwd, records: parsed.records as AuditRecord[] };
}

/**
 * Every record with a source line in the project becomes an alert at that line, with the project
 * frames that handed the path to it (`via`); records without one (strace, dependencies, leftovers
 * nobody was seen creating, positions of instrumented code) have nothing to rewrite.
 */
export function auditToAlerts(report: { cwd: string; records: AuditRecord[] }, ref: string): Alert[] {
  const alerts: Alert[] = [];
  report.records.forEach((record, index) => {
    if (!record.location || !record.inProject || record.instrumented) return;
    const file = record.absFile ?? path.resolve(report.cwd, record.location.file);
    const via = (record.callers ?? []).map((caller) => ({ file: path.resolve(report.cwd, caller.file), line: caller.line, column: caller.column }));
    alerts.push({
      tool: 'tmpfix audit',
      ruleId: `audit/${record.kind}`,
      file,
      line: record.location.line,
      column: record.location.column,
      message: record.message,
      ref: `${ref}#${index}`,
      ...(via.length ? { via } : {}),
      ...(record.kind === 'left-behind' ? { leftBehind: true } : {}),
    });
  });
  return alerts;
}

/** The run's note on where its alerts came from, with the records that are not alerts counted. */
export function auditAlertSource(report: { records: AuditRecord[] }, alerts: Alert[], given: string): string {
  const left = report.records.length - alerts.length;
  const without = left ? `; ${left} record(s) without a source line in the project (strace, dependencies, leftovers nobody was seen creating, instrumented code) have nothing to rewrite` : '';
  return `${alerts.length} alert(s) from the tmpfix audit report ${given}${without}`;
}
