/**
 * Small renderers for diffs. Everything is text nodes: recordings are
 * untrusted, so no value ever becomes markup.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { wordDiff, type JsonChange, type StructuralDiffResult, type TextDiff } from '../../core/diff';
import { safeStringify } from '../../shared/ui/JsonTree';
import { neutralizeBidi, visibleControls } from '../../shared/visibleText';

const VALUE_CLIP = 400;
/** Changed strings at least this long read better as a word diff than as two quoted blobs. */
const WORD_DIFF_MIN = 40;
const CHANGES_PAGE = 100;

export const removedText = 'bg-red-100 text-red-900 line-through decoration-red-500/70 dark:bg-red-950/70 dark:text-red-200';
export const addedText = 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950/70 dark:text-emerald-200';

export function compactValue(value: unknown): string {
  if (value === undefined) return '(absent)';
  return safeStringify(value);
}

/** A JSON value on one line, clipped with a control to see it all. */
export function ValueText({ value, tone }: { value: unknown; tone?: 'removed' | 'added' }) {
  const [all, setAll] = useState(false);
  const text = compactValue(value);
  const cut = !all && text.length > VALUE_CLIP;
  const toneClass = tone === 'removed' ? removedText : tone === 'added' ? addedText : '';
  return (
    <span className="break-all font-mono text-[12px]">
      <span className={`rounded-sm px-0.5 ${toneClass}`}>{neutralizeBidi(cut ? text.slice(0, VALUE_CLIP) : text)}</span>
      {cut && (
        <button type="button" className="ml-1 text-[11px] text-indigo-600 underline dark:text-indigo-400" onClick={() => setAll(true)}>
          …show all {text.length.toLocaleString()} chars
        </button>
      )}
    </span>
  );
}

export function BeforeAfter({ before, after }: { before: unknown; after: unknown }) {
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-1.5">
      <ValueText value={before} tone="removed" />
      <span aria-label="becomes" className="text-zinc-400">
        →
      </span>
      <ValueText value={after} tone="added" />
    </span>
  );
}

/** Inline word diff: removed words struck through in red, added ones in green, whitespace kept. */
export function WordDiffText({ diff, testId }: { diff: TextDiff; testId?: string }) {
  return (
    <div>
      {diff.approximate && (
        <p className="mb-1 text-[11px] text-zinc-500">Too long or too different for a word diff: the whole old text, then the whole new one.</p>
      )}
      <pre data-testid={testId} className="verbatim rounded border border-zinc-200 bg-white p-2 text-[12.5px] leading-relaxed dark:border-zinc-800 dark:bg-zinc-950">
        {diff.segments.map((seg, i) =>
          seg.removed ? (
            <del key={i} data-op="removed" className={removedText}>
              {neutralizeBidi(seg.value)}
            </del>
          ) : seg.added ? (
            <ins key={i} data-op="added" className={`no-underline ${addedText}`}>
              {neutralizeBidi(seg.value)}
            </ins>
          ) : (
            <span key={i}>{neutralizeBidi(seg.value)}</span>
          ),
        )}
      </pre>
    </div>
  );
}

const kindStyle: Record<JsonChange['kind'], { label: string; className: string }> = {
  added: { label: 'added', className: 'text-emerald-700 dark:text-emerald-400' },
  removed: { label: 'removed', className: 'text-red-700 dark:text-red-400' },
  changed: { label: 'changed', className: 'text-amber-700 dark:text-amber-400' },
};

function ChangeRow({ change, pathPrefix }: { change: JsonChange; pathPrefix: string }) {
  const path = change.path === '' ? pathPrefix || '(whole value)' : pathPrefix ? `${pathPrefix}.${change.path}` : change.path;
  const longStrings =
    change.kind === 'changed' &&
    typeof change.before === 'string' &&
    typeof change.after === 'string' &&
    Math.max(change.before.length, change.after.length) >= WORD_DIFF_MIN;
  const words = useMemo(
    () => (longStrings ? wordDiff(change.before as string, change.after as string) : null),
    [longStrings, change.before, change.after],
  );
  const style = kindStyle[change.kind];
  return (
    <li data-testid="json-change" data-path={path} data-kind={change.kind} className="border-b border-zinc-100 py-1 last:border-b-0 dark:border-zinc-800/70">
      <div className="flex items-baseline gap-2">
        <span className={`w-14 shrink-0 text-[11px] font-medium ${style.className}`}>{style.label}</span>
        <span className="min-w-0 break-all font-mono text-[12px] text-violet-700 dark:text-violet-300">{visibleControls(path)}</span>
      </div>
      <div className="mt-0.5 pl-16">
        {change.kind === 'added' ? (
          <ValueText value={change.after} tone="added" />
        ) : change.kind === 'removed' ? (
          <ValueText value={change.before} tone="removed" />
        ) : words ? (
          <WordDiffText diff={words} />
        ) : (
          <BeforeAfter before={change.before} after={change.after} />
        )}
      </div>
    </li>
  );
}

/** A structural diff as a list: path, then before → after, colored by kind. */
export function JsonChangeList({
  result,
  pathPrefix = '',
  testId,
  empty,
}: {
  result: StructuralDiffResult;
  pathPrefix?: string;
  testId?: string;
  empty?: ReactNode;
}) {
  const [shown, setShown] = useState(CHANGES_PAGE);
  if (result.changes.length === 0) return empty ? <p className="text-[12px] text-zinc-500">{empty}</p> : null;
  return (
    <div data-testid={testId}>
      <ul className="rounded border border-zinc-200 px-2 dark:border-zinc-800">
        {result.changes.slice(0, shown).map((change, i) => (
          <ChangeRow key={`${change.path}:${i}`} change={change} pathPrefix={pathPrefix} />
        ))}
      </ul>
      {result.changes.length > shown && (
        <button type="button" className="mt-1 text-[11px] text-indigo-600 underline dark:text-indigo-400" onClick={() => setShown(shown + CHANGES_PAGE * 5)}>
          Show {Math.min(CHANGES_PAGE * 5, result.changes.length - shown)} more of {result.changes.length - shown}
        </button>
      )}
      {result.truncated && <p className="mt-1 text-[11px] text-zinc-500">The list stops here: there are more changes than are worth listing.</p>}
      {result.depthLimited && <p className="mt-1 text-[11px] text-zinc-500">Some very deep values are compared whole.</p>}
    </div>
  );
}

export function noiseSentence(count: number): string {
  if (count === 0) return 'No noise fields changed';
  return `${count.toLocaleString()} noise field${count === 1 ? '' : 's'} changed (ids, timestamps, fingerprints)`;
}

export function NoiseLine({ count }: { count: number }) {
  return (
    <p data-testid="diff-noise" data-count={count} className="text-[12px] text-zinc-500" title="id, created, created_at, system_fingerprint, obfuscation, durations, response_id, create_time, sdk_http_response, id_normalization_mapping">
      {noiseSentence(count)}
    </p>
  );
}
