import { useFolderState } from '../../state/folderStore';

/** `index-status`: counts, errors and load time, with a progress bar while loading. */
export function IndexStatus() {
  const folder = useFolderState();
  if (folder.listing !== null) {
    return (
      <div
        data-testid="index-status"
        data-state="loading"
        data-count={0}
        data-errors={0}
        data-ms=""
        role="status"
        aria-live="polite"
        className="flex min-w-0 items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400"
      >
        <span className="truncate font-medium text-zinc-800 dark:text-zinc-200" title={folder.listing}>
          {folder.listing}
        </span>
        <span>listing files…</span>
      </div>
    );
  }
  if (folder.status === 'idle' || !folder.source) return null;
  const loading = folder.status === 'loading';
  const percent = folder.total ? Math.round((folder.processed / folder.total) * 100) : 100;
  return (
    <div
      data-testid="index-status"
      data-state={loading ? 'loading' : 'done'}
      data-count={folder.entries.length}
      data-errors={folder.errors.length}
      data-ms={folder.ms ?? ''}
      data-cache={folder.cacheSaved ? 'saved' : undefined}
      role="status"
      aria-live="polite"
      className="flex min-w-0 items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400"
    >
      <span className="truncate font-medium text-zinc-800 dark:text-zinc-200" title={folder.source.name}>
        {folder.source.name}
      </span>
      {loading ? (
        <span className="flex items-center gap-2">
          <span
            className="h-1.5 w-32 overflow-hidden rounded bg-zinc-200 dark:bg-zinc-800"
            role="progressbar"
            aria-label="Files read"
            aria-valuemin={0}
            aria-valuemax={folder.total}
            aria-valuenow={folder.processed}
          >
            <span className="block h-full bg-indigo-500 transition-[width]" style={{ width: `${percent}%` }} />
          </span>
          <span>
            {folder.checking
              ? `checking ${folder.total.toLocaleString()} files against the cache…`
              : `${folder.processed.toLocaleString()} / ${folder.total.toLocaleString()} files`}
          </span>
        </span>
      ) : folder.status === 'failed' ? (
        <span className="text-red-600">Load failed: {folder.failure}</span>
      ) : (
        <span>
          {folder.entries.length.toLocaleString()} recordings · {folder.errors.length.toLocaleString()} errors ·{' '}
          {folder.ms?.toLocaleString()} ms
          {folder.fromCache > 0 && <span title="Index entries reused from this browser's cache"> · {folder.fromCache.toLocaleString()} cached</span>}
        </span>
      )}
    </div>
  );
}
