import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { servedSession, servedSourceFile, subscribeServedChanges } from '../../sources/server';
import { applyFolderChanges, getFolderState } from '../../state/folderStore';
import { recordingKeys } from '../recording';

/**
 * Follows the served folder on disk: a file re-recorded while the page is open
 * updates its row, and an open recording is read again. Renders nothing.
 */
export function ServedFolderLive() {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!servedSession()) return;
    return subscribeServedChanges((event) => {
      // Only while the served folder is the open one: the user may have opened another since.
      if (event.side !== 'head' || getFolderState().source?.kind !== 'server') return;
      applyFolderChanges({
        files: event.changed.map((file) => servedSourceFile('head', file)),
        entries: event.entries,
        errors: event.errors,
        removed: event.removed,
      });
      const touched = new Set([...event.removed, ...event.changed.map((file) => file.path)]);
      void queryClient.invalidateQueries({
        queryKey: recordingKeys.all,
        predicate: (query) => touched.has(String(query.queryKey[2])),
      });
    });
  }, [queryClient]);
  return null;
}
