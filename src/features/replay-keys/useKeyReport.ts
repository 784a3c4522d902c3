import { useMemo } from 'react';
import type { IndexEntry } from '../../core/index/indexEntry';
import {
  newerRecorderWarnings,
  resolveSuperseded,
  summarizeKeys,
  type KeyedFile,
  type KeySummary,
  type NewerRecorderWarning,
  type Superseded,
} from '../../core/replay-keys';
import { useFolderState } from '../../state/folderStore';

export interface KeyReport {
  /** `loading` until the folder's index (and so every key) is complete. */
  state: 'loading' | 'done';
  files: KeyedFile[];
  byPath: ReadonlyMap<string, KeyedFile>;
  superseded: ReadonlyMap<string, Superseded>;
  summary: KeySummary;
  warnings: NewerRecorderWarning[];
  /** Entries loaded without keys (keys switched off, or a stale cache). */
  withoutKeys: number;
}

const EMPTY_SUPERSEDED: ReadonlyMap<string, Superseded> = new Map();

/**
 * Superseded siblings need the whole folder, so they are resolved once the
 * index is complete (a few milliseconds: grouping by test, endpoint and model
 * first keeps the comparisons small). One result per loaded entries array.
 */
const reports = new WeakMap<readonly IndexEntry[], KeyReport>();

function buildReport(entries: readonly IndexEntry[], done: boolean): KeyReport {
  const files: KeyedFile[] = [];
  let withoutKeys = 0;
  for (const entry of entries) {
    if (entry.replayKey) files.push({ path: entry.path, testId: entry.testId, key: entry.replayKey });
    else withoutKeys++;
  }
  const superseded = done ? resolveSuperseded(files) : EMPTY_SUPERSEDED;
  return {
    state: done ? 'done' : 'loading',
    files,
    byPath: new Map(files.map((file) => [file.path, file])),
    superseded,
    summary: summarizeKeys(files, superseded),
    warnings: done ? newerRecorderWarnings(files) : [],
    withoutKeys,
  };
}

/** While loading, the latest partial report is shared by every caller (each list row asks). */
let partial: { entries: readonly IndexEntry[]; version: number; report: KeyReport } | null = null;

export function useKeyReport(): KeyReport {
  const folder = useFolderState();
  // Entries are listed before their keys arrive (folderStore `keysPending`): from the
  // workers right after the index, or from the command line's server.
  const done = folder.status === 'done' && !folder.keysPending;
  const { entries, version } = folder;
  return useMemo(() => {
    if (!done) {
      if (partial?.entries !== entries || partial.version !== version) {
        partial = { entries, version, report: buildReport(entries, false) };
      }
      return partial.report;
    }
    let report = reports.get(entries);
    if (!report) reports.set(entries, (report = buildReport(entries, true)));
    return report;
  }, [entries, version, done]);
}
