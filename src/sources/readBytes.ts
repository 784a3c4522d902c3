import type { SourceFile } from './types';

/**
 * Reading thousands of files at once makes Chromium fail some of them with
 * `NotReadableError` ("could not be read, typically due to permission
 * problems…") although nothing is wrong with them: the browser's file thread
 * gave up under load. So every read is retried with back-off before a file is
 * reported, and callers bound how many reads are in flight
 * (see workers/indexPool.ts).
 */

/** Failures that say something about the file itself: retrying cannot help. */
const PERMANENT_FAILURES = new Set(['NotFoundError', 'NotAllowedError', 'SecurityError', 'AbortError', 'TypeMismatchError']);

export const READ_ATTEMPTS = 5;
/** Back-off before retry n (1-based): 40 ms, 160, 640, 1,500. Long enough for the browser's file thread to drain. */
export function retryDelayMs(attempt: number): number {
  return Math.min(1_500, 40 * 4 ** (attempt - 1));
}

export function isTransientReadError(error: unknown): boolean {
  if (error instanceof DOMException) return !PERMANENT_FAILURES.has(error.name);
  if (error instanceof HttpStatusError) return error.status >= 500 || error.status === 429;
  // A RangeError is an allocation that cannot succeed (a file too large for one buffer).
  return !(error instanceof RangeError);
}

export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    path: string,
  ) {
    super(`HTTP ${status} fetching ${path}`);
    this.name = 'HttpStatusError';
  }
}

/** The browser's own words, with its error name where the message does not carry it. */
export function describeReadError(error: unknown): string {
  if (error instanceof Error) {
    const message = error.message.trim();
    return message ? (error.name && error.name !== 'Error' && !message.includes(error.name) ? `${error.name}: ${message}` : message) : error.name;
  }
  return String(error);
}

/** One attempt: a File directly, a handle through a snapshot (which also learns size and time), a URL by fetch. */
export async function readSourceBytesOnce(file: SourceFile): Promise<ArrayBuffer> {
  if (file.file) return file.file.arrayBuffer();
  if (file.handle) {
    const snapshot = await file.handle.getFile();
    if (file.metadataPending) {
      file.file = snapshot;
      file.size = snapshot.size;
      file.lastModified = snapshot.lastModified;
      file.metadataPending = false;
    }
    return snapshot.arrayBuffer();
  }
  if (file.url) {
    const response = await fetch(file.url);
    if (!response.ok) throw new HttpStatusError(response.status, file.path);
    // Static servers label a `.gz` file `Content-Encoding: gzip` and the browser then hands over
    // the decoded content: compress it again, so a `.yaml.gz` reads the same from a URL as from disk.
    if (/\.gz$/i.test(file.path) && /\bgzip\b/i.test(response.headers.get('content-encoding') ?? '')) {
      return new Response((response.body ?? new Blob([]).stream()).pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
    }
    return response.arrayBuffer();
  }
  throw new Error(`no way to read ${file.path}`);
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface RetryHooks {
  /** Called before each retry: loads use it to read fewer files at once. */
  onTransientFailure?: (error: unknown) => void;
  signal?: AbortSignal;
}

/** Reads a file, retrying transient failures with back-off; throws the last error when every attempt failed. */
export async function readSourceBytesWithRetry(file: SourceFile, hooks: RetryHooks = {}): Promise<ArrayBuffer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await readSourceBytesOnce(file);
    } catch (error) {
      if (attempt >= READ_ATTEMPTS || !isTransientReadError(error) || hooks.signal?.aborted) throw error;
      hooks.onTransientFailure?.(error);
      // A little jitter so files that failed together do not all come back together.
      await wait(retryDelayMs(attempt) * (0.75 + Math.random() * 0.5));
    }
  }
}
