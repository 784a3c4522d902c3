import type { Recording, RecordingKind } from '../recording/types';
import type { TestIdParts } from '../test-id/testId';
import type { FileKey } from '../replay-keys';

/**
 * What the browser keeps for every file after a load: enough to list, group,
 * filter and search, never the full recording (that is parsed again on open).
 */
export interface IndexEntry {
  path: string;
  size: number;
  lastModified: number;
  testId: string | null;
  parts: TestIdParts | null;
  kind: RecordingKind;
  kindLabel: string;
  endpoint: string;
  provider?: string;
  model?: string;
  streaming: boolean;
  chunkCount: number;
  hasError: boolean;
  toolNames: string[];
  /** Messages in the request: a test's later calls carry more, so this orders its calls (absent in old caches). */
  requestMessages?: number;
  /** The first characters of the answer, for the list; `→ name(args)` for an answer that only calls tools. */
  preview: string;
  /** Lower-cased haystack for the filter: ids, names, model, endpoint and text. */
  search: string;
  /** The replay key (i12), computed in the index worker; absent when keys are switched off. */
  replayKey?: FileKey;
}

export interface IndexError {
  path: string;
  size: number;
  lastModified: number;
  reason: string;
}

const PREVIEW_CHARS = 160;
/** Enough to find any realistic answer by its words without holding a 5 MB text twice. */
const SEARCHABLE_TEXT_CHARS = 20_000;

export function toIndexEntry(recording: Recording, size: number, lastModified: number): IndexEntry {
  const response = recording.response;
  const toolNames = response.toolCalls.map((call) => call.name);
  const answer = response.text || response.reasoning || recording.error?.message || '';
  const fileName = recording.path.slice(recording.path.lastIndexOf('/') + 1);
  const search = [
    recording.testId ?? '',
    recording.path,
    fileName,
    recording.model ?? '',
    recording.endpoint,
    recording.provider ?? '',
    recording.kindLabel,
    toolNames.join(' '),
    answer.slice(0, SEARCHABLE_TEXT_CHARS),
  ]
    .join('\n')
    .toLowerCase();
  return {
    path: recording.path,
    size,
    lastModified,
    testId: recording.testId,
    parts: recording.testIdParts,
    kind: recording.kind,
    kindLabel: recording.kindLabel,
    endpoint: recording.endpoint,
    provider: recording.provider,
    model: recording.model,
    streaming: recording.streaming,
    chunkCount: recording.chunkCount,
    hasError: recording.error !== null,
    toolNames,
    requestMessages: recording.request.messages.length,
    preview: oneLine((answer || toolCallsPreview(response.toolCalls) || modelsPreview(response.models)).slice(0, PREVIEW_CHARS * 2)).slice(
      0,
      PREVIEW_CHARS,
    ),
    search,
  };
}

/** `→ get_weather({"city":"Tokyo"})`, the way the call reads in code. */
function toolCallsPreview(calls: readonly { name: string; arguments: string }[]): string {
  if (calls.length === 0) return '';
  return `→ ${calls.map((call) => `${call.name}(${call.arguments.slice(0, PREVIEW_CHARS)})`).join(', ')}`;
}

/** A models list: how many, and the first ids, so two lists tell apart in the list. */
function modelsPreview(models: readonly Record<string, unknown>[] | undefined): string {
  if (!models) return '';
  const ids = models.slice(0, 8).map((model) => String(model.id ?? model.name ?? model.model ?? model.identifier ?? '?'));
  return `${models.length} ${models.length === 1 ? 'model' : 'models'}: ${ids.join(', ')}${models.length > ids.length ? ', …' : ''}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Every whitespace-separated term must appear; an empty query matches everything. */
export function matchesQuery(entry: IndexEntry, terms: string[]): boolean {
  for (const term of terms) if (!entry.search.includes(term)) return false;
  return true;
}

export function queryTerms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}
