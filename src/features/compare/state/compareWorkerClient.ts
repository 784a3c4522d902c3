/**
 * The one compare worker: a run classifies both snapshots, then answers
 * per-pair diff requests. Every way the worker can fail (an error thrown, a
 * message that cannot be read, the script not loading) reaches the page: the
 * run as failed, each pending diff as its own error, never a wait forever.
 */
import type { CompareRequest, CompareResponse, PairDiff } from '../protocol';
import { compareStore, idleRun, nextRunId, patchRun, type CompareSource } from './compareStore';

let worker: Worker | null = null;
let requestCounter = 0;
const pendingDiffs = new Map<number, { resolve: (d: PairDiff) => void; reject: (e: Error) => void }>();

function rejectPending(message: string): void {
  for (const p of pendingDiffs.values()) p.reject(new Error(message));
  pendingDiffs.clear();
}

export function stopWorker(): void {
  worker?.terminate();
  worker = null;
  rejectPending('The comparison was replaced.');
}

export function startRun(base: CompareSource, head: CompareSource, startedAt: number, options: { leftBehind: boolean }): void {
  stopWorker();
  const id = nextRunId();
  const total = base.files.length + head.files.length;
  compareStore.setState({ run: { ...idleRun, id, status: 'reading', total, leftBehind: { status: 'computing' } } });
  const w = new Worker(new URL('../compareWorker.ts', import.meta.url), { type: 'module' });
  worker = w;
  w.onmessage = (event: MessageEvent<CompareResponse>) => {
    const message = event.data;
    switch (message.type) {
      case 'progress':
        patchRun(id, { read: message.read, total: message.total });
        break;
      case 'done':
        patchRun(id, {
          status: 'done',
          read: total,
          entries: message.entries,
          summary: message.summary,
          readProblems: message.readProblems,
          ms: Math.round(performance.now() - startedAt),
        });
        break;
      case 'left-behind': {
        const summary = compareStore.getState().run.summary;
        patchRun(id, {
          leftBehind: message.files ? { status: 'done', files: message.files } : { status: 'unavailable', reason: message.reason ?? 'unknown' },
          summary: summary && { ...summary, leftBehind: message.files ? message.files.length : null },
        });
        break;
      }
      case 'failed':
        patchRun(id, { status: 'failed', failure: message.message, leftBehind: { status: 'failed', reason: message.message } });
        rejectPending(`the compare worker failed: ${message.message}`);
        break;
      case 'diff': {
        const pending = pendingDiffs.get(message.requestId);
        pendingDiffs.delete(message.requestId);
        if (!pending) return;
        if (message.result) pending.resolve(message.result);
        else pending.reject(new Error(message.error ?? 'the diff failed'));
        break;
      }
    }
  };
  w.onmessageerror = () => {
    // A reply the page could not deserialize: its request would otherwise never settle.
    rejectPending('a reply from the compare worker could not be read');
  };
  w.onerror = (event) => {
    // No message means the worker script itself did not load (e.g. the app was rebuilt under the page).
    const why = event.message || 'its script could not be loaded; reloading the page may help';
    const failure = `the compare worker failed: ${why}`;
    const run = compareStore.getState().run;
    if (run.id === id && run.status !== 'done') patchRun(id, { status: 'failed', failure });
    rejectPending(failure);
  };
  const request: CompareRequest = { type: 'compare', base: base.files, head: head.files, leftBehind: options.leftBehind };
  w.postMessage(request);
}

/** The semantic diff of one pair of the current run, computed in the worker. */
export function requestPairDiff(runId: number, basePath: string, headPath: string): Promise<PairDiff> {
  if (!worker || compareStore.getState().run.id !== runId) return Promise.reject(new Error('This comparison is no longer loaded.'));
  const requestId = ++requestCounter;
  const w = worker;
  return new Promise((resolve, reject) => {
    pendingDiffs.set(requestId, { resolve, reject });
    const request: CompareRequest = { type: 'diff', requestId, basePath, headPath };
    try {
      w.postMessage(request);
    } catch (error) {
      pendingDiffs.delete(requestId);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
