import { useDeferredValue, useMemo } from 'react';
import type { IndexEntry } from '../../core/index/indexEntry';
import { useFolderState } from '../../state/folderStore';

/** Entries matching the query, answered by the folder's search index; deferred so typing never waits for the list. */
export function useFilteredEntries(query: string): { entries: IndexEntry[]; total: number; pending: boolean; appliedQuery: string } {
  const entries = useFolderState((state) => state.entries);
  const searchIndex = useFolderState((state) => state.searchIndex);
  const deferredQuery = useDeferredValue(query);
  const filtered = useMemo(() => searchIndex.filter(entries, deferredQuery), [searchIndex, entries, deferredQuery]);
  return { entries: filtered, total: entries.length, pending: deferredQuery !== query, appliedQuery: deferredQuery };
}
