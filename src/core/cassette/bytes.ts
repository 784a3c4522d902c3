/**
 * Byte-level helpers for cassette bodies: decompression through the platform's
 * DecompressionStream (global in browsers, workers and Node 20), base64,
 * strict UTF-8 and the AWS event-stream prelude check.
 */

export async function decompress(bytes: Uint8Array, format: 'gzip' | 'deflate' | 'deflate-raw'): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream(format));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export function isZstd(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x28 && bytes[1] === 0xb5 && bytes[2] === 0x2f && bytes[3] === 0xfd;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Strict UTF-8 (a leading BOM dropped); undefined when the bytes are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Lenient base64 as Ruby and Python read it: whitespace ignored, missing padding tolerated. */
export function decodeBase64(text: string): Uint8Array | undefined {
  const clean = text.replace(/[\s]/g, '').replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(clean) || clean.length % 4 === 1) return undefined;
  const binary = atob(clean + '='.repeat((4 - (clean.length % 4)) % 4));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

let crcTable: Uint32Array | undefined;

function crc32(bytes: Uint8Array, start: number, end: number): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = start; i < end; i++) crc = crcTable[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function uint32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}

/**
 * An AWS event-stream message starts with total length, headers length and a
 * CRC32 of those 8 bytes: a valid prelude identifies Bedrock streams even when
 * the content type was redacted.
 */
export function hasEventStreamPrelude(bytes: Uint8Array): boolean {
  if (bytes.length < 16) return false;
  const total = uint32(bytes, 0);
  const headers = uint32(bytes, 4);
  if (crc32(bytes, 0, 8) !== uint32(bytes, 8)) return false;
  return total >= 16 && total <= bytes.length && headers <= total - 16;
}

export function isBytes(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array;
}
