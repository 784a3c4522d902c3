/**
 * Many files of a served folder in one response, for Compare: fetching them
 * one request at a time went six at a time (the browser's connections per
 * host), about 9 s for two 1,600-file folders. Each file is a frame:
 *
 *   u32 path length · path (UTF-8) · u8 kind (0 bytes, 1 error) · u32 length · bytes or error (UTF-8)
 *
 * big-endian, in the order the server reads them. A frame is complete on its
 * own, so the page consumes the stream as it arrives.
 */

export interface BundleFrame {
  path: string;
  /** The file's bytes, or null when it could not be read (see `error`). */
  bytes: Uint8Array | null;
  error?: string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeBundleFrame(path: string, content: { bytes: Uint8Array } | { error: string }): Uint8Array[] {
  const pathBytes = encoder.encode(path);
  const body = 'bytes' in content ? content.bytes : encoder.encode(content.error);
  const head = new Uint8Array(4 + pathBytes.length + 1 + 4);
  const view = new DataView(head.buffer);
  view.setUint32(0, pathBytes.length);
  head.set(pathBytes, 4);
  view.setUint8(4 + pathBytes.length, 'bytes' in content ? 0 : 1);
  view.setUint32(4 + pathBytes.length + 1, body.length);
  return [head, body];
}

/** Splits a bundle stream into frames as chunks arrive; `finish` says whether it ended on a frame boundary. */
export class BundleReader {
  private chunks: Uint8Array[] = [];
  private buffered = 0;

  /** Adds a chunk and returns every frame now complete. */
  push(chunk: Uint8Array): BundleFrame[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const frames: BundleFrame[] = [];
    for (;;) {
      const frame = this.next();
      if (!frame) return frames;
      frames.push(frame);
    }
  }

  /** True when no partial frame is left over (a cut stream leaves one). */
  finish(): boolean {
    return this.buffered === 0;
  }

  private next(): BundleFrame | null {
    if (this.buffered < 4) return null;
    const pathLength = this.peekUint32(0);
    if (this.buffered < 4 + pathLength + 5) return null;
    const bodyLength = this.peekUint32(4 + pathLength + 1);
    const total = 4 + pathLength + 5 + bodyLength;
    if (this.buffered < total) return null;
    const frame = this.take(total);
    const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
    const path = decoder.decode(frame.subarray(4, 4 + pathLength));
    const kind = view.getUint8(4 + pathLength);
    const body = frame.subarray(4 + pathLength + 5);
    return kind === 0 ? { path, bytes: body } : { path, bytes: null, error: decoder.decode(body) };
  }

  private peekUint32(offset: number): number {
    const bytes = this.peek(offset, 4);
    return ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  }

  /** `length` bytes from `offset`, across chunk boundaries. */
  private peek(offset: number, length: number): Uint8Array {
    const out = new Uint8Array(length);
    let filled = 0;
    let skip = offset;
    for (const chunk of this.chunks) {
      if (skip >= chunk.length) {
        skip -= chunk.length;
        continue;
      }
      const part = chunk.subarray(skip, Math.min(chunk.length, skip + length - filled));
      out.set(part, filled);
      filled += part.length;
      skip = 0;
      if (filled === length) break;
    }
    return out;
  }

  /** Removes the first `length` bytes; one copy, so a frame never pins the chunks around it. */
  private take(length: number): Uint8Array {
    const out = new Uint8Array(length);
    let filled = 0;
    while (filled < length) {
      const chunk = this.chunks[0]!;
      const part = chunk.subarray(0, Math.min(chunk.length, length - filled));
      out.set(part, filled);
      filled += part.length;
      if (part.length === chunk.length) this.chunks.shift();
      else this.chunks[0] = chunk.subarray(part.length);
    }
    this.buffered -= length;
    return out;
  }
}
