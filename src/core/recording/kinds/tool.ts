import { asObject, asString, unwrapObject } from '../json';
import { readRequestView } from '../request';
import { emptyResponse, typeIs } from './common';
import type { KindModule } from './kind';

/**
 * Tool runtime invocations (`web_search` via tavily...). The result content is
 * kept as recorded in `toolResult`; the response text stays empty, as the
 * oracle has it, because the content is data for the model, not model output.
 */
export const toolKind: KindModule = {
  kind: 'tool',
  matchesRequest: (ctx) => typeof ctx.request.tool_name === 'string',
  matchesResponse: (ctx) => typeIs(ctx, 'ToolInvocationResult'),
  read(ctx) {
    const data = unwrapObject(ctx.body);
    const response = emptyResponse();
    if (data) {
      const toolResult: NonNullable<typeof response.toolResult> = { content: data.content };
      const errorMessage = asString(data.error_message);
      if (errorMessage) toolResult.errorMessage = errorMessage;
      if (data.error_code !== undefined && data.error_code !== null) toolResult.errorCode = data.error_code;
      response.toolResult = toolResult;
    }
    const name = asString(ctx.request.tool_name) ?? asString(asObject(ctx.requestBody)?.tool_name) ?? 'tool';
    return {
      kindLabel: `tool invocation (${name})`,
      request: readRequestView(ctx),
      response,
      streaming: false,
      stream: null,
    };
  },
};
