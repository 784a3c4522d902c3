import { describe, expect, it } from 'vitest';
import { parseRecordingValue } from '../recording/parseRecording';
import type { Recording } from '../recording/types';
import { pairCategories } from './categories';
import { diffRecordings, preferredTextLayout, wordDiff } from './diffRecordings';
import { reviewFolders, reviewSnapshots, reviewToJson } from './review';
import { reviewMarkdown } from './reviewMarkdown';
import { pairToolCallIds } from './toolCallIds';
import { depthOf, limitDepth } from './json';

const TEST = 'tests/integration/inference/test_review.py::test_weather[txt=openai/gpt-4o]';

interface Call {
  name: string;
  args: string;
  id?: string;
}

interface Spec {
  testId?: string;
  messages?: unknown[];
  temperature?: number;
  text?: string;
  reasoning?: string;
  calls?: Call[];
  usage?: Record<string, unknown>;
  id?: string;
  fingerprint?: string;
  headers?: Record<string, string>;
  providerMetadata?: Record<string, string>;
  /** Streamed: text split into these pieces, tool arguments into `argPieces`. */
  stream?: { pieces: string[]; argPieces?: string[]; azureFilterFirst?: boolean };
}

const user = { role: 'user', content: 'What is the weather in Paris?' };

function doc(s: Spec = {}): Record<string, unknown> {
  const body: Record<string, unknown> = { model: 'gpt-4o', messages: s.messages ?? [user] };
  if (s.temperature !== undefined) body.temperature = s.temperature;
  const request: Record<string, unknown> = { method: 'POST', url: 'https://api.openai.com/v1/chat/completions', endpoint: '/v1/chat/completions', model: 'gpt-4o', body };
  if (s.headers) request.headers = s.headers;
  if (s.providerMetadata) request.provider_metadata = s.providerMetadata;
  const id = s.id ?? 'chatcmpl-1';
  const fp = s.fingerprint ?? 'fp_1';
  if (s.stream) {
    const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
      __type__: 'openai.types.chat.chat_completion_chunk.ChatCompletionChunk',
      __data__: { id, choices: [{ delta, finish_reason: finish, index: 0 }], created: 1, model: 'gpt-4o', object: 'chat.completion.chunk', system_fingerprint: fp },
    });
    const chunks: unknown[] = [];
    if (s.stream.azureFilterFirst) {
      chunks.push({
        __type__: 'openai.types.chat.chat_completion_chunk.ChatCompletionChunk',
        __data__: { id: '', choices: [], created: 0, model: '', object: '', prompt_filter_results: [{ prompt_index: 0, content_filter_results: { hate: { filtered: false } } }] },
      });
    }
    chunks.push(chunk({ role: 'assistant', content: '' }));
    for (const p of s.stream.pieces) chunks.push(chunk({ content: p }));
    const call = s.calls?.[0];
    if (call) {
      chunks.push(chunk({ tool_calls: [{ index: 0, id: call.id ?? 'call_a1b2c3', type: 'function', function: { name: call.name, arguments: '' } }] }));
      for (const a of s.stream.argPieces ?? [call.args]) chunks.push(chunk({ tool_calls: [{ index: 0, function: { arguments: a } }] }));
    }
    chunks.push(chunk({}, call ? 'tool_calls' : 'stop'));
    return { test_id: s.testId ?? TEST, request: { ...request, body: { ...body, stream: true } }, response: { body: chunks, is_streaming: true } };
  }
  const message: Record<string, unknown> = { role: 'assistant', content: s.text ?? 'It is sunny in Paris.' };
  if (s.reasoning) message.reasoning_content = s.reasoning;
  if (s.calls) {
    message.tool_calls = s.calls.map((c) => ({ id: c.id ?? 'call_a1b2c3', type: 'function', function: { name: c.name, arguments: c.args } }));
  }
  return {
    test_id: s.testId ?? TEST,
    request,
    response: {
      body: {
        __type__: 'openai.types.chat.chat_completion.ChatCompletion',
        __data__: {
          id,
          choices: [{ index: 0, finish_reason: s.calls ? 'tool_calls' : 'stop', message }],
          created: 1,
          model: 'gpt-4o-2024-08-06',
          object: 'chat.completion',
          system_fingerprint: fp,
          usage: s.usage ?? { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
        },
      },
      is_streaming: false,
    },
  };
}

function rec(value: Record<string, unknown>, path = 'r.json'): Recording {
  const result = parseRecordingValue(value, path);
  if (!result.ok) throw new Error(result.error.reason);
  return result.recording;
}

function categories(a: Record<string, unknown>, b: Record<string, unknown>, noiseOnly = false) {
  return pairCategories({ baseDocument: a, headDocument: b, base: rec(a), head: rec(b), noiseOnly });
}

describe('categories of a modified pair', () => {
  it('noise-only stays noise-only and nothing else', () => {
    expect(categories(doc({ id: 'a' }), doc({ id: 'b' }), true)).toEqual(['noise-only']);
  });

  it('request: the body differs after noise stripping', () => {
    expect(categories(doc({ temperature: 0 }), doc({ temperature: 0.7 }))).toEqual(['request']);
  });

  it('headers and provider metadata alone are metadata, not request', () => {
    expect(categories(doc({ headers: { 'x-a': '1' }, providerMetadata: { openai_sdk_version: '2.5.0' } }), doc({ headers: { 'x-a': '2' } }))).toEqual([
      'metadata-only',
    ]);
  });

  it('answer: the assembled text or the reasoning differs', () => {
    expect(categories(doc({ text: 'Sunny.' }), doc({ text: 'Rainy.' }))).toEqual(['answer']);
    expect(categories(doc({ reasoning: 'Think.' }), doc({ reasoning: 'Think twice.' }))).toEqual(['answer']);
  });

  it('tools: a call name or its parsed arguments differ; a re-generated id or reformatted arguments do not', () => {
    const weather = (args: string, id?: string) => doc({ text: '', calls: [{ name: 'get_weather', args, id }] });
    expect(categories(weather('{"city":"Paris"}'), weather('{"city":"Lyon"}'))).toEqual(['tools']);
    expect(categories(weather('{"city":"Paris"}', 'call_aaaa1111'), weather('{ "city": "Paris" }', 'call_bbbb2222'))).toEqual(['metadata-only']);
  });

  it('usage-only changes (the bill) are metadata-only, apart from real changes', () => {
    expect(categories(doc({ usage: { prompt_tokens: 10 } }), doc({ usage: { prompt_tokens: 12 } }))).toEqual(['metadata-only']);
  });

  it('several at once, in a fixed order', () => {
    expect(categories(doc({ temperature: 0, text: 'A' }), doc({ temperature: 1, text: 'B', calls: [{ name: 'f', args: '{}' }] }))).toEqual([
      'request',
      'answer',
      'tools',
    ]);
  });
});

describe('stream-aware diff: Azure prompt_filter_results', () => {
  const args = '{"query":"weather Paris"}';
  const base = doc({ stream: { pieces: ['Let me ', 'check.'], argPieces: ['{"query"', ':"weather', ' Paris"}'] }, calls: [{ name: 'search', args }] });
  const head = doc({
    stream: { pieces: ['Let me ', 'check.'], argPieces: ['{"', 'query":"weather', ' Paris"}'], azureFilterFirst: true },
    calls: [{ name: 'search', args, id: 'call_zzzz9999' }],
  });

  it('compares what the stream means: same text, same tool calls, no answer or tools category', () => {
    const d = diffRecordings(rec(base), rec(head));
    expect(d.responseText.changed).toBe(false);
    expect(d.toolCalls.every((c) => !c.changed)).toBe(true);
    expect(categories(base, head)).toEqual(['metadata-only']);
  });

  it('summarises the chunking and names the added chunk and where it went', () => {
    const d = diffRecordings(rec(base), rec(head));
    expect(d.stream?.before).toBe(8);
    expect(d.stream?.after).toBe(9);
    expect(d.stream?.summary).toBe('8 → 9 chunks; a `prompt_filter_results` chunk was added first; the same content is split into chunks differently');
    expect(d.stream?.resplit).toBe(true);
  });

  it('aligns raw chunks by content, not by index: the text chunks after the extra one are the same', () => {
    const rows = diffRecordings(rec(base), rec(head)).stream!.rows!;
    expect(rows[0]).toMatchObject({ kind: 'added', head: { index: 0, label: 'prompt_filter_results' } });
    const text = rows.filter((r) => r.base?.label === 'text');
    expect(text.map((r) => r.kind)).toEqual(['same', 'same']);
    expect(text.map((r) => [r.base!.index, r.head!.index])).toEqual([
      [1, 2],
      [2, 3],
    ]);
  });
});

describe('tool-call ids re-generated', () => {
  const turn = (a: string, b: string) => [
    user,
    { role: 'assistant', content: null, tool_calls: [{ id: a, type: 'function', function: { name: 'get_weather', arguments: '{}' } }, { id: b, type: 'function', function: { name: 'get_time', arguments: '{}' } }] },
    { role: 'tool', tool_call_id: a, content: '21' },
    { role: 'tool', tool_call_id: b, content: '12:00' },
  ];

  it('pairs ids one to one and diffs the rest with the ids mapped', () => {
    const base = doc({ messages: turn('call_AAAA1111', 'call_BBBB2222') });
    const head = doc({ messages: turn('call_CCCC3333', 'toolu_DDDD4444') });
    expect(pairToolCallIds(base.request, head.request)?.mapping).toEqual(
      new Map([
        ['call_AAAA1111', 'call_CCCC3333'],
        ['call_BBBB2222', 'toolu_DDDD4444'],
      ]),
    );
    const d = diffRecordings(rec(base), rec(head));
    expect(d.request.regeneratedIds).toBe(2);
    expect(d.request.changes).toEqual([]);
    // The payload still differs: the pair counts as a request change.
    expect(categories(base, head)).toEqual(['request']);
    const review = reviewSnapshots([{ path: 'a.json', text: JSON.stringify(base) }], [{ path: 'a.json', text: JSON.stringify(head) }]);
    expect(review.entries[0]!.notes?.request).toBe('2 tool-call ids re-generated');
  });

  it('does not pair when the number of calls changed', () => {
    const base = doc({ messages: turn('call_AAAA1111', 'call_BBBB2222') });
    const head = doc({ messages: [user, { role: 'tool', tool_call_id: 'call_CCCC3333', content: '21' }] });
    expect(pairToolCallIds(base.request, head.request)).toBeUndefined();
    expect(diffRecordings(rec(base), rec(head)).request.regeneratedIds).toBeUndefined();
  });
});

describe('rewritten versus close text', () => {
  it('a rewritten answer shares little and is shown side by side', () => {
    const d = wordDiff("I'm not able to provide help with that request.", "I'm happy to help: here is what you can do.");
    expect(preferredTextLayout(d)).toBe('side-by-side');
    expect(d.similarity).toBeLessThan(0.5);
  });

  it('a small edit stays an inline word diff', () => {
    const d = wordDiff('The capital of France is Paris, a city on the Seine.', 'The capital of France is Paris, a large city on the Seine.');
    expect(preferredTextLayout(d)).toBe('inline');
    expect(d.similarity).toBeGreaterThan(0.8);
  });
});

describe('reviewFolders', () => {
  const file = (path: string, value: Record<string, unknown>) => ({ path, text: JSON.stringify(value, null, 2) });
  const base = [
    file('r/answer.json', doc({ testId: `${TEST}-a`, text: 'Sunny.' })),
    file('r/noise.json', doc({ testId: `${TEST}-n`, id: 'x1', fingerprint: 'fp_a' })),
    file('r/meta.json', doc({ testId: `${TEST}-m`, usage: { prompt_tokens: 1 } })),
    file('r/same.json', doc({ testId: `${TEST}-s` })),
  ];
  const head = [
    file('r/answer.json', doc({ testId: `${TEST}-a`, text: 'Rainy <b>today</b>.' })),
    file('r/noise.json', doc({ testId: `${TEST}-n`, id: 'x2', fingerprint: 'fp_b' })),
    file('r/meta.json', doc({ testId: `${TEST}-m`, usage: { prompt_tokens: 2 } })),
    file('r/same.json', doc({ testId: `${TEST}-s` })),
    file('r/new.json', doc({ testId: `${TEST}-a`, calls: [{ name: 'get_weather', args: '{"city":"Paris"}' }], text: '' })),
  ];

  it('counts categories over modified pairs and asks the finder for left-behind files', async () => {
    const review = await reviewFolders(base, head, {
      leftBehind: async (entries) => {
        expect(entries.some((e) => e.status === 'added')).toBe(true);
        return [{ path: 'r/old.json', testId: `${TEST}-a`, verdict: 'stale', reason: 'matches v5-project-id only' }];
      },
    });
    expect(reviewToJson(review)).toMatchObject({
      added: 1,
      removed: 0,
      modified: 3,
      rekeyed: 0,
      unchanged: 1,
      noise_only: 1,
      request: 0,
      answer: 1,
      tools: 0,
      metadata_only: 1,
      left_behind: 1,
    });
  });

  it('writes Markdown naming every test with a non-noise change, and no raw HTML from the recordings', async () => {
    const review = await reviewFolders(base, head, { leftBehind: false });
    expect(review.summary.leftBehind).toBeNull();
    const md = reviewMarkdown({ summary: review.summary, entries: review.entries, leftBehind: review.leftBehind, leftBehindUnknown: 'needs both folders' });
    expect(md).toContain(`### \`${TEST}-a\``);
    expect(md).toContain(`### \`${TEST}-m\``);
    expect(md).not.toContain(`${TEST}-n\``);
    expect(md).not.toContain(`${TEST}-s\``);
    expect(md).toContain('tool calls: get_weather({"city":"Paris"})');
    expect(md).toContain('\\<b\\>today\\</b\\>');
    expect(md).toContain('**Noise-only re-records:** 1');
    // A metadata-only change says which metadata moved.
    expect(md).toContain('  - metadata: usage: prompt_tokens');
    expect(md).toContain('**Left behind:** needs both folders');
  });
});

describe('limitDepth: what crosses postMessage or JSON.stringify stays shallow', () => {
  it('cuts values nested past the limit to a note, iteratively, and returns shallow values as they are', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 50_000; i++) deep = [deep];
    const cut = limitDepth({ a: deep }, 10);
    expect(depthOf(cut)).toBe(10);
    expect(JSON.stringify(cut)).toBe(`{"a":${'['.repeat(9)}"(nested deeper than 10 levels: not shown)"${']'.repeat(9)}}`);
    const shallow = { a: [1, { b: 2 }] };
    expect(limitDepth(shallow, 10)).toBe(shallow);
  });
});
