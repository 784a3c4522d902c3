import { isAnthropicEvent, looksLikeAnthropicMessage, visitAnthropicEvent, visitAnthropicMessage } from '../readers/anthropic';
import { visitSseEvent } from '../readers/sse';
import type { ChunkVisitor } from '../readers/visit';
import { isObject } from '../json';
import { isSseLineList, parseSseLines } from '../../stream/sse';
import { passthroughReading } from './passthrough';
import { routeEndsWith } from './common';
import type { KindModule } from './kind';

/** A message dict, or an already-decoded stream event: both appear as list entries in some recorders. */
const visitMessageOrEvent: ChunkVisitor = (chunk, asm, meta) => {
  if (!isObject(chunk)) return;
  if (isAnthropicEvent(chunk)) visitAnthropicEvent(chunk, asm, meta);
  else visitAnthropicMessage(chunk, asm, meta);
};

/** Anthropic-style `/v1/messages` passthrough: a message dict, or a raw SSE line list when streamed. */
export const messagesKind: KindModule = {
  kind: 'messages',
  matchesRequest: (ctx) => routeEndsWith(ctx, '/messages'),
  matchesResponse: (ctx) =>
    looksLikeAnthropicMessage(ctx.body) ||
    (isSseLineList(ctx.body) && parseSseLines(ctx.body.slice(0, 8)).some((e) => e.event === 'message_start')),
  read: (ctx) => passthroughReading(ctx, 'messages', visitMessageOrEvent, visitSseEvent),
};
