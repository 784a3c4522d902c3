import { asArray, asObject, unwrapObject } from '../json';
import { readRequestView } from '../request';
import { emptyResponse, typeIs } from './common';
import type { KindModule } from './kind';

/** Rerank passthrough: request documents and scored results; no text to assemble. */
export const rerankKind: KindModule = {
  kind: 'rerank',
  matchesRequest: (ctx) => /\/rerank(ing)?(\/|$)/.test(ctx.route),
  matchesResponse: (ctx) => typeIs(ctx, 'RerankResponse', 'RerankData') || looksLikeRerank(ctx.body),
  read(ctx) {
    const response = emptyResponse();
    const data = unwrapObject(ctx.body);
    if (typeof data?.model === 'string') response.model = data.model;
    const usage = asObject(data?.usage);
    if (usage) response.usage = usage;
    return {
      kindLabel: 'rerank',
      request: readRequestView(ctx),
      response,
      streaming: false,
      stream: null,
    };
  },
};

function looksLikeRerank(body: unknown): boolean {
  const data = unwrapObject(body);
  const first = asObject(asArray(data?.results)[0]);
  return !!first && typeof first.relevance_score === 'number';
}
