import type { CompareEntry, CompareSummary, LeftBehindFile, RecordingDiff, StructuralDiffResult, TextDiff } from '../../core/diff';
import type { SourceFile } from '../../sources/types';

export type Side = 'base' | 'head';

export type CompareRequest =
  | {
      type: 'compare';
      base: SourceFile[];
      head: SourceFile[];
      /** Compute left-behind files after the classification (needs the unchanged head files too). */
      leftBehind: boolean;
    }
  | { type: 'diff'; requestId: number; basePath: string; headPath: string };

export interface ReadProblem {
  side: Side;
  path: string;
  message: string;
}

export type CompareResponse =
  | { type: 'progress'; read: number; total: number }
  | {
      type: 'done';
      /** Changed entries only (with categories and notes): unchanged files are counted in the summary, never listed. */
      entries: CompareEntry[];
      summary: CompareSummary;
      readProblems: ReadProblem[];
    }
  | { type: 'failed'; message: string }
  /** After `done`: the left-behind files, or why they cannot be known. */
  | { type: 'left-behind'; files: LeftBehindFile[] | null; reason?: string }
  | { type: 'diff'; requestId: number; result?: PairDiff; error?: string };

/**
 * The semantic diff of one pair. Recordings get the full treatment; JSON that
 * is not a recording gets a structural diff; unparsable text a word diff.
 */
export type PairDiff =
  | { kind: 'recordings'; diff: RecordingDiff }
  | { kind: 'json'; diff: StructuralDiffResult; noiseFieldsChanged: number; baseProblem: string | null; headProblem: string | null }
  | { kind: 'text'; diff: TextDiff; baseProblem: string | null; headProblem: string | null };
