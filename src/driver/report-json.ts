import type { FileResult, Mode } from './types';
import type { Summary } from './summary';

export interface RunInfo {
  version: string;
  mode: Mode;
  target: string;
  shard?: string;
  refused?: { reason: string; files: string[] };
}

/** One entry per file, with only the fields its status has. */
function fileEntry(result: FileResult): Record<string, unknown> {
  switch (result.status) {
    case 'skipped':
      return { path: result.rel, status: 'skipped', reason: result.reason, ...(result.detail ? { detail: result.detail } : {}) };
    case 'error':
      return { path: result.rel, status: 'error', kind: result.kind, message: result.message, line: result.line, column: result.column };
    case 'unchanged':
      return { path: result.rel, status: 'unchanged', why: result.why, target: result.target, findings: result.findings };
    case 'changed':
      return {
        path: result.rel, status: 'changed', target: result.target,
        ...(result.written !== undefined ? { written: result.written } : {}),
        ...(result.writeError ? { writeError: result.writeError } : {}),
        changes: result.hunks, findings: result.findings,
      };
  }
}

export function jsonReport(results: FileResult[], summary: Summary, info: RunInfo): string {
  const report = {
    tool: { name: 'tmpfix', version: info.version },
    mode: info.mode,
    target: info.target,
    shard: info.shard ?? null,
    refused: info.refused ?? null,
    summary,
    files: results.map(fileEntry),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
