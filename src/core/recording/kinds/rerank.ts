import { asArray, asObject, unwrapObject } from '../json';
import { readRequestView } from '../request';
import { emptyResponse, typeIs } from './common';
import type { KindModule } from './kind';
import type { RankedDocument } from '../types';

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
    const ranked = readRanked(ctx.requestBody, data);
    if (ranked.length > 0) response.ranked = ranked;
    return {
      kindLabel: 'rerank',
      request: readRequestView(ctx),
      response,
      streaming: false,
      stream: null,
    };
  },
};

/** Results as `results` (Cohere, vLLM) or `data` (llama-stack), documents as `documents` or `items`. */
function readRanked(requestBody: unknown, data: Record<string, unknown> | undefined): RankedDocument[] {
  const request = asObject(requestBody);
  const documents = asArray(request?.documents ?? request?.items);
  const results = asArray(data?.results ?? data?.data);
  const ranked: RankedDocument[] = [];
  for (const entry of results) {
    const result = asObject(unwrapObject(entry));
    if (!result || typeof result.index !== 'number') continue;
    const score = typeof result.relevance_score === 'number' ? result.relevance_score : typeof result.score === 'number' ? result.score : null;
    const item: RankedDocument = { index: result.index, score };
    const document = documentText(result.document) ?? documentText(documents[result.index]);
    if (document !== undefined) item.document = document;
    ranked.push(item);
  }
  return ranked;
}

function documentText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const object = asObject(value);
  if (!object) return undefined;
  for (const key of ['text', 'content', 'document']) if (typeof object[key] === 'string') return object[key];
  return JSON.stringify(object);
}

function looksLikeRerank(body: unknown): boolean {
  const data = unwrapObject(body);
  const first = asObject(asArray(data?.results)[0]);
  return !!first && typeof first.relevance_score === 'number';
}
