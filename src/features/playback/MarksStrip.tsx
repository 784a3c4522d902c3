import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { ChunkMark } from '../../core/recording/types';

/** Width of the scrubber thumb in playback.css: chunk i sits under the thumb's centre. */
export const THUMB_PX = 12;

interface Lane {
  flag: number;
  label: string;
  color: string;
  /** Runs (reasoning) read better as a band than as thousands of ticks. */
  band?: boolean;
}

// One lane each so a chunk carrying several marks shows all of them.
const LANES: Lane[] = [
  { flag: ChunkMark.role, label: 'role', color: '#10b981' },
  { flag: ChunkMark.reasoning, label: 'reasoning', color: '#8b5cf6', band: true },
  { flag: ChunkMark.toolStart, label: 'tool call start', color: '#f59e0b' },
  { flag: ChunkMark.finish, label: 'finish reason', color: '#f43f5e' },
  { flag: ChunkMark.usage, label: 'usage', color: '#0ea5e9' },
  { flag: ChunkMark.error, label: 'error', color: '#dc2626' },
];
const LANE_PX = 4;

/**
 * Chunk marks under the scrubber, drawn into a canvas by pixel column: a
 * 20,000-chunk stream costs one pass over a byte array, not 20,000 nodes.
 */
export const MarksStrip = memo(function MarksStrip({ marks }: { marks: Uint8Array }) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(0);

  const lanes = useMemo(() => {
    const present = LANES.map((lane) => ({ lane, count: 0 }));
    for (let i = 0; i < marks.length; i++) {
      const m = marks[i]!;
      if (m === 0) continue;
      for (const entry of present) if (m & entry.lane.flag) entry.count++;
    }
    return present.filter((entry) => entry.count > 0);
  }, [marks]);

  useEffect(() => {
    const wrap = wrapRef.current;
    if (!wrap) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(wrap);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || width === 0) return;
    const ratio = window.devicePixelRatio || 1;
    const height = Math.max(1, lanes.length) * LANE_PX;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const n = marks.length;
    // The range spans -1..n-1: n+1 positions over the track between thumb centres.
    const usable = Math.max(1, width - THUMB_PX);
    const xOf = (i: number) => THUMB_PX / 2 + ((i + 1) / Math.max(1, n)) * usable;
    lanes.forEach(({ lane }, row) => {
      ctx.fillStyle = lane.color;
      const y = row * LANE_PX;
      let lastColumn = -1;
      for (let i = 0; i < n; i++) {
        if (!(marks[i]! & lane.flag)) continue;
        const column = Math.floor(xOf(i));
        if (column === lastColumn) continue;
        lastColumn = column;
        if (lane.band) {
          // Fill to the next chunk so a run of reasoning chunks joins up.
          const next = Math.max(column + 1, Math.ceil(xOf(i + 1)));
          ctx.fillRect(column, y, next - column, LANE_PX - 1);
        } else {
          ctx.fillRect(column - 1, y, 3, LANE_PX - 1);
        }
      }
    });
  }, [marks, lanes, width]);

  if (lanes.length === 0) return <div ref={wrapRef} className="h-0" />;
  return (
    <div className="flex flex-col gap-0.5">
      <div ref={wrapRef} className="relative">
        <canvas
          ref={canvasRef}
          data-testid="playback-marks"
          aria-hidden="true"
          className="block w-full"
          style={{ height: lanes.length * LANE_PX }}
        />
      </div>
      <ul aria-label="Chunk marks on the track" className="flex flex-wrap gap-x-3 text-[11px] text-zinc-500 dark:text-zinc-400">
        {lanes.map(({ lane, count }) => (
          <li key={lane.flag} className="flex items-center gap-1">
            <span aria-hidden="true" className="inline-block h-2 w-2 rounded-sm" style={{ background: lane.color }} />
            {lane.label} <span className="tabular-nums text-zinc-400 dark:text-zinc-500">{count.toLocaleString()}</span>
          </li>
        ))}
      </ul>
    </div>
  );
});
