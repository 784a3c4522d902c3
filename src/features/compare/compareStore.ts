/**
 * Compare keeps its own state, apart from the Browse folder store: two
 * snapshots (folders or a GitHub PR), one classification run in a worker,
 * and the PR loading progress. It lives at module level so leaving /compare
 * and coming back (history navigation) finds the same result.
 */
import { useSyncExternalStore } from 'react';
import type { CompareEntry, CompareSummary } from '../../core/diff';
import type { SourceFile } from '../../sources/types';
import {
  errorInfo,
  loadPullRequest,
  type FetchedFile,
  type GitHubErrorInfo,
  type PrProgress,
  type PrRef,
  type PullRequestInfo,
  type SkippedFile,
} from '../../sources/github';
import type { CompareRequest, CompareResponse, PairDiff, ReadProblem, Side } from './protocol';

export interface CompareSource {
  name: string;
  kind: 'picker' | 'input' | 'drop' | 'samples' | 'server' | 'github';
  files: SourceFile[];
  skippedCount: number;
}

export interface RunState {
  /** Bumped by every run; caches keyed on it never mix two comparisons. */
  id: number;
  status: 'idle' | 'reading' | 'done' | 'failed';
  read: number;
  total: number;
  entries: CompareEntry[];
  summary: CompareSummary | null;
  readProblems: ReadProblem[];
  failure: string | null;
  /** From both snapshots being chosen to classification done. */
  ms: number | null;
}

export interface PrState {
  status: 'idle' | 'loading' | 'done' | 'failed';
  /** The PR last asked for, even when it failed (so a URL does not restart a failed load by itself). */
  ref: PrRef | null;
  progress: PrProgress | null;
  info: PullRequestInfo | null;
  skipped: SkippedFile[];
  listedFiles: number;
  ignored: number;
  listTruncated: boolean;
  error: GitHubErrorInfo | null;
}

export interface CompareState {
  origin: 'folders' | 'pr';
  base: CompareSource | null;
  head: CompareSource | null;
  /** A folder being listed (picker or drop walks can take a moment). */
  listing: Record<Side, boolean>;
  sourceError: string | null;
  run: RunState;
  pr: PrState;
}

const idleRun: RunState = { id: 0, status: 'idle', read: 0, total: 0, entries: [], summary: null, readProblems: [], failure: null, ms: null };
const idlePr: PrState = {
  status: 'idle',
  ref: null,
  progress: null,
  info: null,
  skipped: [],
  listedFiles: 0,
  ignored: 0,
  listTruncated: false,
  error: null,
};

let state: CompareState = {
  origin: 'folders',
  base: null,
  head: null,
  listing: { base: false, head: false },
  sourceError: null,
  run: idleRun,
  pr: idlePr,
};
const listeners = new Set<() => void>();

function publish(next: CompareState) {
  state = next;
  listeners.forEach((l) => l());
}

function update(patch: Partial<CompareState>) {
  publish({ ...state, ...patch });
}

function updateRun(id: number, patch: Partial<RunState>) {
  if (state.run.id !== id) return;
  publish({ ...state, run: { ...state.run, ...patch } });
}

function updatePr(patch: Partial<PrState>) {
  publish({ ...state, pr: { ...state.pr, ...patch } });
}

export function getCompareState(): CompareState {
  return state;
}

export function useCompareState(): CompareState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    getCompareState,
    getCompareState,
  );
}

// ---------------------------------------------------------------- worker

let worker: Worker | null = null;
let runCounter = 0;
let requestCounter = 0;
const pendingDiffs = new Map<number, { resolve: (d: PairDiff) => void; reject: (e: Error) => void }>();

function stopWorker() {
  worker?.terminate();
  worker = null;
  for (const p of pendingDiffs.values()) p.reject(new Error('The comparison was replaced.'));
  pendingDiffs.clear();
}

function startRun(base: CompareSource, head: CompareSource, startedAt: number) {
  stopWorker();
  const id = ++runCounter;
  const total = base.files.length + head.files.length;
  publish({ ...state, run: { ...idleRun, id, status: 'reading', total } });
  const w = new Worker(new URL('./compareWorker.ts', import.meta.url), { type: 'module' });
  worker = w;
  w.onmessage = (event: MessageEvent<CompareResponse>) => {
    const message = event.data;
    if (message.type === 'progress') {
      updateRun(id, { read: message.read, total: message.total });
    } else if (message.type === 'done') {
      updateRun(id, {
        status: 'done',
        read: total,
        entries: message.entries,
        summary: message.summary,
        readProblems: message.readProblems,
        ms: Math.round(performance.now() - startedAt),
      });
    } else if (message.type === 'failed') {
      updateRun(id, { status: 'failed', failure: message.message });
    } else {
      const pending = pendingDiffs.get(message.requestId);
      pendingDiffs.delete(message.requestId);
      if (!pending) return;
      if (message.result) pending.resolve(message.result);
      else pending.reject(new Error(message.error ?? 'diff failed'));
    }
  };
  w.onerror = (event) => {
    // No message means the worker script itself did not load (e.g. the app was rebuilt under the page).
    const why = event.message || 'its script could not be loaded; reloading the page may help';
    updateRun(id, { status: 'failed', failure: `the compare worker failed: ${why}` });
  };
  const request: CompareRequest = { type: 'compare', base: base.files, head: head.files };
  w.postMessage(request);
}

/** The semantic diff of one pair of the current run, computed in the worker. */
export function requestPairDiff(runId: number, basePath: string, headPath: string): Promise<PairDiff> {
  if (!worker || state.run.id !== runId) return Promise.reject(new Error('This comparison is no longer loaded.'));
  const requestId = ++requestCounter;
  const w = worker;
  return new Promise((resolve, reject) => {
    pendingDiffs.set(requestId, { resolve, reject });
    const request: CompareRequest = { type: 'diff', requestId, basePath, headPath };
    w.postMessage(request);
  });
}

// ---------------------------------------------------------------- folders

let chosenAt: number | null = null;

export function setListing(side: Side, listing: boolean) {
  update({ listing: { ...state.listing, [side]: listing } });
}

export function reportSourceError(message: string | null) {
  update({ sourceError: message });
}

/** A folder for one side; once both are there the comparison starts. A PR shown before is dropped. */
export function setSide(side: Side, source: CompareSource) {
  const startedAt = performance.now();
  prAbort?.abort();
  const fromPr = state.origin === 'pr';
  const next: CompareState = {
    ...state,
    origin: 'folders',
    base: fromPr ? null : state.base,
    head: fromPr ? null : state.head,
    listing: { ...state.listing, [side]: false },
    sourceError: null,
    pr: fromPr ? idlePr : state.pr,
    run: fromPr ? idleRun : state.run,
  };
  next[side] = source;
  if (fromPr) stopWorker();
  publish(next);
  chosenAt ??= startedAt;
  if (next.base && next.head) {
    const from = chosenAt;
    chosenAt = null;
    // The clock starts at the later of the two choices: waiting for the user is not load time.
    startRun(next.base, next.head, Math.max(from, startedAt));
  }
}

export function swapSides() {
  if (state.origin !== 'folders' || (!state.base && !state.head)) return;
  const { base, head } = state;
  publish({ ...state, base: head, head: base });
  if (base && head) startRun(head, base, performance.now());
}

export function clearCompare() {
  prAbort?.abort();
  stopWorker();
  chosenAt = null;
  publish({ ...state, origin: 'folders', base: null, head: null, sourceError: null, run: idleRun, pr: idlePr });
}

// ---------------------------------------------------------------- GitHub

let prAbort: AbortController | null = null;

const TOKEN_KEY = 'recording-inspector:github-token';
/** In memory only, unless the user ticks "remember on this device". */
let memoryToken = '';

export function rememberedToken(): { token: string; remembered: boolean } {
  try {
    const stored = localStorage.getItem(TOKEN_KEY);
    if (stored) return { token: stored, remembered: true };
  } catch {
    // Storage can be disabled; the token then lives in memory only.
  }
  return { token: memoryToken, remembered: false };
}

export function setToken(token: string, remember: boolean) {
  memoryToken = token;
  try {
    if (remember && token) localStorage.setItem(TOKEN_KEY, token);
    else localStorage.removeItem(TOKEN_KEY);
  } catch {
    // See rememberedToken.
  }
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

export async function loadPr(ref: PrRef, options: { token: string; glob: string }) {
  prAbort?.abort();
  const controller = new AbortController();
  prAbort = controller;
  stopWorker();
  chosenAt = null;
  const startedAt = performance.now();
  publish({
    ...state,
    origin: 'pr',
    base: null,
    head: null,
    sourceError: null,
    run: { ...idleRun, id: ++runCounter },
    pr: { ...idlePr, status: 'loading', ref, progress: { stage: 'pr', done: 0, total: 1 } },
  });
  try {
    const loaded = await loadPullRequest(ref, {
      fetch: (url, init) => window.fetch(url, init),
      token: options.token,
      glob: options.glob,
      signal: controller.signal,
      onProgress: (progress) => {
        if (prAbort === controller) updatePr({ progress });
      },
      onInfo: (info) => {
        if (prAbort === controller) updatePr({ info });
      },
    });
    if (prAbort !== controller) return;
    const base = toSource(`${loaded.info.baseRepo}@${loaded.info.baseSha.slice(0, 7)}`, loaded.base);
    const head = toSource(`${loaded.info.headRepo}@${loaded.info.headSha.slice(0, 7)}`, loaded.head);
    publish({
      ...state,
      base,
      head,
      pr: {
        ...state.pr,
        status: 'done',
        info: loaded.info,
        skipped: loaded.skipped,
        listedFiles: loaded.listedFiles,
        ignored: loaded.ignored,
        listTruncated: loaded.listTruncated,
      },
    });
    startRun(base, head, startedAt);
  } catch (error) {
    if (prAbort !== controller || controller.signal.aborted) return;
    publish({ ...state, run: { ...state.run, status: 'idle' }, pr: { ...state.pr, status: 'failed', error: errorInfo(error) } });
  }
}

export function cancelPr() {
  prAbort?.abort();
  prAbort = null;
  if (state.pr.status === 'loading') updatePr({ status: 'idle', progress: null });
}
