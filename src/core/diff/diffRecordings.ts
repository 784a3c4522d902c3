/**
 * What changed between two recordings of (supposedly) the same call, in the
 * terms a reviewer cares about: the request that produced the new hash, the
 * answer text, tool calls and the few response facts worth a line each. Noise
 * is excluded everywhere except the `noiseFieldsChanged` tally.
 */
import { diffWordsWithSpace } from 'diff';
import type { RecordedError, Recording, ToolCall } from '../recording/types';
import { isPlainObject, jsonEqual, setOwn, tryParseJson, type JsonObject } from './json';
import { compareNoise, NOISE_KEYS } from './noise';
import { diffStreams, type StreamDiff } from './streamDiff';
import { structuralDiff, type StructuralDiffResult } from './structuralDiff';
import { pairToolCallIds, renameIds } from './toolCallIds';

export interface WordSegment {
  value: string;
  added?: boolean;
  removed?: boolean;
}

export interface TextDiff {
  changed: boolean;
  /** jsdiff diffWordsWithSpace segments; unchanged text is one plain segment. */
  segments: WordSegment[];
  /**
   * True when the texts were too long or too different for a word diff within
   * budget: segments are then the whole old text removed and the new one added.
   */
  approximate: boolean;
  /**
   * Share of both texts left unchanged, in [0, 1] (2 × unchanged chars / total).
   * Below SIDE_BY_SIDE_BELOW an inline word diff interleaves two different
   * answers into nonsense, so views show them side by side instead.
   */
  similarity: number;
}

/** Texts sharing less than this are shown side by side (base | head) rather than as an inline word diff. */
export const SIDE_BY_SIDE_BELOW = 0.5;

export function preferredTextLayout(diff: TextDiff): 'inline' | 'side-by-side' {
  return diff.approximate || diff.similarity < SIDE_BY_SIDE_BELOW ? 'side-by-side' : 'inline';
}

/** The two texts a word diff was made from. */
export function textSides(diff: TextDiff): { before: string; after: string } {
  let before = '';
  let after = '';
  for (const seg of diff.segments) {
    if (!seg.added) before += seg.value;
    if (!seg.removed) after += seg.value;
  }
  return { before, after };
}

export interface ValueChange<T> {
  before: T;
  after: T;
}

export interface ToolCallDiff {
  index: number;
  /** Name or arguments differ (arguments compared as parsed JSON when both parse). Call ids are noise and ignored. */
  changed: boolean;
  nameBefore?: string;
  nameAfter?: string;
  argumentsBefore?: string;
  argumentsAfter?: string;
  /** Present when both arguments parse as JSON and differ. */
  argumentsDiff?: StructuralDiffResult;
}

export interface RequestDiff extends StructuralDiffResult {
  /**
   * Request fields outside the body (`headers`, `provider_metadata`, ...),
   * which the parsed model does not keep: present only when the documents are
   * passed in options. Paths are relative to `request`.
   */
  envelope?: StructuralDiffResult;
  endpoint?: ValueChange<string>;
  method?: ValueChange<string | undefined>;
  url?: ValueChange<string | undefined>;
  /**
   * Provider tool-call ids (`call_…`, `toolu_…`) that differ but pair one to
   * one: the changes above are computed with base ids mapped to head ids, and
   * this many ids were re-generated. The payload still differs (category `request`).
   */
  regeneratedIds?: number;
}

export interface RecordingDiff {
  /** Structural diff of the recorded request body (`messages[2].content`, `tools[0]...`, params), noise keys excluded. */
  request: RequestDiff;
  responseText: TextDiff;
  /** Present only when reasoning differs. */
  reasoning?: TextDiff;
  /** One entry per index present on either side, changed or not, so views can line calls up. */
  toolCalls: ToolCallDiff[];
  finishReason?: ValueChange<string | undefined>;
  usage?: ValueChange<Record<string, unknown> | undefined>;
  model?: ValueChange<string | undefined>;
  chunkCount?: ValueChange<number>;
  /** How the chunking changed, with the chunks aligned by content; only for streams whose chunks differ. */
  stream?: StreamDiff;
  error?: ValueChange<RecordedError | null>;
  /** Structural diff of the raw response bodies, noise excluded: the generic view for kinds without text. */
  responseBody: StructuralDiffResult;
  /** Response fields outside the body (`is_streaming`, `status`, exception data); only when documents are passed. */
  responseEnvelope?: StructuralDiffResult;
  noiseFieldsChanged: number;
}

export interface DiffRecordingsOptions {
  /**
   * The parsed files. When given, `noiseFieldsChanged` counts over the whole
   * documents and so matches CompareEntry.noiseFieldCount (otherwise it counts
   * over the request and response bodies only), and the request and response
   * envelopes are diffed too.
   */
  baseDocument?: unknown;
  headDocument?: unknown;
  /** Cap on request/argument changes (default 500); the response body diff uses a fifth of it. */
  maxChanges?: number;
  maxDepth?: number;
}

/** Beyond this many characters (both sides) a word diff is not attempted. */
const MAX_WORD_DIFF_CHARS = 400_000;
/** Myers is O(N·D): cap D so two unrelated long answers cost milliseconds, not seconds. */
const MAX_WORD_EDITS = 2_000;

export function diffRecordings(base: Recording, head: Recording, options: DiffRecordingsOptions = {}): RecordingDiff {
  const maxChanges = options.maxChanges ?? 500;
  const limits = { maxChanges, maxDepth: options.maxDepth, ignoreKeys: NOISE_KEYS };

  const baseRequest = requestComparable(base);
  const headRequest = requestComparable(head);
  const ids = pairToolCallIds(baseRequest, headRequest);
  const request: RequestDiff = structuralDiff(ids ? renameIds(baseRequest, ids.mapping) : baseRequest, headRequest, limits);
  if (ids) request.regeneratedIds = ids.mapping.size;
  if (base.endpoint !== head.endpoint) request.endpoint = { before: base.endpoint, after: head.endpoint };
  if (base.request.method !== head.request.method) request.method = { before: base.request.method, after: head.request.method };
  if (base.request.url !== head.request.url) request.url = { before: base.request.url, after: head.request.url };

  const out: RecordingDiff = {
    request,
    responseText: wordDiff(base.response.text, head.response.text),
    toolCalls: diffToolCalls(base.response.toolCalls, head.response.toolCalls, limits),
    responseBody: structuralDiff(base.response.body, head.response.body, {
      ...limits,
      maxChanges: Math.max(1, Math.floor(maxChanges / 5)),
    }),
    noiseFieldsChanged: countNoise(base, head, options),
  };
  const docs = options.baseDocument !== undefined && options.headDocument !== undefined;
  if (docs) {
    request.envelope = structuralDiff(envelope(options.baseDocument, 'request'), envelope(options.headDocument, 'request'), limits);
    out.responseEnvelope = structuralDiff(envelope(options.baseDocument, 'response'), envelope(options.headDocument, 'response'), limits);
  }
  if (base.response.reasoning !== head.response.reasoning) {
    out.reasoning = wordDiff(base.response.reasoning, head.response.reasoning);
  }
  if (base.response.finishReason !== head.response.finishReason) {
    out.finishReason = { before: base.response.finishReason, after: head.response.finishReason };
  }
  if (!jsonEqual(base.response.usage, head.response.usage, NOISE_KEYS)) {
    out.usage = { before: base.response.usage, after: head.response.usage };
  }
  const modelBefore = base.response.model ?? base.model;
  const modelAfter = head.response.model ?? head.model;
  if (modelBefore !== modelAfter) out.model = { before: modelBefore, after: modelAfter };
  if (base.chunkCount !== head.chunkCount) out.chunkCount = { before: base.chunkCount, after: head.chunkCount };
  const stream = diffStreams(base, head);
  if (stream) out.stream = stream;
  if (!jsonEqual(base.error, head.error)) out.error = { before: base.error, after: head.error };
  return out;
}

/** Word diff of two texts with jsdiff's diffWordsWithSpace, bounded in cost. */
export function wordDiff(before: string, after: string): TextDiff {
  if (before === after) return { changed: false, segments: before === '' ? [] : [{ value: before }], approximate: false, similarity: 1 };
  const parts =
    before.length + after.length <= MAX_WORD_DIFF_CHARS
      ? diffWordsWithSpace(before, after, { maxEditLength: MAX_WORD_EDITS })
      : undefined;
  if (!parts) {
    const segments: WordSegment[] = [];
    if (before !== '') segments.push({ value: before, removed: true });
    if (after !== '') segments.push({ value: after, added: true });
    return { changed: true, segments, approximate: true, similarity: 0 };
  }
  return {
    changed: true,
    approximate: false,
    similarity: sharedShare(parts, before, after),
    segments: parts.map((p) => {
      const seg: WordSegment = { value: p.value };
      if (p.added) seg.added = true;
      if (p.removed) seg.removed = true;
      return seg;
    }),
  };
}

/**
 * 2 × kept / total over non-space characters, where only unchanged runs of two
 * words or more count as kept: two rewritten answers share many lone words
 * ("the", "to") and spaces, which says nothing about their being close.
 */
function sharedShare(parts: { value: string; added?: boolean; removed?: boolean }[], before: string, after: string): number {
  const total = nonSpace(before) + nonSpace(after);
  if (total === 0) return 1;
  let kept = 0;
  for (const p of parts) {
    if (p.added || p.removed) continue;
    if ((p.value.trim().match(/\S+/g)?.length ?? 0) >= 2) kept += nonSpace(p.value);
  }
  return Math.min(1, (2 * kept) / total);
}

function nonSpace(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13) n++;
  }
  return n;
}

function diffToolCalls(
  before: ToolCall[],
  after: ToolCall[],
  limits: { maxChanges: number; maxDepth: number | undefined },
): ToolCallDiff[] {
  const out: ToolCallDiff[] = [];
  const n = Math.max(before.length, after.length);
  for (let index = 0; index < n; index++) {
    const b = before[index];
    const a = after[index];
    const d: ToolCallDiff = { index, changed: false };
    if (b) {
      d.nameBefore = b.name;
      d.argumentsBefore = b.arguments;
    }
    if (a) {
      d.nameAfter = a.name;
      d.argumentsAfter = a.arguments;
    }
    if (!a || !b) {
      d.changed = true;
    } else {
      let argsChanged = a.arguments !== b.arguments;
      if (argsChanged) {
        const pb = tryParseJson(b.arguments);
        const pa = tryParseJson(a.arguments);
        if (pb.ok && pa.ok) {
          // Arguments are model output, not recorder metadata: keys such as `id` are meaningful here.
          argsChanged = !jsonEqual(pb.value, pa.value);
          if (argsChanged) d.argumentsDiff = structuralDiff(pb.value, pa.value, limits);
        }
      }
      d.changed = argsChanged || a.name !== b.name;
    }
    out.push(d);
  }
  return out;
}

/** The request body as recorded; the parsed view only when a reader kept no body. */
function requestComparable(r: Recording): unknown {
  if (r.request.body !== undefined) return r.request.body;
  return { ...r.request.params, messages: r.request.messages, tools: r.request.tools };
}

/** `doc[side]` without its `body`: the part of a request/response the parsed model does not carry. */
function envelope(doc: unknown, side: 'request' | 'response'): unknown {
  const part = isPlainObject(doc) ? doc[side] : undefined;
  if (!isPlainObject(part)) return part;
  const rest: JsonObject = {};
  for (const key of Object.keys(part)) if (key !== 'body') setOwn(rest, key, part[key]);
  return rest;
}

function countNoise(base: Recording, head: Recording, options: DiffRecordingsOptions): number {
  if (options.baseDocument !== undefined && options.headDocument !== undefined) {
    return compareNoise(options.baseDocument, options.headDocument).noiseFieldCount;
  }
  return compareNoise(
    { request: base.request.body, response: base.response.body },
    { request: head.request.body, response: head.response.body },
  ).noiseFieldCount;
}
