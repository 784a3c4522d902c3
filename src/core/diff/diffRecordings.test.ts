import { describe, expect, it } from 'vitest';
import type { Recording, ToolCall } from '../recording/types';
import { diffRecordings, wordDiff } from './diffRecordings';

interface Spec {
  messages?: unknown[];
  params?: Record<string, unknown>;
  text?: string;
  reasoning?: string;
  toolCalls?: ToolCall[];
  finishReason?: string;
  usage?: Record<string, unknown>;
  model?: string;
  chunkCount?: number;
  responseBody?: unknown;
  endpoint?: string;
  error?: Recording['error'];
}

/** A Recording built by hand: the parser is not needed to test the diff. */
function recording(s: Spec = {}): Recording {
  const messages = s.messages ?? [{ role: 'user', content: 'What is the weather in Paris?' }];
  const body = { model: 'gpt-4o', messages, tools: [{ type: 'function', function: { name: 'get_weather' } }], ...s.params };
  return {
    path: 'x.json',
    kind: 'chat.completions',
    kindLabel: 'chat.completions',
    endpoint: s.endpoint ?? '/v1/chat/completions',
    model: 'gpt-4o',
    testId: 't::x',
    testIdParts: null,
    streaming: false,
    chunkCount: s.chunkCount ?? 1,
    request: { method: 'POST', url: 'u', endpoint: s.endpoint ?? '/v1/chat/completions', messages: [], tools: [], params: {}, body },
    response: {
      text: s.text ?? 'It is sunny.',
      reasoning: s.reasoning ?? '',
      toolCalls: s.toolCalls ?? [],
      finishReason: s.finishReason ?? 'stop',
      usage: s.usage ?? { prompt_tokens: 10, completion_tokens: 3 },
      model: s.model ?? 'gpt-4o-2024-08-06',
      body: s.responseBody ?? { id: 'chatcmpl-1', created: 1, choices: [{ message: { content: s.text ?? 'It is sunny.' } }] },
    },
    error: s.error ?? null,
    stream: null,
  };
}

describe('diffRecordings', () => {
  it('reports nothing but noise for two recordings of the same call', () => {
    const d = diffRecordings(
      recording({ responseBody: { id: 'a', created: 1, system_fingerprint: 'fp1', choices: [] } }),
      recording({ responseBody: { id: 'b', created: 2, system_fingerprint: 'fp1', choices: [] } }),
    );
    expect(d.request.changes).toEqual([]);
    expect(d.responseText).toEqual({ changed: false, segments: [{ value: 'It is sunny.' }], approximate: false, similarity: 1 });
    expect(d.responseBody.changes).toEqual([]);
    expect(d.toolCalls).toEqual([]);
    expect(d.reasoning).toBeUndefined();
    expect(d.finishReason).toBeUndefined();
    expect(d.usage).toBeUndefined();
    expect(d.model).toBeUndefined();
    expect(d.chunkCount).toBeUndefined();
    expect(d.error).toBeUndefined();
    expect(d.noiseFieldsChanged).toBe(2);
  });

  it('diffs the request structurally, skipping noise such as tool call ids', () => {
    const turn = (answer: string, callId: string) => [
      { role: 'user', content: 'Weather?' },
      { role: 'assistant', content: '', tool_calls: [{ id: callId, type: 'function', function: { name: 'get_weather', arguments: '{}' } }] },
      { role: 'tool', tool_call_id: 'call_x', content: answer },
    ];
    const d = diffRecordings(
      recording({ messages: turn('21C', 'call_a'), params: { temperature: 0 } }),
      recording({ messages: turn('22C', 'call_b'), params: { temperature: 0.7, stream: true } }),
    );
    expect(d.request.changes).toEqual([
      { path: 'messages[2].content', kind: 'changed', before: '21C', after: '22C' },
      { path: 'temperature', kind: 'changed', before: 0, after: 0.7 },
      { path: 'stream', kind: 'added', after: true },
    ]);
    expect(d.noiseFieldsChanged).toBe(1);
  });

  it('word-diffs the response text and reasoning', () => {
    const d = diffRecordings(
      recording({ text: 'It is sunny in Paris.', reasoning: 'Check the tool.' }),
      recording({ text: 'It is rainy in Paris.', reasoning: 'Check the tool.' }),
    );
    expect(d.responseText.changed).toBe(true);
    expect(d.responseText.segments).toEqual([
      { value: 'It is ' },
      { value: 'sunny', removed: true },
      { value: 'rainy', added: true },
      { value: ' in Paris.' },
    ]);
    expect(d.reasoning).toBeUndefined();
    const r = diffRecordings(recording({ reasoning: 'a b' }), recording({ reasoning: 'a c' }));
    expect(r.reasoning?.segments.filter((s) => s.added || s.removed).map((s) => s.value)).toEqual(['b', 'c']);
  });

  it('diffs tool calls per index, with a structural diff of JSON arguments', () => {
    const d = diffRecordings(
      recording({
        toolCalls: [
          { id: 'call_1', name: 'get_weather', arguments: '{"city": "Paris", "unit": "C"}' },
          { id: 'call_2', name: 'get_time', arguments: '{}' },
        ],
      }),
      recording({
        toolCalls: [
          { id: 'call_9', name: 'get_weather', arguments: '{"unit":"C","city":"Lyon"}' },
          { id: 'call_8', name: 'get_time', arguments: '{ }' },
          { name: 'search', arguments: 'not json' },
        ],
      }),
    );
    expect(d.toolCalls).toHaveLength(3);
    expect(d.toolCalls[0]).toMatchObject({ index: 0, changed: true, nameBefore: 'get_weather', nameAfter: 'get_weather' });
    expect(d.toolCalls[0]!.argumentsDiff?.changes).toEqual([{ path: 'city', kind: 'changed', before: 'Paris', after: 'Lyon' }]);
    // Same JSON, different spacing, different call id: not a change.
    expect(d.toolCalls[1]).toMatchObject({ index: 1, changed: false });
    expect(d.toolCalls[1]!.argumentsDiff).toBeUndefined();
    expect(d.toolCalls[2]).toMatchObject({ index: 2, changed: true, nameAfter: 'search', argumentsAfter: 'not json' });
    expect(d.toolCalls[2]!.nameBefore).toBeUndefined();
  });

  it('lists finish reason, usage, model, chunk count and error only when they differ', () => {
    const d = diffRecordings(
      recording({ finishReason: 'stop', usage: { total_tokens: 5 }, model: 'a', chunkCount: 3 }),
      recording({
        finishReason: 'tool_calls',
        usage: { total_tokens: 6 },
        model: 'b',
        chunkCount: 4,
        error: { message: 'boom', status: 500 },
      }),
    );
    expect(d.finishReason).toEqual({ before: 'stop', after: 'tool_calls' });
    expect(d.usage).toEqual({ before: { total_tokens: 5 }, after: { total_tokens: 6 } });
    expect(d.model).toEqual({ before: 'a', after: 'b' });
    expect(d.chunkCount).toEqual({ before: 3, after: 4 });
    expect(d.error).toEqual({ before: null, after: { message: 'boom', status: 500 } });
  });

  it('counts noise over whole documents when given them', () => {
    const d = diffRecordings(recording(), recording(), {
      baseDocument: { id_normalization_mapping: { a: 'b' }, x: { created_at: 't1' } },
      headDocument: { id_normalization_mapping: { a: 'c' }, x: { created_at: 't2' } },
    });
    expect(d.noiseFieldsChanged).toBe(2);
    expect(d.request.envelope?.changes).toEqual([]);
  });

  it('diffs request and response fields outside the body when given the documents', () => {
    const d = diffRecordings(recording(), recording(), {
      baseDocument: { request: { body: { a: 1 }, provider_metadata: { sdk: '2.5.0' }, model: 'm' }, response: { body: [], is_streaming: true } },
      headDocument: { request: { body: { a: 2 }, model: 'm' }, response: { body: [], is_streaming: false, status: 400 } },
    });
    expect(d.request.envelope?.changes).toEqual([{ path: 'provider_metadata', kind: 'removed', before: { sdk: '2.5.0' } }]);
    expect(d.responseEnvelope?.changes).toEqual([
      { path: 'is_streaming', kind: 'changed', before: true, after: false },
      { path: 'status', kind: 'added', after: 400 },
    ]);
  });

  it('bounds the response body diff for large bodies', () => {
    const emb = (k: number) => ({ data: [{ embedding: Array.from({ length: 4096 }, (_, i) => i * k) }] });
    const d = diffRecordings(recording({ responseBody: emb(1) }), recording({ responseBody: emb(2) }));
    expect(d.responseBody.truncated).toBe(true);
    expect(d.responseBody.changes).toHaveLength(100);
  });
});

describe('wordDiff', () => {
  it('handles empty sides and gives up gracefully on huge unrelated texts', () => {
    expect(wordDiff('', '')).toEqual({ changed: false, segments: [], approximate: false, similarity: 1 });
    expect(wordDiff('', 'new')).toMatchObject({ changed: true, segments: [{ value: 'new', added: true }], approximate: false, similarity: 0 });
    const a = Array.from({ length: 30_000 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 30_000 }, (_, i) => `b${i}`).join(' ');
    const t0 = performance.now();
    const d = wordDiff(a, b);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(d.approximate).toBe(true);
    expect(d.segments).toEqual([
      { value: a, removed: true },
      { value: b, added: true },
    ]);
  });
});
