import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { IndexedValue } from './indexFile';

/** Bumped when the cache file's layout changes. */
const CACHE_FORMAT = 1;

export interface CachedItem {
  size: number;
  mtimeMs: number;
  value: IndexedValue;
}

interface CacheFile {
  format: number;
  /** Which parser produced the entries: a new build of the command line re-reads everything. */
  buildId: string;
  root: string;
  items: [string, CachedItem][];
}

export interface ResponseCounts {
  entries: number;
  errors: number;
  files: number;
}

interface ResponseHeader {
  format: number;
  buildId: string;
  fingerprint: string;
  encoding: string;
  counts: ResponseCounts;
}

/**
 * The user's cache folder, never the served folder: `$RECORDING_INSPECTOR_CACHE_DIR`,
 * else `$XDG_CACHE_HOME/recording-inspector`, else the platform's usual place.
 */
export function cacheDirectory(env: NodeJS.ProcessEnv = process.env): string {
  if (env.RECORDING_INSPECTOR_CACHE_DIR) return path.resolve(env.RECORDING_INSPECTOR_CACHE_DIR);
  if (env.XDG_CACHE_HOME) return path.join(env.XDG_CACHE_HOME, 'recording-inspector');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches', 'recording-inspector');
  if (process.platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, 'recording-inspector', 'Cache');
  return path.join(os.homedir(), '.cache', 'recording-inspector');
}

/**
 * One file per served folder (named by a hash of its real path) holding each
 * file's index entry with the size and modification time it was read at. An
 * entry is reused only when both still match.
 */
export class IndexCache {
  readonly file: string;

  constructor(
    private readonly directory: string,
    private readonly root: string,
    private readonly buildId: string,
  ) {
    const key = createHash('sha256').update(root).digest('hex').slice(0, 24);
    this.file = path.join(directory, `index-${key}.v8`);
  }

  async read(): Promise<Map<string, CachedItem>> {
    try {
      const data = deserialize(await fs.readFile(this.file)) as CacheFile;
      if (data.format !== CACHE_FORMAT || data.buildId !== this.buildId || data.root !== this.root) return new Map();
      return new Map(data.items);
    } catch {
      // Missing, unreadable or from another version: start afresh.
      return new Map();
    }
  }

  /** Writes happen one after another, so the last state asked for is the one on disk. */
  private writes: Promise<unknown> = Promise.resolve();

  write(items: Map<string, CachedItem>): Promise<boolean> {
    const data = serialize({ format: CACHE_FORMAT, buildId: this.buildId, root: this.root, items: [...items] } satisfies CacheFile);
    return this.queue(() => writeAtomically(this.directory, this.file, data));
  }

  /** Resolves once every write asked for so far is done. */
  async settled(): Promise<void> {
    await this.writes.catch(() => undefined);
  }

  private queue(write: () => Promise<boolean>): Promise<boolean> {
    const result = this.writes.then(write, write);
    this.writes = result;
    return result;
  }

  private get responseFile(): string {
    return this.file.replace(/\.v8$/, '.response');
  }

  /**
   * The index response exactly as last sent (compressed), when the folder's
   * listing (every path, size and time) is still the same: a restart on an
   * unchanged folder then sends it without building or compressing anything.
   */
  async readResponse(fingerprint: string): Promise<{ encoding: string; body: Buffer; counts: ResponseCounts } | null> {
    try {
      const data = await fs.readFile(this.responseFile);
      const newline = data.indexOf(10);
      const header = JSON.parse(data.subarray(0, newline).toString()) as ResponseHeader;
      if (header.format !== CACHE_FORMAT || header.buildId !== this.buildId || header.fingerprint !== fingerprint) return null;
      return { encoding: header.encoding, body: data.subarray(newline + 1), counts: header.counts };
    } catch {
      return null;
    }
  }

  writeResponse(fingerprint: string, encoding: string, body: Buffer, counts: ResponseCounts): Promise<boolean> {
    const header: ResponseHeader = { format: CACHE_FORMAT, buildId: this.buildId, fingerprint, encoding, counts };
    const headerLine = Buffer.from(`${JSON.stringify(header)}\n`);
    return this.queue(() => writeAtomically(this.directory, this.responseFile, Buffer.concat([headerLine, body])));
  }
}

let temporaryCount = 0;

/** Written to a temporary file and renamed, so a crash never leaves half a file. Failures are not fatal. */
async function writeAtomically(directory: string, file: string, data: Buffer): Promise<boolean> {
  const temporary = `${file}.${process.pid}.${++temporaryCount}.tmp`;
  try {
    await fs.mkdir(directory, { recursive: true });
    await fs.writeFile(temporary, data);
    await fs.rename(temporary, file);
    return true;
  } catch {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    return false;
  }
}
