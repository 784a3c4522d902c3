import { toIndexEntry, type IndexEntry, type IndexError } from '../../src/core/index/indexEntry';
import { parseRecording } from '../../src/core/recording/parseRecording';
import { interactionRecording, visitCassetteBytes } from '../../src/core/cassette';

export interface FileToIndex {
  path: string;
  absolute: string;
  size: number;
  lastModified: number;
}

/** One entry per JSON recording; a cassette gives one per interaction (`entries`, keyed by the cassette's `path`). */
export type IndexedValue = { entry: IndexEntry } | { entries: IndexEntry[]; path: string } | { error: IndexError };

/** A VCR cassette, read as the browser's index worker reads it: one entry per interaction, or one error. */
export async function indexCassetteBytes(file: FileToIndex, bytes: Uint8Array): Promise<IndexedValue> {
  const meta = { path: file.path, size: file.size, lastModified: file.lastModified };
  try {
    const entries: IndexEntry[] = [];
    const result = await visitCassetteBytes(bytes, file.path, (interaction) => {
      entries.push(toIndexEntry(interactionRecording(interaction, file.path), file.size, file.lastModified));
    });
    return result.ok ? { entries, path: file.path } : { error: { ...meta, reason: result.reason } };
  } catch (error) {
    return { error: { ...meta, reason: `internal error while reading the cassette: ${messageOf(error)}` } };
  }
}

const decoder = new TextDecoder('utf-8');

/**
 * The same reading as the browser's index worker: decode as UTF-8, parse,
 * summarise. A file that cannot be read becomes an error line, never a throw.
 */
export function indexBytes(file: FileToIndex, bytes: Uint8Array): IndexedValue {
  const meta = { path: file.path, size: file.size, lastModified: file.lastModified };
  try {
    const result = parseRecording(decoder.decode(bytes), file.path);
    if (result.ok) return { entry: toIndexEntry(result.recording, file.size, file.lastModified) };
    return { error: { ...meta, reason: result.error.reason } };
  } catch (error) {
    return { error: { ...meta, reason: `internal error while parsing: ${messageOf(error)}` } };
  }
}

export function readProblem(file: FileToIndex, error: unknown): IndexedValue {
  return { error: { path: file.path, size: file.size, lastModified: file.lastModified, reason: `could not read the file: ${messageOf(error)}` } };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
