import { visitOpenAIChunk } from '../readers/openai';
import { chunkedReading, routeEndsWith, typeIs } from './common';
import type { KindModule } from './kind';

/** Legacy text completions; some servers stream chat chunks here, which the OpenAI reader also handles. */
export const completionsKind: KindModule = {
  kind: 'completions',
  matchesRequest: (ctx) => routeEndsWith(ctx, '/completions') && !routeEndsWith(ctx, '/chat/completions'),
  matchesResponse: (ctx) => typeIs(ctx, 'Completion'),
  read: (ctx) => chunkedReading(ctx, visitOpenAIChunk, 'completions'),
};
