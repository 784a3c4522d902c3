/**
 * Folder-wide replay-key facts: superseded siblings, counts, the nearest live
 * sibling of a dead file, and the "recorder newer than our rules" warning.
 */
import { compareCodePoints } from './pyJson';
import { computeFileKeys, type FileKey, type SiblingFacts } from './fileKey';

export interface KeyedFile {
  path: string;
  testId: string | null;
  key: FileKey;
}

export interface Superseded {
  /** The path of the `current` sibling whose request adds parameters to this one. */
  by: string;
  /** The top-level body keys the sibling adds. */
  extraKeys: string[];
}

/**
 * A is superseded by B (same family, test id, endpoint and model) when B is
 * `current` and B's request body has every top-level key of A with an equal
 * value, plus more. The fewest extra keys wins, then the smallest path.
 */
export function resolveSuperseded(files: readonly KeyedFile[]): Map<string, Superseded> {
  const groups = new Map<string, KeyedFile[]>();
  for (const file of files) {
    const group = file.key.sibling?.group;
    if (group === undefined) continue;
    let members = groups.get(group);
    if (!members) groups.set(group, (members = []));
    members.push(file);
  }
  const result = new Map<string, Superseded>();
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const live = members.filter((m) => m.key.verdict === 'current');
    if (live.length === 0) continue;
    for (const candidate of members) {
      const mine = candidate.key.sibling!.body;
      const myKeys = Object.keys(mine);
      let best: { file: KeyedFile; extra: string[] } | null = null;
      for (const other of live) {
        if (other === candidate || other.path === candidate.path) continue;
        const theirs = other.key.sibling!.body;
        const theirKeys = Object.keys(theirs);
        if (theirKeys.length <= myKeys.length) continue;
        if (!myKeys.every((key) => key in theirs && theirs[key] === mine[key])) continue;
        const extra = theirKeys.filter((key) => !(key in mine));
        if (
          !best ||
          extra.length < best.extra.length ||
          (extra.length === best.extra.length && compareCodePoints(other.path, best.file.path) < 0)
        ) {
          best = { file: other, extra };
        }
      }
      if (best) result.set(candidate.path, { by: best.file.path, extraKeys: best.extra });
    }
  }
  return result;
}

export interface KeySummary {
  current: number;
  stale: number;
  none: number;
  superseded: number;
}

/** Counts per verdict; files without a key count in none of them. */
export function summarizeKeys(files: readonly KeyedFile[], superseded: ReadonlyMap<string, unknown>): KeySummary {
  const summary: KeySummary = { current: 0, stale: 0, none: 0, superseded: 0 };
  for (const file of files) {
    const verdict = file.key.verdict;
    if (verdict) summary[verdict]++;
    if (superseded.has(file.path)) summary.superseded++;
  }
  return summary;
}

export interface FieldDiff {
  /** Top-level request fields only the other file sends. */
  added: string[];
  /** Fields only this file sends. */
  removed: string[];
  /** Fields both send with different values. */
  changed: string[];
}

/** Which top-level request fields make two files differ (this → other). */
export function requestFieldDiff(mine: SiblingFacts, other: SiblingFacts): FieldDiff {
  const added = Object.keys(other.body).filter((key) => !(key in mine.body));
  const removed = Object.keys(mine.body).filter((key) => !(key in other.body));
  const changed = Object.keys(mine.body).filter((key) => key in other.body && mine.body[key] !== other.body[key]);
  return { added, removed, changed };
}

export interface LiveSibling {
  path: string;
  diff: FieldDiff;
  /** Same test, endpoint and model (else only the same test). */
  sameGroup: boolean;
}

function groupTestId(group: string): unknown {
  try {
    return (JSON.parse(group) as unknown[])[1];
  } catch {
    return undefined;
  }
}

/**
 * The `current` file whose request is closest to this one's: same group
 * first, then the same test; fewest differing fields, then the smallest path.
 * What a user needs to see why replay misses this file.
 */
export function nearestLiveSibling(target: KeyedFile, files: readonly KeyedFile[]): LiveSibling | null {
  const mine = target.key.sibling;
  if (!mine) return null;
  const myTest = groupTestId(mine.group);
  let best: { file: KeyedFile; score: number; diff: FieldDiff; sameGroup: boolean } | null = null;
  for (const file of files) {
    if (file.path === target.path || file.key.verdict !== 'current' || !file.key.sibling) continue;
    const sameGroup = file.key.sibling.group === mine.group;
    if (!sameGroup && (myTest === null || groupTestId(file.key.sibling.group) !== myTest)) continue;
    const diff = requestFieldDiff(mine, file.key.sibling);
    const score = (sameGroup ? 0 : 1000) + diff.added.length + diff.removed.length + diff.changed.length;
    if (!best || score < best.score || (score === best.score && compareCodePoints(file.path, best.file.path) < 0)) {
      best = { file, score, diff, sameGroup };
    }
  }
  return best ? { path: best.file.path, diff: best.diff, sameGroup: best.sameGroup } : null;
}

export interface NewerRecorderWarning {
  /** The folder holding the files. */
  folder: string;
  family: string;
  unmatched: number;
  keyed: number;
}

/** At least this many unexplained misses of one family in one folder… */
const NEWER_RECORDER_MIN_FILES = 5;
/** …making up at least this share of that family's keyed files there. */
const NEWER_RECORDER_MIN_SHARE = 0.5;

function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut < 0 ? '' : path.slice(0, cut);
}

/**
 * Many files of one family that no known version reproduces, with no known
 * reason, mean a recorder newer than these rules rather than dead files.
 */
export function newerRecorderWarnings(files: readonly KeyedFile[]): NewerRecorderWarning[] {
  const counts = new Map<string, NewerRecorderWarning>();
  for (const file of files) {
    const { family, verdict, explainedBy } = file.key;
    if (!family || !verdict) continue;
    const folder = folderOf(file.path);
    const id = JSON.stringify([folder, family]);
    let entry = counts.get(id);
    if (!entry) counts.set(id, (entry = { folder, family, unmatched: 0, keyed: 0 }));
    entry.keyed++;
    if (verdict === 'none' && (explainedBy === undefined || explainedBy === 'unexplained')) entry.unmatched++;
  }
  return [...counts.values()].filter(
    (entry) => entry.unmatched >= NEWER_RECORDER_MIN_FILES && entry.unmatched / entry.keyed >= NEWER_RECORDER_MIN_SHARE,
  );
}

export interface FolderKeyReport {
  files: (KeyedFile & { superseded?: Superseded })[];
  summary: KeySummary;
  superseded: Map<string, Superseded>;
  warnings: NewerRecorderWarning[];
}

function storedTestId(text: string): string | null {
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object' && 'test_id' in parsed) {
      const testId = (parsed as { test_id: unknown }).test_id;
      return typeof testId === 'string' ? testId : null;
    }
  } catch {
    // Not JSON: computeFileKey says why.
  }
  return null;
}

/** Node/CLI convenience: keys for a whole folder, superseded resolved, counted. */
export async function analyzeFolder(files: readonly { path: string; text: string }[]): Promise<FolderKeyReport> {
  const keys = await computeFileKeys(files);
  const keyed: KeyedFile[] = files.map(({ path, text }, i) => ({ path, testId: storedTestId(text), key: keys[i]! }));
  const superseded = resolveSuperseded(keyed);
  return {
    files: keyed.map((file) => {
      const by = superseded.get(file.path);
      return by ? { ...file, superseded: by } : file;
    }),
    summary: summarizeKeys(keyed, superseded),
    superseded,
    warnings: newerRecorderWarnings(keyed),
  };
}
