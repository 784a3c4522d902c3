/**
 * Small hand-written recordings for unit tests, one builder per shape. They
 * mirror the recorder's envelope, not any particular corpus file.
 */

export interface Envelope {
  test_id?: string | null;
  request: Record<string, unknown>;
  response: Record<string, unknown>;
  id_normalization_mapping?: Record<string, string>;
}

export const TEST_ID = 'tests/integration/inference/test_demo.py::TestDemo::test_hello[txt=ollama/tiny-model]';

export function sdk(type: string, data: Record<string, unknown>): Record<string, unknown> {
  return { __type__: type, __data__: data };
}

export function inference(endpoint: string, body: Record<string, unknown>, response: Record<string, unknown>): Envelope {
  return {
    test_id: TEST_ID,
    request: { method: 'POST', url: `http://localhost:11434${endpoint}`, headers: {}, body, endpoint, model: body.model ?? 'tiny-model' },
    response,
  };
}

export function passthrough(url: string, payload: Record<string, unknown>, response: Record<string, unknown>): Envelope {
  return { test_id: TEST_ID, request: { test_id: TEST_ID, url, method: 'POST', payload }, response };
}

const CHUNK = 'openai.types.chat.chat_completion_chunk.ChatCompletionChunk';

export function chatChunk(delta: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return sdk(CHUNK, {
    id: 'rec-000000000001',
    object: 'chat.completion.chunk',
    created: 0,
    model: 'tiny-model',
    choices: [{ index: 0, delta, finish_reason: null, logprobs: null }],
    ...extra,
  });
}

export function chatStream(chunks: Record<string, unknown>[]): Envelope {
  return inference(
    '/v1/chat/completions',
    { model: 'tiny-model', messages: [{ role: 'user', content: 'Say hi' }], stream: true },
    { body: chunks, is_streaming: true },
  );
}

export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** A small non-streamed chat recording, written by the tests themselves (unit, command-line and e2e tests share it). */
export function chatRecording(o: {
  testId: string;
  question: string;
  answer: string;
  id?: string;
  created?: number;
  fingerprint?: string;
}) {
  return {
    test_id: o.testId,
    request: {
      method: 'POST',
      url: 'http://localhost:8321/v1/chat/completions',
      headers: {},
      body: { model: 'gpt-4o', messages: [{ role: 'user', content: o.question }], stream: false },
      endpoint: '/v1/chat/completions',
      model: 'gpt-4o',
    },
    response: {
      body: {
        __type__: 'openai.types.chat.chat_completion.ChatCompletion',
        __data__: {
          id: o.id ?? 'rec-000000000001',
          created: o.created ?? 0,
          model: 'gpt-4o',
          object: 'chat.completion',
          system_fingerprint: o.fingerprint ?? 'fp_aaa',
          choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: o.answer } }],
          usage: { prompt_tokens: 10, completion_tokens: 8, total_tokens: 18 },
        },
      },
      is_streaming: false,
    },
  };
}
