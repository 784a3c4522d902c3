import { isInteractionEvent, looksLikeInteraction, visitInteraction, visitInteractionEvent } from '../readers/interactions';
import { visitSseEvent } from '../readers/sse';
import type { ChunkVisitor } from '../readers/visit';
import { isObject } from '../json';
import { isSseLineList, parseSseLines } from '../../stream/sse';
import { passthroughReading } from './passthrough';
import type { KindModule } from './kind';

const visitInteractionOrEvent: ChunkVisitor = (chunk, asm, meta) => {
  if (!isObject(chunk)) return;
  if (isInteractionEvent(chunk)) visitInteractionEvent(chunk, asm, meta);
  else visitInteraction(chunk, asm, meta);
};

/** Google interactions passthrough: a dict with `outputs[]`, or a raw SSE line list when streamed. */
export const interactionsKind: KindModule = {
  kind: 'interactions',
  matchesRequest: (ctx) => /\/interactions(\/|$)/.test(ctx.route),
  matchesResponse: (ctx) =>
    looksLikeInteraction(ctx.body) ||
    (isSseLineList(ctx.body) && parseSseLines(ctx.body.slice(0, 8)).some((e) => (e.event ?? '').startsWith('interaction.'))),
  read: (ctx) => passthroughReading(ctx, 'interactions', visitInteractionOrEvent, visitSseEvent),
};
