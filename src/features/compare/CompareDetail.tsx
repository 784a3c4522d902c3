import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { CompareEntry, LeftBehindFile } from '../../core/diff';
import type { SourceFile } from '../../sources/types';
import { Badge } from '../../shared/ui/Badge';
import { CopyButton } from '../../shared/ui/CopyButton';
import { PanelBoundary } from '../../shared/ui/PanelBoundary';
import { Tabs } from '../../shared/ui/Tabs';
import { visibleControls } from '../../shared/visibleText';
import { fileForRecordingPath, loadRecording, RecordingView } from '../recording';
import { requestPairDiff, useCompareState, type CompareSource } from './state';
import { PairDiffBody } from './PairDiffBody';
import { noiseSentence } from './diffParts';
import { StatusBadge } from './StatusBadge';
import { CategoryBadges } from './ChangeList';
import type { Side } from './protocol';

/** Query keys in one place: per run, so two comparisons never share a cache entry. */
export const compareKeys = {
  diff: (runId: number, basePath: string, headPath: string) => ['compare', runId, 'diff', basePath, headPath] as const,
  file: (runId: number, side: Side, path: string) => ['compare', runId, 'file', side, path] as const,
};

function useFileOf(source: CompareSource | null, path: string | undefined): SourceFile | undefined {
  const byPath = useMemo(() => new Map((source?.files ?? []).map((f) => [f.path, f])), [source]);
  return path === undefined ? undefined : fileForRecordingPath(byPath, path);
}

type DetailView = 'diff' | 'base' | 'head';

interface DetailProps {
  entry: CompareEntry;
  view: DetailView;
  onView: (view: DetailView) => void;
}

export function CompareDetail({ entry, leftBehind, view, onView }: DetailProps & { leftBehind?: LeftBehindFile }) {
  if (entry.status === 'modified' || entry.status === 'rekeyed') return <PairPanel entry={entry} view={view} onView={onView} />;
  const side: Side = entry.status === 'removed' ? 'base' : 'head';
  const path = (side === 'base' ? entry.basePath : entry.headPath) ?? '';
  const note =
    entry.status === 'added'
      ? 'Added in head: new in this change.'
      : entry.status === 'removed'
        ? 'Removed in head: only the base has it.'
        : leftBehind
          ? `Left behind in a test this change touched: ${leftBehind.reason}`
          : 'Unchanged.';
  return (
    <div data-testid="compare-side-view" data-status={entry.status} data-side={side} data-path={path}>
      <div className="flex items-center gap-2 border-b border-zinc-200 bg-zinc-50 px-4 py-1.5 text-[12px] dark:border-zinc-800 dark:bg-zinc-900">
        {leftBehind ? <Badge tone="amber">left behind</Badge> : <StatusBadge status={entry.status} />}
        <span data-testid="compare-side-note" className="min-w-0 text-zinc-600 dark:text-zinc-400">
          {visibleControls(note)}
        </span>
      </div>
      <SideRecording side={side} path={path} />
    </div>
  );
}

function SideRecording({ side, path }: { side: Side; path: string }) {
  const state = useCompareState();
  const file = useFileOf(state[side], path);
  const query = useQuery({
    queryKey: compareKeys.file(state.run.id, side, path),
    queryFn: () => loadRecording(file!, path),
    enabled: Boolean(file),
  });
  if (!file) return <p className="p-4 text-zinc-500">This file is not in the {side} snapshot any more.</p>;
  if (query.isPending) return <p className="p-4 text-zinc-500">Reading {visibleControls(path)}…</p>;
  if (query.isError) {
    return (
      <p role="alert" className="m-4 rounded border border-red-300 bg-red-50 p-3 text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-200">
        {query.error.message}
      </p>
    );
  }
  return (
    <PanelBoundary panel={`${side} recording`} file={path}>
      <RecordingView loaded={query.data} />
    </PanelBoundary>
  );
}

function PairPanel({ entry, view, onView }: DetailProps) {
  const basePath = entry.basePath ?? '';
  const headPath = entry.headPath ?? '';
  return (
    <div data-testid="diff-panel" data-status={entry.status} data-base-path={basePath} data-head-path={headPath}>
      <header className="border-b border-zinc-200 px-4 py-2.5 dark:border-zinc-800">
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge status={entry.status} />
          <CategoryBadges categories={entry.categories} />
          {entry.status === 'rekeyed' && entry.similarity !== undefined && (
            <span className="text-[11px] text-zinc-500" title="How alike the two requests are; the pairing chose the most alike">
              request similarity {Math.round(entry.similarity * 100)}%
            </span>
          )}
          <span className="font-mono text-[11px] text-zinc-500">{visibleControls(entry.endpoint ?? '')}</span>
        </div>
        <div className="mt-1.5 flex items-start gap-1">
          <div className="min-w-0 flex-1 break-all font-mono text-[13px] font-medium">
            {entry.testId ? visibleControls(entry.testId) : <span className="font-sans text-zinc-500">no test id (a call made outside a test)</span>}
          </div>
          {entry.testId && <CopyButton text={entry.testId} label="test ID" />}
        </div>
        <div className="mt-1 space-y-0.5 font-mono text-[11.5px] text-zinc-600 dark:text-zinc-400">
          {entry.status === 'rekeyed' ? (
            <>
              <PathLine label="base" path={basePath} />
              <PathLine label="head" path={headPath} />
            </>
          ) : (
            <PathLine label="file" path={headPath} />
          )}
        </div>
        <ChangeNotes entry={entry} />
      </header>
      <Tabs
        tabs={[
          { id: 'diff', label: 'Changes' },
          { id: 'base', label: 'Base' },
          { id: 'head', label: 'Head' },
        ]}
        active={view}
        onChange={(id) => onView(id as 'diff' | 'base' | 'head')}
      />
      {view === 'diff' ? (
        <PanelBoundary panel="diff" file={headPath}>
          <PairDiff entry={entry} />
        </PanelBoundary>
      ) : (
        <SideRecording side={view} path={view === 'base' ? basePath : headPath} />
      )}
    </div>
  );
}

/** What changed, in one line per part: the same notes the Markdown review summary prints. */
function ChangeNotes({ entry }: { entry: CompareEntry }) {
  const notes = entry.notes;
  if (!notes) return null;
  const all: [string, string | undefined][] = [
    ['answer', notes.answer],
    ['tool calls', notes.tools],
    ['request', notes.request],
    ['metadata', notes.metadata],
  ];
  const lines = all.filter((line): line is [string, string] => Boolean(line[1]));
  if (lines.length === 0) return null;
  return (
    <dl data-testid="change-notes" className="mt-1.5 grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5 rounded bg-zinc-50 px-2 py-1 text-[12px] dark:bg-zinc-900">
      {lines.map(([label, text]) => (
        <div key={label} className="contents">
          <dt className="text-zinc-500">{label}</dt>
          <dd className="min-w-0 break-words text-zinc-800 dark:text-zinc-200">{visibleControls(text)}</dd>
        </div>
      ))}
    </dl>
  );
}

function PathLine({ label, path }: { label: string; path: string }) {
  return (
    <div className="flex items-center gap-1">
      <span className="w-8 shrink-0 font-sans text-zinc-400">{label}</span>
      <span className="min-w-0 break-all">{visibleControls(path)}</span>
      <CopyButton text={path} label={`${label} path`} />
    </div>
  );
}

function PairDiff({ entry }: { entry: CompareEntry }) {
  const { run } = useCompareState();
  const basePath = entry.basePath ?? '';
  const headPath = entry.headPath ?? '';
  const query = useQuery({
    queryKey: compareKeys.diff(run.id, basePath, headPath),
    queryFn: () => requestPairDiff(run.id, basePath, headPath),
  });
  if (query.isPending) {
    return (
      <div className="p-4 text-zinc-500">
        <p>Comparing…</p>
        <p className="mt-1 text-[12px]">{noiseSentence(entry.noiseFieldCount)}</p>
      </div>
    );
  }
  if (query.isError) {
    return (
      <p role="alert" className="m-4 rounded border border-red-300 bg-red-50 p-3 text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-200">
        Could not compare these files: {query.error.message}
      </p>
    );
  }
  return <PairDiffBody pair={query.data} />;
}
