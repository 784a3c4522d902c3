import { useQuery } from '@tanstack/react-query';
import { parseRecordingValue } from '../../core/recording/parseRecording';
import type { Recording } from '../../core/recording/types';
import { readCassetteRecordings, splitInteractionPath, type CassetteRecordings } from '../../core/cassette';
import { ensureMetadata, readSourceBytes, readSourceFile, type SourceFile } from '../../sources/types';
import { useFolderState } from '../../state/folderStore';

export interface LoadedRecording {
  file: SourceFile;
  /** The file's text as read now, for the Raw view and copy. */
  text: string;
  value: unknown;
  recording: Recording | null;
  /** Why the file is not a recording, when it is not. */
  problem: string | null;
}

/** Query keys in one place: a recording is cached per load and file version, and evicted when unused. */
export const recordingKeys = {
  all: ['recording'] as const,
  /** Per load and path: a file changed on disk since the load is reported by loadRecording, not re-keyed. */
  detail: (loadId: number, path: string) => ['recording', loadId, path] as const,
};

export class FileChangedError extends Error {
  constructor(path: string, detail: string) {
    super(`“${path}” changed or was deleted after the folder was loaded (${detail}).`);
    this.name = 'FileChangedError';
  }
}

/** The folder file a recording path lives in: itself, or for `<cassette>#<n>` the cassette. */
export function fileForRecordingPath(filesByPath: ReadonlyMap<string, SourceFile>, path: string): SourceFile | undefined {
  const direct = filesByPath.get(path);
  if (direct) return direct;
  const split = splitInteractionPath(path);
  return split ? filesByPath.get(split.file) : undefined;
}

export async function loadRecording(file: SourceFile, path: string = file.path): Promise<LoadedRecording> {
  try {
    await ensureMetadata([file]);
  } catch (error) {
    throw new FileChangedError(file.path, error instanceof Error ? error.message : String(error));
  }
  if (file.file && file.indexedSize !== undefined && file.size !== file.indexedSize) {
    throw new FileChangedError(file.path, `it was ${file.indexedSize.toLocaleString()} bytes when indexed and is ${file.size.toLocaleString()} now`);
  }
  if (file.handle) {
    const current = await file.handle.getFile().catch((error: unknown) => {
      throw new FileChangedError(file.path, String(error));
    });
    if (current.lastModified !== file.lastModified || current.size !== file.size) {
      throw new FileChangedError(file.path, 'its size or modification time differs');
    }
  }
  if (path !== file.path) return loadInteraction(file, path);
  let text: string;
  try {
    text = await readSourceFile(file);
  } catch (error) {
    if (file.url) throw error;
    throw new FileChangedError(file.path, error instanceof Error ? error.message : String(error));
  }
  if (file.file && text.length === 0 && file.size > 0) throw new FileChangedError(file.path, 'it is now empty');
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    return { file, text, value: undefined, recording: null, problem: `not valid JSON: ${(error as Error).message}` };
  }
  const result = parseRecordingValue(value, file.path);
  return result.ok
    ? { file, text, value, recording: result.recording, problem: null }
    : { file, text, value, recording: null, problem: result.error.reason };
}

/**
 * The last cassette read, briefly: a test page opens all of a cassette's
 * interactions at once, and they should cost one read and one parse.
 */
let lastCassette: { file: SourceFile; reading: Promise<CassetteRecordings>; timer: ReturnType<typeof setTimeout> } | null = null;
const CASSETTE_KEEP_MS = 30_000;

function readCassetteOnce(file: SourceFile): Promise<CassetteRecordings> {
  if (lastCassette?.file === file) return lastCassette.reading;
  if (lastCassette) clearTimeout(lastCassette.timer);
  const reading = readSourceBytes(file).then(
    (bytes) => readCassetteRecordings(new Uint8Array(bytes), file.path),
    (error: unknown) => {
      if (file.url) throw error;
      throw new FileChangedError(file.path, error instanceof Error ? error.message : String(error));
    },
  );
  const entry = { file, reading, timer: setTimeout(() => lastCassette === entry && (lastCassette = null), CASSETTE_KEEP_MS) };
  lastCassette = entry;
  reading.catch(() => lastCassette === entry && (lastCassette = null));
  return reading;
}

/** A cassette is re-read and interaction n picked: interactions are not kept after indexing. */
async function loadInteraction(file: SourceFile, path: string): Promise<LoadedRecording> {
  const index = splitInteractionPath(path)?.index ?? 0;
  const reading = await readCassetteOnce(file);
  if (!reading.ok) return { file, text: '', value: undefined, recording: null, problem: reading.reason };
  const item = reading.items[index - 1];
  if (!item) {
    throw new FileChangedError(file.path, `it has ${reading.items.length} interactions now, not ${index}`);
  }
  return { file, text: JSON.stringify(item.value, null, 2), value: item.value, recording: item.recording, problem: null };
}

export function useRecording(path: string) {
  const folder = useFolderState();
  const file = fileForRecordingPath(folder.filesByPath, path);
  return {
    file,
    folder,
    query: useQuery({
      queryKey: recordingKeys.detail(folder.loadId, path),
      queryFn: () => loadRecording(file!, path),
      enabled: Boolean(file),
    }),
  };
}
