import { describe, expect, it } from 'vitest';
import { parseRecordingValue } from './parseRecording';
import { inference, passthrough } from '../../../testing/recordings';
import type { RequestView } from './types';

function requestOf(value: unknown): RequestView {
  const result = parseRecordingValue(value, 'demo.json');
  if (!result.ok) throw new Error(result.error.reason);
  return result.recording.request;
}

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe('OpenAI chat requests', () => {
  const body = {
    model: 'm',
    messages: [
      { role: 'system', content: 'Be brief.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is this?' },
          { type: 'image_url', image_url: { url: PNG } },
          { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } },
          { type: 'image_url', image_url: { url: 'data:image/svg+xml;base64,PHN2Zz4=' } },
          { type: 'input_audio', input_audio: { data: 'AAAA', format: 'wav' } },
        ],
      },
      {
        role: 'assistant',
        content: null,
        reasoning_content: 'Need a tool.',
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'describe', arguments: '{"detail":"high"}' } }],
      },
      { role: 'tool', tool_call_id: 'call_1', content: 'A cat.' },
      { role: 'developer', content: 'Note', name: 'dev' },
    ],
    tools: [
      { type: 'function', function: { name: 'describe', description: 'Describe an image', parameters: { type: 'object' } } },
      { type: 'function', name: 'flat_tool', description: 'Flat', parameters: { type: 'object' } },
      { type: 'web_search' },
    ],
    temperature: 0.2,
    stream: false,
    tool_choice: 'auto',
  };
  const view = requestOf(inference('/v1/chat/completions', body, { body: null, is_streaming: false }));

  it('reads roles in order', () => {
    expect(view.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'tool', 'developer']);
    expect(view.method).toBe('POST');
    expect(view.url).toBe('http://localhost:11434/v1/chat/completions');
    expect(view.endpoint).toBe('/v1/chat/completions');
  });

  it('turns data:image URLs into image parts and anything else into labelled json', () => {
    const parts = view.messages[1]!.parts;
    expect(parts[0]).toEqual({ type: 'text', text: 'What is this?' });
    expect(parts[1]).toMatchObject({ type: 'image', url: PNG });
    expect((parts[1] as { label: string }).label).toMatch(/^image\/png, \d+ B$/);
    expect(parts[2]).toMatchObject({ type: 'json', label: 'image_url' });
    expect(parts[3]).toMatchObject({ type: 'json', label: 'image_url' });
    expect(parts[4]).toMatchObject({ type: 'json', label: 'input_audio' });
  });

  it('reads assistant tool calls and tool replies', () => {
    const assistant = view.messages[2]!;
    expect(assistant.parts).toEqual([]);
    expect(assistant.reasoning).toBe('Need a tool.');
    expect(assistant.toolCalls).toEqual([{ id: 'call_1', name: 'describe', arguments: '{"detail":"high"}' }]);
    expect(view.messages[3]).toEqual({ role: 'tool', toolCallId: 'call_1', parts: [{ type: 'text', text: 'A cat.' }], toolCalls: [] });
    expect(view.messages[4]!.name).toBe('dev');
  });

  it('reads tool definitions in every form', () => {
    expect(view.tools).toEqual([
      { name: 'describe', description: 'Describe an image', parameters: { type: 'object' } },
      { name: 'flat_tool', description: 'Flat', parameters: { type: 'object' } },
      { name: 'web_search' },
    ]);
  });

  it('puts every other body key in params', () => {
    expect(view.params).toEqual({ model: 'm', temperature: 0.2, stream: false, tool_choice: 'auto' });
  });

  it('keeps the body as recorded', () => {
    expect(view.body).toEqual(body);
  });

  it('arguments recorded as an object become compact JSON', () => {
    const v = requestOf(
      inference('/v1/chat/completions', { messages: [{ role: 'assistant', tool_calls: [{ function: { name: 'f', arguments: { a: [1, 2] } } }] }] }, { body: null }),
    );
    expect(v.messages[0]!.toolCalls).toEqual([{ name: 'f', arguments: '{"a":[1,2]}' }]);
  });

  it('odd message entries do not break reading', () => {
    const v = requestOf(inference('/v1/chat/completions', { messages: ['hello', null, { content: 5 }], tools: [null, 'x'] }, { body: null }));
    expect(v.messages.map((m) => m.role)).toEqual(['unknown', 'unknown', 'unknown']);
    expect(v.messages[2]!.parts).toEqual([{ type: 'json', label: 'part', value: 5 }]);
    expect(v.tools).toEqual([]);
  });
});

describe('Anthropic-style messages', () => {
  it('reads content blocks', () => {
    const view = requestOf(
      passthrough('http://h/v1/messages', {
        model: 'm',
        system: 'Be kind.',
        messages: [
          { role: 'user', content: [{ type: 'text', text: 'Add' }, { type: 'image', source: { type: 'base64', media_type: 'image/jpeg', data: '/9j/' } }] },
          { role: 'assistant', content: [{ type: 'thinking', thinking: 'Use calc.' }, { type: 'tool_use', id: 'toolu_1', name: 'calc', input: { e: '1+1' } }] },
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: '2' }] },
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_2', content: [{ type: 'text', text: '3' }] }] },
        ],
        tools: [{ name: 'calc', description: 'Math', input_schema: { type: 'object' } }],
      }, { status: 200, body: null }),
    );
    expect(view.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'user']);
    expect(view.messages[0]!.parts[1]).toMatchObject({ type: 'image', url: 'data:image/jpeg;base64,/9j/' });
    expect(view.messages[1]!.reasoning).toBe('Use calc.');
    expect(view.messages[1]!.toolCalls).toEqual([{ id: 'toolu_1', name: 'calc', arguments: '{"e":"1+1"}' }]);
    expect(view.messages[2]).toMatchObject({ toolCallId: 'toolu_1', parts: [{ type: 'text', text: '2' }] });
    expect(view.messages[3]).toMatchObject({ toolCallId: 'toolu_2', parts: [{ type: 'json', label: 'tool_result toolu_2' }] });
    expect(view.tools).toEqual([{ name: 'calc', description: 'Math', parameters: { type: 'object' } }]);
    expect(view.params).toEqual({ model: 'm', system: 'Be kind.' });
  });
});

describe('Google GenAI contents', () => {
  it('reads text, function_call and function_response parts', () => {
    const view = requestOf(
      inference('/generate_content', {
        model: 'g',
        contents: [
          { role: 'user', parts: [{ text: 'Weather?' }] },
          { role: 'model', parts: [{ function_call: { name: 'weather', args: { city: 'Oslo' } } }] },
          { role: 'user', parts: [{ function_response: { name: 'weather', response: { temp: 3 } } }, { inline_data: { mime_type: 'image/webp', data: 'UklG' } }] },
        ],
        config: { temperature: 0, tools: [{ function_declarations: [{ name: 'weather', parameters_json_schema: { type: 'object' } }] }] },
      }, { body: null }),
    );
    expect(view.messages.map((m) => m.role)).toEqual(['user', 'model', 'user']);
    expect(view.messages[1]!.toolCalls).toEqual([{ name: 'weather', arguments: '{"city":"Oslo"}' }]);
    expect(view.messages[2]!.parts[0]).toEqual({ type: 'json', label: 'function_response weather', value: { temp: 3 } });
    expect(view.messages[2]!.parts[1]).toMatchObject({ type: 'image', url: 'data:image/webp;base64,UklG' });
    expect(view.tools).toEqual([{ name: 'weather', parameters: { type: 'object' } }]);
    expect(view.params).toHaveProperty('config');
  });

  it('top-level tools with function_declarations', () => {
    const view = requestOf(inference('/generate_content', { contents: 'Hi', tools: [{ function_declarations: [{ name: 'a' }, { name: 'b' }] }] }, { body: null }));
    expect(view.tools.map((t) => t.name)).toEqual(['a', 'b']);
    expect(view.messages).toEqual([{ role: 'user', parts: [{ type: 'text', text: 'Hi' }], toolCalls: [] }]);
  });
});

describe('interactions input', () => {
  const url = 'https://x/v1beta/interactions';
  it('reads a string', () => {
    const view = requestOf(passthrough(url, { model: 'g', input: 'Hello' }, { body: null }));
    expect(view.messages).toEqual([{ role: 'user', parts: [{ type: 'text', text: 'Hello' }], toolCalls: [] }]);
    expect(view.params).toEqual({ model: 'g' });
  });

  it('reads turns with function calls and results', () => {
    const view = requestOf(
      passthrough(url, {
        input: [
          { role: 'user', content: 'Weather?' },
          { role: 'model', content: [{ type: 'function_call', id: 'c1', name: 'weather', arguments: { city: 'Oslo' } }] },
          { role: 'user', content: [{ type: 'function_result', call_id: 'c1', name: 'weather', result: { temp: 3 } }] },
        ],
      }, { body: null }),
    );
    expect(view.messages.map((m) => m.role)).toEqual(['user', 'model', 'user']);
    expect(view.messages[1]!.toolCalls).toEqual([{ id: 'c1', name: 'weather', arguments: '{"city":"Oslo"}' }]);
    expect(view.messages[2]).toMatchObject({ toolCallId: 'c1', parts: [{ type: 'json', label: 'function_result weather', value: { temp: 3 } }] });
  });

  it('bare content items form one user turn', () => {
    const view = requestOf(passthrough(url, { input: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }] }, { body: null }));
    expect(view.messages).toEqual([{ role: 'user', parts: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }], toolCalls: [] }]);
  });
});

describe('completions prompt and embeddings input', () => {
  it('token prompts become a json part', () => {
    const view = requestOf(inference('/v1/completions', { prompt: [1, 2, 3] }, { body: null }));
    expect(view.messages[0]!.parts).toEqual([{ type: 'json', label: 'tokens', value: [1, 2, 3] }]);
  });

  it('embedding input strings', () => {
    const view = requestOf(inference('/v1/embeddings', { input: 'one' }, { body: null }));
    expect(view.messages[0]!.parts).toEqual([{ type: 'text', text: 'one' }]);
  });

  it('chat input is just a parameter', () => {
    const view = requestOf(inference('/v1/chat/completions', { input: 'x', messages: [] }, { body: null }));
    expect(view.params).toEqual({ input: 'x' });
  });
});

describe('Ollama /api/chat images', () => {
  it('become image parts with their format and size, and a non-image stays data', () => {
    const pngBase64 = PNG.slice('data:image/png;base64,'.length);
    const request = requestOf(
      inference('/api/chat', { model: 'llava', messages: [{ role: 'user', content: 'What is in the picture?', images: [pngBase64, 'bm90IGFuIGltYWdl'] }] }, {
        body: { model: 'llava', message: { role: 'assistant', content: 'A dot.' }, done: true },
        is_streaming: false,
      }),
    );
    const parts = request.messages[0]!.parts;
    expect(parts[0]).toEqual({ type: 'text', text: 'What is in the picture?' });
    expect(parts[1]).toEqual({ type: 'image', url: PNG, label: 'image/png, 70 B' });
    expect(parts[2]).toMatchObject({ type: 'json', label: 'image (not a known image format, 12 B)' });
  });
});

describe('Ollama /api/generate images', () => {
  it('become image parts of the prompt, not a parameter', () => {
    const pngBase64 = PNG.slice('data:image/png;base64,'.length);
    const request = requestOf(
      inference('/api/generate', { model: 'llava', prompt: 'Describe it.', images: [pngBase64] }, {
        body: { model: 'llava', response: 'A dot.', done: true },
        is_streaming: false,
      }),
    );
    expect(request.messages).toEqual([{ role: 'user', parts: [{ type: 'text', text: 'Describe it.' }, { type: 'image', url: PNG, label: 'image/png, 70 B' }], toolCalls: [] }]);
    expect(request.params).not.toHaveProperty('images');
  });
});
