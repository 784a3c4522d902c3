import { visitOpenAIChunk } from '../readers/openai';
import { chunkedReading, routeEndsWith, typeIs } from './common';
import type { KindModule } from './kind';

export const chatCompletionsKind: KindModule = {
  kind: 'chat.completions',
  matchesRequest: (ctx) => routeEndsWith(ctx, '/chat/completions'),
  matchesResponse: (ctx) => typeIs(ctx, 'ChatCompletion', 'ChatCompletionChunk'),
  read: (ctx) => chunkedReading(ctx, visitOpenAIChunk, 'chat.completions'),
};
