// `npm run bench`: times tmpfix's dry run, jscodeshift's runner with tmpfix's transform, and
// single-process floors on the same corpus; prints a table and writes bench/results.json.
//   node dist/bench/run.js [--reps N] [--diagnostic-reps N] [--only id,id] [--no-diagnostics] [--rebuild-corpus]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureCorpus, CORPUS_EXTENSIONS, type CorpusManifest } from './corpus';
import { measure, median, hasGnuTime, type Measurement } from './measure';
import type { FloorResult } from './floor';

const projectRoot = path.resolve(__dirname, '..', '..');
const benchDir = path.join(projectRoot, 'bench');
const corpusDir = path.join(benchDir, '.corpus');
const resultsFile = path.join(benchDir, 'results.json');

interface Options {
  reps: number;
  diagnosticReps: number;
  only: string[] | undefined;
  diagnostics: boolean;
  rebuildCorpus: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { reps: 3, diagnosticReps: 1, only: undefined, diagnostics: true, rebuildCorpus: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const next = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg.startsWith('--reps')) options.reps = Math.max(1, Number.parseInt(value(), 10));
    else if (arg.startsWith('--diagnostic-reps')) options.diagnosticReps = Math.max(1, Number.parseInt(value(), 10));
    else if (arg.startsWith('--only')) options.only = value().split(',');
    else if (arg === '--no-diagnostics') options.diagnostics = false;
    else if (arg === '--rebuild-corpus') options.rebuildCorpus = true;
    else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

/** What a row's output says beyond time and memory. */
interface Outcome {
  /** Files the tool says it looked at, when it says. */
  filesSeen?: number;
  /** Planted files the tool reported or changed; undefined when its output cannot tell. */
  plantedFound?: number;
  /** Every file the tool reported or changed, planted or not. */
  filesFlagged?: number;
  parseErrors?: number;
  detail?: unknown;
}

interface Row {
  id: string;
  label: string;
  kind: 'tool' | 'floor' | 'diagnostic';
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** Defaults to the project root. */
  cwd?: string;
  /** Why the row cannot run, when it cannot. */
  unavailable?: string;
  /** Run once untimed before the repetitions (a cache to fill). */
  warmUp?: boolean;
  read(result: Measurement, manifest: CorpusManifest): Outcome;
}

function plantedHits(flagged: Iterable<string>, manifest: CorpusManifest): number {
  const normalized = [...flagged].map((file) => file.replace(/\\/g, '/'));
  return manifest.planted.filter((planted) => normalized.some((file) => file === planted.path || file.endsWith('/' + planted.path))).length;
}

/** Files with findings in tmpfix's JSON, read loosely while its report format settles. */
function flaggedInJson(json: unknown): Set<string> {
  const flagged = new Set<string>();
  const visit = (value: unknown, inheritedFile: string | undefined): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item, inheritedFile);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    const ownFile = ['file', 'path', 'filePath', 'filename'].map((key) => record[key]).find((v): v is string => typeof v === 'string');
    const file = ownFile ?? inheritedFile;
    const isFinding = typeof record.ruleId === 'string' || typeof record.rule === 'string';
    const hasFindings = Array.isArray(record.findings) && record.findings.length > 0;
    if (file && (isFinding || hasFindings || record.changed === true)) flagged.add(file);
    for (const child of Object.values(record)) visit(child, file);
  };
  visit(json, undefined);
  return flagged;
}

function readTmpfix(result: Measurement, manifest: CorpusManifest): Outcome {
  let json: unknown;
  try {
    json = JSON.parse(result.stdout);
  } catch {
    return { detail: `output is not JSON (${result.stdout.length} bytes); stderr: ${result.stderr.slice(0, 300)}` };
  }
  const flagged = flaggedInJson(json);
  const summary = (json as { summary?: { scanned?: number; skipped?: Record<string, number>; errors?: number } }).summary;
  const skipped = Object.values(summary?.skipped ?? {}).reduce((sum, n) => sum + n, 0);
  return {
    // Considered = read and checked + skipped with a reason (size, minified, ...).
    filesSeen: typeof summary?.scanned === 'number' ? summary.scanned + skipped : undefined,
    parseErrors: summary?.errors,
    plantedFound: plantedHits(flagged, manifest),
    filesFlagged: flagged.size,
    detail: summary,
  };
}

function readJscodeshift(result: Measurement, manifest: CorpusManifest): Outcome {
  // With --verbose=2: " OKK <file>" for changed files, " REP <file> <message>" for reports.
  const flagged = new Set<string>();
  let errors = 0;
  for (const line of result.stdout.split('\n')) {
    const match = /^\s*(OKK|REP|ERR)\s+(\S+)/.exec(line);
    if (!match) continue;
    if (match[1] === 'ERR') errors++;
    else flagged.add(path.relative(corpusDir, path.resolve(projectRoot, match[2]!)));
  }
  const processing = /Processing (\d+) files/.exec(result.stdout);
  const stats = /(\d+) errors\s+(\d+) unmodified\s+(\d+) skipped\s+(\d+) ok/.exec(result.stdout);
  return {
    filesSeen: processing ? Number(processing[1]) : undefined,
    plantedFound: plantedHits(flagged, manifest),
    filesFlagged: flagged.size,
    parseErrors: stats ? Number(stats[1]) : errors,
    detail: stats ? { errors: Number(stats[1]), unmodified: Number(stats[2]), skipped: Number(stats[3]), ok: Number(stats[4]) } : undefined,
  };
}

function readFloor(result: Measurement): Outcome {
  const floor = JSON.parse(result.stdout) as FloorResult;
  return { filesSeen: floor.files, parseErrors: floor.parseErrors, detail: floor };
}

function rows(babelCacheDir: string): Row[] {
  // Both caches (babel's for jscodeshift, tmpfix's --cache) live in the run's own scratch directory.
  const node = process.execPath;
  const corpus = path.relative(projectRoot, corpusDir);
  const cli = path.join(projectRoot, 'dist', 'cli.js');
  const transform = path.join('dist', 'transforms', 'all.js');
  const jscodeshiftBin = path.join('node_modules', 'jscodeshift', 'bin', 'jscodeshift.js');
  const jscodeshiftArgs = [
    jscodeshiftBin,
    '-t',
    transform,
    '--dry',
    '--verbose=2',
    `--extensions=${CORPUS_EXTENSIONS.map((ext) => ext.slice(1)).join(',')}`,
    '--parser=tsx',
    // Same file set as the others: its walker would otherwise stat every object under .git.
    '--ignore-pattern=.git',
    corpus,
  ];
  const floor = (mode: string, id: string, label: string, kind: Row['kind']): Row => ({
    id,
    label,
    kind,
    command: node,
    args: [path.join('dist', 'bench', 'floor.js'), mode, corpus],
    read: readFloor,
  });
  return [
    {
      id: 'tmpfix',
      label: 'tmpfix --format json (dry run)',
      kind: 'tool',
      command: node,
      // Run from inside the corpus: from the project root, the outer .gitignore (bench/.corpus/) hides every file.
      args: [cli, '--format', 'json', '.'],
      cwd: corpusDir,
      unavailable: fs.existsSync(cli) ? undefined : 'dist/cli.js does not exist yet',
      read: readTmpfix,
    },
    {
      id: 'tmpfix-cache',
      label: 'tmpfix --cache --format json (warm cache)',
      kind: 'tool',
      command: node,
      args: [cli, '--cache', '--format', 'json', '.'],
      cwd: corpusDir,
      env: { ...process.env, XDG_CACHE_HOME: path.join(babelCacheDir, 'xdg-cache') },
      warmUp: true,
      unavailable: fs.existsSync(cli) ? undefined : 'dist/cli.js does not exist yet',
      read: readTmpfix,
    },
    {
      id: 'jscodeshift',
      label: 'jscodeshift -t all.js (babel register)',
      kind: 'tool',
      command: node,
      args: jscodeshiftArgs,
      // A cache of our own, not ~/.babel.json: the first repetition compiles, the rest hit the cache.
      env: { ...process.env, BABEL_CACHE_PATH: path.join(babelCacheDir, 'babel.json') },
      read: readJscodeshift,
    },
    {
      id: 'jscodeshift-no-babel',
      label: 'jscodeshift -t all.js --no-babel',
      kind: 'tool',
      command: node,
      args: [...jscodeshiftArgs.slice(0, -1), '--no-babel', corpus],
      read: readJscodeshift,
    },
    {
      id: 'jscodeshift-cpus2',
      label: 'jscodeshift --no-babel --cpus=2',
      kind: 'diagnostic',
      command: node,
      args: [...jscodeshiftArgs.slice(0, -1), '--no-babel', '--cpus=2', corpus],
      read: readJscodeshift,
    },
    floor('regex', 'floor', 'floor: read + regex, 1 process', 'floor'),
    floor('babel', 'parse-babel', 'parse all, @babel/parser, 1 process', 'diagnostic'),
    floor('recast', 'parse-recast', 'parse all, j(source) (recast), 1 process', 'diagnostic'),
    floor('prefilter+recast', 'prefilter-recast', 'engine prefilter + j(source) on hits, 1 process', 'diagnostic'),
    floor('driver-parse', 'driver-parse', 'size/minified/prefilter + parseFile, 1 process', 'diagnostic'),
    floor('driver-engine', 'driver-engine', 'size/minified/prefilter + transformSource, 1 proc', 'diagnostic'),
  ];
}

interface RowSummary {
  id: string;
  label: string;
  kind: Row['kind'];
  command: string;
  unavailable?: string;
  runs: { wallMs: number; maxProcessRssKb: number | null; treeRssKb: number; processes: number; exitCode: number | null }[];
  medianWallMs?: number;
  filesPerSecond?: number;
  medianMaxProcessRssMb?: number;
  medianTreeRssMb?: number;
  outcome?: Outcome;
}

function fmt(value: number | undefined, digits = 1): string {
  return value === undefined || Number.isNaN(value) ? '-' : value.toFixed(digits);
}

function table(summaries: RowSummary[], manifest: CorpusManifest): string {
  const header = ['', 'runs', 'median s', 'files/s', 'max proc RSS MB', 'tree RSS MB', 'files seen', 'planted found'];
  const body = summaries.map((row) => [
    row.label,
    String(row.runs.length),
    row.unavailable ? `(${row.unavailable})` : fmt(row.medianWallMs === undefined ? undefined : row.medianWallMs / 1000, 2),
    fmt(row.filesPerSecond, 0),
    fmt(row.medianMaxProcessRssMb, 0),
    fmt(row.medianTreeRssMb, 0),
    row.outcome?.filesSeen === undefined ? '-' : String(row.outcome.filesSeen),
    row.outcome?.plantedFound === undefined ? '-' : `${row.outcome.plantedFound}/${manifest.planted.length}`,
  ]);
  const widths = header.map((_, col) => Math.max(header[col]!.length, ...body.map((cells) => cells[col]!.length)));
  const line = (cells: string[]): string => cells.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const log = (line: string): void => void process.stderr.write(line + '\n');
  const manifest = ensureCorpus(projectRoot, corpusDir, log, options.rebuildCorpus);
  const loadAtStart = os.loadavg()[0];
  log(`corpus: ${manifest.files} files, ${(manifest.bytes / 1e6).toFixed(1)} MB, ${manifest.planted.length} planted; ${options.reps} repetitions`);
  if (!hasGnuTime) log('no /usr/bin/time: max proc RSS is not measured, tree RSS is sampled only');

  const babelCacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tmpfix-bench-babel-'));
  try {
    const selected = rows(babelCacheDir).filter(
      (row) => (options.only ? options.only.includes(row.id) : options.diagnostics || row.kind !== 'diagnostic'),
    );
    const measurements = new Map<string, Measurement[]>(selected.map((row) => [row.id, []]));
    // Repetitions interleave the rows, so drift in the machine spreads over all of them.
    const repsOf = (row: Row): number => (row.kind === 'diagnostic' ? options.diagnosticReps : options.reps);
    const maxReps = Math.max(...selected.map(repsOf));
    for (const row of selected) {
      if (!row.warmUp || row.unavailable) continue;
      const result = await measure(row.command, row.args, { cwd: row.cwd ?? projectRoot, env: row.env });
      log(`warm-up    ${row.id.padEnd(20)} ${(result.wallMs / 1000).toFixed(2)} s  exit ${result.exitCode} (not counted)`);
    }
    for (let rep = 1; rep <= maxReps; rep++) {
      for (const row of selected) {
        if (row.unavailable || rep > repsOf(row)) continue;
        const result = await measure(row.command, row.args, { cwd: row.cwd ?? projectRoot, env: row.env });
        measurements.get(row.id)!.push(result);
        log(`rep ${rep}/${repsOf(row)}  ${row.id.padEnd(20)} ${(result.wallMs / 1000).toFixed(2)} s  exit ${result.exitCode}`);
        if (result.exitCode !== 0 && result.exitCode !== 1) log(`  stderr: ${result.stderr.slice(0, 500)}`);
      }
    }

    const summaries: RowSummary[] = selected.map((row) => {
      const runs = measurements.get(row.id)!;
      const summary: RowSummary = {
        id: row.id,
        label: row.label,
        kind: row.kind,
        command: `${row.cwd ? `cd ${path.relative(projectRoot, row.cwd)} && ` : ''}${['node', ...row.args].join(' ')}`,
        unavailable: row.unavailable,
        runs: runs.map(({ wallMs, maxProcessRssKb, treeRssKb, processes, exitCode }) => ({
          wallMs: Math.round(wallMs),
          maxProcessRssKb,
          treeRssKb: Math.round(treeRssKb),
          processes,
          exitCode,
        })),
      };
      if (!runs.length) return summary;
      summary.medianWallMs = Math.round(median(runs.map((r) => r.wallMs)));
      summary.filesPerSecond = Math.round(manifest.files / (summary.medianWallMs / 1000));
      const maxRss = runs.map((r) => r.maxProcessRssKb).filter((v): v is number => v !== null);
      summary.medianMaxProcessRssMb = maxRss.length ? Math.round(median(maxRss) / 1024) : undefined;
      summary.medianTreeRssMb = Math.round(median(runs.map((r) => r.treeRssKb)) / 1024);
      try {
        summary.outcome = row.read(runs[runs.length - 1]!, manifest);
      } catch (error) {
        summary.outcome = { detail: `could not read output: ${(error as Error).message}` };
      }
      return summary;
    });

    const wall = (id: string): number | undefined => summaries.find((s) => s.id === id)?.medianWallMs;
    const ratio = (a: string, b: string): number | undefined => {
      const [x, y] = [wall(a), wall(b)];
      return x !== undefined && y !== undefined ? Math.round((x / y) * 100) / 100 : undefined;
    };
    const ratios = {
      jscodeshiftOverTmpfix: ratio('jscodeshift', 'tmpfix'),
      jscodeshiftNoBabelOverTmpfix: ratio('jscodeshift-no-babel', 'tmpfix'),
      tmpfixOverFloor: ratio('tmpfix', 'floor'),
      tmpfixCacheOverFloor: ratio('tmpfix-cache', 'floor'),
    };

    const out: string[] = [];
    out.push(`tmpfix benchmark: ${manifest.files} files (${(manifest.bytes / 1e6).toFixed(1)} MB), median of ${options.reps} (diagnostics ${options.diagnosticReps}), ${os.cpus().length} CPUs, node ${process.version}`);
    out.push('');
    out.push(table(summaries, manifest));
    out.push('');
    out.push(`jscodeshift / tmpfix           ${fmt(ratios.jscodeshiftOverTmpfix, 2)}x   (target >= 5x, aim 30x)`);
    out.push(`jscodeshift --no-babel / tmpfix ${fmt(ratios.jscodeshiftNoBabelOverTmpfix, 2)}x`);
    out.push(`tmpfix / floor                 ${fmt(ratios.tmpfixOverFloor, 2)}x   (target <= 1.5x)`);
    out.push(`tmpfix --cache (warm) / floor  ${fmt(ratios.tmpfixCacheOverFloor, 2)}x`);
    const floorDetail = summaries.find((s) => s.id === 'floor')?.outcome?.detail as FloorResult | undefined;
    if (floorDetail) out.push(`floor regex matched ${floorDetail.matched} of ${floorDetail.files} files`);
    const tmpfixSummary = summaries.find((s) => s.id === 'tmpfix')?.outcome?.detail;
    if (tmpfixSummary) out.push(`tmpfix summary: ${JSON.stringify(tmpfixSummary)}`);
    for (const id of ['parse-babel', 'parse-recast', 'prefilter-recast', 'driver-parse', 'driver-engine']) {
      const detail = summaries.find((s) => s.id === id)?.outcome?.detail as FloorResult | undefined;
      if (detail) {
        out.push(
          `${id}: ${detail.matched} files (${(detail.matchedBytes / 1e6).toFixed(1)} MB) past the checks, ${detail.skippedByLimits} skipped by limits; ` +
            `parsed ${detail.parsed} in ${(detail.parseMs / 1000).toFixed(1)} s (files > 1 MB: ${(detail.bigFilesParseMs / 1000).toFixed(1)} s), read ${(detail.readMs / 1000).toFixed(1)} s`,
        );
      }
    }
    out.push(`load average (1 min) ${loadAtStart.toFixed(1)} at start, ${os.loadavg()[0]!.toFixed(1)} at end, on ${os.cpus().length} CPUs`);
    out.push('RSS: "max proc" is the largest single process (GNU time); "tree" is the sampled peak of the sum over the process tree.');
    process.stdout.write(out.join('\n') + '\n');

    const results = {
      date: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      platform: `${os.platform()} ${os.release()}`,
      gnuTime: hasGnuTime,
      // Other work on the machine skews every row; the 1-minute load average at the start and the end.
      loadAverage: { start: loadAtStart, end: os.loadavg()[0] },
      reps: options.reps,
      diagnosticReps: options.diagnosticReps,
      corpus: { dir: path.relative(projectRoot, corpusDir), files: manifest.files, bytes: manifest.bytes, replicas: manifest.replicas, bundles: manifest.bundles, planted: manifest.planted.length },
      ratios,
      rows: summaries,
    };
    fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');
    log(`wrote ${path.relative(projectRoot, resultsFile)}`);
  } finally {
    fs.rmSync(babelCacheDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
