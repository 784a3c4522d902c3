/**
 * Every way of getting files (picker handle, input FileList, drop, bundled
 * samples, later a GitHub PR) becomes a list of SourceFiles. Each is
 * structured-cloneable so it can be handed to a worker as-is, and nothing
 * downstream knows where it came from.
 */
export interface SourceFile {
  /** Relative to the opened folder, `/` separators, without the folder's own name. */
  path: string;
  /** -1 while `metadataPending`. */
  size: number;
  lastModified: number;
  /**
   * Size and time not asked for yet. For an `<input>` file Chromium answers
   * `File.size` with one synchronous lookup per file (about 0.2 ms each,
   * serialised); for a handle it is a `getFile()` round trip. A cold load reads
   * the text first and asks only when the cache needs them.
   */
  metadataPending?: boolean;
  /** Byte length when the folder was indexed, to notice a file changed on disk since. */
  indexedSize?: number;
  file?: File;
  handle?: FileSystemFileHandle;
  url?: string;
}

export interface FolderSource {
  /** What the user opened, for the header and recent list. */
  name: string;
  kind: 'picker' | 'input' | 'drop' | 'samples' | 'server';
  files: SourceFile[];
  /** Files skipped because they are neither *.json nor cassettes (counted, not listed). */
  skippedCount: number;
  /** Kept so the folder can be re-opened in one click. */
  directoryHandle?: FileSystemDirectoryHandle;
}

export { SKIPPED_FOLDERS, isCandidatePath, isJsonRecordingPath } from '../core/recording/candidates';

export async function readSourceBytes(file: SourceFile): Promise<ArrayBuffer> {
  if (file.file) return file.file.arrayBuffer();
  if (file.handle) {
    const snapshot = await file.handle.getFile();
    if (file.metadataPending) adoptSnapshot(file, snapshot);
    return snapshot.arrayBuffer();
  }
  if (file.url) {
    const response = await fetch(file.url);
    if (!response.ok) throw new Error(`HTTP ${response.status} fetching ${file.path}`);
    // Static servers label a `.gz` file `Content-Encoding: gzip` and the browser then hands over
    // the decoded content: compress it again, so a `.yaml.gz` reads the same from a URL as from disk.
    if (/\.gz$/i.test(file.path) && /\bgzip\b/i.test(response.headers.get('content-encoding') ?? '')) {
      return new Response((response.body ?? new Blob([]).stream()).pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
    }
    return response.arrayBuffer();
  }
  throw new Error(`no way to read ${file.path}`);
}

/**
 * The file's text. A leading BOM is dropped unless `keepBom` is set: the
 * compare view needs it, since a BOM-only edit still changes the bytes.
 */
export async function readSourceFile(file: SourceFile, { keepBom = false } = {}): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: keepBom }).decode(await readSourceBytes(file));
}

/** A handle's File carries its size and time: later reads and checks use that snapshot. */
function adoptSnapshot(source: SourceFile, snapshot: File): void {
  source.file = snapshot;
  source.size = snapshot.size;
  source.lastModified = snapshot.lastModified;
  source.metadataPending = false;
}

/**
 * Fills in size and modification time. Handles answer asynchronously, all at
 * once; `<input>` files answer synchronously, so the page is yielded to every
 * few hundred of them.
 */
export async function ensureMetadata(files: SourceFile[]): Promise<void> {
  const fromHandles: Promise<void>[] = [];
  let sinceYield = 0;
  for (const source of files) {
    if (!source.metadataPending) continue;
    if (source.file) {
      source.size = source.file.size;
      source.lastModified = source.file.lastModified;
      source.metadataPending = false;
      if (++sinceYield >= 300) {
        sinceYield = 0;
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    } else if (source.handle) {
      const handle = source.handle;
      fromHandles.push(handle.getFile().then((snapshot) => adoptSnapshot(source, snapshot)));
    }
  }
  await Promise.all(fromHandles);
}
