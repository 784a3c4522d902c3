import { visitOllamaChunk } from '../readers/ollama';
import { chunkedReading, routeEndsWith, typeIs } from './common';
import type { KindModule } from './kind';

export const ollamaChatKind: KindModule = {
  kind: 'ollama.chat',
  matchesRequest: (ctx) => routeEndsWith(ctx, '/api/chat'),
  matchesResponse: (ctx) => typeIs(ctx, 'ChatResponse'),
  read: (ctx) => chunkedReading(ctx, visitOllamaChunk, 'ollama.chat'),
};
