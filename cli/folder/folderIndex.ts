import path from 'node:path';
import type { IndexEntry, IndexError } from '../../src/core/index/indexEntry';
import type { FolderChangeEvent, ServedFile, ServedFolder, ServedSide } from '../../src/core/served-folder/protocol';
import type { CachedItem, IndexCache } from './cache';
import type { IndexedValue } from './indexFile';
import type { ParsePool } from './parsePool';
import { walkFolder, type WalkedFile } from './walk';

export interface LoadProgress {
  done: number;
  total: number;
}

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * One served folder's index in memory: every candidate file with its entry or
 * error. Loaded once (cache first, the rest read by the pool), then kept up to
 * date file by file as the watcher reports changes.
 */
export class FolderIndex {
  root = '';
  readonly name: string;
  private files = new Map<string, WalkedFile>();
  private values = new Map<string, IndexedValue>();
  private skippedCount = 0;
  private fromCache = 0;
  private snapshotCache: ServedFolder | null = null;

  constructor(
    readonly side: ServedSide,
    readonly requestedRoot: string,
    private readonly pool: ParsePool,
    private readonly openCache: (root: string) => IndexCache | null,
  ) {
    this.name = path.basename(path.resolve(requestedRoot));
  }

  async load(onProgress?: (progress: LoadProgress) => void): Promise<void> {
    const walked = walkFolder(this.requestedRoot);
    this.root = walked.root;
    this.skippedCount = walked.skippedCount;
    const cache = this.openCache(walked.root);
    const cached = cache ? await cache.read() : new Map<string, CachedItem>();
    const toRead: WalkedFile[] = [];
    for (const file of walked.files) {
      this.files.set(file.path, file);
      const hit = cached.get(file.path);
      if (hit && hit.size === file.size && hit.mtimeMs === file.mtimeMs) this.values.set(file.path, hit.value);
      else toRead.push(file);
    }
    this.fromCache = walked.files.length - toRead.length;
    let done = this.fromCache;
    onProgress?.({ done, total: walked.files.length });
    await this.pool.index(toRead, (values) => {
      for (const value of values) this.values.set(pathOf(value), value);
      done += values.length;
      onProgress?.({ done, total: walked.files.length });
    });
    this.snapshotCache = null;
    if (cache && (toRead.length > 0 || cached.size !== walked.files.length)) await cache.write(this.cacheItems());
  }

  private cacheItems(): Map<string, CachedItem> {
    const items = new Map<string, CachedItem>();
    for (const [filePath, value] of this.values) {
      const file = this.files.get(filePath);
      if (file) items.set(filePath, { size: file.size, mtimeMs: file.mtimeMs, value });
    }
    return items;
  }

  fileFor(relativePath: string): WalkedFile | undefined {
    return this.files.get(relativePath);
  }

  /** The whole index, as the app receives it. Built once per change. */
  snapshot(): ServedFolder {
    if (this.snapshotCache) return this.snapshotCache;
    const entries: IndexEntry[] = [];
    const errors: IndexError[] = [];
    const files: ServedFile[] = [];
    for (const file of this.files.values()) {
      files.push({ path: file.path, size: file.size, lastModified: file.lastModified });
      const value = this.values.get(file.path);
      if (!value) continue;
      if ('entry' in value) entries.push(value.entry);
      else errors.push(value.error);
    }
    files.sort(byPath);
    entries.sort(byPath);
    errors.sort(byPath);
    this.snapshotCache = { side: this.side, name: this.name, files, entries, errors, skippedCount: this.skippedCount, fromCache: this.fromCache };
    return this.snapshotCache;
  }

  /**
   * Re-walks the folder and re-reads every file whose size or time changed:
   * the watcher only says "something changed", and on some platforms not
   * which file. Returns what changed, or null when nothing did.
   */
  async refresh(): Promise<FolderChangeEvent | null> {
    const walked = walkFolder(this.requestedRoot);
    const current = new Map(walked.files.map((file) => [file.path, file]));
    const removed = [...this.files.keys()].filter((filePath) => !current.has(filePath));
    const changed = walked.files.filter((file) => {
      const known = this.files.get(file.path);
      return !known || known.size !== file.size || known.mtimeMs !== file.mtimeMs;
    });
    if (removed.length === 0 && changed.length === 0) return null;
    const values = await this.pool.index(changed);
    for (const filePath of removed) {
      this.files.delete(filePath);
      this.values.delete(filePath);
    }
    for (const file of changed) this.files.set(file.path, file);
    for (const value of values) this.values.set(pathOf(value), value);
    this.skippedCount = walked.skippedCount;
    this.snapshotCache = null;
    const cache = this.openCache(this.root);
    if (cache) await cache.write(this.cacheItems());
    return {
      side: this.side,
      changed: changed.map((file) => ({ path: file.path, size: file.size, lastModified: file.lastModified })),
      entries: values.flatMap((value) => ('entry' in value ? [value.entry] : [])),
      errors: values.flatMap((value) => ('error' in value ? [value.error] : [])),
      removed,
    };
  }

  /** Texts of every file, for commands that need more than the index (verify, diff). */
  allFiles(): WalkedFile[] {
    return [...this.files.values()].sort(byPath);
  }
}

function pathOf(value: IndexedValue): string {
  return 'entry' in value ? value.entry.path : value.error.path;
}
