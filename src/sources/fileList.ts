import { isCandidatePath, uniquePaths, type FolderSource, type SourceFile } from './types';

/** `<input webkitdirectory>` reports `folder/sub/file.json`; the folder's own name is stripped. */
export function sourceFromFileList(list: FileList | File[], kind: FolderSource['kind'] = 'input'): FolderSource {
  const all = Array.from(list);
  const first = all[0];
  const rootName = first?.webkitRelativePath?.split('/')[0] ?? 'folder';
  const files: SourceFile[] = [];
  let skippedCount = 0;
  for (const file of all) {
    const path = stripRoot(relativePath(file), rootName);
    if (!isCandidatePath(path)) {
      skippedCount++;
      continue;
    }
    files.push({ path, size: -1, lastModified: -1, metadataPending: true, file });
  }
  return { name: rootName, kind, files: uniquePaths(files), skippedCount };
}

/**
 * Chromium reports a file named `back\slash.json` with the relative path
 * `…/back/slash.json`, the same as `slash.json` in a folder `back`. The file's
 * own name keeps the backslash, so the last segment is taken from it.
 */
function relativePath(file: File): string {
  const relative = file.webkitRelativePath;
  if (!relative) return file.name;
  if (!file.name.includes('\\')) return relative;
  const asReported = file.name.replace(/\\/g, '/');
  return relative.endsWith(asReported) ? relative.slice(0, relative.length - asReported.length) + file.name : relative;
}

function stripRoot(relative: string, rootName: string): string {
  const prefix = `${rootName}/`;
  return relative.startsWith(prefix) ? relative.slice(prefix.length) : relative;
}
