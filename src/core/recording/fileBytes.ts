/**
 * Turns a file's bytes into text, before any JSON is parsed. Recorders write
 * UTF-8, but a file saved by an editor on Windows may be UTF-16, and a file can
 * be larger than a browser tab can hold as one string.
 */

/**
 * Largest file decoded into a string. V8 strings stop at about 512 M
 * characters (a larger decode comes back empty, which once listed a 560 MB
 * file as "empty file"), and parsing needs several times the text in memory.
 */
export const MAX_TEXT_BYTES = 256 * 1024 * 1024;

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export type BytesToText = { ok: true; text: string; encoding: TextEncodingName } | { ok: false; reason: string };

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / 1024 ** 2).toLocaleString('en')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024).toLocaleString('en')} KB`;
  return `${bytes} bytes`;
}

export function tooLargeReason(size: number): string {
  return `too large to read in the browser: ${formatBytes(size)}, over the ${formatBytes(MAX_TEXT_BYTES)} one file can be read as text in this page`;
}

/**
 * UTF-16 is recognised by its byte-order mark, or, without one, by JSON's
 * first character being ASCII: `{` in UTF-16LE is `7B 00`, in UTF-16BE `00 7B`.
 */
export function sniffEncoding(bytes: Uint8Array): TextEncodingName {
  if (bytes.length >= 2) {
    const [first, second] = [bytes[0]!, bytes[1]!];
    if (first === 0xff && second === 0xfe) return 'utf-16le';
    if (first === 0xfe && second === 0xff) return 'utf-16be';
    // Four bytes agreeing rule out a binary file that happens to start with one NUL.
    if (bytes.length >= 4) {
      if (first !== 0 && second === 0 && bytes[2] !== 0 && bytes[3] === 0) return 'utf-16le';
      if (first === 0 && second !== 0 && bytes[2] === 0 && bytes[3] !== 0) return 'utf-16be';
    }
  }
  return 'utf-8';
}

const decoders = new Map<string, TextDecoder>();
function decoderFor(encoding: TextEncodingName, keepBom: boolean): TextDecoder {
  const key = `${encoding}:${keepBom}`;
  let decoder = decoders.get(key);
  if (!decoder) {
    decoder = new TextDecoder(encoding, { ignoreBOM: keepBom });
    decoders.set(key, decoder);
  }
  return decoder;
}

/**
 * The file's text, or why it cannot be had. A leading BOM is dropped unless
 * `keepBom` is set (the compare view needs it: a BOM-only edit still changes the bytes).
 */
export function bytesToText(buffer: ArrayBuffer | Uint8Array, { keepBom = false } = {}): BytesToText {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  if (bytes.byteLength > MAX_TEXT_BYTES) return { ok: false, reason: tooLargeReason(bytes.byteLength) };
  const encoding = sniffEncoding(bytes);
  try {
    return { ok: true, text: decoderFor(encoding, keepBom).decode(bytes), encoding };
  } catch (error) {
    return { ok: false, reason: `could not decode the file as ${encoding}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
