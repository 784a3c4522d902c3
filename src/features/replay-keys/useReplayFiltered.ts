import { useMemo } from 'react';
import type { IndexEntry } from '../../core/index/indexEntry';
import { useKeyReport } from './useKeyReport';
import { useReplayFilterParam } from './ReplayFilterSelect';
import { passesReplayFilter } from './verdicts';

/** The entries passing the URL's replay filter (all of them when it is unset). */
export function useReplayFiltered(entries: IndexEntry[]): { entries: IndexEntry[]; active: boolean } {
  const filter = useReplayFilterParam();
  const report = useKeyReport();
  const filtered = useMemo(
    () => (filter ? entries.filter((entry) => passesReplayFilter(filter, entry.replayKey, report.superseded.has(entry.path))) : entries),
    [entries, filter, report],
  );
  return { entries: filtered, active: filter !== '' };
}
