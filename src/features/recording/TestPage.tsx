import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQueries } from '@tanstack/react-query';
import { testKeyOf } from '../../core/test-id/testId';
import { orderStory, type StoryStep } from '../../core/story/story';
import type { Recording } from '../../core/recording/types';
import { useFolderState } from '../../state/folderStore';
import { NoFolder } from '../open-folder';
import { cassetteStory } from '../../core/cassette';
import { fileForRecordingPath, loadRecording, recordingKeys } from './recordingQueries';
import { Loading } from '../../shared/ui/Loading';
import { MalformedAddress } from '../../shared/ui/MalformedAddress';
import { useAppAddress } from '../../shared/useAppAddress';
import { MessageList } from './RequestSection';
import { visibleControls } from '../../shared/visibleText';
import { paths } from '../../config/paths';
import { plural } from '../../core/units/units';
import { LongText } from '../../shared/ui/LongText';
import { Badge } from '../../shared/ui/Badge';
import { PanelBoundary } from '../../shared/ui/PanelBoundary';
import { TestReplayGroups, useTestReplaySplit } from '../replay-keys';

const NO_ENTRIES: never[] = [];

export function TestPage() {
  const address = useAppAddress();
  if (address.page === 'malformed') return <MalformedAddress kind={address.kind} raw={address.raw} />;
  return <TestAt testKey={address.page === 'test' ? address.testKey : ''} />;
}

function TestAt({ testKey }: { testKey: string }) {
  const folder = useFolderState();
  const entries = useMemo(
    () => folder.entries.filter((entry) => entry.parts && testKeyOf(entry.parts) === testKey),
    [folder.entries, testKey],
  );
  const variants = useMemo(() => {
    const map = new Map<string, typeof entries>();
    for (const entry of entries) {
      const key = entry.parts?.params ?? '';
      map.set(key, [...(map.get(key) ?? []), entry]);
    }
    return [...map.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [entries]);
  const [chosen, setChosen] = useState<string | null>(null);
  const variant = variants.find(([key]) => key === chosen) ?? variants[0];
  // --- replay keys (i12): stale and superseded calls are listed apart from the story ---
  const replaySplit = useTestReplaySplit(variant?.[1] ?? NO_ENTRIES);
  // --- end replay keys ---
  // The story groups copies of one request and says which copy replay reaches, so it is given the dead files too.
  const replayable = useMemo(() => {
    const standing = new Map<string, boolean>();
    for (const entry of replaySplit.live) if (entry.replayKey?.verdict === 'current') standing.set(entry.path, true);
    for (const { entry } of replaySplit.dead) standing.set(entry.path, false);
    return (path: string) => standing.get(path);
  }, [replaySplit]);

  if (folder.status === 'idle') return <NoFolder message={`Open the folder that holds the test ${visibleControls(testKey)} to see its calls.`} />;
  if (entries.length === 0) {
    return folder.status === 'loading' ? (
      <Loading what="Indexing the folder…" />
    ) : (
      <div className="p-6 text-zinc-600">No recording in this folder belongs to the test {visibleControls(testKey)}.</div>
    );
  }
  return (
    <div data-testid="test-story" className="pb-16">
      <header className="border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <div className="text-[11px] uppercase tracking-wide text-zinc-500">Test</div>
        <h1 className="break-all font-mono text-[14px] font-semibold">{visibleControls(testKey)}</h1>
        <div className="mt-1 text-xs text-zinc-500">
          {plural(entries.length, 'recording')} in {plural(variants.length, 'variant')}
        </div>
        {variants.length > 1 && (
          <div role="tablist" aria-label="Parameter variants" className="mt-2 flex flex-wrap gap-1">
            {variants.map(([key, list]) => (
              <button
                key={key}
                type="button"
                role="tab"
                aria-selected={variant?.[0] === key}
                onClick={() => setChosen(key)}
                className={`rounded border px-2 py-0.5 font-mono text-[11.5px] ${
                  variant?.[0] === key
                    ? 'border-indigo-500 bg-indigo-50 dark:bg-indigo-950'
                    : 'border-zinc-300 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800'
                }`}
              >
                {key ? visibleControls(key) : '(no params)'} <span className="text-zinc-400">{list.length}</span>
              </button>
            ))}
          </div>
        )}
      </header>
      {variant && (
        <PanelBoundary panel="test story" file={testKey}>
          {/* --- replay keys (i12) --- */}
          <TestReplayGroups dead={replaySplit.dead} />
          <VariantStory key={variant[0]} paths={variant[1].map((e) => e.path)} replayable={replayable} />
          {/* --- end replay keys --- */}
        </PanelBoundary>
      )}
    </div>
  );
}

/**
 * Outside the component so it is referentially stable: TanStack Query then keeps the combined
 * value between renders until a query's data changes, so the story below is not rebuilt per render.
 */
function combineRecordings(results: { isPending: boolean; data?: { recording: Recording | null } }[]) {
  return {
    pending: results.some((r) => r.isPending),
    recordings: results.map((r) => r.data?.recording).filter((r): r is Recording => Boolean(r)),
  };
}

function VariantStory({ paths, replayable }: { paths: string[]; replayable?: (path: string) => boolean | undefined }) {
  const folder = useFolderState();
  const { pending, recordings } = useQueries({
    queries: paths.map((path) => {
      const file = fileForRecordingPath(folder.filesByPath, path)!;
      return {
        queryKey: recordingKeys.detail(folder.loadId, path),
        queryFn: () => loadRecording(file, path),
      };
    }),
    combine: combineRecordings,
  });
  // A cassette is one test recorded in call order: that order is the story.
  const steps = useMemo(
    () => (pending ? [] : recordings.length > 0 && recordings.every((r) => r.cassette) ? cassetteStory(recordings) : orderStory(recordings, { replayable, omitUnreachable: true })),
    [pending, recordings, replayable],
  );
  const callNumber = useMemo(() => new Map(steps.map((s, i) => [s.recording.path, i + 1])), [steps]);
  if (pending) return <Loading what={`Reading ${plural(paths.length, 'recording')}…`} />;
  return (
    <ol className="space-y-4 px-4 py-3">
      {steps.map((step, i) => (
        <StoryStepView key={step.recording.path} step={step} index={i} fromCall={step.from ? callNumber.get(step.from) : undefined} />
      ))}
    </ol>
  );
}

function fileLabel(path: string): string {
  return `${path.slice(path.lastIndexOf('/') + 1, path.lastIndexOf('/') + 13)}…`;
}

/** How this call relates to the ones before it, in words: a continuation, a branch, or a start. */
function Relation({ step, fromCall }: { step: StoryStep; fromCall: number | undefined }) {
  const added = `+${step.newMessages.length} message${step.newMessages.length === 1 ? '' : 's'}`;
  if (step.relation === 'continues') return <span className="text-zinc-500">continues call {fromCall} ({added})</span>;
  if (step.relation === 'branch') {
    return (
      <span className="text-amber-700 dark:text-amber-400">
        a branch of call {fromCall}: shares {step.startIndex === 1 ? 'its first message' : `its first ${step.startIndex} messages`}, then goes its own
        way ({added})
      </span>
    );
  }
  return null;
}

/** A request recorded more than once: every copy, and which one replay reaches when replay keys say so. */
function Copies({ step }: { step: StoryStep }) {
  if (step.copies.length < 2) return null;
  return (
    <details data-testid="story-copies" data-count={step.copies.length} data-replayed={step.replayed ?? ''} className="text-[11.5px]">
      <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">
        recorded {step.copies.length} times (the same request up to ids and timestamps)
        {step.replayed ? `; replay reaches ${fileLabel(step.replayed)}` : '; which copy replay reaches is not known'}
      </summary>
      <ul className="mt-1 space-y-0.5 pl-4">
        {step.copies.map((c) => (
          <li key={c.path} className="font-mono">
            <Link to={paths.recording(c.path)} className="text-indigo-600 hover:underline dark:text-indigo-400">
              {visibleControls(c.path.slice(c.path.lastIndexOf('/') + 1))}
            </Link>
            {c.path === step.replayed && <span className="font-sans text-emerald-700 dark:text-emerald-400"> · replay reaches this one</span>}
          </li>
        ))}
      </ul>
    </details>
  );
}

function StoryStepView({ step, index, fromCall }: { step: StoryStep; index: number; fromCall: number | undefined }) {
  const r = step.recording;
  return (
    <li
      data-testid="story-step"
      data-path={r.path}
      data-relation={step.relation}
      data-from={step.from ?? ''}
      data-copies={step.copies.length}
      className="rounded border border-zinc-200 dark:border-zinc-800"
    >
      <div className="flex flex-wrap items-center gap-2 border-b border-zinc-200 bg-zinc-50 px-3 py-1.5 text-xs dark:border-zinc-800 dark:bg-zinc-900">
        <span className="font-semibold">Call {index + 1}</span>
        <Badge tone="blue">{r.kindLabel}</Badge>
        {r.error && <Badge tone="red">error</Badge>}
        {step.copies.length > 1 && <Badge tone="amber">recorded {step.copies.length}×</Badge>}
        <Link to={paths.recording(r.path)} className="font-mono text-indigo-600 hover:underline dark:text-indigo-400">
          {r.cassette ? `interaction ${r.cassette.index}` : fileLabel(r.path)}
        </Link>
        <Relation step={step} fromCall={fromCall} />
      </div>
      <div className="space-y-2 p-3">
        <Copies step={step} />
        {step.newMessages.length > 0 && <MessageList messages={step.newMessages} startIndex={step.startIndex} />}
        {r.kind === 'tool' && (
          <div className="text-xs text-zinc-600 dark:text-zinc-400">
            Tool <span className="font-mono font-semibold">{visibleControls(r.endpoint)}</span> invoked
          </div>
        )}
        <div className="border-l-4 border-l-role-assistant pl-3">
          {r.error && <div className="text-xs text-red-700 dark:text-red-300">{r.error.message}</div>}
          {r.response.reasoning && (
            <details className="text-xs text-violet-700 dark:text-violet-300">
              <summary className="cursor-pointer">reasoning</summary>
              <LongText text={r.response.reasoning} />
            </details>
          )}
          {r.response.text && <LongText text={r.response.text} />}
          {r.response.toolCalls.map((call, i) => (
            <div key={i} className="font-mono text-[12px]">
              <span className="text-role-tool">→ {visibleControls(call.name)}</span>
              <span className="text-zinc-500">({call.arguments.length > 300 ? `${call.arguments.slice(0, 300)}…` : call.arguments})</span>
            </div>
          ))}
          {!r.error && !r.response.text && r.response.toolCalls.length === 0 && (
            <div className="text-xs italic text-zinc-500">no text ({r.kindLabel})</div>
          )}
        </div>
      </div>
    </li>
  );
}
