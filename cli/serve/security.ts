import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The server's guards, each a plain function so tests can name what they check.
 * The model: any web page the user visits can make the browser send requests to
 * 127.0.0.1, and a rebinding DNS name can make it look same-origin. So every
 * request must carry the random token (first in the printed URL, then in a
 * cookie only this origin gets), and must name the loopback address as its Host.
 */

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** The cookie is per port: two servers on one machine (both 127.0.0.1) do not overwrite each other's. */
export function tokenCookieName(port: number): string {
  return `recording-inspector-${port}`;
}

export function tokenCookie(port: number, token: string): string {
  return `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

/** DNS rebinding: a hostile name resolving to 127.0.0.1 still sends its own name as Host. */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

export function sameToken(given: string | undefined | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function cookieToken(request: IncomingMessage, port: number): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  const name = tokenCookieName(port);
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * A URL path as the segments of a path inside a served folder, or null when it
 * could point anywhere else: `..`, `.`, empty segments, NUL, backslashes (a
 * separator on Windows) and malformed escapes are all refused.
 */
export function safeRelativePath(encoded: string): string | null {
  const segments: string[] = [];
  for (const raw of encoded.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '' || segment === '.' || segment === '..') return null;
    if (segment.includes('\0') || segment.includes('\\') || segment.includes('/')) return null;
    segments.push(segment);
  }
  return segments.length ? segments.join('/') : null;
}
