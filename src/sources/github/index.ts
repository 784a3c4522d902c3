export { parsePrRef, formatPrParam, prWebUrl, samePr, type PrRef } from './prRef';
export { DEFAULT_RECORDINGS_GLOB, globMatcher, globToRegExp, matchGlob } from './glob';
export { planPrFiles, type FilePlan, type PlannedChange, type PrFileEntry } from './prFiles';
export { API_ORIGIN, RAW_ORIGIN, GitHubError, errorInfo, httpError, rawUrl, type FetchLike, type GitHubErrorInfo, type GitHubErrorKind } from './client';
export {
  loadPullRequest,
  DEFAULT_CONCURRENCY,
  FILES_PER_PAGE,
  MAX_LISTED_FILES,
  type FetchedFile,
  type LoadedPr,
  type LoadPrOptions,
  type PrProgress,
  type PrStage,
  type PullRequestInfo,
  type SkippedFile,
} from './loadPullRequest';
