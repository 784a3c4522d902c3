import { compact } from './assemble';

/**
 * The error a response body reports, as docs/cassette-format.md "ERRORS"
 * defines: `{"error": {...}}`, `{"error": "..."}`, Anthropic's
 * `{"type": "error"}` events, Responses' `response.failed`, lists.
 */
export function bodyError(value: unknown, depth = 0): string | null {
  if (depth > 8) return null;
  if (Array.isArray(value)) return value.length > 0 ? bodyError(value[0], depth + 1) : null;
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return null;
  const object = value as Record<string, unknown>;
  const error = object.error;
  if (error !== null && typeof error === 'object' && !Array.isArray(error) && Object.keys(error).length > 0) {
    const message = (error as Record<string, unknown>).message;
    return typeof message === 'string' && message !== '' ? message : compact(error);
  }
  if (typeof error === 'string' && error !== '') return error;
  if (object.type === 'error' && typeof object.message === 'string') return object.message;
  if (object.type === 'response.failed') return bodyError(object.response, depth + 1);
  return null;
}

/** When the status says error but the body did not: its message/detail, else its text, else the status. */
export function statusFallbackError(status: number, json: unknown, parsed: boolean, text: string | null): string {
  if (parsed && json !== null && typeof json === 'object' && !Array.isArray(json)) {
    const object = json as Record<string, unknown>;
    for (const key of ['message', 'Message']) {
      const value = object[key];
      if (typeof value === 'string') return value;
    }
    if ('detail' in object) {
      const detail = object.detail;
      if (typeof detail === 'string') return detail;
      return JSON.stringify(detail) ?? 'null';
    }
  }
  const trimmed = text === null ? '' : text.trim();
  return trimmed !== '' ? trimmed : `HTTP ${status}`;
}
