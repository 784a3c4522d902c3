import type { ChatMessage, MessagePart, RequestView, ToolCall, ToolDefinition } from './types';
import { argumentsText, asArray, asObject, asString, stringifyCompact, type JsonObject } from './json';
import type { RecordingContext } from './kinds/kind';
import { formatBytes } from '../units/units';

/**
 * How a kind's request `input` is meant: embedding texts, interactions turns,
 * or (default) just a parameter.
 */
export type RequestStyle = 'default' | 'embeddings' | 'interactions';

const IMAGE_DATA_URL = /^data:image\/(png|jpeg|gif|webp)[;,]/i;
const IMAGE_MEDIA_TYPE = /^image\/(png|jpeg|gif|webp)$/i;

/** Reads the request into messages, tools and params, whatever API shape it has. */
export function readRequestView(ctx: RecordingContext, style: RequestStyle = 'default'): RequestView {
  const view: RequestView = {
    endpoint: ctx.endpoint,
    messages: [],
    tools: [],
    params: {},
    body: ctx.requestBody,
  };
  const method = asString(ctx.request.method);
  if (method !== undefined) view.method = method;
  if (ctx.url !== undefined) view.url = ctx.url;

  const body = asObject(ctx.requestBody);
  if (!body) return view;
  for (const key of Object.keys(body)) {
    const value = body[key];
    switch (key) {
      case 'messages':
        if (Array.isArray(value)) {
          readChatMessages(value, view.messages);
          continue;
        }
        break;
      case 'contents':
        if (Array.isArray(value) || typeof value === 'string') {
          readGoogleContents(value, view.messages);
          continue;
        }
        break;
      case 'tools':
        if (Array.isArray(value)) {
          readTools(value, view.tools);
          continue;
        }
        break;
      case 'prompt':
        if (isTextInput(value)) {
          const message = textInputMessage(value);
          // Ollama's /api/generate sends images beside the prompt, as bare base64 strings.
          for (const image of Array.isArray(body.images) ? body.images : []) message.parts.push(ollamaImagePart(image));
          view.messages.push(message);
          continue;
        }
        break;
      case 'images':
        // Shown as image parts of the prompt (above) when there is one.
        if (Array.isArray(value) && isTextInput(body.prompt)) continue;
        break;
      case 'input':
        if (style === 'embeddings' && isTextInput(value)) {
          view.messages.push(textInputMessage(value));
          continue;
        }
        if (style === 'interactions' && (typeof value === 'string' || Array.isArray(value))) {
          readInteractionsInput(value, view.messages);
          continue;
        }
        break;
      case 'config': {
        // GenAI keeps tools inside `config`; the config itself stays a parameter.
        const tools = asObject(value)?.tools;
        if (Array.isArray(tools)) readTools(tools, view.tools);
        break;
      }
      default:
        break;
    }
    view.params[key] = value;
  }
  return view;
}

/* ---------- OpenAI and Anthropic messages ---------- */

function readChatMessages(list: unknown[], out: ChatMessage[]): void {
  for (const entry of list) {
    const source = asObject(entry);
    if (!source) {
      out.push({ role: 'unknown', parts: [jsonPart('message', entry)], toolCalls: [] });
      continue;
    }
    const message: ChatMessage = { role: asString(source.role) ?? 'unknown', parts: [], toolCalls: [] };
    const name = asString(source.name);
    if (name !== undefined) message.name = name;
    const toolCallId = asString(source.tool_call_id);
    if (toolCallId !== undefined) message.toolCallId = toolCallId;
    const reasoning = asString(source.reasoning) || asString(source.reasoning_content);
    if (reasoning) message.reasoning = reasoning;

    const content = source.content;
    if (typeof content === 'string') {
      if (content.length > 0) message.parts.push({ type: 'text', text: content });
    } else if (Array.isArray(content)) {
      for (const part of content) readContentBlock(part, message);
    } else if (content !== undefined && content !== null) {
      readContentBlock(content, message);
    }

    // Ollama's /api/chat carries images beside the text, as bare base64 strings.
    for (const image of asArray(source.images)) message.parts.push(ollamaImagePart(image));

    for (const call of asArray(source.tool_calls)) {
      const parsed = openAIToolCall(call);
      if (parsed) message.toolCalls.push(parsed);
    }
    const legacy = asObject(source.function_call);
    if (legacy) message.toolCalls.push({ name: asString(legacy.name) ?? '', arguments: argumentsText(legacy.arguments) });
    out.push(message);
  }
}

/** Image formats by their first base64 characters (the file's magic bytes). */
const BASE64_SIGNATURES: [string, string][] = [
  ['iVBORw0KGgo', 'image/png'],
  ['/9j/', 'image/jpeg'],
  ['R0lGOD', 'image/gif'],
  ['UklGR', 'image/webp'],
];

function ollamaImagePart(value: unknown): MessagePart {
  if (typeof value !== 'string') return jsonPart('image', value);
  const data = value.replace(/\s+/g, '');
  const media = BASE64_SIGNATURES.find(([prefix]) => data.startsWith(prefix))?.[1];
  const bytes = Math.floor((data.replace(/=+$/, '').length * 3) / 4);
  if (!media || !/^[A-Za-z0-9+/]*=*$/.test(data)) return jsonPart(`image (not a known image format, ${formatBytes(bytes)})`, `${value.slice(0, 120)}${value.length > 120 ? '…' : ''}`);
  const url = `data:${media};base64,${data}`;
  return { type: 'image', url, label: imageLabel(url) };
}

function openAIToolCall(value: unknown): ToolCall | undefined {
  const call = asObject(value);
  if (!call) return undefined;
  const fn = asObject(call.function) ?? call;
  const out: ToolCall = { name: asString(fn.name) ?? '', arguments: argumentsText(fn.arguments) };
  const id = asString(call.id);
  if (id !== undefined) out.id = id;
  return out;
}

/** OpenAI content parts and Anthropic content blocks share one list. */
function readContentBlock(value: unknown, message: ChatMessage): void {
  if (typeof value === 'string') {
    message.parts.push({ type: 'text', text: value });
    return;
  }
  const part = asObject(value);
  if (!part) {
    message.parts.push(jsonPart('part', value));
    return;
  }
  const type = asString(part.type);
  switch (type) {
    case 'text':
      if (typeof part.text === 'string') {
        message.parts.push({ type: 'text', text: part.text });
        return;
      }
      break;
    case 'image_url': {
      const image = part.image_url;
      const url = typeof image === 'string' ? image : asString(asObject(image)?.url);
      if (url !== undefined && IMAGE_DATA_URL.test(url)) {
        message.parts.push({ type: 'image', url, label: imageLabel(url) });
        return;
      }
      break;
    }
    case 'image': {
      const source = asObject(part.source);
      const media = asString(source?.media_type);
      const data = asString(source?.data);
      if (source?.type === 'base64' && media && data !== undefined && IMAGE_MEDIA_TYPE.test(media)) {
        const url = `data:${media};base64,${data}`;
        message.parts.push({ type: 'image', url, label: imageLabel(url) });
        return;
      }
      break;
    }
    case 'tool_use':
      message.toolCalls.push(withId({ name: asString(part.name) ?? '', arguments: stringifyCompact(part.input ?? {}) }, part.id));
      return;
    case 'tool_result': {
      const id = asString(part.tool_use_id);
      if (id !== undefined && message.toolCallId === undefined) message.toolCallId = id;
      const content = part.content;
      message.parts.push(
        typeof content === 'string'
          ? { type: 'text', text: content }
          : jsonPart(id ? `tool_result ${id}` : 'tool_result', content ?? part),
      );
      return;
    }
    case 'thinking':
      if (typeof part.thinking === 'string') {
        message.reasoning = (message.reasoning ?? '') + part.thinking;
        return;
      }
      break;
    case undefined:
      if (typeof part.text === 'string') {
        message.parts.push({ type: 'text', text: part.text });
        return;
      }
      break;
    default:
      break;
  }
  message.parts.push(jsonPart(type ?? 'part', part));
}

/* ---------- Google GenAI contents ---------- */

function readGoogleContents(value: unknown[] | string, out: ChatMessage[]): void {
  if (typeof value === 'string') {
    out.push({ role: 'user', parts: [{ type: 'text', text: value }], toolCalls: [] });
    return;
  }
  for (const entry of value) {
    if (typeof entry === 'string') {
      out.push({ role: 'user', parts: [{ type: 'text', text: entry }], toolCalls: [] });
      continue;
    }
    const content = asObject(entry);
    if (!content) {
      out.push({ role: 'unknown', parts: [jsonPart('content', entry)], toolCalls: [] });
      continue;
    }
    const message: ChatMessage = { role: asString(content.role) ?? 'user', parts: [], toolCalls: [] };
    for (const part of asArray(content.parts)) readGooglePart(part, message);
    out.push(message);
  }
}

function readGooglePart(value: unknown, message: ChatMessage): void {
  const part = asObject(value);
  if (!part) {
    message.parts.push(typeof value === 'string' ? { type: 'text', text: value } : jsonPart('part', value));
    return;
  }
  if (typeof part.text === 'string') {
    if (part.thought === true) message.reasoning = (message.reasoning ?? '') + part.text;
    else message.parts.push({ type: 'text', text: part.text });
    return;
  }
  const call = asObject(part.function_call);
  if (call) {
    message.toolCalls.push(withId({ name: asString(call.name) ?? '', arguments: stringifyCompact(call.args ?? {}) }, call.id));
    return;
  }
  const response = asObject(part.function_response);
  if (response) {
    const name = asString(response.name);
    const id = asString(response.id);
    if (id !== undefined && message.toolCallId === undefined) message.toolCallId = id;
    message.parts.push(jsonPart(name ? `function_response ${name}` : 'function_response', response.response ?? response));
    return;
  }
  const inline = asObject(part.inline_data);
  if (inline) {
    const media = asString(inline.mime_type);
    const data = asString(inline.data);
    if (media && data !== undefined && IMAGE_MEDIA_TYPE.test(media)) {
      const url = `data:${media};base64,${data}`;
      message.parts.push({ type: 'image', url, label: imageLabel(url) });
      return;
    }
  }
  const keys = Object.keys(part);
  message.parts.push(jsonPart(keys[0] ?? 'part', part));
}

/* ---------- Google interactions input ---------- */

function readInteractionsInput(value: string | unknown[], out: ChatMessage[]): void {
  if (typeof value === 'string') {
    out.push({ role: 'user', parts: [{ type: 'text', text: value }], toolCalls: [] });
    return;
  }
  // Input is either turns ({role, content}) or bare content items, which form one user turn.
  let loose: ChatMessage | undefined;
  for (const entry of value) {
    const item = asObject(entry);
    if (item && typeof item.role === 'string') {
      loose = undefined;
      const message: ChatMessage = { role: item.role, parts: [], toolCalls: [] };
      const content = item.content;
      if (typeof content === 'string') message.parts.push({ type: 'text', text: content });
      else if (Array.isArray(content)) for (const c of content) readInteractionItem(c, message);
      else if (content !== undefined && content !== null) readInteractionItem(content, message);
      out.push(message);
      continue;
    }
    if (!loose) {
      loose = { role: 'user', parts: [], toolCalls: [] };
      out.push(loose);
    }
    readInteractionItem(entry, loose);
  }
}

function readInteractionItem(value: unknown, message: ChatMessage): void {
  if (typeof value === 'string') {
    message.parts.push({ type: 'text', text: value });
    return;
  }
  const item = asObject(value);
  if (!item) {
    message.parts.push(jsonPart('item', value));
    return;
  }
  switch (item.type) {
    case 'text':
      if (typeof item.text === 'string') {
        message.parts.push({ type: 'text', text: item.text });
        return;
      }
      break;
    case 'function_call':
      message.toolCalls.push(
        withId({ name: asString(item.name) ?? '', arguments: stringifyCompact(item.arguments ?? item.args ?? {}) }, item.id),
      );
      return;
    case 'function_result':
    case 'function_response': {
      const id = asString(item.call_id) ?? asString(item.id);
      if (id !== undefined && message.toolCallId === undefined) message.toolCallId = id;
      const name = asString(item.name);
      message.parts.push(jsonPart(`${String(item.type)}${name ? ` ${name}` : ''}`, item.result ?? item.response ?? item));
      return;
    }
    case 'image': {
      const media = asString(item.mime_type);
      const data = asString(item.data);
      if (media && data !== undefined && IMAGE_MEDIA_TYPE.test(media)) {
        const url = `data:${media};base64,${data}`;
        message.parts.push({ type: 'image', url, label: imageLabel(url) });
        return;
      }
      break;
    }
    default:
      break;
  }
  message.parts.push(jsonPart(asString(item.type) ?? 'item', item));
}

/* ---------- tools ---------- */

function readTools(list: unknown[], out: ToolDefinition[]): void {
  for (const entry of list) {
    const tool = asObject(entry);
    if (!tool) continue;
    const declarations = tool.function_declarations;
    if (Array.isArray(declarations)) {
      for (const declaration of declarations) {
        const d = asObject(declaration);
        if (d) out.push(definition(d, d.parameters ?? d.parameters_json_schema));
      }
      continue;
    }
    const fn = asObject(tool.function);
    if (fn) {
      out.push(definition(fn, fn.parameters));
      continue;
    }
    if (typeof tool.name === 'string') {
      out.push(definition(tool, tool.parameters ?? tool.input_schema));
      continue;
    }
    // Built-in tools ({type: "web_search"}...) have no schema: named by type, config kept as parameters.
    const def: ToolDefinition = { name: asString(tool.type) ?? 'tool' };
    if (Object.keys(tool).length > 1) def.parameters = tool;
    out.push(def);
  }
}

function definition(source: JsonObject, parameters: unknown): ToolDefinition {
  const def: ToolDefinition = { name: asString(source.name) ?? '' };
  const description = asString(source.description);
  if (description !== undefined) def.description = description;
  if (parameters !== undefined) def.parameters = parameters;
  return def;
}

/* ---------- prompt / embeddings input ---------- */

function isTextInput(value: unknown): boolean {
  return typeof value === 'string' || Array.isArray(value);
}

/** A prompt or embeddings input: one string, a batch of strings, or token ids. */
function textInputMessage(value: unknown): ChatMessage {
  const message: ChatMessage = { role: 'user', parts: [], toolCalls: [] };
  if (typeof value === 'string') {
    message.parts.push({ type: 'text', text: value });
    return message;
  }
  const list = asArray(value);
  if (list.length > 0 && list.every((v) => typeof v === 'number')) {
    message.parts.push(jsonPart('tokens', list));
    return message;
  }
  for (const item of list) {
    message.parts.push(typeof item === 'string' ? { type: 'text', text: item } : jsonPart(Array.isArray(item) ? 'tokens' : 'input', item));
  }
  return message;
}

/* ---------- helpers ---------- */

function jsonPart(label: string, value: unknown): MessagePart {
  return { type: 'json', label, value };
}

function withId(call: ToolCall, id: unknown): ToolCall {
  if (typeof id === 'string') call.id = id;
  return call;
}

function imageLabel(url: string): string {
  const comma = url.indexOf(',');
  const header = url.slice(5, comma >= 0 ? comma : undefined);
  const media = header.split(';')[0] ?? 'image';
  if (comma < 0 || !/;base64$/i.test(header)) return media;
  // Padding characters carry no bytes.
  const payload = url.slice(comma + 1).replace(/\s+/g, '').replace(/=+$/, '');
  const bytes = Math.floor((payload.length * 3) / 4);
  return `${media}, ${formatBytes(bytes)}`;
}

