import { createStore, get, set } from 'idb-keyval';
import type { IndexEntry, IndexError } from '../core/index/indexEntry';
import type { SourceFile } from '../sources/types';

/**
 * Index entries survive the tab in IndexedDB, keyed by what identifies a
 * file's content without reading it: path, size and modification time.
 * Bump CACHE_VERSION whenever the parser or IndexEntry changes meaning.
 */
// 2: entries carry replay keys (i12).
const CACHE_VERSION = 2;
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

/** Files without a real modification time (bundled samples) are never cached. */
export function isCacheable(file: SourceFile): boolean {
  return !file.url && (file.metadataPending === true || file.lastModified > 0);
}

interface CachedFile {
  size: number;
  lastModified: number;
  value: CachedValue;
}

/**
 * One record per opened folder (by name) holding every file's entry: a
 * single read and a single write instead of thousands of IndexedDB requests.
 * Each file's entry is still only reused when its path, size and
 * modification time all match.
 */
interface FolderRecord {
  version: number;
  files: Map<string, CachedFile>;
}

function folderKey(folderName: string) {
  return `folder:${folderName}`;
}

/**
 * Folder names with a cache record, mirrored in localStorage so that a
 * folder never seen before starts reading at once instead of first waiting
 * for IndexedDB to open.
 */
const KNOWN_FOLDERS_KEY = 'recording-inspector-cached-folders';

function knownFolders(): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KNOWN_FOLDERS_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function markKnown(folderName: string) {
  try {
    const names = [folderName, ...knownFolders().filter((n) => n !== folderName)].slice(0, 50);
    localStorage.setItem(KNOWN_FOLDERS_KEY, JSON.stringify(names));
  } catch {
    // Without the marker the next load only waits for IndexedDB to say it has nothing.
  }
}

/** Synchronous: whether a cache record may exist, so a new folder's load starts reading in the same task. */
export function mayHaveFolderCache(folderName: string): boolean {
  return knownFolders().includes(folderName);
}

let prefetched: { folderName: string; files: Promise<Map<string, CachedFile>> } | null = null;

/**
 * Starts reading a folder's cache record before its files are listed: walking a
 * directory handle takes a while, and the record is ready when the walk ends.
 */
export function prefetchFolderCache(folderName: string): void {
  if (mayHaveFolderCache(folderName)) prefetched = { folderName, files: readStoredFolder(folderName) };
}

export function readFolderCache(folderName: string): Promise<Map<string, CachedFile>> {
  if (prefetched?.folderName === folderName) {
    const { files } = prefetched;
    prefetched = null;
    return files;
  }
  return readStoredFolder(folderName);
}

async function readStoredFolder(folderName: string): Promise<Map<string, CachedFile>> {
  if (!knownFolders().includes(folderName)) return new Map();
  try {
    const record = await get<FolderRecord>(folderKey(folderName), entries());
    return record && record.version === CACHE_VERSION ? record.files : new Map();
  } catch {
    return new Map();
  }
}

export function cachedValueFor(cache: Map<string, CachedFile>, file: SourceFile): CachedValue | undefined {
  const hit = cache.get(file.path);
  return hit && !file.metadataPending && hit.size === file.size && hit.lastModified === file.lastModified ? hit.value : undefined;
}

export async function writeFolderCache(folderName: string, items: { file: SourceFile; value: CachedValue }[]): Promise<boolean> {
  if (items.length === 0) return false;
  const files = new Map<string, CachedFile>();
  for (const { file, value } of items) if (!file.metadataPending) files.set(file.path, { size: file.size, lastModified: file.lastModified, value });
  try {
    await set(folderKey(folderName), { version: CACHE_VERSION, files } satisfies FolderRecord, entries());
    markKnown(folderName);
    return true;
  } catch {
    // A full or blocked IndexedDB only costs the next load its speed-up.
    return false;
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

