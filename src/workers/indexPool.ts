import type { IndexEntry, IndexError } from '../core/index/indexEntry';
import type { SourceFile } from '../sources/types';
import type { IndexRequest, IndexResponse } from './protocol';

export interface IndexBatchResult {
  entries: IndexEntry[];
  errors: IndexError[];
}

/**
 * Reads and parses files in a few workers. Small batches keep every worker
 * busy with several reads in flight (reads, not parsing, bound a load) and
 * let results stream into the list as they arrive.
 */
export function indexInWorkers(
  files: SourceFile[],
  onBatch: (result: IndexBatchResult) => void,
  signal: AbortSignal,
): Promise<void> {
  const workerCount = Math.max(2, Math.min(4, navigator.hardwareConcurrency || 2));
  const batchSize = files.length > 2000 ? 24 : 8;
  const batches: SourceFile[][] = [];
  for (let i = 0; i < files.length; i += batchSize) batches.push(files.slice(i, i + batchSize));
  if (batches.length === 0) return Promise.resolve();

  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let next = 0;
    let finished = 0;
    const stopAll = () => workers.forEach((w) => w.terminate());
    signal.addEventListener('abort', () => {
      stopAll();
      reject(new DOMException('Load cancelled', 'AbortError'));
    });
    const send = (worker: Worker) => {
      if (next >= batches.length) return;
      const request: IndexRequest = { batchId: next, files: batches[next]! };
      next++;
      worker.postMessage(request);
    };
    const inFlightPerWorker = 2;
    for (let i = 0; i < Math.min(workerCount, batches.length); i++) {
      const worker = new Worker(new URL('./indexWorker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (event: MessageEvent<IndexResponse>) => {
        if (signal.aborted) return;
        onBatch({ entries: event.data.entries, errors: event.data.errors });
        finished++;
        if (finished === batches.length) {
          stopAll();
          resolve();
        } else {
          send(worker);
        }
      };
      worker.onerror = (event) => {
        stopAll();
        reject(new Error(`index worker failed: ${event.message}`));
      };
      workers.push(worker);
      for (let k = 0; k < inFlightPerWorker; k++) send(worker);
    }
  });
}
