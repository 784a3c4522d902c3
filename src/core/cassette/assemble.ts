import { StreamAssembler } from '../stream/assembler';
import { ChunkMark, type ToolCall, type StreamTrack } from '../recording/types';
import type { CassetteApi } from './http';

/**
 * Assembles text, reasoning and tool calls from a response's JSON objects
 * (one body, or every event / line / element of a stream), per API, as
 * docs/cassette-format.md "ASSEMBLY" defines. Streams keep per-chunk offsets
 * so the existing player can replay them.
 */

type Obj = Record<string, unknown>;

export interface Piece {
  /** The SSE event name, when the stream names events. */
  event?: string;
  /** Parsed JSON, or undefined when the piece is not JSON (skipped for assembly). */
  json: unknown;
  /** What the player shows for this chunk: an SSE event `{event, data, json}` or the JSON value. */
  chunk: unknown;
}

export interface Assembled {
  text: string;
  reasoning: string;
  toolCalls: ToolCall[];
  track: StreamTrack | null;
}

function obj(value: unknown): Obj | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array)
    ? (value as Obj)
    : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/** Object-typed tool arguments as JavaScript prints them; a missing or null object is `{}`. */
export function compact(value: unknown): string {
  if (value === undefined || value === null) return '{}';
  try {
    return JSON.stringify(value) ?? '{}';
  } catch {
    return '{}';
  }
}

interface ApiAssembly {
  apply(piece: Obj, event: string | undefined): void;
  /** Called once after the last piece, still positioned on the last chunk. */
  finish?(): void;
  /** Reorders calls at the end (Responses: by output_index). */
  order?(): number[];
}

export function assemble(api: CassetteApi, pieces: Piece[], streaming: boolean): Assembled {
  const assembler = new StreamAssembler(streaming ? pieces.length : 0);
  const assembly = assemblyFor(api, assembler, streaming);
  pieces.forEach((piece, index) => {
    if (streaming) assembler.begin(index);
    const before = assembler.toolCount();
    const object = obj(piece.json);
    if (assembly && object) {
      assembly.apply(object, piece.event);
      if (assembler.toolCount() > before) assembler.mark(ChunkMark.toolStart);
      if (object.usage !== undefined && object.usage !== null) assembler.mark(ChunkMark.usage);
    }
    if (streaming) assembler.end();
  });
  if (assembly?.finish) {
    assembly.finish();
    if (streaming && pieces.length > 0) assembler.end();
  }
  const result = assembler.finish(streaming ? pieces.map((piece) => piece.chunk) : null);
  const order = assembly?.order?.();
  if (order) return reorder(result, order);
  return result;
}

function reorder(result: Assembled, order: number[]): Assembled {
  if (order.every((value, index) => value === index)) return result;
  const toolCalls = order.map((i) => result.toolCalls[i]!);
  if (!result.track) return { ...result, toolCalls };
  const track: StreamTrack = {
    ...result.track,
    toolArgsEnd: order.map((i) => result.track!.toolArgsEnd[i]!),
    toolStart: order.map((i) => result.track!.toolStart[i]!),
  };
  return { ...result, toolCalls, track };
}

function assemblyFor(api: CassetteApi, a: StreamAssembler, streaming: boolean): ApiAssembly | null {
  switch (api) {
    case 'chat.completions':
    case 'completions':
      return chatCompletions(a, streaming);
    case 'responses':
      return streaming ? responsesStream(a) : responsesBody(a);
    case 'messages':
      return streaming ? messagesStream(a) : { apply: (body) => messagesBody(a, body) };
    case 'generateContent':
      return generateContent(a);
    case 'converse':
      return { apply: (body) => converseBody(a, body) };
    case 'invoke':
      return {
        apply: (body) => {
          if (body.type === 'message') messagesBody(a, body);
          else if (obj(obj(body.output)?.message)) converseBody(a, body);
        },
      };
    case 'ollama.chat':
      return ollamaChat(a);
    case 'ollama.generate':
      return {
        apply: (body) => {
          a.appendText(str(body.response) ?? '');
          a.appendReasoning(str(body.thinking) ?? '');
        },
      };
    case 'cohere.chat':
      return streaming ? cohereStream(a) : { apply: (body) => cohereBody(a, body) };
    default:
      return null;
  }
}

/* ---------- OpenAI chat completions (and Groq, Mistral, DeepSeek, legacy completions) ---------- */

function chatCompletions(a: StreamAssembler, streaming: boolean): ApiAssembly {
  return {
    apply(body) {
      const choices = list(body.choices);
      const selected = streaming
        ? choices.filter((choice) => {
            const index = obj(choice)?.index;
            return index === undefined || index === null || index === 0;
          })
        : choices.slice(0, 1);
      for (const raw of selected) {
        const choice = obj(raw);
        if (!choice) continue;
        const message = streaming ? (obj(choice.delta) ?? obj(choice.message)) : (obj(choice.message) ?? obj(choice.delta));
        if (message) readChatMessage(a, message, streaming);
        const legacy = str(choice.text);
        if (legacy !== undefined) a.appendText(legacy);
        if (choice.finish_reason !== undefined && choice.finish_reason !== null) a.mark(ChunkMark.finish);
      }
    },
  };
}

function readChatMessage(a: StreamAssembler, message: Obj, streaming: boolean): void {
  if (typeof message.role === 'string') a.mark(ChunkMark.role);
  const content = message.content;
  if (typeof content === 'string') a.appendText(content);
  else if (Array.isArray(content)) {
    for (const rawPart of content) {
      const part = obj(rawPart);
      if (!part) continue;
      if (part.type === 'text' && typeof part.text === 'string') a.appendText(part.text);
      else if (part.type === 'thinking') {
        const thinking = part.thinking;
        if (typeof thinking === 'string') appendReasoning(a, thinking);
        else for (const item of list(thinking)) appendReasoning(a, str(obj(item)?.text) ?? '');
      }
    }
  }
  const reasoningContent = str(message.reasoning_content);
  if (reasoningContent) appendReasoning(a, reasoningContent);
  else {
    const reasoning = str(message.reasoning);
    if (reasoning !== undefined) appendReasoning(a, reasoning);
  }
  for (const rawCall of list(message.tool_calls)) {
    const call = obj(rawCall);
    if (!call) continue;
    const key = streaming && isInt(call.index) ? `i${call.index}` : undefined;
    const slot = a.tool(key);
    const noFunction = call.function === undefined || call.function === null;
    const fn = noFunction ? obj(call.custom) : obj(call.function);
    const isCustom = noFunction && fn !== undefined;
    a.setToolId(slot, str(call.id));
    const name = str(fn?.name);
    if (name) a.setToolName(slot, name);
    const args = isCustom ? fn?.input : fn?.arguments;
    if (typeof args === 'string') a.appendToolArguments(slot, args);
    else if (args !== undefined && args !== null) a.appendToolArguments(slot, compact(args));
  }
}

function appendReasoning(a: StreamAssembler, piece: string): void {
  if (piece.length === 0) return;
  a.appendReasoning(piece);
  a.mark(ChunkMark.reasoning);
}

/* ---------- OpenAI Responses API ---------- */

function responsesBody(a: StreamAssembler): ApiAssembly {
  return {
    apply(body) {
      const output = body.output;
      if (!Array.isArray(output)) return;
      for (const rawItem of output) {
        const item = obj(rawItem);
        if (!item) continue;
        switch (item.type) {
          case 'message':
            for (const part of list(item.content)) {
              const p = obj(part);
              if (p?.type === 'output_text' && typeof p.text === 'string') a.appendText(p.text);
            }
            break;
          case 'function_call':
          case 'custom_tool_call': {
            const slot = a.tool();
            a.setToolName(slot, str(item.name));
            a.setToolId(slot, str(item.call_id));
            const args = item.type === 'function_call' ? item.arguments : item.input;
            if (typeof args === 'string') a.appendToolArguments(slot, args);
            else if (args !== undefined && args !== null) a.appendToolArguments(slot, compact(args));
            break;
          }
          case 'reasoning':
            for (const part of list(item.summary)) appendReasoning(a, str(obj(part)?.text) ?? '');
            for (const part of list(item.content)) appendReasoning(a, str(obj(part)?.text) ?? '');
            break;
          default:
            break;
        }
      }
    },
  };
}

function responsesStream(a: StreamAssembler): ApiAssembly {
  const slotByOutput = new Map<number, number>();
  const outputOfSlot: number[] = [];
  const gotDelta = new Set<number>();
  const open = (outputIndex: number, item: Obj | undefined): number => {
    let slot = slotByOutput.get(outputIndex);
    if (slot === undefined) {
      slot = a.tool();
      slotByOutput.set(outputIndex, slot);
      outputOfSlot[slot] = outputIndex;
    }
    a.setToolName(slot, str(item?.name));
    a.setToolId(slot, str(item?.call_id));
    return slot;
  };
  return {
    apply(data, event) {
      const kind = str(data.type) ?? event;
      const outputIndex = isInt(data.output_index) ? data.output_index : -1;
      switch (kind) {
        case 'response.output_text.delta':
          a.appendText(str(data.delta) ?? '');
          break;
        case 'response.reasoning_summary_text.delta':
        case 'response.reasoning_text.delta':
          appendReasoning(a, str(data.delta) ?? '');
          break;
        case 'response.output_item.added':
        case 'response.output_item.done': {
          const item = obj(data.item);
          if (item?.type !== 'function_call' && item?.type !== 'custom_tool_call') break;
          const slot = open(outputIndex, item);
          if (kind === 'response.output_item.done' && !gotDelta.has(slot)) {
            const args = item.type === 'function_call' ? item.arguments : item.input;
            gotDelta.add(slot);
            if (typeof args === 'string') a.appendToolArguments(slot, args);
            else if (args !== undefined && args !== null) a.appendToolArguments(slot, compact(args));
          }
          break;
        }
        case 'response.function_call_arguments.delta':
        case 'response.custom_tool_call_input.delta': {
          const slot = open(outputIndex, undefined);
          gotDelta.add(slot);
          const delta = data.delta;
          if (typeof delta === 'string') a.appendToolArguments(slot, delta);
          break;
        }
        case 'response.completed':
        case 'response.incomplete':
          a.mark(ChunkMark.finish);
          break;
        default:
          break;
      }
    },
    order() {
      return outputOfSlot
        .map((output, slot) => ({ output, slot }))
        .sort((x, y) => x.output - y.output || x.slot - y.slot)
        .map((entry) => entry.slot);
    },
  };
}

/* ---------- Anthropic messages ---------- */

function messagesBody(a: StreamAssembler, body: Obj): void {
  for (const rawBlock of list(body.content)) {
    const block = obj(rawBlock);
    if (!block) continue;
    if (block.type === 'text') a.appendText(str(block.text) ?? '');
    else if (block.type === 'thinking') appendReasoning(a, str(block.thinking) ?? '');
    else if (block.type === 'tool_use') {
      const slot = a.tool();
      a.setToolName(slot, str(block.name));
      a.setToolId(slot, str(block.id));
      a.appendToolArguments(slot, compact(block.input));
    }
  }
}

function messagesStream(a: StreamAssembler): ApiAssembly {
  const toolByBlock = new Map<string, { slot: number; input: unknown; length: number; closed: boolean }>();
  const closeTool = (tool: { slot: number; input: unknown; length: number; closed: boolean }) => {
    if (tool.closed) return;
    tool.closed = true;
    if (tool.length === 0) a.appendToolArguments(tool.slot, compact(tool.input));
  };
  return {
    apply(data) {
      const blockKey = String(data.index);
      switch (data.type) {
        case 'message_start':
          a.mark(ChunkMark.role);
          break;
        case 'content_block_start': {
          const block = obj(data.content_block);
          if (!block) break;
          if (block.type === 'text') a.appendText(str(block.text) ?? '');
          else if (block.type === 'thinking') appendReasoning(a, str(block.thinking) ?? '');
          else if (block.type === 'tool_use') {
            const slot = a.tool(`b${blockKey}`);
            a.setToolName(slot, str(block.name));
            a.setToolId(slot, str(block.id));
            toolByBlock.set(blockKey, { slot, input: block.input, length: 0, closed: false });
          }
          break;
        }
        case 'content_block_delta': {
          const delta = obj(data.delta);
          if (!delta) break;
          if (delta.type === 'text_delta') a.appendText(str(delta.text) ?? '');
          else if (delta.type === 'thinking_delta') appendReasoning(a, str(delta.thinking) ?? '');
          else if (delta.type === 'input_json_delta') {
            const tool = toolByBlock.get(blockKey);
            const piece = str(delta.partial_json) ?? '';
            if (tool && !tool.closed) {
              a.appendToolArguments(tool.slot, piece);
              tool.length += piece.length;
            }
          }
          break;
        }
        case 'content_block_stop': {
          const tool = toolByBlock.get(blockKey);
          if (tool) closeTool(tool);
          break;
        }
        case 'message_delta':
          a.mark(ChunkMark.finish);
          break;
        default:
          break;
      }
    },
    finish() {
      for (const tool of toolByBlock.values()) closeTool(tool);
    },
  };
}

/* ---------- Gemini / Vertex generateContent ---------- */

function generateContent(a: StreamAssembler): ApiAssembly {
  return {
    apply(body) {
      const candidate = obj(list(body.candidates)[0]);
      const parts = list(obj(candidate?.content)?.parts);
      for (const rawPart of parts) {
        const part = obj(rawPart);
        if (!part) continue;
        if (typeof part.text === 'string') {
          if (part.thought === true) appendReasoning(a, part.text);
          else a.appendText(part.text);
        }
        const call = obj(part.functionCall);
        if (call) {
          const slot = a.tool();
          a.setToolName(slot, str(call.name));
          a.setToolId(slot, str(call.id));
          a.appendToolArguments(slot, compact(call.args));
        }
      }
      if (candidate?.finishReason !== undefined) a.mark(ChunkMark.finish);
    },
  };
}

/* ---------- Bedrock Converse ---------- */

function converseBody(a: StreamAssembler, body: Obj): void {
  const message = obj(obj(body.output)?.message);
  for (const rawBlock of list(message?.content)) {
    const block = obj(rawBlock);
    if (!block) continue;
    if (typeof block.text === 'string') a.appendText(block.text);
    const citations = obj(block.citationsContent);
    if (citations) for (const item of list(citations.content)) a.appendText(str(obj(item)?.text) ?? '');
    const toolUse = obj(block.toolUse);
    if (toolUse) {
      const slot = a.tool();
      a.setToolName(slot, str(toolUse.name));
      a.setToolId(slot, str(toolUse.toolUseId));
      a.appendToolArguments(slot, compact(toolUse.input));
    }
    const reasoningText = str(obj(obj(block.reasoningContent)?.reasoningText)?.text);
    if (reasoningText !== undefined) appendReasoning(a, reasoningText);
  }
}

/* ---------- Ollama ---------- */

function ollamaChat(a: StreamAssembler): ApiAssembly {
  return {
    apply(body) {
      const message = obj(body.message);
      if (!message) return;
      a.appendText(str(message.content) ?? '');
      appendReasoning(a, str(message.thinking) ?? '');
      for (const rawCall of list(message.tool_calls)) {
        const fn = obj(obj(rawCall)?.function);
        if (!fn) continue;
        const slot = a.tool();
        a.setToolName(slot, str(fn.name));
        a.appendToolArguments(slot, typeof fn.arguments === 'string' ? fn.arguments : compact(fn.arguments));
      }
      if (body.done === true) a.mark(ChunkMark.finish);
    },
  };
}

/* ---------- Cohere chat (v1 and v2) ---------- */

function cohereBody(a: StreamAssembler, body: Obj): void {
  const message = obj(body.message);
  if (message) {
    appendReasoning(a, str(message.tool_plan) ?? '');
    for (const rawPart of list(message.content)) {
      const part = obj(rawPart);
      if (part?.type === 'text') a.appendText(str(part.text) ?? '');
      else if (part?.type === 'thinking') appendReasoning(a, str(part.thinking) ?? '');
    }
    for (const rawCall of list(message.tool_calls)) {
      const call = obj(rawCall);
      const fn = obj(call?.function);
      const slot = a.tool();
      a.setToolName(slot, str(fn?.name));
      a.setToolId(slot, str(call?.id));
      const args = fn?.arguments;
      if (typeof args === 'string') a.appendToolArguments(slot, args);
      else if (args !== undefined && args !== null) a.appendToolArguments(slot, compact(args));
    }
    return;
  }
  a.appendText(str(body.text) ?? '');
  for (const rawCall of list(body.tool_calls)) {
    const call = obj(rawCall);
    if (!call) continue;
    const slot = a.tool();
    a.setToolName(slot, str(call.name));
    a.appendToolArguments(slot, compact(call.parameters));
  }
}

function cohereStream(a: StreamAssembler): ApiAssembly {
  return {
    apply(data) {
      if (data.event_type === 'text-generation') {
        a.appendText(str(data.text) ?? '');
        return;
      }
      const message = obj(obj(data.delta)?.message);
      switch (data.type) {
        case 'content-start':
        case 'content-delta': {
          const content = obj(message?.content);
          a.appendText(str(content?.text) ?? '');
          appendReasoning(a, str(content?.thinking) ?? '');
          break;
        }
        case 'tool-plan-delta':
          appendReasoning(a, str(message?.tool_plan) ?? '');
          break;
        case 'tool-call-start':
        case 'tool-call-delta': {
          const call = obj(message?.tool_calls);
          const fn = obj(call?.function);
          const slot = a.tool(`c${String(data.index)}`);
          if (data.type === 'tool-call-start') {
            a.setToolName(slot, str(fn?.name));
            a.setToolId(slot, str(call?.id));
          }
          const args = fn?.arguments;
          if (typeof args === 'string') a.appendToolArguments(slot, args);
          break;
        }
        case 'message-end':
          a.mark(ChunkMark.finish);
          break;
        default:
          break;
      }
    },
  };
}
