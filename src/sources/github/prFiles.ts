/**
 * Turns GitHub's list of a PR's changed files into what each side of the
 * compare needs: which path to fetch at the base commit and which at the head.
 * Unchanged files are never listed by GitHub, so they are never fetched.
 */

/** The fields of `GET /repos/{o}/{r}/pulls/{n}/files` entries this app uses. */
export interface PrFileEntry {
  filename: string;
  status: string;
  previous_filename?: string;
}

export interface PlannedChange {
  /** GitHub's status, as listed. */
  status: string;
  /** Fetch this path at the base commit (old side). */
  basePath?: string;
  /** Fetch this path at the head commit (new side). */
  headPath?: string;
}

export interface FilePlan {
  changes: PlannedChange[];
  /** Listed files that the glob left out. */
  ignored: number;
}

export function planPrFiles(files: readonly PrFileEntry[], matches: (path: string) => boolean): FilePlan {
  const changes: PlannedChange[] = [];
  let ignored = 0;
  for (const file of files) {
    const change = planOne(file, matches);
    if (change) changes.push(change);
    else ignored++;
  }
  return { changes, ignored };
}

function planOne(file: PrFileEntry, matches: (path: string) => boolean): PlannedChange | null {
  const { filename, status } = file;
  if (typeof filename !== 'string' || filename === '') return null;
  switch (status) {
    // A copy leaves its source untouched: only the new file is a change.
    case 'added':
    case 'copied':
      return matches(filename) ? { status, headPath: filename } : null;
    case 'removed':
      return matches(filename) ? { status, basePath: filename } : null;
    case 'renamed': {
      const previous = typeof file.previous_filename === 'string' && file.previous_filename !== '' ? file.previous_filename : undefined;
      const change: PlannedChange = { status };
      if (previous !== undefined && matches(previous)) change.basePath = previous;
      if (matches(filename)) change.headPath = filename;
      return change.basePath !== undefined || change.headPath !== undefined ? change : null;
    }
    case 'unchanged':
      return null;
    // `modified`, `changed` and anything GitHub adds later: the file exists on both sides.
    default:
      return matches(filename) ? { status, basePath: filename, headPath: filename } : null;
  }
}
