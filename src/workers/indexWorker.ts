/// <reference lib="webworker" />
import { toIndexEntry, type IndexEntry, type IndexError } from '../core/index/indexEntry';
import { bytesToText } from '../core/recording/fileBytes';
import { parseRecording } from '../core/recording/parseRecording';
import type { IndexRequest, IndexResponse, TextFile } from './protocol';

function indexOne(file: TextFile, entries: IndexEntry[], errors: IndexError[]): void {
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
    if (result.ok) entries.push(toIndexEntry(result.recording, size, file.lastModified));
    else errors.push({ ...meta, reason: result.error.reason });
  } catch (error) {
    // parseRecording promises never to throw; if it does, the file still gets a line, not a lost batch.
    errors.push({ ...meta, reason: `internal error while parsing: ${error instanceof Error ? error.message : String(error)}` });
  }
}

self.onmessage = (event: MessageEvent<IndexRequest>) => {
  const { batchId, files } = event.data;
  const entries: IndexEntry[] = [];
  const errors: IndexError[] = [];
  for (const file of files) indexOne(file, entries, errors);
  const response: IndexResponse = { batchId, entries, errors };
  self.postMessage(response);
};

