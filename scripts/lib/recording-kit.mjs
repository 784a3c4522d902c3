// Shared helpers for scripts/generate-samples.mjs and scripts/generate-hostile.mjs.
// Plain Node (>= 20) standard library only. Everything here is deterministic:
// no Math.random, no Date.now, no environment lookups.

import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// ---------------------------------------------------------------------------
// Hashing
// ---------------------------------------------------------------------------

export function sha256Hex(input) {
  return createHash('sha256').update(input).digest('hex');
}

function hex4(code) {
  return '\\u' + code.toString(16).padStart(4, '0');
}

/** Escape a JS string the way Python's json.dumps(ensure_ascii=True) does. */
export function pyQuote(str) {
  let out = '"';
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x08) out += '\\b';
    else if (c === 0x0c) out += '\\f';
    else if (c < 0x20 || c > 0x7e) out += hex4(c);
    else out += str[i];
  }
  return out + '"';
}

/** Python float repr for the numbers that show up in request bodies. */
function pyNumber(n) {
  if (!Number.isFinite(n)) throw new Error(`non-finite number ${n}`);
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e16)) {
    // Python: 1e-05, 1.5e+16 (at least two exponent digits)
    const [mant, exp] = n.toExponential().split('e');
    const sign = exp[0] === '-' ? '-' : '+';
    const digits = exp.replace(/^[+-]/, '').padStart(2, '0');
    return `${mant}e${sign}${digits}`;
  }
  return String(n);
}

/**
 * json.dumps(value, sort_keys=True) with Python's default separators
 * (", " and ": ") and ensure_ascii. Used only to derive file names.
 */
export function pyDumps(value) {
  if (value === null || value === undefined) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'number') return pyNumber(value);
  if (typeof value === 'string') return pyQuote(value);
  if (Array.isArray(value)) return '[' + value.map(pyDumps).join(', ') + ']';
  const keys = Object.keys(value).sort();
  return '{' + keys.map((k) => pyQuote(k) + ': ' + pyDumps(value[k])).join(', ') + '}';
}

/** sha256 of the Python-style canonical JSON of an object: the recording file name. */
export function requestHash(identity) {
  return sha256Hex(pyDumps(identity));
}

// ---------------------------------------------------------------------------
// Serialisation the way the recorder writes files: indent=2, ensure_ascii, "\n".
// ---------------------------------------------------------------------------

export function toRecordingJson(obj, { ensureAscii = true } = {}) {
  let text = JSON.stringify(obj, null, 2);
  if (ensureAscii) {
    // Non-ASCII characters only ever occur inside string literals, so a
    // character-level replacement is safe.
    text = text.replace(/[\u007f-\uffff]/g, (ch) => hex4(ch.charCodeAt(0)));
  }
  return text + '\n';
}

// ---------------------------------------------------------------------------
// Deterministic pseudo-random numbers (32-bit LCG, Numerical Recipes constants)
// ---------------------------------------------------------------------------

export function makeLcg(seed) {
  let state = seed >>> 0;
  const nextU32 = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  };
  return {
    nextU32,
    /** float in [0, 1) */
    next: () => nextU32() / 4294967296,
    /** integer in [lo, hi] */
    int: (lo, hi) => lo + Math.floor((nextU32() / 4294967296) * (hi - lo + 1)),
  };
}

/** Deterministic base62-ish id from a seed string (for call ids, message ids ...). */
export function fakeId(seed, length, alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789') {
  const digest = createHash('sha256').update(seed).digest();
  let out = '';
  let i = 0;
  let block = digest;
  while (out.length < length) {
    if (i >= block.length) {
      block = createHash('sha256').update(block).digest();
      i = 0;
    }
    out += alphabet[block[i] % alphabet.length];
    i++;
  }
  return out;
}

export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

// ---------------------------------------------------------------------------
// Tiny PNG writer (solid colour, RGB, 8-bit) with our own CRC-32
// ---------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([len, typeAndData, crc]);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function solidPng(width, height, [r, g, b]) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: truecolour RGB
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // interlace
  const row = Buffer.alloc(1 + width * 3);
  row[0] = 0; // filter type None
  for (let x = 0; x < width; x++) {
    row[1 + x * 3] = r;
    row[2 + x * 3] = g;
    row[3 + x * 3] = b;
  }
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------

/**
 * Split text into stream "tokens" (leading whitespace glued to the word that
 * follows, punctuation on its own). Concatenating the pieces gives the input
 * back exactly; that is asserted.
 */
export function tokenize(text) {
  const pieces = text.match(/\s*[A-Za-z0-9']+|\s*[^\sA-Za-z0-9']|\s+/g) ?? [];
  if (pieces.join('') !== text) throw new Error('tokenize lost characters');
  return pieces;
}

/** Split a string into fragments of irregular lengths (for tool-call argument deltas). */
export function fragments(text, sizes) {
  const out = [];
  let i = 0;
  let k = 0;
  while (i < text.length) {
    const n = sizes[k % sizes.length];
    out.push(text.slice(i, i + n));
    i += n;
    k++;
  }
  if (out.join('') !== text) throw new Error('fragments lost characters');
  return out;
}

/** Nanosecond-precision ISO timestamp (Ollama created_at) from a BigInt epoch-ns value. */
export function isoNanos(epochNs) {
  const secs = epochNs / 1_000_000_000n;
  const frac = epochNs % 1_000_000_000n;
  const base = new Date(Number(secs) * 1000).toISOString(); // 2025-08-14T09:41:07.000Z
  return base.slice(0, 19) + '.' + frac.toString().padStart(9, '0') + 'Z';
}

export function epochNsFromIso(iso) {
  // iso without fraction, e.g. "2025-08-14T09:41:07Z"
  return BigInt(Date.parse(iso)) * 1_000_000n;
}

// ---------------------------------------------------------------------------
// Builders for serialized SDK objects
// ---------------------------------------------------------------------------

export const T = {
  chat: 'openai.types.chat.chat_completion.ChatCompletion',
  chunk: 'openai.types.chat.chat_completion_chunk.ChatCompletionChunk',
  completion: 'openai.types.completion.Completion',
  embeddings: 'openai.types.create_embedding_response.CreateEmbeddingResponse',
  model: 'openai.types.model.Model',
  ollamaGenerate: 'ollama._types.GenerateResponse',
  ollamaChat: 'ollama._types.ChatResponse',
  ollamaList: 'ollama._types.ListResponse',
  ollamaPs: 'ollama._types.ProcessResponse',
};

export function typed(type, data) {
  return { __type__: type, __data__: data };
}

export function delta({ content = null, role = null, toolCalls = null, reasoning, reasoningContent } = {}) {
  const d = { content, function_call: null, refusal: null, role, tool_calls: toolCalls };
  if (reasoning !== undefined) d.reasoning = reasoning;
  if (reasoningContent !== undefined) d.reasoning_content = reasoningContent;
  return d;
}

export function chunk({ id, model, created = 0, choice, usage = null, fingerprint = null, serviceTier = null, extra = {} }) {
  return typed(T.chunk, {
    id,
    choices: choice ? [{ delta: choice.delta, finish_reason: choice.finishReason ?? null, index: 0, logprobs: null }] : [],
    created,
    model,
    object: 'chat.completion.chunk',
    service_tier: serviceTier,
    system_fingerprint: fingerprint,
    usage,
    ...extra,
  });
}

export function usage(prompt, completion, details = false) {
  const u = {
    completion_tokens: completion,
    prompt_tokens: prompt,
    total_tokens: prompt + completion,
    completion_tokens_details: null,
    prompt_tokens_details: null,
  };
  if (details) {
    u.completion_tokens_details = {
      accepted_prediction_tokens: 0,
      audio_tokens: 0,
      reasoning_tokens: typeof details === 'number' ? details : 0,
      rejected_prediction_tokens: 0,
    };
    u.prompt_tokens_details = { audio_tokens: 0, cached_tokens: 0 };
  }
  return u;
}

export function chatCompletion({ id, model, message, finishReason = 'stop', usage: u, fingerprint = null, serviceTier = null, created = 0 }) {
  return typed(T.chat, {
    id,
    choices: [
      {
        finish_reason: finishReason,
        index: 0,
        logprobs: null,
        message: {
          content: message.content ?? null,
          refusal: null,
          role: 'assistant',
          annotations: null,
          audio: null,
          function_call: null,
          tool_calls: message.toolCalls ?? null,
          ...(message.reasoningContent !== undefined ? { reasoning_content: message.reasoningContent } : {}),
        },
      },
    ],
    created,
    model,
    object: 'chat.completion',
    service_tier: serviceTier,
    system_fingerprint: fingerprint,
    usage: u,
  });
}

// ---------------------------------------------------------------------------
// File-system helpers
// ---------------------------------------------------------------------------

export function removeTree(dir) {
  rmSync(dir, { recursive: true, force: true });
}

/** Write files = [{ path, data: string|Buffer }] under root. Returns [{ path, size }]. */
export function writeFiles(root, files) {
  const seen = new Set();
  const out = [];
  for (const f of files) {
    if (seen.has(f.path)) throw new Error(`duplicate output path ${f.path}`);
    seen.add(f.path);
    const abs = join(root, f.path);
    mkdirSync(dirname(abs), { recursive: true });
    const data = typeof f.data === 'string' ? Buffer.from(f.data, 'utf8') : f.data;
    writeFileSync(abs, data);
    out.push({ path: f.path, size: data.length });
  }
  return out;
}
