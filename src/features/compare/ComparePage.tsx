import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { CompareEntry } from '../../core/diff';
import { PanelBoundary } from '../../shared/ui/PanelBoundary';
import { visibleControls } from '../../shared/visibleText';
import { filterChanges, readCompareParams, rowKey, writeCompareParams, type CompareParams } from './changeList';
import { ChangeList } from './ChangeList';
import { CompareDetail } from './CompareDetail';
import { reportSourceError, useCompareState } from './state';
import { DiffSummary } from './DiffSummary';
import { ReviewSummary } from './ReviewSummary';
import { FilterBar } from './FilterBar';
import { FolderTargets } from './FolderTargets';
import { PrForm } from './PrForm';

/**
 * Review a change to recordings: two folders (base and head) or a GitHub PR,
 * classified in a worker, listed by test with noise-only changes hidden, and
 * one pair at a time as a semantic diff. Selection and filters live in the
 * URL so a review can be linked and history works.
 */
export function ComparePage() {
  const state = useCompareState();
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => readCompareParams(search), [search]);

  const onParams = useCallback(
    (patch: Partial<CompareParams>, push = false) => setSearch((prev) => writeCompareParams(prev, patch), { replace: !push }),
    [setSearch],
  );

  const { run } = state;
  const [reviewOpen, setReviewOpen] = useState(false);
  const filtered = useMemo(
    () => filterChanges(run.entries, { statuses: params.statuses, showNoise: params.showNoise, query: params.query, categories: params.categories }),
    [run.entries, params.statuses, params.showNoise, params.query, params.categories],
  );
  const leftBehindFiles = run.leftBehind.status === 'done' ? run.leftBehind.files : null;
  const byKey = useMemo(() => {
    const map = new Map<string, CompareEntry>(run.entries.map((e) => [rowKey(e), e]));
    // A left-behind file is unchanged: selecting it shows the head file with the reason it is dead weight.
    for (const f of leftBehindFiles ?? []) {
      if (map.has(f.path)) continue;
      map.set(f.path, {
        status: 'unchanged',
        basePath: f.path,
        headPath: f.path,
        testId: f.testId,
        endpoint: null,
        groupKey: null,
        noiseOnly: false,
        noiseFieldCount: 0,
      });
    }
    return map;
  }, [run.entries, leftBehindFiles]);
  const selected = params.sel === null ? undefined : byKey.get(params.sel);
  const leftBehindOf = params.sel === null ? undefined : leftBehindFiles?.find((f) => f.path === params.sel);
  const active = run.status !== 'idle' || (state.origin === 'pr' && state.pr.status === 'loading');

  return (
    <div data-testid="compare-page" className="flex h-full min-h-0 flex-col overflow-y-auto sm:overflow-hidden">
      <div className="flex shrink-0 flex-wrap items-start gap-x-4 gap-y-2 border-b border-zinc-200 bg-zinc-50/60 px-3 py-2 dark:border-zinc-800 dark:bg-zinc-900/40">
        <div className="flex min-w-0 flex-[1.1] basis-[26rem] flex-col gap-1">
          <FolderTargets onChosen={() => onParams({ pr: null, sel: null, view: 'diff' })} />
          {state.sourceError && (
            <p role="alert" className="flex items-center gap-2 text-[12px] text-red-700 dark:text-red-400">
              {state.sourceError}
              <button type="button" className="underline" onClick={() => reportSourceError(null)}>
                dismiss
              </button>
            </p>
          )}
        </div>
        <div className="flex min-w-0 flex-1 basis-[24rem]">
          <PrForm prParam={params.pr} onPrParam={(pr) => onParams({ pr, sel: null, view: 'diff' }, true)} />
        </div>
      </div>
      <DiffSummary state={state} reviewOpen={reviewOpen} onReview={() => setReviewOpen(!reviewOpen)} />
      {reviewOpen && run.status === 'done' && <ReviewSummary state={state} onClose={() => setReviewOpen(false)} />}
      {run.readProblems.length > 0 && (
        <details data-testid="compare-read-problems" className="shrink-0 border-b border-zinc-200 px-3 py-1 text-[12px] text-amber-800 dark:border-zinc-800 dark:text-amber-300">
          <summary className="cursor-pointer">{run.readProblems.length.toLocaleString()} files could not be read and count as changed</summary>
          <ul className="max-h-32 overflow-auto font-mono text-[11px]">
            {run.readProblems.map((p) => (
              <li key={`${p.side}:${p.path}`}>
                {p.side}: {visibleControls(p.path)} — {p.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      {!active ? (
        <Intro />
      ) : (
        // Side by side from 640 px; below that the list sits above the detail, both at full width, and the page scrolls.
        <div className="flex shrink-0 flex-col sm:min-h-0 sm:flex-1 sm:shrink sm:flex-row">
          <aside
            aria-label="Changes"
            className="flex max-h-[55vh] min-h-0 shrink-0 flex-col border-b border-zinc-200 sm:max-h-none sm:w-[38%] sm:min-w-[240px] sm:max-w-[440px] sm:border-b-0 sm:border-r dark:border-zinc-800"
          >
            <PanelBoundary panel="change list">
              {run.status === 'done' ? (
                <>
                  <FilterBar filtered={filtered} params={params} onParams={onParams} />
                  <ChangeList filtered={filtered} params={params} search={search} onParams={onParams} leftBehind={run.leftBehind} />
                </>
              ) : (
                <p className="p-4 text-[12px] text-zinc-500">{run.status === 'failed' ? 'The comparison failed.' : 'Reading both sides…'}</p>
              )}
            </PanelBoundary>
          </aside>
          <section aria-label="Change detail" className="min-w-0 sm:min-h-0 sm:flex-1 sm:overflow-auto">
            {selected ? (
              <PanelBoundary panel="change detail" file={params.sel ?? undefined}>
                <CompareDetail key={params.sel} entry={selected} leftBehind={leftBehindOf} view={params.view} onView={(view) => onParams({ view })} />
              </PanelBoundary>
            ) : (
              <NoSelection waiting={run.status !== 'done'} missing={params.sel} count={filtered.rows.length} />
            )}
          </section>
        </div>
      )}
    </div>
  );
}

function NoSelection({ waiting, missing, count }: { waiting: boolean; missing: string | null; count: number }) {
  return (
    <div className="flex h-full items-center justify-center p-8 text-center text-zinc-500">
      {waiting ? (
        <p>{missing ? 'The selected change appears once both sides are read.' : 'Reading…'}</p>
      ) : missing ? (
        <p>
          <span className="font-mono">{visibleControls(missing)}</span> is not a change in this comparison.
        </p>
      ) : (
        <div>
          <p>{count > 0 ? 'Select a change to see what differs.' : 'Nothing to review here.'}</p>
          <p className="mt-1 text-xs">
            <kbd>j</kbd>/<kbd>k</kbd> move in the list
          </p>
        </div>
      )}
    </div>
  );
}

function Intro() {
  return (
    <div className="mx-auto max-w-2xl px-6 py-10 text-[13px] text-zinc-600 dark:text-zinc-400">
      <h1 className="text-lg font-semibold text-zinc-900 dark:text-zinc-100">Review a change to recordings</h1>
      <p className="mt-2">
        Choose the <strong>base</strong> folder (before) and the <strong>head</strong> folder (after): two checkouts of{' '}
        <code className="font-mono text-[12px]">tests/integration</code>, or two <code className="font-mono text-[12px]">recordings/</code>{' '}
        folders. Or paste a GitHub pull request above to compare the recordings it changes.
      </p>
      <ul className="mt-3 list-disc space-y-1 pl-5">
        <li>
          <strong>modified</strong>: same file, different content; <strong>noise-only</strong> when only ids, timestamps and fingerprints
          changed (hidden by default).
        </li>
        <li>
          <strong>rekeyed</strong>: the request changed, so its hash-named file was renamed; the old and new files are paired by test and
          request similarity.
        </li>
        <li>
          <strong>added</strong> / <strong>removed</strong>: only on one side.
        </li>
        <li>
          Each modified pair says what changed: the <strong>answer</strong> (text, reasoning or error), the <strong>tools</strong> it
          calls, the <strong>request</strong> it sends, or only <strong>metadata</strong> (usage, headers, chunking).
        </li>
        <li>
          <strong>Left behind</strong>: files in the tests this change touched that the recorder can no longer replay (stale or
          unknown replay key) or that a newer sibling supersedes, each with its reason.
        </li>
      </ul>
      <p className="mt-3 text-xs">Files are read in this browser only; nothing is uploaded.</p>
    </div>
  );
}
