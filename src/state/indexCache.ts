import { createStore, getMany, setMany, get, set, del } from 'idb-keyval';
import type { IndexEntry, IndexError } from '../core/index/indexEntry';
import type { SourceFile } from '../sources/types';

/**
 * Index entries survive the tab in IndexedDB, keyed by what identifies a
 * file's content without reading it: path, size and modification time.
 * Bump CACHE_VERSION whenever the parser or IndexEntry changes meaning.
 */
const CACHE_VERSION = 1;
type CachedValue = { entry: IndexEntry } | { error: IndexError };

let entryStore: ReturnType<typeof createStore> | null = null;
let recentStore: ReturnType<typeof createStore> | null = null;

function entries() {
  entryStore ??= createStore('recording-inspector-index', 'entries');
  return entryStore;
}
function recents() {
  recentStore ??= createStore('recording-inspector-recent', 'folders');
  return recentStore;
}

export function cacheKey(file: SourceFile): string {
  return `${CACHE_VERSION}\u0000${file.path}\u0000${file.size}\u0000${file.lastModified}`;
}

/** Files without a real modification time (bundled samples) are never cached. */
export function isCacheable(file: SourceFile): boolean {
  return file.lastModified > 0 && !file.url;
}

export async function readCached(files: SourceFile[]): Promise<(CachedValue | undefined)[]> {
  try {
    return await getMany<CachedValue>(files.map(cacheKey), entries());
  } catch {
    return files.map(() => undefined);
  }
}

export async function writeCached(items: { file: SourceFile; value: CachedValue }[]): Promise<void> {
  if (items.length === 0) return;
  try {
    await setMany(
      items.map(({ file, value }) => [cacheKey(file), value]),
      entries(),
    );
  } catch {
    // A full or blocked IndexedDB only costs the next load its speed-up.
  }
}

export interface RecentFolder {
  name: string;
  openedAt: number;
  handle: FileSystemDirectoryHandle;
}

const RECENT_KEY = 'recent';

export async function listRecentFolders(): Promise<RecentFolder[]> {
  try {
    return (await get<RecentFolder[]>(RECENT_KEY, recents())) ?? [];
  } catch {
    return [];
  }
}

export async function rememberFolder(handle: FileSystemDirectoryHandle): Promise<void> {
  try {
    const current = await listRecentFolders();
    const others: RecentFolder[] = [];
    for (const recent of current) {
      const same = await recent.handle.isSameEntry(handle).catch(() => false);
      if (!same) others.push(recent);
    }
    await set(RECENT_KEY, [{ name: handle.name, openedAt: Date.now(), handle }, ...others].slice(0, 8), recents());
  } catch {
    // Remembering is a convenience; failing to do it must not fail the load.
  }
}

export async function forgetRecentFolders(): Promise<void> {
  await del(RECENT_KEY, recents()).catch(() => undefined);
}
