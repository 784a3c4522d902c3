import { useDeferredValue, useMemo } from 'react';
import { matchesQuery, queryTerms, type IndexEntry } from '../../core/index/indexEntry';
import { useFolderState } from '../../state/folderStore';

/** Entries matching the query; deferred so typing never waits for the list. */
export function useFilteredEntries(query: string): { entries: IndexEntry[]; total: number; pending: boolean } {
  const folder = useFolderState();
  const deferredQuery = useDeferredValue(query);
  const { version, entries } = folder;
  const filtered = useMemo(() => {
    const terms = queryTerms(deferredQuery);
    const list = terms.length === 0 ? [...entries] : entries.filter((entry) => matchesQuery(entry, terms));
    return list;
    // `version` changes whenever `entries` grew in place.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [deferredQuery, entries, version]);
  return { entries: filtered, total: entries.length, pending: deferredQuery !== query };
}
