/**
 * Loads a GitHub pull request's changed recordings as the two snapshots of a
 * comparison. Only the files the PR changed are fetched, so the run is told
 * that left-behind files cannot be counted from it.
 */
import { errorInfo, loadPullRequest, type FetchedFile, type PrRef } from '../../../sources/github';
import { compareStore, idlePr, idleRun, nextRunId, patchPr, type CompareSource } from './compareStore';
import { startRun, stopWorker } from './compareWorkerClient';

let prAbort: AbortController | null = null;

/** Stops a PR load in flight, if any (choosing folders, or a new PR, replaces it). */
export function abortPrLoad(): void {
  prAbort?.abort();
  prAbort = null;
}

function toSource(name: string, files: FetchedFile[]): CompareSource {
  return {
    name,
    kind: 'github',
    skippedCount: 0,
    // In-memory Files make fetched contents look like any other folder to the worker and the detail view.
    files: files.map((f) => {
      const file = new File([f.text], f.path.slice(f.path.lastIndexOf('/') + 1), { type: 'application/json', lastModified: 0 });
      return { path: f.path, size: file.size, lastModified: 0, file };
    }),
  };
}

export async function loadPr(ref: PrRef, options: { token: string; glob: string }): Promise<void> {
  prAbort?.abort();
  const controller = new AbortController();
  prAbort = controller;
  stopWorker();
  const startedAt = performance.now();
  compareStore.setState({
    origin: 'pr',
    base: null,
    head: null,
    sourceError: null,
    run: { ...idleRun, id: nextRunId() },
    pr: { ...idlePr, status: 'loading', ref, progress: { stage: 'pr', done: 0, total: 1 } },
  });
  try {
    const loaded = await loadPullRequest(ref, {
      fetch: (url, init) => window.fetch(url, init),
      token: options.token,
      glob: options.glob,
      signal: controller.signal,
      onProgress: (progress) => {
        if (prAbort === controller) patchPr({ progress });
      },
      onInfo: (info) => {
        if (prAbort === controller) patchPr({ info });
      },
    });
    if (prAbort !== controller) return;
    const base = toSource(`${loaded.info.baseRepo}@${loaded.info.baseSha.slice(0, 7)}`, loaded.base);
    const head = toSource(`${loaded.info.headRepo}@${loaded.info.headSha.slice(0, 7)}`, loaded.head);
    compareStore.setState({
      base,
      head,
      pr: {
        ...compareStore.getState().pr,
        status: 'done',
        info: loaded.info,
        skipped: loaded.skipped,
        listedFiles: loaded.listedFiles,
        ignored: loaded.ignored,
        listTruncated: loaded.listTruncated,
      },
    });
    startRun(base, head, startedAt, { leftBehind: false });
  } catch (error) {
    if (prAbort !== controller || controller.signal.aborted) return;
    const { run, pr } = compareStore.getState();
    compareStore.setState({ run: { ...run, status: 'idle' }, pr: { ...pr, status: 'failed', error: errorInfo(error) } });
  }
}

export function cancelPr(): void {
  abortPrLoad();
  if (compareStore.getState().pr.status === 'loading') patchPr({ status: 'idle', progress: null });
}

/** Forgets a failed PR (its error and Retry), e.g. when the user types a new URL that is not a PR. */
export function clearPrError(): void {
  const { pr } = compareStore.getState();
  if (pr.status === 'failed') patchPr({ status: 'idle', error: null });
}
