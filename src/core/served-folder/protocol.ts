import type { IndexEntry, IndexError } from '../index/indexEntry';
import type { FileKey } from '../replay-keys';

/**
 * What the command line's local server (`recording-inspector DIR`) and the app
 * say to each other. The server walks, reads and indexes the folder in Node and
 * sends the finished index in one response; the app fetches a recording's text
 * only when it is opened. Types only, so both sides agree at compile time.
 */

/** Every route of the server's own API lives under this prefix; everything else is the app. */
export const SERVER_API_PREFIX = '/__ri/';

/** `head` is the folder given as DIR; `base` the one given with `--compare`. */
export type ServedSide = 'head' | 'base';

export interface ServedFile {
  /** Relative to the served folder, `/` separators. */
  path: string;
  size: number;
  lastModified: number;
}

export interface ServedFolder {
  side: ServedSide;
  /** The folder's own name, for the header. */
  name: string;
  files: ServedFile[];
  entries: IndexEntry[];
  errors: IndexError[];
  /** Files that are not `*.json` (counted, not listed). */
  skippedCount: number;
  /**
   * The entries come without their replay keys, which follow from `keys/<side>`:
   * keys cost several times the rest of indexing on a first read, and make up a
   * third of the index by size, so the listing never waits for them.
   */
  keysPending: boolean;
}

/** `GET /__ri/keys/<side>`: answered once every entry's replay key is known. */
export interface ServedKeys {
  keys: Record<string, FileKey>;
}

/**
 * On the index response: how many entries came from the server's on-disk cache.
 * A header, not part of the body, so an unchanged folder's saved body is sent as is.
 */
export const FROM_CACHE_HEADER = 'X-Recording-Inspector-From-Cache';

/** `GET /__ri/session`: which folders this server serves. */
export interface ServedSession {
  head: { name: string };
  base: { name: string } | null;
}

/** One server-sent event on `/__ri/events`: files of a side changed on disk. */
export interface FolderChangeEvent {
  side: ServedSide;
  /** Files added or rewritten, with their fresh index entry or error. */
  changed: ServedFile[];
  entries: IndexEntry[];
  errors: IndexError[];
  /** Paths no longer on disk. */
  removed: string[];
}

export function servedIndexUrl(side: ServedSide): string {
  return `${SERVER_API_PREFIX}index/${side}`;
}

export function servedKeysUrl(side: ServedSide): string {
  return `${SERVER_API_PREFIX}keys/${side}`;
}

export function servedFileUrl(side: ServedSide, path: string): string {
  return `${SERVER_API_PREFIX}file/${side}/${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** Every file of a side in one response (see bundle.ts), for Compare. */
export function servedBundleUrl(side: ServedSide): string {
  return `${SERVER_API_PREFIX}bundle/${side}`;
}

/** The served side a file URL belongs to, or null for any other URL. */
export function servedSideOf(url: string): ServedSide | null {
  for (const side of ['head', 'base'] as const) if (url.startsWith(`${SERVER_API_PREFIX}file/${side}/`)) return side;
  return null;
}
