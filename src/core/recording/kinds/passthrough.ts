import { readRequestView } from '../request';
import { responseFields, visitChunks, type ChunkVisitor } from '../readers/visit';
import { chunkedReading, isSseLineList, readSse } from './common';
import type { KindReading, RecordingContext } from './kind';

/**
 * Raw HTTP passthrough bodies: a JSON document, or (streamed) the SSE lines
 * as received. SSE streams get one chunk per event and keep the parsed events.
 */
export function passthroughReading(
  ctx: RecordingContext,
  label: string,
  visitDocument: ChunkVisitor,
  visitEvent: ChunkVisitor,
): KindReading {
  if (isSseLineList(ctx.body)) {
    const { result, events, streaming } = readSse(ctx, ctx.body, visitEvent);
    const response = responseFields(result);
    response.sseEvents = events;
    return {
      kindLabel: streaming ? `${label} SSE stream` : `${label} SSE`,
      request: readRequestView(ctx, 'interactions'),
      response,
      streaming,
      stream: result.track,
    };
  }
  if (Array.isArray(ctx.body)) return chunkedReading(ctx, visitDocument, label, 'interactions');
  const result = visitChunks(ctx.body === null || ctx.body === undefined ? [] : [ctx.body], visitDocument, false);
  return {
    kindLabel: label,
    request: readRequestView(ctx, 'interactions'),
    response: responseFields(result),
    streaming: ctx.isStreaming === true,
    stream: null,
  };
}
