import { sourceFromDirectoryHandle } from './directoryHandle';
import { SKIPPED_FOLDERS, isCandidatePath, type FolderSource, type SourceFile } from './types';

/**
 * A dropped folder: the File System Access handle where the browser offers it
 * (so it can be re-opened later), else the older entry API.
 */
export async function sourceFromDrop(dataTransfer: DataTransfer): Promise<FolderSource | null> {
  const items = Array.from(dataTransfer.items).filter((item) => item.kind === 'file');
  if (items.length === 0) return null;
  const first = items[0]!;
  // Both calls must start synchronously inside the drop event, before any await.
  const withHandle = first as DataTransferItem & { getAsFileSystemHandle?: () => Promise<FileSystemHandle | null> };
  const handlePromise = withHandle.getAsFileSystemHandle?.();
  const entry = first.webkitGetAsEntry?.() ?? null;
  if (handlePromise) {
    const handle = await handlePromise.catch(() => null);
    if (handle && handle.kind === 'directory') {
      return sourceFromDirectoryHandle(handle as FileSystemDirectoryHandle, 'drop');
    }
  }
  if (entry && entry.isDirectory) return sourceFromEntry(entry as FileSystemDirectoryEntry);
  return null;
}

async function sourceFromEntry(root: FileSystemDirectoryEntry): Promise<FolderSource> {
  const files: SourceFile[] = [];
  let skippedCount = 0;
  const queue: { dir: FileSystemDirectoryEntry; prefix: string }[] = [{ dir: root, prefix: '' }];
  while (queue.length > 0) {
    const { dir, prefix } = queue.shift()!;
    const children = await readAllEntries(dir);
    const pending: Promise<void>[] = [];
    for (const child of children) {
      const path = prefix + child.name;
      if (child.isDirectory) {
        if (!SKIPPED_FOLDERS.has(child.name)) {
          queue.push({ dir: child as FileSystemDirectoryEntry, prefix: `${path}/` });
        }
      } else if (!isCandidatePath(path)) {
        skippedCount++;
      } else {
        pending.push(
          new Promise<File>((resolve, reject) => (child as FileSystemFileEntry).file(resolve, reject)).then((file) => {
            files.push({ path, size: file.size, lastModified: file.lastModified, file });
          }),
        );
      }
    }
    await Promise.all(pending);
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { name: root.name, kind: 'drop', files, skippedCount };
}

/** readEntries returns at most ~100 entries per call; keep calling until it returns none. */
async function readAllEntries(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}
