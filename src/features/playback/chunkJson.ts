import type { StreamTrack, ToolCall } from '../../core/recording/types';

export interface Segment {
  text: string;
  /** Part of what the chunk contributed to the assembled response. */
  added: boolean;
}

export interface PrettyChunk {
  segments: Segment[];
  truncated: boolean;
  /** Whether any string leaf matched a delta. */
  matched: boolean;
}

const MAX_DEPTH = 64;

/**
 * Pretty-prints a chunk exactly as `JSON.stringify(value, null, 2)` would and
 * marks the string values that carry what the chunk added. Matching values
 * rather than substrings of the printed text: a one-letter delta would
 * otherwise light up every key that contains that letter. When no value equals
 * a delta (a reader that trims or joins parts), values containing one are
 * marked instead, so something is still shown.
 */
export function prettyChunk(value: unknown, deltas: readonly string[], maxChars = 200_000): PrettyChunk {
  const wanted = new Set(deltas.filter((d) => d.length > 0));
  const exact = print(value, (s) => wanted.has(s), maxChars);
  if (exact.matched || wanted.size === 0) return exact;
  const contains = print(value, (s) => [...wanted].some((d) => s.includes(d)), maxChars);
  return contains.matched ? contains : exact;
}

function print(value: unknown, isAdded: (s: string) => boolean, maxChars: number): PrettyChunk {
  const segments: Segment[] = [];
  let plain = '';
  let length = 0;
  let truncated = false;
  let matched = false;

  const emit = (text: string, added = false) => {
    if (truncated) return;
    if (length + text.length > maxChars) {
      text = text.slice(0, Math.max(0, maxChars - length));
      truncated = true;
    }
    length += text.length;
    if (!added) {
      plain += text;
      return;
    }
    if (plain) segments.push({ text: plain, added: false });
    plain = '';
    segments.push({ text, added: true });
  };

  const walk = (v: unknown, indent: string, depth: number): void => {
    if (truncated) return;
    if (typeof v === 'string') {
      const added = isAdded(v);
      if (added) matched = true;
      emit(JSON.stringify(v), added);
      return;
    }
    if (v === null || typeof v === 'boolean') return emit(String(v));
    if (typeof v === 'number') return emit(Number.isFinite(v) ? String(v) : 'null');
    if (typeof v !== 'object') return emit('null');
    if (depth >= MAX_DEPTH) return emit('"…"');
    const inner = `${indent}  `;
    if (Array.isArray(v)) {
      if (v.length === 0) return emit('[]');
      emit('[\n');
      v.forEach((item, i) => {
        emit(inner);
        // JSON.stringify writes undefined and functions in arrays as null.
        walk(item === undefined || typeof item === 'function' ? null : item, inner, depth + 1);
        emit(i < v.length - 1 ? ',\n' : '\n');
      });
      return emit(`${indent}]`);
    }
    const entries = Object.entries(v as Record<string, unknown>).filter(
      ([, item]) => item !== undefined && typeof item !== 'function',
    );
    if (entries.length === 0) return emit('{}');
    emit('{\n');
    entries.forEach(([key, item], i) => {
      emit(`${inner}${JSON.stringify(key)}: `);
      walk(item, inner, depth + 1);
      emit(i < entries.length - 1 ? ',\n' : '\n');
    });
    emit(`${indent}}`);
  };

  walk(value, '', 0);
  if (plain) segments.push({ text: plain, added: false });
  return { segments, truncated, matched };
}

export interface ChunkDelta {
  text: string;
  reasoning: string;
  /** Per tool call that changed at this chunk. */
  tools: { index: number; name: string; started: boolean; arguments: string }[];
}

/** What chunk `cursor` added to the assembled response, from the offsets alone. */
export function chunkDelta(
  stream: Pick<StreamTrack, 'textEnd' | 'reasoningEnd' | 'toolArgsEnd' | 'toolStart'>,
  response: { text: string; reasoning: string; toolCalls: ToolCall[] },
  cursor: number,
): ChunkDelta {
  if (cursor < 0) return { text: '', reasoning: '', tools: [] };
  const before = (arr: Int32Array | undefined) => (cursor > 0 ? (arr?.[cursor - 1] ?? 0) : 0);
  const text = response.text.slice(before(stream.textEnd), stream.textEnd[cursor] ?? 0);
  const reasoning = response.reasoning.slice(before(stream.reasoningEnd), stream.reasoningEnd[cursor] ?? 0);
  const tools: ChunkDelta['tools'] = [];
  stream.toolArgsEnd.forEach((ends, index) => {
    const call = response.toolCalls[index];
    if (!call) return;
    const args = call.arguments.slice(before(ends), ends[cursor] ?? 0);
    const started = stream.toolStart[index] === cursor;
    if (started || args) tools.push({ index, name: call.name, started, arguments: args });
  });
  return { text, reasoning, tools };
}

/**
 * A chunk's type, as a DevTools EventStream row names it: the SDK class
 * (`ChatCompletionChunk`), an SSE or Responses event type
 * (`content_block_delta`), or the object kind; '' when it says nothing.
 */
export function chunkTypeName(chunk: unknown): string {
  if (chunk === null || typeof chunk !== 'object' || Array.isArray(chunk)) return typeof chunk === 'string' ? 'text' : '';
  const record = chunk as Record<string, unknown>;
  if (typeof record.__type__ === 'string') return record.__type__.slice(record.__type__.lastIndexOf('.') + 1);
  const data = record.__data__ !== null && typeof record.__data__ === 'object' ? (record.__data__ as Record<string, unknown>) : record;
  for (const key of ['event', 'type', 'object']) if (typeof data[key] === 'string') return data[key];
  if (data.done === true) return 'done';
  return '';
}

/** One line for a chunk table: what the chunk added, text first. */
export function deltaSummary(delta: ChunkDelta): string {
  const parts: string[] = [];
  if (delta.text) parts.push(delta.text);
  if (delta.reasoning) parts.push(`[reasoning] ${delta.reasoning}`);
  for (const tool of delta.tools) parts.push(`${tool.started ? `→ ${tool.name}(` : ''}${tool.arguments}`);
  return parts.join(' ');
}
