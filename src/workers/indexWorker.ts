/// <reference lib="webworker" />
import { toIndexEntry, type IndexEntry, type IndexError } from '../core/index/indexEntry';
import { parseRecording } from '../core/recording/parseRecording';
import { readSourceFile, type SourceFile } from '../sources/types';
import type { IndexRequest, IndexResponse } from './protocol';

async function indexOne(file: SourceFile, entries: IndexEntry[], errors: IndexError[]): Promise<void> {
  let text: string;
  try {
    text = await readSourceFile(file);
  } catch (error) {
    errors.push({ ...meta(file), reason: `could not read the file: ${describe(error)}` });
    return;
  }
  try {
    const result = parseRecording(text, file.path);
    if (result.ok) entries.push(toIndexEntry(result.recording, file.size, file.lastModified));
    else errors.push({ ...meta(file), reason: result.error.reason });
  } catch (error) {
    // parseRecording promises never to throw; if it does, the file still gets a line, not a lost batch.
    errors.push({ ...meta(file), reason: `internal error while parsing: ${describe(error)}` });
  }
}

function meta(file: SourceFile) {
  return { path: file.path, size: file.size, lastModified: file.lastModified };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

self.onmessage = async (event: MessageEvent<IndexRequest>) => {
  const { batchId, files } = event.data;
  const entries: IndexEntry[] = [];
  const errors: IndexError[] = [];
  await Promise.all(files.map((file) => indexOne(file, entries, errors)));
  const response: IndexResponse = { batchId, entries, errors };
  self.postMessage(response);
};
