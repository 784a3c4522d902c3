import type { IndexEntry, IndexError } from '../core/index/indexEntry';
import {
  FROM_CACHE_HEADER,
  SERVER_API_PREFIX,
  servedFileUrl,
  servedIndexUrl,
  servedKeysUrl,
  type FolderChangeEvent,
  type ServedFile,
  type ServedFolder,
  type ServedKeys,
  type ServedSession,
  type ServedSide,
} from '../core/served-folder/protocol';
import type { FolderSource, SourceFile } from './types';

/**
 * The "server" folder source: a folder the command line serves
 * (`recording-inspector DIR`). Node has already walked, read and indexed it,
 * so the app receives finished index entries in one response and fetches a
 * recording's text only when it is opened.
 */

/** Set by the command line's server in the page it serves; absent in a static build. */
export function servedSession(): ServedSession | null {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="recording-inspector-session"]');
  if (!meta) return null;
  try {
    const session = JSON.parse(meta.content) as ServedSession;
    return session && typeof session.head?.name === 'string' ? session : null;
  } catch {
    return null;
  }
}

export function servedSourceFile(side: ServedSide, file: ServedFile): SourceFile {
  return { path: file.path, size: file.size, lastModified: file.lastModified, url: servedFileUrl(side, file.path) };
}

export interface ServedIndex {
  source: FolderSource;
  entries: IndexEntry[];
  errors: IndexError[];
  fromCache: number;
  keysPending: boolean;
}

export async function fetchServedIndex(side: ServedSide): Promise<ServedIndex> {
  let response: Response;
  try {
    response = await fetch(servedIndexUrl(side));
  } catch (error) {
    throw new Error(`the recording-inspector server is not reachable (${error instanceof Error ? error.message : String(error)}); is it still running?`);
  }
  if (!response.ok) throw new Error(`the recording-inspector server answered ${response.status}: ${(await response.text()).trim()}`);
  const folder = (await response.json()) as ServedFolder;
  return {
    source: {
      name: folder.name,
      kind: 'server',
      files: folder.files.map((file) => servedSourceFile(side, file)),
      skippedCount: folder.skippedCount,
    },
    entries: folder.entries,
    errors: folder.errors,
    fromCache: Number(response.headers.get(FROM_CACHE_HEADER)) || 0,
    keysPending: folder.keysPending === true,
  };
}

/** The replay keys of a served folder, once the server has computed them (the request waits until then). */
export async function fetchServedKeys(side: ServedSide): Promise<ServedKeys['keys']> {
  const response = await fetch(servedKeysUrl(side));
  if (!response.ok) throw new Error(`the recording-inspector server answered ${response.status}: ${(await response.text()).trim()}`);
  return ((await response.json()) as ServedKeys).keys;
}

/** Changes on disk, as the server watches them; returns the unsubscribe. */
export function subscribeServedChanges(onChange: (event: FolderChangeEvent) => void): () => void {
  const events = new EventSource(`${SERVER_API_PREFIX}events`);
  events.addEventListener('change', (message) => {
    try {
      onChange(JSON.parse((message as MessageEvent<string>).data) as FolderChangeEvent);
    } catch {
      /* a malformed event is dropped; the next one still applies */
    }
  });
  return () => events.close();
}
