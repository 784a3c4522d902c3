#!/usr/bin/env node
// Writes a small, realistic llama-stack (OGX) recordings tree under public/samples/:
//
//   public/samples.manifest.json
//   public/samples/tests/integration/<suite>/recordings/<sha256>.json
//   public/samples/tests/integration/common/recordings/models-<sha256>-<8hex>.json
//   public/samples/tests/integration/ci_matrix.json          (not a recording)
//   public/samples/tests/integration/recordings/README.md    (not a recording)
//   public/samples/tests/cassettes/<module>/<test>.yaml[.gz]  (VCR cassettes, see lib/cassette-samples.mjs)
//   public/samples/spec/fixtures/vcr_cassettes/...            (a Ruby VCR cassette)
//
// All content is invented for this project. Deterministic: running it twice gives
// identical bytes (no randomness, no clock). Stale files are removed first.
//
// Usage: node scripts/generate-samples.mjs

import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync, writeFileSync } from 'node:fs';
import {
  ALNUM,
  T,
  chatCompletion,
  chunk,
  delta,
  epochNsFromIso,
  fakeId,
  fragments,
  isoNanos,
  makeLcg,
  removeTree,
  requestHash,
  sha256Hex,
  solidPng,
  toRecordingJson,
  tokenize,
  typed,
  usage,
  writeFiles,
} from './lib/recording-kit.mjs';
import { cassetteSamples } from './lib/cassette-samples.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = resolve(HERE, '..', 'public', 'samples');

const files = []; // { path, data, kind }
const I = 'tests/integration';

// ---------------------------------------------------------------------------
// Providers and models
// ---------------------------------------------------------------------------

const OLLAMA_V1 = 'http://0.0.0.0:11434/v1/v1';
const OLLAMA_NATIVE = 'http://localhost:11434';
const OPENAI_V1 = 'https://api.openai.com/v1/v1';
const VLLM_V1 = 'http://localhost:8000/v1/v1';
const LLAMA = 'llama3.2:3b-instruct-fp16';
const GPT_OSS = 'gpt-oss:20b';
const MINI = 'gpt-4o-mini';
const MINI_SNAPSHOT = 'gpt-4o-mini-2024-07-18';
const QWEN = 'Qwen/Qwen3-0.6B';
const MINILM = 'all-minilm:l6-v2';
const OPENAI_META = { openai_sdk_version: '2.5.0' };

const P = {
  ollama: `txt=ollama/${LLAMA}`,
  openai: `txt=openai/${MINI}`,
  gptoss: `txt=ollama/${GPT_OSS}`,
  vllm: `txt=vllm/${QWEN}`,
};

// ---------------------------------------------------------------------------
// Recording builders
// ---------------------------------------------------------------------------

function recPath(suite, name) {
  return `${I}/${suite}/recordings/${name}.json`;
}

/**
 * An inference recording (OpenAI-compatible, Ollama or Google GenAI request).
 * makeBody({ hash, recId }) returns the response body.
 */
function inference({ suite, kind, testId, url, endpoint, body, model, providerMetadata, isStreaming, makeBody, mapping = {}, responseExtra }) {
  const hash = requestHash({ method: 'POST', endpoint, body, test_id: testId });
  const recId = `rec-${hash.slice(0, 12)}`;
  const request = { method: 'POST', url, headers: {}, body, endpoint, model };
  if (providerMetadata) request.provider_metadata = providerMetadata;
  const response = { body: makeBody({ hash, recId }), is_streaming: isStreaming, ...(responseExtra ?? {}) };
  const rec = { test_id: testId, request, response };
  if (mapping !== null) rec.id_normalization_mapping = typeof mapping === 'function' ? mapping({ hash, recId }) : mapping;
  files.push({ path: recPath(suite, hash), data: toRecordingJson(rec), kind });
  return { hash, recId };
}

/** Raw HTTP passthrough (Anthropic-style /v1/messages, Google /interactions). */
function passthrough({ suite, kind, testId, url, payload, status, body, isStreaming }) {
  const hash = requestHash({ method: 'POST', url, payload, test_id: testId });
  const response = {};
  if (status !== undefined) response.status = status;
  response.body = typeof body === 'function' ? body({ hash }) : body;
  response.is_streaming = isStreaming;
  const rec = {
    test_id: testId,
    request: { test_id: testId, url, method: 'POST', payload },
    response,
    id_normalization_mapping: {},
  };
  files.push({ path: recPath(suite, hash), data: toRecordingJson(rec), kind });
  return hash;
}

/** Tool invocation (server-side tool such as web_search). */
function toolInvocation({ suite, kind, testId, provider, toolName, kwargs, type, result, topLevelTestId = true }) {
  const hash = requestHash({ test_id: testId, provider, tool_name: toolName, kwargs });
  const rec = {};
  if (topLevelTestId) rec.test_id = testId;
  rec.request = { test_id: testId, provider, tool_name: toolName, kwargs };
  rec.response = { body: typed(type, result), is_streaming: false };
  if (topLevelTestId) rec.id_normalization_mapping = {};
  files.push({ path: recPath(suite, hash), data: toRecordingJson(rec), kind });
  return hash;
}

/** /v1/models list: test_id left out of the hash; name models-<sha256>-<8 hex>. */
function modelList({ url, models, kind = 'models:/v1/models' }) {
  const endpoint = '/v1/models';
  const body = {};
  const hash = requestHash({ method: 'POST', endpoint, body });
  const suffix = sha256Hex(url).slice(0, 8);
  const rec = {
    test_id: null,
    request: { method: 'POST', url: `${url}/models`, headers: {}, body, endpoint, model: '' },
    response: {
      body: models.map(([id, created, ownedBy]) => typed(T.model, { id, created, object: 'model', owned_by: ownedBy })),
      is_streaming: false,
    },
  };
  files.push({ path: recPath('common', `models-${hash}-${suffix}`), data: toRecordingJson(rec), kind });
}

// ---------------------------------------------------------------------------
// Stream builders
// ---------------------------------------------------------------------------

/** OpenAI-compatible text stream: role chunk, content tokens, finish chunk, optional usage chunk. */
function textStream({ id, model, text, fingerprint = null, serviceTier = null, usage: u = null, reasoning, reasoningKey = 'reasoning', obfuscate = false, created }) {
  const out = [];
  let n = 0;
  const createdAt = () => (created ? created(n++) : 0);
  const extra = (label) => (obfuscate ? { obfuscation: fakeId(`${id}:${label}`, 4 + (label.length % 9), ALNUM) } : {});
  out.push(chunk({ id, model, created: createdAt(), fingerprint, serviceTier, choice: { delta: delta({ content: '', role: 'assistant' }) }, extra: extra('role') }));
  if (reasoning) {
    for (const [i, piece] of tokenize(reasoning).entries()) {
      const d = reasoningKey === 'reasoning' ? delta({ reasoning: piece }) : delta({ reasoningContent: piece });
      out.push(chunk({ id, model, created: createdAt(), fingerprint, serviceTier, choice: { delta: d }, extra: extra(`r${i}`) }));
    }
  }
  for (const [i, piece] of tokenize(text).entries()) {
    out.push(chunk({ id, model, created: createdAt(), fingerprint, serviceTier, choice: { delta: delta({ content: piece }) }, extra: extra(`c${i}`) }));
  }
  out.push(chunk({ id, model, created: createdAt(), fingerprint, serviceTier, choice: { delta: delta({}), finishReason: 'stop' }, extra: extra('stop') }));
  if (u) out.push(chunk({ id, model, created: createdAt(), fingerprint, serviceTier, usage: u, extra: extra('usage') }));
  return out;
}

/** OpenAI-compatible tool-call stream: name once per call, arguments in fragments. */
function toolCallStream({ id, model, calls, fingerprint = null, serviceTier = null, usage: u = null, obfuscate = false, sizes = [2, 7, 3, 9, 4, 6, 5] }) {
  const out = [];
  const extra = (label) => (obfuscate ? { obfuscation: fakeId(`${id}:${label}`, 5 + (label.length % 7), ALNUM) } : {});
  calls.forEach((call, index) => {
    out.push(
      chunk({
        id,
        model,
        fingerprint,
        serviceTier,
        choice: {
          delta: delta({
            role: index === 0 ? 'assistant' : null,
            toolCalls: [{ index, id: call.id, function: { arguments: '', name: call.name }, type: 'function' }],
          }),
        },
        extra: extra(`start${index}`),
      }),
    );
    for (const [k, frag] of fragments(call.arguments, sizes).entries()) {
      out.push(
        chunk({
          id,
          model,
          fingerprint,
          serviceTier,
          choice: { delta: delta({ toolCalls: [{ index, id: null, function: { arguments: frag, name: null }, type: null }] }) },
          extra: extra(`a${index}.${k}`),
        }),
      );
    }
  });
  out.push(chunk({ id, model, fingerprint, serviceTier, choice: { delta: delta({}), finishReason: 'tool_calls' }, extra: extra('finish') }));
  if (u) out.push(chunk({ id, model, fingerprint, serviceTier, usage: u, extra: extra('usage') }));
  return out;
}

/**
 * Ollama native stream with real, irregular created_at timestamps.
 * kind: 'generate' (GenerateResponse.response) or 'chat' (ChatResponse.message.content).
 */
function ollamaStream({ kind, model, text, startIso, startFracNs, seed, promptEvalCount }) {
  const lcg = makeLcg(seed);
  const loadNs = BigInt(lcg.int(9_000_000, 24_000_000));
  const promptEvalNs = BigInt(lcg.int(60_000_000, 140_000_000));
  const requestStart = epochNsFromIso(startIso) + BigInt(startFracNs);
  let t = requestStart + loadNs + promptEvalNs;
  const pieces = tokenize(text);
  const stamps = [];
  for (let i = 0; i <= pieces.length; i++) {
    // 20-80 ms between tokens, sub-millisecond jitter, one longer stall mid-way.
    let gapNs = BigInt(lcg.int(20_000, 80_000)) * 1000n + BigInt(lcg.int(0, 999));
    if (i === Math.floor(pieces.length * 0.6)) gapNs += 95_000_000n;
    if (i > 0) t += gapNs;
    stamps.push(t);
  }
  const evalNs = stamps[stamps.length - 1] - stamps[0];
  const base = (createdAt, done) => ({
    model,
    created_at: isoNanos(createdAt),
    done,
    done_reason: done ? 'stop' : null,
    total_duration: done ? Number(stamps[stamps.length - 1] - requestStart) : null,
    load_duration: done ? Number(loadNs) : null,
    prompt_eval_count: done ? promptEvalCount : null,
    prompt_eval_duration: done ? Number(promptEvalNs) : null,
    eval_count: done ? pieces.length : null,
    eval_duration: done ? Number(evalNs) : null,
  });
  const body = pieces.map((piece, i) =>
    kind === 'generate'
      ? typed(T.ollamaGenerate, { ...base(stamps[i], false), response: piece, thinking: null, context: null })
      : typed(T.ollamaChat, { ...base(stamps[i], false), message: { role: 'assistant', content: piece, thinking: null, images: null, tool_name: null, tool_calls: null } }),
  );
  const last = stamps[stamps.length - 1];
  body.push(
    kind === 'generate'
      ? typed(T.ollamaGenerate, { ...base(last, true), response: '', thinking: null, context: null })
      : typed(T.ollamaChat, { ...base(last, true), message: { role: 'assistant', content: '', thinking: null, images: null, tool_name: null, tool_calls: null } }),
  );
  return body;
}

/** A wall clock for un-normalized OpenAI streams: whole seconds that advance between chunks. */
function secondsClock(startEpoch, seed, minMs, maxMs) {
  const lcg = makeLcg(seed);
  let ms = 0;
  return (i) => {
    if (i > 0) ms += lcg.int(minMs, maxMs);
    return startEpoch + Math.floor(ms / 1000);
  };
}

function sse(events) {
  const lines = [];
  for (const [event, data] of events) {
    lines.push(`event: ${event}`, `data: ${typeof data === 'string' ? data : JSON.stringify(data)}`, '');
  }
  return lines;
}

// ---------------------------------------------------------------------------
// Shared content
// ---------------------------------------------------------------------------

const WEATHER_TOOL = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Get the current weather for a city.',
    parameters: {
      type: 'object',
      properties: {
        location: { type: 'string', description: 'City and country, e.g. Lyon, France' },
        unit: { type: 'string', enum: ['celsius', 'fahrenheit'], description: 'Temperature unit' },
      },
      required: ['location'],
    },
  },
};

const WEB_SEARCH_TOOL = {
  type: 'function',
  function: {
    name: 'web_search',
    description: 'Search the web and return the most relevant pages.',
    parameters: {
      type: 'object',
      properties: { query: { type: 'string', description: 'What to search for' } },
      required: ['query'],
    },
  },
};

const CURRENCY_TOOL = {
  type: 'function',
  function: {
    name: 'convert_currency',
    description: 'Convert an amount of money between two ISO 4217 currencies using today\u2019s reference rate.',
    parameters: {
      type: 'object',
      properties: {
        amount: { type: 'number', description: 'Amount to convert' },
        from_currency: { type: 'string', description: 'Source currency code, e.g. EUR' },
        to_currency: { type: 'string', description: 'Target currency code, e.g. JPY' },
      },
      required: ['amount', 'from_currency', 'to_currency'],
    },
  },
};

const CAPITAL_MESSAGES = [
  { role: 'system', content: 'You are a helpful assistant. Keep answers short.' },
  { role: 'user', content: 'Which city is the capital of France?' },
];

const POEM_PROMPT = [{ role: 'user', content: 'Write a four-line poem about autumn rain.' }];

const PALINDROME_ANSWER = `Here's a compact version:

\`\`\`python
def is_palindrome(text: str) -> bool:
    """Return True if text reads the same forwards and backwards."""
    cleaned = [ch.lower() for ch in text if ch.isalnum()]
    return cleaned == cleaned[::-1]


print(is_palindrome("A man, a plan, a canal: Panama"))  # True
print(is_palindrome("recording"))                       # False
\`\`\`

How it works:

1. \`cleaned\` keeps only letters and digits, lower-cased.
2. \`cleaned[::-1]\` is the same list reversed.
3. The two lists are equal exactly when the text is a palindrome.

Both steps are linear in the length of the string.  \n`;

// ---------------------------------------------------------------------------
// inference suite
// ---------------------------------------------------------------------------

const CHAT_TEST = `${I}/inference/test_openai_completion.py`;

// Non-streamed chat completion, two providers of the same test.
inference({
  suite: 'inference',
  kind: 'chat_completion',
  testId: `${CHAT_TEST}::test_openai_chat_completion_non_streaming[${P.ollama}-inference:chat_completion:non_streaming_01]`,
  url: `${OLLAMA_V1}/chat/completions`,
  endpoint: '/v1/chat/completions',
  model: LLAMA,
  body: { model: LLAMA, messages: CAPITAL_MESSAGES, stream: false },
  isStreaming: false,
  makeBody: ({ recId }) =>
    chatCompletion({
      id: recId,
      model: LLAMA,
      fingerprint: 'fp_ollama',
      message: {
        content:
          'The capital of France is Paris. It sits on the Seine in the north of the country and has been the centre of French political and cultural life for centuries.',
      },
      usage: usage(38, 34),
    }),
});

inference({
  suite: 'inference',
  kind: 'chat_completion',
  testId: `${CHAT_TEST}::test_openai_chat_completion_non_streaming[${P.openai}-inference:chat_completion:non_streaming_01]`,
  url: `${OPENAI_V1}/chat/completions`,
  endpoint: '/v1/chat/completions',
  model: MINI,
  providerMetadata: OPENAI_META,
  body: { model: MINI, messages: CAPITAL_MESSAGES, stream: false },
  isStreaming: false,
  makeBody: ({ recId }) =>
    chatCompletion({
      id: recId,
      model: MINI_SNAPSHOT,
      fingerprint: 'fp_5c1a7e3b9d',
      serviceTier: 'default',
      message: { content: 'The capital of France is **Paris**.' },
      usage: usage(27, 9, true),
    }),
});

// Non-streamed chat completion with a markdown code block and trailing whitespace.
inference({
  suite: 'inference',
  kind: 'chat_completion',
  testId: `${CHAT_TEST}::test_openai_chat_completion_non_streaming[${P.ollama}-inference:chat_completion:non_streaming_02]`,
  url: `${OLLAMA_V1}/chat/completions`,
  endpoint: '/v1/chat/completions',
  model: LLAMA,
  body: {
    model: LLAMA,
    messages: [
      {
        role: 'user',
        content: 'Write a Python function that checks whether a string is a palindrome, ignoring case and punctuation.\nKeep it short.',
      },
    ],
    stream: false,
    temperature: 0.0001,
    max_tokens: 512,
  },
  isStreaming: false,
  makeBody: ({ recId }) =>
    chatCompletion({ id: recId, model: LLAMA, fingerprint: 'fp_ollama', message: { content: PALINDROME_ANSWER }, usage: usage(52, 171) }),
});

// Streamed text (normalized, created: 0) with a final usage chunk; verbatim whitespace.
inference({
  suite: 'inference',
  kind: 'chat_completion_stream',
  testId: `${CHAT_TEST}::test_openai_chat_completion_streaming[${P.ollama}-inference:chat_completion:streaming_01]`,
  url: `${OLLAMA_V1}/chat/completions`,
  endpoint: '/v1/chat/completions',
  model: LLAMA,
  body: { model: LLAMA, messages: POEM_PROMPT, stream: true, stream_options: { include_usage: true } },
  isStreaming: true,
  mapping: ({ recId, hash }) => ({ [recId]: `chatcmpl-${parseInt(hash.slice(0, 3), 16)}` }),
  makeBody: ({ recId }) =>
    textStream({
      id: recId,
      model: LLAMA,
      fingerprint: 'fp_ollama',
      text:
        '\n\nRain taps the window in a patient code,\n' +
        'the maples spill their copper on the road;\n' +
        '   the gutters hum a low and silver tune \u2014\n' +
        'autumn is reading softly to the moon.\n\n',
      usage: usage(34, 41),
    }),
});

// Same test, OpenAI, un-normalized: real ids and `created` seconds that advance.
inference({
  suite: 'inference',
  kind: 'chat_completion_stream',
  testId: `${CHAT_TEST}::test_openai_chat_completion_streaming[${P.openai}-inference:chat_completion:streaming_01]`,
  url: `${OPENAI_V1}/chat/completions`,
  endpoint: '/v1/chat/completions',
  model: MINI,
  providerMetadata: OPENAI_META,
  body: { model: MINI, messages: POEM_PROMPT, stream: true, stream_options: { include_usage: true } },
  isStreaming: true,
  mapping: null,
  makeBody: ({ hash }) =>
    textStream({
      id: `chatcmpl-${fakeId(hash, 29, ALNUM)}`,
      model: MINI_SNAPSHOT,
      fingerprint: 'fp_5c1a7e3b9d',
      serviceTier: 'default',
      obfuscate: true,
      created: secondsClock(1754985601, 77, 60, 260),
      text:
        'Grey threads of rain unspool across the glass,\n' +
        'the last warm light goes amber, then goes out;\n' +
        'wet leaves like letters gather on the grass,\n' +
        'and every puddle holds the sky in doubt.',
      usage: usage(15, 44, true),
    }),
});

// Streamed parallel tool calls; arguments arrive in fragments.
inference({
  suite: 'inference',
  kind: 'chat_completion_stream:tool_calls',
  testId: `${CHAT_TEST}::test_openai_chat_completion_streaming_with_tools[${P.openai}-inference:chat_completion:parallel_tool_calls]`,
  url: `${OPENAI_V1}/chat/completions`,
  endpoint: '/v1/chat/completions',
  model: MINI,
  providerMetadata: OPENAI_META,
  body: {
    model: MINI,
    messages: [
      { role: 'developer', content: 'Call tools whenever the user asks about live data.' },
      { role: 'user', content: "What's the weather in Paris and in Tokyo right now? Use celsius." },
    ],
    parallel_tool_calls: true,
    stream: true,
    stream_options: { include_usage: true },
    tool_choice: 'auto',
    tools: [WEATHER_TOOL],
  },
  isStreaming: true,
  makeBody: ({ recId, hash }) =>
    toolCallStream({
      id: recId,
      model: MINI_SNAPSHOT,
      fingerprint: 'fp_5c1a7e3b9d',
      serviceTier: 'default',
      obfuscate: true,
      calls: [
        { id: `call_${fakeId(hash + 'p', 24, ALNUM)}`, name: 'get_weather', arguments: '{"location":"Paris, France","unit":"celsius"}' },
        { id: `call_${fakeId(hash + 't', 24, ALNUM)}`, name: 'get_weather', arguments: '{"location":"Tokyo, Japan","unit":"celsius"}' },
      ],
      usage: usage(96, 52, true),
    }),
});

// Reasoning deltas: `reasoning` (gpt-oss via Ollama) and `reasoning_content` (vLLM).
const STRAWBERRY = [{ role: 'user', content: 'How many times does the letter r appear in the word "strawberry"? Answer briefly.' }];
inference({
  suite: 'inference',
  kind: 'chat_completion_stream:reasoning',
  testId: `${CHAT_TEST}::test_openai_chat_completion_streaming_reasoning[${P.gptoss}-inference:chat_completion:reasoning_01]`,
  url: `${OLLAMA_V1}/chat/completions`,
  endpoint: '/v1/chat/completions',
  model: GPT_OSS,
  body: { model: GPT_OSS, messages: STRAWBERRY, stream: true, stream_options: { include_usage: true } },
  isStreaming: true,
  makeBody: ({ recId }) =>
    textStream({
      id: recId,
      model: GPT_OSS,
      fingerprint: 'fp_ollama',
      reasoning:
        'The user wants the count of r in "strawberry". Spell it: s-t-r-a-w-b-e-r-r-y. ' +
        'There is an r after the t, then two r\'s before the final y. That is three. Keep the answer short.',
      text: 'There are **3** r\'s in "strawberry": one after the *t* and two together near the end (st**r**awbe**rr**y).',
      usage: usage(81, 88),
    }),
});

inference({
  suite: 'inference',
  kind: 'chat_completion_stream:reasoning',
  testId: `${CHAT_TEST}::test_openai_chat_completion_streaming_reasoning[${P.vllm}-inference:chat_completion:reasoning_01]`,
  url: `${VLLM_V1}/chat/completions`,
  endpoint: '/v1/chat/completions',
  model: QWEN,
  providerMetadata: OPENAI_META,
  body: { model: QWEN, messages: STRAWBERRY, stream: true, stream_options: { include_usage: true } },
  isStreaming: true,
  makeBody: ({ recId }) =>
    textStream({
      id: recId,
      model: QWEN,
      reasoningKey: 'reasoning_content',
      reasoning:
        'Okay, let me count the letters one by one.\n' +
        's, t, r, a, w, b, e, r, r, y.\n' +
        'The r shows up as the third letter and then twice right before the y. So the total is 3.\n',
      text: '\n\nThe word "strawberry" contains **3** r\'s.',
      usage: usage(29, 77),
    }),
});

// Completions (legacy /v1/completions), non-streamed and streamed.
const COMPLETION_TEST = `${I}/inference/test_openai_completion.py`;
const COMPLETION_PARAMS = `${P.ollama}-inference:completion:sanity`;
const OPPOSITE_PROMPT = 'Complete the sentence with one word and explain your choice: The opposite of hot is ';
inference({
  suite: 'inference',
  kind: 'completion',
  testId: `${COMPLETION_TEST}::test_openai_completion_non_streaming[${COMPLETION_PARAMS}]`,
  url: `${OLLAMA_V1}/completions`,
  endpoint: '/v1/completions',
  model: LLAMA,
  body: { model: LLAMA, prompt: OPPOSITE_PROMPT, stream: false },
  isStreaming: false,
  makeBody: ({ recId }) =>
    typed(T.completion, {
      id: recId,
      choices: [
        {
          finish_reason: 'stop',
          index: 0,
          logprobs: null,
          text:
            'cold.\n\nHot and cold sit at the two ends of the temperature scale, so "cold" is the most direct antonym. ' +
            'Words like "cool" or "chilly" are milder and describe points in between.',
        },
      ],
      created: 0,
      model: LLAMA,
      object: 'text_completion',
      system_fingerprint: 'fp_ollama',
      usage: usage(44, 41),
    }),
});

inference({
  suite: 'inference',
  kind: 'completion_stream',
  testId: `${COMPLETION_TEST}::test_openai_completion_streaming[${COMPLETION_PARAMS}]`,
  url: `${OLLAMA_V1}/completions`,
  endpoint: '/v1/completions',
  model: LLAMA,
  body: { model: LLAMA, prompt: OPPOSITE_PROMPT, max_tokens: 50, stream: true },
  isStreaming: true,
  makeBody: ({ recId }) => {
    const pieces = tokenize('cold.\n\nIt is the usual antonym: "hot" describes a high temperature and "cold" a low one.');
    const mk = (text, finish) =>
      typed(T.completion, {
        id: recId,
        choices: [{ finish_reason: finish, index: 0, logprobs: null, text }],
        created: 0,
        model: LLAMA,
        object: 'text_completion',
        system_fingerprint: 'fp_ollama',
        usage: null,
      });
    return [...pieces.map((p) => mk(p, null)), mk('', 'stop')];
  },
});

// Embeddings: 384-dim unit vectors from an LCG (the two fox sentences are close).
function embedding(seed, dims, base = null, noise = 1) {
  const lcg = makeLcg(seed);
  const v = [];
  for (let i = 0; i < dims; i++) {
    // approx. normal: sum of 4 uniforms
    const g = lcg.next() + lcg.next() + lcg.next() + lcg.next() - 2;
    v.push(base ? base[i] + noise * g : g);
  }
  const norm = Math.hypot(...v);
  return v.map((x) => Number((x / norm).toPrecision(8)));
}

function embeddingsBody(vectors, model, promptTokens) {
  return typed(T.embeddings, {
    data: vectors.map((embedding, index) => ({ embedding, index, object: 'embedding' })),
    model,
    object: 'list',
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  });
}

const EMB_TEST = `${I}/inference/test_openai_embeddings.py`;
const EMB_PARAMS = `openai_client-emb=ollama/${MINILM}`;
{
  const fox = embedding(1234, 384);
  const fox2 = embedding(5678, 384, fox, 0.35);
  const revenue = embedding(9012, 384);
  inference({
    suite: 'inference',
    kind: 'embeddings',
    testId: `${EMB_TEST}::test_openai_embeddings_multiple_strings[${EMB_PARAMS}]`,
    url: `${OLLAMA_V1}/embeddings`,
    endpoint: '/v1/embeddings',
    model: MINILM,
    body: {
      model: MINILM,
      input: [
        'The quick brown fox jumps over the lazy dog.',
        'A fast auburn fox leaps above a sleepy hound.',
        'Quarterly revenue grew by twelve percent.',
      ],
      encoding_format: 'float',
    },
    isStreaming: false,
    makeBody: () => embeddingsBody([fox, fox2, revenue], MINILM, 30),
  });
  inference({
    suite: 'inference',
    kind: 'embeddings',
    testId: `${EMB_TEST}::test_openai_embeddings_single_string[${EMB_PARAMS}]`,
    url: `${OLLAMA_V1}/embeddings`,
    endpoint: '/v1/embeddings',
    model: MINILM,
    body: { model: MINILM, input: 'Paris is the capital of France.', encoding_format: 'float' },
    isStreaming: false,
    makeBody: () => embeddingsBody([embedding(3456, 384)], MINILM, 8),
  });
}

// Multimodal: an 8x8 solid orange PNG as a data: URL.
{
  const png = solidPng(8, 8, [242, 140, 40]);
  inference({
    suite: 'inference',
    kind: 'chat_completion:image',
    testId: `${I}/inference/test_vision_inference.py::test_openai_chat_completion_image_data_url[vision=ollama/llama3.2-vision:11b]`,
    url: `${OLLAMA_V1}/chat/completions`,
    endpoint: '/v1/chat/completions',
    model: 'llama3.2-vision:11b',
    body: {
      model: 'llama3.2-vision:11b',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What colour is this image? Answer in one sentence.' },
            { type: 'image_url', image_url: { url: `data:image/png;base64,${png.toString('base64')}` } },
          ],
        },
      ],
      stream: false,
    },
    isStreaming: false,
    makeBody: ({ recId }) =>
      chatCompletion({
        id: recId,
        model: 'llama3.2-vision:11b',
        fingerprint: 'fp_ollama',
        message: { content: 'The image is a small square filled entirely with a solid orange colour, with no shapes or text in it.' },
        usage: usage(22, 23),
      }),
  });
}

// Recorded exceptions (body null), class-based tests.
const ERR_TEST = `${I}/inference/test_provider_errors.py::TestProviderErrors`;
{
  const missing = 'llama3.2:does-not-exist';
  const msg = `Error code: 404 - {'error': {'message': "model '${missing}' not found", 'type': 'api_error', 'param': None, 'code': None}}`;
  inference({
    suite: 'inference',
    kind: 'exception',
    testId: `${ERR_TEST}::test_unknown_model_is_reported[${P.ollama}]`,
    url: `${OLLAMA_V1}/chat/completions`,
    endpoint: '/v1/chat/completions',
    model: missing,
    body: { model: missing, messages: [{ role: 'user', content: 'Hello, are you there?' }], stream: false },
    isStreaming: false,
    makeBody: () => null,
    responseExtra: {
      is_exception: true,
      exception_data: {
        category: 'provider_sdk',
        provider: 'openai',
        type: 'NotFoundError',
        message: msg,
        status_code: 404,
        body: { message: `model '${missing}' not found`, type: 'api_error', param: null, code: null },
      },
      exception_message: msg,
    },
  });
  const long = 'Summarise the following log file.\n' + '2025-08-12 10:00:00 INFO heartbeat ok\n'.repeat(12) + '[... truncated by the test ...]';
  const msg2 =
    "Error code: 400 - {'error': {'message': 'Requested 131072 output tokens, but this model supports at most 16384.', 'type': 'invalid_request_error', 'param': 'max_tokens', 'code': 'invalid_value'}}";
  inference({
    suite: 'inference',
    kind: 'exception',
    testId: `${ERR_TEST}::test_max_tokens_over_limit_is_rejected[${P.openai}]`,
    url: `${OPENAI_V1}/chat/completions`,
    endpoint: '/v1/chat/completions',
    model: MINI,
    providerMetadata: OPENAI_META,
    body: { model: MINI, messages: [{ role: 'user', content: long }], max_tokens: 131072, stream: true },
    isStreaming: true,
    makeBody: () => null,
    responseExtra: {
      is_exception: true,
      exception_data: {
        category: 'provider_sdk',
        provider: 'openai',
        type: 'BadRequestError',
        message: msg2,
        status_code: 400,
        body: {
          message: 'Requested 131072 output tokens, but this model supports at most 16384.',
          type: 'invalid_request_error',
          param: 'max_tokens',
          code: 'invalid_value',
        },
      },
      exception_message: msg2,
    },
  });
}

// Ollama native streams with real nanosecond created_at timestamps (older, un-normalized).
inference({
  suite: 'inference',
  kind: 'ollama:/api/generate',
  testId: `${I}/inference/test_text_inference.py::test_text_completion_streaming[${P.ollama}-inference:completion:sanity]`,
  url: `${OLLAMA_NATIVE}/api/generate`,
  endpoint: '/api/generate',
  model: LLAMA,
  body: {
    model: LLAMA,
    raw: true,
    prompt: '<|begin_of_text|>Complete the sentence using one word: The sky on a clear afternoon is ',
    options: { temperature: 0.0, num_predict: 50 },
    stream: true,
  },
  isStreaming: true,
  mapping: null,
  makeBody: () =>
    ollamaStream({
      kind: 'generate',
      model: LLAMA,
      text:
        'blue.\n\nSunlight is scattered by the gases in the air, and the short blue wavelengths are scattered the most, ' +
        'so the whole sky looks blue.',
      startIso: '2025-08-14T09:41:07Z',
      startFracNs: 215_308_412,
      seed: 4101,
      promptEvalCount: 21,
    }),
});

inference({
  suite: 'inference',
  kind: 'ollama:/api/chat',
  testId: `${I}/inference/test_text_inference.py::test_text_chat_completion_streaming[${P.ollama}-inference:chat_completion:streaming_02]`,
  url: `${OLLAMA_NATIVE}/api/chat`,
  endpoint: '/api/chat',
  model: LLAMA,
  body: {
    model: LLAMA,
    messages: [
      { role: 'system', content: 'You are a friendly gardening assistant.' },
      { role: 'user', content: 'Give me three quick tips for keeping houseplants alive.' },
    ],
    options: { temperature: 0.0 },
    stream: true,
  },
  isStreaming: true,
  mapping: null,
  makeBody: () =>
    ollamaStream({
      kind: 'chat',
      model: LLAMA,
      text:
        'Here are three tips:\n\n' +
        '1. **Water less often, but deeply** \u2013 let the top few centimetres of soil dry out first.\n' +
        '2. **Give them light** \u2013 most plants prefer bright, indirect light near a window.\n' +
        '3. **Check drainage** \u2013 use pots with holes so roots never sit in water.',
      startIso: '2025-08-14T09:43:52Z',
      startFracNs: 881_042_907,
      seed: 4202,
      promptEvalCount: 38,
    }),
});

// Unknown endpoint with an unknown __type__.
inference({
  suite: 'inference',
  kind: 'unknown',
  testId: `${I}/inference/test_openai_moderations.py::test_moderation_benign_text[txt=openai/omni-moderation-latest]`,
  url: `${OPENAI_V1}/moderations`,
  endpoint: '/v1/moderations',
  model: 'omni-moderation-latest',
  providerMetadata: OPENAI_META,
  body: { model: 'omni-moderation-latest', input: 'How do I bake sourdough bread at home?' },
  isStreaming: false,
  makeBody: ({ hash }) =>
    typed('openai.types.moderation_create_response.ModerationCreateResponse', {
      id: `modr-${fakeId(hash, 24, '0123456789abcdef')}`,
      model: 'omni-moderation-latest',
      results: [
        {
          categories: { harassment: false, hate: false, illicit: false, 'self-harm': false, sexual: false, violence: false },
          category_applied_input_types: { harassment: ['text'], hate: ['text'], illicit: ['text'], 'self-harm': ['text'], sexual: ['text'], violence: ['text'] },
          category_scores: {
            harassment: 0.0000231,
            hate: 0.0000042,
            illicit: 0.0000915,
            'self-harm': 0.0000011,
            sexual: 0.0000087,
            violence: 0.0000364,
          },
          flagged: false,
        },
      ],
    }),
});

// ---------------------------------------------------------------------------
// agents suite: a client-side tool story (non-streamed, then streamed variant)
// ---------------------------------------------------------------------------

const AGENT_TEST = `${I}/agents/test_agents.py::TestAgentTools::test_custom_tool_round_trip`;
const AGENT_SYSTEM = { role: 'system', content: 'You are a concise travel assistant.' };
const AGENT_USER = { role: 'user', content: 'How much is 250 euros in Japanese yen? Use the convert_currency tool.' };
const CURRENCY_RESULT = '{"amount": 250, "from_currency": "EUR", "to_currency": "JPY", "rate": 162.85, "result": 40712.5}';

for (const variant of ['ollama', 'openai']) {
  const isOllama = variant === 'ollama';
  const testId = `${AGENT_TEST}[${P[variant]}]`;
  const url = `${isOllama ? OLLAMA_V1 : OPENAI_V1}/chat/completions`;
  const model = isOllama ? LLAMA : MINI;
  const args = isOllama ? '{"amount": 250, "from_currency": "EUR", "to_currency": "JPY"}' : '{"amount":250,"from_currency":"EUR","to_currency":"JPY"}';
  const base = { model, messages: [AGENT_SYSTEM, AGENT_USER], stream: !isOllama, temperature: 0.0001, tool_choice: 'auto', tools: [CURRENCY_TOOL] };
  if (!isOllama) base.stream_options = { include_usage: true };
  const callId = isOllama ? `call_${fakeId(testId, 8)}` : `call_${fakeId(testId, 24, ALNUM)}`;
  inference({
    suite: 'agents',
    kind: isOllama ? 'chat_completion:tool_calls' : 'chat_completion_stream:tool_calls',
    testId,
    url,
    endpoint: '/v1/chat/completions',
    model,
    providerMetadata: isOllama ? undefined : OPENAI_META,
    body: base,
    isStreaming: !isOllama,
    makeBody: ({ recId }) =>
      isOllama
        ? chatCompletion({
            id: recId,
            model,
            fingerprint: 'fp_ollama',
            finishReason: 'tool_calls',
            message: { content: '', toolCalls: [{ id: callId, function: { arguments: args, name: 'convert_currency' }, type: 'function', index: 0 }] },
            usage: usage(231, 29),
          })
        : toolCallStream({
            id: recId,
            model: MINI_SNAPSHOT,
            fingerprint: 'fp_5c1a7e3b9d',
            serviceTier: 'default',
            obfuscate: true,
            calls: [{ id: callId, name: 'convert_currency', arguments: args }],
            usage: usage(118, 24, true),
            sizes: [1, 6, 2, 5, 3, 8],
          }),
  });
  const turn2 = {
    ...base,
    messages: [
      AGENT_SYSTEM,
      AGENT_USER,
      { role: 'assistant', content: '', tool_calls: [{ id: callId, type: 'function', function: { name: 'convert_currency', arguments: args } }] },
      { role: 'tool', tool_call_id: callId, content: CURRENCY_RESULT },
    ],
  };
  const answer = isOllama
    ? '250 euros is about **40,712.50 Japanese yen**, using today\u2019s reference rate of 162.85 JPY per EUR.'
    : '250 EUR \u2248 **\u00a540,712.50** (rate: 1 EUR = 162.85 JPY).';
  inference({
    suite: 'agents',
    kind: isOllama ? 'chat_completion' : 'chat_completion_stream',
    testId,
    url,
    endpoint: '/v1/chat/completions',
    model,
    providerMetadata: isOllama ? undefined : OPENAI_META,
    body: turn2,
    isStreaming: !isOllama,
    makeBody: ({ recId }) =>
      isOllama
        ? chatCompletion({ id: recId, model, fingerprint: 'fp_ollama', message: { content: answer }, usage: usage(298, 27) })
        : textStream({ id: recId, model: MINI_SNAPSHOT, fingerprint: 'fp_5c1a7e3b9d', serviceTier: 'default', obfuscate: true, text: answer, usage: usage(161, 21, true) }),
  });
}

// ---------------------------------------------------------------------------
// responses suite: web_search story, Google GenAI, file processor
// ---------------------------------------------------------------------------

{
  const testId = `${I}/responses/test_tool_responses.py::test_response_web_search_then_answer[openai_client-${P.openai}-paris_weather]`;
  const user = { role: 'user', content: "What's the weather like in Paris today? Search the web before answering." };
  const base = { model: MINI, messages: [user], parallel_tool_calls: true, stream: true, stream_options: { include_usage: true }, tools: [WEB_SEARCH_TOOL] };
  const callId = `call_${fakeId(testId + ':ws', 24, ALNUM)}`;
  const args = '{"query":"Paris weather today"}';
  inference({
    suite: 'responses',
    kind: 'chat_completion_stream:tool_calls',
    testId,
    url: `${OPENAI_V1}/chat/completions`,
    endpoint: '/v1/chat/completions',
    model: MINI,
    providerMetadata: OPENAI_META,
    body: base,
    isStreaming: true,
    makeBody: ({ recId }) =>
      toolCallStream({
        id: recId,
        model: MINI_SNAPSHOT,
        fingerprint: 'fp_5c1a7e3b9d',
        serviceTier: 'default',
        obfuscate: true,
        calls: [{ id: callId, name: 'web_search', arguments: args }],
        usage: usage(74, 17, true),
      }),
  });
  const searchResult = JSON.stringify({
    query: 'Paris weather today',
    top_k: [
      {
        url: 'https://weather.example.org/fr/paris',
        title: 'Paris, France \u2013 hourly forecast',
        content: 'Today: light showers in the morning, clearing by mid-afternoon. High 19\u00b0C, low 12\u00b0C. Wind NW 15 km/h.',
        score: 0.93,
        raw_content: null,
      },
      {
        url: 'https://news.example.com/paris-weekend-weather',
        title: 'A mild, damp end to the week in the capital',
        content: 'Forecasters expect a few more showers before a drier, sunnier weekend with temperatures near 21\u00b0C.',
        score: 0.81,
        raw_content: null,
      },
    ],
  });
  toolInvocation({
    suite: 'responses',
    kind: 'tool_invocation',
    testId,
    provider: 'tavily',
    toolName: 'web_search',
    kwargs: { query: 'Paris weather today' },
    type: 'ogx_api.tools.ToolInvocationResult',
    result: { content: searchResult, error_message: null, error_code: null, metadata: null },
  });
  inference({
    suite: 'responses',
    kind: 'chat_completion_stream',
    testId,
    url: `${OPENAI_V1}/chat/completions`,
    endpoint: '/v1/chat/completions',
    model: MINI,
    providerMetadata: OPENAI_META,
    body: {
      ...base,
      messages: [
        user,
        { role: 'assistant', content: '', tool_calls: [{ id: callId, type: 'function', function: { name: 'web_search', arguments: args } }] },
        { role: 'tool', tool_call_id: callId, content: searchResult },
      ],
    },
    isStreaming: true,
    makeBody: ({ recId }) =>
      textStream({
        id: recId,
        model: MINI_SNAPSHOT,
        fingerprint: 'fp_5c1a7e3b9d',
        serviceTier: 'default',
        obfuscate: true,
        text:
          'Paris today: light showers this morning, clearing by mid-afternoon.\n\n' +
          '- **High:** 19\u00b0C\n- **Low:** 12\u00b0C\n- **Wind:** north-west, about 15 km/h\n\n' +
          'Take an umbrella for the morning; the weekend looks drier and a little warmer.',
        usage: usage(263, 58, true),
      }),
  });
}

// Google GenAI generate_content_stream with thought parts and a function call.
const GOOGLE_HEADERS = (date) => ({
  headers: {
    'Content-Type': 'text/event-stream',
    'Content-Disposition': 'attachment',
    Vary: 'Origin, X-Origin, Referer',
    'Transfer-Encoding': 'chunked',
    Date: date,
    Server: 'scaffolding on HTTPServer2',
  },
});

function googleChunk({ parts, finish, date, createTime, modelVersion, responseId, usageMetadata }) {
  const candidate = { content: { parts, role: 'model' } };
  if (finish) candidate.finish_reason = finish;
  return {
    sdk_http_response: GOOGLE_HEADERS(date),
    candidates: [candidate],
    create_time: createTime,
    model_version: modelVersion,
    response_id: responseId,
    usage_metadata: usageMetadata ?? { traffic_type: 'ON_DEMAND' },
  };
}

{
  const model = 'publishers/google/models/gemini-2.5-flash';
  const testId = `${I}/responses/test_tool_responses.py::test_response_function_call_weather[client_with_models-txt=vertexai/${model}-paris_weather]`;
  const common = { date: 'Tue, 12 Aug 2025 14:03:27 GMT', createTime: '2025-08-12T14:03:26.418207Z', modelVersion: 'gemini-2.5-flash' };
  inference({
    suite: 'responses',
    kind: 'google:generate_content_stream',
    testId,
    url: 'vertexai:///generate_content_stream',
    endpoint: '/generate_content_stream',
    model,
    providerMetadata: { provider: 'vertexai' },
    body: {
      model,
      contents: [{ role: 'user', parts: [{ text: "What's the weather like in Paris right now?" }] }],
      config: {
        thinking_config: { include_thoughts: true },
        tools: [
          {
            function_declarations: [
              {
                description: 'Get the current weather for a city.',
                name: 'get_weather',
                parameters_json_schema: {
                  additionalProperties: false,
                  properties: { location: { description: 'City and country, e.g. Lyon, France', type: 'string' } },
                  required: ['location'],
                  type: 'object',
                },
              },
            ],
          },
        ],
      },
    },
    isStreaming: true,
    mapping: {},
    makeBody: ({ hash }) => {
      const responseId = fakeId(hash, 23, ALNUM + '-_');
      const c = { ...common, responseId };
      return [
        googleChunk({ ...c, parts: [{ text: '**Checking the tool list**\n\nThe user wants live weather for Paris. ', thought: true }] }),
        googleChunk({ ...c, parts: [{ text: 'I have a get_weather function that takes a location, so I should call it with "Paris, France" instead of guessing.', thought: true }] }),
        googleChunk({ ...c, parts: [{ text: "I'll look up the current conditions in Paris for you." }] }),
        googleChunk({
          ...c,
          finish: 'STOP',
          parts: [{ function_call: { args: { location: 'Paris, France' }, name: 'get_weather' }, thought_signature: Buffer.from(`sig:${hash.slice(0, 24)}`).toString('base64') }],
          usageMetadata: {
            candidates_token_count: 31,
            candidates_tokens_details: [{ modality: 'TEXT', token_count: 31 }],
            prompt_token_count: 58,
            prompt_tokens_details: [{ modality: 'TEXT', token_count: 58 }],
            thoughts_token_count: 64,
            total_token_count: 153,
            traffic_type: 'ON_DEMAND',
          },
        }),
      ];
    },
  });
}

{
  const model = 'publishers/google/models/gemini-2.0-flash';
  const contents = [{ role: 'user', parts: [{ text: 'Name the largest ocean on Earth and give one fact about it.' }] }];
  const answer = [
    'The largest ocean on Earth is the',
    ' **Pacific Ocean**. It covers roughly',
    ' a third of the planet\u2019s surface \u2014 more than all of the land',
    ' combined \u2014 and contains the Mariana Trench, the deepest known point in any ocean.\n',
  ];
  const usageMetadata = {
    candidates_token_count: 46,
    candidates_tokens_details: [{ modality: 'TEXT', token_count: 46 }],
    prompt_token_count: 13,
    prompt_tokens_details: [{ modality: 'TEXT', token_count: 13 }],
    total_token_count: 59,
    traffic_type: 'ON_DEMAND',
  };
  const common = { date: 'Tue, 12 Aug 2025 14:05:02 GMT', createTime: '2025-08-12T14:05:01.902113Z', modelVersion: 'gemini-2.0-flash' };
  inference({
    suite: 'responses',
    kind: 'google:generate_content_stream',
    testId: `${I}/responses/test_basic_responses.py::test_response_streaming_basic[client_with_models-txt=vertexai/${model}-largest_ocean]`,
    url: 'vertexai:///generate_content_stream',
    endpoint: '/generate_content_stream',
    model,
    providerMetadata: { provider: 'vertexai' },
    body: { model, contents, config: {} },
    isStreaming: true,
    makeBody: ({ hash }) => {
      const responseId = fakeId(hash, 23, ALNUM + '-_');
      return answer.map((text, i) =>
        googleChunk({ ...common, responseId, parts: [{ text }], finish: i === answer.length - 1 ? 'STOP' : undefined, usageMetadata: i === answer.length - 1 ? usageMetadata : undefined }),
      );
    },
  });
  inference({
    suite: 'responses',
    kind: 'google:generate_content',
    testId: `${I}/responses/test_basic_responses.py::test_response_non_streaming_basic[client_with_models-txt=vertexai/${model}-largest_ocean]`,
    url: 'vertexai:///generate_content',
    endpoint: '/generate_content',
    model,
    providerMetadata: { provider: 'vertexai' },
    body: { model, contents, config: {} },
    isStreaming: false,
    makeBody: ({ hash }) => {
      const c = googleChunk({
        ...common,
        responseId: fakeId(hash, 23, ALNUM + '-_'),
        parts: [{ text: answer.join('') }],
        finish: 'STOP',
        usageMetadata,
      });
      c.sdk_http_response.headers['Content-Type'] = 'application/json; charset=UTF-8';
      return c;
    },
  });
}

// File processor recording.
{
  const testId = `${I}/responses/test_file_search.py::test_response_file_search_uploaded_pdf[openai_client-${P.openai}:emb=ollama/${MINILM}:dim=384-renovation_plan]`;
  const fileId = `file-${fakeId(testId, 12, '0123456789')}`;
  const docId = fakeId(testId + ':doc', 32, '0123456789abcdef').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
  const chunkIds = [0, 1].map((i) => fakeId(`${testId}:chunk${i}`, 32, '0123456789abcdef').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5'));
  const texts = [
    'Kitchen renovation plan\nPhase 1 \u2013 Demolition (week 1)\nRemove the old cabinets and worktops, cap the water supply and disconnect the cooker.\nSkip hire is booked for Monday morning.',
    'Phase 2 \u2013 Electrics and plumbing (weeks 2\u20133)\nAdd four double sockets above the new worktop and move the sink 60 cm to the left.\nBudget: \u20ac4,800 including materials. Contingency: 10%.',
  ];
  const tokenCounts = [44, 49];
  const hash = requestHash({ test_id: testId, provider: 'pypdf', api: 'file_processors', file_id: fileId });
  const rec = {
    test_id: testId,
    request: { test_id: testId, provider: 'pypdf', api: 'file_processors', file_id: fileId },
    response: {
      body: typed('llama_stack_api.file_processors.models.ProcessFileResponse', {
        chunks: texts.map((content, i) => ({
          content,
          chunk_id: chunkIds[i],
          metadata: {
            document_id: docId,
            filename: 'kitchen-renovation-plan.pdf',
            page_count: 2,
            title: 'Kitchen renovation plan',
            file_id: fileId,
            chunk_id: chunkIds[i],
            token_count: tokenCounts[i],
            metadata_token_count: 61,
            chunk_tokenizer: 'tiktoken:cl100k_base',
          },
          chunk_metadata: {
            chunk_id: chunkIds[i],
            document_id: docId,
            source: null,
            created_timestamp: 1754992800,
            updated_timestamp: 1754992800,
            chunk_window: i === 0 ? '0-44' : '44-93',
            chunk_tokenizer: 'tiktoken:cl100k_base',
            content_token_count: tokenCounts[i],
            metadata_token_count: 61,
          },
        })),
        metadata: { processor: 'pypdf', processing_time_ms: 38, page_count: 2, extraction_method: 'pypdf', file_size_bytes: 21_416, title: 'Kitchen renovation plan' },
      }),
      is_streaming: false,
    },
    id_normalization_mapping: {},
  };
  files.push({ path: recPath('responses', hash), data: toRecordingJson(rec), kind: 'file_processor' });
}

// ---------------------------------------------------------------------------
// messages suite (Anthropic-style /v1/messages passthrough)
// ---------------------------------------------------------------------------

const MESSAGES_URL = 'http://0.0.0.0:11434/v1/messages';
const MSG_TEST = `${I}/messages/test_messages.py`;
const ANTHROPIC_WEATHER_TOOL = {
  name: 'get_weather',
  description: 'Get the current weather for a city.',
  input_schema: {
    type: 'object',
    properties: { location: { type: 'string', description: 'City and country' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
    required: ['location'],
  },
};

passthrough({
  suite: 'messages',
  kind: 'messages',
  testId: `${MSG_TEST}::test_messages_tool_use_non_streaming[${P.gptoss}]`,
  url: MESSAGES_URL,
  payload: {
    model: GPT_OSS,
    messages: [{ role: 'user', content: 'Is it warm enough for a picnic in Lisbon today? Check the weather first.' }],
    max_tokens: 512,
    tools: [ANTHROPIC_WEATHER_TOOL],
    tool_choice: { type: 'auto' },
    stream: false,
  },
  status: 200,
  isStreaming: false,
  body: ({ hash }) => ({
    id: `msg_${fakeId(hash, 24, '0123456789abcdef')}`,
    type: 'message',
    role: 'assistant',
    model: GPT_OSS,
    content: [
      { type: 'thinking', thinking: 'The user asks about picnic weather in Lisbon. I should call get_weather with Lisbon, Portugal, in celsius.' },
      { type: 'text', text: 'Let me check the current weather in Lisbon.' },
      { type: 'tool_use', id: `call_${fakeId(hash + 'tu', 8)}`, name: 'get_weather', input: { location: 'Lisbon, Portugal', unit: 'celsius' } },
    ],
    stop_reason: 'tool_use',
    usage: { input_tokens: 171, output_tokens: 58 },
  }),
});

{
  const testId = `${MSG_TEST}::test_messages_tool_use_streaming[${P.gptoss}]`;
  const payload = {
    model: GPT_OSS,
    messages: [{ role: 'user', content: 'Is it warm enough for a picnic in Lisbon today? Check the weather first.' }],
    max_tokens: 512,
    tools: [ANTHROPIC_WEATHER_TOOL],
    tool_choice: { type: 'auto' },
    stream: true,
  };
  passthrough({
    suite: 'messages',
    kind: 'messages_sse',
    testId,
    url: MESSAGES_URL,
    payload,
    isStreaming: true,
    body: ({ hash }) => {
      const ev = [];
      ev.push([
        'message_start',
        { type: 'message_start', message: { id: `msg_${fakeId(hash, 24, '0123456789abcdef')}`, type: 'message', role: 'assistant', model: GPT_OSS, content: [], usage: { input_tokens: 171, output_tokens: 0 } } },
      ]);
      ev.push(['content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '' } }]);
      for (const t of tokenize('Picnic weather question. I need live data, so call get_weather for Lisbon in celsius.')) {
        ev.push(['content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: t } }]);
      }
      ev.push(['content_block_stop', { type: 'content_block_stop', index: 0 }]);
      ev.push(['content_block_start', { type: 'content_block_start', index: 1, content_block: { type: 'text', text: '' } }]);
      for (const t of tokenize('Let me check the current weather in Lisbon.')) {
        ev.push(['content_block_delta', { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: t } }]);
      }
      ev.push(['content_block_stop', { type: 'content_block_stop', index: 1 }]);
      ev.push([
        'content_block_start',
        { type: 'content_block_start', index: 2, content_block: { type: 'tool_use', id: `call_${fakeId(hash + 'tu', 8)}`, name: 'get_weather', input: {} } },
      ]);
      for (const frag of fragments('{"location": "Lisbon, Portugal", "unit": "celsius"}', [3, 9, 5, 11, 4, 7])) {
        ev.push(['content_block_delta', { type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: frag } }]);
      }
      ev.push(['content_block_stop', { type: 'content_block_stop', index: 2 }]);
      ev.push(['message_delta', { type: 'message_delta', delta: { stop_reason: 'tool_use' }, usage: { input_tokens: 171, output_tokens: 61 } }]);
      ev.push(['message_stop', { type: 'message_stop' }]);
      return sse(ev);
    },
  });
}

passthrough({
  suite: 'messages',
  kind: 'messages',
  testId: `${MSG_TEST}::TestMessagesBasics::test_system_prompt_is_respected[${P.gptoss}]`,
  url: MESSAGES_URL,
  payload: {
    model: GPT_OSS,
    system: 'You are a pirate. Answer every question in pirate speak, in one or two lines.',
    messages: [{ role: 'user', content: 'What is the capital of France?' }],
    max_tokens: 256,
    stream: false,
  },
  status: 200,
  isStreaming: false,
  body: ({ hash }) => ({
    id: `msg_${fakeId(hash, 24, '0123456789abcdef')}`,
    type: 'message',
    role: 'assistant',
    model: GPT_OSS,
    content: [
      { type: 'thinking', thinking: 'Pirate voice. Capital of France is Paris. Keep it to two lines.' },
      { type: 'text', text: "  Arr, the capital o' France be Paris, matey!\n  Ye'll find it moored on the banks o' the Seine.  \n" },
    ],
    stop_reason: 'end_turn',
    usage: { input_tokens: 52, output_tokens: 47 },
  }),
});

passthrough({
  suite: 'messages',
  kind: 'http_error',
  testId: `${MSG_TEST}::TestMessagesValidation::test_missing_max_tokens_is_rejected[${P.gptoss}]`,
  url: MESSAGES_URL,
  payload: { model: GPT_OSS, messages: [{ role: 'user', content: 'Say hello.' }], stream: false },
  status: 400,
  isStreaming: false,
  body: ({ hash }) => ({
    type: 'error',
    error: { type: 'invalid_request_error', message: 'max_tokens: Field required' },
    request_id: `req_${fakeId(hash, 24, '0123456789abcdef')}`,
  }),
});

// ---------------------------------------------------------------------------
// interactions suite (Google /interactions passthrough)
// ---------------------------------------------------------------------------

const INTERACTIONS_URL = 'https://generativelanguage.googleapis.com/v1beta/interactions';
const INT_TEST = `${I}/interactions/test_interactions.py`;
const GEMINI = 'gemini-2.5-flash-lite';
const interactionId = (seed) => 'v1_' + fakeId(seed, 70, ALNUM);
const thoughtSig = (seed) => Buffer.from(fakeId(seed, 36, '0123456789abcdef-')).toString('base64');
const interactionUsage = (input, output, thought = 0) => ({
  total_tokens: input + output + thought,
  total_input_tokens: input,
  input_tokens_by_modality: [{ modality: 'text', tokens: input }],
  total_cached_tokens: 0,
  total_output_tokens: output,
  total_tool_use_tokens: 0,
  total_thought_tokens: thought,
});

passthrough({
  suite: 'interactions',
  kind: 'interactions',
  testId: `${INT_TEST}::test_interactions_non_streaming_basic[txt=gemini/${GEMINI}]`,
  url: INTERACTIONS_URL,
  payload: { model: GEMINI, input: 'What is the capital of France? One sentence, please.', stream: false },
  status: 200,
  isStreaming: false,
  body: ({ hash }) => ({
    id: interactionId(hash),
    status: 'completed',
    outputs: [
      { signature: thoughtSig(hash), type: 'thought' },
      { text: 'The capital of France is Paris.', type: 'text' },
    ],
    usage: interactionUsage(14, 7),
    role: 'model',
    created: '2025-08-12T14:10:44Z',
    updated: '2025-08-12T14:10:44Z',
    service_tier: 'standard',
    object: 'interaction',
    model: GEMINI,
  }),
});

passthrough({
  suite: 'interactions',
  kind: 'interactions',
  testId: `${INT_TEST}::test_interactions_tool_calling[txt=gemini/${GEMINI}]`,
  url: INTERACTIONS_URL,
  payload: {
    model: GEMINI,
    input: 'What is the weather in Lisbon right now? Use the get_weather tool.',
    tools: [
      {
        type: 'function',
        name: 'get_weather',
        description: 'Get the current weather for a city.',
        parameters: { type: 'object', properties: { location: { type: 'string', description: 'City name' } }, required: ['location'] },
      },
    ],
    stream: false,
  },
  status: 200,
  isStreaming: false,
  body: ({ hash }) => ({
    id: interactionId(hash),
    status: 'requires_action',
    outputs: [
      { signature: thoughtSig(hash), type: 'thought' },
      { name: 'get_weather', arguments: { location: 'Lisbon' }, type: 'function_call', id: fakeId(hash + 'fc', 8) },
    ],
    usage: interactionUsage(61, 14),
    role: 'model',
    created: '2025-08-12T14:11:09Z',
    updated: '2025-08-12T14:11:09Z',
    service_tier: 'standard',
    object: 'interaction',
    model: GEMINI,
  }),
});

passthrough({
  suite: 'interactions',
  kind: 'interactions_sse',
  testId: `${INT_TEST}::test_interactions_streaming_basic[txt=gemini/${GEMINI}]`,
  url: INTERACTIONS_URL,
  payload: { model: GEMINI, input: 'Tell me a one-sentence fun fact about octopuses.', stream: true },
  isStreaming: true,
  body: ({ hash }) => {
    const id = interactionId(hash);
    const ev = [];
    ev.push(['interaction.start', { interaction: { id, status: 'in_progress', object: 'interaction', model: GEMINI }, event_type: 'interaction.start' }]);
    ev.push(['interaction.status_update', { interaction_id: id, status: 'in_progress', event_type: 'interaction.status_update' }]);
    ev.push(['content.start', { index: 0, content: { type: 'thought' }, event_type: 'content.start' }]);
    ev.push(['content.delta', { index: 0, delta: { signature: thoughtSig(hash), type: 'thought_signature' }, event_type: 'content.delta' }]);
    ev.push(['content.stop', { index: 0, event_type: 'content.stop' }]);
    ev.push(['content.start', { index: 1, content: { type: 'text' }, event_type: 'content.start' }]);
    for (const text of ['Octopuses have', ' three hearts: two pump blood through the gills,', ' and the third keeps it moving', ' around the rest of the body.']) {
      ev.push(['content.delta', { index: 1, delta: { text, type: 'text' }, event_type: 'content.delta' }]);
    }
    ev.push(['content.stop', { index: 1, event_type: 'content.stop' }]);
    ev.push([
      'interaction.complete',
      {
        interaction: {
          id,
          status: 'completed',
          usage: interactionUsage(11, 27),
          role: 'model',
          created: '2025-08-12T14:12:30Z',
          updated: '2025-08-12T14:12:31Z',
          service_tier: 'standard',
          object: 'interaction',
          model: GEMINI,
        },
        event_type: 'interaction.complete',
      },
    ]);
    ev.push(['done', '[DONE]']);
    return sse(ev);
  },
});

// ---------------------------------------------------------------------------
// tool_runtime suite
// ---------------------------------------------------------------------------

// Older era: no top-level test_id, only request.test_id.
toolInvocation({
  suite: 'tool_runtime',
  kind: 'tool_invocation',
  testId: `${I}/tool_runtime/test_builtin_tools.py::test_web_search_tool`,
  provider: 'tavily',
  toolName: 'web_search',
  kwargs: { query: 'latest stable Python release' },
  type: 'llama_stack.apis.tools.ToolInvocationResult',
  topLevelTestId: false,
  result: {
    content: JSON.stringify({
      query: 'latest stable Python release',
      top_k: [
        {
          url: 'https://docs.example.org/python/releases',
          title: 'Release notes \u2013 Python',
          content: 'The release page lists every stable version with its changelog, download links and end-of-life date.',
          score: 0.88,
          raw_content: null,
        },
      ],
    }),
    error_message: null,
    error_code: null,
    metadata: null,
  },
});

toolInvocation({
  suite: 'tool_runtime',
  kind: 'tool_invocation',
  testId: `${I}/tool_runtime/test_builtin_tools.py::TestWebSearch::test_provider_error_is_reported`,
  provider: 'tavily',
  toolName: 'web_search',
  kwargs: { query: 'population of Reykjavik' },
  type: 'llama_stack_api.tools.ToolInvocationResult',
  result: {
    content: null,
    error_message: 'Search provider returned HTTP 429: rate limit exceeded, retry after 30 seconds',
    error_code: 429,
    metadata: null,
  },
});

// ---------------------------------------------------------------------------
// common/recordings: session setup (test_id null)
// ---------------------------------------------------------------------------

modelList({
  url: OLLAMA_V1,
  models: [
    [GPT_OSS, 1754311205, 'library'],
    [LLAMA, 1752046311, 'library'],
    ['llama3.2-vision:11b', 1751380944, 'library'],
    [MINILM, 1749822310, 'library'],
    ['nomic-embed-text:latest', 1749822102, 'library'],
  ],
});

modelList({
  url: OPENAI_V1,
  models: [
    ['gpt-4o-mini', 1721172741, 'system'],
    ['gpt-4o-mini-2024-07-18', 1721172717, 'system'],
    ['gpt-4o', 1715367049, 'system'],
    ['text-embedding-3-small', 1705948997, 'system'],
    ['omni-moderation-latest', 1731689265, 'system'],
  ],
});

function ollamaModelEntry(name, family, parameterSize, quant, size, extra) {
  return {
    model: name,
    ...extra,
    digest: sha256Hex(`ollama-model:${name}`),
    size,
    details: { parent_model: '', format: 'gguf', family, families: [family], parameter_size: parameterSize, quantization_level: quant },
  };
}

{
  const endpoint = '/api/tags';
  const body = {};
  const hash = requestHash({ method: 'POST', endpoint, body, test_id: null });
  const rec = {
    test_id: null,
    request: { method: 'POST', url: `${OLLAMA_NATIVE}/api/tags`, headers: {}, body, endpoint, model: '', provider_metadata: { ollama_sdk_version: '0.5.3' } },
    response: {
      body: typed(T.ollamaList, {
        models: [
          ollamaModelEntry(GPT_OSS, 'gptoss', '20.9B', 'MXFP4', 13_780_173_839, { modified_at: '2025-08-04T14:40:05.118203+02:00' }),
          ollamaModelEntry(LLAMA, 'llama', '3.2B', 'F16', 6_433_703_586, { modified_at: '2025-07-09T09:31:51.602715+02:00' }),
          ollamaModelEntry('llama3.2-vision:11b', 'mllama', '10.7B', 'Q4_K_M', 7_816_589_186, { modified_at: '2025-07-01T16:42:24.877019+02:00' }),
          ollamaModelEntry(MINILM, 'bert', '23M', 'F16', 45_960_996, { modified_at: '2025-06-13T15:45:10.330455+02:00' }),
        ],
      }),
      is_streaming: false,
    },
    id_normalization_mapping: {},
  };
  files.push({ path: recPath('common', hash), data: toRecordingJson(rec), kind: 'ollama:/api/tags' });
}

{
  const endpoint = '/api/ps';
  const body = {};
  const hash = requestHash({ method: 'POST', endpoint, body, test_id: null });
  const rec = {
    test_id: null,
    request: { method: 'POST', url: `${OLLAMA_NATIVE}/api/ps`, headers: {}, body, endpoint, model: '', provider_metadata: { ollama_sdk_version: '0.5.3' } },
    response: {
      body: typed(T.ollamaPs, {
        models: [
          {
            ...ollamaModelEntry(LLAMA, 'llama', '3.2B', 'F16', 8_160_149_504, { name: LLAMA }),
            expires_at: '2025-08-14T10:46:12.480137+02:00',
            size_vram: 8_160_149_504,
          },
        ],
      }),
      is_streaming: false,
    },
    id_normalization_mapping: {},
  };
  files.push({ path: recPath('common', hash), data: toRecordingJson(rec), kind: 'ollama:/api/ps' });
}

// ---------------------------------------------------------------------------
// Non-recording files
// ---------------------------------------------------------------------------

files.push({
  path: `${I}/ci_matrix.json`,
  kind: 'not_a_recording',
  data:
    JSON.stringify(
      {
        default: [
          { suite: 'base', setup: 'ollama' },
          { suite: 'vision', setup: 'ollama-vision' },
          { suite: 'responses', setup: 'gpt' },
          { suite: 'messages', setup: 'ollama-reasoning' },
          { suite: 'interactions', setup: 'gemini' },
        ],
        schedules: { '0 3 * * *': [{ suite: 'base', setup: 'vllm' }] },
      },
      null,
      2,
    ) + '\n',
});

files.push({
  path: `${I}/recordings/README.md`,
  kind: 'not_a_recording',
  data: `# Test recordings

Integration tests replay recorded provider calls so that CI needs no API keys
and no GPU. Each suite keeps its calls in a \`recordings/\` folder next to the
tests; calls made outside any test (model lists, warm-up) live in
\`common/recordings/\`.

One JSON file per call. The file name is the SHA-256 of the normalized request
(method, endpoint, body and test id), so a changed prompt produces a new file.

- \`test_id\` is the pytest node id of the test that made the call (\`null\` for
  session setup).
- \`request\` is what was sent, \`response.body\` what came back: a list of chunks
  when \`response.is_streaming\` is true.
- Ids and timestamps are normalized (\`rec-<hash>\`, \`created: 0\`) to keep diffs
  small.

To re-record, run the suite with \`--inference-mode=record-if-missing\` against a
live provider and commit the new files.

These sample files were written by \`scripts/generate-samples.mjs\`; their
prompts and answers are invented.
`,
});

// ---------------------------------------------------------------------------
// Write, verify, manifest
// ---------------------------------------------------------------------------

// VCR cassettes (Python vcrpy, Ruby VCR) beside the recordings: one mixed folder.
files.push(...cassetteSamples());

removeTree(OUT);
files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
const written = writeFiles(OUT, files);

for (const f of files) {
  if (!f.path.endsWith('.json')) continue;
  const parsed = JSON.parse(readFileSync(join(OUT, f.path), 'utf8'));
  if (f.kind !== 'not_a_recording' && (!parsed.request || !parsed.response)) throw new Error(`bad recording ${f.path}`);
}

const manifest = { name: 'llama-stack samples', files: written.map(({ path, size }) => ({ path, size })) };
writeFileSync(join(OUT, '..', 'samples.manifest.json'), JSON.stringify(manifest, null, 2) + '\n');

const counts = new Map();
for (const f of files) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
const suites = new Set(files.filter((f) => f.path.includes('/recordings/') && f.kind !== 'not_a_recording').map((f) => f.path.split('/')[2]));
const total = written.reduce((s, f) => s + f.size, 0);
console.log(
  `samples: ${files.length} files (${files.filter((f) => f.path.endsWith('.json') && f.kind !== 'not_a_recording').length} recordings in ${suites.size} folders, ${counts.get('cassette') ?? 0} cassettes, ${(total / 1024).toFixed(1)} KiB) -> ${OUT} | ` +
    [...counts].sort().map(([k, n]) => `${k}=${n}`).join(' '),
);
