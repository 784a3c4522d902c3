import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { ChunkMark } from '../../core/recording/types';
import { neutralizeBidi, visibleControls } from '../../shared/visibleText';
import { prettyChunk, type ChunkDelta } from './chunkJson';

const MARK_NAMES: [number, string, string][] = [
  [ChunkMark.role, 'role', 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300'],
  [ChunkMark.reasoning, 'reasoning', 'bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-300'],
  [ChunkMark.toolStart, 'tool call start', 'bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300'],
  [ChunkMark.finish, 'finish', 'bg-rose-100 text-rose-800 dark:bg-rose-950 dark:text-rose-300'],
  [ChunkMark.usage, 'usage', 'bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300'],
  [ChunkMark.error, 'error', 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300'],
];

interface ChunkViewProps {
  chunk: unknown;
  cursor: number;
  marks: number;
  delta: ChunkDelta;
  /** "+53 ms" from the previous chunk, when timing is recorded. */
  when?: string;
}

/**
 * The raw JSON of the chunk under the cursor, with the values it contributed
 * highlighted. Bidi overrides are shown as escapes: a chunk must not be able
 * to reorder what the reviewer reads around it.
 */
export function ChunkView({ chunk, cursor, marks, delta, when }: ChunkViewProps) {
  const needles = useMemo(
    () => [delta.text, delta.reasoning, ...delta.tools.flatMap((t) => (t.started ? [t.name, t.arguments] : [t.arguments]))],
    [delta],
  );
  const pretty = useMemo(() => (cursor < 0 ? null : prettyChunk(chunk, needles)), [chunk, cursor, needles]);
  const preRef = useRef<HTMLPreElement>(null);
  const [jsonOpen, setJsonOpen] = useState(false);
  // Deep chunks (tool-call deltas sit ~15 lines down) would hide what they added below the fold.
  // Scrolls only the <pre>, never the page, and only when the mark is out of view.
  useLayoutEffect(() => {
    const pre = preRef.current;
    const mark = pre?.querySelector('mark');
    if (!pre || !(mark instanceof HTMLElement)) return;
    const top = mark.offsetTop;
    const bottom = top + mark.offsetHeight;
    if (top < pre.scrollTop || bottom > pre.scrollTop + pre.clientHeight) {
      pre.scrollTop = Math.max(0, top - pre.clientHeight / 3);
    }
  }, [pretty, jsonOpen]);
  const added: string[] = [];
  if (delta.text) added.push(`+${delta.text.length.toLocaleString()} text`);
  if (delta.reasoning) added.push(`+${delta.reasoning.length.toLocaleString()} reasoning`);
  for (const tool of delta.tools) {
    if (tool.started) added.push(`starts ${visibleControls(tool.name) || 'a tool call'}`);
    if (tool.arguments) added.push(`+${tool.arguments.length.toLocaleString()} args`);
  }

  return (
    <div className="flex min-w-0 flex-col gap-1">
      <div className="flex flex-wrap items-center gap-1.5 text-[11px]">
        <span className="font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Chunk</span>
        <span data-testid="playback-chunk-number" className="font-mono text-zinc-700 dark:text-zinc-300">
          {cursor < 0 ? '—' : `#${cursor}`}
        </span>
        {when && <span className="font-mono text-zinc-400 dark:text-zinc-500">{when}</span>}
        {MARK_NAMES.filter(([flag]) => marks & flag).map(([flag, name, colors]) => (
          <span key={flag} className={`rounded px-1 py-px ${colors}`}>
            {name}
          </span>
        ))}
        <span data-testid="playback-chunk-added" className="font-mono text-zinc-500 dark:text-zinc-400">
          {cursor < 0 ? '' : added.length ? added.join(' · ') : 'adds no content'}
        </span>
      </div>
      {/* What the chunk added comes first, verbatim; the JSON wrapper around it is folded away. */}
      {cursor >= 0 && <DeltaView delta={delta} />}
      <details open={jsonOpen} onToggle={(event) => setJsonOpen(event.currentTarget.open)} className="text-[11px]">
        <summary className="cursor-pointer select-none text-zinc-500 dark:text-zinc-400">Chunk JSON</summary>
      <pre
        ref={preRef}
        data-testid="playback-chunk"
        data-index={cursor}
        tabIndex={0}
        aria-label={cursor < 0 ? 'Current chunk: none yet' : `Raw JSON of chunk ${cursor}`}
        className="relative max-h-80 min-h-[2.5rem] overflow-auto whitespace-pre rounded border border-zinc-200 bg-zinc-50 px-2 py-1.5 font-mono text-[11.5px] leading-[1.45] text-zinc-800 dark:border-zinc-800 dark:bg-zinc-900/70 dark:text-zinc-200"
      >
        {pretty === null ? (
          <span className="italic text-zinc-500">Before the first chunk: nothing has arrived yet.</span>
        ) : (
          pretty.segments.map((segment, i) =>
            segment.added ? (
              <mark key={i} className="playback-added">
                {neutralizeBidi(segment.text)}
              </mark>
            ) : (
              neutralizeBidi(segment.text)
            ),
          )
        )}
        {pretty?.truncated && <span className="block italic text-zinc-500">… cut at 200,000 characters</span>}
      </pre>
      </details>
    </div>
  );
}

function DeltaView({ delta }: { delta: ChunkDelta }) {
  const pieces: { label: string; text: string; className: string }[] = [];
  if (delta.text) pieces.push({ label: 'text', text: delta.text, className: 'text-zinc-900 dark:text-zinc-100' });
  if (delta.reasoning) pieces.push({ label: 'reasoning', text: delta.reasoning, className: 'text-violet-800 dark:text-violet-300' });
  for (const tool of delta.tools) {
    const label = `${tool.started ? 'starts ' : ''}${visibleControls(tool.name) || 'tool call'} arguments`;
    pieces.push({ label, text: tool.arguments, className: 'text-amber-800 dark:text-amber-300' });
  }
  if (pieces.length === 0) return null;
  return (
    <dl data-testid="playback-chunk-delta" className="space-y-0.5 rounded border border-zinc-200 bg-white px-2 py-1 dark:border-zinc-800 dark:bg-zinc-950">
      {pieces.map((piece, i) => (
        <div key={i} className="flex gap-2">
          <dt className="w-28 shrink-0 truncate text-[11px] text-zinc-500">{piece.label}</dt>
          <dd className={`verbatim min-w-0 flex-1 font-mono text-[12px] ${piece.className}`}>
            {piece.text ? neutralizeBidi(piece.text) : <i className="font-sans text-zinc-400">(name only)</i>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
