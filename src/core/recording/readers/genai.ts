import { ChunkMark } from '../types';
import type { StreamAssembler } from '../../stream/assembler';
import { parseIsoTimestamp } from '../../stream/timestamps';
import { asArray, asObject, asString, stringifyCompact, unwrapObject } from '../json';
import { setModel, type ResponseMeta } from './visit';

/** Google GenAI GenerateContentResponse (plain dict), streamed or not: only candidate 0 is assembled. */
export function visitGenaiChunk(raw: unknown, asm: StreamAssembler, meta: ResponseMeta): void {
  const chunk = unwrapObject(raw);
  if (!chunk) return;
  if (typeof chunk.create_time === 'string') asm.timestamp(parseIsoTimestamp(chunk.create_time));
  setModel(meta, chunk.model_version);

  const candidate = asObject(asArray(chunk.candidates)[0]);
  if (candidate) {
    const content = asObject(candidate.content);
    if (content && typeof content.role === 'string') asm.mark(ChunkMark.role);
    for (const entry of asArray(content?.parts)) {
      const part = asObject(entry);
      if (!part) continue;
      if (typeof part.text === 'string') {
        if (part.thought === true) {
          if (part.text.length > 0) {
            asm.appendReasoning(part.text);
            asm.mark(ChunkMark.reasoning);
          }
        } else {
          asm.appendText(part.text);
        }
      }
      const call = asObject(part.function_call);
      if (call) {
        // GenAI never fragments a call: each function_call part is a whole new call.
        const index = asm.tool();
        asm.mark(ChunkMark.toolStart);
        asm.setToolId(index, asString(call.id));
        asm.setToolName(index, asString(call.name));
        asm.appendToolArguments(index, stringifyCompact(call.args ?? {}));
      }
    }
    const finish = asString(candidate.finish_reason);
    if (finish) {
      meta.finishReason = finish;
      asm.mark(ChunkMark.finish);
    }
  }

  const usage = asObject(chunk.usage_metadata);
  if (usage) {
    meta.usage = usage;
    // Early chunks carry usage_metadata with only the traffic type: not a usage report.
    if (typeof usage.total_token_count === 'number' || typeof usage.candidates_token_count === 'number') {
      asm.mark(ChunkMark.usage);
    }
  }
}

export function looksLikeGenai(value: unknown): boolean {
  const data = unwrapObject(value);
  return !!data && Array.isArray(data.candidates);
}
