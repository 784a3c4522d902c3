import { useSyncExternalStore } from 'react';
import type { IndexEntry, IndexError } from '../core/index/indexEntry';
import type { FolderSource, SourceFile } from '../sources/types';
import { indexInWorkers } from '../workers/indexPool';
import { isCacheable, readCached, rememberFolder, writeCached } from './indexCache';

export type LoadStatus = 'idle' | 'loading' | 'done' | 'failed';

export interface FolderState {
  status: LoadStatus;
  source: FolderSource | null;
  filesByPath: ReadonlyMap<string, SourceFile>;
  /** Grows while loading; `version` changes with every visible update. */
  entries: readonly IndexEntry[];
  errors: readonly IndexError[];
  total: number;
  processed: number;
  fromCache: number;
  /** Wall time from the folder being chosen to the index being complete. */
  ms: number | null;
  failure: string | null;
  /** Bumped by every load, so caches keyed on it never mix two folders. */
  loadId: number;
  version: number;
}

const initialState: FolderState = {
  status: 'idle',
  source: null,
  filesByPath: new Map(),
  entries: [],
  errors: [],
  total: 0,
  processed: 0,
  fromCache: 0,
  ms: null,
  failure: null,
  loadId: 0,
  version: 0,
};

let state: FolderState = initialState;
const listeners = new Set<() => void>();
let currentLoad: AbortController | null = null;

function publish(next: FolderState) {
  state = next;
  listeners.forEach((listener) => listener());
}

export function getFolderState(): FolderState {
  return state;
}

export function subscribeFolder(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useFolderState(): FolderState {
  return useSyncExternalStore(subscribeFolder, getFolderState, getFolderState);
}

export function sortEntries(entries: IndexEntry[]) {
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Indexes a folder: cached entries first (no read), then the rest in workers,
 * streaming rows into the state a frame at a time. `startedAt` is when the
 * user chose the folder, so listing time counts too.
 */
export async function loadFolder(source: FolderSource, startedAt: number = performance.now()): Promise<void> {
  currentLoad?.abort();
  const controller = new AbortController();
  currentLoad = controller;
  const entries: IndexEntry[] = [];
  const errors: IndexError[] = [];
  const filesByPath = new Map(source.files.map((file) => [file.path, file]));
  const loadId = state.loadId + 1;
  let processed = 0;
  let fromCache = 0;
  publish({
    ...initialState,
    status: 'loading',
    source,
    filesByPath,
    entries,
    errors,
    total: source.files.length,
    loadId,
    version: state.version + 1,
  });
  if (source.directoryHandle) void rememberFolder(source.directoryHandle);

  let frameRequested = false;
  const flush = () => {
    frameRequested = false;
    if (controller.signal.aborted) return;
    publish({ ...state, entries, errors, processed, fromCache, version: state.version + 1 });
  };
  const scheduleFlush = () => {
    if (frameRequested) return;
    frameRequested = true;
    // rAF alone stalls in background tabs; a timeout keeps a hidden load moving.
    const timer = setTimeout(flush, 100);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      if (frameRequested) flush();
    });
  };

  try {
    const cacheable = source.files.filter(isCacheable);
    const cached = cacheable.length ? await readCached(cacheable) : [];
    const cachedPaths = new Set<string>();
    cached.forEach((value, i) => {
      if (!value) return;
      cachedPaths.add(cacheable[i]!.path);
      if ('entry' in value) entries.push(value.entry);
      else errors.push(value.error);
    });
    fromCache = cachedPaths.size;
    processed = fromCache;
    if (fromCache) scheduleFlush();

    const toRead = source.files.filter((file) => !cachedPaths.has(file.path));
    const toCache: Parameters<typeof writeCached>[0] = [];
    await indexInWorkers(
      toRead,
      (batch) => {
        for (const entry of batch.entries) {
          entries.push(entry);
          const file = filesByPath.get(entry.path);
          if (file && isCacheable(file)) toCache.push({ file, value: { entry } });
        }
        for (const error of batch.errors) {
          errors.push(error);
          const file = filesByPath.get(error.path);
          if (file && isCacheable(file)) toCache.push({ file, value: { error } });
        }
        processed += batch.entries.length + batch.errors.length;
        scheduleFlush();
      },
      controller.signal,
    );
    if (controller.signal.aborted) return;
    sortEntries(entries);
    errors.sort((a, b) => (a.path < b.path ? -1 : 1));
    const ms = Math.round(performance.now() - startedAt);
    frameRequested = false;
    publish({ ...state, status: 'done', entries, errors, processed, fromCache, ms, version: state.version + 1 });
    void writeCached(toCache);
  } catch (error) {
    if (controller.signal.aborted) return;
    publish({
      ...state,
      status: 'failed',
      failure: error instanceof Error ? error.message : String(error),
      version: state.version + 1,
    });
  }
}

export function findEntry(path: string): IndexEntry | undefined {
  return state.entries.find((entry) => entry.path === path);
}
