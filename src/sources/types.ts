import { bytesToText } from '../core/recording/fileBytes';
import { readSourceBytesWithRetry } from './readBytes';

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

/**
 * Paths identify files everywhere (rows, URLs, the cache), so two files must
 * never share one. Should a source still report a path twice, the later file
 * gets a visible suffix rather than silently standing in for the first.
 */
export function uniquePaths(files: SourceFile[]): SourceFile[] {
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.path)) {
      let n = 2;
      while (seen.has(`${file.path} (${n})`)) n++;
      file.path = `${file.path} (${n})`;
    }
    seen.add(file.path);
  }
  return files;
}

/** The file was read but cannot be had as text (too large, undecodable): a property of the file, not a failed read. */
export class UndecodableFileError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`“${path}” is ${reason}`);
    this.name = 'UndecodableFileError';
  }
}

/** A file's bytes, transient read failures retried (see readBytes.ts). */
export function readSourceBytes(file: SourceFile): Promise<ArrayBuffer> {
  return readSourceBytesWithRetry(file);
}

/**
 * The file's text (UTF-8, or UTF-16 where it says so). A leading BOM is dropped
 * unless `keepBom` is set: the compare view needs it, since a BOM-only edit
 * still changes the bytes. A file too large to hold as text throws, naming its size.
 */
export async function readSourceFile(file: SourceFile, { keepBom = false } = {}): Promise<string> {
  const decoded = bytesToText(await readSourceBytes(file), { keepBom });
  if (!decoded.ok) throw new UndecodableFileError(file.path, decoded.reason);
  return decoded.text;
}

/**
 * Fills in size and modification time. Handles answer asynchronously, all at
 * once; `<input>` files answer synchronously, so the page is yielded to every
 * few hundred of them.
 */
const METADATA_SLICE_MS = 12;

export async function ensureMetadata(files: SourceFile[]): Promise<void> {
  const fromHandles: Promise<void>[] = [];
  // Time-sliced, not counted: after a 31,620-file load these lookups (about 7 s at
  // 0.22 ms each, more on a busy machine) run while the user works, so no slice may
  // become a long task.
  let sliceStart = performance.now();
  let sinceCheck = 0;
  for (const source of files) {
    if (!source.metadataPending) continue;
    if (source.file) {
      source.size = source.file.size;
      source.lastModified = source.file.lastModified;
      source.metadataPending = false;
      if (++sinceCheck >= 8) {
        sinceCheck = 0;
        if (performance.now() - sliceStart >= METADATA_SLICE_MS) {
          await new Promise((resolve) => setTimeout(resolve, 0));
          sliceStart = performance.now();
        }
      }
    } else if (source.handle) {
      const handle = source.handle;
      fromHandles.push(
        handle.getFile().then((snapshot) => {
          source.file = snapshot;
          source.size = snapshot.size;
          source.lastModified = snapshot.lastModified;
          source.metadataPending = false;
        }),
      );
    }
  }
  await Promise.all(fromHandles);
}
