import { useState } from 'react';
import type { Recording } from '../../core/recording/types';
import { Section } from '../../shared/ui/Section';
import { CopyButton } from '../../shared/ui/CopyButton';
import { LongText } from '../../shared/ui/LongText';
import { Markdown } from '../../shared/ui/Markdown';
import { JsonTree, safeStringify } from '../../shared/ui/JsonTree';
import { visibleControls } from '../../shared/visibleText';
import { ToolArguments } from './ToolArguments';
import { UnreadableBody } from './HttpSection';
import { cutOffNotice } from '../../core/recording/cutOff';
import { formatNanoseconds } from '../../core/units/units';
import { EmbeddingsView, FileChunksView, ModelsTable, RerankView, SseEventsView, ToolResultView } from './KindViews';

const NO_CHAT_TEXT = new Set<Recording['kind']>(['embeddings', 'ollama.embeddings', 'models', 'ollama.models', 'tool', 'file-processor', 'rerank']);

export function ResponseSection({ recording }: { recording: Recording }) {
  const { response } = recording;
  const [markdown, setMarkdown] = useState(false);
  const cutOff = cutOffNotice(response);
  return (
    <Section id="response" title="Response">
      {recording.error && <ErrorCard recording={recording} />}
      {recording.http?.unreadable && <UnreadableBody http={recording.http} streaming={recording.streaming} />}
      {cutOff && (
        <p data-testid="cut-off-notice" role="note" className="mb-3 rounded border border-amber-300 bg-amber-50 px-3 py-1.5 text-[12.5px] text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
          {cutOff}
        </p>
      )}
      {response.reasoning && (
        <details open className="mb-3 rounded border border-violet-200 bg-violet-50/50 px-3 py-2 dark:border-violet-900 dark:bg-violet-950/30">
          <summary className="cursor-pointer text-[11px] font-semibold uppercase tracking-wide text-violet-700 dark:text-violet-300">
            Reasoning · {response.reasoning.length.toLocaleString()} chars
          </summary>
          <LongText testId="reasoning-text" text={response.reasoning} className="mt-1 text-zinc-700 dark:text-zinc-300" />
        </details>
      )}
      {!response.text && NO_CHAT_TEXT.has(recording.kind) ? (
        // Kinds without chat text get their own view below; the empty hook stays for tools that read it.
        <pre data-testid="final-text" hidden />
      ) : (
      <div className="mb-3">
        <div className="mb-1 flex items-center gap-2 text-[11px]">
          <span className="font-semibold uppercase tracking-wide text-role-assistant">Final text</span>
          <span className="text-zinc-400">{response.text.length.toLocaleString()} chars</span>
          <span className="flex-1" />
          {response.text && (
            <>
              <label className="flex items-center gap-1 text-zinc-500">
                <input type="checkbox" checked={markdown} onChange={(e) => setMarkdown(e.target.checked)} data-testid="markdown-toggle" />
                Render markdown
              </label>
              <CopyButton text={response.text} label="final text" />
            </>
          )}
        </div>
        {markdown && response.text && (
          <div className="mb-2 rounded border border-zinc-200 p-2 dark:border-zinc-800">
            <Markdown text={response.text} testId="final-text-markdown" />
          </div>
        )}
        <div className={markdown ? 'hidden' : ''}>
          <LongText testId="final-text" text={response.text} className="rounded bg-zinc-50 p-2 dark:bg-zinc-900/60" />
          {!response.text && !cutOff && (
            <div className="text-xs italic text-zinc-500">
              {recording.http?.unreadable ? `(unreadable: ${recording.http.unreadable})` : '(no text in this response)'}
            </div>
          )}
        </div>
      </div>
      )}
      {response.toolCalls.length > 0 && (
        <div className="mb-3 space-y-2">
          <div className="text-[11px] font-semibold uppercase tracking-wide text-role-tool">
            Tool calls ({response.toolCalls.length})
          </div>
          {response.toolCalls.map((call, i) => (
            <div
              key={i}
              data-testid="tool-call"
              data-name={call.name}
              data-arguments={call.arguments}
              className="rounded border border-amber-300/70 bg-amber-50/50 px-3 py-2 dark:border-amber-800/70 dark:bg-amber-950/20"
            >
              <div className="flex items-center gap-2 text-[12px]">
                <span className="font-mono font-semibold">{visibleControls(call.name) || '(no name)'}</span>
                {call.id && <span className="font-mono text-[11px] text-zinc-500">{visibleControls(call.id)}</span>}
              </div>
              <ToolArguments args={call.arguments} />
            </div>
          ))}
        </div>
      )}
      <ResponseMeta recording={recording} />
      {response.embeddings && <EmbeddingsView summary={response.embeddings} />}
      {response.models && <ModelsTable models={response.models} />}
      {response.toolResult && <ToolResultView result={response.toolResult} />}
      {response.fileChunks && <FileChunksView chunks={response.fileChunks} />}
      {response.sseEvents && <SseEventsView events={response.sseEvents} />}
      {response.ranked && <RerankView ranked={response.ranked} query={typeof recording.request.params.query === 'string' ? recording.request.params.query : undefined} />}
      {recording.kind === 'unknown' && !recording.http?.unreadable && (
        <p data-testid="unknown-kind-note" role="note" className="mt-2 rounded border border-zinc-300 bg-zinc-50 px-3 py-1.5 text-[12.5px] text-zinc-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300">
          The inspector does not know how to read this response
          {recording.responseType ? (
            <>
              {' '}(type <code className="font-mono">{visibleControls(recording.responseType)}</code>)
            </>
          ) : null}
          , so it is shown as recorded in the{' '}
          <a href="#raw" className="text-indigo-600 underline dark:text-indigo-400">
            raw JSON below
          </a>
          .
        </p>
      )}
    </Section>
  );
}

function ErrorCard({ recording }: { recording: Recording }) {
  const error = recording.error!;
  return (
    <div
      data-testid="response-error"
      role="alert"
      className="mb-3 rounded border border-red-300 bg-red-50 px-3 py-2 text-red-900 dark:border-red-800 dark:bg-red-950/40 dark:text-red-200"
    >
      <div className="text-[12px] font-semibold">
        {error.status ? `HTTP ${error.status}` : 'The call raised an exception'}
        {error.type ? (
          <>
            {' · '}
            <span className="font-mono">{visibleControls(error.type)}</span>
          </>
        ) : null}
      </div>
      <pre className="verbatim mt-1 text-[12.5px]">{error.message}</pre>
      {error.details !== undefined && (
        <details className="mt-1">
          <summary className="cursor-pointer text-xs">details</summary>
          <JsonTree value={error.details} defaultDepth={2} />
        </details>
      )}
    </div>
  );
}

function ResponseMeta({ recording }: { recording: Recording }) {
  const { response } = recording;
  const rows: [string, string][] = [];
  if (response.finishReason) rows.push(['finish reason', response.finishReason]);
  if (response.model) rows.push(['model', response.model]);
  if (response.fingerprint) rows.push(['fingerprint', response.fingerprint]);
  if (response.status !== undefined) rows.push(['HTTP status', String(response.status)]);
  if (recording.streaming) rows.push(['chunks', recording.chunkCount.toLocaleString()]);
  if (recording.responseType) rows.push(['type', recording.responseType]);
  const usage = response.usage ? flattenUsage(response.usage, recording.kind.startsWith('ollama')) : [];
  if (rows.length === 0 && usage.length === 0) return null;
  return (
    <div className="mb-3 flex flex-wrap gap-x-8 gap-y-2 text-xs">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-zinc-500">{k}</dt>
            <dd className="break-all font-mono" data-testid={k === 'finish reason' ? 'finish-reason' : undefined}>
              {visibleControls(v)}
            </dd>
          </div>
        ))}
      </dl>
      {usage.length > 0 && (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5" aria-label="Usage" data-testid="usage">
          {usage.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-zinc-500">{k}</dt>
              <dd className="font-mono">{v}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

/** Usage objects nest (prompt_tokens_details.cached_tokens); show leaves as dotted keys. */
function flattenUsage(usage: Record<string, unknown>, ollama: boolean): [string, string][] {
  const out: [string, string][] = [];
  const walk = (value: unknown, prefix: string, depth: number) => {
    if (value !== null && typeof value === 'object' && depth < 4) {
      for (const [k, v] of Object.entries(value)) walk(v, prefix ? `${prefix}.${k}` : k, depth + 1);
    } else if (value !== null && value !== undefined) {
      // Ollama reports durations in nanoseconds: seconds read better, the exact count stays beside them.
      if (ollama && typeof value === 'number' && prefix.endsWith('_duration')) out.push([prefix, `${formatNanoseconds(value)} (${value.toLocaleString()} ns)`]);
      else out.push([prefix, typeof value === 'number' ? value.toLocaleString() : safeStringify(value)]);
    }
  };
  walk(usage, '', 0);
  return out.slice(0, 40);
}
