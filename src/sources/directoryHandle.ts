import { SKIPPED_FOLDERS, isCandidatePath, type FolderSource, type SourceFile } from './types';

interface WalkProgress {
  (found: number): void;
}

/**
 * Walks a directory handle breadth-first. `getFile()` is only metadata until
 * read, so listing stays cheap; the worker reads through the handle.
 */
export async function sourceFromDirectoryHandle(
  root: FileSystemDirectoryHandle,
  kind: FolderSource['kind'],
  onProgress?: WalkProgress,
): Promise<FolderSource> {
  const files: SourceFile[] = [];
  let skippedCount = 0;
  const queue: { dir: FileSystemDirectoryHandle; prefix: string }[] = [{ dir: root, prefix: '' }];
  while (queue.length > 0) {
    const { dir, prefix } = queue.shift()!;
    const pending: Promise<void>[] = [];
    for await (const [name, handle] of dir.entries()) {
      const path = prefix + name;
      if (handle.kind === 'directory') {
        if (!SKIPPED_FOLDERS.has(name)) queue.push({ dir: handle as FileSystemDirectoryHandle, prefix: `${path}/` });
        continue;
      }
      if (!isCandidatePath(path)) {
        skippedCount++;
        continue;
      }
      const fileHandle = handle as FileSystemFileHandle;
      pending.push(
        fileHandle.getFile().then((file) => {
          files.push({ path, size: file.size, lastModified: file.lastModified, file });
        }),
      );
    }
    await Promise.all(pending);
    onProgress?.(files.length);
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { name: root.name, kind, files, skippedCount, directoryHandle: root };
}

export function hasDirectoryPicker(): boolean {
  return typeof window !== 'undefined' && 'showDirectoryPicker' in window;
}

export async function pickDirectory(): Promise<FileSystemDirectoryHandle | null> {
  const picker = (window as unknown as { showDirectoryPicker?: (o?: object) => Promise<FileSystemDirectoryHandle> })
    .showDirectoryPicker;
  if (!picker) return null;
  try {
    return await picker({ mode: 'read', id: 'recordings' });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return null;
    throw error;
  }
}
