import { useMemo, useState, type ReactNode } from 'react';
import {
  preferredTextLayout,
  structuralDiff,
  textSides,
  type ChunkRow,
  type RecordingDiff,
  type StreamDiff,
  type TextDiff,
  type ToolCallDiff,
  type ValueChange,
} from '../../core/diff';
import { Section } from '../../shared/ui/Section';
import { Badge } from '../../shared/ui/Badge';
import { neutralizeBidi, visibleControls } from '../../shared/visibleText';
import { addedText, BeforeAfter, JsonChangeList, NoiseLine, removedText, ValueText, WordDiffText } from './diffParts';
import type { PairDiff } from './protocol';

export function PairDiffBody({ pair }: { pair: PairDiff }) {
  if (pair.kind === 'recordings') return <RecordingDiffBody diff={pair.diff} />;
  return (
    <div>
      <div className="border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
        <NotRecordingNote baseProblem={pair.baseProblem} headProblem={pair.headProblem} />
        {pair.kind === 'json' && <NoiseLine count={pair.noiseFieldsChanged} />}
      </div>
      <Section id="diff-document" title={pair.kind === 'json' ? 'JSON changes (noise excluded)' : 'Text changes'}>
        {pair.kind === 'json' ? (
          <JsonChangeList result={pair.diff} testId="diff-document-changes" empty="Only noise changed." />
        ) : (
          <WordDiffText diff={pair.diff} testId="text-diff" />
        )}
      </Section>
    </div>
  );
}

function NotRecordingNote({ baseProblem, headProblem }: { baseProblem: string | null; headProblem: string | null }) {
  return (
    <ul className="mb-1 text-[12px] text-amber-800 dark:text-amber-300">
      {baseProblem && <li>Base is not a recording: {baseProblem}</li>}
      {headProblem && <li>Head is not a recording: {headProblem}</li>}
    </ul>
  );
}

function Fact({ field, label, children }: { field: string; label: string; children: ReactNode }) {
  return (
    <div data-testid="fact-change" data-field={field} className="flex items-baseline gap-2 py-0.5">
      <span className="w-28 shrink-0 text-[12px] text-zinc-500">{label}</span>
      <span className="min-w-0">{children}</span>
    </div>
  );
}

function FactChange<T>({ field, label, change }: { field: string; label: string; change: ValueChange<T> | undefined }) {
  if (!change) return null;
  return (
    <Fact field={field} label={label}>
      <BeforeAfter before={change.before} after={change.after} />
    </Fact>
  );
}

function isEmptyRequest(diff: RecordingDiff): boolean {
  const r = diff.request;
  return r.changes.length === 0 && !r.endpoint && !r.method && !r.url && !r.regeneratedIds && (r.envelope?.changes.length ?? 0) === 0;
}

/**
 * A changed text: inline word diff when the two are close, side by side when
 * they share little (an interleaved diff of a rewritten answer reads as
 * nonsense). The reviewer can switch either way.
 */
function TextChange({ diff, testId }: { diff: TextDiff; testId: string }) {
  const preferred = preferredTextLayout(diff);
  const [layout, setLayout] = useState(preferred);
  const sides = useMemo(() => textSides(diff), [diff]);
  const other = layout === 'inline' ? 'side-by-side' : 'inline';
  return (
    <div data-testid={`${testId}-change`} data-layout={layout} data-similarity={diff.similarity.toFixed(2)}>
      <div className="mb-1 flex flex-wrap items-center gap-2 text-[11px] text-zinc-500">
        <span>
          {Math.round(diff.similarity * 100)}% shared · {preferred === 'inline' ? 'close: word diff' : 'rewritten: side by side'}
        </span>
        <button
          type="button"
          data-testid="text-layout-toggle"
          onClick={() => setLayout(other)}
          className="rounded border border-zinc-300 px-1.5 py-px text-[11px] text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800"
        >
          {other === 'inline' ? 'Show as word diff' : 'Show side by side'}
        </button>
      </div>
      {layout === 'inline' ? (
        <WordDiffText diff={diff} testId={testId} />
      ) : (
        <div data-testid={`${testId}-sides`} className="grid grid-cols-1 gap-2 md:grid-cols-2">
          <TextSide label="base" text={sides.before} tone={removedText} testId="text-side-base" />
          <TextSide label="head" text={sides.after} tone={addedText} testId="text-side-head" />
        </div>
      )}
    </div>
  );
}

function TextSide({ label, text, tone, testId }: { label: string; text: string; tone: string; testId: string }) {
  return (
    <div className="min-w-0">
      <div className="mb-0.5 text-[11px] font-medium uppercase tracking-wide text-zinc-500">{label}</div>
      <pre data-testid={testId} className={`verbatim max-h-96 overflow-auto rounded border border-zinc-200 p-2 text-[12.5px] leading-relaxed no-underline dark:border-zinc-800 ${tone.replace(/line-through|decoration-\S+/g, '')}`}>
        {text === '' ? <span className="italic text-zinc-500">(no text)</span> : neutralizeBidi(text)}
      </pre>
    </div>
  );
}

/** The chunking summary, and the raw chunks lined up by content on request. */
function StreamChange({ stream }: { stream: StreamDiff }) {
  return (
    <div className="min-w-0">
      <p data-testid="stream-summary" data-before={stream.before} data-after={stream.after} className="text-[12.5px]">
        {renderTicks(stream.summary)}
      </p>
      {stream.rows && (
        <details className="mt-1 text-[12px]">
          <summary className="cursor-pointer text-zinc-500">Chunks, aligned by content ({stream.rows.filter((r) => r.kind !== 'same').length} differ)</summary>
          <ChunkTable rows={stream.rows} truncated={stream.truncated} />
        </details>
      )}
    </div>
  );
}

/** `code` spans in the summary sentence, as text nodes. */
function renderTicks(text: string): ReactNode[] {
  return text.split('`').map((part, i) =>
    i % 2 === 1 ? (
      <code key={i} className="rounded bg-zinc-100 px-0.5 font-mono text-[11.5px] dark:bg-zinc-800">
        {part}
      </code>
    ) : (
      <span key={i}>{part}</span>
    ),
  );
}

const rowTone: Record<ChunkRow['kind'], string> = {
  same: '',
  added: 'bg-emerald-50 dark:bg-emerald-950/40',
  removed: 'bg-red-50 dark:bg-red-950/40',
  changed: 'bg-amber-50 dark:bg-amber-950/40',
};

function ChunkTable({ rows, truncated }: { rows: ChunkRow[]; truncated: boolean }) {
  return (
    <div className="mt-1 max-h-96 overflow-auto rounded border border-zinc-200 dark:border-zinc-800">
      <table className="w-full table-fixed border-collapse font-mono text-[11.5px]">
        <thead className="sticky top-0 bg-zinc-100 text-left text-zinc-500 dark:bg-zinc-900">
          <tr>
            <th className="w-10 px-1">#</th>
            <th className="px-1">base</th>
            <th className="w-10 px-1">#</th>
            <th className="px-1">head</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i} data-testid="chunk-row" data-kind={row.kind} className={`border-t border-zinc-100 align-top dark:border-zinc-800/70 ${rowTone[row.kind]}`}>
              <td className="px-1 text-zinc-400">{row.base ? row.base.index + 1 : ''}</td>
              <td className="truncate px-1" title={row.base?.delta}>
                {row.base && <ChunkCell label={row.base.label} delta={row.base.delta} />}
              </td>
              <td className="px-1 text-zinc-400">{row.head ? row.head.index + 1 : ''}</td>
              <td className="truncate px-1" title={row.head?.delta}>
                {row.head && <ChunkCell label={row.head.label} delta={row.head.delta} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {truncated && <p className="px-1 py-0.5 text-[11px] text-zinc-500">The table stops here; the summary above counts every chunk.</p>}
    </div>
  );
}

function ChunkCell({ label, delta }: { label: string; delta: string }) {
  return (
    <>
      <span className="text-zinc-400">{visibleControls(label)}</span> {delta !== '' && <span>{JSON.stringify(neutralizeBidi(delta))}</span>}
    </>
  );
}

function RecordingDiffBody({ diff }: { diff: RecordingDiff }) {
  const toolChanges = diff.toolCalls.filter((t) => t.changed).length;
  const responseFacts = Boolean(diff.finishReason || diff.usage || diff.model || diff.chunkCount || diff.stream || diff.error);
  const onlyNoise =
    isEmptyRequest(diff) &&
    !diff.responseText.changed &&
    !diff.reasoning &&
    toolChanges === 0 &&
    !responseFacts &&
    diff.responseBody.changes.length === 0 &&
    (diff.responseEnvelope?.changes.length ?? 0) === 0;
  return (
    <div data-testid="recording-diff">
      <div className="border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
        <NoiseLine count={diff.noiseFieldsChanged} />
        {onlyNoise && (
          <p data-testid="diff-only-noise" className="mt-1 text-[13px] text-zinc-700 dark:text-zinc-300">
            Only noise changed: both recordings make the same request and give the same answer.
          </p>
        )}
      </div>
      <RequestSection diff={diff} />
      <Section id="diff-response-text" title={<>Response text {diff.responseText.changed ? <Badge tone="amber">changed</Badge> : null}</>}>
        {diff.responseText.changed ? (
          <TextChange diff={diff.responseText} testId="text-diff" />
        ) : (
          <UnchangedText segments={diff.responseText.segments} what="response text" />
        )}
      </Section>
      {diff.reasoning && (
        <Section id="diff-reasoning" title={<>Reasoning <Badge tone="amber">changed</Badge></>}>
          <TextChange diff={diff.reasoning} testId="reasoning-diff" />
        </Section>
      )}
      {diff.toolCalls.length > 0 && (
        <Section id="diff-tool-calls" title={<>Tool calls {toolChanges > 0 && <Badge tone="amber">{toolChanges} changed</Badge>}</>}>
          <ol className="space-y-2">
            {diff.toolCalls.map((call) => (
              <ToolCallChange key={call.index} call={call} />
            ))}
          </ol>
        </Section>
      )}
      {responseFacts && (
        <Section id="diff-response-facts" title="Response facts">
          <FactChange field="finishReason" label="finish reason" change={diff.finishReason} />
          <FactChange field="model" label="model" change={diff.model} />
          {diff.stream ? (
            <Fact field="chunkCount" label="chunks">
              <StreamChange stream={diff.stream} />
            </Fact>
          ) : (
            <FactChange field="chunkCount" label="chunk count" change={diff.chunkCount} />
          )}
          {diff.usage && <UsageChange before={diff.usage.before} after={diff.usage.after} />}
          {diff.error && (
            <Fact field="error" label="error">
              <BeforeAfter before={diff.error.before?.message ?? null} after={diff.error.after?.message ?? null} />
            </Fact>
          )}
        </Section>
      )}
      {(diff.responseBody.changes.length > 0 || (diff.responseEnvelope?.changes.length ?? 0) > 0) && (
        <Section id="diff-response-body" title="Response body (structural, noise excluded)">
          <Collapsible
            open={!diff.responseText.changed && !diff.reasoning && toolChanges === 0}
            label={`${diff.responseBody.changes.length.toLocaleString()}${diff.responseBody.truncated ? '+' : ''} change${diff.responseBody.changes.length === 1 ? '' : 's'} in the raw body (the sections above already read them)`}
          >
            <JsonChangeList result={diff.responseBody} testId="response-body-changes" />
          </Collapsible>
          {diff.responseEnvelope && diff.responseEnvelope.changes.length > 0 && (
            <div className="mt-2">
              <h3 className="mb-1 text-[12px] text-zinc-500">Outside the body (is_streaming, status, exception)</h3>
              <JsonChangeList result={diff.responseEnvelope} pathPrefix="response" />
            </div>
          )}
        </Section>
      )}
    </div>
  );
}

function RequestSection({ diff }: { diff: RecordingDiff }) {
  const r = diff.request;
  const changed = !isEmptyRequest(diff);
  return (
    <Section id="diff-request" title={<>Request {changed ? <Badge tone="amber">changed</Badge> : null}</>}>
      <div data-testid="diff-request">
        <FactChange field="endpoint" label="endpoint" change={r.endpoint} />
        <FactChange field="method" label="method" change={r.method} />
        <FactChange field="url" label="url" change={r.url} />
        {r.regeneratedIds !== undefined && (
          <p data-testid="regenerated-ids" data-count={r.regeneratedIds} className="mb-1 text-[12px] text-zinc-600 dark:text-zinc-400">
            {r.regeneratedIds} tool-call id{r.regeneratedIds === 1 ? '' : 's'} re-generated (provider ids such as call_…, toolu_…; paired one to
            one, so they are not listed below)
          </p>
        )}
        <JsonChangeList
          result={r}
          testId="request-changes"
          empty={changed ? undefined : 'The request is the same (apart from noise).'}
        />
        {r.envelope && r.envelope.changes.length > 0 && (
          <div className="mt-2">
            <h3 className="mb-1 text-[12px] text-zinc-500">Outside the body (headers, provider metadata, …)</h3>
            <JsonChangeList result={r.envelope} pathPrefix="request" testId="request-envelope-changes" />
          </div>
        )}
      </div>
    </Section>
  );
}

function UnchangedText({ segments, what }: { segments: { value: string }[]; what: string }) {
  const text = segments.map((s) => s.value).join('');
  if (text === '') return <p className="text-[12px] text-zinc-500">No {what} on either side.</p>;
  return (
    <details className="text-[12px] text-zinc-500">
      <summary className="cursor-pointer">Unchanged ({text.length.toLocaleString()} characters)</summary>
      <pre className="verbatim mt-1 max-h-64 overflow-auto rounded border border-zinc-200 p-2 text-[12.5px] text-zinc-800 dark:border-zinc-800 dark:text-zinc-200">
        {neutralizeBidi(text)}
      </pre>
    </details>
  );
}

function UsageChange({ before, after }: { before: Record<string, unknown> | undefined; after: Record<string, unknown> | undefined }) {
  const result = useMemo(() => structuralDiff(before ?? null, after ?? null), [before, after]);
  return (
    <Fact field="usage" label="usage">
      <JsonChangeList result={result} pathPrefix="usage" />
    </Fact>
  );
}

function ToolCallChange({ call }: { call: ToolCallDiff }) {
  const added = call.nameBefore === undefined && call.argumentsBefore === undefined;
  const removed = call.nameAfter === undefined && call.argumentsAfter === undefined;
  const name = call.nameAfter ?? call.nameBefore ?? '';
  return (
    <li
      data-testid="tool-call-diff"
      data-index={call.index}
      data-changed={call.changed ? 'true' : 'false'}
      data-name={name}
      className="rounded border border-zinc-200 px-2 py-1.5 dark:border-zinc-800"
    >
      <div className="flex flex-wrap items-baseline gap-2">
        <span className="text-[11px] text-zinc-500">#{call.index}</span>
        {call.nameBefore !== undefined && call.nameAfter !== undefined && call.nameBefore !== call.nameAfter ? (
          <BeforeAfter before={call.nameBefore} after={call.nameAfter} />
        ) : (
          <span className="font-mono text-[12.5px] font-medium">{visibleControls(name)}</span>
        )}
        {added ? <Badge tone="green">added</Badge> : removed ? <Badge tone="red">removed</Badge> : call.changed ? <Badge tone="amber">changed</Badge> : <Badge>unchanged</Badge>}
      </div>
      {added || removed ? (
        <div className="mt-1">
          <ValueText value={added ? call.argumentsAfter : call.argumentsBefore} tone={added ? 'added' : 'removed'} />
        </div>
      ) : call.argumentsDiff ? (
        <div className="mt-1">
          <JsonChangeList result={call.argumentsDiff} pathPrefix="arguments" testId="tool-arguments-changes" />
        </div>
      ) : call.argumentsBefore !== call.argumentsAfter ? (
        <div className="mt-1">
          <p className="text-[11px] text-zinc-500">
            {call.changed ? 'Arguments (not JSON) differ:' : 'Arguments are equal once parsed; only their formatting differs:'}
          </p>
          <BeforeAfter before={call.argumentsBefore} after={call.argumentsAfter} />
        </div>
      ) : null}
    </li>
  );
}

/** Open by default only when nothing above explains the change (embeddings, model lists, tool results, ...). */
function Collapsible({ open, label, children }: { open: boolean; label: string; children: ReactNode }) {
  if (open) return <>{children}</>;
  return (
    <details className="text-[12px]">
      <summary className="cursor-pointer text-zinc-500">{label}</summary>
      <div className="mt-1">{children}</div>
    </details>
  );
}
