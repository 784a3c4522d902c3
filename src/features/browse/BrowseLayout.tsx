import { Outlet } from 'react-router';
import { useFolderState } from '../../state/folderStore';
import { PanelBoundary } from '../../shared/ui/PanelBoundary';
import { RecordingList } from './RecordingList';
import { LoadErrors } from './LoadErrors';
import { useResizableWidth } from './useResizableWidth';
import { NoFolder } from '../open-folder';
import { KeySummary } from '../replay-keys';

export function BrowseLayout() {
  const folder = useFolderState();
  const { width, handleProps } = useResizableWidth('browse-sidebar', 420);
  // Without a folder the page itself says how to open one: a second prompt in an empty list would be noise.
  if (folder.status === 'idle') {
    return (
      <section className="h-full min-h-0 overflow-auto" aria-label="Detail">
        <Outlet />
      </section>
    );
  }
  return (
    <div className="flex h-full min-h-0">
      <aside
        style={{ width }}
        className="flex min-h-0 shrink-0 flex-col border-r border-zinc-200 dark:border-zinc-800"
        aria-label="Recordings"
      >
        <PanelBoundary panel="recording list">
          <KeySummary />
          <RecordingList />
          <LoadErrors />
        </PanelBoundary>
      </aside>
      <div
        {...handleProps}
        className="w-1 shrink-0 cursor-col-resize bg-transparent hover:bg-indigo-400/50 focus-visible:bg-indigo-500"
      />
      <section className="min-h-0 min-w-0 flex-1 overflow-auto" aria-label="Detail">
        <Outlet />
      </section>
    </div>
  );
}

export function BrowseEmpty() {
  const folder = useFolderState();
  if (folder.status === 'idle') return <NoFolder />;
  return (
    <div className="flex h-full items-center justify-center p-8 text-zinc-500">
      <div className="text-center">
        <p>Select a recording in the list, or a test to see its calls as one conversation.</p>
        <p className="mt-1 text-xs">
          <kbd>/</kbd> search · <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>Enter</kbd> open
        </p>
      </div>
    </div>
  );
}
