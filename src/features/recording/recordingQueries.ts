import { useQuery } from '@tanstack/react-query';
import { readRecordingFile } from '../../core/recording/parseRecording';
import type { Recording } from '../../core/recording/types';
import { splitInteractionPath } from '../../core/cassette';
import { readCassetteInteractions, type CassetteInteractions } from '../../workers/cassetteClient';
import { ensureMetadata, readSourceBytes, readSourceFile, UndecodableFileError, type SourceFile } from '../../sources/types';
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
    if (file.url || error instanceof UndecodableFileError) throw error;
    throw new FileChangedError(file.path, error instanceof Error ? error.message : String(error));
  }
  if (file.file && text.length === 0 && file.size > 0) throw new FileChangedError(file.path, 'it is now empty');
  const { value, result } = readRecordingFile(text, file.path);
  return result.ok
    ? { file, text, value, recording: result.recording, problem: null }
    : { file, text, value, recording: null, problem: result.error.reason };
}

/**
 * Interactions asked for in the same tick (a test page opens all of a
 * cassette's calls at once) share one read and one parse, in a worker.
 */
const pendingReads = new Map<SourceFile, { indexes: Set<number>; result: Promise<CassetteInteractions> }>();

function readInteractionBatched(file: SourceFile, index: number): Promise<CassetteInteractions> {
  const pending = pendingReads.get(file);
  if (pending) {
    pending.indexes.add(index);
    return pending.result;
  }
  const indexes = new Set([index]);
  const result = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(async () => {
    pendingReads.delete(file);
    let bytes: ArrayBuffer;
    try {
      bytes = await readSourceBytes(file);
    } catch (error) {
      if (file.url) throw error;
      throw new FileChangedError(file.path, error instanceof Error ? error.message : String(error));
    }
    return readCassetteInteractions(file.path, bytes, [...indexes]);
  });
  pendingReads.set(file, { indexes, result });
  return result;
}

/** A cassette is re-read and interaction n picked: interactions are not kept after indexing. */
async function loadInteraction(file: SourceFile, path: string): Promise<LoadedRecording> {
  const index = splitInteractionPath(path)?.index ?? 0;
  const reading = await readInteractionBatched(file, index);
  if (!reading.ok) return { file, text: '', value: undefined, recording: null, problem: reading.reason };
  const item = reading.items.get(index);
  if (!item) throw new FileChangedError(file.path, `it has ${reading.count} interactions now, not ${index}`);
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
