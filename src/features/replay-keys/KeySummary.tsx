import { Link } from 'react-router';
import { paths } from '../../config/paths';
import { useFolderState } from '../../state/folderStore';
import { useKeyReport } from './useKeyReport';

/**
 * Replay counts for the loaded folder. The contract element carries them as
 * integers; `data-state` is `done` once every key and superseded sibling is known.
 */
export function KeySummary() {
  const folder = useFolderState();
  const report = useKeyReport();
  if (folder.status === 'idle') return null;
  const { summary, state } = report;
  const dead = summary.stale + summary.none;
  return (
    <div
      data-testid="key-summary"
      data-state={state}
      data-current={summary.current}
      data-stale={summary.stale}
      data-none={summary.none}
      data-superseded={summary.superseded}
      aria-live="polite"
      className="flex flex-wrap items-center gap-x-2 gap-y-0.5 border-b border-zinc-200 px-2 py-1 text-[12px] text-zinc-600 dark:border-zinc-800 dark:text-zinc-400"
    >
      <span className="font-medium text-zinc-700 dark:text-zinc-300">Replay</span>
      {state === 'loading' ? (
        <span>computing keys…</span>
      ) : (
        <>
          <span title="The name is the key today's recorder computes: replay finds these files">
            <span className="text-emerald-700 dark:text-emerald-400">{summary.current.toLocaleString()}</span> live
          </span>
          <span title="Only older or branch rule versions reproduce the name: replay never opens these">
            <span className="text-amber-700 dark:text-amber-400">{summary.stale.toLocaleString()}</span> stale
          </span>
          <span title="No known rule version reproduces the name">
            <span className="text-red-700 dark:text-red-400">{summary.none.toLocaleString()}</span> no match
          </span>
          <span title="A live sibling sends the same request plus extra parameters: the test no longer sends this one">
            <span className="text-amber-700 dark:text-amber-400">{summary.superseded.toLocaleString()}</span> superseded
          </span>
          {dead + summary.superseded > 0 && (
            <Link to={paths.deadWeight()} className="ml-auto text-indigo-700 hover:underline dark:text-indigo-300" data-testid="dead-weight-link">
              Dead weight →
            </Link>
          )}
        </>
      )}
      {state === 'done' && report.warnings.length > 0 && (
        <span data-testid="key-summary-newer-recorder" className="w-full text-sky-800 dark:text-sky-300">
          {report.warnings.reduce((n, w) => n + w.unmatched, 0).toLocaleString()} unmatched files look like a recorder newer than these
          rules ({newerRecorderPlaces(report.warnings)}; see Dead weight)
        </span>
      )}
      {report.withoutKeys > 0 && state === 'done' && (
        <span className="w-full text-zinc-500">{report.withoutKeys.toLocaleString()} loaded without keys</span>
      )}
    </div>
  );
}

/** "inference in tests/x/recordings", or "inference in 9 folders" once naming each would crowd the header. */
function newerRecorderPlaces(warnings: readonly { family: string; folder: string }[]): string {
  const byFamily = new Map<string, string[]>();
  for (const { family, folder } of warnings) byFamily.set(family, [...(byFamily.get(family) ?? []), folder || 'the top folder']);
  return [...byFamily]
    .map(([family, folders]) => `${family} in ${folders.length === 1 ? folders[0] : `${folders.length.toLocaleString()} folders`}`)
    .join('; ');
}
