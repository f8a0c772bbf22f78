import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ResultCache } from './cache';
import { finishCandidate, readCandidate, readyFor, settleWithoutFacts, transformCandidate, type Candidate } from './process-file';
import { createsFiles, privateTempdirLine, sharedNamesByFile, tempNames, type ModuleIndex } from './prepass';
import type { FileResult, Task, WorkerConfig } from './types';
import type { CandidateBatch, ResultBatch } from './worker';

/**
 * When a helper thread starts. A helper costs a new isolate and its own load of the parser and the
 * engine (about 150 ms of CPU on 2 cores), spent beside this thread's reading. It pays once the files
 * waiting for a parse hold this much source (jest: 680 KB in 111 files, about 1.3 s of parsing), or
 * once the run has gone on this long with any file waiting (webpack: 7 small files, whose parses
 * and the engine's load take 200 ms, overlap 500 ms of reading). Smaller and shorter runs never
 * start one: measured with `npm run bench` and on webpack, jest and babel (README, Performance).
 * TMPFIX_HELPER_AFTER_CHARS overrides the first (the CLI tests set 0 to exercise the helpers).
 */
const HELPER_AFTER_CHARS = Number(process.env.TMPFIX_HELPER_AFTER_CHARS ?? 128 * 1024);
const HELPER_AFTER_MS = 150;
/** Source sent to one helper and not answered yet, at most (characters): the rest waits here. */
const BACKLOG_PER_HELPER = 64 * 1024;

/**
 * Helper heaps are capped so that V8 collects early: without a cap each heap grows to hundreds of
 * MiB of garbage. A file too big for the cap is done again in this thread, uncapped.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 8 };

/**
 * `--jobs` when not given: this thread alone on 2 cores or fewer, else one thread fewer than cores.
 * V8's own collector and compiler threads keep a second core busy (a one-thread run uses more CPU
 * than wall time), so on 2 cores a helper only competes with them: measured against --jobs 1 it
 * was slower on jest (1.16x), babel (1.15x) and eight copies of jest (1.05x, with 50% more CPU),
 * and within the noise on webpack (README, Performance).
 */
export function defaultJobs(cores: number): number {
  return cores <= 2 ? 1 : cores - 1;
}

/** Files read between two turns of the event loop. */
const YIELD_EVERY = 128;

const turn = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

/** A transform in this thread; the first Python file waits for its parser (WebAssembly) to start. */
async function transformHere(candidate: Candidate, config: WorkerConfig): Promise<FileResult> {
  const starting = readyFor(candidate);
  if (starting) await starting;
  return transformCandidate(candidate, config);
}

/**
 * Reads and checks every file the source yields in this thread (most stop at the prefilter, which is
 * as cheap as reading), and gives each JavaScript file that needs a parse the facts of the modules it
 * imports (the pre-pass, in discovery order). The files that need a parse wait in a queue: with
 * `jobs` 1 each is transformed at once; otherwise up to `jobs - 1` helper threads take them from the
 * front once that pays (see HELPER_AFTER_CHARS), and when the reading is done this thread takes them
 * from the back. A file that spells out fixed temp names waits until every file is read: whether
 * another file uses the same name is known only then. With a `cache`, a candidate whose key it holds
 * is finished from the stored outcome instead of parsed, and each new outcome is stored. Results
 * reach `onResult` in completion order.
 */
export async function processAll(source: Iterator<Task>, jobs: number, config: WorkerConfig, onResult: (result: FileResult) => void, modules?: ModuleIndex, cache?: ResultCache): Promise<void> {
  const started = performance.now();
  /** Cache keys of the candidates sent to the engine, by seq, until their outcome comes back. */
  const keys = new Map<number, string>();
  const report = (result: FileResult): void => {
    const key = keys.get(result.seq);
    if (key !== undefined) {
      keys.delete(result.seq);
      if (result.outcome) cache!.put(key, result.outcome);
    }
    delete result.outcome;
    onResult(result);
  };
  /** The candidate's result from the cache, or undefined (its key noted) when it must be parsed. */
  const fromCache = (candidate: Candidate): FileResult | undefined => {
    if (!cache) return undefined;
    const key = cache.key(candidate, config);
    const outcome = cache.get(key);
    if (!outcome) {
      keys.set(candidate.task.seq, key);
      return undefined;
    }
    const result = finishCandidate(candidate, outcome, config);
    result.cached = true;
    return result;
  };
  const queue = new ParseQueue();
  const helpers = jobs > 1 ? new Helpers(jobs - 1, config, report) : undefined;
  const dispatch = (): void => {
    if (!helpers || queue.length === 0) return;
    if (helpers.started === 0 && queue.chars < HELPER_AFTER_CHARS && performance.now() - started < HELPER_AFTER_MS) return;
    helpers.feed(queue);
  };
  /** Every candidate's fixed temp names (JavaScript and Python), by path, and the candidates that have some. */
  const names = new Map<string, { names: string[]; creates: boolean }>();
  const naming: Candidate[] = [];
  /**
   * Python files wait until every file is read as well: whether the program points tempfile.tempdir
   * at a directory of its own (sqlmap's option.py) is known only then, and it changes what an error
   * leaves behind in the shared temp directory.
   */
  const python: Candidate[] = [];
  let privateTempdir: string | undefined;
  let sinceBreak = 0;
  for (let item = source.next(); !item.done; item = source.next()) {
    // A turn of the event loop now and then lets a closed stdout (EPIPE) be noticed and stop the
    // source, and lets the helpers' results in.
    if (++sinceBreak === YIELD_EVERY) {
      sinceBreak = 0;
      dispatch();
      await turn();
    }
    const read = readCandidate(item.value);
    if ('status' in read) {
      onResult(read);
      continue;
    }
    if (read.task.target !== 'python') {
      if (modules) {
        const facts = modules.factsFor(read.task.abs, read.source);
        if (Object.keys(facts).length > 0) read.moduleFacts = facts;
      }
      const settled = settleWithoutFacts(read);
      if (settled) {
        onResult(settled);
        continue;
      }
    }
    // Python files too: a name a Python file writes and a script or a JavaScript file reads is shared the same way.
    const own = tempNames(read.source);
    names.set(read.task.rel, { names: own, creates: createsFiles(read.source) });
    if (read.task.target === 'python') {
      const line = privateTempdir === undefined ? privateTempdirLine(read.source) : undefined;
      if (line !== undefined) privateTempdir = `${read.task.rel}:${line}`;
    }
    if (own.length > 0) {
      naming.push(read);
      continue;
    }
    if (read.task.target === 'python') {
      python.push(read);
      continue;
    }
    const cached = fromCache(read);
    if (cached) onResult(cached);
    else if (!helpers) report(await transformHere(read, config));
    else queue.push(read);
  }
  // The reading is done: the names more than one file uses, then the files that spell out names.
  const shared = sharedNamesByFile(names);
  for (const candidate of [...python, ...naming]) {
    const own = shared.get(candidate.task.rel);
    if (own) candidate.sharedNames = own;
    if (privateTempdir && candidate.task.target === 'python') candidate.privateTempdir = privateTempdir;
    const cached = fromCache(candidate);
    if (cached) onResult(cached);
    else queue.push(candidate);
  }
  // Helpers keep taking from the front, this thread parses from the back.
  for (;;) {
    dispatch();
    const last = queue.pop();
    if (!last) break;
    report(await transformHere(last, config));
    if (helpers && helpers.started > 0) await turn();
  }
  if (helpers) await helpers.drain();
}

/** Files waiting for a parse, in discovery order, with their total size. */
class ParseQueue {
  private readonly items: Candidate[] = [];
  private head = 0;
  chars = 0;

  get length(): number {
    return this.items.length - this.head;
  }
  push(candidate: Candidate): void {
    this.items.push(candidate);
    this.chars += candidate.source.length;
  }
  shift(): Candidate | undefined {
    if (this.head === this.items.length) return undefined;
    const candidate = this.items[this.head];
    this.items[this.head++] = undefined as unknown as Candidate; // let the text go
    this.chars -= candidate.source.length;
    return candidate;
  }
  pop(): Candidate | undefined {
    if (this.head === this.items.length) return undefined;
    const candidate = this.items.pop()!;
    this.chars -= candidate.source.length;
    return candidate;
  }
}

interface Helper {
  worker: Worker;
  /** Files sent and not answered yet, by batch number. */
  pending: Map<number, Candidate[]>;
  /** Characters of source sent and not answered yet. */
  backlog: number;
}

class Helpers {
  private readonly helpers: Helper[] = [];
  private batchCounter = 0;
  private failure: Error | undefined;
  private idle: (() => void) | undefined;
  /** Files done again in this thread after a helper ran out of memory, not finished yet. */
  private retrying = 0;

  constructor(
    private readonly max: number,
    private readonly config: WorkerConfig,
    private readonly onResult: (result: FileResult) => void,
  ) {}

  get started(): number {
    return this.helpers.length;
  }

  /**
   * Sends files from the front of the queue to helpers with room in their backlog, starting another
   * helper (up to the limit) when all are full and the queue still holds a helper's worth of work.
   */
  feed(queue: ParseQueue): void {
    while (queue.length > 0) {
      let helper = this.helpers.find((h) => h.backlog < BACKLOG_PER_HELPER);
      if (!helper && this.helpers.length < this.max && (this.helpers.length === 0 || queue.chars >= HELPER_AFTER_CHARS)) helper = this.start();
      if (!helper) return;
      const candidate = queue.shift()!;
      const batch = this.batchCounter++;
      helper.pending.set(batch, [candidate]);
      helper.backlog += candidate.source.length;
      helper.worker.postMessage({ batch, candidates: [candidate] } satisfies CandidateBatch);
    }
  }

  /** Resolves when every file sent has its result; rejects when a helper failed for good. */
  drain(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.idle = () => {
        if (this.failure) reject(this.failure);
        else resolve();
      };
      this.settleIfDone();
    }).finally(() => Promise.all(this.helpers.map((h) => h.worker.terminate())));
  }

  private start(): Helper {
    const worker = new Worker(path.join(__dirname, 'worker.js'), { workerData: this.config, resourceLimits: WORKER_LIMITS });
    const helper: Helper = { worker, pending: new Map(), backlog: 0 };
    this.helpers.push(helper);
    worker.on('message', ({ batch, results }: ResultBatch) => {
      for (const candidate of helper.pending.get(batch) ?? []) helper.backlog -= candidate.source.length;
      helper.pending.delete(batch);
      for (const result of results) this.onResult(result);
      this.settleIfDone();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const lost = [...helper.pending.values()].flat();
      helper.pending.clear();
      helper.backlog = Number.POSITIVE_INFINITY; // takes nothing more
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        // Too big for a capped heap: done here, without the cap.
        this.retrying++;
        void (async () => {
          for (const candidate of lost) this.onResult(await transformHere(candidate, this.config));
        })().finally(() => {
          this.retrying--;
          this.settleIfDone();
        });
      } else {
        this.failure ??= new Error(`worker crashed: ${error.stack ?? error.message}`);
      }
      this.settleIfDone();
    });
    worker.on('exit', (code) => {
      if (code !== 0 && helper.pending.size > 0) {
        this.failure ??= new Error(`worker exited with code ${code}`);
        helper.pending.clear();
        this.settleIfDone();
      }
    });
    return helper;
  }

  private settleIfDone(): void {
    if (!this.idle) return;
    if (!this.failure && (this.retrying > 0 || this.helpers.some((h) => h.pending.size > 0))) return;
    const done = this.idle;
    this.idle = undefined;
    done();
  }
}
