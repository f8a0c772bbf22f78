// One Node process over the whole corpus, for the floors the real tools are compared with.
//   node dist/bench/floor.js <mode> <corpus>
// Modes:
//   regex            read every file, test FLOOR_PATTERN (the floor in the table)
//   prefilter        read every file, test the engine's prefilter (the driver's real first test)
//   babel            read and parse every file with @babel/parser, tmpfix's options
//   recast           read and build every file's jscodeshift Collection, as transformSource does
//   prefilter+recast read every file, build a Collection only where the prefilter matches
//   driver-parse     the driver's cheap checks (size, minified, prefilter), then the engine's parseFile
//   driver-engine    the same checks, then transformSource (parse + every rule + print) per candidate
// Prints one JSON object on stdout.
import * as fs from 'node:fs';
import * as path from 'node:path';
import jscodeshift from 'jscodeshift';
import { listSources } from './corpus';
import { parserFor, parseFile } from '../src/engine/parser';
import { prefilter, transformSource } from '../transforms';
import { MAX_FILE_BYTES, MAX_LINE_LENGTH } from '../src/driver/limits';

/** Words any temp-file pattern needs; fixed so the floor does not move as rules are added. */
export const FLOOR_PATTERN = /tmpdir|mkdtemp|TMPDIR|\/tmp\b|\/var\/tmp|\btmp\b|\btemp\b/;

export const MODES = ['regex', 'prefilter', 'babel', 'recast', 'prefilter+recast', 'driver-parse', 'driver-engine'] as const;
export type FloorMode = (typeof MODES)[number];

export interface FloorResult {
  mode: FloorMode;
  files: number;
  bytes: number;
  /** Files the mode's text test matched (every file for the parse-all modes). */
  matched: number;
  matchedBytes: number;
  /** Files over the driver's size or line-length limits (driver-* modes only). */
  skippedByLimits: number;
  parsed: number;
  parseErrors: number;
  readMs: number;
  testMs: number;
  parseMs: number;
  /** Parse time spent on files over 1 MB (the bundles). */
  bigFilesParseMs: number;
  slowest: { file: string; ms: number; bytes: number }[];
}

function longestLine(source: string): number {
  let longest = 0;
  let start = 0;
  for (let end = source.indexOf('\n'); ; end = source.indexOf('\n', start)) {
    const stop = end === -1 ? source.length : end;
    longest = Math.max(longest, stop - start);
    if (end === -1) return longest;
    start = end + 1;
  }
}

function run(mode: FloorMode, corpus: string): FloorResult {
  const files = listSources(corpus, new Set(['.git', 'node_modules']));
  const result: FloorResult = {
    mode,
    files: files.length,
    bytes: 0,
    matched: 0,
    matchedBytes: 0,
    skippedByLimits: 0,
    parsed: 0,
    parseErrors: 0,
    readMs: 0,
    testMs: 0,
    parseMs: 0,
    bigFilesParseMs: 0,
    slowest: [],
  };
  const timings: { file: string; ms: number; bytes: number }[] = [];
  const test: (source: string) => boolean =
    mode === 'regex' ? (source) => FLOOR_PATTERN.test(source) : mode === 'babel' || mode === 'recast' ? () => true : prefilter;
  const parseWith =
    mode === 'babel' || mode === 'driver-parse'
      ? 'babel'
      : mode === 'regex' || mode === 'prefilter'
        ? 'none'
        : mode === 'driver-engine'
          ? 'engine'
          : 'recast';
  const withLimits = mode === 'driver-parse' || mode === 'driver-engine';

  for (const rel of files) {
    const file = path.join(corpus, rel);
    let t = performance.now();
    const source = fs.readFileSync(file, 'utf8');
    result.readMs += performance.now() - t;
    result.bytes += Buffer.byteLength(source);

    if (withLimits && (source.length > MAX_FILE_BYTES || longestLine(source) > MAX_LINE_LENGTH)) {
      result.skippedByLimits++;
      continue;
    }
    t = performance.now();
    const matched = test(source);
    result.testMs += performance.now() - t;
    if (!matched) continue;
    result.matched++;
    result.matchedBytes += source.length;
    if (parseWith === 'none') continue;

    t = performance.now();
    try {
      if (parseWith === 'babel') parseFile(source, file);
      else if (parseWith === 'engine') transformSource(source, file);
      else jscodeshift.withParser(parserFor(file))(source);
      result.parsed++;
    } catch {
      result.parseErrors++;
    }
    const ms = performance.now() - t;
    result.parseMs += ms;
    if (source.length > 1_000_000) result.bigFilesParseMs += ms;
    timings.push({ file: rel, ms, bytes: source.length });
  }
  result.slowest = timings
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 8)
    .map((entry) => ({ ...entry, ms: Math.round(entry.ms) }));
  for (const key of ['readMs', 'testMs', 'parseMs', 'bigFilesParseMs'] as const) result[key] = Math.round(result[key]);
  return result;
}

if (require.main === module) {
  const [mode, corpus] = process.argv.slice(2);
  if (!MODES.includes(mode as FloorMode) || !corpus) {
    process.stderr.write(`usage: node dist/bench/floor.js <${MODES.join('|')}> <corpus>\n`);
    process.exit(2);
  }
  process.stdout.write(JSON.stringify(run(mode as FloorMode, path.resolve(corpus))) + '\n');
}
