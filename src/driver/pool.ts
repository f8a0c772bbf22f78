import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { processTask } from './process-file';
import type { FileResult, Task, WorkerConfig } from './types';
import type { ResultBatch, TaskBatch } from './worker';

/** Files handled in this thread before workers start: small runs never pay for starting workers. */
const IN_PROCESS_FILES = 200;
/** Paths per message: most files stop at the prefilter, so a batch is cheap to process and to send. */
const BATCH_FILES = 48;
/** Batches queued per worker, so that a worker never waits for the main thread. */
const BATCHES_IN_FLIGHT = 2;

/**
 * Reads, checks and transforms every file the source yields, handing each result to `onResult` in
 * completion order. The first few run in this thread; after that `jobs` worker threads take file paths
 * (none for `jobs` 1). Paths are pulled only as workers have room, so memory stays bounded by the
 * worker count, and discovery streams into the pool.
 */
export async function processAll(
  source: Iterator<Task>,
  jobs: number,
  config: WorkerConfig,
  onResult: (result: FileResult) => void,
): Promise<void> {
  let count = 0;
  let item = source.next();
  for (; !item.done && (jobs <= 1 || count < IN_PROCESS_FILES); item = source.next(), count++) {
    onResult(processTask(item.value, config));
  }
  if (item.done) return;
  const first = item.value;
  function* rest(): Generator<Task> {
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

function runPool(source: Iterator<Task>, jobs: number, config: WorkerConfig, onResult: (result: FileResult) => void): Promise<void> {
  const workerFile = path.join(__dirname, 'worker.js');
  return new Promise((resolve, reject) => {
    const inFlight = new Map<Worker, Map<number, Task[]>>();
    let batchCounter = 0;
    let exhausted = false;
    let settled = false;

    const takeBatch = (): Task[] => {
      const tasks: Task[] = [];
      while (!exhausted && tasks.length < BATCH_FILES) {
        const item = source.next();
        if (item.done) exhausted = true;
        else tasks.push(item.value);
      }
      return tasks;
    };
    const feed = (worker: Worker): void => {
      const pending = inFlight.get(worker)!;
      while (pending.size < BATCHES_IN_FLIGHT) {
        const tasks = takeBatch();
        if (tasks.length === 0) break;
        const batch = batchCounter++;
        pending.set(batch, tasks);
        worker.postMessage({ batch, tasks } satisfies TaskBatch);
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
          for (const task of lost) onResult(processTask(task, config));
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
