import { isAnthropicEvent, looksLikeAnthropicMessage, visitAnthropicEvent, visitAnthropicMessage } from '../readers/anthropic';
import { looksLikeGenai, visitGenaiChunk } from '../readers/genai';
import { isInteractionEvent, looksLikeInteraction, visitInteraction, visitInteractionEvent } from '../readers/interactions';
import { looksLikeOllama, visitOllamaChunk } from '../readers/ollama';
import { looksLikeOpenAI, visitOpenAIChunk } from '../readers/openai';
import { visitSseEvent } from '../readers/sse';
import { isObject } from '../json';
import type { ChunkVisitor } from '../readers/visit';
import { readRequestView } from '../request';
import { chunkedReading, emptyResponse, isSseLineList, isStreaming } from './common';
import { passthroughReading } from './passthrough';
import type { KindModule, KindReading, RecordingContext } from './kind';

/**
 * Anything no other kind claims: new endpoints, new SDK types. Never
 * rejected; when the body has a known shape its text is still assembled.
 */
export const unknownKind: KindModule = {
  kind: 'unknown',
  matchesRequest: () => true,
  matchesResponse: () => true,
  read(ctx) {
    const label = ctx.endpoint ? `unknown (${ctx.endpoint})` : 'unknown';
    const reading = readByShape(ctx, label);
    if (reading) return reading;
    const response = emptyResponse();
    return {
      kindLabel: label,
      request: readRequestView(ctx, 'interactions'),
      response,
      streaming: isStreaming(ctx),
      stream: null,
    };
  },
};

const visitAnyDocument: ChunkVisitor = (chunk, asm, meta) => {
  if (!isObject(chunk)) return;
  if (looksLikeOpenAI(chunk)) visitOpenAIChunk(chunk, asm, meta);
  else if (looksLikeGenai(chunk)) visitGenaiChunk(chunk, asm, meta);
  else if (looksLikeOllama(chunk)) visitOllamaChunk(chunk, asm, meta);
  else if (isInteractionEvent(chunk)) visitInteractionEvent(chunk, asm, meta);
  else if (isAnthropicEvent(chunk)) visitAnthropicEvent(chunk, asm, meta);
  else if (looksLikeAnthropicMessage(chunk)) visitAnthropicMessage(chunk, asm, meta);
  else if (looksLikeInteraction(chunk)) visitInteraction(chunk, asm, meta);
};

function readByShape(ctx: RecordingContext, label: string): KindReading | undefined {
  if (isSseLineList(ctx.body)) return passthroughReading(ctx, label, visitAnyDocument, visitSseEvent);
  const sample = Array.isArray(ctx.body) ? ctx.body.find((entry) => entry !== null) : ctx.body;
  if (!isObject(sample)) return undefined;
  return chunkedReading(ctx, visitAnyDocument, label, 'interactions');
}
