/**
 * A worker thread of the command line's pool: reads a batch of files and
 * either indexes them (as the app's index worker does) or computes their
 * replay keys. Reading happens here too (synchronously, off the main thread),
 * so the main thread stays free to answer HTTP requests while a folder loads.
 */
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { computeFileKeys } from '../../src/core/replay-keys';
import { isCassettePath } from '../../src/core/cassette';
import { indexBytes, indexCassetteBytes, messageOf, readProblem, type FileToIndex, type IndexedValue } from './indexFile';
import type { KeyedValue, PoolTask } from './parsePool';

export interface WorkerRequest {
  batchId: number;
  task: PoolTask;
  files: FileToIndex[];
}

export interface WorkerResponse {
  batchId: number;
  values: IndexedValue[] | KeyedValue[];
}

const decoder = new TextDecoder('utf-8');

/** The stored top-level `test_id`, as the replay-key folder analysis reads it. */
function storedTestId(text: string): string | null {
  try {
    const value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as { test_id?: unknown } | null;
    return value && typeof value === 'object' && typeof value.test_id === 'string' ? value.test_id : null;
  } catch {
    return null;
  }
}

/** The batch's replay keys, hashed together (see computeFileKeys); an unreadable file gets its reason instead. */
async function keysOf(files: readonly FileToIndex[]): Promise<KeyedValue[]> {
  const read = files.map((file): { path: string; text: string } | KeyedValue => {
    try {
      return { path: file.path, text: decoder.decode(readFileSync(file.absolute)) };
    } catch (error) {
      return { path: file.path, testId: null, readError: `could not read the file: ${messageOf(error)}` };
    }
  });
  const readable = read.filter((value): value is { path: string; text: string } => 'text' in value);
  const keys = await computeFileKeys(readable);
  let next = 0;
  return read.map((value) => ('text' in value ? { path: value.path, testId: storedTestId(value.text), key: keys[next++]! } : value));
}

parentPort?.on('message', async (request: WorkerRequest) => {
  let values: IndexedValue[] | KeyedValue[];
  if (request.task === 'keys') {
    values = await keysOf(request.files);
  } else {
    const indexed: IndexedValue[] = [];
    for (const file of request.files) {
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(file.absolute);
      } catch (error) {
        indexed.push(readProblem(file, error));
        continue;
      }
      indexed.push(isCassettePath(file.path) ? await indexCassetteBytes(file, bytes) : indexBytes(file, bytes));
    }
    values = indexed;
  }
  const response: WorkerResponse = { batchId: request.batchId, values };
  parentPort?.postMessage(response);
});
