import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button } from '../shared/ui/Button';
import { openFolderWithInputFallback, RecentFolders, useOpenFolder } from '../features/open-folder';
import { useFolderState } from '../state/folderStore';
import { paths } from '../config/paths';

/** Samples open by themselves once per page load: under `npm start`, and for `/?samples` links. */
let samplesOpenedAutomatically = false;

export function StartPage() {
  const open = useOpenFolder();
  const folder = useFolderState();
  const [params] = useSearchParams();
  const wantsSamples = import.meta.env.DEV || params.has('samples');
  useEffect(() => {
    if (!wantsSamples || samplesOpenedAutomatically || folder.status !== 'idle') return;
    samplesOpenedAutomatically = true;
    void open.fromSamples();
  }, [wantsSamples, folder.status, open]);
  return (
    <div className="mx-auto max-w-2xl px-6 py-10">
      <h1 className="text-xl font-semibold">Open LLM API test recordings</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">
        Read, play back and compare the JSON recordings that llama-stack (OGX) integration tests write to{' '}
        <code className="font-mono text-[12px]">tests/integration/*/recordings/</code>. Files stay on this machine: the
        app only reads them, never writes, and sends nothing anywhere (unless you ask it to load a GitHub pull request).
      </p>
      <div className="mt-6 flex flex-wrap gap-2">
        <Button variant="primary" onClick={() => openFolderWithInputFallback(open.fromPicker)}>
          Open folder…
        </Button>
        <Button data-testid="open-samples" onClick={() => void open.fromSamples()}>
          Open sample recordings
        </Button>
        <Link
          to={paths.compare()}
          className="inline-flex items-center rounded border border-zinc-300 px-2.5 py-1 text-[13px] font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          Compare
        </Link>
        {folder.source && (
          <Link to={paths.browse()} className="inline-flex items-center px-2.5 py-1 text-[13px] text-indigo-600 underline dark:text-indigo-400">
            Back to {folder.source.name}
          </Link>
        )}
      </div>
      <p className="mt-4 text-xs text-zinc-500">
        Or drop a folder anywhere on this page. A repository checkout works too: <code>node_modules</code>,{' '}
        <code>.git</code> and <code>.venv</code> are skipped and only <code>*.json</code> files are read.
      </p>
      <RecentFolders />
      <section className="mt-8 border-t border-zinc-200 pt-4 text-xs text-zinc-500 dark:border-zinc-800">
        <h2 className="mb-1 font-semibold uppercase tracking-wide">Keyboard</h2>
        <p>
          <kbd>/</kbd> search · <kbd>j</kbd>/<kbd>k</kbd> move in the list · <kbd>Enter</kbd> open · in playback:{' '}
          <kbd>Space</kbd> play/pause, <kbd>←</kbd>/<kbd>→</kbd> step, <kbd>Home</kbd>/<kbd>End</kbd> jump
        </p>
      </section>
    </div>
  );
}
