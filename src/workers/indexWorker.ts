/// <reference lib="webworker" />
import { toIndexEntry, type IndexEntry, type IndexError } from '../core/index/indexEntry';
import { bytesToText } from '../core/recording/fileBytes';
import { parseRecording } from '../core/recording/parseRecording';
import { interactionRecording, isCassettePath, visitCassetteBytes } from '../core/cassette';
import { computeFileKeys } from '../core/replay-keys';
import type { IndexRequest, IndexResponse, ReplayKeysRequest, ReplayKeysResponse, TextFile } from './protocol';
import type { ReplayKeysMode } from './replayKeysSetting';

// parseRecording has just parsed the text; a quick key stops at the newest version that reproduces the
// name, and a file's full list of matching versions is computed when it is opened.
const QUICK_KEY = { quick: true, alreadyValid: true } as const;

/**
 * Replay keys are hashed with each batch as it is parsed, or once the load's
 * batches are all in (see ReplayKeysMode and ReplayKeysRequest); either way
 * many files at a time, so WebCrypto's digests go out in rounds (see
 * computeFileKeys). In the second case
 * each recording keeps only the text up to its response until then: the
 * recorder writes `request` before `response` with indent=2, so that prefix
 * holds what the key needs and is a small part of the file.
 */
let pendingKeys: { path: string; text: string }[] = [];

const decoder = new TextDecoder();
const RESPONSE_MEMBER = new TextEncoder().encode('\n  "response": ');

/** Where the top-level `response` member starts in the file's bytes (an ASCII line), or -1. */
function responseOffset(bytes: Uint8Array): number {
  for (let at = bytes.indexOf(0x0a); at >= 0 && at + RESPONSE_MEMBER.length <= bytes.length; at = bytes.indexOf(0x0a, at + 1)) {
    let found = true;
    for (let i = 1; i < RESPONSE_MEMBER.length; i++) {
      if (bytes[at + i] !== RESPONSE_MEMBER[i]) {
        found = false;
        break;
      }
    }
    if (found) return at;
  }
  return -1;
}

/**
 * The members before the response, closed as an object of their own, decoded
 * from the bytes on their own: a slice of the file's text would keep the whole
 * text alive until the keys are done (every file of the folder, in the worker).
 * Any file laid out otherwise is kept whole.
 */
function keyText(bytes: Uint8Array, text: string): string {
  const cut = responseOffset(bytes);
  if (cut < 0) return text;
  const head = decoder.decode(bytes.subarray(0, cut)).trimEnd();
  if (!head.includes('\n  "request": ') || !head.endsWith(',')) return text;
  return head.slice(0, -1) + '\n}';
}

/** A parsed recording whose key is hashed with the rest of its batch (ReplayKeysMode `during`). */
interface KeyJob {
  entry: IndexEntry;
  path: string;
  text: string;
}

function indexOne(file: TextFile, entries: IndexEntry[], errors: IndexError[], keys: ReplayKeysMode, keyJobs: KeyJob[]): void {
  // Size may not be known yet (see SourceFile.metadataPending); the text length stands in for display.
  const size = file.size >= 0 ? file.size : file.bytes.byteLength;
  const meta = { path: file.path, size, lastModified: file.lastModified };
  const decoded = bytesToText(file.bytes);
  if (!decoded.ok) {
    errors.push({ ...meta, reason: decoded.reason });
    return;
  }
  try {
    const result = parseRecording(decoded.text, file.path);
    if (result.ok) {
      const entry = toIndexEntry(result.recording, size, file.lastModified);
      if (keys === 'during') keyJobs.push({ entry, path: file.path, text: decoded.text });
      else if (keys === 'after') pendingKeys.push({ path: file.path, text: keyText(new Uint8Array(file.bytes), decoded.text) });
      entries.push(entry);
    } else errors.push({ ...meta, reason: result.error.reason });
  } catch (error) {
    // parseRecording promises never to throw; if it does, the file still gets a line, not a lost batch.
    errors.push({ ...meta, reason: `internal error while parsing: ${error instanceof Error ? error.message : String(error)}` });
  }
}

/** A cassette is one file holding many interactions: one entry each (`<path>#<n>`), or one error for the file. */
async function indexCassette(file: TextFile, entries: IndexEntry[], errors: IndexError[]): Promise<void> {
  const size = file.size >= 0 ? file.size : file.bytes.byteLength;
  try {
    // Entries are made as interactions are read, so a big cassette never holds all its parsed streams at once.
    const mine: IndexEntry[] = [];
    const result = await visitCassetteBytes(new Uint8Array(file.bytes), file.path, (interaction) => {
      mine.push(toIndexEntry(interactionRecording(interaction, file.path), size, file.lastModified));
    });
    if (!result.ok) {
      errors.push({ path: file.path, size, lastModified: file.lastModified, reason: result.reason });
      return;
    }
    for (const entry of mine) entries.push(entry);
  } catch (error) {
    errors.push({ path: file.path, size, lastModified: file.lastModified, reason: `internal error while reading the cassette: ${error instanceof Error ? error.message : String(error)}` });
  }
}

async function replayKeys(): Promise<ReplayKeysResponse> {
  const files = pendingKeys;
  pendingKeys = [];
  // computeFileKeys never throws: an unhashable request gets a key that says why.
  const keys = await computeFileKeys(files, QUICK_KEY);
  return { type: 'replay-keys', keys: files.map(({ path }, i) => [path, keys[i]!]) };
}

// Messages are answered in the order they arrive even though cassettes are read asynchronously (gunzip).
let queue: Promise<void> = Promise.resolve();

self.onmessage = (event: MessageEvent<IndexRequest | ReplayKeysRequest>) => {
  queue = queue.then(async () => {
    const request = event.data;
    if ('type' in request && request.type === 'replay-keys') {
      self.postMessage(await replayKeys());
      return;
    }
    const { batchId, files, replayKeys: keys = 'after' } = request as IndexRequest;
    const entries: IndexEntry[] = [];
    const errors: IndexError[] = [];
    const keyJobs: KeyJob[] = [];
    for (const file of files) {
      if (isCassettePath(file.path)) await indexCassette(file, entries, errors);
      else indexOne(file, entries, errors, keys, keyJobs);
    }
    if (keyJobs.length > 0) {
      const computed = await computeFileKeys(keyJobs, QUICK_KEY);
      keyJobs.forEach(({ entry }, i) => (entry.replayKey = computed[i]));
    }
    const response: IndexResponse = { batchId, entries, errors, fileCount: files.length };
    self.postMessage(response);
  });
};
