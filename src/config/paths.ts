/**
 * Every URL of the app, in one place: the route patterns the router is built
 * from, the links the views write, and the reading of an address back into
 * what it names. Pure TypeScript, so features, app and tests share it.
 *
 * File paths and test ids are untrusted text: they may hold `#`, `?`, `%`,
 * newlines or lone surrogates. `encodeURIComponent` throws on a lone
 * surrogate, `decodeURIComponent` throws on a malformed escape, and
 * react-router decodes an address before matching it against patterns whose
 * `.` cannot cross a line terminator (a file name with a newline used to
 * replace the whole app with the router's 404). So links are written by
 * `encodeSegment` and read by `decodeSegment`, which never throw.
 */

export const routePatterns = {
  home: '/',
  browse: '/browse',
  recording: '/r/*',
  test: '/t/:testKey',
  compare: '/compare',
  deadWeight: '/dead-weight',
  notFound: '*',
} as const;

const RECORDING_PREFIX = '/r/';
const TEST_PREFIX = '/t/';

export const paths = {
  home: () => '/',
  browse: () => '/browse',
  compare: () => '/compare',
  deadWeight: () => '/dead-weight',
  /** `/r/<path>`, each path segment encoded; `search` is appended as given (`?chunk=3`). */
  recording: (path: string, search = '') => RECORDING_PREFIX + path.split('/').map(encodeSegment).join('/') + search,
  /** `/t/<test key>`: the whole key is one segment (its slashes encoded). */
  test: (testKey: string, search = '') => TEST_PREFIX + encodeSegment(testKey) + search,
} as const;

/** What an address names, read without throwing. */
export type AppAddress =
  | { page: 'home' }
  | { page: 'browse' }
  | { page: 'compare' }
  | { page: 'recording'; path: string }
  | { page: 'test'; testKey: string }
  /** A recording or test address whose escapes do not decode: shown as a message, never thrown. */
  | { page: 'malformed'; kind: 'recording' | 'test'; raw: string }
  | { page: 'other' };

export function readAddress(pathname: string): AppAddress {
  if (pathname === '/') return { page: 'home' };
  if (pathname === '/browse' || pathname === '/browse/') return { page: 'browse' };
  if (pathname === '/compare' || pathname === '/compare/') return { page: 'compare' };
  if (pathname.startsWith(RECORDING_PREFIX)) {
    const raw = pathname.slice(RECORDING_PREFIX.length);
    const segments = raw.split('/').map(decodeSegment);
    if (segments.some((segment) => segment === null)) return { page: 'malformed', kind: 'recording', raw };
    return { page: 'recording', path: segments.join('/') };
  }
  if (pathname.startsWith(TEST_PREFIX)) {
    const raw = pathname.slice(TEST_PREFIX.length);
    const testKey = decodeSegment(raw);
    if (testKey === null) return { page: 'malformed', kind: 'test', raw };
    return { page: 'test', testKey };
  }
  return { page: 'other' };
}

/** A search string (`?a=1&b=2`, or '' when empty) with `patch` applied; `null` removes a key. */
export function withSearch(search: string | URLSearchParams, patch: Record<string, string | null>): string {
  const params = new URLSearchParams(search);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) params.delete(key);
    else params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * One path segment as URL text. Ordinary characters are written as
 * `encodeURIComponent` writes them. It cannot carry a lone surrogate (it
 * throws), and a line terminator it does carry (`%0A`) reaches react-router's
 * matcher decoded, which then matches no route at all. Those code units are
 * written as `;` and four hex digits instead (`line;000Abreak.json`): a bare
 * `;` never comes out of `encodeURIComponent` (it writes `%3B`), the router and
 * the dev server decode it as itself, and only `decodeSegment` reads it back.
 */
export function encodeSegment(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += encodeURIComponent(text.slice(i, i + 2));
        i++;
        continue;
      }
    }
    out += needsPrivateEscape(unit) ? `;${unit.toString(16).toUpperCase().padStart(4, '0')}` : encodeURIComponent(text[i]!);
  }
  return out;
}

function needsPrivateEscape(unit: number): boolean {
  return (unit >= 0xd800 && unit <= 0xdfff) || unit === 0x0a || unit === 0x0d || unit === 0x2028 || unit === 0x2029;
}

/**
 * Reads a segment written by `encodeSegment` (or typed by a person, or
 * mangled by one). Returns null for a malformed escape (`%E0%A4%A`, a lone
 * `%`, invalid UTF-8) instead of throwing.
 */
export function decodeSegment(segment: string): string | null {
  let out = '';
  let i = 0;
  const byteAt = (at: number): number | null => {
    if (segment[at] !== '%') return null;
    const hex = segment.slice(at + 1, at + 3);
    return /^[0-9a-fA-F]{2}$/.test(hex) ? parseInt(hex, 16) : null;
  };
  while (i < segment.length) {
    const char = segment[i]!;
    if (char === ';' && /^[0-9A-Fa-f]{4}$/.test(segment.slice(i + 1, i + 5))) {
      const unit = parseInt(segment.slice(i + 1, i + 5), 16);
      // Only the code units encodeSegment escapes this way; any other `;` is itself.
      if (needsPrivateEscape(unit)) {
        out += String.fromCharCode(unit);
        i += 5;
        continue;
      }
    }
    if (char !== '%') {
      out += char;
      i++;
      continue;
    }
    const lead = byteAt(i);
    if (lead === null) return null;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return null;
    let value = length === 1 ? lead : lead & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const continuation = byteAt(i + k * 3);
      if (continuation === null || (continuation & 0xc0) !== 0x80) return null;
      value = (value << 6) | (continuation & 0x3f);
    }
    i += length * 3;
    // Overlong forms, surrogates and values past Unicode are not UTF-8.
    if (length === 2 && value < 0x80) return null;
    if (length === 3 && (value < 0x800 || (value >= 0xd800 && value <= 0xdfff))) return null;
    if (length === 4 && (value < 0x10000 || value > 0x10ffff)) return null;
    out += String.fromCodePoint(value);
  }
  return out;
}
