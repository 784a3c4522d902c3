import { ChunkMark } from '../types';
import type { StreamAssembler } from '../../stream/assembler';
import { parseIsoTimestamp } from '../../stream/timestamps';
import { argumentsText, asArray, asObject, asString, unwrapObject, type JsonObject } from '../json';
import { setModel, type ResponseMeta } from './visit';

const USAGE_KEYS = [
  'prompt_eval_count',
  'eval_count',
  'total_duration',
  'load_duration',
  'prompt_eval_duration',
  'eval_duration',
] as const;

/** Ollama native GenerateResponse / ChatResponse chunks (`/api/generate`, `/api/chat`). */
export function visitOllamaChunk(raw: unknown, asm: StreamAssembler, meta: ResponseMeta): void {
  const chunk = unwrapObject(raw);
  if (!chunk) return;
  if (typeof chunk.created_at === 'string') asm.timestamp(parseIsoTimestamp(chunk.created_at));
  setModel(meta, chunk.model);

  if (typeof chunk.response === 'string') asm.appendText(chunk.response);
  if (typeof chunk.thinking === 'string' && chunk.thinking.length > 0) {
    asm.appendReasoning(chunk.thinking);
    asm.mark(ChunkMark.reasoning);
  }
  const message = asObject(chunk.message);
  if (message) visitMessage(message, asm);

  if (chunk.done === true) {
    asm.mark(ChunkMark.finish);
    const reason = asString(chunk.done_reason);
    if (reason) meta.finishReason = reason;
    const usage = usageOf(chunk);
    if (usage) {
      meta.usage = usage;
      asm.mark(ChunkMark.usage);
    }
  }
}

function visitMessage(message: JsonObject, asm: StreamAssembler): void {
  if (typeof message.role === 'string' && message.role.length > 0) asm.mark(ChunkMark.role);
  if (typeof message.content === 'string') asm.appendText(message.content);
  if (typeof message.thinking === 'string' && message.thinking.length > 0) {
    asm.appendReasoning(message.thinking);
    asm.mark(ChunkMark.reasoning);
  }
  // Ollama sends each tool call whole, with arguments as an object.
  for (const entry of asArray(message.tool_calls)) {
    const call = asObject(entry);
    if (!call) continue;
    const fn = asObject(call.function);
    const index = asm.tool();
    asm.mark(ChunkMark.toolStart);
    asm.setToolId(index, asString(call.id));
    asm.setToolName(index, asString(fn?.name));
    if (fn) asm.appendToolArguments(index, argumentsText(fn.arguments ?? {}));
  }
}

function usageOf(chunk: JsonObject): Record<string, unknown> | undefined {
  let usage: Record<string, unknown> | undefined;
  for (const key of USAGE_KEYS) {
    if (typeof chunk[key] === 'number') (usage ??= {})[key] = chunk[key];
  }
  return usage;
}

/** Ollama chunks carry `done` plus `response` or `message`. */
export function looksLikeOllama(value: unknown): boolean {
  const data = unwrapObject(value);
  return !!data && typeof data.done === 'boolean' && ('response' in data || 'message' in data);
}
