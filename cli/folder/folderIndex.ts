import { createHash } from 'node:crypto';
import path from 'node:path';
import type { IndexEntry, IndexError } from '../../src/core/index/indexEntry';
import type { FolderChangeEvent, ServedFile, ServedFolder, ServedKeys, ServedSide } from '../../src/core/served-folder/protocol';
import type { CachedItem, IndexCache } from './cache';
import type { IndexedValue } from './indexFile';
import type { ParsePool } from './parsePool';
import { walkFolder, type WalkedFile } from './walk';
import { compress, preferredEncoding, type AcceptedEncodings, type BodyEncoding } from '../encoding';


export interface LoadProgress {
  done: number;
  total: number;
}

export type IndexEncoding = BodyEncoding;

export interface IndexBody {
  encoding: IndexEncoding;
  body: Buffer;
}

export interface IndexCounts {
  entries: number;
  errors: number;
  files: number;
  fromCache: number;
}

/** Keys start this long after the index was sent (the page is decoding and listing it)… */
const KEYS_DELAY_AFTER_INDEX_MS = 300;
/** …or this long after the load when no page has asked yet. */
const KEYS_DELAY_UNREQUESTED_MS = 1_500;

/** The cache is written this long after a load, off the page's critical path. */
const CACHE_WRITE_DELAY_MS = 500;

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Everything the index response depends on: a folder whose listing is unchanged has the same index. */
function listingFingerprint(name: string, files: readonly WalkedFile[], skippedCount: number): string {
  const hash = createHash('sha256').update(`${name}\0${skippedCount}\n`);
  for (const file of files) hash.update(`${file.path}\0${file.size}\0${file.mtimeMs}\n`);
  return hash.digest('hex');
}

/**
 * One served folder's index in memory: every candidate file with its entry or
 * error. Loaded once (cache first, the rest read by the pool), then kept up to
 * date file by file as the watcher reports changes.
 *
 * On a restart over an unchanged folder, the compressed response saved last
 * time is sent as is, and the per-file entries are only read from the cache
 * when something needs them (a change on disk).
 */
export class FolderIndex {
  root = '';
  readonly name: string;
  private files = new Map<string, WalkedFile>();
  private values = new Map<string, IndexedValue>();
  /** True while the values still sit in the cache (restart on an unchanged folder). */
  private valuesPending = false;
  private deferredValues: Promise<void> | null = null;
  private skippedCount = 0;
  private fromCache = 0;
  private snapshotCache: ServedFolder | null = null;
  private bodies = new Map<IndexEncoding, Promise<Buffer>>();
  private savedResponse: (IndexBody & { counts: IndexCounts }) | null = null;
  private cache: IndexCache | null = null;
  /** Resolves once every entry carries its replay key (computed after the index, see ServedFolder.keysPending). */
  private keysDone: Promise<void> = Promise.resolve();
  private keysPending = false;

  constructor(
    readonly side: ServedSide,
    readonly requestedRoot: string,
    private readonly pool: ParsePool,
    private readonly openCache: (root: string) => IndexCache | null,
  ) {
    this.name = path.basename(path.resolve(requestedRoot));
  }

  async load(onProgress?: (progress: LoadProgress) => void): Promise<void> {
    const walked = walkFolder(this.requestedRoot, { cassettes: true });
    this.root = walked.root;
    this.skippedCount = walked.skippedCount;
    for (const file of walked.files) this.files.set(file.path, file);
    this.cache = this.openCache(walked.root);
    const saved = this.cache ? await this.cache.readResponse(this.fingerprint()) : null;
    if (saved) {
      this.fromCache = walked.files.length;
      this.savedResponse = { encoding: saved.encoding as IndexEncoding, body: saved.body, counts: { ...(saved.counts as IndexCounts), fromCache: this.fromCache } };
      onProgress?.({ done: walked.files.length, total: walked.files.length });
      this.valuesPending = true;
      return;
    }
    await this.loadValues(onProgress);
    this.keysPending = this.entriesWithoutKeys().length > 0;
    this.snapshotCache = null;
    if (this.keysPending) this.scheduleKeys(KEYS_DELAY_UNREQUESTED_MS);
  }

  private keysTimer: ReturnType<typeof setTimeout> | null = null;
  private cacheWriteTimer: ReturnType<typeof setTimeout> | null = null;

  private saveCache(): Promise<boolean> {
    if (this.cacheWriteTimer) clearTimeout(this.cacheWriteTimer);
    this.cacheWriteTimer = null;
    return this.cache ? this.cache.write(this.cacheItems()) : Promise.resolve(false);
  }

  /** On shutdown: a cache write still waiting is done now, and every write finished. */
  async flushCache(): Promise<void> {
    if (this.cacheWriteTimer) await this.saveCache();
    await this.cache?.settled();
  }

  /**
   * Keys wait until the page has its index (they would take the cores while it
   * decodes and lists it), or a moment when no page asks.
   */
  private scheduleKeys(delay: number): void {
    if (this.keysStarted) return;
    if (this.keysTimer) clearTimeout(this.keysTimer);
    this.keysTimer = setTimeout(() => this.startKeys(), delay);
    this.keysTimer.unref();
  }

  private keysStarted = false;

  /** Computes the replay keys the entries lack, in the pool, after the index is served. */
  private startKeys(): void {
    if (this.keysTimer) clearTimeout(this.keysTimer);
    if (this.keysStarted) return;
    this.keysStarted = true;
    const missing = this.entriesWithoutKeys();
    if (missing.length === 0) return;
    this.keysPending = true;
    this.snapshotCache = null;
    const files = missing.flatMap((filePath) => {
      const file = this.files.get(filePath);
      return file ? [file] : [];
    });
    this.keysDone = this.pool.keys(files).then(
      (keyed) => {
        for (const value of keyed) {
          const indexed = this.values.get(value.path);
          if ('key' in value && indexed && 'entry' in indexed) indexed.entry.replayKey = value.key;
        }
        this.finishKeys();
      },
      () => this.finishKeys(),
    );
  }

  private entriesWithoutKeys(): string[] {
    return [...this.values.values()].flatMap((value) => ('entry' in value && !value.entry.replayKey ? [value.entry.path] : []));
  }

  private finishKeys(): void {
    this.keysPending = false;
    this.snapshotCache = null;
    this.bodies.clear();
    this.savedResponse = null;
    if (this.cache) void this.cache.write(this.cacheItems());
    // The complete index is compressed and saved now, so the next start sends it at once.
    void this.indexBody({ br: true, gzip: true }).catch(() => undefined);
  }

  /** Every entry's replay key, once known, encoded like the index. */
  async keysBody(accepts: AcceptedEncodings): Promise<IndexBody> {
    await this.ensureValues();
    this.startKeys();
    await this.keysDone;
    const keys: ServedKeys['keys'] = {};
    for (const value of this.values.values()) if ('entry' in value && value.entry.replayKey) keys[value.entry.path] = value.entry.replayKey;
    const encoding = preferredEncoding(accepts);
    return { encoding, body: await compress(Buffer.from(JSON.stringify({ keys } satisfies ServedKeys)), encoding) };
  }

  /** Entries from the cache where size and time match, the rest read and parsed by the pool. */
  private async loadValues(onProgress?: (progress: LoadProgress) => void): Promise<void> {
    const cached = this.cache ? await this.cache.read() : new Map<string, CachedItem>();
    const toRead: WalkedFile[] = [];
    for (const file of this.files.values()) {
      const hit = cached.get(file.path);
      if (hit && hit.size === file.size && hit.mtimeMs === file.mtimeMs) this.values.set(file.path, hit.value);
      else toRead.push(file);
    }
    if (!this.savedResponse) this.fromCache = this.files.size - toRead.length;
    let done = this.files.size - toRead.length;
    onProgress?.({ done, total: this.files.size });
    await this.pool.index(toRead, (values) => {
      for (const value of values) this.values.set(pathOf(value), value);
      done += values.length;
      onProgress?.({ done, total: this.files.size });
    });
    this.snapshotCache = null;
    // Serialising the cache takes the main thread for a while, so it waits until the page
    // likely has its index. Saved now even when keys are still to come (finishKeys saves
    // again): a server stopped early still leaves the entries for the next start.
    if (this.cache && (toRead.length > 0 || cached.size !== this.files.size)) {
      this.cacheWriteTimer = setTimeout(() => void this.saveCache(), CACHE_WRITE_DELAY_MS);
      this.cacheWriteTimer.unref();
    }
  }

  private ensureValues(): Promise<void> {
    if (!this.valuesPending) return Promise.resolve();
    this.deferredValues ??= this.loadValues().then(() => {
      this.valuesPending = false;
      this.startKeys();
    });
    return this.deferredValues;
  }

  private fingerprint(): string {
    return listingFingerprint(this.name, [...this.files.values()].sort(byPath), this.skippedCount);
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

  /** Every file the index knows, in path order. */
  listedFiles(): WalkedFile[] {
    return [...this.files.values()].sort(byPath);
  }

  counts(): IndexCounts {
    if (this.savedResponse && this.valuesPending) return this.savedResponse.counts;
    const snapshot = this.buildSnapshot();
    return { entries: snapshot.entries.length, errors: snapshot.errors.length, files: snapshot.files.length, fromCache: this.fromCache };
  }

  fromCacheCount(): number {
    return this.fromCache;
  }

  /** The whole index, as the app receives it. Built once per change. */
  async snapshot(): Promise<ServedFolder> {
    await this.ensureValues();
    return this.buildSnapshot();
  }

  private buildSnapshot(): ServedFolder {
    if (this.snapshotCache) return this.snapshotCache;
    const snapshot = this.collectSnapshot();
    this.snapshotCache = snapshot;
    return snapshot;
  }

  private collectSnapshot(): ServedFolder {
    const entries: IndexEntry[] = [];
    const errors: IndexError[] = [];
    const files: ServedFile[] = [];
    for (const file of this.files.values()) {
      files.push({ path: file.path, size: file.size, lastModified: file.lastModified });
      const value = this.values.get(file.path);
      if (!value) continue;
      if ('entry' in value) {
        // Keys are a third of the index by size: the listing goes first, keys follow from keys/<side>.
        const { replayKey: _key, ...entry } = value.entry;
        entries.push(entry);
      } else if ('entries' in value) entries.push(...value.entries);
      else errors.push(value.error);
    }
    files.sort(byPath);
    entries.sort(byPath);
    errors.sort(byPath);
    return { side: this.side, name: this.name, files, entries, errors, skippedCount: this.skippedCount, keysPending: entries.length > 0 };
  }

  /**
   * The index response body in the best encoding the page accepts, compressed
   * with the fastest settings (see compress).
   */
  async indexBody(accepts: AcceptedEncodings): Promise<IndexBody> {
    const encoding = preferredEncoding(accepts);
    const saved = this.savedResponse;
    if (saved && saved.encoding === encoding) return saved;
    let body = this.bodies.get(encoding);
    if (!body) {
      const snapshot = await this.snapshot();
      body = compress(Buffer.from(JSON.stringify(snapshot)), encoding);
      this.bodies.set(encoding, body);
      // Only a complete index (keys included) is worth sending again after a restart.
      if (encoding !== 'identity' && this.cache && !this.keysPending) {
        const cache = this.cache;
        const fingerprint = this.fingerprint();
        const counts = { entries: snapshot.entries.length, errors: snapshot.errors.length, files: snapshot.files.length };
        void body.then((bytes) => {
          if (this.bodies.get(encoding)) void cache.writeResponse(fingerprint, encoding, bytes, counts);
        });
      }
    }
    const bytes = await body;
    if (this.keysPending) this.scheduleKeys(KEYS_DELAY_AFTER_INDEX_MS);
    return { encoding, body: bytes };
  }

  /**
   * Re-walks the folder and re-reads every file whose size or time changed:
   * the watcher only says "something changed", and on some platforms not
   * which file. Returns what changed, or null when nothing did.
   */
  async refresh(): Promise<FolderChangeEvent | null> {
    await this.ensureValues();
    const walked = walkFolder(this.requestedRoot, { cassettes: true });
    const current = new Map(walked.files.map((file) => [file.path, file]));
    const removed = [...this.files.keys()].filter((filePath) => !current.has(filePath));
    const changed = walked.files.filter((file) => {
      const known = this.files.get(file.path);
      return !known || known.size !== file.size || known.mtimeMs !== file.mtimeMs;
    });
    if (removed.length === 0 && changed.length === 0) return null;
    const values = await this.pool.index(changed);
    const keyed = await this.pool.keys(changed);
    const keyByPath = new Map(keyed.flatMap((value) => ('key' in value ? [[value.path, value.key] as const] : [])));
    for (const value of values) if ('entry' in value) value.entry.replayKey = keyByPath.get(value.entry.path);
    for (const filePath of removed) {
      this.files.delete(filePath);
      this.values.delete(filePath);
    }
    for (const file of changed) this.files.set(file.path, file);
    for (const value of values) this.values.set(pathOf(value), value);
    this.skippedCount = walked.skippedCount;
    this.snapshotCache = null;
    this.savedResponse = null;
    this.bodies.clear();
    if (this.cache) void this.cache.write(this.cacheItems());
    return {
      side: this.side,
      changed: changed.map((file) => ({ path: file.path, size: file.size, lastModified: file.lastModified })),
      entries: values.flatMap((value) => ('entry' in value ? [value.entry] : 'entries' in value ? value.entries : [])),
      errors: values.flatMap((value) => ('error' in value ? [value.error] : [])),
      removed,
    };
  }
}

function pathOf(value: IndexedValue): string {
  return 'entry' in value ? value.entry.path : 'entries' in value ? value.path : value.error.path;
}
