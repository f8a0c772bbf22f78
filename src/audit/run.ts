// `tmpfix audit -- COMMAND`: runs the command under the recorders, reports what it did in the shared
// temp directories, and exits with the command's own exit code.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../driver/errors';
import { recordCommand, recorderProblem } from './recorder';
import { buildRecords } from './records';
import { formatReport, REPORT_KIND, textReport, type AuditFormat, type AuditReport } from './report';
import { addStaticVerdicts, staticReady } from './verdict';

export interface AuditOptions {
  command: string[];
  format: AuditFormat;
  /** Where the json/sarif (or text) report goes; undefined: the default name for the format. */
  output?: string;
  strace: boolean;
}

export interface AuditIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stderr: NodeJS.WritableStream;
}

export const DEFAULT_OUTPUT: Record<AuditFormat, string | undefined> = { json: 'audit.json', sarif: 'audit.sarif', text: undefined };

/** Whether a file holds an earlier report of this kind (the default name is only reused for those). */
function isEarlierReport(file: string): boolean {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { kind?: string; runs?: { tool?: { driver?: { name?: string } } }[] };
    return parsed.kind === REPORT_KIND || parsed.runs?.[0]?.tool?.driver?.name === 'tmpfix audit';
  } catch {
    return false;
  }
}

/** Decides where the report goes before the command runs, so a bad name costs no run. */
function outputFile(options: AuditOptions, cwd: string): string | undefined {
  const named = options.output ?? DEFAULT_OUTPUT[options.format];
  if (named === undefined) return undefined;
  const file = path.resolve(cwd, named);
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (stat?.isDirectory()) throw new UsageError(`--output ${named} is a directory`);
  if (options.output === undefined && stat && !isEarlierReport(file)) {
    throw new UsageError(`${named} exists and is not an earlier tmpfix audit report; name another file with --output FILE`);
  }
  if (!fs.existsSync(path.dirname(file))) throw new UsageError(`cannot write --output ${named}: ${path.dirname(file)} does not exist`);
  return file;
}

/** A new name beside the file, then a rename: a reader never sees half a report. Devices are written directly. */
function writeReport(file: string, text: string): void {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (stat && !stat.isFile()) {
    fs.writeFileSync(file, text);
    return;
  }
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.tmpfix-${randomBytes(6).toString('hex')}`);
  try {
    fs.writeFileSync(temp, text, { flag: 'wx' });
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

export async function audit(options: AuditOptions, io: AuditIo): Promise<number> {
  if (options.command.length === 0) throw new UsageError('usage: tmpfix audit [--format json|sarif|text] [--output FILE] [--strace] -- COMMAND [ARGS...]');
  const output = outputFile(options, io.cwd);
  const problem = recorderProblem(options.strace);
  if (problem) throw new UsageError(`cannot audit: ${problem}`);
  const project = fs.realpathSync(io.cwd);

  const recording = await recordCommand({ command: options.command, cwd: io.cwd, project, strace: options.strace, env: io.env });
  const analysisStarted = performance.now();
  const records = buildRecords(recording, project, io.env.TMPDIR ? path.resolve(io.env.TMPDIR) : undefined);
  await staticReady(records);
  addStaticVerdicts(records);
  const recorded = recording.processes.filter((owner) => owner.runtime !== 'strace');
  const overheadMs = recorded.reduce((sum, owner) => sum + owner.overheadMs, 0);
  const report: AuditReport = {
    command: options.command,
    cwd: project,
    strace: options.strace,
    outcome: recording.outcome,
    roots: recording.roots,
    overhead: { ms: overheadMs, processes: recorded.length, percent: recording.outcome.durationMs > 0 ? (overheadMs / recording.outcome.durationMs) * 100 : 0, analysisMs: 0 },
    records,
  };
  report.overhead.analysisMs = performance.now() - analysisStarted;
  if (recording.outcome.startError) io.stderr.write(`tmpfix audit: ${recording.outcome.startError}\n`);
  io.stderr.write(textReport(report));
  if (output) {
    try {
      writeReport(output, formatReport(report, options.format));
      io.stderr.write(`tmpfix audit: ${options.format} report written to ${path.relative(io.cwd, output) || output}\n`);
    } catch (error) {
      io.stderr.write(`tmpfix audit: cannot write ${output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    }
  }
  return recording.outcome.exitCode;
}
