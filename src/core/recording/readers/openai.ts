import { ChunkMark } from '../types';
import type { StreamAssembler } from '../../stream/assembler';
import { secondsToMs } from '../../stream/timestamps';
import { argumentsText, asArray, asObject, asString, isObject, unwrapObject, type JsonObject } from '../json';
import { setModel, type ResponseMeta } from './visit';

/**
 * OpenAI-compatible bodies: ChatCompletion, ChatCompletionChunk and Completion
 * (streamed or not). The choice shape decides, not the declared type, because
 * some servers answer /v1/completions with chat chunks.
 */
export function visitOpenAIChunk(raw: unknown, asm: StreamAssembler, meta: ResponseMeta): void {
  const chunk = unwrapObject(raw);
  if (!chunk) return;
  if ('created' in chunk) asm.timestamp(secondsToMs(chunk.created));
  setModel(meta, chunk.model);
  const fingerprint = asString(chunk.system_fingerprint);
  if (fingerprint && meta.fingerprint === undefined) meta.fingerprint = fingerprint;
  const usage = asObject(chunk.usage);
  if (usage) {
    meta.usage = usage;
    asm.mark(ChunkMark.usage);
  }

  const choices = asArray(chunk.choices);
  const primary = primaryChoice(choices);
  for (const entry of choices) {
    const choice = asObject(entry);
    if (!choice) continue;
    if ('delta' in choice) {
      if (choice === primary) visitDelta(asObject(choice.delta), asm);
    } else if ('message' in choice) {
      if (choice === primary) visitMessage(asObject(choice.message), asm);
    } else if (typeof choice.text === 'string') {
      // Completions concatenate every choice's text, as the oracle does.
      asm.appendText(choice.text);
    }
    const finish = asString(choice.finish_reason);
    if (finish && (choice === primary || !('delta' in choice || 'message' in choice))) {
      meta.finishReason = finish;
      asm.mark(ChunkMark.finish);
    }
  }
}

/**
 * Choice 0 carries the conversation; other choices (n > 1) are alternatives
 * the views do not assemble.
 */
function primaryChoice(choices: unknown[]): JsonObject | undefined {
  for (const entry of choices) {
    const choice = asObject(entry);
    if (choice && choice.index === 0) return choice;
  }
  const first = asObject(choices[0]);
  return first && typeof first.index !== 'number' ? first : undefined;
}

function visitDelta(delta: JsonObject | undefined, asm: StreamAssembler): void {
  if (!delta) return;
  if (typeof delta.role === 'string' && delta.role.length > 0) asm.mark(ChunkMark.role);
  appendContent(delta.content, asm);
  const reasoning = reasoningOf(delta);
  if (reasoning) {
    asm.appendReasoning(reasoning);
    asm.mark(ChunkMark.reasoning);
  }
  const calls = asArray(delta.tool_calls);
  for (let position = 0; position < calls.length; position++) {
    const call = asObject(calls[position]);
    if (!call) continue;
    const before = asm.toolCount();
    const index = asm.tool(toolKey(call));
    if (asm.toolCount() > before) asm.mark(ChunkMark.toolStart);
    asm.setToolId(index, asString(call.id));
    const fn = asObject(call.function);
    if (!fn) continue;
    asm.setToolName(index, asString(fn.name));
    if (fn.arguments !== undefined && fn.arguments !== null) asm.appendToolArguments(index, argumentsText(fn.arguments));
  }
  const legacy = asObject(delta.function_call);
  if (legacy) {
    const before = asm.toolCount();
    const index = asm.tool('function_call');
    if (asm.toolCount() > before) asm.mark(ChunkMark.toolStart);
    asm.setToolName(index, asString(legacy.name));
    if (legacy.arguments !== undefined && legacy.arguments !== null) asm.appendToolArguments(index, argumentsText(legacy.arguments));
  }
}

/** Deltas are keyed by `index`; without one, an id still ties fragments together. */
function toolKey(call: JsonObject): string | undefined {
  if (typeof call.index === 'number') return `index:${call.index}`;
  if (typeof call.id === 'string' && call.id.length > 0) return `id:${call.id}`;
  return undefined;
}

function visitMessage(message: JsonObject | undefined, asm: StreamAssembler): void {
  if (!message) return;
  if (typeof message.role === 'string') asm.mark(ChunkMark.role);
  appendContent(message.content, asm);
  const reasoning = reasoningOf(message);
  if (reasoning) {
    asm.appendReasoning(reasoning);
    asm.mark(ChunkMark.reasoning);
  }
  for (const entry of asArray(message.tool_calls)) {
    const call = asObject(entry);
    if (!call) continue;
    const index = asm.tool();
    asm.mark(ChunkMark.toolStart);
    asm.setToolId(index, asString(call.id));
    const fn = asObject(call.function);
    asm.setToolName(index, asString(fn?.name));
    if (fn && fn.arguments !== undefined && fn.arguments !== null) asm.appendToolArguments(index, argumentsText(fn.arguments));
  }
  const legacy = asObject(message.function_call);
  if (legacy) {
    const index = asm.tool();
    asm.mark(ChunkMark.toolStart);
    asm.setToolName(index, asString(legacy.name));
    if (legacy.arguments !== undefined && legacy.arguments !== null) asm.appendToolArguments(index, argumentsText(legacy.arguments));
  }
}

/** Content is a string almost always; a few servers send a list of text parts. */
function appendContent(content: unknown, asm: StreamAssembler): void {
  if (typeof content === 'string') {
    asm.appendText(content);
    return;
  }
  if (!Array.isArray(content)) return;
  for (const part of content) {
    if (typeof part === 'string') asm.appendText(part);
    else if (isObject(part) && typeof part.text === 'string' && (part.type === undefined || part.type === 'text')) asm.appendText(part.text);
  }
}

/** Servers disagree on the field name; some send both with the same text, so only one is taken. */
function reasoningOf(source: JsonObject): string {
  const reasoning = source.reasoning;
  if (typeof reasoning === 'string' && reasoning.length > 0) return reasoning;
  const content = source.reasoning_content;
  if (typeof content === 'string') return content;
  return '';
}

/** True when a chunk or body has the OpenAI `choices` shape. */
export function looksLikeOpenAI(value: unknown): boolean {
  const data = unwrapObject(value);
  return !!data && Array.isArray(data.choices);
}
