import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { transformCandidate, type Candidate } from './process-file';
import type { FileResult, WorkerConfig } from './types';
import type { ResultBatch, TaskBatch } from './worker';

/** Source transformed in this thread before workers start (characters): small runs never pay for workers. */
const IN_PROCESS_CHARS = 96 * 1024;
/** A batch closes at this many files or characters: messaging stays cheap, workers stay evenly busy. */
const BATCH_FILES = 8;
const BATCH_CHARS = 48 * 1024;
/** Batches queued per worker, so that a worker never waits for the main thread. */
const BATCHES_IN_FLIGHT = 2;

/**
 * Transforms every candidate the source yields and hands each result to `onResult`, in completion order.
 * The first few run in this thread; after that `jobs` worker threads take over (none for `jobs` 1).
 * The source is pulled only as workers have room, so memory stays bounded by the worker count.
 */
export async function transformAll(
  source: Iterator<Candidate>,
  jobs: number,
  config: WorkerConfig,
  onResult: (result: FileResult) => void,
): Promise<void> {
  let chars = 0;
  let item = source.next();
  for (; !item.done && (jobs <= 1 || chars + item.value.source.length <= IN_PROCESS_CHARS); item = source.next()) {
    chars += item.value.source.length;
    onResult(transformCandidate(item.value, config));
  }
  if (item.done) return;
  const first = item.value;
  function* rest(): Generator<Candidate> {
    yield first;
    for (let next = source.next(); !next.done; next = source.next()) yield next.value;
  }
  await runPool(rest(), jobs, config, onResult);
}

/**
 * Worker heaps are capped so that V8 collects early: without a cap each worker's heap grows to
 * hundreds of MiB of garbage. A file too big for the cap is retried in this thread, uncapped.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 8 };

function runPool(source: Iterator<Candidate>, jobs: number, config: WorkerConfig, onResult: (result: FileResult) => void): Promise<void> {
  const workerFile = path.join(__dirname, 'worker.js');
  return new Promise((resolve, reject) => {
    const inFlight = new Map<Worker, Map<number, Candidate[]>>();
    let batchCounter = 0;
    let exhausted = false;
    let settled = false;

    const takeBatch = (): Candidate[] => {
      const candidates: Candidate[] = [];
      let chars = 0;
      while (!exhausted && candidates.length < BATCH_FILES && chars < BATCH_CHARS) {
        const item = source.next();
        if (item.done) exhausted = true;
        else {
          candidates.push(item.value);
          chars += item.value.source.length;
        }
      }
      return candidates;
    };
    const feed = (worker: Worker): void => {
      const pending = inFlight.get(worker)!;
      while (pending.size < BATCHES_IN_FLIGHT) {
        const candidates = takeBatch();
        if (candidates.length === 0) break;
        const batch = batchCounter++;
        pending.set(batch, candidates);
        worker.postMessage({ batch, candidates } satisfies TaskBatch);
      }
    };
    const finishIfDone = (): void => {
      if (settled || !exhausted || [...inFlight.values()].some((pending) => pending.size > 0)) return;
      settled = true;
      Promise.all([...inFlight.keys()].map((worker) => worker.terminate())).then(() => resolve(), reject);
    };
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      for (const worker of inFlight.keys()) void worker.terminate();
      reject(error);
    };
    const guarded = (action: () => void): void => {
      try {
        action();
      } catch (error) {
        fail(error as Error);
      }
    };

    const start = (): void => {
      const worker = new Worker(workerFile, { workerData: config, resourceLimits: WORKER_LIMITS });
      inFlight.set(worker, new Map());
      worker.on('message', ({ batch, results }: ResultBatch) =>
        guarded(() => {
          inFlight.get(worker)!.delete(batch);
          for (const result of results) onResult(result);
          feed(worker);
          finishIfDone();
        }),
      );
      worker.on('error', (error: Error & { code?: string }) => {
        if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY') return fail(new Error(`worker crashed: ${error.stack ?? error.message}`));
        guarded(() => {
          const lost = [...inFlight.get(worker)!.values()].flat();
          inFlight.delete(worker);
          for (const candidate of lost) onResult(transformCandidate(candidate, config));
          start();
          finishIfDone();
        });
      });
      worker.on('exit', (code) => {
        if (!settled && code !== 0 && (inFlight.get(worker)?.size ?? 0) > 0) fail(new Error(`worker exited with code ${code}`));
      });
      feed(worker);
    };

    for (let i = 0; i < jobs; i++) start();
    finishIfDone();
  });
}
