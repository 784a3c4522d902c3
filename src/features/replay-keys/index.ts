/** Replay keys in the views: counts, list badges and filter, recording and test sections, dead-weight report. */
export { KeySummary } from './KeySummary';
export { VerdictBadge } from './VerdictBadge';
export { ReplayFilterSelect } from './ReplayFilterSelect';
export { useReplayFiltered } from './useReplayFiltered';
export { useKeyReport, type KeyReport } from './useKeyReport';
export { ReplayKeySection } from './ReplayKeySection';
export { TestReplayGroups, useTestReplaySplit } from './TestReplayGroups';
