/// <reference lib="webworker" />
import { toIndexEntry, type IndexEntry, type IndexError } from '../core/index/indexEntry';
import { parseRecording } from '../core/recording/parseRecording';
import { interactionRecording, isCassettePath, visitCassetteBytes } from '../core/cassette';
import { computeFileKey } from '../core/replay-keys';
import type { IndexRequest, IndexResponse, TextFile } from './protocol';

const decoder = new TextDecoder('utf-8');
// parseRecording has just parsed the text; a file's full list of matching versions is computed when it is opened.
const QUICK_KEY = { quick: true, alreadyValid: true } as const;

function indexOne(file: TextFile, entries: IndexEntry[], errors: IndexError[], keyed: Promise<void>[], withKeys: boolean): void {
  const text = decoder.decode(file.bytes);
  // Size may not be known yet (see SourceFile.metadataPending); the text length stands in for display.
  const size = file.size >= 0 ? file.size : file.bytes.byteLength;
  const meta = { path: file.path, size, lastModified: file.lastModified };
  try {
    const result = parseRecording(text, file.path);
    if (result.ok) {
      const entry = toIndexEntry(result.recording, size, file.lastModified);
      entries.push(entry);
      // The key hashes with WebCrypto (asynchronous): started now, awaited for the whole batch.
      if (withKeys) keyed.push(computeFileKey(file.path, text, QUICK_KEY).then((key) => void (entry.replayKey = key)));
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

// Batches are answered in the order they arrive even though reading is asynchronous (gunzip, key hashing).
let queue: Promise<void> = Promise.resolve();

self.onmessage = (event: MessageEvent<IndexRequest>) => {
  queue = queue.then(async () => {
    const { batchId, files, replayKeys } = event.data;
    const entries: IndexEntry[] = [];
    const errors: IndexError[] = [];
    const keyed: Promise<void>[] = [];
    for (const file of files) {
      if (isCassettePath(file.path)) await indexCassette(file, entries, errors);
      else indexOne(file, entries, errors, keyed, replayKeys !== false);
    }
    // computeFileKey never rejects; allSettled keeps a surprise from losing the batch.
    await Promise.allSettled(keyed);
    const response: IndexResponse = { batchId, entries, errors, fileCount: files.length };
    self.postMessage(response);
  });
};
