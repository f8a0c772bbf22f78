// Worker thread: takes batches of file paths, reads, checks and transforms each, and sends back one
// small result per file.
import { parentPort, workerData } from 'node:worker_threads';
import { processTask } from './process-file';
import type { FileResult, Task, WorkerConfig } from './types';

export interface TaskBatch {
  batch: number;
  tasks: Task[];
}
export interface ResultBatch {
  batch: number;
  results: FileResult[];
}

const config = workerData as WorkerConfig;
parentPort?.on('message', ({ batch, tasks }: TaskBatch) => {
  const results = tasks.map((task) => processTask(task, config));
  parentPort?.postMessage({ batch, results } satisfies ResultBatch);
});
