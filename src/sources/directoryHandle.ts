import { SKIPPED_FOLDERS, isCandidatePath, type FolderSource, type SourceFile } from './types';

interface WalkProgress {
  (found: number): void;
}

/**
 * Lists a directory handle, every folder at once (each listing is a round trip
 * to the browser; they overlap rather than queue). Files are not asked for
 * their size and time here: reading one through its handle learns them anyway,
 * and a folder seen before asks for them all at once (see ensureMetadata).
 */
export async function sourceFromDirectoryHandle(
  root: FileSystemDirectoryHandle,
  kind: FolderSource['kind'],
  onProgress?: WalkProgress,
): Promise<FolderSource> {
  const files: SourceFile[] = [];
  let skippedCount = 0;
  const walk = async (dir: FileSystemDirectoryHandle, prefix: string): Promise<void> => {
    const pending: Promise<void>[] = [];
    for await (const [name, handle] of dir.entries()) {
      const path = prefix + name;
      if (handle.kind === 'directory') {
        if (!SKIPPED_FOLDERS.has(name)) pending.push(walk(handle as FileSystemDirectoryHandle, `${path}/`));
        continue;
      }
      if (!isCandidatePath(path)) {
        skippedCount++;
        continue;
      }
      files.push({ path, size: -1, lastModified: -1, metadataPending: true, handle: handle as FileSystemFileHandle });
    }
    await Promise.all(pending);
    onProgress?.(files.length);
  };
  await walk(root, '');
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
