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
  type DiffRecordingsOptions,
  type RecordingDiff,
  type RequestDiff,
  type TextDiff,
  type ToolCallDiff,
  type ValueChange,
  type WordSegment,
} from './diffRecordings';
export { requestFeatures, featureSimilarity, type RequestFeatures } from './similarity';
export { jsonEqual, canonicalStringify, stripKeys } from './json';
