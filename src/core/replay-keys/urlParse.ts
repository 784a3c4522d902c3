/**
 * The two parts of Python's `urllib.parse.urlparse(url)` that replay keys
 * use: `path` (the key's endpoint) and `netloc` (the bedrock test). Written to
 * follow CPython 3.12 step by step, because odd URLs (`vertexai:///x`,
 * `__databricks__/x`, a `;params` tail) must split exactly as there.
 */

// Leading C0 controls and spaces are stripped (not trailing ones), tabs and newlines removed.
const UNSAFE_BYTES = /[\t\r\n]/g;
const SCHEME_CHARS = /^[A-Za-z0-9+\-.]+$/;
// Schemes for which urlparse splits ';params' off the last path segment.
const USES_PARAMS = new Set(['', 'ftp', 'hdl', 'prospero', 'http', 'imap', 'https', 'shttp', 'rtsp', 'rtsps', 'rtspu', 'sip', 'sips', 'mms', 'sftp', 'tel']);

export interface ParsedUrl {
  scheme: string;
  netloc: string;
  path: string;
}

export function pyUrlParse(input: string): ParsedUrl {
  let start = 0;
  while (start < input.length && input.charCodeAt(start) <= 0x20) start++;
  let url = input.slice(start).replace(UNSAFE_BYTES, '');
  let scheme = '';
  const colon = url.indexOf(':');
  if (colon > 0 && /^[A-Za-z]/.test(url) && SCHEME_CHARS.test(url.slice(0, colon))) {
    scheme = url.slice(0, colon).toLowerCase();
    url = url.slice(colon + 1);
  }
  let netloc = '';
  if (url.startsWith('//')) {
    let end = url.length;
    for (const delimiter of ['/', '?', '#']) {
      const at = url.indexOf(delimiter, 2);
      if (at >= 0 && at < end) end = at;
    }
    netloc = url.slice(2, end);
    if (netloc.includes('[') !== netloc.includes(']')) throw new Error(`invalid IPv6 URL (Python's urlparse rejects it)`);
    url = url.slice(end);
  }
  const hash = url.indexOf('#');
  if (hash >= 0) url = url.slice(0, hash);
  const question = url.indexOf('?');
  if (question >= 0) url = url.slice(0, question);
  if (USES_PARAMS.has(scheme) && url.includes(';')) {
    const lastSlash = url.lastIndexOf('/');
    const semicolon = lastSlash >= 0 ? url.indexOf(';', lastSlash) : url.indexOf(';');
    if (semicolon >= 0) url = url.slice(0, semicolon);
  }
  return { scheme, netloc, path: url };
}
