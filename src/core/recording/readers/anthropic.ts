import { ChunkMark } from '../types';
import type { StreamAssembler } from '../../stream/assembler';
import { asArray, asObject, asString, isObject, stringifyCompact, type JsonObject } from '../json';
import { setModel, type ResponseMeta } from './visit';

/** Anthropic-style `/v1/messages` response: a plain `type: "message"` dict with content blocks. */
export function visitAnthropicMessage(raw: unknown, asm: StreamAssembler, meta: ResponseMeta): void {
  const body = asObject(raw);
  if (!body) return;
  setModel(meta, body.model);
  if (typeof body.role === 'string') asm.mark(ChunkMark.role);
  for (const entry of asArray(body.content)) {
    const block = asObject(entry);
    if (!block) continue;
    switch (block.type) {
      case 'text':
        if (typeof block.text === 'string') asm.appendText(block.text);
        break;
      case 'thinking':
        if (typeof block.thinking === 'string' && block.thinking.length > 0) {
          asm.appendReasoning(block.thinking);
          asm.mark(ChunkMark.reasoning);
        }
        break;
      case 'tool_use':
      case 'server_tool_use': {
        const index = asm.tool();
        asm.mark(ChunkMark.toolStart);
        asm.setToolId(index, asString(block.id));
        asm.setToolName(index, asString(block.name));
        asm.appendToolArguments(index, stringifyCompact(block.input ?? {}));
        break;
      }
      default:
        break;
    }
  }
  const stop = asString(body.stop_reason);
  if (stop) {
    meta.finishReason = stop;
    asm.mark(ChunkMark.finish);
  }
  const usage = asObject(body.usage);
  if (usage) {
    meta.usage = usage;
    asm.mark(ChunkMark.usage);
  }
}

/** One parsed `data:` payload of an Anthropic-style SSE stream. */
export function visitAnthropicEvent(data: JsonObject, asm: StreamAssembler, meta: ResponseMeta): void {
  switch (data.type) {
    case 'message_start': {
      const message = asObject(data.message);
      setModel(meta, message?.model);
      asm.mark(ChunkMark.role);
      const usage = asObject(message?.usage);
      if (usage) meta.usage = usage;
      break;
    }
    case 'content_block_start': {
      const block = asObject(data.content_block);
      if (!block) break;
      if (block.type === 'tool_use' || block.type === 'server_tool_use') {
        const index = asm.tool(blockKey(data.index));
        asm.mark(ChunkMark.toolStart);
        asm.setToolId(index, asString(block.id));
        asm.setToolName(index, asString(block.name));
        // The API opens tool blocks with `input: {}` and streams the real input as
        // partial JSON; only a non-empty opening input is part of the arguments.
        if (isObject(block.input) && Object.keys(block.input).length > 0) {
          asm.appendToolArguments(index, stringifyCompact(block.input));
        }
      } else if (block.type === 'text' && typeof block.text === 'string') {
        asm.appendText(block.text);
      } else if (block.type === 'thinking' && typeof block.thinking === 'string' && block.thinking.length > 0) {
        asm.appendReasoning(block.thinking);
        asm.mark(ChunkMark.reasoning);
      }
      break;
    }
    case 'content_block_delta': {
      const delta = asObject(data.delta);
      if (!delta) break;
      if (delta.type === 'text_delta' && typeof delta.text === 'string') {
        asm.appendText(delta.text);
      } else if (delta.type === 'thinking_delta' && typeof delta.thinking === 'string') {
        asm.appendReasoning(delta.thinking);
        asm.mark(ChunkMark.reasoning);
      } else if (delta.type === 'input_json_delta' && typeof delta.partial_json === 'string') {
        const before = asm.toolCount();
        const index = asm.tool(blockKey(data.index));
        if (asm.toolCount() > before) asm.mark(ChunkMark.toolStart);
        asm.appendToolArguments(index, delta.partial_json);
      }
      break;
    }
    case 'message_delta': {
      const delta = asObject(data.delta);
      const stop = asString(delta?.stop_reason);
      if (stop) {
        meta.finishReason = stop;
        asm.mark(ChunkMark.finish);
      }
      const usage = asObject(data.usage);
      if (usage) {
        meta.usage = usage;
        asm.mark(ChunkMark.usage);
      }
      break;
    }
    case 'error':
      asm.mark(ChunkMark.error);
      break;
    default:
      break;
  }
}

function blockKey(index: unknown): string {
  return `block:${typeof index === 'number' ? index : String(index)}`;
}

export function isAnthropicEvent(data: JsonObject): boolean {
  const type = data.type;
  return (
    typeof type === 'string' &&
    (type.startsWith('message_') || type.startsWith('content_block_') || type === 'ping' || type === 'error')
  );
}

export function looksLikeAnthropicMessage(value: unknown): boolean {
  return isObject(value) && value.type === 'message' && Array.isArray(value.content);
}
