import { useLocation } from 'react-router';
import { useFolderState } from '../../state/folderStore';
import { NoFolder } from '../browse/NoFolder';
import { RecordingView } from './RecordingView';
import { useRecording, FileChangedError } from './recordingQueries';
import { FileChangedNotice } from './FileChangedNotice';
import { PanelBoundary } from '../../shared/ui/PanelBoundary';

export function useSplatPath(prefix: string): string {
  const location = useLocation();
  return location.pathname
    .slice(prefix.length)
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

export function RecordingPage() {
  const path = useSplatPath('/r/');
  const folder = useFolderState();
  const { file, query } = useRecording(path);
  if (folder.status === 'idle') return <NoFolder message={`Open the folder that holds ${path} to view this recording.`} />;
  if (!file) {
    if (folder.status === 'loading') return <Loading what="Indexing the folder…" />;
    return (
      <div className="p-6 text-zinc-600 dark:text-zinc-400">
        <p>
          There is no file <code className="font-mono">{path}</code> in the open folder “{folder.source?.name}”.
        </p>
      </div>
    );
  }
  if (query.isPending) return <Loading what={`Reading ${path}…`} />;
  if (query.isError) {
    if (query.error instanceof FileChangedError) return <FileChangedNotice message={query.error.message} />;
    return (
      <div role="alert" className="p-6 text-red-700 dark:text-red-300">
        Could not open {path}: {String(query.error)}
      </div>
    );
  }
  return (
    <PanelBoundary panel="recording" file={path}>
      <RecordingView loaded={query.data} />
    </PanelBoundary>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <div className="flex items-center gap-2 p-6 text-zinc-500" role="status">
      <span className="h-3 w-3 animate-spin rounded-full border-2 border-zinc-300 border-t-indigo-500" />
      {what}
    </div>
  );
}
