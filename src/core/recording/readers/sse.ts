import { ChunkMark, type SseEvent } from '../types';
import type { StreamAssembler } from '../../stream/assembler';
import { isObject } from '../json';
import { isAnthropicEvent, visitAnthropicEvent } from './anthropic';
import { isInteractionEvent, visitInteractionEvent } from './interactions';
import { visitOpenAIChunk } from './openai';
import { visitGenaiChunk } from './genai';
import type { ResponseMeta } from './visit';

/**
 * One SSE event of a raw passthrough stream. The payload decides how it is
 * read, so an Anthropic, interactions or OpenAI-style stream behind any URL
 * assembles the same way.
 */
export function visitSseEvent(raw: unknown, asm: StreamAssembler, meta: ResponseMeta): void {
  const event = raw as SseEvent;
  if (event.event === 'error') asm.mark(ChunkMark.error);
  const data = event.json;
  if (!isObject(data)) return;
  if (isInteractionEvent(data)) visitInteractionEvent(data, asm, meta);
  else if (isAnthropicEvent(data)) visitAnthropicEvent(data, asm, meta);
  else if (Array.isArray(data.choices)) visitOpenAIChunk(data, asm, meta);
  else if (Array.isArray(data.candidates)) visitGenaiChunk(data, asm, meta);
}
