/**
 * How two streams differ as streams. What a stream means (text, reasoning,
 * tool calls, finish reason, usage) is diffed on the assembled values
 * elsewhere; this module says how the chunking moved ("9 → 10 chunks; a
 * `prompt_filter_results` chunk was added first") and lines the raw chunks up
 * by what each one contributes (an LCS over deltas), never by index, so one
 * extra leading chunk does not make every later chunk look changed.
 */
import { diffArrays } from 'diff';
import { ChunkMark, type Recording, type StreamTrack } from '../recording/types';
import { hasOwn, isPlainObject } from './json';

export interface ChunkInfo {
  /** 0-based position in its stream. */
  index: number;
  /** What the chunk is: `text`, `reasoning`, `tool call`, `finish`, `usage`, `role`, an SSE event name or a distinctive key. */
  label: string;
  /** What the chunk adds to the assembled answer, as text (empty for bookkeeping chunks). */
  delta: string;
}

export type ChunkRowKind = 'same' | 'added' | 'removed' | 'changed';

export interface ChunkRow {
  kind: ChunkRowKind;
  base?: ChunkInfo;
  head?: ChunkInfo;
}

export interface StreamDiff {
  before: number;
  after: number;
  /** One sentence: counts, then what was added or removed and where. */
  summary: string;
  /** The chunk view aligned by content; absent when the streams are too different to align within budget. */
  rows?: ChunkRow[];
  /** True when `rows` was cut at MAX_ROWS. */
  truncated: boolean;
  /** Same assembled content, different chunk boundaries. */
  resplit: boolean;
}

/** Beyond this many edits the alignment explains nothing a plain listing would not. */
const MAX_ALIGN_EDITS = 1_000;
/** Rows cross to the page; a 20,000-chunk stream should not. */
const MAX_ROWS = 3_000;
/** Keys every chunk of a kind carries; the others say what is special about a chunk. */
const ORDINARY_KEYS = new Set([
  'id',
  'object',
  'created',
  'model',
  'choices',
  'system_fingerprint',
  'service_tier',
  'usage',
  'obfuscation',
  'type',
  'index',
  'delta',
  'candidates',
  'model_version',
  'usage_metadata',
  'response_id',
  'create_time',
  'sdk_http_response',
  'done',
  'done_reason',
  'message',
  'response',
  'created_at',
  'total_duration',
  'load_duration',
  'prompt_eval_count',
  'prompt_eval_duration',
  'eval_count',
  'eval_duration',
  'context',
  'thinking',
  'provider_specific_fields',
]);

export function diffStreams(base: Recording, head: Recording): StreamDiff | undefined {
  if (!base.stream && !head.stream) return undefined;
  const a = chunkInfos(base);
  const b = chunkInfos(head);
  const sigA = a.map(signature);
  const sigB = b.map(signature);
  if (sigA.length === sigB.length && sigA.every((s, i) => s === sigB[i])) return undefined;

  const parts = diffArrays(sigA, sigB, { maxEditLength: MAX_ALIGN_EDITS });
  const rows: ChunkRow[] | undefined = parts ? alignRows(parts, a, b) : undefined;
  const sameContent =
    base.response.text === head.response.text && base.response.reasoning === head.response.reasoning && joinedArgs(base) === joinedArgs(head);
  const resplit = sameContent && deltaSignatures(a) !== deltaSignatures(b);
  const summary = summarize(a.length, b.length, rows, resplit);
  const truncated = rows !== undefined && rows.length > MAX_ROWS;
  return { before: a.length, after: b.length, summary, rows: truncated ? rows.slice(0, MAX_ROWS) : rows, truncated, resplit };
}

function joinedArgs(r: Recording): string {
  return r.response.toolCalls.map((c) => `${c.name}\u0000${c.arguments}`).join('\u0001');
}

function deltaSignatures(chunks: ChunkInfo[]): string {
  return chunks
    .filter((c) => c.delta !== '')
    .map((c) => c.delta)
    .join('\u0000');
}

function signature(c: ChunkInfo): string {
  return `${c.label}\u0000${c.delta}`;
}

function alignRows(parts: { value: string[]; added?: boolean; removed?: boolean }[], a: ChunkInfo[], b: ChunkInfo[]): ChunkRow[] {
  const rows: ChunkRow[] = [];
  let ai = 0;
  let bi = 0;
  let removed: ChunkInfo[] = [];
  let added: ChunkInfo[] = [];
  const flush = () => {
    // Within a run of differences, a removed and an added chunk that both carry content (or are of one kind)
    // are one chunk that changed; a bookkeeping chunk without a counterpart was added or removed.
    let r = 0;
    let d = 0;
    while (r < removed.length || d < added.length) {
      const x = removed[r];
      const y = added[d];
      if (x && y && (x.label === y.label || (x.delta !== '' && y.delta !== ''))) {
        rows.push({ kind: 'changed', base: x, head: y });
        r++;
        d++;
      } else if (x && (!y || x.delta === '')) {
        rows.push({ kind: 'removed', base: x });
        r++;
      } else {
        rows.push({ kind: 'added', head: y! });
        d++;
      }
    }
    removed = [];
    added = [];
  };
  for (const part of parts) {
    const n = part.value.length;
    if (part.removed) for (let i = 0; i < n; i++) removed.push(a[ai++]!);
    else if (part.added) for (let i = 0; i < n; i++) added.push(b[bi++]!);
    else {
      flush();
      for (let i = 0; i < n; i++) rows.push({ kind: 'same', base: a[ai++]!, head: b[bi++]! });
    }
  }
  flush();
  return rows;
}

function summarize(before: number, after: number, rows: ChunkRow[] | undefined, resplit: boolean): string {
  const head = `${before.toLocaleString('en-US')} → ${after.toLocaleString('en-US')} chunk${after === 1 ? '' : 's'}`;
  const notes: string[] = [];
  if (rows) {
    const last = rows.length - 1;
    const where = (i: number) => (i === 0 ? 'first' : i === last ? 'last' : `at #${i + 1}`);
    const bookkeeping = (c: ChunkInfo) => c.delta === '';
    const addedExtra = rows.flatMap((r, i) => (r.kind === 'added' && bookkeeping(r.head!) ? [{ c: r.head!, i }] : []));
    const removedExtra = rows.flatMap((r, i) => (r.kind === 'removed' && bookkeeping(r.base!) ? [{ c: r.base!, i }] : []));
    const describe = (list: { c: ChunkInfo; i: number }[], verb: string) => {
      if (list.length === 0) return;
      if (list.length <= 3) {
        for (const { c, i } of list) notes.push(`a \`${c.label}\` chunk was ${verb} ${where(i)}`);
      } else {
        notes.push(`${list.length} chunks without content were ${verb}`);
      }
    };
    describe(addedExtra, 'added');
    describe(removedExtra, 'removed');
    const contentRows = rows.filter((r) => r.kind !== 'same' && !(r.kind === 'added' && bookkeeping(r.head!)) && !(r.kind === 'removed' && bookkeeping(r.base!)));
    if (resplit && contentRows.length > 0) notes.push('the same content is split into chunks differently');
    else if (contentRows.length > 0) notes.push(`${contentRows.length.toLocaleString('en-US')} chunk${contentRows.length === 1 ? '' : 's'} carry different content`);
  } else {
    notes.push('too different to line up chunk by chunk');
  }
  return [head, ...notes].join('; ');
}

/** Per chunk: what it adds (text, reasoning, tool call fragments) and a label for what it is. */
export function chunkInfos(r: Recording): ChunkInfo[] {
  const track = r.stream;
  if (!track) return [{ index: 0, label: 'response', delta: r.response.text + r.response.reasoning + joinedArgs(r) }];
  const out: ChunkInfo[] = [];
  for (let i = 0; i < track.chunks.length; i++) {
    const text = slice(r.response.text, track.textEnd, i);
    const reasoning = slice(r.response.reasoning, track.reasoningEnd, i);
    let tool = '';
    track.toolArgsEnd.forEach((ends, k) => {
      const call = r.response.toolCalls[k];
      if (!call) return;
      if (track.toolStart[k] === i) tool += `${call.name}(`;
      tool += slice(call.arguments, ends, i);
    });
    out.push({ index: i, label: labelOf(track, i, text, reasoning, tool), delta: text + reasoning + tool });
  }
  return out;
}

function slice(s: string, ends: Int32Array, i: number): string {
  const end = ends[i] ?? 0;
  const start = i > 0 ? (ends[i - 1] ?? 0) : 0;
  return end > start ? s.slice(start, end) : '';
}

function labelOf(track: StreamTrack, i: number, text: string, reasoning: string, tool: string): string {
  const chunk = track.chunks[i];
  if (isPlainObject(chunk) && typeof chunk.event === 'string' && hasOwn(chunk, 'data')) return chunk.event;
  const data = isPlainObject(chunk) && isPlainObject(chunk.__data__) ? chunk.__data__ : chunk;
  if (tool !== '') return 'tool call';
  if (text !== '') return 'text';
  if (reasoning !== '') return 'reasoning';
  if (isPlainObject(data)) {
    for (const key of Object.keys(data)) {
      if (ORDINARY_KEYS.has(key)) continue;
      const v = data[key];
      if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
      return key;
    }
  }
  const marks = track.marks[i] ?? 0;
  if (marks & ChunkMark.error) return 'error';
  if (marks & ChunkMark.finish) return 'finish';
  if (marks & ChunkMark.usage) return 'usage';
  if (marks & ChunkMark.role) return 'role';
  return 'empty';
}
