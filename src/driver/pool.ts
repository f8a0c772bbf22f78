import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { processTask, readCandidate, readyFor, transformCandidate } from './process-file';
import type { FileResult, Task, WorkerConfig } from './types';
import type { ResultBatch, TaskBatch } from './worker';

/**
 * Source this thread parses itself before it hands parses to workers (characters). A worker costs a
 * new isolate and a cold parser (its first parses run several times slower): measured on 2 cores
 * with 1 MiB of files to parse, a worker made the run slower (`npm run bench`). It pays only for
 * repositories with a lot of temp-file code; most have little and stay in this thread.
 * TMPFIX_INLINE_PARSE_CHARS overrides it (the CLI tests set 0 to exercise the workers).
 */
const IN_PROCESS_CHARS = Number(process.env.TMPFIX_INLINE_PARSE_CHARS ?? 2 * 1024 * 1024);
/**
 * Another worker starts only when those running have this much source queued (characters). A worker
 * spends its first parses warming up the parser, so one worker that stays busy beats two cold ones.
 */
const BACKLOG_PER_WORKER = 256 * 1024;

/**
 * Worker heaps are capped so that V8 collects early: without a cap each worker's heap grows to
 * hundreds of MiB of garbage. A file too big for the cap is retried in this thread, uncapped.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 8 };

/** Files read between two turns of the event loop. */
const YIELD_EVERY = 128;

interface Slot {
  worker: Worker;
  /** Tasks sent and not answered yet, by batch number. */
  pending: Map<number, Task[]>;
  /** Characters of source queued on this worker. */
  backlog: number;
}

/**
 * Reads and checks every file the source yields in this thread (most stop at the prefilter, which is
 * as cheap as reading). The files that need a parse are transformed here up to IN_PROCESS_CHARS; past
 * that their paths go to worker threads, which read them again and transform them. Results reach
 * `onResult` in completion order. Memory stays small: this thread keeps paths and small results,
 * and each worker holds only the files it is working on.
 */
export async function processAll(source: Iterator<Task>, jobs: number, config: WorkerConfig, onResult: (result: FileResult) => void): Promise<void> {
  let parsedHere = 0;
  let pool: Pool | undefined;
  let sinceBreak = 0;
  for (let item = source.next(); !item.done; item = source.next()) {
    // A turn of the event loop now and then lets a closed stdout (EPIPE) be noticed and stop the source.
    if (++sinceBreak === YIELD_EVERY) {
      sinceBreak = 0;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const task = item.value;
    const read = readCandidate(task);
    if ('status' in read) {
      onResult(read);
    } else if (jobs <= 1 || parsedHere < IN_PROCESS_CHARS) {
      parsedHere += read.source.length;
      const starting = readyFor(read);
      if (starting) await starting;
      onResult(transformCandidate(read, config));
    } else {
      pool ??= new Pool(jobs, config, onResult);
      pool.submit(task, read.source.length);
    }
  }
  if (pool) await pool.drain();
}

class Pool {
  private readonly slots: Slot[] = [];
  private batchCounter = 0;
  private failure: Error | undefined;
  private idle: (() => void) | undefined;
  /** Files retried in this thread after a worker ran out of memory, not finished yet. */
  private retrying = 0;

  constructor(
    private readonly jobs: number,
    private readonly config: WorkerConfig,
    private readonly onResult: (result: FileResult) => void,
  ) {}

  /** Queues a file on the least busy worker, starting another worker when all have a backlog. */
  submit(task: Task, size: number): void {
    let slot = this.slots.reduce<Slot | undefined>((best, s) => (!best || s.backlog < best.backlog ? s : best), undefined);
    if (!slot || (slot.backlog > BACKLOG_PER_WORKER && this.slots.length < this.jobs)) slot = this.start();
    const batch = this.batchCounter++;
    slot.pending.set(batch, [task]);
    slot.backlog += size;
    slot.worker.postMessage({ batch, tasks: [task], sizes: [size] } satisfies TaskBatch);
  }

  /** Resolves when every queued file has its result; rejects when a worker failed for good. */
  drain(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.idle = () => {
        if (this.failure) reject(this.failure);
        else resolve();
      };
      this.settleIfDone();
    }).finally(() => Promise.all(this.slots.map((s) => s.worker.terminate())));
  }

  private start(): Slot {
    const worker = new Worker(path.join(__dirname, 'worker.js'), { workerData: this.config, resourceLimits: WORKER_LIMITS });
    const slot: Slot = { worker, pending: new Map(), backlog: 0 };
    this.slots.push(slot);
    worker.on('message', ({ batch, results, sizes }: ResultBatch) => {
      slot.pending.delete(batch);
      slot.backlog -= sizes.reduce((a, b) => a + b, 0);
      for (const result of results) this.onResult(result);
      this.settleIfDone();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const lost = [...slot.pending.values()].flat();
      slot.pending.clear();
      this.slots.splice(this.slots.indexOf(slot), 1);
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        // Too big for a capped worker: done here, without the cap.
        this.retrying++;
        void (async () => {
          for (const task of lost) this.onResult(await processTask(task, this.config));
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
      if (code !== 0 && slot.pending.size > 0) {
        this.failure ??= new Error(`worker exited with code ${code}`);
        slot.pending.clear();
        this.settleIfDone();
      }
    });
    return slot;
  }

  private settleIfDone(): void {
    if (!this.idle) return;
    if (!this.failure && (this.retrying > 0 || this.slots.some((s) => s.pending.size > 0))) return;
    const done = this.idle;
    this.idle = undefined;
    done();
  }
}

