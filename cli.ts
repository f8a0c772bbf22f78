#!/usr/bin/env node
// The command line: parses arguments, maps outcomes to exit codes. The work is in src/driver.
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { AUDIT_USAGE, USAGE } from './src/driver/help';
import { packageJson, PACKAGE_ROOT, ruleDoc, ruleListJson, ruleListText, ruleMetas } from './src/driver/package-info';
import { defaultJobs } from './src/driver/pool';
import { EXIT, run, UsageError } from './src/driver/run';
import { OUTDATED_TMP } from './src/driver/tmp-advisory';
import type { PythonChoice } from './src/driver/python-target';
import type { Format, RunOptions, TargetChoice } from './src/driver/types';

// What only some runs need loads when they need it: start-up is part of every run's time.
/* eslint-disable @typescript-eslint/no-require-imports */
const lazy = {
  sarif: () => require('./src/driver/sarif-alerts') as typeof import('./src/driver/sarif-alerts'),
  auditAlerts: () => require('./src/audit/alerts') as typeof import('./src/audit/alerts'),
  audit: () => require('./src/audit/run') as typeof import('./src/audit/run'),
};
/* eslint-enable @typescript-eslint/no-require-imports */

const FORMATS: readonly Format[] = ['text', 'json', 'sarif'];
const TARGET_CHOICES: readonly TargetChoice[] = ['auto', 'node', 'node24', 'tmp'];
const PYTHON_CHOICES: readonly PythonChoice[] = ['auto', '2', '3'];

const spec = {
  write: { type: 'boolean' },
  'allow-dirty': { type: 'boolean' },
  check: { type: 'boolean' },
  patch: { type: 'string' },
  format: { type: 'string' },
  inspect: { type: 'boolean' },
  rules: { type: 'string' },
  'list-rules': { type: 'boolean' },
  target: { type: 'string' },
  python: { type: 'string' },
  include: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  'no-ignore': { type: 'boolean' },
  'with-node-modules': { type: 'boolean' },
  shard: { type: 'string' },
  jobs: { type: 'string' },
  cache: { type: 'boolean' },
  'from-sarif': { type: 'string', multiple: true },
  'from-audit': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

type Parsed = ReturnType<typeof parseArgs<{ options: typeof spec; allowPositionals: true }>>;

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${flag} must be one of ${allowed.join(', ')} (got ${value})`);
  return value as T;
}

function toRunOptions({ values, positionals }: Parsed): RunOptions {
  if (values.write && values.check) throw new UsageError('--write and --check cannot be combined');
  if (values['allow-dirty'] && !values.write) throw new UsageError('--allow-dirty only applies to --write');
  let jobs = defaultJobs(os.availableParallelism());
  if (values.jobs !== undefined) {
    if (!/^[1-9]\d*$/.test(values.jobs)) throw new UsageError(`--jobs takes a whole number of at least 1 (got ${values.jobs})`);
    jobs = Number(values.jobs);
  }
  let shard: RunOptions['shard'];
  if (values.shard !== undefined) {
    const match = /^(\d+)\/(\d+)$/.exec(values.shard);
    const [index, count] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
    if (!match || count < 1 || index < 1 || index > count) throw new UsageError(`--shard takes K/N with 1 <= K <= N (got ${values.shard})`);
    shard = { index, count };
  }
  const rules = values.rules?.split(',').map((id) => id.trim()).filter(Boolean);
  if (values.rules !== undefined && !rules?.length) throw new UsageError('--rules needs at least one rule id');
  if (values.patch === '') throw new UsageError('--patch needs a file name');
  const sarif = values['from-sarif'] && lazy.sarif().loadSarifAlerts(values['from-sarif'], process.cwd());
  let audited: RunOptions['alerts'];
  let auditSource: string | undefined;
  if (values['from-audit'] !== undefined) {
    const { auditAlertSource, auditToAlerts, readAuditReport } = lazy.auditAlerts();
    const auditReport = readAuditReport(path.resolve(values['from-audit']));
    audited = auditToAlerts(auditReport, values['from-audit']);
    if (audited.length === 0) throw new UsageError(`--from-audit ${values['from-audit']}: no record has a source line in the project; nothing to rewrite`);
    auditSource = auditAlertSource(auditReport, audited, values['from-audit']);
  }
  const alerts = sarif || audited ? [...(sarif ? sarif.alerts : []), ...(audited ?? [])] : undefined;
  const alertSource = [sarif && sarif.description, auditSource].filter(Boolean).join('; ');
  return {
    // With alerts and no paths: every flagged file.
    paths: positionals.length ? positionals : alerts ? [] : ['.'],
    mode: values.write ? 'write' : values.check ? 'check' : 'dry-run',
    format: oneOf('format', values.format ?? 'text', FORMATS),
    patchFile: values.patch,
    allowDirty: values['allow-dirty'] ?? false,
    rules,
    target: oneOf('target', values.target ?? 'auto', TARGET_CHOICES),
    python: oneOf('python', values.python ?? 'auto', PYTHON_CHOICES),
    jobs,
    include: values.include ?? [],
    exclude: values.exclude ?? [],
    useIgnoreFiles: !values['no-ignore'],
    withNodeModules: values['with-node-modules'] ?? false,
    shard,
    inspect: values.inspect ?? false,
    cache: values.cache ?? false,
    ...(alerts ? { alerts, alertSource } : {}),
  };
}

function explain(ids: string[]): number {
  if (ids.length !== 1) throw new UsageError('usage: tmpfix explain RULE');
  const metas = [...ruleMetas(), OUTDATED_TMP];
  const meta = metas.find((m) => m.id === ids[0]);
  if (!meta) throw new UsageError(`unknown rule ${ids[0]}; known rules: ${metas.map((m) => m.id).join(', ') || '(none registered)'}`);
  const doc = ruleDoc(meta);
  if (doc === undefined) {
    process.stderr.write(`tmpfix: ${meta.docs} is missing from ${PACKAGE_ROOT}\n`);
    return EXIT.failed;
  }
  process.stdout.write(doc.endsWith('\n') ? doc : `${doc}\n`);
  return EXIT.ok;
}

const auditSpec = {
  format: { type: 'string' },
  output: { type: 'string' },
  strace: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `tmpfix audit [options] [--] COMMAND...`: the options end at `--` or at the first word that is not one. */
function auditCommand(argv: string[]): Promise<number> {
  let end = argv.indexOf('--');
  let command: string[];
  if (end === -1) {
    end = 0;
    while (end < argv.length && argv[end].startsWith('-')) end += argv[end] === '--format' || argv[end] === '--output' ? 2 : 1;
    end = Math.min(end, argv.length);
    command = argv.slice(end);
  } else command = argv.slice(end + 1);
  let values;
  try {
    ({ values } = parseArgs({ args: argv.slice(0, end), options: auditSpec, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(AUDIT_USAGE);
    return Promise.resolve(EXIT.ok);
  }
  if (values.output === '') throw new UsageError('--output needs a file name');
  const format = oneOf('format', values.format ?? 'json', ['json', 'sarif', 'text'] as const);
  return lazy.audit().audit({ command, format, output: values.output, strace: values.strace ?? false }, { cwd: process.cwd(), env: process.env, stderr: process.stderr });
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'audit') return auditCommand(argv.slice(1));
  let parsed: Parsed;
  try {
    parsed = parseArgs({ args: argv, options: spec, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return EXIT.ok;
  }
  if (values.version) {
    process.stdout.write(`${packageJson().version}\n`);
    return EXIT.ok;
  }
  if (positionals[0] === 'explain') return explain(positionals.slice(1));
  if (values['list-rules']) {
    const json = oneOf('format', values.format ?? 'text', ['text', 'json'] as const) === 'json';
    process.stdout.write(json ? ruleListJson() : ruleListText());
    return EXIT.ok;
  }
  const options = toRunOptions(parsed);
  return run(options, { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr });
}

// `tmpfix | head`: once stdout is closed the output is incomplete; stop quietly with its own exit code.
// (run() notices it too and stops the work.) Any other stdout failure is reported.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') process.stderr.write(`tmpfix: cannot write to stdout: ${error.code ?? error.message}\n`);
  process.exitCode = error.code === 'EPIPE' ? EXIT.outputClosed : EXIT.failed;
});

main(process.argv.slice(2)).then(
  (code) => {
    // A stdout failure noticed after run() finished (the last report write) keeps its code.
    if (process.exitCode === undefined || process.exitCode === EXIT.ok) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`tmpfix: ${error.message}\nRun tmpfix --help for usage.\n`);
    } else {
      process.stderr.write(`tmpfix: unexpected failure: ${(error as Error)?.stack ?? String(error)}\n`);
    }
    process.exitCode = EXIT.failed;
  },
);
