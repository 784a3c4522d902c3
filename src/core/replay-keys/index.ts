/**
 * Replay keys: which recordings llama-stack's recorder can still reach in
 * replay mode, under every rule version it has used, and why not.
 */
export { computeFileKey, computeFileKeys, parseRecordingName, type FileKey, type FileKeyOptions, type SiblingFacts, type Verdict } from './fileKey';
export {
  analyzeFolder,
  nearestLiveSibling,
  newerRecorderWarnings,
  requestFieldDiff,
  resolveSuperseded,
  summarizeKeys,
  type FieldDiff,
  type FolderKeyReport,
  type KeyedFile,
  type KeySummary,
  type LiveSibling,
  type NewerRecorderWarning,
  type Superseded,
} from './folder';
export { CURRENT_VERSION, RULE_VERSIONS, RULE_VERSION_BY_ID, type KeyFamily, type RuleVersion } from './rules';
export { describeExplanation, describeNoKey } from './explanations';
