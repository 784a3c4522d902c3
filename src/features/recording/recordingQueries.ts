import { useQuery } from '@tanstack/react-query';
import { readRecordingFile } from '../../core/recording/parseRecording';
import type { Recording } from '../../core/recording/types';
import { ensureMetadata, readSourceFile, type SourceFile } from '../../sources/types';
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

export async function loadRecording(file: SourceFile): Promise<LoadedRecording> {
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
  let text: string;
  try {
    text = await readSourceFile(file);
  } catch (error) {
    if (file.url) throw error;
    throw new FileChangedError(file.path, error instanceof Error ? error.message : String(error));
  }
  if (file.file && text.length === 0 && file.size > 0) throw new FileChangedError(file.path, 'it is now empty');
  const { value, result } = readRecordingFile(text, file.path);
  return result.ok
    ? { file, text, value, recording: result.recording, problem: null }
    : { file, text, value, recording: null, problem: result.error.reason };
}

export function useRecording(path: string) {
  const folder = useFolderState();
  const file = folder.filesByPath.get(path);
  return {
    file,
    folder,
    query: useQuery({
      queryKey: recordingKeys.detail(folder.loadId, path),
      queryFn: () => loadRecording(file!),
      enabled: Boolean(file),
    }),
  };
}
