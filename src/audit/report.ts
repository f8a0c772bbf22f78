// The audit's report: text for a person (always on stderr), json or SARIF for a file.
import { packageJson } from '../driver/package-info';
import type { CommandOutcome } from './recorder';
import { INSTRUMENTED_NOTE, KINDS, type AuditRecord, type RecordKind, type StaticVerdict } from './records';

export type AuditFormat = 'text' | 'json' | 'sarif';

/** The audit's own cost, as the recorders measured it in each process. */
export interface Overhead {
  ms: number;
  processes: number;
  /** ms against the command's wall time, in percent. */
  percent: number;
  /** After the command: reading the records, the static run over the recorded files. */
  analysisMs: number;
}

export interface AuditReport {
  command: string[];
  cwd: string;
  strace: boolean;
  outcome: CommandOutcome;
  roots: string[];
  overhead: Overhead;
  records: AuditRecord[];
}

export const REPORT_KIND = 'tmpfix-audit';

const VERDICT_TEXT: Record<StaticVerdict, string> = {
  fixed: 'static: fixed',
  'fixed-left-behind': 'static: rewritten, but this stays behind',
  reported: 'static: reported',
  'not-seen': 'NOT SEEN by static analysis',
  'no-source': 'no source line',
};

/** `static: fixed as predictable-tmp-path`; for a leftover the rewrite keeps, what it does instead. */
function verdictText(record: AuditRecord): string {
  if (record.instrumented) return INSTRUMENTED_NOTE;
  // A location outside the project (the first frame of real code when no project frame was on the stack).
  if (record.static === 'no-source' && record.location && !record.inProject) {
    const dependency = /(^|\/)(node_modules|site-packages|dist-packages)\//.test(record.location.file);
    return `${dependency ? 'in a dependency' : 'outside the project'}, no project line on the stack: not analysed`;
  }
  const found = record.staticFinding;
  if (!found) return VERDICT_TEXT[record.static];
  if (record.static === 'fixed-left-behind') return `static: rewritten as ${found.ruleId} (${found.leavesBehind ?? 'not removed'}), but this stays behind`;
  return `${VERDICT_TEXT[record.static]} as ${found.ruleId}`;
}

function where(record: AuditRecord): string {
  if (record.location) return `${record.location.file}:${record.location.line}:${record.location.column}`;
  return record.call === 'unknown' ? `(${record.program})` : `(${record.runtime}: ${record.program})`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function outcomeLine(outcome: CommandOutcome): string {
  if (outcome.startError) return `could not start: ${outcome.startError} (exit code ${outcome.exitCode})`;
  if (outcome.signal) return `was killed by ${outcome.signal} after ${seconds(outcome.durationMs)} (exit code ${outcome.exitCode})`;
  return `exited with code ${outcome.exitCode} after ${seconds(outcome.durationMs)}`;
}

export function overheadLine(overhead: Overhead, outcome: CommandOutcome): string {
  return `audit overhead: ${overhead.ms.toFixed(1)} ms of recording in ${overhead.processes} process(es), ${overhead.percent.toFixed(1)}% of the command's ${seconds(outcome.durationMs)}; then ${Math.round(overhead.analysisMs)} ms for the report and the static run`;
}

export function textReport(report: AuditReport): string {
  const lines: string[] = [];
  lines.push(`tmpfix audit: \`${report.command.join(' ')}\` ${outcomeLine(report.outcome)}`);
  const counts = (kind: RecordKind): number => report.records.filter((record) => record.kind === kind).length;
  const gaps = report.records.filter((record) => record.static === 'not-seen');
  lines.push(`  ${counts('insecure-creation')} insecure creation(s), ${counts('check-then-open')} check-then-open, ${counts('left-behind')} left behind; ${gaps.length} not seen by static analysis`);
  for (const record of report.records) {
    const times = record.count > 1 ? ` (x${record.count})` : '';
    const verdict = verdictText(record);
    const via = record.callers?.length ? ` (via ${record.callers.map((at) => `${at.file}:${at.line}`).join(' < ')})` : '';
    lines.push(`${where(record)}  ${record.kind}  ${record.message}${times}${via}  [${verdict}]`);
    if (record.staticNote && record.static === 'not-seen') lines.push(`    ${record.staticNote}`);
  }
  if (gaps.some((record) => !record.staticNote)) {
    lines.push(`tmpfix audit: ${gaps.filter((record) => !record.staticNote).length} record(s) at places tmpfix's static run does not report: a gap in tmpfix worth a bug report`);
  }
  lines.push(`tmpfix audit: ${overheadLine(report.overhead, report.outcome)}`);
  return `${lines.join('\n')}\n`;
}

export function jsonReport(report: AuditReport): string {
  const json = {
    tool: { name: 'tmpfix', version: packageJson().version },
    kind: REPORT_KIND,
    command: report.command,
    cwd: report.cwd,
    strace: report.strace,
    exitCode: report.outcome.exitCode,
    signal: report.outcome.signal,
    startError: report.outcome.startError ?? null,
    durationMs: Math.round(report.outcome.durationMs),
    overhead: { ms: Number(report.overhead.ms.toFixed(1)), processes: report.overhead.processes, percent: Number(report.overhead.percent.toFixed(2)), analysisMs: Math.round(report.overhead.analysisMs) },
    roots: report.roots,
    records: report.records,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

export function sarifReport(report: AuditReport): string {
  const kinds = Object.keys(KINDS) as RecordKind[];
  const results = report.records.map((record) => ({
    ruleId: `audit/${record.kind}`,
    ruleIndex: kinds.indexOf(record.kind),
    level: record.kind === 'left-behind' ? 'note' : 'warning',
    message: { text: `${record.message} (${record.count} time(s); ${verdictText(record)})` },
    ...(record.location
      ? {
        locations: [{
          physicalLocation: {
            artifactLocation: record.inProject
              ? { uri: record.location.file.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' }
              : { uri: `file://${record.location.file.split('/').map(encodeURIComponent).join('/')}` },
            region: { startLine: record.location.line, startColumn: record.location.column },
          },
        }],
      }
      : {}),
    properties: {
      count: record.count,
      call: record.call,
      flags: record.flags,
      exclusive: record.exclusive,
      mode: record.mode,
      directory: record.directory,
      paths: record.paths,
      runtime: record.runtime,
      program: record.program,
      static: record.static,
      ...(record.staticFinding ? { staticFinding: record.staticFinding } : {}),
    },
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'tmpfix audit',
          version: packageJson().version,
          rules: kinds.map((kind) => ({
            id: `audit/${kind}`,
            name: kind,
            shortDescription: { text: KINDS[kind].title },
            fullDescription: { text: KINDS[kind].description },
            help: { text: `${KINDS[kind].description}. See docs/audit.md in the tmpfix package.` },
            properties: { tags: ['security', ...KINDS[kind].cwe.map((cwe) => `external/cwe/${cwe.toLowerCase()}`)] },
          })),
        },
      },
      originalUriBaseIds: { SRCROOT: { uri: `file://${report.cwd.split('/').map(encodeURIComponent).join('/')}/` } },
      results,
      invocations: [{
        commandLine: report.command.join(' '),
        executionSuccessful: report.outcome.exitCode === 0,
        exitCode: report.outcome.exitCode,
        ...(report.outcome.signal ? { exitSignalName: report.outcome.signal } : {}),
      }],
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

export function formatReport(report: AuditReport, format: AuditFormat): string {
  return format === 'json' ? jsonReport(report) : format === 'sarif' ? sarifReport(report) : textReport(report);
}
