import { readChunked } from './common';
import { readModelList } from './models';
import type { KindModule } from './kind';

const ROUTES = ['/api/tags', '/api/ps', '/api/pull', '/api/show', '/api/list'];

/** Ollama native model endpoints: tags, ps (running models), pull progress, show. */
export const ollamaModelsKind: KindModule = {
  kind: 'ollama.models',
  matchesRequest: (ctx) => ROUTES.some((route) => ctx.route.endsWith(route)),
  matchesResponse: (ctx) => ['ListResponse', 'ProcessResponse', 'ProgressResponse', 'ShowResponse'].includes(ctx.typeName),
  read(ctx) {
    const route = ROUTES.find((r) => ctx.route.endsWith(r));
    const name = route ? `ollama.${route.slice('/api/'.length)}` : 'ollama.models';
    const reading = readModelList(ctx, name);
    if (ctx.isStreaming === true && Array.isArray(ctx.body)) {
      // A streamed pull is progress reports without text; its track still lets playback step through them.
      const { result } = readChunked(ctx, () => undefined);
      return { ...reading, kindLabel: `${name} stream`, streaming: true, stream: result.track };
    }
    return reading;
  },
};
