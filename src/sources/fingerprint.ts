import type { SourceFile } from './types';

/**
 * A cached index entry is only trusted for a file whose first bytes hash the
 * same as when it was indexed. Path, size and modification time alone are
 * cheap to fake: a second folder with the same name, paths, sizes and times
 * was once shown from the first folder's cache (the list said one answer, the
 * detail another). Reading a few KB per file is far cheaper than reading and
 * parsing every file again.
 */
export const FINGERPRINT_BYTES = 4096;

/** FNV-1a over the first bytes, mixed with the length; not cryptographic, only to tell two versions of a file apart. */
export function fingerprintBytes(buffer: ArrayBuffer, totalLength = buffer.byteLength): number {
  const bytes = new Uint8Array(buffer, 0, Math.min(buffer.byteLength, FINGERPRINT_BYTES));
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    hash ^= bytes[i]!;
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= totalLength;
  hash = Math.imul(hash, 0x01000193);
  return hash >>> 0;
}

const IN_FLIGHT = 64;

/**
 * Reads the first bytes of each file (size and time must already be known)
 * and records `file.fingerprint`. A file that cannot be read keeps none, so its
 * cached entry is not used and the file is read again in full.
 */
export async function fingerprintFiles(files: SourceFile[], signal: AbortSignal): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < files.length && !signal.aborted) {
      const file = files[next++]!;
      if (!file.file) continue;
      try {
        file.fingerprint = fingerprintBytes(await file.file.slice(0, FINGERPRINT_BYTES).arrayBuffer(), file.size);
      } catch {
        // Read again in full later, where a persisting failure is reported with the browser's reason.
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, files.length) }, lane));
}
