import { createStore, get, set } from 'idb-keyval';
import type { IndexEntry, IndexError } from '../core/index/indexEntry';
import type { SourceFile } from '../sources/types';

/**
 * Index entries survive the tab in IndexedDB for folders opened through a
 * directory handle (the picker, or a drop that gives handles), stored with
 * that handle: a record is used only for the same directory
 * (`isSameEntry`), and each entry only while the file's path, size and
 * modification time all match.
 *
 * A folder read through `<input>` is not cached. It has no identity: another
 * folder with the same name, paths, sizes and times was once shown from the
 * first one's cache (the list said one answer, the detail another), and
 * telling them apart means reading every file, plus Chromium's one blocking
 * size-and-time lookup per `<input>` file (about 0.7 s for 3,162 files).
 * Measured, a cached re-open cost 1.5-2x a cold load that way.
 *
 * Bump CACHE_VERSION whenever the parser or IndexEntry changes meaning.
 */
// 2: entries carry replay keys (i12). 3: entries also carry a hash of the file's first bytes.
// 4: records carry the folder's directory handle instead.
const CACHE_VERSION = 4;
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

/** Only files read through a directory handle are cached (see above); samples and served files never. */
export function isCacheable(file: SourceFile): boolean {
  return !file.url && file.handle !== undefined && (file.metadataPending === true || file.lastModified > 0);
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
  /** The directory these entries were read from. */
  root: FileSystemDirectoryHandle;
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

let prefetched: { folderName: string; record: Promise<FolderRecord | null> } | null = null;

/**
 * Starts reading a folder's cache record before its files are listed: walking a
 * directory handle takes a while, and the record is ready when the walk ends.
 */
export function prefetchFolderCache(folderName: string): void {
  if (mayHaveFolderCache(folderName)) prefetched = { folderName, record: readStoredFolder(folderName) };
}

/** The cached entries of this very directory: empty for another one of the same name. */
export async function readFolderCache(folderName: string, root: FileSystemDirectoryHandle): Promise<Map<string, CachedFile>> {
  let record: Promise<FolderRecord | null>;
  if (prefetched?.folderName === folderName) {
    record = prefetched.record;
    prefetched = null;
  } else record = readStoredFolder(folderName);
  const found = await record;
  if (!found) return new Map();
  const same = await found.root.isSameEntry(root).catch(() => false);
  return same ? found.files : new Map();
}

async function readStoredFolder(folderName: string): Promise<FolderRecord | null> {
  if (!knownFolders().includes(folderName)) return null;
  try {
    const record = await get<FolderRecord>(folderKey(folderName), entries());
    return record && record.version === CACHE_VERSION && record.root ? record : null;
  } catch {
    return null;
  }
}

export function cachedValueFor(cache: Map<string, CachedFile>, file: SourceFile): CachedValue | undefined {
  const hit = cache.get(file.path);
  return hit && !file.metadataPending && hit.size === file.size && hit.lastModified === file.lastModified ? hit.value : undefined;
}

export async function writeFolderCache(
  folderName: string,
  root: FileSystemDirectoryHandle,
  items: { file: SourceFile; value: CachedValue }[],
): Promise<boolean> {
  if (items.length === 0) return false;
  const files = new Map<string, CachedFile>();
  for (const { file, value } of items) {
    if (file.metadataPending) continue;
    files.set(file.path, { size: file.size, lastModified: file.lastModified, value });
  }
  try {
    await set(folderKey(folderName), { version: CACHE_VERSION, root, files } satisfies FolderRecord, entries());
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

