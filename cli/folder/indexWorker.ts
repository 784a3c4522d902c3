/**
 * A worker thread of the command line's index pool: reads and parses a batch
 * of files. Reading happens here too (synchronously, off the main thread), so
 * the main thread stays free to answer HTTP requests while a folder loads.
 */
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { indexBytes, readProblem, type FileToIndex, type IndexedValue } from './indexFile';

export interface WorkerRequest {
  batchId: number;
  files: FileToIndex[];
}

export interface WorkerResponse {
  batchId: number;
  values: IndexedValue[];
}

parentPort?.on('message', (request: WorkerRequest) => {
  const values: IndexedValue[] = [];
  for (const file of request.files) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file.absolute);
    } catch (error) {
      values.push(readProblem(file, error));
      continue;
    }
    values.push(indexBytes(file, bytes));
  }
  const response: WorkerResponse = { batchId: request.batchId, values };
  parentPort?.postMessage(response);
});
