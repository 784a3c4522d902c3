import { useFolderState } from '../../state/folderStore';
import { NoFolder } from '../open-folder';
import { RecordingView } from './RecordingView';
import { useRecording, FileChangedError } from './recordingQueries';
import { FileChangedNotice } from './FileChangedNotice';
import { PanelBoundary } from '../../shared/ui/PanelBoundary';
import { Loading } from '../../shared/ui/Loading';
import { MalformedAddress } from '../../shared/ui/MalformedAddress';
import { useAppAddress } from '../../shared/useAppAddress';
import { visibleControls } from '../../shared/visibleText';

export function RecordingPage() {
  const address = useAppAddress();
  if (address.page === 'malformed') return <MalformedAddress kind={address.kind} raw={address.raw} />;
  return <RecordingAt path={address.page === 'recording' ? address.path : ''} />;
}

function RecordingAt({ path }: { path: string }) {
  const folder = useFolderState();
  const { file, query } = useRecording(path);
  const shownPath = visibleControls(path);
  if (folder.status === 'idle') return <NoFolder message={`Open the folder that holds ${shownPath} to view this recording.`} />;
  if (!file) {
    if (folder.status === 'loading') return <Loading what="Indexing the folder…" />;
    return (
      <div className="p-6 text-zinc-600 dark:text-zinc-400">
        <p>
          There is no file <code className="font-mono">{shownPath}</code> in the open folder “{folder.source?.name}”.
        </p>
      </div>
    );
  }
  if (query.isPending) return <Loading what={`Reading ${shownPath}…`} />;
  if (query.isError) {
    if (query.error instanceof FileChangedError) return <FileChangedNotice message={query.error.message} />;
    return (
      <div role="alert" className="p-6 text-red-700 dark:text-red-300">
        Could not open {shownPath}: {String(query.error)}
      </div>
    );
  }
  return (
    <PanelBoundary panel="recording" file={path}>
      <RecordingView loaded={query.data} />
    </PanelBoundary>
  );
}
