import { asArray, asObject, asString, unwrapObject } from '../json';
import { readRequestView } from '../request';
import { emptyResponse, typeIs } from './common';
import type { KindModule } from './kind';

/** File processing (`api: "file_processors"`): a file id in, text chunks out. */
export const fileProcessorKind: KindModule = {
  kind: 'file-processor',
  matchesRequest: (ctx) => typeof ctx.request.api === 'string',
  matchesResponse: (ctx) => typeIs(ctx, 'ProcessFileResponse'),
  read(ctx) {
    const data = unwrapObject(ctx.body);
    const response = emptyResponse();
    const chunks = asArray(data?.chunks);
    if (data) {
      response.fileChunks = chunks.map((entry) => {
        const chunk = unwrapObject(entry);
        return { content: asString(chunk?.content) ?? '', metadata: chunk?.metadata ?? chunk?.chunk_metadata ?? null };
      });
    }
    // The request has no body: its own fields (provider, api, file_id...) are the parameters.
    const request = readRequestView(ctx);
    for (const [key, value] of Object.entries(ctx.request)) {
      if (key !== 'test_id') request.params[key] = value;
    }
    const provider = asString(ctx.request.provider) ?? asString(asObject(data?.metadata)?.processor);
    return {
      kindLabel: provider ? `file processor (${provider})` : 'file processor',
      request,
      response,
      streaming: false,
      stream: null,
    };
  },
};
