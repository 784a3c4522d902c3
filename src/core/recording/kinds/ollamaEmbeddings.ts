import { asArray, unwrapObject } from '../json';
import { readRequestView } from '../request';
import { summarizeEmbeddings } from '../readers/embeddings';
import { emptyResponse, routeEndsWith, typeIs } from './common';
import type { KindModule } from './kind';

/** `/api/embeddings` answers one `embedding`; `/api/embed` answers a batch of `embeddings`. */
export const ollamaEmbeddingsKind: KindModule = {
  kind: 'ollama.embeddings',
  matchesRequest: (ctx) => routeEndsWith(ctx, '/api/embeddings', '/api/embed'),
  matchesResponse: (ctx) => typeIs(ctx, 'EmbeddingsResponse', 'EmbedResponse'),
  read(ctx) {
    const data = unwrapObject(ctx.body);
    const vectors = Array.isArray(data?.embeddings) ? asArray(data.embeddings) : data?.embedding !== undefined ? [data.embedding] : [];
    const response = emptyResponse();
    const summary = summarizeEmbeddings(vectors);
    if (summary) response.embeddings = summary;
    if (typeof data?.model === 'string') response.model = data.model;
    return {
      kindLabel: 'ollama.embeddings',
      request: readRequestView(ctx, 'embeddings'),
      response,
      streaming: false,
      stream: null,
    };
  },
};
