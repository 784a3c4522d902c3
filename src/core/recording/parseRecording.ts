import { parseTestId } from '../test-id/testId';
import type { ParseResult, Recording, ResponseView } from './types';
import { decodeJsonText, envelopeProblem } from './decode';
import { readRecordedError } from './errors';
import { asNonEmptyString, asNumber, asObject, asString, typeOf, typeSuffix, type JsonObject } from './json';
import { classify } from './kinds/registry';
import type { RecordingContext } from './kinds/kind';

/**
 * Reads one recording file. Never throws: anything that is not a recording
 * comes back as `{ ok: false }` with a reason a user can act on.
 */
export function parseRecording(text: string, path: string): ParseResult {
  return readRecordingFile(text, path).result;
}

/**
 * The one way a file's text becomes a recording, for the index worker, the
 * recording page and compare alike, so a bad file gets the same reason
 * everywhere. `value` is the decoded JSON (undefined when the text is not
 * JSON), for views that show the document itself.
 */
export function readRecordingFile(text: string, path: string): { value: unknown; result: ParseResult } {
  try {
    const decoded = decodeJsonText(text);
    if (!decoded.ok) return { value: undefined, result: failure(path, decoded.reason) };
    return { value: decoded.value, result: parseRecordingValue(decoded.value, path) };
  } catch (error) {
    return { value: undefined, result: failure(path, `could not be read: ${messageOf(error)}`) };
  }
}

/** Same as parseRecording, for JSON that is already parsed. */
export function parseRecordingValue(value: unknown, path: string): ParseResult {
  try {
    const problem = envelopeProblem(value);
    if (problem) return failure(path, problem);
    const root = value as JsonObject;
    const ctx = buildContext(root, path);
    const kind = classify(ctx);
    const reading = kind.read(ctx);
    const error = readRecordedError(ctx.response);

    const testId = asNonEmptyString(root.test_id) ?? asNonEmptyString(ctx.request.test_id) ?? null;
    const response: ResponseView = { ...reading.response, body: ctx.body };
    const status = asNumber(ctx.response.status);
    if (status !== undefined) response.status = status;

    let kindLabel = reading.kindLabel;
    if (error?.source === 'exception') kindLabel += ' (exception)';
    else if (error?.source === 'http') kindLabel += ` (HTTP ${error.status ?? 'error'})`;

    const recording: Recording = {
      path,
      kind: kind.kind,
      kindLabel,
      endpoint: ctx.endpoint,
      testId,
      testIdParts: testId === null ? null : parseTestId(testId),
      streaming: reading.streaming,
      chunkCount: reading.stream ? reading.stream.chunks.length : 1,
      bodyEntries: Array.isArray(ctx.body) ? ctx.body.length : ctx.body === null || ctx.body === undefined ? 0 : 1,
      request: reading.request,
      response,
      error,
      stream: reading.stream,
    };
    const provider = asNonEmptyString(asObject(ctx.request.provider_metadata)?.provider) ?? asNonEmptyString(ctx.request.provider);
    if (provider !== undefined) recording.provider = provider;
    const model =
      asNonEmptyString(ctx.request.model) ?? asNonEmptyString(asObject(ctx.requestBody)?.model) ?? reading.response.model;
    if (model !== undefined) recording.model = model;
    if (ctx.responseType !== undefined) recording.responseType = ctx.responseType;
    return { ok: true, recording };
  } catch (error) {
    return failure(path, `could not be read: ${messageOf(error)}`);
  }
}

function buildContext(root: JsonObject, path: string): RecordingContext {
  const request = root.request as JsonObject;
  const response = root.response as JsonObject;
  const url = asNonEmptyString(request.url);
  const endpointField = asNonEmptyString(request.endpoint);
  const endpoint =
    endpointField ?? url ?? asNonEmptyString(request.tool_name) ?? asNonEmptyString(request.api) ?? '';
  const body = response.body;
  const responseType = typeOf(body) ?? (Array.isArray(body) ? typeOf(body.find((entry) => entry !== null)) : undefined);
  const ctx: RecordingContext = {
    path,
    request,
    response,
    endpoint,
    route: routeOf(endpointField ?? url),
    requestBody: 'body' in request ? request.body : 'payload' in request ? request.payload : request.kwargs,
    body,
    isStreaming: typeof response.is_streaming === 'boolean' ? response.is_streaming : undefined,
    typeName: typeSuffix(responseType),
  };
  if (url !== undefined) ctx.url = url;
  if (responseType !== undefined) ctx.responseType = responseType;
  return ctx;
}

/** `http://host:1/v1/messages?x` and `vertexai:///generate_content` → their lower-cased path. */
function routeOf(target: string | undefined): string {
  if (!target) return '';
  let route = target.trim().replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  const cut = route.search(/[?#]/);
  if (cut >= 0) route = route.slice(0, cut);
  route = route.toLowerCase();
  while (route.length > 1 && route.endsWith('/')) route = route.slice(0, -1);
  return route;
}

function failure(path: string, reason: string): ParseResult {
  return { ok: false, error: { path, reason } };
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return asString(error) ?? 'unknown error';
}
