/** Compare core: snapshot classification, noise handling and per-pair semantic diffs. Pure TS, no DOM. */
export {
  classifySnapshots,
  identifyDocument,
  groupKeyOf,
  normalizePath,
  type ClassifyOptions,
  type CompareEntry,
  type CompareResult,
  type CompareStatus,
  type CompareSummary,
  type EntryNotes,
  summarize,
  type FileKind,
  type SnapshotFile,
} from './classify';
export { NOISE_KEYS, stripNoise, equalIgnoringNoise, compareNoise, type NoiseComparison } from './noise';
export {
  structuralDiff,
  DEFAULT_MAX_CHANGES,
  DEFAULT_MAX_DEPTH,
  type JsonChange,
  type JsonChangeKind,
  type StructuralDiffOptions,
  type StructuralDiffResult,
} from './structuralDiff';
export {
  diffRecordings,
  wordDiff,
  preferredTextLayout,
  textSides,
  SIDE_BY_SIDE_BELOW,
  type DiffRecordingsOptions,
  type RecordingDiff,
  type RequestDiff,
  type TextDiff,
  type ToolCallDiff,
  type ValueChange,
  type WordSegment,
} from './diffRecordings';
export { requestFeatures, featureSimilarity, type RequestFeatures } from './similarity';
export { jsonEqual, canonicalStringify, stripKeys, depthOf, limitDepth } from './json';
export { pairCategories, requestPayload, toolCallsEqual, argumentsEqual, CHANGE_CATEGORIES, type ChangeCategory, type CategoryInput } from './categories';
export { pairToolCallIds, renameIds, toolCallIdsIn, isToolCallId } from './toolCallIds';
export { diffStreams, chunkInfos, type StreamDiff, type ChunkRow, type ChunkInfo, type ChunkRowKind } from './streamDiff';
export {
  reviewFolders,
  reviewSnapshots,
  annotateEntries,
  reviewToJson,
  requestNote,
  type FolderReview,
  type LeftBehindFile,
  type LeftBehindFinder,
  type ReviewOptions,
} from './review';
export { reviewMarkdown, type ReviewMarkdownInput } from './reviewMarkdown';
export { findLeftBehind, touchedTestIds } from './leftBehind';
