/**
 * Every way of getting files (picker handle, input FileList, drop, bundled
 * samples, later a GitHub PR) becomes a list of SourceFiles. Each is
 * structured-cloneable so it can be handed to a worker as-is, and nothing
 * downstream knows where it came from.
 */
export interface SourceFile {
  /** Relative to the opened folder, `/` separators, without the folder's own name. */
  path: string;
  size: number;
  lastModified: number;
  file?: File;
  handle?: FileSystemFileHandle;
  url?: string;
}

export interface FolderSource {
  /** What the user opened, for the header and recent list. */
  name: string;
  kind: 'picker' | 'input' | 'drop' | 'samples';
  files: SourceFile[];
  /** Files skipped because they are not *.json (counted, not listed). */
  skippedCount: number;
  /** Kept so the folder can be re-opened in one click. */
  directoryHandle?: FileSystemDirectoryHandle;
}

export const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.venv']);

export function isCandidatePath(path: string): boolean {
  if (!path.toLowerCase().endsWith('.json')) return false;
  return !path.split('/').some((segment) => SKIPPED_FOLDERS.has(segment));
}

export async function readSourceFile(file: SourceFile): Promise<string> {
  if (file.file) return file.file.text();
  if (file.handle) return (await file.handle.getFile()).text();
  if (file.url) {
    const response = await fetch(file.url);
    if (!response.ok) throw new Error(`HTTP ${response.status} fetching ${file.path}`);
    return response.text();
  }
  throw new Error(`no way to read ${file.path}`);
}
