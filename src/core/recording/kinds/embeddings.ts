import { asArray, asObject, unwrapObject } from '../json';
import { readRequestView } from '../request';
import { summarizeEmbeddings } from '../readers/embeddings';
import { emptyResponse, isStreaming, routeEndsWith, typeIs } from './common';
import type { KindModule } from './kind';

export const embeddingsKind: KindModule = {
  kind: 'embeddings',
  matchesRequest: (ctx) => routeEndsWith(ctx, '/embeddings'),
  matchesResponse: (ctx) => typeIs(ctx, 'CreateEmbeddingResponse'),
  read(ctx) {
    const data = unwrapObject(ctx.body);
    const vectors = asArray(data?.data).map((entry) => unwrapObject(entry)?.embedding);
    const response = emptyResponse();
    const summary = summarizeEmbeddings(vectors);
    if (summary) response.embeddings = summary;
    if (typeof data?.model === 'string') response.model = data.model;
    const usage = asObject(data?.usage);
    if (usage) response.usage = usage;
    return {
      kindLabel: 'embeddings',
      request: readRequestView(ctx, 'embeddings'),
      response,
      streaming: isStreaming(ctx) && Array.isArray(ctx.body),
      stream: null,
    };
  },
};
