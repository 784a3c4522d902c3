import { createHash } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import type { IndexEntry, IndexError } from '../../src/core/index/indexEntry';
import type { FolderChangeEvent, ServedFile, ServedFolder, ServedSide } from '../../src/core/served-folder/protocol';
import type { CachedItem, IndexCache } from './cache';
import type { IndexedValue } from './indexFile';
import type { ParsePool } from './parsePool';
import { walkFolder, type WalkedFile } from './walk';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

export interface LoadProgress {
  done: number;
  total: number;
}

export type IndexEncoding = 'br' | 'gzip' | 'identity';

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
    // Saved after the load, not before it completes: the page is waiting for the index, not for the cache.
    if (this.cache && (toRead.length > 0 || cached.size !== this.files.size)) void this.cache.write(this.cacheItems());
  }

  private ensureValues(): Promise<void> {
    if (!this.valuesPending) return Promise.resolve();
    this.deferredValues ??= this.loadValues().then(() => {
      this.valuesPending = false;
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
      if ('entry' in value) entries.push(value.entry);
      else errors.push(value.error);
    }
    files.sort(byPath);
    entries.sort(byPath);
    errors.sort(byPath);
    return { side: this.side, name: this.name, files, entries, errors, skippedCount: this.skippedCount };
  }

  /**
   * The index response body in the best encoding the page accepts. Fast
   * settings: on loopback the time to compress matters more than the last
   * bytes, and brotli at quality 1 is both quicker and smaller than gzip here.
   */
  async indexBody(accepts: { br: boolean; gzip: boolean }): Promise<IndexBody> {
    const encoding: IndexEncoding = accepts.br ? 'br' : accepts.gzip ? 'gzip' : 'identity';
    const saved = this.savedResponse;
    if (saved && saved.encoding === encoding) return saved;
    let body = this.bodies.get(encoding);
    if (!body) {
      const snapshot = await this.snapshot();
      const json = Buffer.from(JSON.stringify(snapshot));
      body =
        encoding === 'br'
          ? brotliAsync(json, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 1, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: json.length } })
          : encoding === 'gzip'
            ? gzipAsync(json, { level: 1 })
            : Promise.resolve(json);
      this.bodies.set(encoding, body);
      if (encoding !== 'identity' && this.cache) {
        const cache = this.cache;
        const fingerprint = this.fingerprint();
        const counts = { entries: snapshot.entries.length, errors: snapshot.errors.length, files: snapshot.files.length };
        void body.then((bytes) => {
          if (this.bodies.get(encoding)) void cache.writeResponse(fingerprint, encoding, bytes, counts);
        });
      }
    }
    return { encoding, body: await body };
  }

  /**
   * Re-walks the folder and re-reads every file whose size or time changed:
   * the watcher only says "something changed", and on some platforms not
   * which file. Returns what changed, or null when nothing did.
   */
  async refresh(): Promise<FolderChangeEvent | null> {
    await this.ensureValues();
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
    this.savedResponse = null;
    this.bodies.clear();
    if (this.cache) void this.cache.write(this.cacheItems());
    return {
      side: this.side,
      changed: changed.map((file) => ({ path: file.path, size: file.size, lastModified: file.lastModified })),
      entries: values.flatMap((value) => ('entry' in value ? [value.entry] : [])),
      errors: values.flatMap((value) => ('error' in value ? [value.error] : [])),
      removed,
    };
  }
}

function pathOf(value: IndexedValue): string {
  return 'entry' in value ? value.entry.path : value.error.path;
}
