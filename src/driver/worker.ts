// Helper thread: takes files the main thread has read and checked (their text travels with them),
// transforms each, and sends back one small result per file.
import { parentPort, workerData } from 'node:worker_threads';
import { readyFor, transformCandidate, type Candidate } from './process-file';
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
  // Asynchronous only for the first Python file, whose parser starts once per thread.
  void (async () => {
    const results: FileResult[] = [];
    for (const candidate of candidates) {
      const starting = readyFor(candidate);
      if (starting) await starting;
      results.push(transformCandidate(candidate, config));
    }
    parentPort?.postMessage({ batch, results } satisfies ResultBatch);
  })();
});
