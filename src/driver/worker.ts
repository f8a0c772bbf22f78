// Worker thread: takes batches of files that passed the prefilter, sends back one small result per file.
import { parentPort, workerData } from 'node:worker_threads';
import { transformCandidate, type Candidate } from './process-file';
import type { FileResult, WorkerConfig } from './types';

export interface TaskBatch {
  batch: number;
  candidates: Candidate[];
}
export interface ResultBatch {
  batch: number;
  results: FileResult[];
}

const config = workerData as WorkerConfig;
parentPort?.on('message', ({ batch, candidates }: TaskBatch) => {
  const results = candidates.map((candidate) => transformCandidate(candidate, config));
  parentPort?.postMessage({ batch, results } satisfies ResultBatch);
});
