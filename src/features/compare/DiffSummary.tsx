import type { ReactNode } from 'react';
import { Button } from '../../shared/ui/Button';
import type { CompareState } from './state';

const stageText = { pr: 'Reading the pull request', files: 'Listing changed files', contents: 'Fetching recordings' } as const;

/**
 * `diff-summary`: counts as data attributes (integers, 0 while loading) and
 * as text; `done` only once both snapshots are read and classified.
 */
export function DiffSummary({ state, reviewOpen, onReview }: { state: CompareState; reviewOpen: boolean; onReview: () => void }) {
  const { run, pr } = state;
  const prLoading = state.origin === 'pr' && pr.status === 'loading';
  if (run.status === 'idle' && !prLoading) return null;
  const s = run.summary;
  const done = run.status === 'done' && s !== null;
  const attrs = {
    'data-state': done ? 'done' : run.status === 'failed' ? 'failed' : 'loading',
    'data-added': s?.added ?? 0,
    'data-removed': s?.removed ?? 0,
    'data-modified': s?.modified ?? 0,
    'data-rekeyed': s?.rekeyed ?? 0,
    'data-unchanged': s?.unchanged ?? 0,
    'data-noise-only': s?.noiseOnly ?? 0,
    // Over modified pairs (same path), as the issue defines them.
    'data-request-changed': s?.requestChanged ?? 0,
    'data-answer-changed': s?.answerChanged ?? 0,
    'data-tools-changed': s?.toolsChanged ?? 0,
    'data-metadata-only': s?.metadataOnly ?? 0,
    // Only once replay keys are known: absent while computing, and for a PR loaded by URL.
    ...(run.leftBehind.status === 'done' ? { 'data-left-behind': run.leftBehind.files.length } : {}),
    'data-ms': run.ms ?? '',
  };
  let body: ReactNode;
  if (run.status === 'failed') {
    body = <span className="text-red-600 dark:text-red-400">Compare failed: {run.failure}</span>;
  } else if (prLoading && pr.progress) {
    body = <Progress label={stageText[pr.progress.stage]} done={pr.progress.done} total={pr.progress.total} unit={pr.progress.stage === 'files' ? 'pages' : pr.progress.stage === 'pr' ? '' : 'files'} />;
  } else if (!done) {
    body = <Progress label="Reading" done={run.read} total={run.total} unit="files" />;
  } else {
    body = (
      <span className="flex flex-wrap items-center gap-x-3 gap-y-0.5">
        <Count n={s.added} label="added" className="text-emerald-700 dark:text-emerald-400" />
        <Count n={s.removed} label="removed" className="text-red-700 dark:text-red-400" />
        <Count n={s.modified} label="modified" className="text-amber-700 dark:text-amber-400" />
        <Count n={s.rekeyed} label="rekeyed" className="text-violet-700 dark:text-violet-400" />
        <Count n={s.unchanged} label={state.origin === 'pr' ? 'unchanged (not fetched)' : 'unchanged'} className="text-zinc-500" />
        <span className="text-zinc-300 dark:text-zinc-700">|</span>
        <span className="text-zinc-500" title="Modified pairs by what changed">
          modified:
        </span>
        <Count n={s.answerChanged} label="answer" className="text-rose-700 dark:text-rose-400" />
        <Count n={s.toolsChanged} label="tools" className="text-orange-700 dark:text-orange-400" />
        <Count n={s.requestChanged} label="request" className="text-sky-700 dark:text-sky-400" />
        <Count n={s.metadataOnly} label="metadata-only" className="text-zinc-600 dark:text-zinc-400" />
        <Count n={s.noiseOnly} label="noise-only" className="text-zinc-600 dark:text-zinc-400" />
        <span className="text-zinc-300 dark:text-zinc-700">|</span>
        <LeftBehindCount state={state} />
        {run.ms !== null && <span className="text-zinc-400">{run.ms.toLocaleString()} ms</span>}
        <Button data-testid="review-summary-open" aria-expanded={reviewOpen} onClick={onReview} className="ml-auto !py-0.5 text-[12px]">
          {reviewOpen ? 'Hide review summary' : 'Review summary'}
        </Button>
      </span>
    );
  }
  return (
    <div data-testid="diff-summary" {...attrs} role="status" aria-live="polite" className="flex min-h-8 shrink-0 items-center gap-3 border-b border-zinc-200 px-3 py-1 text-[12.5px] dark:border-zinc-800">
      {body}
    </div>
  );
}

function LeftBehindCount({ state }: { state: CompareState }) {
  const lb = state.run.leftBehind;
  if (lb.status === 'done') return <Count n={lb.files.length} label="left behind" className="text-amber-700 dark:text-amber-400" />;
  if (lb.status === 'computing') return <span className="text-zinc-500">left behind: computing replay keys…</span>;
  if (lb.status === 'idle') return null;
  return (
    <span className="text-zinc-500" title={lb.reason}>
      left behind: {state.origin === 'pr' ? 'needs the two folders' : 'unknown'}
    </span>
  );
}

function Count({ n, label, className }: { n: number; label: string; className: string }) {
  return (
    <span className={className}>
      <span className="font-semibold tabular-nums">{n.toLocaleString()}</span> {label}
    </span>
  );
}

function Progress({ label, done, total, unit }: { label: string; done: number; total: number; unit: string }) {
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <span className="flex items-center gap-2 text-zinc-600 dark:text-zinc-400">
      <span>{label}</span>
      <span
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        className="h-1.5 w-48 overflow-hidden rounded bg-zinc-200 dark:bg-zinc-800"
      >
        <span className="block h-full bg-indigo-500 transition-[width]" style={{ width: `${percent}%` }} />
      </span>
      {unit && (
        <span className="tabular-nums">
          {done.toLocaleString()} / {total.toLocaleString()} {unit}
        </span>
      )}
    </span>
  );
}
