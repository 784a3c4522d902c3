import { ChunkMark } from '../types';
import type { StreamAssembler } from '../../stream/assembler';
import { timestampOf } from '../../stream/timestamps';
import { argumentsText, asArray, asObject, asString, isObject, stringifyCompact, type JsonObject } from '../json';
import { setModel, type ResponseMeta } from './visit';

/** Google interactions response: a plain dict with `outputs[]`. */
export function visitInteraction(raw: unknown, asm: StreamAssembler, meta: ResponseMeta): void {
  const body = asObject(raw);
  if (!body) return;
  setModel(meta, body.model);
  if (typeof body.role === 'string') asm.mark(ChunkMark.role);
  for (const entry of asArray(body.outputs)) {
    const output = asObject(entry);
    if (!output) continue;
    switch (output.type) {
      case 'text':
        if (typeof output.text === 'string') asm.appendText(output.text);
        break;
      case 'thought':
        appendThought(output.summary, asm);
        break;
      case 'function_call': {
        const index = asm.tool();
        asm.mark(ChunkMark.toolStart);
        asm.setToolId(index, asString(output.id));
        asm.setToolName(index, asString(output.name));
        asm.appendToolArguments(index, stringifyCompact(output.arguments ?? {}));
        break;
      }
      default:
        break;
    }
  }
  readCompletion(body, asm, meta);
}

/** One parsed `data:` payload of an interactions SSE stream. */
export function visitInteractionEvent(data: JsonObject, asm: StreamAssembler, meta: ResponseMeta): void {
  switch (data.event_type) {
    case 'interaction.start': {
      const interaction = asObject(data.interaction);
      setModel(meta, interaction?.model);
      asm.mark(ChunkMark.role);
      if (interaction && 'created' in interaction) asm.timestamp(timestampOf(interaction.created));
      break;
    }
    case 'content.start': {
      const content = asObject(data.content);
      if (content?.type === 'function_call') {
        const index = asm.tool(contentKey(data.index));
        asm.mark(ChunkMark.toolStart);
        asm.setToolId(index, asString(content.id));
        asm.setToolName(index, asString(content.name));
        if (content.arguments !== undefined && content.arguments !== null) {
          asm.appendToolArguments(index, argumentsText(content.arguments));
        }
      } else if (content?.type === 'text' && typeof content.text === 'string') {
        asm.appendText(content.text);
      }
      break;
    }
    case 'content.delta': {
      const delta = asObject(data.delta);
      if (!delta) break;
      if (delta.type === 'text' && typeof delta.text === 'string') {
        asm.appendText(delta.text);
      } else if (delta.type === 'thought_summary') {
        appendThought([delta.content], asm);
      } else if (delta.type === 'function_call') {
        const before = asm.toolCount();
        const index = asm.tool(contentKey(data.index));
        if (asm.toolCount() > before) asm.mark(ChunkMark.toolStart);
        asm.setToolId(index, asString(delta.id));
        asm.setToolName(index, asString(delta.name));
        if (delta.arguments !== undefined && delta.arguments !== null) {
          asm.appendToolArguments(index, argumentsText(delta.arguments));
        }
      }
      break;
    }
    case 'interaction.complete': {
      const interaction = asObject(data.interaction);
      if (interaction) readCompletion(interaction, asm, meta);
      break;
    }
    case 'error':
      asm.mark(ChunkMark.error);
      break;
    default:
      break;
  }
}

function readCompletion(interaction: JsonObject, asm: StreamAssembler, meta: ResponseMeta): void {
  setModel(meta, interaction.model);
  const status = asString(interaction.status);
  if (status && status !== 'in_progress') {
    meta.finishReason = status;
    asm.mark(ChunkMark.finish);
  }
  const usage = asObject(interaction.usage);
  if (usage) {
    meta.usage = usage;
    asm.mark(ChunkMark.usage);
  }
}

/** Thought outputs mostly carry only a signature; a summary, when present, is the reasoning. */
function appendThought(summary: unknown, asm: StreamAssembler): void {
  for (const entry of asArray(summary)) {
    const item = asObject(entry);
    if (item && typeof item.text === 'string' && item.text.length > 0) {
      asm.appendReasoning(item.text);
      asm.mark(ChunkMark.reasoning);
    }
  }
}

function contentKey(index: unknown): string {
  return `content:${typeof index === 'number' ? index : String(index)}`;
}

export function isInteractionEvent(data: JsonObject): boolean {
  return typeof data.event_type === 'string';
}

export function looksLikeInteraction(value: unknown): boolean {
  return isObject(value) && Array.isArray(value.outputs);
}
