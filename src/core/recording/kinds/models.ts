import { unwrapObject, type JsonObject } from '../json';
import { readRequestView } from '../request';
import { emptyResponse, routeEndsWith, typeIs } from './common';
import type { KindModule, KindReading, RecordingContext } from './kind';

/** OpenAI-compatible `/v1/models`: a list of Model objects (or a page with `data`). */
export const modelsKind: KindModule = {
  kind: 'models',
  matchesRequest: (ctx) => routeEndsWith(ctx, '/models'),
  matchesResponse: (ctx) => typeIs(ctx, 'Model', 'SyncPage', 'AsyncPage'),
  read: (ctx) => readModelList(ctx, 'models'),
};

/** A model table: rows from a list body, or from the `data` / `models` list of a dict body. */
export function readModelList(ctx: RecordingContext, label: string): KindReading {
  const rows: Record<string, unknown>[] = [];
  const body = ctx.body;
  const source = Array.isArray(body) ? body : listInside(unwrapObject(body));
  for (const entry of source) {
    const row = unwrapObject(entry);
    if (row) rows.push(row);
  }
  const response = emptyResponse();
  response.models = rows;
  return {
    kindLabel: label,
    request: readRequestView(ctx),
    response,
    // Model lists are recorded as lists but are never streams.
    streaming: ctx.isStreaming === true,
    stream: null,
  };
}

function listInside(data: JsonObject | undefined): unknown[] {
  if (!data) return [];
  if (Array.isArray(data.data)) return data.data;
  if (Array.isArray(data.models)) return data.models;
  return [data];
}
