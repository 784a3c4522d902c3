import type { RecordingKind, RequestView, ResponseView, StreamTrack } from '../types';
import type { JsonObject } from '../json';

/** What every kind sees of a recording that passed the envelope checks. */
export interface RecordingContext {
  path: string;
  request: JsonObject;
  response: JsonObject;
  /** `request.endpoint`, else the passthrough URL, the tool name or the `api`; '' when none. */
  endpoint: string;
  /** Lower-cased path part of the endpoint or URL, for matching (`/v1/messages`, `/generate_content`). */
  route: string;
  url?: string;
  /** The request body as recorded: `body`, `payload` or tool `kwargs`. */
  requestBody: unknown;
  /** `response.body`. */
  body: unknown;
  /** `response.is_streaming` when recorded as a boolean. */
  isStreaming: boolean | undefined;
  /** `__type__` of the body, or of its first entry for list bodies. */
  responseType?: string;
  /** Last segment of responseType (`ChatCompletionChunk`); '' when none. */
  typeName: string;
}

export interface KindReading {
  kindLabel: string;
  request: RequestView;
  response: Omit<ResponseView, 'body' | 'status'>;
  streaming: boolean;
  stream: StreamTrack | null;
}

/**
 * One recording kind. The registry asks every kind's `matchesRequest` first
 * (the request names the API that was called), then `matchesResponse` only
 * for recordings whose request names none (the oldest files).
 */
export interface KindModule {
  kind: RecordingKind;
  matchesRequest(ctx: RecordingContext): boolean;
  matchesResponse(ctx: RecordingContext): boolean;
  read(ctx: RecordingContext): KindReading;
}
