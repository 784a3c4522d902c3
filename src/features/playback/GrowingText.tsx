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

/**
 * Shows `source.slice(0, end)` with `source.slice(from, end)` highlighted,
 * without React ever holding the text: the <pre> has two DOM nodes the effect
 * edits in place (a text node for what came before, a <mark> for the current
 * chunk). Moving forward appends only the new characters and moving back
 * deletes the tail, so a frame during playback of a 100 kB answer costs a few
 * characters of DOM work rather than a re-render of the whole string.
 * The textContent is always exactly the prefix.
 */
export const GrowingText = memo(function GrowingText({ source, from, end, testId, label, className = '' }: GrowingTextProps) {
  const preRef = useRef<HTMLPreElement>(null);
  const nodes = useRef<{ base: Text; mark: HTMLElement; added: Text; source: string } | null>(null);
  // Follows the tail while playing, until the reader scrolls up to read.
  const stick = useRef(true);

  useLayoutEffect(() => {
    const pre = preRef.current;
    if (!pre) return;
    let current = nodes.current;
    if (!current || current.source !== source || current.base.parentNode !== pre) {
      pre.textContent = '';
      const base = document.createTextNode('');
      const mark = document.createElement('mark');
      mark.className = 'playback-added';
      const added = document.createTextNode('');
      mark.append(added);
      pre.append(base, mark);
      current = { base, mark, added, source };
      nodes.current = current;
    }
    const stop = Math.min(Math.max(end, 0), source.length);
    const start = Math.min(Math.max(from, 0), stop);
    const have = current.base.length;
    if (start > have) current.base.appendData(source.slice(have, start));
    else if (start < have) current.base.deleteData(start, have - start);
    const delta = source.slice(start, stop);
    if (current.added.data !== delta) current.added.data = delta;
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
