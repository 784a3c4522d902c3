import { useQuery } from '@tanstack/react-query';
import { listRecentFolders } from '../../state/indexCache';
import { useOpenFolder } from './useOpenFolder';

export const recentFolderKeys = { all: ['recent-folders'] as const };

/** Folders opened through the picker, re-opened in one click (the browser asks again for permission). */
export function RecentFolders() {
  const open = useOpenFolder();
  const { data } = useQuery({ queryKey: recentFolderKeys.all, queryFn: listRecentFolders, staleTime: 0, refetchOnMount: 'always' });
  if (!data || data.length === 0) return null;
  return (
    <section aria-label="Recent folders" className="mt-6">
      <h2 className="mb-2 text-xs font-semibold uppercase tracking-wide text-zinc-500">Recent folders</h2>
      <ul className="space-y-1">
        {data.map((recent) => (
          <li key={`${recent.name}-${recent.openedAt}`}>
            <button
              type="button"
              data-testid="recent-folder"
              onClick={() => void open.fromRecent(recent.handle)}
              className="w-full rounded px-2 py-1 text-left font-mono text-[13px] hover:bg-zinc-100 dark:hover:bg-zinc-800"
            >
              {recent.name}
              <span className="ml-2 font-sans text-xs text-zinc-500">{new Date(recent.openedAt).toLocaleString()}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
