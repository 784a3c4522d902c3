import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRecording } from './parseRecording';
import { chatChunk, chatStream, inference, passthrough, sdk, TEST_ID, toJson, type Envelope } from '../../../testing/recordings';
import type { ParseResult } from './types';

/** One valid recording per major shape, as seeds for mutation. */
const SEEDS: Envelope[] = [
  chatStream([
    chatChunk({ role: 'assistant', content: 'Hi' }),
    chatChunk({ tool_calls: [{ index: 0, id: 'c', function: { name: 'f', arguments: '{"a":' } }] }),
    chatChunk({ tool_calls: [{ index: 0, function: { arguments: '1}' } }] }),
  ]),
  inference('/v1/chat/completions', { model: 'm', messages: [{ role: 'user', content: [{ type: 'text', text: 'x' }] }], tools: [{ type: 'function', function: { name: 'f' } }] }, {
    body: sdk('openai.types.chat.chat_completion.ChatCompletion', { choices: [{ index: 0, message: { content: 'ok', tool_calls: [{ id: 'a', function: { name: 'f', arguments: '{}' } }] } }] }),
    is_streaming: false,
  }),
  inference('/v1/embeddings', { model: 'e', input: ['a'] }, { body: sdk('CreateEmbeddingResponse', { data: [{ embedding: [0.1, 0.2] }] }), is_streaming: false }),
  inference('/api/chat', { model: 'm', messages: [] }, { body: [sdk('ollama._types.ChatResponse', { created_at: '2025-01-01T00:00:00.123456789Z', message: { content: 'a' }, done: true })], is_streaming: true }),
  inference('/generate_content_stream', { contents: [{ role: 'user', parts: [{ text: 'x' }] }] }, {
    body: [{ candidates: [{ content: { parts: [{ text: 'y' }, { function_call: { name: 'f', args: {} } }] } }], create_time: '2026-01-01T00:00:00Z' }],
    is_streaming: true,
  }),
  passthrough('http://h/v1/messages', { messages: [{ role: 'user', content: 'x' }] }, {
    body: ['event: content_block_delta', 'data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"a"}}', ''],
    is_streaming: true,
  }),
  passthrough('https://h/v1beta/interactions', { input: 'x' }, { status: 400, body: { error: { message: 'no' } }, is_streaming: false }),
  { test_id: TEST_ID, request: { tool_name: 'web_search', kwargs: { q: 1 } }, response: { body: sdk('ToolInvocationResult', { content: '{}' }) } },
  { test_id: null, request: { api: 'file_processors', file_id: 'f' }, response: { body: sdk('ProcessFileResponse', { chunks: [{ content: 'a' }] }) } },
  inference('/v1/chat/completions', { model: 'm' }, { body: null, is_exception: true, exception_data: { type: 'E' }, exception_message: 'boom' }),
];

function expectWellFormed(result: ParseResult): void {
  if (result.ok) {
    const r = result.recording;
    expect(typeof r.response.text).toBe('string');
    expect(typeof r.kindLabel).toBe('string');
    if (r.stream) {
      expect(r.stream.chunks.length).toBe(r.chunkCount);
      expect(r.stream.textEnd.length).toBe(r.chunkCount);
      if (r.chunkCount > 0) expect(r.stream.textEnd[r.chunkCount - 1]).toBe(r.response.text.length);
    }
  } else {
    expect(typeof result.error.reason).toBe('string');
    expect(result.error.reason.length).toBeGreaterThan(0);
  }
}

/** Every container path in a value, breadth-first and depth-bounded, without recursion. */
function containerPaths(root: unknown, maxDepth = 12): (string | number)[][] {
  const out: (string | number)[][] = [];
  const queue: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
  while (queue.length > 0) {
    const { value, path } = queue.shift()!;
    if (typeof value !== 'object' || value === null || path.length > maxDepth) continue;
    out.push(path);
    const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    for (const key of keys) queue.push({ value: (value as Record<string | number, unknown>)[key], path: [...path, key] });
  }
  return out;
}

function at(root: unknown, path: (string | number)[]): Record<string | number, unknown> {
  let node = root as Record<string | number, unknown>;
  for (const key of path) node = node[key] as Record<string | number, unknown>;
  return node;
}

type Mutation =
  | { op: 'delete'; target: number; key: number }
  | { op: 'replace'; target: number; key: number; value: unknown };

function applyMutation(root: unknown, m: Mutation): void {
  const paths = containerPaths(root);
  const container = at(root, paths[m.target % paths.length]!);
  const keys = Array.isArray(container) ? container.map((_, i) => i) : Object.keys(container);
  if (keys.length === 0) return;
  const key = keys[m.key % keys.length]!;
  if (m.op === 'delete') {
    if (Array.isArray(container)) container.splice(key as number, 1);
    else delete container[key];
  } else {
    container[key] = m.value;
  }
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), target: fc.nat(), key: fc.nat() }),
  fc.record({ op: fc.constant('replace' as const), target: fc.nat(), key: fc.nat(), value: fc.jsonValue({ maxDepth: 3 }) }),
);

describe('parseRecording never throws', () => {
  it('on structurally mutated recordings', () => {
    fc.assert(
      fc.property(fc.nat(SEEDS.length - 1), fc.array(mutation, { minLength: 1, maxLength: 6 }), (seed, mutations) => {
        const value = JSON.parse(toJson(SEEDS[seed])) as unknown;
        for (const m of mutations) applyMutation(value, m);
        expectWellFormed(parseRecording(JSON.stringify(value), 'm.json'));
      }),
      { numRuns: 1500 },
    );
  });

  it('on truncated text', () => {
    fc.assert(
      fc.property(fc.nat(SEEDS.length - 1), fc.double({ min: 0, max: 1, noNaN: true }), (seed, fraction) => {
        const text = toJson(SEEDS[seed]);
        expectWellFormed(parseRecording(text.slice(0, Math.floor(text.length * fraction)), 't.json'));
      }),
      { numRuns: 500 },
    );
  });

  it('on text with inserted bytes', () => {
    fc.assert(
      fc.property(
        fc.nat(SEEDS.length - 1),
        fc.nat(),
        fc.oneof(fc.string({ maxLength: 8 }), fc.uint8Array({ maxLength: 8 }).map((bytes) => String.fromCharCode(...bytes))),
        (seed, position, inserted) => {
          const text = toJson(SEEDS[seed]);
          const at = position % (text.length + 1);
          expectWellFormed(parseRecording(text.slice(0, at) + inserted + text.slice(at), 'i.json'));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        expectWellFormed(parseRecording(JSON.stringify(value) ?? '', 'j.json'));
        expectWellFormed(parseRecording(JSON.stringify({ request: value, response: value }), 'j.json'));
        expectWellFormed(parseRecording(JSON.stringify({ request: { endpoint: '/v1/chat/completions', body: value }, response: { body: value, is_streaming: true } }), 'j.json'));
      }),
      { numRuns: 500 },
    );
  });
});

describe('scale', () => {
  it('reads a 3,000-level nested request body', () => {
    const depth = 3000;
    const nested = '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    const list = '['.repeat(depth) + '"x"' + ']'.repeat(depth);
    const text = `{"test_id":null,"request":{"endpoint":"/v1/chat/completions","body":{"model":"m","messages":[{"role":"user","content":[{"type":"deep","v":${nested}}]},{"role":"assistant","tool_calls":[{"function":{"name":"f","arguments":${nested}}}]}],"tools":[{"function":{"name":"f","parameters":${list}}}],"extra":${nested}}},"response":{"body":{"__type__":"ChatCompletion","__data__":{"choices":[{"index":0,"message":{"content":"ok","tool_calls":[{"function":{"name":"f","arguments":${nested}}}]}}]}},"is_streaming":false}}`;
    const result = parseRecording(text, 'deep.json');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.recording.response.text).toBe('ok');
    expect(result.recording.response.toolCalls[0]!.arguments.length).toBe(depth * 6 + 1);
    expect(result.recording.request.messages).toHaveLength(2);
  });

  it('rejects or reads absurd nesting without throwing', () => {
    const depth = 200_000;
    const text = `{"request":{"body":${'['.repeat(depth)}${']'.repeat(depth)}},"response":{}}`;
    expectWellFormed(parseRecording(text, 'deeper.json'));
  });

  it('reads a 20,000-chunk stream in linear time', () => {
    const count = 20_000;
    const chunks = [];
    for (let i = 0; i < count; i++) {
      chunks.push(
        i % 100 === 0
          ? chatChunk({ tool_calls: [{ index: Math.floor(i / 5000), function: { name: 'f', arguments: '{' } }] })
          : chatChunk({ content: `t${i % 10}` }),
      );
    }
    const text = JSON.stringify(chatStream(chunks));
    const started = performance.now();
    const result = parseRecording(text, 'long.json');
    const elapsed = performance.now() - started;
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const r = result.recording;
    expect(r.chunkCount).toBe(count);
    expect(r.response.text.length).toBe((count - count / 100) * 2);
    expect(r.stream!.textEnd[count - 1]).toBe(r.response.text.length);
    expect(r.response.toolCalls).toHaveLength(4);
    expect(r.response.toolCalls[0]!.arguments).toBe('{'.repeat(50));
    expect(r.stream!.toolArgsEnd[3]![count - 1]).toBe(50);
    expect(elapsed).toBeLessThan(3000);
  });

  it('reads a 5 MB text quickly', () => {
    const content = 'lorem ipsum dolor sit amet '.repeat(Math.ceil((5 * 1024 * 1024) / 27));
    const text = JSON.stringify(
      inference('/v1/chat/completions', { model: 'm', messages: [{ role: 'user', content }] }, {
        body: sdk('ChatCompletion', { choices: [{ index: 0, message: { content } }] }),
        is_streaming: false,
      }),
    );
    expect(text.length).toBeGreaterThan(10 * 1024 * 1024);
    const started = performance.now();
    const result = parseRecording(text, 'big.json');
    const elapsed = performance.now() - started;
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.recording.response.text.length).toBe(content.length);
    expect(elapsed).toBeLessThan(1500);
  });
});
