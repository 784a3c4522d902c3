import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import type { Recording, StreamTrack } from '../../core/recording/types';
import { streamTiming } from '../../core/timing/analyze';
import { plural } from '../../core/units/units';
import { asapClock, DEFAULT_SYNTHETIC_RATE, recordedClock, syntheticClock } from '../../core/timing/step';
import { visibleControls } from '../../shared/visibleText';
import { chunkDelta } from './chunkJson';
import { ChunkView } from './ChunkView';
import { ChunkTable } from './ChunkTable';
import { GrowingText } from './GrowingText';
import { Icon, type IconName } from './icons';
import { classifyKeyTarget, playerKeyAction } from './keys';
import { MarksStrip } from './MarksStrip';
import { formatMs, TimingPanel } from './TimingPanel';
import { usePlayback } from './usePlayback';
import './playback.css';

type Speed = number | 'max';
const SPEEDS: Speed[] = [0.25, 0.5, 1, 2, 4, 8, 16, 'max'];
const SPEED_KEY = 'playback-speed';

function storedSpeed(): Speed {
  try {
    const value = localStorage.getItem(SPEED_KEY);
    if (value === 'max') return 'max';
    const n = Number(value);
    return SPEEDS.includes(n) ? n : 1;
  } catch {
    return 1;
  }
}

/** Token-by-token playback of a streamed response; renders nothing for other recordings. */
export function Player({ recording }: { recording: Recording }) {
  if (!recording.stream) return null;
  // A new recording starts a new player: cursor, timers and DOM text all reset.
  return <PlayerBody key={recording.path} recording={recording} stream={recording.stream} />;
}

function PlayerBody({ recording, stream }: { recording: Recording; stream: StreamTrack }) {
  const { response } = recording;
  const total = stream.chunks.length;
  const last = total - 1;
  const timing = useMemo(() => streamTiming(stream), [stream]);
  const [speed, setSpeed] = useState<Speed>(storedSpeed);
  const [syntheticRate, setSyntheticRate] = useState(DEFAULT_SYNTHETIC_RATE);
  const clock = useMemo(() => {
    if (speed === 'max') return asapClock(total);
    if (timing.playOffsets) return recordedClock(timing.playOffsets);
    return syntheticClock(syntheticRate);
  }, [speed, total, timing, syntheticRate]);
  const { cursor, playing, seek, toggle } = usePlayback(total, clock, speed === 'max' ? 1 : speed);

  const regionRef = useRef<HTMLElement>(null);
  const latest = useRef({ cursor, seek, toggle, last });
  useEffect(() => {
    latest.current = { cursor, seek, toggle, last };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const region = regionRef.current;
      const action = playerKeyAction(event, classifyKeyTarget(event.target, region));
      if (!action) return;
      event.preventDefault();
      const { cursor: at, seek: go, toggle: flip, last: end } = latest.current;
      if (action === 'toggle') flip();
      else if (action === 'back') go(at - 1);
      else if (action === 'forward') go(at + 1);
      else if (action === 'back10') go(at - 10);
      else if (action === 'forward10') go(at + 10);
      else if (action === 'start') go(0);
      else go(end);
    };
    // Space on a focused button would also click it on key-up; the key-down already toggled.
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key !== ' ' || !(event.target instanceof HTMLButtonElement)) return;
      if (regionRef.current?.contains(event.target)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, []);

  const chooseSpeed = useCallback((value: Speed) => {
    setSpeed(value);
    try {
      localStorage.setItem(SPEED_KEY, String(value));
    } catch {
      // Private modes can refuse storage; the choice still applies to this page.
    }
  }, []);
  const seekTo = useCallback((to: number) => seek(to), [seek]);

  const at = (arr: Int32Array | undefined, i: number) => (i >= 0 ? (arr?.[i] ?? 0) : 0);
  const delta = useMemo(() => chunkDelta(stream, response, cursor), [stream, response, cursor]);
  const offsets = timing.offsets;
  const when =
    offsets && cursor >= 0
      ? `t+${formatMs(offsets[cursor])}${cursor > 0 ? ` · Δ ${formatMs(offsets[cursor]! - offsets[cursor - 1]!)}` : ''}`
      : undefined;
  const startedTools = stream.toolStart.map((start, k) => ({ start, k })).filter(({ start }) => start <= cursor);
  const fill = total > 0 ? ((cursor + 1) / total) * 100 : 0;

  return (
    <section
      ref={regionRef}
      id="playback"
      data-testid="playback"
      aria-labelledby="playback-title"
      tabIndex={-1}
      data-playing={playing ? 'true' : 'false'}
      className="border-b border-zinc-200 px-4 py-3 outline-none dark:border-zinc-800"
    >
      <div className="mb-2 flex flex-wrap items-baseline gap-x-2 gap-y-1">
        <h2 id="playback-title" className="text-xs font-semibold uppercase tracking-wide text-zinc-500">
          Playback
        </h2>
        <span className="text-[11px] text-zinc-400 dark:text-zinc-500">
          {recording.kindLabel} · {plural(total, 'chunk')}
        </span>
        <span className="flex-1" />
        <span className="text-[11px] text-zinc-400 dark:text-zinc-500" aria-hidden="true">
          <Kbd>Space</Kbd> play/pause · <Kbd>←</Kbd>
          <Kbd>→</Kbd> step, with <Kbd>Shift</Kbd> ×10 · <Kbd>Home</Kbd>
          <Kbd>End</Kbd>
        </span>
      </div>

      <div
        role="group"
        aria-label="Playback controls"
        className="flex flex-wrap items-center gap-1 rounded border border-zinc-200 bg-zinc-50 px-1.5 py-1 dark:border-zinc-800 dark:bg-zinc-900/60"
      >
        {/* Start is the first chunk (#0): "before the first chunk" (-1) is one step back from it, never a URL Home writes. */}
        <ControlButton icon="start" label="Jump to the first chunk (Home)" testId="playback-start" disabled={cursor <= 0} onClick={() => seek(0)} />
        <ControlButton icon="back" label="Step back one chunk (←)" testId="playback-step-back" disabled={cursor <= -1} onClick={() => seek(cursor - 1)} />
        <ControlButton
          icon={playing ? 'pause' : 'play'}
          label={playing ? 'Pause (Space)' : cursor >= last ? 'Play from the start (Space)' : 'Play (Space)'}
          testId={playing ? 'playback-pause' : 'playback-play'}
          disabled={total === 0}
          onClick={toggle}
          primary
        />
        <ControlButton icon="forward" label="Step forward one chunk (→)" testId="playback-step-forward" disabled={cursor >= last} onClick={() => seek(cursor + 1)} />
        <ControlButton icon="end" label="Jump to end (End)" testId="playback-end" disabled={cursor >= last} onClick={() => seek(last)} />
        <span
          data-testid="playback-position"
          data-index={cursor}
          data-total={total}
          className="ml-2 font-mono text-[12px] tabular-nums text-zinc-800 dark:text-zinc-200"
        >
          {/* One numbering everywhere (counter, chunk pane, chunk table, ?chunk=): 0-based, as the contract's data-index. */}
          chunk {cursor < 0 ? '—' : `#${cursor}`} of {plural(total, 'chunk')}
        </span>
        {cursor < 0 && <span className="text-[11px] italic text-zinc-500">before the first chunk</span>}
        {when && <span className="ml-1 font-mono text-[11px] tabular-nums text-zinc-500 dark:text-zinc-400">{when}</span>}
        <span className="flex-1" />
        <span
          className={`text-[11px] ${timing.source === 'recorded' ? 'text-emerald-700 dark:text-emerald-400' : 'text-zinc-500 dark:text-zinc-400'}`}
          title="Where playback time comes from (details below)"
        >
          {timing.source === 'recorded'
            ? `recorded timing${timing.resolution === 'second' ? ' (1 s resolution)' : ''}`
            : `synthetic ${syntheticRate}/s`}
        </span>
        <label className="flex items-center gap-1 text-[11px] text-zinc-600 dark:text-zinc-400">
          Speed
          <select
            data-testid="playback-speed"
            value={String(speed)}
            onChange={(event) => chooseSpeed(event.target.value === 'max' ? 'max' : Number(event.target.value))}
            className="rounded border border-zinc-300 bg-white px-1 py-px font-mono text-[12px] text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
          >
            {SPEEDS.map((s) => (
              <option key={String(s)} value={String(s)}>
                {s === 'max' ? 'as fast as possible' : `${s}×`}
              </option>
            ))}
          </select>
        </label>
      </div>

      <div className="mt-2 flex flex-col gap-0.5">
        <input
          type="range"
          data-testid="playback-scrubber"
          min={-1}
          max={last}
          step={1}
          value={cursor}
          onChange={(event) => seek(Number(event.target.value), 'scrub')}
          aria-label="Chunk position"
          aria-valuetext={cursor < 0 ? `before the first chunk, of ${total}` : `chunk ${cursor + 1} of ${total}`}
          className="playback-range"
          style={{ '--fill': `${fill}%` } as CSSProperties}
        />
        <MarksStrip marks={stream.marks} />
      </div>

      <div className="mt-3 grid gap-3 lg:grid-cols-2">
        <div className="flex min-w-0 flex-col gap-2">
          {response.reasoning && (
            <Pane
              title="Reasoning"
              titleClass="text-violet-700 dark:text-violet-300"
              count={`${at(stream.reasoningEnd, cursor).toLocaleString()} / ${response.reasoning.length.toLocaleString()} chars`}
            >
              <GrowingText
                source={response.reasoning}
                from={at(stream.reasoningEnd, cursor - 1)}
                end={at(stream.reasoningEnd, cursor)}
                testId="playback-reasoning"
                label="Reasoning assembled so far"
                className="text-zinc-700 dark:text-zinc-300"
              />
            </Pane>
          )}
          <Pane
            title="Text"
            titleClass="text-role-assistant"
            count={`${at(stream.textEnd, cursor).toLocaleString()} / ${response.text.length.toLocaleString()} chars`}
            note={response.text ? undefined : 'this stream carries no text'}
          >
            <GrowingText
              source={response.text}
              from={at(stream.textEnd, cursor - 1)}
              end={at(stream.textEnd, cursor)}
              testId="playback-text"
              label="Text assembled so far"
            />
          </Pane>
          {response.toolCalls.length > 0 && (
            <Pane title="Tool calls" titleClass="text-role-tool" count={`${startedTools.length} / ${response.toolCalls.length} started`}>
              {startedTools.length === 0 ? (
                <div className="text-[12px] italic text-zinc-500">No tool call has started yet.</div>
              ) : (
                <ol className="flex flex-col gap-1.5">
                  {startedTools.map(({ k }) => {
                    const call = response.toolCalls[k]!;
                    const ends = stream.toolArgsEnd[k];
                    return (
                      <li
                        key={k}
                        data-testid="playback-tool-call"
                        data-name={call.name}
                        className="rounded border border-amber-300/70 bg-amber-50/40 px-2 py-1 dark:border-amber-800/70 dark:bg-amber-950/20"
                      >
                        <div className="mb-1 flex items-center gap-2 text-[12px]">
                          <span className="font-mono font-semibold text-zinc-900 dark:text-zinc-100">{visibleControls(call.name) || '(no name)'}</span>
                          {call.id && <span className="font-mono text-[11px] text-zinc-500">{visibleControls(call.id)}</span>}
                          <span className="ml-auto font-mono text-[11px] text-zinc-400">
                            {at(ends, cursor).toLocaleString()} / {call.arguments.length.toLocaleString()} chars
                          </span>
                        </div>
                        <GrowingText
                          source={call.arguments}
                          from={at(ends, cursor - 1)}
                          end={at(ends, cursor)}
                          testId="playback-tool-arguments"
                          label={`Arguments of ${call.name || 'tool call'} assembled so far`}
                          className="max-h-48"
                        />
                      </li>
                    );
                  })}
                </ol>
              )}
            </Pane>
          )}
        </div>
        <ChunkView chunk={cursor >= 0 ? stream.chunks[cursor] : undefined} cursor={cursor} marks={cursor >= 0 ? (stream.marks[cursor] ?? 0) : 0} delta={delta} when={when} />
      </div>

      <div className="mt-3">
        <ChunkTable stream={stream} response={response} offsets={offsets} cursor={cursor} onSeek={seekTo} />
      </div>

      <div className="mt-3">
        <TimingPanel timing={timing} cursor={cursor} total={total} syntheticRate={syntheticRate} onSyntheticRate={setSyntheticRate} onSeek={seekTo} />
      </div>
    </section>
  );
}

function ControlButton({
  icon,
  label,
  testId,
  disabled,
  onClick,
  primary = false,
}: {
  icon: IconName;
  label: string;
  testId: string;
  disabled?: boolean;
  onClick: () => void;
  primary?: boolean;
}) {
  return (
    <button
      type="button"
      data-testid={testId}
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      className={`inline-flex h-6 items-center justify-center rounded disabled:cursor-not-allowed disabled:opacity-40 ${
        primary
          ? 'w-8 bg-indigo-600 text-white hover:bg-indigo-500 dark:bg-indigo-500 dark:hover:bg-indigo-400'
          : 'w-6 text-zinc-700 hover:bg-zinc-200 dark:text-zinc-300 dark:hover:bg-zinc-800'
      }`}
    >
      <Icon name={icon} />
    </button>
  );
}

function Pane({
  title,
  titleClass,
  count,
  note,
  children,
}: {
  title: string;
  titleClass: string;
  count: string;
  note?: string;
  children: ReactNode;
}) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <div className="flex items-center gap-2 text-[11px]">
        <span className={`font-semibold uppercase tracking-wide ${titleClass}`}>{title}</span>
        <span className="font-mono tabular-nums text-zinc-400 dark:text-zinc-500">{count}</span>
        {note && <span className="italic text-zinc-500">{note}</span>}
      </div>
      {children}
    </div>
  );
}

function Kbd({ children }: { children: ReactNode }) {
  return (
    <kbd className="mx-px rounded border border-zinc-300 bg-white px-1 font-mono text-[10px] text-zinc-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-400">
      {children}
    </kbd>
  );
}
