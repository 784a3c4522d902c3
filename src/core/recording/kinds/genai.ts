import { looksLikeGenai, visitGenaiChunk } from '../readers/genai';
import { chunkedReading, routeEndsWith } from './common';
import type { KindModule } from './kind';

/** Google GenAI generate_content(_stream), recorded as plain dicts (url `vertexai:///...`). */
export const genaiKind: KindModule = {
  kind: 'genai',
  matchesRequest: (ctx) =>
    routeEndsWith(ctx, '/generate_content', '/generate_content_stream', ':generatecontent', ':streamgeneratecontent'),
  matchesResponse: (ctx) => looksLikeGenai(Array.isArray(ctx.body) ? ctx.body[0] : ctx.body),
  read: (ctx) => chunkedReading(ctx, visitGenaiChunk, 'genai'),
};
