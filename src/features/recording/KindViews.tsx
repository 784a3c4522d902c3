import { useMemo } from 'react';
import type { EmbeddingsSummary, RankedDocument, ResponseView, SseEvent } from '../../core/recording/types';
import { formatEpochSeconds, plural } from '../../core/units/units';
import { JsonTree, safeStringify } from '../../shared/ui/JsonTree';
import { LongText } from '../../shared/ui/LongText';
import { visibleControls } from '../../shared/visibleText';

export function EmbeddingsView({ summary }: { summary: EmbeddingsSummary }) {
  return (
    <div data-testid="embeddings" className="mb-3">
      <div className="mb-1 text-xs">
        <b>{summary.count}</b> {summary.count === 1 ? 'vector' : 'vectors'} × <b>{summary.dimensions}</b> dimensions
      </div>
      <table className="text-xs">
        <thead>
          <tr className="text-left text-zinc-500">
            <th className="pr-3 font-normal">#</th>
            <th className="pr-3 font-normal">L2 norm</th>
            <th className="font-normal">first values</th>
          </tr>
        </thead>
        <tbody>
          {summary.norms.slice(0, 50).map((norm, i) => (
            <tr key={i}>
              <td className="pr-3 font-mono">{i}</td>
              <td className="pr-3 font-mono">{norm.toFixed(4)}</td>
              <td>
                <Sparkline values={summary.preview[i] ?? []} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary.norms.length > 50 && <div className="text-xs text-zinc-500">…and {summary.norms.length - 50} more vectors</div>}
    </div>
  );
}

function Sparkline({ values }: { values: number[] }) {
  const points = useMemo(() => {
    if (values.length < 2) return '';
    const min = Math.min(...values);
    const max = Math.max(...values);
    const span = max - min || 1;
    return values.map((v, i) => `${(i / (values.length - 1)) * 160},${20 - ((v - min) / span) * 18 - 1}`).join(' ');
  }, [values]);
  return (
    <svg width="160" height="20" role="img" aria-label={`first ${values.length} values`} className="text-indigo-500">
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1" />
    </svg>
  );
}

export function ModelsTable({ models }: { models: Record<string, unknown>[] }) {
  const columns = useMemo(() => {
    const seen = new Set<string>();
    for (const model of models.slice(0, 200)) for (const key of Object.keys(model)) seen.add(key);
    const preferred = ['id', 'name', 'model', 'identifier', 'owned_by', 'provider_id', 'model_type', 'size', 'modified_at'];
    return [...preferred.filter((k) => seen.has(k)), ...[...seen].filter((k) => !preferred.includes(k))].slice(0, 8);
  }, [models]);
  return (
    <div data-testid="models-table" className="mb-3 overflow-auto">
      <div className="mb-1 text-xs">{plural(models.length, 'model')}</div>
      <table className="text-xs">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} className="border-b border-zinc-200 pr-4 text-left font-medium text-zinc-500 dark:border-zinc-800">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {models.slice(0, 500).map((model, i) => (
            <tr key={i} className="align-top">
              {columns.map((c) => (
                <td key={c} className="max-w-xs truncate pr-4 font-mono" title={cell(model[c])}>
                  {visibleControls(c === 'created' ? createdCell(model[c]) : cell(model[c]))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** OpenAI's `created` is epoch seconds: a date reads better, the number stays in the tooltip. */
function createdCell(value: unknown): string {
  return (typeof value === 'number' ? formatEpochSeconds(value) : undefined) ?? cell(value);
}

/** Rerank: the documents in the order the reranker put them, with their scores. */
export function RerankView({ ranked, query }: { ranked: RankedDocument[]; query?: string }) {
  return (
    <div data-testid="rerank-results" className="mb-3">
      <div className="mb-1 text-xs">
        {plural(ranked.length, 'document')} ranked{query ? <> for <q className="font-mono">{visibleControls(query)}</q></> : null}
      </div>
      <table className="text-xs">
        <thead>
          <tr className="text-left text-zinc-500">
            <th className="pr-3 font-normal">rank</th>
            <th className="pr-3 font-normal">score</th>
            <th className="pr-3 font-normal">document #</th>
            <th className="font-normal">text</th>
          </tr>
        </thead>
        <tbody>
          {ranked.slice(0, 500).map((item, rank) => (
            <tr key={rank} data-testid="rerank-result" data-index={item.index} data-score={item.score ?? ''} className="align-top">
              <td className="pr-3 font-mono">{rank + 1}</td>
              <td className="pr-3 font-mono">{item.score === null ? '—' : item.score.toFixed(4)}</td>
              <td className="pr-3 font-mono">{item.index}</td>
              <td className="max-w-xl">
                {item.document === undefined ? (
                  <span className="italic text-zinc-500">not in the request</span>
                ) : (
                  <LongText text={item.document} className="text-[12px]" />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : safeStringify(value);
}

export function ToolResultView({ result }: { result: NonNullable<ResponseView['toolResult']> }) {
  const parsed = useMemo(() => {
    if (typeof result.content !== 'string') return { value: result.content, json: true };
    try {
      return { value: JSON.parse(result.content) as unknown, json: true };
    } catch {
      return { value: result.content, json: false };
    }
  }, [result.content]);
  return (
    <div data-testid="tool-result" className="mb-3">
      <div className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-role-tool">Tool result</div>
      {result.errorMessage && (
        <div className="mb-1 rounded border border-red-300 bg-red-50 px-2 py-1 text-xs text-red-900 dark:border-red-800 dark:bg-red-950/40 dark:text-red-200">
          {result.errorMessage}
          {result.errorCode !== undefined && result.errorCode !== null ? ` (code ${safeStringify(result.errorCode)})` : ''}
        </div>
      )}
      {parsed.json ? <JsonTree value={parsed.value} defaultDepth={3} /> : <LongText text={String(parsed.value)} />}
    </div>
  );
}

export function FileChunksView({ chunks }: { chunks: { content: string; metadata: unknown }[] }) {
  return (
    <div data-testid="file-chunks" className="mb-3">
      <div className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-zinc-500">{chunks.length} file chunks</div>
      <ol className="space-y-2">
        {chunks.slice(0, 200).map((chunk, i) => (
          <li key={i} className="rounded border border-zinc-200 p-2 dark:border-zinc-800">
            <div className="text-[11px] text-zinc-500">chunk {i + 1}</div>
            <LongText text={chunk.content} />
            {chunk.metadata !== undefined && chunk.metadata !== null && (
              <details>
                <summary className="cursor-pointer text-[11px] text-zinc-500">metadata</summary>
                <JsonTree value={chunk.metadata} defaultDepth={1} />
              </details>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

export function SseEventsView({ events }: { events: SseEvent[] }) {
  return (
    <details data-testid="sse-events" className="mb-3">
      <summary className="cursor-pointer text-[11px] font-semibold uppercase tracking-wide text-zinc-500">
        {events.length} server-sent events
      </summary>
      <ol className="mt-1 max-h-96 space-y-0.5 overflow-auto font-mono text-[11.5px]">
        {events.slice(0, 2000).map((event, i) => (
          <li key={i} className="flex gap-2">
            <span className="w-8 shrink-0 text-right text-zinc-400">{i}</span>
            <span className="shrink-0 text-indigo-600 dark:text-indigo-400">{visibleControls(event.event ?? 'message')}</span>
            <span className="truncate text-zinc-600 dark:text-zinc-400" title={event.data}>
              {visibleControls(event.data.slice(0, 300))}
            </span>
          </li>
        ))}
      </ol>
    </details>
  );
}
