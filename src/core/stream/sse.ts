import type { SseEvent } from '../recording/types';

/**
 * Splits a recorded Server-Sent-Events body (a list of lines, as the recorder
 * stores raw passthrough streams) into events: one per blank-line-separated
 * block. Entries holding several lines are split too, so a recorder that
 * stored whole blocks reads the same.
 */
export function parseSseLines(entries: readonly unknown[]): SseEvent[] {
  const events: SseEvent[] = [];
  let eventName: string | undefined;
  let data: string[] = [];
  let open = false;

  const flush = (): void => {
    if (!open) return;
    const event: SseEvent = { data: data.join('\n') };
    if (eventName !== undefined) event.event = eventName;
    const json = parseJsonData(event.data);
    if (json !== undefined) event.json = json;
    events.push(event);
    eventName = undefined;
    data = [];
    open = false;
  };

  const line = (raw: string): void => {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.length === 0) {
      flush();
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon >= 0 ? text.slice(0, colon) : text;
    let value = colon >= 0 ? text.slice(colon + 1) : '';
    if (value.startsWith(' ')) value = value.slice(1);
    open = true;
    if (field === 'event') eventName = value;
    else if (field === 'data') data.push(value);
  };

  for (const entry of entries) {
    if (typeof entry !== 'string') continue;
    if (entry.indexOf('\n') < 0) {
      line(entry);
      continue;
    }
    for (const part of entry.split('\n')) line(part);
  }
  flush();
  return events;
}

function parseJsonData(data: string): unknown {
  const first = data.trimStart()[0];
  if (first !== '{' && first !== '[') return undefined;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return undefined;
  }
}

/** A list body is a raw SSE stream when its entries are strings rather than chunk objects. */
export function isSseLineList(body: unknown): body is unknown[] {
  if (!Array.isArray(body) || body.length === 0) return false;
  for (const entry of body) {
    if (entry === null) continue;
    return typeof entry === 'string';
  }
  return false;
}
