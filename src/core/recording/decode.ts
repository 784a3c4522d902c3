import { describeType, isObject } from './json';

/** Either the parsed top-level value or a reason the text is not JSON at all. */
export type DecodeResult = { ok: true; value: unknown } | { ok: false; reason: string };

const BOM = '\uFEFF';
const SNIFF_LENGTH = 4096;

/** Decodes file text into JSON, naming precisely what is wrong when it cannot. */
export function decodeJsonText(input: string): DecodeResult {
  if (typeof input !== 'string') return { ok: false, reason: `expected file text, got ${describeType(input)}` };
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  if (text.length === 0) return { ok: false, reason: 'empty file' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // Python's json writes float('nan') and float('inf') as bare NaN / Infinity, which
    // JSON.parse refuses; a recorder's file may hold them (logprobs of -inf).
    const withConstants = parsePythonConstants(text);
    if (withConstants.ok) return withConstants;
    // Only text JSON.parse rejects is inspected further: scanning every file for
    // binary content up front would cost a pass over all the text of a folder.
    const binary = binaryReason(text);
    if (binary) return { ok: false, reason: binary };
    if (text.trim().length === 0) return { ok: false, reason: 'empty file (only whitespace)' };
    return { ok: false, reason: `not valid JSON: ${describeJsonError(error, text)}` };
  }
  // Valid JSON rules out NULs and raw control characters; text decoded from another
  // encoding can still parse, and is recognised by its replacement characters.
  const head = text.length > SNIFF_LENGTH ? text.slice(0, SNIFF_LENGTH) : text;
  if (head.includes('\uFFFD')) {
    const binary = binaryReason(text);
    if (binary) return { ok: false, reason: binary };
  }
  return { ok: true, value };
}

const PYTHON_CONSTANT = /"(?:[^"\\]|\\.)*"|-?Infinity|NaN/g;
const CONSTANTS: Record<string, number> = { NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, '-Infinity': Number.NEGATIVE_INFINITY };

/**
 * JSON as Python's json module reads it: bare `NaN`, `Infinity` and
 * `-Infinity` are numbers. Each one outside a string becomes a marker string
 * no text of the file contains, parsed, then turned back into the number.
 */
function parsePythonConstants(text: string): DecodeResult {
  if (!text.includes('NaN') && !text.includes('Infinity')) return { ok: false, reason: 'no Python constants' };
  let marker = '\\u0000py:';
  while (text.includes(marker)) marker += '~';
  let found = false;
  const marked = text.replace(PYTHON_CONSTANT, (token) => {
    if (token.startsWith('"')) return token;
    found = true;
    return `"${marker}${token}"`;
  });
  if (!found) return { ok: false, reason: 'no Python constants' };
  // The marker is written with a JSON escape, so the parsed strings start with a NUL.
  const prefix = JSON.parse(`"${marker}"`) as string;
  const restore = (node: unknown): unknown => {
    if (typeof node === 'string') return node.startsWith(prefix) ? (CONSTANTS[node.slice(prefix.length)] ?? node) : node;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) node[i] = restore(node[i]);
    } else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      for (const key of Object.keys(record)) record[key] = restore(record[key]);
    }
    return node;
  };
  try {
    return { ok: true, value: restore(JSON.parse(marked)) };
  } catch {
    return { ok: false, reason: 'not JSON even with Python constants' };
  }
}

/**
 * JSON text never holds raw NUL or most C0 controls, so their presence means
 * the file is binary (an index.sqlite, an image) rather than broken JSON.
 */
function binaryReason(text: string): string | undefined {
  if (text.indexOf('\u0000') >= 0) return 'binary content (NUL bytes)';
  const sample = text.length > SNIFF_LENGTH ? text.slice(0, SNIFF_LENGTH) : text;
  let controls = 0;
  let replacements = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) controls++;
    else if (code === 0xfffd) replacements++;
  }
  if (controls > 0 && controls * 20 >= sample.length) return 'binary content (control characters)';
  if (replacements > 0 && replacements * 20 >= sample.length) return 'binary content (not UTF-8 text)';
  return undefined;
}

/** Engine messages differ (V8, SpiderMonkey, JSC); give each a position a user can go to. */
function describeJsonError(error: unknown, text: string): string {
  const raw = error instanceof Error ? error.message : String(error);
  const message = raw.replace(/\s+/g, ' ').trim() || 'parse error';
  const position = /position (\d+)/i.exec(message);
  if (position) {
    if (/line \d+/i.test(message)) return message;
    const { line, column } = lineColumn(text, Number(position[1]));
    return `${message} (line ${line}, column ${column})`;
  }
  if (/line \d+/i.test(message)) return message;
  const start = text.search(/\S/);
  if (start >= 0 && !/[{["\-0-9tfn]/.test(text[start] ?? '')) {
    // Engines often omit where the first bad token is; at the very start it is easy to say.
    const { line, column } = lineColumn(text, start);
    return `${message} at position ${start} (line ${line}, column ${column})`;
  }
  if (/end of (JSON )?(input|data)|unterminated|unexpected end/i.test(message)) {
    const { line, column } = lineColumn(text, text.length);
    return `${message} at position ${text.length} (line ${line}, column ${column})`;
  }
  return message;
}

function lineColumn(text: string, position: number): { line: number; column: number } {
  const end = Math.min(Math.max(position, 0), text.length);
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

const PREVIEW_KEYS = 6;

/** Why a parsed value is not a recording, or undefined when it has the envelope. */
export function envelopeProblem(value: unknown): string | undefined {
  if (!isObject(value)) {
    const what = Array.isArray(value) ? 'a JSON array' : value === null ? 'null' : `a JSON ${typeof value}`;
    return `top level is ${what}, expected an object`;
  }
  const hasRequest = 'request' in value;
  const hasResponse = 'response' in value;
  if (!hasRequest || !hasResponse) {
    const missing = !hasRequest && !hasResponse ? '"request" and "response"' : !hasRequest ? '"request"' : '"response"';
    return `not a recording: missing ${missing}${keysHint(value)}`;
  }
  if (!isObject(value.request)) return `not a recording: "request" is ${describeType(value.request)}, expected an object`;
  if (!isObject(value.response)) return `not a recording: "response" is ${describeType(value.response)}, expected an object`;
  return undefined;
}

function keysHint(value: Record<string, unknown>): string {
  const keys = Object.keys(value);
  if (keys.length === 0) return ' (the object is empty)';
  const shown = keys.slice(0, PREVIEW_KEYS).map((k) => JSON.stringify(k.length > 40 ? `${k.slice(0, 40)}…` : k));
  return ` (top-level keys: ${shown.join(', ')}${keys.length > PREVIEW_KEYS ? `, … ${keys.length - PREVIEW_KEYS} more` : ''})`;
}
