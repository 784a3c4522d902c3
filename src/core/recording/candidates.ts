/** Folders a whole checkout carries that never hold recordings (and can hold thousands of JSON files). */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', '.venv']);

/** Recordings (`*.json`) and VCR cassettes (`*.yaml`, `*.yml`, optionally gzipped). */
const CANDIDATE_NAME = /\.(?:json|ya?ml|ya?ml\.gz)$/i;

function outsideSkippedFolders(path: string): boolean {
  return !path.split(/[\\/]/).some((segment) => SKIPPED_FOLDERS.has(segment));
}

/**
 * Whether a file in an opened folder is read at all: a `*.json` recording or
 * a VCR cassette, outside the skipped folders. One rule for opening a folder
 * and for comparing two. Windows-style separators count as separators.
 */
export function isCandidatePath(path: string): boolean {
  return CANDIDATE_NAME.test(path) && outsideSkippedFolders(path);
}

/** Only `*.json` recordings: for readers that do not read cassettes yet (the command line's index). */
export function isJsonRecordingPath(path: string): boolean {
  return path.toLowerCase().endsWith('.json') && outsideSkippedFolders(path);
}
