import { plural } from '../../core/units/units';
import type { ReactNode } from 'react';
import { useFolderState } from '../../state/folderStore';

interface StatusFrameProps {
  name: string;
  state: 'loading' | 'done';
  count: number;
  errors: number;
  ms: number | null;
  cacheSaved?: boolean;
  children: ReactNode;
}

/** The `index-status` element and its contract attributes, around what the current phase shows. */
function StatusFrame({ name, state, count, errors, ms, cacheSaved = false, children }: StatusFrameProps) {
  return (
    <div
      data-testid="index-status"
      data-state={state}
      data-count={count}
      data-errors={errors}
      data-ms={ms ?? ''}
      data-cache={cacheSaved ? 'saved' : undefined}
      role="status"
      aria-live="polite"
      className="flex min-w-0 items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400"
    >
      <span className="truncate font-medium text-zinc-800 dark:text-zinc-200" title={name}>
        {name}
      </span>
      {children}
    </div>
  );
}

/** `index-status`: counts, errors and load time, with a progress bar while loading. */
export function IndexStatus() {
  const folder = useFolderState();
  if (folder.listing !== null) {
    return (
      <StatusFrame name={folder.listing} state="loading" count={0} errors={0} ms={null}>
        <span>listing files…</span>
      </StatusFrame>
    );
  }
  if (folder.status === 'idle' || !folder.source) return null;
  const loading = folder.status === 'loading';
  const percent = folder.total ? Math.round((folder.processed / folder.total) * 100) : 100;
  return (
    <StatusFrame
      name={folder.source.name}
      state={loading ? 'loading' : 'done'}
      count={folder.entries.length}
      errors={folder.errors.length}
      ms={folder.ms}
      cacheSaved={folder.cacheSaved}
    >
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
          {plural(folder.entries.length, 'recording')} · {plural(folder.errors.length, 'error')} ·{' '}
          {folder.ms?.toLocaleString()} ms
          {folder.fromCache > 0 && <span title="Index entries reused from this browser's cache"> · {folder.fromCache.toLocaleString()} cached</span>}
        </span>
      )}
    </StatusFrame>
  );
}
