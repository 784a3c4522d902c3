import { assemble, type Piece } from './assemble';
import { decodeBase64, decodeUtf8, decompress, hasEventStreamPrelude, isBytes, isGzip, isZstd } from './bytes';
import { bodyError, statusFallbackError } from './errors';
import {
  apiOf,
  contentEncodingTokens,
  headerEntries,
  mediaTypeOf,
  modelOf,
  providerOf,
  type CassetteApi,
  type CassetteProvider,
  type HeaderEntry,
} from './http';
import { parseCassetteYaml } from './yaml';
import { splitCassette, type CassetteSplit } from './split';
import type { StreamTrack, ToolCall } from '../recording/types';

/**
 * Reads one VCR cassette (vcrpy / pytest-recording, Ruby VCR, R vcr,
 * langchain's `requests`/`responses` serializer) into its interactions, as
 * docs/cassette-format.md defines. Pure: runs in workers, Node and Vitest.
 * Never throws: a file that is not a cassette is one `invalid` reason.
 */

export type StreamFormat = 'sse' | 'ndjson' | 'json-array' | 'event-stream';

export interface CassetteInteraction {
  /** 1-based position in the cassette. */
  index: number;
  method: string | null;
  url: string | null;
  provider: CassetteProvider;
  api: CassetteApi;
  model: string | null;
  status: number | null;
  streaming: boolean;
  streamFormat: StreamFormat | null;
  /** Counted chunks (doc "chunks"); null for a stream that cannot be read. */
  chunks: number | null;
  text: string | null;
  toolCalls: ToolCall[] | null;
  reasoning: string | null;
  error: string | null;
  unreadable: string | null;
  requestHeaders: HeaderEntry[];
  responseHeaders: HeaderEntry[];
  /** The request body as JSON when it is JSON, else its text (null when none). */
  requestJson: unknown;
  requestText: string | null;
  /** The response body: JSON when it parses (or parsed_body), else its text; null when unreadable. */
  responseJson: unknown;
  responseText: string | null;
  /** Decoded size of a binary body, for "binary, N bytes" views. */
  responseByteLength: number | null;
  usage?: Record<string, unknown>;
  finishReason?: string;
  track: StreamTrack | null;
  /** The interaction's mapping as stored (bytes stay Uint8Array). */
  raw: Record<string, unknown>;
}

export type CassetteReading =
  | { ok: true; interactions: CassetteInteraction[] }
  | { ok: false; reason: string };

/** `*.yaml`, `*.yml`, optionally gzipped, any case. */
export const CASSETTE_NAME = /\.ya?ml(?:\.gz)?$/i;

export function isCassettePath(path: string): boolean {
  return CASSETTE_NAME.test(path);
}

type Obj = Record<string, unknown>;

function asMapping(value: unknown): Obj | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !isBytes(value) ? (value as Obj) : undefined;
}

export async function readCassette(bytes: Uint8Array, path: string, options: ReadOptions = {}): Promise<CassetteReading> {
  const interactions: CassetteInteraction[] = [];
  const result = await visitCassetteBytes(bytes, path, (interaction) => void interactions.push(interaction), options);
  return result.ok ? { ok: true, interactions } : result;
}

export async function readCassetteText(text: string, options: ReadOptions = {}): Promise<CassetteReading> {
  const interactions: CassetteInteraction[] = [];
  const result = await visitCassetteText(text, (interaction) => void interactions.push(interaction), options);
  return result.ok ? { ok: true, interactions } : result;
}

export interface ReadOptions {
  /** Files longer than this (characters) are parsed one interaction at a time; see split.ts. */
  splitAbove?: number;
}

/** 256 K characters: below it a whole-file parse costs little memory. */
const SPLIT_ABOVE = 256 * 1024;

export type CassetteVisit = { ok: true; count: number } | { ok: false; reason: string };

/**
 * Reads a cassette calling `visit` with each interaction in order, without
 * holding them all: big cassettes stay within memory. When the file turns
 * out invalid after some visits, the result says so and the caller drops
 * what it was given (a cassette is valid as a whole or not at all).
 */
export async function visitCassetteBytes(bytes: Uint8Array, path: string, visit: (interaction: CassetteInteraction) => void, options: ReadOptions = {}): Promise<CassetteVisit> {
  try {
    let data = bytes;
    if (/\.gz$/i.test(path)) {
      try {
        data = await decompress(bytes, 'gzip');
      } catch (error) {
        return { ok: false, reason: `gunzip failed: ${messageOf(error)}` };
      }
    }
    const text = decodeUtf8(data);
    if (text === undefined) return { ok: false, reason: 'the file is not UTF-8 text' };
    return await visitCassetteText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, visit, options);
  } catch (error) {
    return { ok: false, reason: `could not be read: ${messageOf(error)}` };
  }
}

export async function visitCassetteText(text: string, visit: (interaction: CassetteInteraction) => void, options: ReadOptions = {}): Promise<CassetteVisit> {
  const split = text.length > (options.splitAbove ?? SPLIT_ABOVE) ? splitCassette(text) : null;
  if (split) {
    const pieces = await visitSplit(split, visit);
    if (pieces !== null) return pieces;
  }
  const yaml = parseCassetteYaml(text);
  if (!yaml.ok) return { ok: false, reason: yaml.reason };
  const pairs = interactionPairs(yaml.value);
  if (!pairs.ok) return pairs;
  for (let i = 0; i < pairs.list.length; i++) {
    const { raw, request, response } = pairs.list[i]!;
    visit(await readInteraction(i + 1, raw, request, response));
  }
  return { ok: true, count: pairs.list.length };
}

/** Null when the pieces do not read as a cassette: the caller then parses the whole file for the exact reason. */
async function visitSplit(split: CassetteSplit, visit: (interaction: CassetteInteraction) => void): Promise<CassetteVisit | null> {
  const header = parseCassetteYaml(split.header);
  const root = header.ok ? asMapping(header.value) : undefined;
  if (!root || root[split.key] !== null || (split.key === 'http_interactions' && 'interactions' in root)) return null;
  for (let i = 0; i < split.items.length; i++) {
    const piece = parseCassetteYaml(split.items[i]!);
    if (!piece.ok || !Array.isArray(piece.value) || piece.value.length !== 1) return null;
    const raw = asMapping(piece.value[0]);
    const request = asMapping(raw?.request);
    const response = asMapping(raw?.response);
    if (!raw || !request || !response) return null;
    visit(await readInteraction(i + 1, raw, request, response));
  }
  return { ok: true, count: split.items.length };
}

interface RawPair {
  raw: Obj;
  request: Obj;
  response: Obj;
}

function interactionPairs(document: unknown): { ok: true; list: RawPair[] } | { ok: false; reason: string } {
  const root = asMapping(document);
  if (!root) return { ok: false, reason: `not a cassette: the YAML document is ${describe(document)}, not a mapping` };
  const key = 'interactions' in root ? 'interactions' : 'http_interactions' in root ? 'http_interactions' : undefined;
  if (key !== undefined) {
    const items = root[key];
    if (!Array.isArray(items)) return { ok: false, reason: `not a cassette: \`${key}\` is ${describe(items)}, not a list` };
    const list: RawPair[] = [];
    for (let i = 0; i < items.length; i++) {
      const raw = asMapping(items[i]);
      const request = asMapping(raw?.request);
      const response = asMapping(raw?.response);
      if (!raw || !request || !response) {
        return {
          ok: false,
          reason: `not an HTTP cassette: \`${key}\` item ${i + 1} has no request and response mappings (websocket frames, gRPC samples and other recordings are not HTTP calls)`,
        };
      }
      list.push({ raw, request, response });
    }
    return { ok: true, list };
  }
  if ('requests' in root && 'responses' in root) {
    const requests = root.requests;
    const responses = root.responses;
    if (!Array.isArray(requests) || !Array.isArray(responses)) {
      return { ok: false, reason: 'not a cassette: `requests` and `responses` must both be lists' };
    }
    if (requests.length !== responses.length) {
      return { ok: false, reason: `not a cassette: ${requests.length} requests but ${responses.length} responses` };
    }
    const list: RawPair[] = [];
    for (let i = 0; i < requests.length; i++) {
      const request = asMapping(requests[i]);
      const response = asMapping(responses[i]);
      if (!request || !response) {
        return { ok: false, reason: `not an HTTP cassette: request/response ${i + 1} is not a pair of mappings` };
      }
      list.push({ raw: { request, response }, request, response });
    }
    return { ok: true, list };
  }
  return { ok: false, reason: 'not a cassette: no `interactions`, `http_interactions` or `requests` + `responses`' };
}

/* ---------- bodies ---------- */

type Payload =
  | { form: 'json'; value: unknown }
  | { form: 'text'; text: string; byteLength: number | null }
  | { form: 'unreadable'; reason: string; byteLength: number | null; eventStream: boolean };

const EVENT_STREAM_TYPE = 'application/vnd.amazon.eventstream';
const EVENT_STREAM_REASON = `binary event stream (${EVENT_STREAM_TYPE})`;

async function responsePayload(response: Obj, headers: HeaderEntry[]): Promise<Payload> {
  if ('parsed_body' in response && response.parsed_body !== null && response.parsed_body !== undefined) {
    return { form: 'json', value: response.parsed_body };
  }
  const body = response.body;
  const mapping = asMapping(body);
  let stored: unknown = '';
  if (mapping) {
    if (mapping.file === true) return { form: 'unreadable', reason: 'body stored outside the cassette', byteLength: null, eventStream: false };
    if ('string' in mapping && mapping.string !== null && mapping.string !== undefined) stored = mapping.string;
    else if (typeof mapping.base64_string === 'string') {
      stored = decodeBase64(mapping.base64_string) ?? new Uint8Array(0);
    }
  } else if (typeof body === 'string' || isBytes(body)) stored = body;
  if (typeof stored === 'string') return { form: 'text', text: stored, byteLength: null };
  if (!isBytes(stored)) return { form: 'text', text: typeof stored === 'number' || typeof stored === 'boolean' ? String(stored) : '', byteLength: null };
  return decodeBodyBytes(stored, headers);
}

async function decodeBodyBytes(stored: Uint8Array, headers: HeaderEntry[]): Promise<Payload> {
  const encodings = contentEncodingTokens(headers);
  let bytes = stored;
  if (isGzip(bytes)) {
    try {
      bytes = await decompress(bytes, 'gzip');
    } catch {
      return { form: 'unreadable', reason: 'corrupt gzip body', byteLength: stored.length, eventStream: false };
    }
  } else if (isZstd(bytes) || encodings.has('zstd')) {
    return { form: 'unreadable', reason: 'zstd-compressed body', byteLength: stored.length, eventStream: false };
  } else if (encodings.has('br')) {
    return { form: 'unreadable', reason: 'brotli-compressed body', byteLength: stored.length, eventStream: false };
  } else if (encodings.has('deflate')) {
    try {
      bytes = await decompress(bytes, 'deflate');
    } catch {
      try {
        bytes = await decompress(bytes, 'deflate-raw');
      } catch {
        return { form: 'unreadable', reason: 'corrupt deflate body', byteLength: stored.length, eventStream: false };
      }
    }
  }
  if (hasEventStreamPrelude(bytes)) {
    return { form: 'unreadable', reason: EVENT_STREAM_REASON, byteLength: bytes.length, eventStream: true };
  }
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    const mediaType = mediaTypeOf(headers) || 'no content type';
    return { form: 'unreadable', reason: `binary body (not UTF-8, ${mediaType})`, byteLength: bytes.length, eventStream: false };
  }
  return { form: 'text', text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, byteLength: bytes.length };
}

async function requestJsonOf(request: Obj): Promise<{ json: unknown; text: string | null }> {
  if ('parsed_body' in request && request.parsed_body !== null && request.parsed_body !== undefined) {
    return { json: request.parsed_body, text: null };
  }
  let body = request.body;
  const mapping = asMapping(body);
  if (mapping) {
    if ('string' in mapping || 'base64_string' in mapping || 'encoding' in mapping) {
      body = typeof mapping.base64_string === 'string' && !('string' in mapping) ? decodeBase64(mapping.base64_string) : mapping.string;
    } else return { json: mapping, text: null };
  }
  let text: string | null = null;
  if (typeof body === 'string') text = body;
  else if (isBytes(body)) {
    let bytes = body;
    if (isGzip(bytes)) {
      try {
        bytes = await decompress(bytes, 'gzip');
      } catch {
        return { json: undefined, text: null };
      }
    }
    text = decodeUtf8(bytes) ?? null;
  }
  if (text === null) return { json: undefined, text: null };
  const parsed = parseJson(text);
  return { json: parsed.ok ? parsed.value : undefined, text };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/* ---------- streams ---------- */

const NDJSON_TYPES = new Set(['application/x-ndjson', 'application/ndjson', 'application/jsonl', 'application/x-jsonl']);
const LINE_BREAK = /\r\n|\n|\r/;

function looksLikeSse(text: string): boolean {
  for (const line of text.split(LINE_BREAK)) {
    if (line.trim() === '') continue;
    const start = line.replace(/^ +/, '');
    return start.startsWith('data:') || start.startsWith('event:');
  }
  return false;
}

/** SSE events that carry data, without `[DONE]`: the doc's chunk count, and the player's chunks. */
function sseEvents(text: string): Piece[] {
  const pieces: Piece[] = [];
  let event: string | undefined;
  let data: string[] = [];
  const flush = () => {
    if (data.length > 0) {
      const joined = data.join('\n');
      if (joined.trim() !== '[DONE]') {
        const parsed = parseJson(joined);
        const chunk: { event?: string; data: string; json?: unknown } = { data: joined };
        if (event !== undefined) chunk.event = event;
        if (parsed.ok) chunk.json = parsed.value;
        const piece: Piece = { json: parsed.ok ? parsed.value : undefined, chunk };
        if (event !== undefined) piece.event = event;
        pieces.push(piece);
      }
    }
    event = undefined;
    data = [];
  };
  for (const rawLine of text.split(LINE_BREAK)) {
    if (rawLine.trim() === '') {
      flush();
      continue;
    }
    // Only the detection above forgives leading spaces: a ` data:` line is no data field.
    const line = rawLine;
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
  }
  flush();
  return pieces;
}

function ndjsonLines(text: string): Piece[] {
  const pieces: Piece[] = [];
  for (const line of text.split(LINE_BREAK)) {
    if (line.trim() === '') continue;
    const parsed = parseJson(line);
    pieces.push({ json: parsed.ok ? parsed.value : undefined, chunk: parsed.ok ? parsed.value : line });
  }
  return pieces;
}

/* ---------- one interaction ---------- */

async function readInteraction(index: number, raw: Obj, request: Obj, response: Obj): Promise<CassetteInteraction> {
  const method = typeof request.method === 'string' ? request.method.toUpperCase() : null;
  const uri = request.uri ?? request.url;
  const url = typeof uri === 'string' ? uri : null;
  const provider = providerOf(url);
  const api = apiOf(url);
  const requestHeaders = headerEntries(request.headers);
  const responseHeaders = headerEntries(response.headers);
  const requestBody = await requestJsonOf(request);
  const model = modelOf(requestBody.json, url);
  const status = statusOf(response);
  const mediaType = mediaTypeOf(responseHeaders);
  const payload = await responsePayload(response, responseHeaders);

  const base = {
    index,
    method,
    url,
    provider,
    api,
    model,
    status,
    requestHeaders,
    responseHeaders,
    requestJson: requestBody.json,
    requestText: requestBody.text,
    raw,
  };

  if (payload.form === 'unreadable' || (mediaType === EVENT_STREAM_TYPE && payload.form === 'text')) {
    const eventStream = mediaType === EVENT_STREAM_TYPE || (payload.form === 'unreadable' && payload.eventStream);
    const reason = payload.form === 'unreadable' ? (eventStream ? EVENT_STREAM_REASON : payload.reason) : EVENT_STREAM_REASON;
    const streamFormat: StreamFormat | null = eventStream
      ? 'event-stream'
      : mediaType === 'text/event-stream'
        ? 'sse'
        : NDJSON_TYPES.has(mediaType)
          ? 'ndjson'
          : null;
    const byteLength = payload.form === 'unreadable' ? payload.byteLength : new TextEncoder().encode(payload.text).length;
    return {
      ...base,
      streaming: streamFormat !== null,
      streamFormat,
      chunks: streamFormat !== null ? null : 0,
      text: null,
      toolCalls: null,
      reasoning: null,
      error: status !== null && status >= 400 ? `HTTP ${status}` : null,
      unreadable: reason,
      responseJson: undefined,
      responseText: null,
      responseByteLength: byteLength,
      track: null,
    };
  }

  let streamFormat: StreamFormat | null = null;
  let pieces: Piece[];
  let bodyJson: unknown;
  let bodyParsed: boolean;
  let bodyText: string;
  if (payload.form === 'json') {
    bodyJson = payload.value;
    bodyParsed = true;
    bodyText = JSON.stringify(payload.value) ?? '';
    if (Array.isArray(bodyJson) && api === 'generateContent') streamFormat = 'json-array';
  } else {
    bodyText = payload.text;
    const parsed = parseJson(bodyText);
    bodyParsed = parsed.ok;
    bodyJson = parsed.ok ? parsed.value : undefined;
    if (mediaType === 'text/event-stream') streamFormat = parsed.ok ? null : 'sse';
    else if (NDJSON_TYPES.has(mediaType)) streamFormat = 'ndjson';
    else if (parsed.ok && Array.isArray(bodyJson) && api === 'generateContent') streamFormat = 'json-array';
    else if (!parsed.ok && looksLikeSse(bodyText)) streamFormat = 'sse';
  }

  switch (streamFormat) {
    case 'sse':
      pieces = sseEvents(bodyText);
      break;
    case 'ndjson':
      pieces = ndjsonLines(bodyText);
      break;
    case 'json-array':
      pieces = (bodyJson as unknown[]).map((element) => ({ json: element, chunk: element }));
      break;
    default:
      pieces = bodyParsed ? [{ json: bodyJson, chunk: bodyJson }] : [];
  }
  const streaming = streamFormat !== null;
  const assembled = assemble(api, pieces, streaming);

  let error: string | null = null;
  if (streaming) {
    for (const piece of pieces) {
      error = bodyError(piece.json);
      if (error !== null) break;
    }
  } else if (bodyParsed) error = bodyError(bodyJson);
  if (error === null && status !== null && status >= 400) {
    error = streaming ? fallbackText(bodyText, status) : statusFallbackError(status, bodyJson, bodyParsed, bodyText);
  }

  const interaction: CassetteInteraction = {
    ...base,
    streaming,
    streamFormat,
    chunks: streaming ? pieces.length : 0,
    text: assembled.text,
    toolCalls: assembled.toolCalls,
    reasoning: assembled.reasoning === '' ? null : assembled.reasoning,
    error,
    unreadable: null,
    responseJson: streaming ? undefined : bodyJson,
    responseText: bodyText,
    responseByteLength: payload.form === 'text' ? payload.byteLength : null,
    track: assembled.track,
  };
  const meta = summaryOf(pieces);
  if (meta.usage) interaction.usage = meta.usage;
  if (meta.finishReason) interaction.finishReason = meta.finishReason;
  return interaction;
}

function fallbackText(text: string, status: number): string {
  const trimmed = text.trim();
  return trimmed !== '' ? trimmed : `HTTP ${status}`;
}

function statusOf(response: Obj): number | null {
  const status = response.status;
  let value: unknown;
  const mapping = asMapping(status);
  // vcrpy and Ruby VCR write `status: {code: 200}`, R vcr `status: {status_code: '200'}`.
  if (mapping) value = 'code' in mapping ? mapping.code : mapping.status_code;
  else if ('status_code' in response) value = response.status_code;
  else value = status;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) return Number.parseInt(value, 10);
  return null;
}

/** Usage and finish reason for the summary line: the last ones any piece reports. */
function summaryOf(pieces: Piece[]): { usage?: Record<string, unknown>; finishReason?: string } {
  const out: { usage?: Record<string, unknown>; finishReason?: string } = {};
  for (const piece of pieces) {
    const object = asMapping(piece.json);
    if (!object) continue;
    const usage =
      asMapping(object.usage) ??
      asMapping(object.usageMetadata) ??
      asMapping(asMapping(object.message)?.usage) ??
      asMapping(asMapping(object.response)?.usage) ??
      asMapping(object.meta);
    if (usage) out.usage = { ...(out.usage ?? {}), ...usage };
    const choice = asMapping(Array.isArray(object.choices) ? object.choices[0] : undefined);
    const candidate = asMapping(Array.isArray(object.candidates) ? object.candidates[0] : undefined);
    const reason =
      choice?.finish_reason ??
      candidate?.finishReason ??
      object.stop_reason ??
      asMapping(object.delta)?.stop_reason ??
      object.stopReason ??
      object.done_reason ??
      object.finish_reason;
    if (typeof reason === 'string' && reason !== '') out.finishReason = reason;
  }
  return out;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (isBytes(value)) return 'binary data';
  return `a ${typeof value}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}
