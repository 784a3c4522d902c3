import type { LoadedRecording } from './recordingQueries';
import { RecordingHeader } from './RecordingHeader';
import { RequestSection } from './RequestSection';
import { ResponseSection } from './ResponseSection';
import { RawSection } from './RawSection';
import { HttpSection } from './HttpSection';
import { PanelBoundary } from '../../shared/ui/PanelBoundary';
import { Player } from '../playback';
import { ReplayKeySection } from '../replay-keys';

export function RecordingView({ loaded }: { loaded: LoadedRecording }) {
  const { recording, file } = loaded;
  if (!recording) {
    return (
      <div data-testid="recording-detail" data-path={file.path}>
        <div role="alert" className="m-4 rounded border border-amber-300 bg-amber-50 p-3 text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-200">
          <span className="font-mono">{file.path}</span> is not a recording: {loaded.problem}
        </div>
        <RawSection loaded={loaded} defaultOpen />
      </div>
    );
  }
  return (
    <article data-testid="recording-detail" data-path={recording.path} className="pb-16">
      <RecordingHeader recording={recording} />
      <nav aria-label="Sections" className="sticky top-0 z-10 flex gap-3 border-b border-zinc-200 bg-white/95 px-4 py-1 text-xs backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/95">
        <a href="#request" className="text-zinc-600 hover:text-indigo-600 dark:text-zinc-400">Request</a>
        <a href="#response" className="text-zinc-600 hover:text-indigo-600 dark:text-zinc-400">Response</a>
        {recording.http && (
          <a href="#http" className="text-zinc-600 hover:text-indigo-600 dark:text-zinc-400">Headers</a>
        )}
        {recording.stream && (
          <a href="#playback" className="text-zinc-600 hover:text-indigo-600 dark:text-zinc-400">Playback</a>
        )}
        {!recording.cassette && (
          <a href="#replay-key" className="text-zinc-600 hover:text-indigo-600 dark:text-zinc-400">Replay key</a>
        )}
        <a href="#raw" className="text-zinc-600 hover:text-indigo-600 dark:text-zinc-400">{recording.cassette ? 'Raw interaction' : 'Raw JSON'}</a>
      </nav>
      <PanelBoundary panel="request" file={file.path}>
        <RequestSection recording={recording} />
      </PanelBoundary>
      <PanelBoundary panel="response" file={file.path}>
        <ResponseSection recording={recording} />
      </PanelBoundary>
      {recording.http && (
        <PanelBoundary panel="HTTP exchange" file={file.path}>
          <HttpSection recording={recording} />
        </PanelBoundary>
      )}
      {recording.stream && (
        <PanelBoundary panel="playback" file={file.path}>
          <Player recording={recording} />
        </PanelBoundary>
      )}
      {/* Replay keys are llama-stack's request hashes; VCR matches requests its own way. */}
      {!recording.cassette && (
        <PanelBoundary panel="replay key" file={file.path}>
          <ReplayKeySection path={file.path} text={loaded.text} />
        </PanelBoundary>
      )}
      <PanelBoundary panel="raw JSON" file={file.path}>
        {/* A response the inspector cannot read is shown as recorded, open. */}
        <RawSection loaded={loaded} defaultOpen={recording.kind === 'unknown'} />
      </PanelBoundary>
    </article>
  );
}
