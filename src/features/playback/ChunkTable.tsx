import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Recording, StreamTrack } from '../../core/recording/types';
import { visibleControls } from '../../shared/visibleText';
import { chunkDelta, chunkTypeName, deltaSummary } from './chunkJson';
import { formatMs } from './TimingPanel';

interface ChunkTableProps {
  stream: StreamTrack;
  response: Recording['response'];
  /** Milliseconds from the first chunk, when timing is recorded. */
  offsets: Float64Array | null;
  cursor: number;
  onSeek: (index: number) => void;
}

const ROW_HEIGHT = 22;

/**
 * Every chunk of the stream in one table, in the style of DevTools'
 * EventStream panel: index, time, what it added, type. Virtualized (a stream
 * can have 20,000 chunks); the cursor's row is highlighted and kept in view;
 * a click moves the player there.
 */
export function ChunkTable({ stream, response, offsets, cursor, onSeek }: ChunkTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const total = stream.chunks.length;
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  useEffect(() => {
    if (cursor >= 0) virtualizer.scrollToIndex(cursor, { align: 'auto' });
  }, [cursor, virtualizer]);

  return (
    <div data-testid="chunk-table" role="table" aria-label="Chunks" aria-rowcount={total + 1} className="rounded border border-zinc-200 text-[11.5px] dark:border-zinc-800">
      <div role="row" className="grid grid-cols-[4.5rem_5.5rem_1fr_11rem] gap-2 border-b border-zinc-200 bg-zinc-50 px-2 py-0.5 font-medium text-zinc-500 dark:border-zinc-800 dark:bg-zinc-900">
        <span role="columnheader">#</span>
        <span role="columnheader">time</span>
        <span role="columnheader">delta</span>
        <span role="columnheader">type</span>
      </div>
      <div ref={scrollRef} className="max-h-56 overflow-auto">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const index = item.index;
            const delta = chunkDelta(stream, response, index);
            const summary = deltaSummary(delta);
            const current = index === cursor;
            return (
              <div
                key={index}
                role="row"
                aria-rowindex={index + 2}
                aria-selected={current}
                data-testid="chunk-row"
                data-index={index}
                onClick={() => onSeek(index)}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: item.size, transform: `translateY(${item.start}px)` }}
                className={`grid cursor-pointer grid-cols-[4.5rem_5.5rem_1fr_11rem] items-center gap-2 px-2 font-mono ${
                  current ? 'bg-indigo-100 dark:bg-indigo-950' : index > cursor ? 'text-zinc-400 hover:bg-zinc-100 dark:text-zinc-600 dark:hover:bg-zinc-900' : 'hover:bg-zinc-100 dark:hover:bg-zinc-900'
                }`}
              >
                <span role="cell" className="tabular-nums">#{index}</span>
                <span role="cell" className="tabular-nums">{offsets ? formatMs(offsets[index]) : '—'}</span>
                <span role="cell" className="truncate whitespace-pre" title={summary}>
                  {summary ? visibleControls(summary.replace(/\n/g, '⏎')) : <i className="font-sans text-zinc-400">nothing added</i>}
                </span>
                <span role="cell" className="truncate" title={chunkTypeName(stream.chunks[index])}>
                  {visibleControls(chunkTypeName(stream.chunks[index]))}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
