/** Folders a whole checkout carries that never hold recordings (and can hold thousands of JSON files). */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', '.venv']);

/**
 * Whether a file in an opened folder is read at all: a `*.json` outside the
 * skipped folders. One rule for opening a folder and for comparing two.
 * Windows-style separators count as separators.
 */
export function isCandidatePath(path: string): boolean {
  if (!path.toLowerCase().endsWith('.json')) return false;
  return !path.split(/[\\/]/).some((segment) => SKIPPED_FOLDERS.has(segment));
}
