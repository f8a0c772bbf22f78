// Worker thread: takes the paths of files that passed the prefilter, reads, checks and transforms
// each again, and sends back one small result per file.
import { parentPort, workerData } from 'node:worker_threads';
import { processTask } from './process-file';
import type { FileResult, Task, WorkerConfig } from './types';

export interface TaskBatch {
  batch: number;
  tasks: Task[];
  /** The source size of each task, echoed back so the pool can track each worker's backlog. */
  sizes: number[];
}
export interface ResultBatch {
  batch: number;
  results: FileResult[];
  sizes: number[];
}

const config = workerData as WorkerConfig;
parentPort?.on('message', ({ batch, tasks, sizes }: TaskBatch) => {
  // Asynchronous only for the first Python file, whose parser starts once per thread.
  void Promise.all(tasks.map((task) => processTask(task, config))).then((results) => {
    parentPort?.postMessage({ batch, results, sizes } satisfies ResultBatch);
  });
});
