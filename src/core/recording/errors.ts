import type { RecordedError } from './types';
import { asNumber, asObject, asString, type JsonObject } from './json';

/**
 * The error a recording carries, whatever its kind: a raised exception stored
 * by the recorder, or an HTTP error status on a passthrough call.
 */
export function readRecordedError(response: JsonObject): RecordedError | null {
  const data = asObject(response.exception_data);
  const raised = response.is_exception === true || data !== undefined || typeof response.exception_message === 'string';
  if (raised) {
    const message =
      asString(response.exception_message) ||
      asString(data?.message) ||
      asString(data?.type) ||
      'the call raised an exception (no message recorded)';
    const error: RecordedError = { message, source: 'exception' };
    const type = asString(data?.type);
    if (type) error.type = type;
    const status = asNumber(data?.status_code) ?? asNumber(data?.status);
    if (status !== undefined) error.status = status;
    if (data) error.details = data;
    return error;
  }

  const status = asNumber(response.status);
  if (status !== undefined && status >= 400) {
    const body = response.body;
    const detail = errorText(body);
    const error: RecordedError = {
      message: detail ? `HTTP ${status}: ${detail}` : `HTTP ${status}`,
      status,
      source: 'http',
    };
    const type = errorType(body);
    if (type) error.type = type;
    if (body !== undefined && body !== null) error.details = body;
    return error;
  }
  return null;
}

/** The human message inside the error documents providers return. */
function errorText(body: unknown): string | undefined {
  if (typeof body === 'string') return body.length > 0 ? body : undefined;
  const doc = asObject(body);
  if (!doc) return undefined;
  const inner = doc.error;
  if (typeof inner === 'string' && inner.length > 0) return inner;
  const innerDoc = asObject(inner);
  return (
    asString(innerDoc?.message) ||
    asString(doc.message) ||
    asString(doc.detail) ||
    asString(asObject(doc.detail)?.message) ||
    undefined
  );
}

function errorType(body: unknown): string | undefined {
  const doc = asObject(body);
  if (!doc) return undefined;
  const inner = asObject(doc.error);
  return asString(inner?.type) || asString(inner?.code) || (doc.type !== 'error' ? asString(doc.type) : undefined) || undefined;
}
