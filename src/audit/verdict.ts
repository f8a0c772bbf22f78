// Asks tmpfix's own static analysis about every place the audit recorded: does the static run find
// the same file and line ("fixed" or "reported"), or is this a gap in tmpfix ("not-seen")?
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../index';
import { fixLeavesBehind } from '../driver/alerts';
import { isDeclarationFile, isSourceFile } from '../driver/limits';
import { isPythonFile } from '../python/prefilter';
import type { AuditRecord } from './records';

type Findings = { findings: Finding[] } | { note: string };

function analyse(file: string): Findings {
  const name = path.basename(file);
  if (!isSourceFile(name) || isDeclarationFile(name)) {
    return { note: `tmpfix does not analyse ${path.extname(name) || 'extensionless'} files` };
  }
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8').replace(/^\ufeff/, '');
  } catch (error) {
    return { note: `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
  // The engine (parser and rules) loads only when a record has a source line to check.
  const { transformSource, ParseError } = isPythonFile(name)
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require('../python/run') as typeof import('../python/run'))
    : // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require('../index') as typeof import('../index'));
  try {
    return { findings: transformSource(source, file, { target: isPythonFile(name) ? undefined : 'node' }).findings };
  } catch (error) {
    return { note: error instanceof ParseError ? `does not parse: ${error.message}` : `the static run failed: ${(error as Error).message}` };
  }
}

/** The Python parser starts asynchronously: awaited once, before the verdicts, when a record is in a .py file. */
export async function staticReady(records: AuditRecord[]): Promise<void> {
  if (!records.some((record) => record.absFile && record.inProject && isPythonFile(record.absFile))) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  await (require('../python/run') as typeof import('../python/run')).pythonReady();
}

/** Fills in `static` (and the matching finding) on every record that has a source line. */
export function addStaticVerdicts(records: AuditRecord[]): void {
  const byFile = new Map<string, Findings>();
  for (const record of records) {
    // A position of instrumented code is no line to look at: neither a finding nor a gap.
    if (!record.absFile || !record.location || record.instrumented) continue;
    if (!record.inProject) {
      record.static = 'no-source';
      record.staticNote = 'outside the project (a dependency or the runtime): tmpfix does not analyse it';
      continue;
    }
    let result = byFile.get(record.absFile);
    if (!result) {
      result = analyse(record.absFile);
      byFile.set(record.absFile, result);
    }
    if ('note' in result) {
      record.static = 'not-seen';
      record.staticNote = result.note;
      continue;
    }
    const line = record.location.line;
    const matches = result.findings.filter((finding) => finding.line <= line && line <= finding.endLine);
    // Something left behind is fixed only by a rewrite that removes it: such a finding comes first.
    const leftBehind = record.kind === 'left-behind';
    const best = (leftBehind ? matches.find((finding) => finding.fixed && !fixLeavesBehind(finding)) : undefined)
      ?? matches.find((finding) => finding.fixed) ?? matches[0];
    if (!best) {
      record.static = 'not-seen';
      continue;
    }
    const leaves = leftBehind && best.fixed ? fixLeavesBehind(best) : undefined;
    record.static = !best.fixed ? 'reported' : leaves ? 'fixed-left-behind' : 'fixed';
    record.staticFinding = { ruleId: best.ruleId, line: best.line, column: best.column, fixed: best.fixed, ...(leaves ? { leavesBehind: leaves } : {}) };
  }
}
