import { describe, expect, it } from 'vitest';
import { parseRecordingValue } from './parseRecording';
import { chatChunk, chatStream, inference, passthrough, sdk, TEST_ID } from '../../../testing/recordings';
import { ChunkMark, type Recording } from './types';
import { KIND_REGISTRY } from './kinds/registry';

function read(value: unknown): Recording {
  const result = parseRecordingValue(value, 'demo.json');
  if (!result.ok) throw new Error(result.error.reason);
  return result.recording;
}

const COMPLETION = 'openai.types.completion.Completion';

describe('registry', () => {
  it('lists every kind once, unknown last', () => {
    const kinds = KIND_REGISTRY.map((k) => k.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(kinds.at(-1)).toBe('unknown');
    expect(kinds).toEqual(
      expect.arrayContaining([
        'chat.completions', 'completions', 'embeddings', 'models', 'ollama.generate', 'ollama.chat',
        'ollama.embeddings', 'ollama.models', 'genai', 'messages', 'interactions', 'rerank', 'tool', 'file-processor',
      ]),
    );
  });
});

describe('chat.completions', () => {
  it('assembles a streamed reply with tool calls, reasoning and usage', () => {
    const r = read(
      chatStream([
        chatChunk({ role: 'assistant', content: null, reasoning_content: 'Think ' }),
        chatChunk({ content: null, reasoning: 'hard.' }),
        chatChunk({ content: 'Calling' }),
        chatChunk({ tool_calls: [{ index: 0, id: 'call_a', type: 'function', function: { name: 'get_weather', arguments: '' } }] }),
        chatChunk({ tool_calls: [{ index: 0, function: { name: null, arguments: '{"city":' } }] }),
        chatChunk({ tool_calls: [{ index: 1, id: 'call_b', function: { name: 'get_time', arguments: '{}' } }] }),
        chatChunk({ tool_calls: [{ index: 0, function: { arguments: '"Paris"}' } }] }),
        { __type__: 'openai.types.chat.chat_completion_chunk.ChatCompletionChunk', __data__: { choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }], created: 1700000000 } },
        { __type__: 'openai.types.chat.chat_completion_chunk.ChatCompletionChunk', __data__: { choices: [], usage: { prompt_tokens: 5, completion_tokens: 7 } } },
      ]),
    );
    expect(r.kind).toBe('chat.completions');
    expect(r.kindLabel).toBe('chat.completions stream');
    expect(r.streaming).toBe(true);
    expect(r.chunkCount).toBe(9);
    expect(r.response.text).toBe('Calling');
    expect(r.response.reasoning).toBe('Think hard.');
    expect(r.response.toolCalls).toEqual([
      { id: 'call_a', name: 'get_weather', arguments: '{"city":"Paris"}' },
      { id: 'call_b', name: 'get_time', arguments: '{}' },
    ]);
    expect(r.response.finishReason).toBe('tool_calls');
    expect(r.response.usage).toEqual({ prompt_tokens: 5, completion_tokens: 7 });

    const s = r.stream!;
    expect(Array.from(s.textEnd)).toEqual([0, 0, 7, 7, 7, 7, 7, 7, 7]);
    expect(Array.from(s.reasoningEnd)).toEqual([6, 11, 11, 11, 11, 11, 11, 11, 11]);
    expect(s.toolStart).toEqual([3, 5]);
    expect(Array.from(s.toolArgsEnd[0]!)).toEqual([0, 0, 0, 0, 8, 8, 16, 16, 16]);
    expect(Array.from(s.toolArgsEnd[1]!)).toEqual([0, 0, 0, 0, 0, 2, 2, 2, 2]);
    expect(s.timestamps[0]).toBe(0);
    expect(s.timestamps[7]).toBe(1700000000 * 1000);
    expect(Number.isNaN(s.timestamps[8])).toBe(true);
    expect(s.marks[0]! & ChunkMark.role).toBeTruthy();
    expect(s.marks[0]! & ChunkMark.reasoning).toBeTruthy();
    expect(s.marks[3]! & ChunkMark.toolStart).toBeTruthy();
    expect(s.marks[7]! & ChunkMark.finish).toBeTruthy();
    expect(s.marks[8]! & ChunkMark.usage).toBeTruthy();
  });

  it('only choice 0 is assembled from chunks', () => {
    const r = read(
      chatStream([
        sdk('ChatCompletionChunk', { choices: [{ index: 1, delta: { content: 'other' } }, { index: 0, delta: { content: 'main' } }] }),
      ]),
    );
    expect(r.response.text).toBe('main');
  });

  it('reads a ChatCompletion', () => {
    const r = read(
      inference(
        '/v1/chat/completions',
        { model: 'm', messages: [{ role: 'user', content: 'Weather?' }] },
        {
          body: sdk('openai.types.chat.chat_completion.ChatCompletion', {
            model: 'm',
            system_fingerprint: 'fp_1',
            choices: [
              {
                index: 0,
                finish_reason: 'tool_calls',
                message: {
                  role: 'assistant',
                  content: 'Let me check.',
                  reasoning_content: 'User wants weather.',
                  tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"c":"Oslo"}' } }],
                },
              },
            ],
            usage: { total_tokens: 3 },
          }),
          is_streaming: false,
        },
      ),
    );
    expect(r.kindLabel).toBe('chat.completions');
    expect(r.response.text).toBe('Let me check.');
    expect(r.response.reasoning).toBe('User wants weather.');
    expect(r.response.toolCalls).toEqual([{ id: 'call_1', name: 'weather', arguments: '{"c":"Oslo"}' }]);
    expect(r.response.fingerprint).toBe('fp_1');
    expect(r.response.usage).toEqual({ total_tokens: 3 });
    expect(r.stream).toBeNull();
  });
});

describe('completions', () => {
  it('concatenates choices[].text, streamed or not', () => {
    const plain = read(
      inference('/v1/completions', { model: 'm', prompt: 'Roses are' }, {
        body: sdk(COMPLETION, { choices: [{ index: 0, text: ' red' }, { index: 1, text: ' blue' }] }),
        is_streaming: false,
      }),
    );
    expect(plain.kind).toBe('completions');
    expect(plain.response.text).toBe(' red blue');
    expect(plain.request.messages).toEqual([{ role: 'user', parts: [{ type: 'text', text: 'Roses are' }], toolCalls: [] }]);

    const streamed = read(
      inference('/v1/completions', { model: 'm', prompt: 'Roses are', stream: true }, {
        body: [sdk(COMPLETION, { choices: [{ index: 0, text: ' re' }] }), sdk(COMPLETION, { choices: [{ index: 0, text: 'd', finish_reason: 'stop' }] })],
        is_streaming: true,
      }),
    );
    expect(streamed.kindLabel).toBe('completions stream');
    expect(streamed.response.text).toBe(' red');
    expect(Array.from(streamed.stream!.textEnd)).toEqual([3, 4]);
  });

  it('labels a chat call an older recorder filed under /v1/completions as chat: the body wins over the route', () => {
    const r = read(
      inference('/v1/completions', { model: 'm', messages: [{ role: 'user', content: 'Hi?' }], stream: true }, {
        body: [chatChunk({ content: 'Hi' }), chatChunk({ content: ' there' })],
        is_streaming: true,
      }),
    );
    expect(r.kind).toBe('chat.completions');
    expect(r.kindLabel).toBe('chat.completions stream');
    expect(r.endpoint).toBe('/v1/completions');
    expect(r.response.text).toBe('Hi there');
    expect(r.request.messages.map((m) => m.role)).toEqual(['user']);
  });

  it('reads chat chunks sent to /v1/completions', () => {
    const r = read(
      inference('/v1/completions', { model: 'm', prompt: 'x', stream: true }, {
        body: [chatChunk({ content: 'Hi' }), chatChunk({ content: ' there' })],
        is_streaming: true,
      }),
    );
    expect(r.kind).toBe('completions');
    expect(r.response.text).toBe('Hi there');
  });
});

describe('embeddings', () => {
  it('summarises vectors instead of dumping them', () => {
    const vector = Array.from({ length: 40 }, (_, i) => (i === 0 ? 3 : i === 1 ? 4 : 0));
    const r = read(
      inference('/v1/embeddings', { model: 'e', input: ['a', 'b'], encoding_format: 'float' }, {
        body: sdk('openai.types.create_embedding_response.CreateEmbeddingResponse', {
          data: [sdk('openai.types.embedding.Embedding', { embedding: vector, index: 0 }), { embedding: vector, index: 1 }],
          model: 'e',
        }),
        is_streaming: false,
      }),
    );
    expect(r.kind).toBe('embeddings');
    expect(r.response.text).toBe('');
    expect(r.response.embeddings).toMatchObject({ count: 2, dimensions: 40, norms: [5, 5] });
    expect(r.response.embeddings!.preview[0]).toHaveLength(16);
    expect(r.request.messages[0]!.parts).toEqual([{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }]);
    expect(r.request.params).toEqual({ model: 'e', encoding_format: 'float' });
  });

  it('decodes base64 float32 vectors', () => {
    const floats = new Float32Array([0.5, -0.5, 1, 0]);
    const base64 = btoa(String.fromCharCode(...new Uint8Array(floats.buffer)));
    const r = read(
      inference('/v1/embeddings', { model: 'e', input: 'a', encoding_format: 'base64' }, {
        body: sdk('CreateEmbeddingResponse', { data: [{ embedding: base64 }] }),
        is_streaming: false,
      }),
    );
    expect(r.response.embeddings).toMatchObject({ count: 1, dimensions: 4, preview: [[0.5, -0.5, 1, 0]] });
  });
});

describe('model lists', () => {
  it('reads /v1/models lists', () => {
    const r = read(
      inference('/v1/models', {}, {
        body: [sdk('openai.types.model.Model', { id: 'a', object: 'model' }), sdk('openai.types.model.Model', { id: 'b', object: 'model' })],
        is_streaming: false,
      }),
    );
    expect(r.kind).toBe('models');
    expect(r.streaming).toBe(false);
    expect(r.chunkCount).toBe(1);
    expect(r.bodyEntries).toBe(2);
    expect(r.response.models).toEqual([{ id: 'a', object: 'model' }, { id: 'b', object: 'model' }]);
  });

  it('reads ollama /api/tags, /api/ps and a streamed /api/pull', () => {
    const tags = read(inference('/api/tags', {}, { body: sdk('ollama._types.ListResponse', { models: [{ model: 'llama3.2:3b', size: 1 }] }), is_streaming: false }));
    expect(tags.kind).toBe('ollama.models');
    expect(tags.kindLabel).toBe('ollama.tags');
    expect(tags.response.models).toEqual([{ model: 'llama3.2:3b', size: 1 }]);

    const ps = read(inference('/api/ps', {}, { body: sdk('ollama._types.ProcessResponse', { models: [] }), is_streaming: false }));
    expect(ps.kindLabel).toBe('ollama.ps');
    expect(ps.response.models).toEqual([]);

    const pull = read(
      inference('/api/pull', { model: 'x' }, {
        body: [sdk('ollama._types.ProgressResponse', { status: 'pulling' }), sdk('ollama._types.ProgressResponse', { status: 'success' })],
        is_streaming: true,
      }),
    );
    expect(pull.kindLabel).toBe('ollama.pull stream');
    expect(pull.chunkCount).toBe(2);
    expect(pull.response.models).toEqual([{ status: 'pulling' }, { status: 'success' }]);
  });
});

describe('ollama native', () => {
  it('assembles /api/generate with nanosecond timestamps', () => {
    const chunk = (response: string, created_at: string, done = false) =>
      sdk('ollama._types.GenerateResponse', { model: 'm', created_at, response, done, ...(done ? { done_reason: 'stop', eval_count: 2 } : {}) });
    const r = read(
      inference('/api/generate', { model: 'm', prompt: 'Count', stream: true }, {
        body: [chunk('1,', '2025-07-31T17:59:18.033900164Z'), chunk(' 2', '2025-07-31T17:59:18.034000164Z'), chunk('', '2025-07-31T17:59:18.1Z', true)],
        is_streaming: true,
      }),
    );
    expect(r.kind).toBe('ollama.generate');
    expect(r.kindLabel).toBe('ollama.generate stream');
    expect(r.response.text).toBe('1, 2');
    expect(r.response.finishReason).toBe('stop');
    expect(r.response.usage).toEqual({ eval_count: 2 });
    const t = r.stream!.timestamps;
    expect(t[0]).toBeCloseTo(Date.UTC(2025, 6, 31, 17, 59, 18) + 33.900164, 3);
    expect(t[1]! - t[0]!).toBeCloseTo(0.1, 3);
    expect(r.stream!.marks[2]! & ChunkMark.finish).toBeTruthy();
  });

  it('normalized created_at counts as a timestamp of 0', () => {
    const r = read(
      inference('/api/generate', { model: 'm', prompt: 'x' }, {
        body: [sdk('ollama._types.GenerateResponse', { created_at: '1970-01-01T00:00:00.000000Z', response: 'a', done: true })],
        is_streaming: true,
      }),
    );
    expect(r.stream!.timestamps[0]).toBe(0);
  });

  it('assembles /api/chat with thinking and tool calls', () => {
    const r = read(
      inference('/api/chat', { model: 'm', messages: [{ role: 'user', content: 'Weather?' }], stream: true }, {
        body: [
          sdk('ollama._types.ChatResponse', { message: { role: 'assistant', content: '', thinking: 'Hmm' }, done: false }),
          sdk('ollama._types.ChatResponse', { message: { role: 'assistant', content: '', tool_calls: [{ function: { name: 'weather', arguments: { city: 'Rome' } } }] }, done: false }),
          sdk('ollama._types.ChatResponse', { message: { role: 'assistant', content: 'Sunny' }, done: true, done_reason: 'stop' }),
        ],
        is_streaming: true,
      }),
    );
    expect(r.kind).toBe('ollama.chat');
    expect(r.response.text).toBe('Sunny');
    expect(r.response.reasoning).toBe('Hmm');
    expect(r.response.toolCalls).toEqual([{ name: 'weather', arguments: '{"city":"Rome"}' }]);
    expect(r.stream!.toolStart).toEqual([1]);
  });

  it('reads /api/embeddings', () => {
    const r = read(inference('/api/embeddings', { model: 'e', prompt: 'hi' }, { body: sdk('ollama._types.EmbeddingsResponse', { embedding: [1, 0, 0] }), is_streaming: false }));
    expect(r.kind).toBe('ollama.embeddings');
    expect(r.response.embeddings).toMatchObject({ count: 1, dimensions: 3, norms: [1] });
  });
});

describe('genai', () => {
  const genaiRequest = {
    model: 'gemini',
    contents: [{ role: 'user', parts: [{ text: 'Hi' }] }],
    config: { tools: [{ function_declarations: [{ name: 'lookup', description: 'Look up', parameters: { type: 'OBJECT' } }] }] },
  };

  it('assembles a stream: thought parts are reasoning, function calls are tool calls', () => {
    const r = read({
      test_id: TEST_ID,
      request: { method: 'POST', url: 'vertexai:///generate_content_stream', headers: {}, body: genaiRequest, endpoint: '/generate_content_stream', model: 'gemini', provider_metadata: { provider: 'vertexai' } },
      response: {
        body: [
          { candidates: [{ content: { role: 'model', parts: [{ text: 'plan', thought: true }] } }], create_time: '2026-01-01T00:00:00.000100Z', usage_metadata: { traffic_type: 'ON_DEMAND' } },
          { candidates: [{ content: { role: 'model', parts: [{ text: 'Hel' }] } }], create_time: '2026-01-01T00:00:00.500Z' },
          { candidates: [{ content: { role: 'model', parts: [{ text: 'lo' }, { function_call: { name: 'lookup', args: { q: 'x' } } }] }, finish_reason: 'STOP' }], usage_metadata: { total_token_count: 9 } },
        ],
        is_streaming: true,
      },
    });
    expect(r.kind).toBe('genai');
    expect(r.kindLabel).toBe('genai stream');
    expect(r.provider).toBe('vertexai');
    expect(r.response.text).toBe('Hello');
    expect(r.response.reasoning).toBe('plan');
    expect(r.response.toolCalls).toEqual([{ name: 'lookup', arguments: '{"q":"x"}' }]);
    expect(r.response.finishReason).toBe('STOP');
    expect(r.stream!.timestamps[1]! - r.stream!.timestamps[0]!).toBeCloseTo(499.9, 3);
    expect(r.stream!.marks[0]! & ChunkMark.usage).toBe(0);
    expect(r.stream!.marks[2]! & ChunkMark.usage).toBeTruthy();
    expect(r.request.tools).toEqual([{ name: 'lookup', description: 'Look up', parameters: { type: 'OBJECT' } }]);
    expect(r.request.messages).toEqual([{ role: 'user', parts: [{ type: 'text', text: 'Hi' }], toolCalls: [] }]);
  });

  it('reads generate_content', () => {
    const r = read({
      test_id: null,
      request: { url: 'vertexai:///generate_content', body: genaiRequest, endpoint: '/generate_content' },
      response: { body: { candidates: [{ content: { parts: [{ text: 'Done.' }] } }], model_version: 'g-2' }, is_streaming: false },
    });
    expect(r.kindLabel).toBe('genai');
    expect(r.response.text).toBe('Done.');
    expect(r.response.model).toBe('g-2');
  });
});

describe('messages (Anthropic-style passthrough)', () => {
  const url = 'http://0.0.0.0:11434/v1/messages';

  it('reads a message dict', () => {
    const r = read(
      passthrough(url, { model: 'm', messages: [{ role: 'user', content: 'Add' }], max_tokens: 9, tools: [{ name: 'calc', input_schema: { type: 'object' } }] }, {
        status: 200,
        body: {
          type: 'message',
          role: 'assistant',
          model: 'm',
          content: [
            { type: 'thinking', thinking: 'Use calc.' },
            { type: 'text', text: 'Sure.' },
            { type: 'tool_use', id: 'toolu_1', name: 'calc', input: { expr: '1+1' } },
          ],
          stop_reason: 'tool_use',
        },
        is_streaming: false,
      }),
    );
    expect(r.kind).toBe('messages');
    expect(r.kindLabel).toBe('messages');
    expect(r.endpoint).toBe(url);
    expect(r.response.status).toBe(200);
    expect(r.response.text).toBe('Sure.');
    expect(r.response.reasoning).toBe('Use calc.');
    expect(r.response.toolCalls).toEqual([{ id: 'toolu_1', name: 'calc', arguments: '{"expr":"1+1"}' }]);
    expect(r.request.tools).toEqual([{ name: 'calc', parameters: { type: 'object' } }]);
    expect(r.request.params).toEqual({ model: 'm', max_tokens: 9 });
    expect(r.error).toBeNull();
  });

  it('reads a raw SSE stream: one chunk per event', () => {
    const lines = [
      'event: message_start', 'data: {"type":"message_start","message":{"model":"m","content":[]}}', '',
      'event: content_block_start', 'data: {"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":""}}', '',
      'event: content_block_delta', 'data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"Hm"}}', '',
      'event: content_block_delta', 'data: {"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"Hi"}}', '',
      'event: content_block_start', 'data: {"type":"content_block_start","index":2,"content_block":{"type":"tool_use","id":"toolu_9","name":"calc","input":{}}}', '',
      'event: content_block_delta', 'data: {"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":"{\\"a\\":"}}', '',
      'event: content_block_delta', 'data: {"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":"1}"}}', '',
      'event: message_delta', 'data: {"type":"message_delta","delta":{"stop_reason":"tool_use"},"usage":{"output_tokens":3}}', '',
      'event: message_stop', 'data: {"type":"message_stop"}', '',
    ];
    const r = read(passthrough(url, { model: 'm', messages: [], stream: true }, { body: lines, is_streaming: true }));
    expect(r.kindLabel).toBe('messages SSE stream');
    expect(r.chunkCount).toBe(9);
    expect(r.bodyEntries).toBe(lines.length);
    expect(r.response.sseEvents).toHaveLength(9);
    expect(r.response.sseEvents![0]).toMatchObject({ event: 'message_start' });
    expect(r.response.text).toBe('Hi');
    expect(r.response.reasoning).toBe('Hm');
    expect(r.response.toolCalls).toEqual([{ id: 'toolu_9', name: 'calc', arguments: '{"a":1}' }]);
    expect(r.response.finishReason).toBe('tool_use');
    const s = r.stream!;
    expect(s.toolStart).toEqual([4]);
    expect(Array.from(s.toolArgsEnd[0]!)).toEqual([0, 0, 0, 0, 0, 5, 7, 7, 7]);
    expect(Array.from(s.textEnd)).toEqual([0, 0, 0, 2, 2, 2, 2, 2, 2]);
  });

  it('an HTTP 400 is an error on top of the kind', () => {
    const r = read(
      passthrough(url, { model: 'm', messages: [] }, {
        status: 400,
        body: { type: 'error', error: { type: 'invalid_request_error', message: 'messages is required' } },
        is_streaming: false,
      }),
    );
    expect(r.kind).toBe('messages');
    expect(r.kindLabel).toBe('messages (HTTP 400)');
    expect(r.error).toMatchObject({ message: 'HTTP 400: messages is required', status: 400, type: 'invalid_request_error', source: 'http' });
  });
});

describe('interactions', () => {
  const url = 'https://generativelanguage.googleapis.com/v1beta/interactions';

  it('reads outputs', () => {
    const r = read(
      passthrough(url, { model: 'g', input: 'Weather in Oslo?', tools: [{ type: 'function', name: 'weather', parameters: {} }] }, {
        status: 200,
        body: {
          outputs: [
            { type: 'thought', signature: 'abc' },
            { type: 'text', text: 'Checking.' },
            { type: 'function_call', id: 'fc1', name: 'weather', arguments: { city: 'Oslo' } },
          ],
          status: 'requires_action',
          model: 'g',
        },
        is_streaming: false,
      }),
    );
    expect(r.kind).toBe('interactions');
    expect(r.response.text).toBe('Checking.');
    expect(r.response.reasoning).toBe('');
    expect(r.response.toolCalls).toEqual([{ id: 'fc1', name: 'weather', arguments: '{"city":"Oslo"}' }]);
    expect(r.request.messages).toEqual([{ role: 'user', parts: [{ type: 'text', text: 'Weather in Oslo?' }], toolCalls: [] }]);
    expect(r.request.tools).toEqual([{ name: 'weather', parameters: {} }]);
  });

  it('reads an SSE stream of content.delta events', () => {
    const lines = [
      'event: interaction.start', 'data: {"interaction":{"model":"g"},"event_type":"interaction.start"}', '',
      'event: content.start', 'data: {"index":0,"content":{"type":"text"},"event_type":"content.start"}', '',
      'event: content.delta', 'data: {"index":0,"delta":{"text":"1, 2","type":"text"},"event_type":"content.delta"}', '',
      'event: content.delta', 'data: {"index":0,"delta":{"text":", 3","type":"text"},"event_type":"content.delta"}', '',
      'event: interaction.complete', 'data: {"interaction":{"status":"completed","usage":{"total_tokens":4}},"event_type":"interaction.complete"}', '',
      'event: done', 'data: [DONE]', '',
    ];
    const r = read(passthrough(url, { model: 'g', input: 'Count', stream: true }, { body: lines, is_streaming: true }));
    expect(r.kindLabel).toBe('interactions SSE stream');
    expect(r.chunkCount).toBe(6);
    expect(r.response.text).toBe('1, 2, 3');
    expect(r.response.finishReason).toBe('completed');
    expect(r.response.sseEvents![5]).toEqual({ event: 'done', data: '[DONE]' });
    expect(Array.from(r.stream!.textEnd)).toEqual([0, 0, 4, 7, 7, 7]);
  });

  it('HTTP 400 with a Google error document', () => {
    const r = read(passthrough(url, { model: 'g', input: 'x' }, { status: 400, body: { error: { message: 'bad field', code: 'invalid_request' } }, is_streaming: false }));
    expect(r.error).toMatchObject({ message: 'HTTP 400: bad field', status: 400, type: 'invalid_request', source: 'http' });
  });
});

describe('rerank', () => {
  it('is recognised by its URL and keeps the body', () => {
    const body = { results: [{ index: 1, relevance_score: 0.9 }], model: 'rr' };
    const r = read(passthrough('http://localhost:8000/v1/rerank', { model: 'rr', query: 'q', documents: ['a', 'b'] }, { status: 200, body, is_streaming: false }));
    expect(r.kind).toBe('rerank');
    expect(r.kindLabel).toBe('rerank');
    expect(r.response.body).toEqual(body);
    expect(r.response.text).toBe('');
    expect(r.request.params).toEqual({ model: 'rr', query: 'q', documents: ['a', 'b'] });
    expect(r.response.ranked).toEqual([{ index: 1, score: 0.9, document: 'b' }]);
  });

  it("lists llama-stack's scored items (data, items) with their texts", () => {
    const body = sdk('llama_stack.apis.inference.RerankResponse', {
      data: [
        { index: 2, relevance_score: 0.8 },
        { index: 0, relevance_score: 0.1 },
      ],
    });
    const r = read(
      passthrough('http://localhost:8321/v1alpha/inference/rerank', { model: 'rr', query: 'cats', items: ['dogs', { text: 'birds' }, 'cats'] }, { body, is_streaming: false }),
    );
    expect(r.response.ranked).toEqual([
      { index: 2, score: 0.8, document: 'cats' },
      { index: 0, score: 0.1, document: 'dogs' },
    ]);
  });
});

describe('tool invocation', () => {
  it('keeps the result content; the text stays empty', () => {
    const content = JSON.stringify({ query: 'news', top_k: [] });
    const r = read({
      test_id: TEST_ID,
      request: { test_id: TEST_ID, provider: 'tavily', tool_name: 'web_search', kwargs: { query: 'news' } },
      response: { body: sdk('ogx_api.tools.ToolInvocationResult', { content, error_message: null, error_code: null, metadata: null }), is_streaming: false },
    });
    expect(r.kind).toBe('tool');
    expect(r.kindLabel).toBe('tool invocation (web_search)');
    expect(r.endpoint).toBe('web_search');
    expect(r.provider).toBe('tavily');
    expect(r.response.text).toBe('');
    expect(r.response.toolResult).toEqual({ content });
    expect(r.request.params).toEqual({ query: 'news' });
    expect(r.request.body).toEqual({ query: 'news' });
  });

  it('keeps a tool error message', () => {
    const r = read({
      request: { tool_name: 'web_search', kwargs: {} },
      response: { body: sdk('x.ToolInvocationResult', { content: null, error_message: 'quota', error_code: 429 }) },
    });
    expect(r.response.toolResult).toEqual({ content: null, errorMessage: 'quota', errorCode: 429 });
    expect(r.testId).toBeNull();
  });
});

describe('file processor', () => {
  it('lists chunks', () => {
    const r = read({
      test_id: TEST_ID,
      request: { test_id: TEST_ID, provider: 'pypdf', api: 'file_processors', file_id: 'file-1' },
      response: {
        body: sdk('llama_stack_api.file_processors.models.ProcessFileResponse', {
          chunks: [{ content: 'Page one', metadata: { page: 1 } }, { content: 'Page two', chunk_metadata: { page: 2 } }],
          metadata: { processor: 'pypdf' },
        }),
        is_streaming: false,
      },
    });
    expect(r.kind).toBe('file-processor');
    expect(r.kindLabel).toBe('file processor (pypdf)');
    expect(r.endpoint).toBe('file_processors');
    expect(r.response.fileChunks).toEqual([
      { content: 'Page one', metadata: { page: 1 } },
      { content: 'Page two', metadata: { page: 2 } },
    ]);
    expect(r.request.params).toEqual({ provider: 'pypdf', api: 'file_processors', file_id: 'file-1' });
  });
});

describe('unknown', () => {
  it('an unknown endpoint is kept and shown generically', () => {
    const r = read(inference('/v1/brand-new', { model: 'm', thing: 1 }, { body: sdk('vendor.NewThing', { value: 2 }), is_streaming: false }));
    expect(r.kind).toBe('unknown');
    expect(r.kindLabel).toBe('unknown (/v1/brand-new)');
    expect(r.responseType).toBe('vendor.NewThing');
    expect(r.request.params).toEqual({ model: 'm', thing: 1 });
  });

  it('still assembles text of a known shape behind an unknown endpoint', () => {
    const r = read(inference('/v2/chat', { model: 'm' }, { body: [chatChunk({ content: 'a' }), chatChunk({ content: 'b' })], is_streaming: true }));
    expect(r.kind).toBe('unknown');
    expect(r.response.text).toBe('ab');
    expect(r.chunkCount).toBe(2);
  });

  it('without any endpoint, the response type decides', () => {
    const r = read({
      request: { method: 'POST', body: { model: 'm', messages: [] } },
      response: { body: sdk('openai.types.chat.chat_completion.ChatCompletion', { choices: [{ index: 0, message: { content: 'x' } }] }), is_streaming: false },
    });
    expect(r.kind).toBe('chat.completions');
    expect(r.response.text).toBe('x');
  });

  it('an unknown __type__ without endpoint is unknown', () => {
    const r = read({ request: {}, response: { body: sdk('vendor.Mystery', { a: 1 }) } });
    expect(r.kind).toBe('unknown');
    expect(r.kindLabel).toBe('unknown');
  });
});

describe('recorded exceptions', () => {
  it('fill error on top of the request kind', () => {
    const message = "Error code: 400 - {'error': {'message': 'bad image'}}";
    const r = read(
      inference('/v1/chat/completions', { model: 'm', messages: [{ role: 'user', content: 'x' }] }, {
        body: null,
        is_streaming: false,
        is_exception: true,
        exception_data: { category: 'provider_sdk', type: 'BadRequestError', message, status_code: 400, body: { message: 'bad image' } },
        exception_message: message,
      }),
    );
    expect(r.kind).toBe('chat.completions');
    expect(r.kindLabel).toBe('chat.completions (exception)');
    expect(r.error).toMatchObject({ message, type: 'BadRequestError', status: 400, source: 'exception' });
    expect(r.response.text).toBe('');
    expect(r.bodyEntries).toBe(0);
  });

  it('falls back to exception_data when there is no message', () => {
    const r = read(inference('/v1/embeddings', { model: 'e', input: 'x' }, { body: null, is_exception: true, exception_data: { type: 'TimeoutError' } }));
    expect(r.error?.message).toBe('TimeoutError');
    expect(r.kind).toBe('embeddings');
  });

  it('a streamed call that raised has no stream', () => {
    const r = read(inference('/v1/chat/completions', { model: 'm', stream: true }, { body: null, is_streaming: true, is_exception: true, exception_message: 'reset' }));
    expect(r.streaming).toBe(true);
    expect(r.stream).toBeNull();
    expect(r.error?.message).toBe('reset');
  });
});
