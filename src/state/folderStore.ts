import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { IndexEntry, IndexError } from '../core/index/indexEntry';
import { SearchIndex } from '../core/index/searchIndex';
import type { FileKey } from '../core/replay-keys';
import { ensureMetadata, type FolderSource, type SourceFile } from '../sources/types';
import { collectReplayKeys, indexInWorkers } from '../workers/indexPool';
import { replayKeysMode } from '../workers/replayKeysSetting';
import { compareRecordingPaths } from '../core/cassette/order';
import { cachedValueFor, isCacheable, mayHaveFolderCache, readFolderCache, rememberFolder, writeFolderCache } from './indexCache';

export type LoadStatus = 'idle' | 'loading' | 'done' | 'failed';

export interface FolderState {
  status: LoadStatus;
  source: FolderSource | null;
  filesByPath: ReadonlyMap<string, SourceFile>;
  /** Grows while loading: every visible update publishes a new array. */
  entries: readonly IndexEntry[];
  errors: readonly IndexError[];
  total: number;
  processed: number;
  fromCache: number;
  /** Wall time from the folder being chosen to the index being complete. */
  ms: number | null;
  failure: string | null;
  /** The index of this load is in IndexedDB, so re-opening the folder skips reading unchanged files. */
  cacheSaved: boolean;
  /** Re-opening: cached rows are listed while the files' sizes and times are compared with the cache. */
  checking: boolean;
  /** A folder chosen but still being listed (walking a directory handle), before its load starts. */
  listing: string | null;
  /** The entries are listed but their replay keys are still being computed (by the workers right after the index, or by the command line's server). */
  keysPending: boolean;
  /** Bumped by every load, so caches keyed on it never mix two folders. */
  loadId: number;
  /** The filter's word index, built in slices once the listing is complete (one per load; it only ever grows). */
  searchIndex: SearchIndex;
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
  cacheSaved: false,
  checking: false,
  listing: null,
  keysPending: false,
  loadId: 0,
  searchIndex: new SearchIndex(),
};

/** The one folder index store (vanilla zustand: workers-free code and non-React callers read it too). */
export const folderStore = createStore<FolderState>(() => initialState);
let currentLoad: AbortController | null = null;
/** The first rows show at once; later updates come less and less often, since each re-groups every entry. */
const FIRST_FLUSH_INTERVAL_MS = 400;
const MAX_FLUSH_INTERVAL_MS = 1_000;

function publish(changes: Partial<FolderState>) {
  folderStore.setState(changes);
}

export function getFolderState(): FolderState {
  return folderStore.getState();
}

const wholeState = (state: FolderState) => state;

export function useFolderState(): FolderState;
export function useFolderState<T>(select: (state: FolderState) => T): T;
export function useFolderState<T>(select?: (state: FolderState) => T): T | FolderState {
  return useStore(folderStore, (select ?? wholeState) as (state: FolderState) => T | FolderState);
}

/**
 * Shows that a folder was chosen while it is listed, which can take a while for
 * a large tree; the load that follows replaces it. The returned function ends
 * it when listing fails.
 */
export function beginListing(name: string): () => void {
  publish({ listing: name });
  return () => {
    if (getFolderState().listing === name) publish({ listing: null });
  };
}

/** Entries added to the search index per step, and how long one task may keep adding. */
const SEARCH_SLICE = 250;
const SEARCH_TASK_MS = 12;

/**
 * Builds the search index once the listing is complete, a few milliseconds per
 * task. Built during the load it took the main thread from reading (about
 * 110 ms at 3,162 files, ten times that at ten times the folder); a query
 * before it is finished still finds everything, since SearchIndex.filter
 * checks the entries not yet added the slow way.
 */
function indexForSearchLater(index: SearchIndex, entries: readonly IndexEntry[], loadId: number): void {
  let next = 0;
  const step = () => {
    if (getFolderState().loadId !== loadId) return;
    const until = performance.now() + SEARCH_TASK_MS;
    while (next < entries.length && performance.now() < until) {
      index.add(entries.slice(next, next + SEARCH_SLICE));
      next += SEARCH_SLICE;
    }
    if (next < entries.length) setTimeout(step, 0);
  };
  setTimeout(step, 0);
}

function sortEntries(entries: IndexEntry[]) {
  // A cassette's interactions keep their order (`#2` before `#10`).
  entries.sort((a, b) => compareRecordingPaths(a.path, b.path));
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
  const loadId = getFolderState().loadId + 1;
  const searchIndex = new SearchIndex();
  let processed = 0;
  let fromCache = 0;
  publish({
    ...initialState,
    status: 'loading',
    source,
    filesByPath,
    total: source.files.length,
    loadId,
    searchIndex,
  });
  if (source.directoryHandle) void rememberFolder(source.directoryHandle);

  // The list re-groups every entry on each update, so updates are spaced out while
  // loading to leave the main thread to reading.
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  let lastFlush = 0;
  let flushInterval = FIRST_FLUSH_INTERVAL_MS;
  const flush = () => {
    flushTimer = null;
    if (lastFlush !== 0) flushInterval = Math.min(flushInterval * 2, MAX_FLUSH_INTERVAL_MS);
    lastFlush = performance.now();
    if (controller.signal.aborted) return;
    // New arrays, so every subscriber sees a change by identity.
    publish({ entries: entries.slice(), errors: errors.slice(), processed, fromCache, checking: false });
  };
  const scheduleFlush = () => {
    if (flushTimer !== null) return;
    const wait = lastFlush === 0 ? 0 : Math.max(0, flushInterval - (performance.now() - lastFlush));
    flushTimer = setTimeout(flush, wait);
  };

  try {
    // Only a handle folder seen before needs sizes and times up front, to tell which cached
    // entries still hold; they are gathered while IndexedDB opens.
    const root = source.directoryHandle;
    const seenBefore = root !== undefined && source.files.some(isCacheable) && mayHaveFolderCache(source.name);
    let cache: Awaited<ReturnType<typeof readFolderCache>> = new Map();
    if (seenBefore) {
      const metadata = ensureMetadata(source.files);
      cache = await readFolderCache(source.name, root);
      if (cache.size > 0 && source.files.some((file) => file.metadataPending)) {
        // Checking sizes and times takes a round trip per file (see SourceFile.metadataPending):
        // the cached rows are listed meanwhile, and the load completes once they are confirmed.
        const cachedRows: IndexEntry[] = [];
        for (const file of source.files) {
          const value = cache.get(file.path)?.value;
          if (value && 'entry' in value) cachedRows.push(value.entry);
        }
        if (!controller.signal.aborted) publish({ entries: cachedRows, checking: true });
      }
      await metadata;
    }
    const cachedPaths = new Set<string>();
    for (const file of source.files) {
      if (!isCacheable(file)) continue;
      const value = cachedValueFor(cache, file);
      if (!value) continue;
      cachedPaths.add(file.path);
      if ('entry' in value) entries.push(value.entry);
      else errors.push(value.error);
    }
    fromCache = cachedPaths.size;
    processed = fromCache;
    if (fromCache) scheduleFlush();
    const toRead = cachedPaths.size ? source.files.filter((file) => !cachedPaths.has(file.path)) : source.files;
    await indexInWorkers(
      toRead,
      (batch) => {
        for (const entry of batch.entries) entries.push(entry);
        for (const error of batch.errors) errors.push(error);
        processed += batch.files ?? batch.entries.length + batch.errors.length;
        scheduleFlush();
      },
      controller.signal,
    );
    if (controller.signal.aborted) return;
    sortEntries(entries);
    errors.sort((a, b) => (a.path < b.path ? -1 : 1));
    const ms = Math.round(performance.now() - startedAt);
    if (flushTimer !== null) clearTimeout(flushTimer);
    // Replay keys (i12) are hashed in the workers, during the load or right after it (see
    // ReplayKeysMode), and cached with the entries; only files read now need them.
    const keysPending = toRead.length > 0 && replayKeysMode() === 'after';
    publish({ status: 'done', entries, errors, processed, fromCache, checking: false, ms, keysPending });
    indexForSearchLater(searchIndex, entries, loadId);
    if (keysPending) {
      const keys = await collectReplayKeys();
      if (controller.signal.aborted) return;
      for (const entry of entries) {
        const key = keys.get(entry.path);
        if (key) entry.replayKey = key;
      }
      // Same entry objects (the search index is keyed by them), in a new array so subscribers see the change.
      publish({ entries: [...entries], keysPending: false });
    }
    if (toRead.length > 0 && root && source.files.some(isCacheable)) void saveCache(source, root, entries, errors, loadId);
  } catch (error) {
    if (controller.signal.aborted) return;
    publish({ status: 'failed', checking: false, failure: error instanceof Error ? error.message : String(error) });
  }
}

async function saveCache(source: FolderSource, root: FileSystemDirectoryHandle, entries: IndexEntry[], errors: IndexError[], loadId: number) {
  await ensureMetadata(source.files);
  const state = getFolderState();
  if (state.loadId !== loadId) return;
  const items: Parameters<typeof writeFolderCache>[2] = [];
  for (const entry of entries) {
    const file = state.filesByPath.get(entry.path);
    if (file && isCacheable(file)) items.push({ file, value: { entry } });
  }
  for (const error of errors) {
    const file = state.filesByPath.get(error.path);
    if (file && isCacheable(file)) items.push({ file, value: { error } });
  }
  const saved = await writeFolderCache(source.name, root, items);
  if (saved && getFolderState().loadId === loadId) publish({ cacheSaved: true });
}


/**
 * A folder indexed elsewhere (the command line's server walks, reads and
 * indexes it in Node): its entries arrive finished, so nothing is read here.
 * The status shows the folder as loading until they do. `startedAt` 0 measures
 * from the page's start, which is when such a load begins.
 */
export async function loadIndexedFolder(
  name: string,
  fetchIndex: () => Promise<{ source: FolderSource; entries: IndexEntry[]; errors: IndexError[]; fromCache: number; keysPending: boolean }>,
  startedAt: number = performance.now(),
): Promise<void> {
  currentLoad?.abort();
  const controller = new AbortController();
  currentLoad = controller;
  const loadId = getFolderState().loadId + 1;
  publish({
    ...initialState,
    status: 'loading',
    source: { name, kind: 'server', files: [], skippedCount: 0 },
    loadId,
    searchIndex: new SearchIndex(),
  });
  try {
    const { source, entries, errors, fromCache, keysPending } = await fetchIndex();
    if (controller.signal.aborted) return;
    const total = entries.length + errors.length;
    const searchIndex = new SearchIndex();
    publish({
      status: 'done',
      searchIndex,
      source,
      filesByPath: new Map(source.files.map((file) => [file.path, file])),
      entries,
      errors,
      total,
      processed: total,
      fromCache,
      keysPending,
      ms: Math.round(performance.now() - startedAt),
    });
    indexForSearchLater(searchIndex, entries, loadId);
  } catch (error) {
    if (controller.signal.aborted) return;
    publish({ status: 'failed', failure: error instanceof Error ? error.message : String(error) });
  }
}

/** The replay keys of an indexed folder's entries, arriving after the entries themselves (see `keysPending`). */
export function applyReplayKeys(loadId: number, keys: Readonly<Record<string, FileKey>>): void {
  const state = getFolderState();
  if (state.loadId !== loadId || state.status !== 'done') return;
  const entries = state.entries.map((entry) => {
    const replayKey = Object.hasOwn(keys, entry.path) ? keys[entry.path] : undefined;
    return replayKey && !entry.replayKey ? { ...entry, replayKey } : entry;
  });
  // New entry objects: the search index (keyed by entry) is rebuilt for them.
  const searchIndex = new SearchIndex();
  publish({ entries, keysPending: false, searchIndex });
  indexForSearchLater(searchIndex, entries, loadId);
}

/**
 * Files of the open folder changed on disk (reported by the command line's
 * server): their rows are replaced, added or dropped in place, without a reload.
 */
export function applyFolderChanges(change: { files: SourceFile[]; entries: IndexEntry[]; errors: IndexError[]; removed: string[] }): void {
  const state = getFolderState();
  if (state.status !== 'done') return;
  const touched = new Set([...change.removed, ...change.files.map((file) => file.path)]);
  const entries = state.entries.filter((entry) => !touched.has(entry.path)).concat(change.entries);
  const errors = state.errors.filter((error) => !touched.has(error.path)).concat(change.errors);
  sortEntries(entries);
  errors.sort((a, b) => (a.path < b.path ? -1 : 1));
  const filesByPath = new Map(state.filesByPath);
  for (const path of change.removed) filesByPath.delete(path);
  for (const file of change.files) filesByPath.set(file.path, file);
  const total = entries.length + errors.length;
  // The index only grows; changed entries are new objects, so a fresh index keeps results exact.
  const searchIndex = new SearchIndex();
  publish({ entries, errors, filesByPath, total, processed: total, searchIndex });
  indexForSearchLater(searchIndex, entries, state.loadId);
}
