// Helper thread: takes files the main thread has read and checked (their text travels with them),
// transforms each, and sends back one small result per file.
import { parentPort, workerData } from 'node:worker_threads';
import { transformCandidate, type Candidate } from './process-file';
import type { FileResult, WorkerConfig } from './types';

export interface CandidateBatch {
  batch: number;
  candidates: Candidate[];
}
export interface ResultBatch {
  batch: number;
  results: FileResult[];
}

const config = workerData as WorkerConfig;
parentPort?.on('message', ({ batch, candidates }: CandidateBatch) => {
  const results = candidates.map((candidate) => transformCandidate(candidate, config));
  parentPort?.postMessage({ batch, results } satisfies ResultBatch);
});
