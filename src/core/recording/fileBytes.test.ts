import { describe, expect, it } from 'vitest';
import { bytesToText, MAX_TEXT_BYTES } from './fileBytes';
import { parseRecording } from './parseRecording';
import { concatBytes } from '../../../testing/bytes';

const json = '{"request": {"body": {}}, "response": {"body": "naïve ✓"}}';

/** UTF-16 code units written out byte by byte, independent of the decoder under test. */
function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), littleEndian);
  return bytes;
}
const concat = concatBytes;
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('file bytes to text', () => {
  it('decodes UTF-8, and UTF-16 in either byte order with or without a BOM', () => {
    const utf16le = utf16(json, true);
    const utf16be = utf16(json, false);
    const cases: [string, Uint8Array, string][] = [
      ['utf-8', utf8(json), 'utf-8'],
      ['utf-8 with BOM', concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(json)), 'utf-8'],
      ['utf-16le with BOM', concat(new Uint8Array([0xff, 0xfe]), utf16le), 'utf-16le'],
      ['utf-16le', utf16le, 'utf-16le'],
      ['utf-16be with BOM', concat(new Uint8Array([0xfe, 0xff]), utf16be), 'utf-16be'],
      ['utf-16be', utf16be, 'utf-16be'],
    ];
    for (const [name, bytes, encoding] of cases) {
      const result = bytesToText(bytes);
      expect(result, name).toEqual({ ok: true, text: json, encoding });
    }
  });

  it('still calls a binary file binary', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const decoded = bytesToText(png);
    expect(decoded.ok && parseRecording(decoded.text, 'x.json')).toMatchObject({ ok: false, error: { reason: 'binary content (NUL bytes)' } });
  });

  it('names a file too large to hold as text, with its size, instead of decoding it', () => {
    const result = bytesToText(new Uint8Array(MAX_TEXT_BYTES + 1));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^too large to read in the browser: 256 MB/);
  });
});
