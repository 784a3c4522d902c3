/**
 * The one model every recording file is read into, whatever its era or kind.
 * Views, the index, playback and compare all consume this shape; nothing
 * downstream looks at the raw file layout except the Raw JSON view.
 */
import type { TestIdParts } from '../test-id/testId';

export type RecordingKind =
  | 'chat.completions'
  | 'completions'
  | 'embeddings'
  | 'models'
  | 'ollama.generate'
  | 'ollama.chat'
  | 'ollama.embeddings'
  | 'ollama.models'
  | 'genai'
  | 'messages'
  | 'interactions'
  | 'rerank'
  | 'tool'
  | 'file-processor'
  /* Kinds only VCR cassettes carry (see src/core/cassette/). */
  | 'responses'
  | 'converse'
  | 'invoke'
  | 'cohere.chat'
  | 'unknown';

export interface ToolCall {
  /** Provider call id (`call_...`, `toolu_...`); absent when the format has none. */
  id?: string;
  name: string;
  /** Exactly as assembled: fragments concatenated, or JSON.stringify of an object form. */
  arguments: string;
}

export type MessagePart =
  | { type: 'text'; text: string }
  /** Only ever a `data:image/(png|jpeg|gif|webp)` URL; anything else becomes a `json` part. */
  | { type: 'image'; url: string; label: string }
  | { type: 'json'; label: string; value: unknown };

export interface ChatMessage {
  role: string;
  parts: MessagePart[];
  toolCalls: ToolCall[];
  /** On `tool` messages: the id of the assistant tool call this answers. */
  toolCallId?: string;
  name?: string;
  /** Reasoning an assistant message carries back into the request (`reasoning`, `reasoning_content`, thinking blocks). */
  reasoning?: string;
}

export interface ToolDefinition {
  name: string;
  description?: string;
  parameters?: unknown;
}

export interface RequestView {
  method?: string;
  url?: string;
  endpoint: string;
  messages: ChatMessage[];
  tools: ToolDefinition[];
  /** Body keys that are neither messages nor tools (model, temperature, stream, ...). */
  params: Record<string, unknown>;
  /** The request body as recorded (`body`, `payload` or tool `kwargs`). */
  body: unknown;
}

export interface EmbeddingsSummary {
  count: number;
  dimensions: number;
  norms: number[];
  /** First few values of each vector, for a sparkline; never the whole vector. */
  preview: number[][];
}

export interface SseEvent {
  event?: string;
  data: string;
  /** `data` parsed when it is JSON. */
  json?: unknown;
}

export interface ResponseView {
  /** Assembled final text (concatenated deltas for streams). */
  text: string;
  reasoning: string;
  toolCalls: ToolCall[];
  finishReason?: string;
  usage?: Record<string, unknown>;
  model?: string;
  fingerprint?: string;
  embeddings?: EmbeddingsSummary;
  models?: Record<string, unknown>[];
  toolResult?: { content: unknown; errorMessage?: string; errorCode?: unknown };
  fileChunks?: { content: string; metadata: unknown }[];
  sseEvents?: SseEvent[];
  /** Rerank results, best first as recorded: each document with its relevance score. */
  ranked?: RankedDocument[];
  /** HTTP status for passthrough calls, when recorded. */
  status?: number;
  /** The response body as recorded. */
  body: unknown;
}

export interface RankedDocument {
  /** Position of the document in the request. */
  index: number;
  score: number | null;
  /** The document's text from the request (or the result), when there is one. */
  document?: string;
}

export interface RecordedError {
  message: string;
  /**
   * `exception`: the call raised and the recorder stored the exception.
   * `http`: a passthrough call returned a status >= 400 (the body is the error document).
   */
  source?: 'exception' | 'http';
  type?: string;
  status?: number;
  details?: unknown;
}

/**
 * Stream assembly stored as offsets into the final strings, not copies:
 * after chunk i the assembled text is `response.text.slice(0, textEnd[i])`.
 */
export interface StreamTrack {
  /** One entry per chunk (a raw SSE stream: one per blank-line-separated event). */
  chunks: unknown[];
  textEnd: Int32Array;
  reasoningEnd: Int32Array;
  /** For each response tool call, how many characters of its arguments exist after chunk i (0 before it starts). */
  toolArgsEnd: Int32Array[];
  /** Chunk index at which each response tool call first appears. */
  toolStart: number[];
  /** Per chunk: epoch milliseconds when the chunk carries a timestamp, else NaN. */
  timestamps: Float64Array;
  /** Per chunk bit flags, see ChunkMark. */
  marks: Uint8Array;
}

export const ChunkMark = {
  role: 1,
  toolStart: 2,
  finish: 4,
  usage: 8,
  reasoning: 16,
  error: 32,
} as const;

export interface HttpHeader {
  name: string;
  value: string;
  /** The recorder replaced the secret (`AUTHORIZATION-XXX`, `REDACTED`...). */
  redacted: boolean;
}

/** The HTTP exchange a VCR cassette interaction records, beyond what the kinds read. */
export interface HttpExchange {
  method: string | null;
  url: string | null;
  status: number | null;
  /** From the host: openai, anthropic, google, mistral, groq, cohere, ollama, bedrock or other. */
  provider: string;
  /** From the path: chat.completions, responses, messages, generateContent, ... or other. */
  api: string;
  requestHeaders: HttpHeader[];
  responseHeaders: HttpHeader[];
  /** Why the response body cannot be shown as text ("brotli-compressed body"); absent when it can. */
  unreadable?: string;
  /** Size of a decoded binary body, when known. */
  bodyBytes?: number;
  /** `sse`, `ndjson`, `json-array` or `event-stream` for streams. */
  streamFormat?: string;
}

/** Where an interaction sits in its cassette. */
export interface CassetteOrigin {
  /** The cassette file's path in the folder. */
  file: string;
  /** 1-based. */
  index: number;
}

export interface Recording {
  path: string;
  kind: RecordingKind;
  /** Words for the kind, e.g. "chat.completions stream". */
  kindLabel: string;
  /** `request.endpoint`, else the passthrough URL, the tool name, or the `api`. */
  endpoint: string;
  provider?: string;
  model?: string;
  testId: string | null;
  testIdParts: TestIdParts | null;
  streaming: boolean;
  /** Entries of the response body list for streams (SSE: events); 1 otherwise. */
  chunkCount: number;
  /**
   * How many entries the recorded response body has, counted the way a script
   * over the raw JSON does: list length (SSE: raw lines, not events), 0 for a
   * null body, 1 otherwise. Differs from chunkCount for SSE streams, list-bodied
   * model lists and exceptions.
   */
  bodyEntries?: number;
  request: RequestView;
  response: ResponseView;
  /** Present when the call raised or returned HTTP >= 400. */
  error: RecordedError | null;
  stream: StreamTrack | null;
  /** `__type__` of the response (first chunk for streams), when present. */
  responseType?: string;
  /** Present for VCR cassette interactions: headers, status, provider/API detection, unreadable bodies. */
  http?: HttpExchange;
  cassette?: CassetteOrigin;
}

export interface RecordingParseError {
  path: string;
  /** A sentence a user can act on: what is wrong, and where. */
  reason: string;
}

export type ParseResult = { ok: true; recording: Recording } | { ok: false; error: RecordingParseError };
