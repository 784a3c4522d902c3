import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileKey } from '../../src/core/replay-keys';
import type { FileToIndex, IndexedValue } from './indexFile';
import type { WorkerRequest, WorkerResponse } from './indexWorker';

/** Small batches keep every thread busy to the end; a message costs far less than a file. */
const BATCH_FILES = 48;

export type PoolTask = 'index' | 'keys';

/** A file's replay key, or why it could not be read. */
export type KeyedValue = { path: string; testId: string | null; key: FileKey } | { path: string; testId: null; readError: string };

export interface ParsePool {
  /** Reads and indexes the files; `onValues` sees each batch as it completes. */
  index(files: FileToIndex[], onValues?: (values: IndexedValue[]) => void): Promise<IndexedValue[]>;
  /** Reads the files and computes their replay keys. */
  keys(files: FileToIndex[], onValues?: (values: KeyedValue[]) => void): Promise<KeyedValue[]>;
  close(): Promise<void>;
}

/**
 * A pool of worker threads that read and parse files. One thread per core:
 * the main thread only hands out batches and answers HTTP requests.
 */
export function createParsePool(workerUrl: URL, size = Math.max(1, availableParallelism())): ParsePool {
  let workers: Worker[] | null = null;
  const start = () => (workers ??= Array.from({ length: size }, () => new Worker(workerUrl)));
  let queue = Promise.resolve<unknown>(undefined);

  const run = <T>(task: PoolTask, files: FileToIndex[], onValues?: (values: T[]) => void): Promise<T[]> => {
    // Everything from the cache: no thread is started at all.
    if (files.length === 0) return Promise.resolve([]);
    const pool = start();
    const results: T[][] = [];
    let next = 0;
    let batchId = 0;
    return new Promise((resolve, reject) => {
      let active = 0;
      const cleanups: (() => void)[] = [];
      const finish = (error?: Error) => {
        for (const cleanup of cleanups) cleanup();
        if (error) reject(error);
        else resolve(results.flat());
      };
      const feed = (worker: Worker) => {
        if (next >= files.length) {
          if (active === 0) finish();
          return;
        }
        const batch = files.slice(next, next + BATCH_FILES);
        next += batch.length;
        active++;
        const request: WorkerRequest = { batchId: batchId++, task, files: batch };
        worker.postMessage(request);
      };
      for (const worker of pool) {
        const onMessage = (response: WorkerResponse) => {
          active--;
          const values = response.values as T[];
          results[response.batchId] = values;
          onValues?.(values);
          feed(worker);
        };
        const onError = (error: Error) => {
          // A dead thread is not reused: the next run starts a fresh pool.
          workers = null;
          for (const other of pool) void other.terminate();
          finish(new Error(`a worker thread failed: ${error.message}`));
        };
        worker.on('message', onMessage);
        worker.on('error', onError);
        cleanups.push(() => {
          worker.off('message', onMessage);
          worker.off('error', onError);
        });
      }
      // Two batches per worker in flight, so none waits for its next message.
      for (let round = 0; round < 2; round++) for (const worker of pool) feed(worker);
    });
  };

  const queued = <T>(task: PoolTask, files: FileToIndex[], onValues?: (values: T[]) => void): Promise<T[]> => {
    // One run at a time: a watch update waits for a running load instead of interleaving.
    const result = queue.then(() => run<T>(task, files, onValues));
    queue = result.catch(() => undefined);
    return result;
  };

  return {
    index: (files, onValues) => queued<IndexedValue>('index', files, onValues),
    keys: (files, onValues) => queued<KeyedValue>('keys', files, onValues),
    async close() {
      const pool = workers;
      workers = null;
      if (pool) await Promise.all(pool.map((worker) => worker.terminate()));
    },
  };
}
