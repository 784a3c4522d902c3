import { useDeferredValue, useMemo } from 'react';
import type { IndexEntry } from '../../core/index/indexEntry';
import { useFolderState } from '../../state/folderStore';

/** Entries matching the query, answered by the folder's search index; deferred so typing never waits for the list. */
export function useFilteredEntries(query: string): {
  entries: IndexEntry[];
  total: number;
  pending: boolean;
  appliedQuery: string;
  /** How long the index took to answer, for the list's `data-search-ms`. */
  filterMs: number;
} {
  const entries = useFolderState((state) => state.entries);
  const searchIndex = useFolderState((state) => state.searchIndex);
  const deferredQuery = useDeferredValue(query);
  const { filtered, filterMs } = useMemo(() => {
    const started = performance.now();
    const result = searchIndex.filter(entries, deferredQuery);
    return { filtered: result, filterMs: performance.now() - started };
  }, [searchIndex, entries, deferredQuery]);
  return { entries: filtered, total: entries.length, pending: deferredQuery !== query, appliedQuery: deferredQuery, filterMs };
}
