import { parseSseLines, isSseLineList } from '../../stream/sse';
import type { SseEvent } from '../types';
import { responseFields, visitChunks, type ChunkVisitor, type VisitResult } from '../readers/visit';
import type { KindReading, RecordingContext } from './kind';
import { readRequestView, type RequestStyle } from '../request';

/** Streams are what the recorder says; files without the flag count list bodies as streams. */
export function isStreaming(ctx: RecordingContext): boolean {
  return ctx.isStreaming ?? Array.isArray(ctx.body);
}

/**
 * Reads a chunk-shaped body (chat, completions, Ollama, GenAI...) with one
 * visitor: a list is visited entry by entry, anything else as one chunk.
 */
export function readChunked(ctx: RecordingContext, visit: ChunkVisitor): { result: VisitResult; streaming: boolean } {
  const streaming = isStreaming(ctx);
  const body = ctx.body;
  if (Array.isArray(body)) return { result: visitChunks(body, visit, streaming), streaming };
  if (body === null || body === undefined) return { result: visitChunks([], visit, false), streaming };
  return { result: visitChunks([body], visit, streaming), streaming };
}

export interface SseReading {
  result: VisitResult;
  events: SseEvent[];
  streaming: boolean;
}

/** Raw SSE line lists: one chunk per event. */
export function readSse(ctx: RecordingContext, body: unknown[], visit: ChunkVisitor): SseReading {
  const events = parseSseLines(body);
  const streaming = isStreaming(ctx);
  return { result: visitChunks(events, visit, streaming), events, streaming };
}

export { isSseLineList };

export function chunkedReading(
  ctx: RecordingContext,
  visit: ChunkVisitor,
  label: string,
  style: RequestStyle = 'default',
): KindReading {
  const { result, streaming } = readChunked(ctx, visit);
  return {
    kindLabel: streaming ? `${label} stream` : label,
    request: readRequestView(ctx, style),
    response: responseFields(result),
    streaming,
    stream: result.track,
  };
}

export function emptyResponse(): KindReading['response'] {
  return { text: '', reasoning: '', toolCalls: [] };
}

export function routeEndsWith(ctx: RecordingContext, ...suffixes: string[]): boolean {
  return suffixes.some((suffix) => ctx.route.endsWith(suffix));
}

export function typeIs(ctx: RecordingContext, ...names: string[]): boolean {
  return names.includes(ctx.typeName);
}
