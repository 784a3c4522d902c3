import { visitOpenAIChunk } from '../readers/openai';
import { asObject } from '../json';
import { chunkedReading, routeEndsWith, typeIs } from './common';
import type { KindModule, RecordingContext } from './kind';

/**
 * An older recorder wrote chat calls under `/v1/completions`: the body has
 * `messages` and the answer is `ChatCompletion*`. What was sent and received
 * wins over the route's name.
 */
export function isChatUnderCompletionsRoute(ctx: RecordingContext): boolean {
  return (
    routeEndsWith(ctx, '/completions') &&
    !routeEndsWith(ctx, '/chat/completions') &&
    Array.isArray(asObject(ctx.requestBody)?.messages) &&
    typeIs(ctx, 'ChatCompletion', 'ChatCompletionChunk')
  );
}

export const chatCompletionsKind: KindModule = {
  kind: 'chat.completions',
  matchesRequest: (ctx) => routeEndsWith(ctx, '/chat/completions') || isChatUnderCompletionsRoute(ctx),
  matchesResponse: (ctx) => typeIs(ctx, 'ChatCompletion', 'ChatCompletionChunk'),
  read: (ctx) => chunkedReading(ctx, visitOpenAIChunk, 'chat.completions'),
};
