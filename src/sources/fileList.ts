import { isCandidatePath, type FolderSource, type SourceFile } from './types';

/** `<input webkitdirectory>` reports `folder/sub/file.json`; the folder's own name is stripped. */
export function sourceFromFileList(list: FileList | File[], kind: FolderSource['kind'] = 'input'): FolderSource {
  const all = Array.from(list);
  const first = all[0];
  const rootName = first?.webkitRelativePath?.split('/')[0] ?? 'folder';
  const files: SourceFile[] = [];
  let skippedCount = 0;
  for (const file of all) {
    const relative = file.webkitRelativePath || file.name;
    const path = stripRoot(relative, rootName);
    if (!isCandidatePath(path)) {
      skippedCount++;
      continue;
    }
    files.push({ path, size: -1, lastModified: -1, metadataPending: true, file });
  }
  return { name: rootName, kind, files, skippedCount };
}

function stripRoot(relative: string, rootName: string): string {
  const prefix = `${rootName}/`;
  return relative.startsWith(prefix) ? relative.slice(prefix.length) : relative;
}
