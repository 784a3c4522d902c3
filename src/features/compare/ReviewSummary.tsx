import { useMemo } from 'react';
import { reviewMarkdown } from '../../core/diff';
import { Button } from '../../shared/ui/Button';
import { CopyButton } from '../../shared/ui/CopyButton';
import { neutralizeBidi } from '../../shared/visibleText';
import type { CompareState } from './state';

/** The Markdown review for a PR comment, shown as text (never rendered), with Copy and Download. */
export function ReviewSummary({ state, onClose }: { state: CompareState; onClose: () => void }) {
  const { run } = state;
  const markdown = useMemo(() => {
    if (!run.summary) return '';
    const lb = run.leftBehind;
    const title =
      state.origin === 'pr' && state.pr.info
        ? `Recording review: ${state.pr.info.ref.owner}/${state.pr.info.ref.repo}#${state.pr.info.ref.number}`
        : state.base && state.head
          ? `Recording review: ${state.base.name} → ${state.head.name}`
          : undefined;
    // Bidi controls could reorder what a reviewer reads in the PR comment; they are shown as code points everywhere.
    return neutralizeBidi(reviewMarkdown({
      summary: run.summary,
      entries: run.entries,
      leftBehind: lb.status === 'done' ? lb.files : null,
      leftBehindUnknown: lb.status === 'computing' ? 'still computing replay keys.' : lb.status === 'unavailable' || lb.status === 'failed' ? lb.reason : undefined,
      title,
    }));
  }, [run.summary, run.entries, run.leftBehind, state.origin, state.pr.info, state.base, state.head]);

  const download = () => {
    const url = URL.createObjectURL(new Blob([markdown], { type: 'text/markdown' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'recording-review.md';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  return (
    <section
      aria-label="Review summary"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
      className="flex max-h-[45vh] min-h-0 shrink-0 flex-col border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900/60">
      <div className="flex flex-wrap items-center gap-2 px-3 py-1 text-[12px]">
        <span className="font-medium text-zinc-700 dark:text-zinc-300">Review summary (Markdown, for a PR comment)</span>
        <span className="ml-auto flex items-center gap-1">
          <CopyButton text={markdown} label="review summary" className="border border-zinc-300 dark:border-zinc-700" />
          <Button data-testid="review-summary-download" onClick={download} className="!py-0.5 text-[12px]">
            Download .md
          </Button>
          <Button variant="ghost" onClick={onClose} aria-label="Close the review summary" className="!py-0.5 text-[12px]">
            Close
          </Button>
        </span>
      </div>
      <pre
        data-testid="review-summary"
        tabIndex={0}
        // Opened on request: keyboard users land on the text, ready to select or press Escape.
        autoFocus
        className="verbatim mx-3 mb-2 min-h-0 flex-1 overflow-auto rounded border border-zinc-200 bg-white p-2 font-mono text-[12px] leading-snug dark:border-zinc-800 dark:bg-zinc-950"
      >
        {markdown}
      </pre>
    </section>
  );
}
