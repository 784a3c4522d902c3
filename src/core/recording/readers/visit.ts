import { StreamAssembler, type AssembledResponse } from '../../stream/assembler';
import type { ResponseView } from '../types';

/** What readers learn besides text: the summary fields of ResponseView. */
export interface ResponseMeta {
  finishReason?: string;
  usage?: Record<string, unknown>;
  model?: string;
  fingerprint?: string;
}

/**
 * Every response shape is read as a sequence of chunks, a non-streamed body
 * being a sequence of one: the same code then yields both the final text and
 * the per-chunk offsets, and the two can never disagree.
 */
export type ChunkVisitor = (chunk: unknown, asm: StreamAssembler, meta: ResponseMeta) => void;

export interface VisitResult extends AssembledResponse {
  meta: ResponseMeta;
}

/** Visits `chunks` in order; `track` decides whether per-chunk offsets are kept. */
export function visitChunks(chunks: readonly unknown[], visit: ChunkVisitor, track: boolean): VisitResult {
  const asm = new StreamAssembler(chunks.length);
  const meta: ResponseMeta = {};
  for (let i = 0; i < chunks.length; i++) {
    asm.begin(i);
    visit(chunks[i], asm, meta);
    asm.end();
  }
  return { ...asm.finish(track ? chunks.slice() : null), meta };
}

export function responseFields(result: VisitResult): Omit<ResponseView, 'body'> {
  const out: Omit<ResponseView, 'body'> = {
    text: result.text,
    reasoning: result.reasoning,
    toolCalls: result.toolCalls,
  };
  if (result.meta.finishReason !== undefined) out.finishReason = result.meta.finishReason;
  if (result.meta.usage !== undefined) out.usage = result.meta.usage;
  if (result.meta.model !== undefined) out.model = result.meta.model;
  if (result.meta.fingerprint !== undefined) out.fingerprint = result.meta.fingerprint;
  return out;
}

export function setModel(meta: ResponseMeta, model: unknown): void {
  if (meta.model === undefined && typeof model === 'string' && model.length > 0) meta.model = model;
}
