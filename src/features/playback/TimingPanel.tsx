import { memo, useMemo } from 'react';
import { bucketGaps, gapStats, gapsOf, type GapBuckets, type GapStats } from '../../core/timing/gaps';
import { describeTiming, type StreamTiming } from '../../core/timing/analyze';
import { DEFAULT_MAX_GAP_MS } from '../../core/timing/step';
import { plural } from '../../core/units/units';

const CHART_BARS = 240;
const CHART_HEIGHT = 36;

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${Math.round(ms)} ms`;
  return `${ms.toFixed(1)} ms`;
}

interface TimingPanelProps {
  timing: StreamTiming;
  cursor: number;
  total: number;
  syntheticRate: number;
  onSyntheticRate: (rate: number) => void;
  onSeek: (cursor: number) => void;
}

export function TimingPanel({ timing, cursor, total, syntheticRate, onSyntheticRate, onSeek }: TimingPanelProps) {
  const gaps = useMemo(() => (timing.offsets ? gapsOf(timing.offsets) : null), [timing]);
  const stats = useMemo(() => (gaps ? gapStats(gaps) : null), [gaps]);
  const recorded = timing.source === 'recorded';
  return (
    <div
      data-testid="playback-timing"
      data-source={timing.source}
      data-reason={timing.reason}
      data-resolution={timing.resolution}
      data-ttft-ms={timing.ttftMs ?? undefined}
      data-duration-ms={timing.durationMs ?? undefined}
      className="rounded border border-zinc-200 px-3 py-2 text-xs dark:border-zinc-800"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span
          className={`rounded px-1.5 py-px text-[11px] font-semibold uppercase tracking-wide ${
            recorded
              ? 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300'
              : 'bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300'
          }`}
        >
          {recorded ? 'recorded' : 'synthetic'}
        </span>
        <span data-testid="playback-timing-note" className="text-zinc-700 dark:text-zinc-300">
          {describeTiming(timing, syntheticRate)}
        </span>
        {!recorded && (
          <label className="ml-auto flex items-center gap-1 text-zinc-500 dark:text-zinc-400">
            pace
            <input
              type="number"
              min={1}
              max={2000}
              step={1}
              value={syntheticRate}
              onChange={(event) => {
                const value = Number(event.target.value);
                if (Number.isFinite(value) && value >= 1) onSyntheticRate(Math.min(2000, value));
              }}
              aria-label="Synthetic pace in chunks per second"
              data-testid="playback-synthetic-rate"
              className="w-16 rounded border border-zinc-300 bg-white px-1 py-px font-mono tabular-nums text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
            />
            chunks/s · {formatMs((total * 1000) / syntheticRate)} at 1×
          </label>
        )}
      </div>
      {recorded && (
        <>
          <dl className="mt-2 grid grid-cols-[repeat(auto-fill,minmax(9.5rem,1fr))] gap-x-4 gap-y-1">
            <Stat
              label="time to first token"
              value={timing.ttftMs === null && timing.firstTokenIndex === 0 ? 'unknown' : formatMs(timing.ttftMs)}
              hint={
                timing.firstTokenIndex === 0
                  ? 'the first chunk already carries text; when the request was sent is not recorded'
                  : timing.firstTokenIndex > 0
                    ? `at chunk #${timing.firstTokenIndex}`
                    : 'no chunk adds content'
              }
              testId="playback-ttft"
            />
            <Stat label="duration" value={formatMs(timing.durationMs)} hint={plural(total, 'chunk')} testId="playback-duration" />
            <Stat
              label="chunks / s"
              value={timing.chunksPerSecond === null ? '—' : timing.chunksPerSecond.toFixed(timing.chunksPerSecond >= 100 ? 0 : 1)}
              testId="playback-rate"
            />
            {stats && <GapFigures stats={stats} />}
            {timing.firstTimestamp !== null && (
              <Stat label="first chunk at" value={new Date(timing.firstTimestamp).toISOString().replace('T', ' ').replace('Z', '')} mono />
            )}
          </dl>
          {gaps && stats && stats.max > 0 && <GapChart gaps={gaps} stats={stats} cursor={cursor} onSeek={onSeek} />}
          {stats && stats.max > DEFAULT_MAX_GAP_MS && (
            <p className="mt-1 text-[11px] text-zinc-500">
              Gaps longer than {formatMs(DEFAULT_MAX_GAP_MS)} play as {formatMs(DEFAULT_MAX_GAP_MS)}.
            </p>
          )}
        </>
      )}
    </div>
  );
}

function GapFigures({ stats }: { stats: GapStats }) {
  return (
    <>
      <Stat label="gap median" value={formatMs(stats.median)} />
      <Stat label="gap p95" value={formatMs(stats.p95)} />
      <Stat label="gap max" value={formatMs(stats.max)} hint={`before chunk ${stats.maxIndex + 2}`} />
    </>
  );
}

function Stat({ label, value, hint, testId, mono = true }: { label: string; value: string; hint?: string; testId?: string; mono?: boolean }) {
  return (
    <div className="min-w-0">
      <dt className="text-[11px] text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd data-testid={testId} className={`truncate text-zinc-900 dark:text-zinc-100 ${mono ? 'font-mono tabular-nums' : ''}`}>
        {value}
        {hint && <span className="ml-1.5 text-[11px] text-zinc-400 dark:text-zinc-500">{hint}</span>}
      </dd>
    </div>
  );
}

/**
 * Inter-chunk gaps as bars, at most CHART_BARS of them; each bar is the
 * largest gap it covers so a single stall stays visible. Heights are on a
 * square-root scale: the first-token wait would otherwise flatten the rest.
 */
function GapChart({ gaps, stats, cursor, onSeek }: { gaps: Float64Array; stats: GapStats; cursor: number; onSeek: (cursor: number) => void }) {
  const buckets = useMemo(() => bucketGaps(gaps, CHART_BARS), [gaps]);
  const bars = buckets.max.length;
  // Chunk c ends gap c-1; the line sits on that gap's share of the width.
  const cursorAt = cursor >= 1 ? Math.min(1, (cursor - 0.5) / gaps.length) : null;
  const summary = `Inter-chunk gaps, ${gaps.length.toLocaleString()} of them${
    bars < gaps.length ? ` in ${bars} bars (largest per bar)` : ''
  }: median ${formatMs(stats.median)}, p95 ${formatMs(stats.p95)}, max ${formatMs(stats.max)}. Click a bar to go to its chunk.`;
  return (
    <figure className="mt-2">
      <div className="relative">
        <GapBars buckets={buckets} top={Math.sqrt(stats.max)} summary={summary} onSeek={onSeek} />
        {cursorAt !== null && (
          <div
            aria-hidden="true"
            className="pointer-events-none absolute inset-y-0 w-px bg-indigo-500 dark:bg-indigo-400"
            style={{ left: `${(cursorAt * 100).toFixed(3)}%` }}
          />
        )}
      </div>
      <figcaption className="mt-0.5 flex justify-between text-[10.5px] text-zinc-400 dark:text-zinc-500">
        <span>gaps between chunks (√ scale)</span>
        <span>max {formatMs(stats.max)}</span>
      </figcaption>
    </figure>
  );
}

/** The bars only change with the recording, not with the cursor: memoized apart from the cursor line. */
const GapBars = memo(function GapBars({
  buckets,
  top,
  summary,
  onSeek,
}: {
  buckets: GapBuckets;
  top: number;
  summary: string;
  onSeek: (cursor: number) => void;
}) {
  const bars = buckets.max.length;
  return (
    <svg
      data-testid="playback-gap-chart"
      role="img"
      aria-label={summary}
      viewBox={`0 0 ${bars} ${CHART_HEIGHT}`}
      preserveAspectRatio="none"
      className="block h-9 w-full cursor-pointer rounded bg-zinc-50 dark:bg-zinc-900"
      onClick={(event) => {
        const box = event.currentTarget.getBoundingClientRect();
        const bar = Math.min(bars - 1, Math.max(0, Math.floor(((event.clientX - box.left) / box.width) * bars)));
        // Gap g sits between chunk g and g+1: go to the chunk that ended it.
        onSeek((buckets.start[bar] ?? 0) + 1);
      }}
    >
      <title>{summary}</title>
      {Array.from(buckets.max, (gap, b) => {
        const h = top > 0 ? Math.max(gap > 0 ? 1 : 0, (Math.sqrt(gap) / top) * CHART_HEIGHT) : 0;
        return <rect key={b} x={b + 0.1} width={0.8} y={CHART_HEIGHT - h} height={h} className="fill-sky-500/80 dark:fill-sky-400/80" />;
      })}
    </svg>
  );
});
