import { visitOllamaChunk } from '../readers/ollama';
import { chunkedReading, routeEndsWith, typeIs } from './common';
import type { KindModule } from './kind';

export const ollamaGenerateKind: KindModule = {
  kind: 'ollama.generate',
  matchesRequest: (ctx) => routeEndsWith(ctx, '/api/generate'),
  matchesResponse: (ctx) => typeIs(ctx, 'GenerateResponse'),
  read: (ctx) => chunkedReading(ctx, visitOllamaChunk, 'ollama.generate'),
};
