/**
 * Compare's state, apart from the Browse folder store: two snapshots (folders
 * or a GitHub PR), one classification run, its left-behind files and the PR
 * loading progress. Module-level so leaving /compare and coming back (history
 * navigation) finds the same result. Every change publishes new objects and
 * arrays: subscribers compare by reference, nothing is mutated in place.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { CompareEntry, CompareSummary, LeftBehindFile } from '../../../core/diff';
import type { SourceFile } from '../../../sources/types';
import type { GitHubErrorInfo, PrProgress, PrRef, PullRequestInfo, SkippedFile } from '../../../sources/github';
import type { ReadProblem, Side } from '../protocol';

export interface CompareSource {
  name: string;
  kind: 'picker' | 'input' | 'drop' | 'samples' | 'server' | 'github';
  files: SourceFile[];
  skippedCount: number;
}

/**
 * Left-behind files need replay keys of every head file in the touched tests,
 * computed after the classification. A PR loaded by URL lacks its unchanged
 * files, so there the count cannot be known.
 */
export type LeftBehindState =
  | { status: 'idle' }
  | { status: 'computing' }
  | { status: 'done'; files: LeftBehindFile[] }
  | { status: 'unavailable'; reason: string }
  | { status: 'failed'; reason: string };

export interface RunState {
  /** New for every run; caches keyed on it never mix two comparisons. */
  id: number;
  status: 'idle' | 'reading' | 'done' | 'failed';
  read: number;
  total: number;
  entries: CompareEntry[];
  summary: CompareSummary | null;
  readProblems: ReadProblem[];
  failure: string | null;
  /** From both snapshots being chosen to classification done. */
  ms: number | null;
  leftBehind: LeftBehindState;
}

export interface PrState {
  status: 'idle' | 'loading' | 'done' | 'failed';
  /** The PR last asked for, even when it failed (so a URL does not restart a failed load by itself). */
  ref: PrRef | null;
  progress: PrProgress | null;
  info: PullRequestInfo | null;
  skipped: SkippedFile[];
  listedFiles: number;
  ignored: number;
  listTruncated: boolean;
  error: GitHubErrorInfo | null;
}

export interface CompareState {
  origin: 'folders' | 'pr';
  base: CompareSource | null;
  head: CompareSource | null;
  /** A folder being listed (picker or drop walks can take a moment). */
  listing: Record<Side, boolean>;
  sourceError: string | null;
  run: RunState;
  pr: PrState;
}

export const idleRun: RunState = {
  id: 0,
  status: 'idle',
  read: 0,
  total: 0,
  entries: [],
  summary: null,
  readProblems: [],
  failure: null,
  ms: null,
  leftBehind: { status: 'idle' },
};

export const idlePr: PrState = {
  status: 'idle',
  ref: null,
  progress: null,
  info: null,
  skipped: [],
  listedFiles: 0,
  ignored: 0,
  listTruncated: false,
  error: null,
};

export const compareStore = createStore<CompareState>(() => ({
  origin: 'folders',
  base: null,
  head: null,
  listing: { base: false, head: false },
  sourceError: null,
  run: idleRun,
  pr: idlePr,
}));

export function getCompareState(): CompareState {
  return compareStore.getState();
}

export function useCompareState(): CompareState {
  return useStore(compareStore);
}

export function patchCompare(patch: Partial<CompareState>): void {
  compareStore.setState(patch);
}

/** Applies to the run `id` only: a late message from a replaced run is dropped. */
export function patchRun(id: number, patch: Partial<RunState>): void {
  const { run } = compareStore.getState();
  if (run.id !== id) return;
  compareStore.setState({ run: { ...run, ...patch } });
}

export function patchPr(patch: Partial<PrState>): void {
  compareStore.setState({ pr: { ...compareStore.getState().pr, ...patch } });
}

let runCounter = 0;

export function nextRunId(): number {
  return ++runCounter;
}
