import type { IndexEntry, IndexError } from '../core/index/indexEntry';
import { MAX_TEXT_BYTES, tooLargeReason } from '../core/recording/fileBytes';
import { describeReadError, isTransientReadError, readSourceBytesOnce, readSourceBytesWithRetry, retryDelayMs } from '../sources/readBytes';
import type { SourceFile } from '../sources/types';
import type { IndexRequest, IndexResponse, ReplayKeysRequest, ReplayKeysResponse, TextFile } from './protocol';
import type { FileKey } from '../core/replay-keys';
import { replayKeysMode } from './replayKeysSetting';

export interface IndexBatchResult {
  entries: IndexEntry[];
  errors: IndexError[];
  /** Files this batch accounts for, when it differs from entries + errors (cassettes). */
  files?: number;
}

/**
 * Reads in flight. Without a bound, Chromium failed about 4% of a 31,620-file
 * folder with NotReadableError; the bare floor page reads everything with 64
 * in flight, and 64 measured as fast as 128 or 256 (see README, Performance).
 */
export const MAX_READS_IN_FLIGHT = 64;
const MIN_READS_IN_FLIGHT = 4;
/** Enough text per message to amortise posting, small enough that rows stream in early. */
const BATCH_CHARS = 3_000_000;
const BATCH_FILES = 128;

let pool: Worker[] = [];

/**
 * At least two, even on two cores: parsing gains nothing from the second (the
 * main thread's reading is the limit), but the replay keys, hashed after the
 * index, finish in half the time.
 */
function workerCount(): number {
  return Math.max(2, Math.min(3, (navigator.hardwareConcurrency || 2) - 1));
}

/** Workers are started before they are needed, so a load never waits for module start-up. */
export function warmIndexWorkers(): void {
  while (pool.length < workerCount()) {
    pool.push(new Worker(new URL('./indexWorker.ts', import.meta.url), { type: 'module' }));
  }
}

/**
 * Reads files on the main thread (async I/O; the page stays responsive) and
 * parses them in a small worker pool. Batches go to the least busy worker,
 * and each batch's entries are reported as soon as they come back, so rows
 * stream into the list while the rest is still being read.
 */
/** Only asked after a failed read: the size lookup is a synchronous round trip per `<input>` file. */
function knownTooLarge(file: SourceFile): string | undefined {
  const size = file.file ? file.file.size : file.size;
  return size > MAX_TEXT_BYTES ? tooLargeReason(size) : undefined;
}

export async function indexInWorkers(
  files: SourceFile[],
  onBatch: (result: IndexBatchResult) => void,
  signal: AbortSignal,
): Promise<void> {
  if (files.length === 0) return;
  warmIndexWorkers();
  const workers = pool;
  const busy = new Map<Worker, number>(workers.map((w) => [w, 0]));
  const assigned = new Map<Worker, number>(workers.map((w) => [w, 0]));
  let pendingBatches = 0;
  let nextBatchId = 0;
  let failure: Error | null = null;
  let settleAll: (() => void) | null = null;
  const allDone = new Promise<void>((resolve) => (settleAll = resolve));

  const handlers = new Map<Worker, (event: MessageEvent<IndexResponse>) => void>();
  for (const worker of workers) {
    const onMessage = (event: MessageEvent<IndexResponse>) => {
      // Replay keys of an earlier load answer on the same channel; they are not a batch.
      if ((event.data as unknown as Partial<ReplayKeysResponse>).type === 'replay-keys') return;
      busy.set(worker, (busy.get(worker) ?? 1) - 1);
      pendingBatches--;
      if (!signal.aborted) onBatch({ entries: event.data.entries, errors: event.data.errors, files: event.data.fileCount });
      if (readingFinished && pendingBatches === 0) settleAll?.();
    };
    const onError = (event: ErrorEvent) => {
      failure = new Error(`index worker failed: ${event.message}`);
      settleAll?.();
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    handlers.set(worker, onMessage);
  }

  let batch: TextFile[] = [];
  let batchChars = 0;
  const flushBatch = () => {
    if (batch.length === 0) return;
    // The least busy worker; between equally busy ones, the one given fewer files so far:
    // each worker hashes the keys of the files it parsed once the index is complete, so
    // the keys finish when the most loaded worker does (one had twice the other's share).
    let target = workers[0]!;
    for (const w of workers) {
      const load = busy.get(w) ?? 0;
      const targetLoad = busy.get(target) ?? 0;
      if (load < targetLoad || (load === targetLoad && (assigned.get(w) ?? 0) < (assigned.get(target) ?? 0))) target = w;
    }
    busy.set(target, (busy.get(target) ?? 0) + 1);
    assigned.set(target, (assigned.get(target) ?? 0) + batch.length);
    pendingBatches++;
    const request: IndexRequest = { batchId: nextBatchId++, files: batch, replayKeys: replayKeysMode() };
    target.postMessage(request, batch.map((file) => file.bytes));
    batch = [];
    batchChars = 0;
  };
  // Small first batches get the first rows on screen quickly; later ones are larger.
  let filesSent = 0;
  const add = (file: TextFile) => {
    batch.push(file);
    batchChars += file.bytes.byteLength;
    filesSent++;
    const early = filesSent <= 64;
    if (batch.length >= (early ? 8 : BATCH_FILES) || batchChars >= BATCH_CHARS) flushBatch();
  };

  let readingFinished = false;
  const readErrors: IndexError[] = [];
  const gate = { limit: MAX_READS_IN_FLIGHT, inFlight: 0 };
  let next = 0;
  let settled = 0;
  let resolveReads: () => void = () => {};
  const readsDone = new Promise<void>((resolve) => (resolveReads = resolve));

  const accept = (file: SourceFile, bytes: ArrayBuffer) => {
    if (signal.aborted || failure) return;
    file.indexedSize = bytes.byteLength;
    add({ path: file.path, size: file.size, lastModified: file.lastModified, bytes });
  };
  const reject = (file: SourceFile, reason: string) => {
    readErrors.push({ path: file.path, size: file.size, lastModified: file.lastModified, reason });
  };
  const finishOne = (succeeded: boolean) => {
    gate.inFlight--;
    // The bound grows back by one read per bound's worth of successes after a back-off.
    if (succeeded && gate.limit < MAX_READS_IN_FLIGHT) gate.limit = Math.min(MAX_READS_IN_FLIGHT, gate.limit + 1 / gate.limit);
    if (++settled === files.length) resolveReads();
    else pump();
  };
  // The fast path is one promise per read with plain callbacks: thousands of reads
  // complete on the main thread, so each completion should cost as little as
  // possible. Only a read that failed goes the slow way, retried with back-off.
  const readOne = (file: SourceFile) => {
    gate.inFlight++;
    (file.file ? file.file.arrayBuffer() : readSourceBytesOnce(file)).then(
      (bytes) => {
        accept(file, bytes);
        finishOne(true);
      },
      (error: unknown) => {
        void retryRead(file, error).then((succeeded) => finishOne(succeeded));
      },
    );
  };
  const retryRead = async (file: SourceFile, firstError: unknown): Promise<boolean> => {
    const tooLarge = knownTooLarge(file);
    if (tooLarge) {
      reject(file, tooLarge);
      return false;
    }
    if (!isTransientReadError(firstError) || signal.aborted) {
      reject(file, `could not read the file: ${describeReadError(firstError)}`);
      return false;
    }
    // The browser refused a read under load: read fewer at once from now on.
    gate.limit = Math.max(MIN_READS_IN_FLIGHT, Math.floor(gate.limit / 2));
    await new Promise((resolve) => setTimeout(resolve, retryDelayMs(1)));
    try {
      accept(file, await readSourceBytesWithRetry(file, { signal, onTransientFailure: () => (gate.limit = MIN_READS_IN_FLIGHT) }));
      return true;
    } catch (error) {
      reject(file, knownTooLarge(file) ?? `could not read the file: ${describeReadError(error)}`);
      return false;
    }
  };
  // Reads are started up to the bound, then one more as each one settles. The first
  // start is in one task; the bound keeps it short, so the first results are handled,
  // and the first rows shown, while later reads are still waiting their turn.
  const pump = () => {
    while (next < files.length && gate.inFlight < Math.floor(gate.limit) && !signal.aborted && !failure) readOne(files[next++]!);
    if ((signal.aborted || failure) && gate.inFlight === 0) resolveReads();
  };
  pump();
  await readsDone;
  flushBatch();
  readingFinished = true;
  if (readErrors.length) onBatch({ entries: [], errors: readErrors });
  if (pendingBatches === 0) settleAll!();
  await allDone;
  for (const [worker, handler] of handlers) worker.removeEventListener('message', handler);
  if (signal.aborted) {
    // Parsing in flight belongs to the cancelled load; fresh workers keep the next load clean.
    for (const worker of pool) worker.terminate();
    pool = [];
    throw new DOMException('Load cancelled', 'AbortError');
  }
  if (failure) {
    for (const worker of pool) worker.terminate();
    pool = [];
    throw failure;
  }
}

/**
 * Replay keys (i12) of every file the workers indexed since the last call:
 * asked for once a load's index is complete, so hashing never slows the load.
 */
export function collectReplayKeys(): Promise<Map<string, FileKey>> {
  const workers = pool;
  const keys = new Map<string, FileKey>();
  if (workers.length === 0) return Promise.resolve(keys);
  return new Promise((resolve) => {
    let waiting = workers.length;
    for (const worker of workers) {
      const onKeys = (event: MessageEvent<ReplayKeysResponse | IndexResponse>) => {
        if (!('type' in event.data) || event.data.type !== 'replay-keys') return;
        worker.removeEventListener('message', onKeys);
        for (const [path, key] of event.data.keys) keys.set(path, key);
        if (--waiting === 0) resolve(keys);
      };
      worker.addEventListener('message', onKeys);
      const request: ReplayKeysRequest = { type: 'replay-keys' };
      worker.postMessage(request);
    }
  });
}
