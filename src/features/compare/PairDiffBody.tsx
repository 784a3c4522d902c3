import { useMemo, type ReactNode } from 'react';
import { structuralDiff, type RecordingDiff, type ToolCallDiff, type ValueChange } from '../../core/diff';
import { Section } from '../../shared/ui/Section';
import { Badge } from '../../shared/ui/Badge';
import { neutralizeBidi, visibleControls } from '../../shared/visibleText';
import { BeforeAfter, JsonChangeList, NoiseLine, ValueText, WordDiffText } from './diffParts';
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
  return r.changes.length === 0 && !r.endpoint && !r.method && !r.url && (r.envelope?.changes.length ?? 0) === 0;
}

function RecordingDiffBody({ diff }: { diff: RecordingDiff }) {
  const toolChanges = diff.toolCalls.filter((t) => t.changed).length;
  const responseFacts = Boolean(diff.finishReason || diff.usage || diff.model || diff.chunkCount || diff.error);
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
          <WordDiffText diff={diff.responseText} testId="text-diff" />
        ) : (
          <UnchangedText segments={diff.responseText.segments} what="response text" />
        )}
      </Section>
      {diff.reasoning && (
        <Section id="diff-reasoning" title={<>Reasoning <Badge tone="amber">changed</Badge></>}>
          <WordDiffText diff={diff.reasoning} testId="reasoning-diff" />
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
          <FactChange field="chunkCount" label="chunk count" change={diff.chunkCount} />
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
