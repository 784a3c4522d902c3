import { memo, useLayoutEffect, useRef } from 'react';

interface GrowingTextProps {
  /** The final string; what is shown is always a prefix of it. */
  source: string;
  /** Where the current chunk's contribution starts (highlighted up to `end`). */
  from: number;
  end: number;
  testId: string;
  label: string;
  className?: string;
}

/** Frozen pieces are about this long; a step back past one re-lays out only that piece. */
const BLOCK_CHARS = 4096;

interface Nodes {
  source: string;
  /** Block elements holding source[0, frozenEnd), each ending just after a newline. */
  frozen: { el: HTMLElement; length: number }[];
  frozenEnd: number;
  /** Where the search for the next newline may resume (none in [frozenEnd, scannedTo)). */
  scannedTo: number;
  base: Text;
  mark: HTMLElement;
  added: Text;
}

/**
 * Shows `source.slice(0, end)` with `source.slice(from, end)` highlighted,
 * without React ever holding the text: the effect edits DOM nodes in place,
 * appending only new characters going forward and deleting the tail going back.
 *
 * Appending to one ever-longer text node still makes the browser re-lay out
 * the whole paragraph every frame (measured: 30-50 ms frames at 140 kB). So
 * text up to a newline is moved, in pieces of about BLOCK_CHARS, into block
 * elements that never change again; only the live tail since the last freeze
 * is laid out per frame. Newlines are forced line breaks already, so the
 * rendering is the same as one text node, and textContent is exactly the prefix.
 */
export const GrowingText = memo(function GrowingText({ source, from, end, testId, label, className = '' }: GrowingTextProps) {
  const preRef = useRef<HTMLPreElement>(null);
  const nodes = useRef<Nodes | null>(null);
  // Follows the tail while playing, until the reader scrolls up to read.
  const stick = useRef(true);

  useLayoutEffect(() => {
    const pre = preRef.current;
    if (!pre) return;
    let n = nodes.current;
    if (!n || n.source !== source || n.base.parentNode !== pre) {
      pre.textContent = '';
      const base = document.createTextNode('');
      const mark = document.createElement('mark');
      mark.className = 'playback-added';
      const added = document.createTextNode('');
      mark.append(added);
      pre.append(base, mark);
      n = { source, frozen: [], frozenEnd: 0, scannedTo: 0, base, mark, added };
      nodes.current = n;
    }
    const stop = Math.min(Math.max(end, 0), source.length);
    const start = Math.min(Math.max(from, 0), stop);

    if (start < n.frozenEnd) {
      // Back into frozen text: thaw the pieces after `start`, rebuild the (short) live tail.
      while (n.frozenEnd > start) {
        const piece = n.frozen.pop()!;
        piece.el.remove();
        n.frozenEnd -= piece.length;
      }
      n.scannedTo = n.frozenEnd;
      n.base.data = source.slice(n.frozenEnd, start);
    } else {
      const have = n.frozenEnd + n.base.length;
      if (start > have) n.base.appendData(source.slice(have, start));
      else if (start < have) n.base.deleteData(start - n.frozenEnd, have - start);
      if (n.scannedTo > start) n.scannedTo = start;
    }

    let froze = false;
    while (start - n.frozenEnd > BLOCK_CHARS) {
      const cut = nextCut(source, n, start);
      if (cut < 0) break;
      const el = document.createElement('span');
      el.className = 'block';
      el.textContent = source.slice(n.frozenEnd, cut);
      pre.insertBefore(el, n.base);
      n.frozen.push({ el, length: cut - n.frozenEnd });
      n.frozenEnd = cut;
      n.scannedTo = cut;
      froze = true;
    }
    if (froze) n.base.data = source.slice(n.frozenEnd, start);

    const delta = source.slice(start, stop);
    if (n.added.data !== delta) n.added.data = delta;
    // An empty <mark> would still draw its outline as a stray caret.
    n.mark.hidden = delta.length === 0;
    if (stick.current && pre.scrollHeight > pre.clientHeight) pre.scrollTop = pre.scrollHeight;
  }, [source, from, end]);

  return (
    <pre
      ref={preRef}
      data-testid={testId}
      aria-label={label}
      tabIndex={0}
      onScroll={(event) => {
        const el = event.currentTarget;
        stick.current = el.scrollTop + el.clientHeight >= el.scrollHeight - 8;
      }}
      className={`verbatim max-h-80 min-h-[2.5rem] resize-y overflow-auto rounded border border-zinc-200 bg-white px-2 py-1.5 text-[12.5px] leading-[1.45] text-zinc-900 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-100 ${className}`}
    />
  );
});

/**
 * End (exclusive, just after a newline) of the next piece to freeze, or -1.
 * Prefers the last newline within BLOCK_CHARS; a longer line is frozen whole
 * once its newline has arrived.
 */
function nextCut(source: string, n: Nodes, start: number): number {
  const limit = Math.min(n.frozenEnd + BLOCK_CHARS, start) - 1;
  const before = source.lastIndexOf('\n', limit);
  if (before >= n.frozenEnd) return before + 1;
  const after = source.indexOf('\n', Math.max(n.scannedTo, limit + 1));
  if (after < 0 || after >= start) {
    // Nothing to freeze yet; the next frame resumes the scan here rather than from the piece start.
    n.scannedTo = start;
    return -1;
  }
  return after + 1;
}
