/**
 * The cassette reader on our own small cassettes, one per API and per bad
 * input. Cassettes are written as JSON (valid YAML) unless the case is about
 * YAML itself; every expected value is written by hand from the format doc.
 */
import { gzipSync, brotliCompressSync, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { interactionRecording, readCassette, readCassetteText, type CassetteInteraction } from '../src/core/cassette';

type Json = Record<string, unknown>;

const OPENAI = 'https://api.openai.com/v1/chat/completions';

function vcr(...interactions: Json[]): string {
  return JSON.stringify({ interactions, version: 1 });
}

function call(uri: string, requestBody: unknown, body: string, contentType = 'application/json', status = 200): Json {
  return {
    request: { method: 'POST', uri, body: typeof requestBody === 'string' ? requestBody : JSON.stringify(requestBody), headers: { authorization: ['AUTHORIZATION-XXX'] } },
    response: { status: { code: status, message: 'OK' }, headers: { 'Content-Type': [contentType] }, body: { string: body } },
  };
}

function sse(...events: (Json | string)[]): string {
  return events.map((event) => `data: ${typeof event === 'string' ? event : JSON.stringify(event)}\n\n`).join('');
}

async function only(text: string): Promise<CassetteInteraction> {
  const reading = await readCassetteText(text);
  if (!reading.ok) throw new Error(`invalid: ${reading.reason}`);
  expect(reading.interactions).toHaveLength(1);
  return reading.interactions[0]!;
}

function answer(i: CassetteInteraction) {
  return { text: i.text, tool_calls: i.toolCalls?.map((c) => ({ name: c.name, arguments: c.arguments })) ?? null, reasoning: i.reasoning, chunks: i.chunks, streaming: i.streaming, error: i.error, unreadable: i.unreadable };
}

describe('cassette files', () => {
  it('reads every interaction of a vcrpy cassette in order, with provider, api, model, status', async () => {
    const reading = await readCassetteText(
      vcr(
        call(OPENAI, { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] }, JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content: 'Hello!' } }] })),
        call('https://api.anthropic.com/v1/messages?beta=true', { model: 'claude-x', messages: [] }, JSON.stringify({ type: 'message', content: [{ type: 'text', text: 'Second' }] })),
      ),
    );
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.interactions.map((i) => [i.index, i.method, i.provider, i.api, i.model, i.status, i.text])).toEqual([
      [1, 'POST', 'openai', 'chat.completions', 'gpt-4o', 200, 'Hello!'],
      [2, 'POST', 'anthropic', 'messages', 'claude-x', 200, 'Second'],
    ]);
  });

  it('an empty cassette has no interactions and is not an error', async () => {
    expect(await readCassetteText('interactions: []\nversion: 1\n')).toEqual({ ok: true, interactions: [] });
  });

  it.each([
    ['broken YAML', 'interactions: [\n  - request: {'],
    ['a list document', '- a\n- b\n'],
    ['no interactions key', 'version: 1\n'],
    ['interactions not a list', 'interactions: 3\n'],
    ['websocket frames under interactions', 'interactions:\n- direction: sent\n  payload: hello\n'],
    ['gRPC samples under interactions', 'interactions:\n- request: {method: /svc/Call}\n  response: "bytes"\n'],
    ['unequal langchain lists', JSON.stringify({ requests: [{ method: 'GET', uri: 'x' }], responses: [] })],
    ['a custom tag', 'interactions: !ruby/object:Foo {}\n'],
    ['a python tag', 'interactions:\n- request: !!python/object/apply:os.system ["echo"]\n  response: {}\n'],
  ])('is one invalid reason for %s', async (_, text) => {
    const reading = await readCassetteText(text);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.reason.length).toBeGreaterThan(10);
  });

  it('refuses a YAML bomb with a message naming alias expansion', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const reading = await readCassetteText(`${levels.join('\n')}\ninteractions: []\n`);
    expect(reading).toEqual({ ok: false, reason: expect.stringMatching(/alias/i) as unknown as string });
  });

  it('reads YAML 1.1 scalars as PyYAML does: yes/no booleans, timestamps and "y" stay strings', async () => {
    const i = await only(
      [
        'interactions:',
        '- recorded_at: 2024-01-02T03:04:05Z',
        '  request: {method: get, uri: "http://localhost:8000/x", body: {encoding: UTF-8, string: "", file: no}}',
        '  response:',
        '    status: {code: "404", message: Not Found}',
        '    headers: {}',
        '    body: {encoding: UTF-8, string: y, file: no}',
      ].join('\n'),
    );
    expect(i.raw.recorded_at).toBe('2024-01-02T03:04:05Z');
    expect([i.method, i.status, i.error, i.provider, i.api]).toEqual(['GET', 404, 'y', 'other', 'other']);
  });

  it('reads Ruby VCR http_interactions with base64 bodies and R vcr file bodies', async () => {
    const body = Buffer.from(JSON.stringify({ choices: [{ message: { content: 'from ruby' } }] })).toString('base64');
    const reading = await readCassetteText(
      [
        'http_interactions:',
        '- request:',
        '    method: post',
        `    uri: ${OPENAI}`,
        '    body: {encoding: UTF-8, string: \'{"model":"gpt-4.1"}\'}',
        '  response:',
        '    status: {code: 200, message: OK}',
        '    headers: {Content-Type: [application/json]}',
        `    body: {encoding: ASCII-8BIT, base64_string: "${body}"}`,
        '- request: {method: post, uri: "https://api.openai.com/v1/chat/completions", body: {string: ""}}',
        '  response:',
        '    status: {code: 200}',
        '    body: {encoding: UTF-8, file: yes, string: fixtures/body.json}',
      ].join('\n'),
    );
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.interactions.map((i) => [i.method, i.model, i.text, i.unreadable])).toEqual([
      ['POST', 'gpt-4.1', 'from ruby', null],
      ['POST', null, null, 'body stored outside the cassette'],
    ]);
  });

  it('reads R vcr status_code strings', async () => {
    const i = await only(
      [
        'http_interactions:',
        '- request: {method: post, uri: "https://api.anthropic.com/v1/messages", body: {encoding: "", string: "{\\"model\\":\\"claude\\"}"}}',
        '  response:',
        "    status: {status_code: '429', message: Too Many Requests}",
        '    headers: {content-type: application/json}',
        '    body: {encoding: "", file: no, string: "{\\"type\\":\\"error\\",\\"error\\":{\\"type\\":\\"rate_limit_error\\",\\"message\\":\\"Slow down\\"}}"}',
      ].join('\n'),
    );
    expect([i.status, i.model, i.error]).toEqual([429, 'claude', 'Slow down']);
  });

  it("reads langchain's requests + responses pairs by position", async () => {
    const reading = await readCassetteText(
      JSON.stringify({
        requests: [{ method: 'POST', uri: OPENAI, body: '{"model":"m1"}', headers: {} }],
        responses: [{ status: { code: 200 }, headers: {}, body: { string: '{"choices":[{"message":{"content":"paired"}}]}' } }],
      }),
    );
    expect(reading.ok && reading.interactions.map((i) => [i.model, i.text])).toEqual([['m1', 'paired']]);
  });

  it('gunzips a .yaml.gz cassette and reports a corrupt one as invalid', async () => {
    const text = vcr(call(OPENAI, {}, '{"choices":[{"message":{"content":"zipped"}}]}'));
    const good = await readCassette(new Uint8Array(gzipSync(Buffer.from(text))), 'cassettes/t/test_zip.yaml.gz');
    expect(good.ok && good.interactions[0]!.text).toBe('zipped');
    const bad = await readCassette(new Uint8Array([0x1f, 0x8b, 1, 2, 3, 4]), 'cassettes/t/broken.yml.GZ');
    expect(bad.ok).toBe(false);
  });
});

describe('big cassettes, read one interaction at a time', () => {
  const item = (n: number) => call(OPENAI, { model: `m${n}` }, JSON.stringify({ choices: [{ message: { content: `answer ${n}` } }] }));

  it.each([
    ['vcrpy layout (items at column 0)', (items: Json[]) => `interactions:\n${items.map((i) => `- ${JSON.stringify(i)}`).join('\n')}\nversion: 1\n`],
    ['Ruby layout (items indented)', (items: Json[]) => `http_interactions:\n${items.map((i) => `  - ${JSON.stringify(i)}`).join('\n')}\nrecorded_with: VCR 6\n`],
    ['anchors and aliases', (items: Json[]) => `base: &auth {authorization: [X]}\ninteractions:\n${items.map((i) => `- ${JSON.stringify(i)}`).join('\n')}\n- request: {method: GET, uri: "${OPENAI}", headers: *auth}\n  response: {status: {code: 200}, body: {string: ""}}\n`],
  ])('%s gives what a whole-file parse gives', async (_, layout) => {
    const text = layout(Array.from({ length: 40 }, (_, n) => item(n + 1)));
    const whole = await readCassetteText(text, { splitAbove: Number.POSITIVE_INFINITY });
    const pieces = await readCassetteText(text, { splitAbove: 0 });
    expect(whole.ok).toBe(true);
    if (!whole.ok || !pieces.ok) throw new Error('invalid');
    expect(pieces.interactions.map((i) => [i.index, i.model, i.text])).toEqual(whole.interactions.map((i) => [i.index, i.model, i.text]));
    expect(whole.interactions[39]!.text).toBe('answer 40');
  });

  it('one bad item makes the whole big cassette one invalid file', async () => {
    const text = `interactions:\n${Array.from({ length: 30 }, (_, n) => `- ${JSON.stringify(item(n))}`).join('\n')}\n- {direction: sent, payload: x}\n`;
    const reading = await readCassetteText(text, { splitAbove: 0 });
    expect(reading.ok).toBe(false);
  });
});

describe('bodies', () => {
  function binaryCassette(bytes: Uint8Array, headers: Json, tag = '!!binary'): string {
    return [
      'interactions:',
      '- request: {method: POST, uri: "https://api.openai.com/v1/chat/completions", body: null}',
      '  response:',
      '    status: {code: 200, message: OK}',
      `    headers: ${JSON.stringify(headers)}`,
      '    body:',
      `      string: ${tag} |`,
      ...Buffer.from(bytes).toString('base64').match(/.{1,60}/g)!.map((line) => `        ${line}`),
    ].join('\n');
  }
  const json = JSON.stringify({ choices: [{ message: { content: 'decoded' } }] });

  it('gunzips !!binary and Ruby !binary bodies', async () => {
    for (const tag of ['!!binary', '!binary']) {
      const i = await only(binaryCassette(new Uint8Array(gzipSync(json)), { 'Content-Encoding': ['gzip'] }, tag));
      expect(i.text).toBe('decoded');
    }
  });

  it('inflates deflate bodies (zlib and raw)', async () => {
    const i = await only(binaryCassette(new Uint8Array(deflateSync(json)), { 'Content-Encoding': ['deflate'] }));
    expect(i.text).toBe('decoded');
  });

  it.each([
    ['brotli', new Uint8Array(brotliCompressSync(json)), { 'Content-Encoding': ['br'] }, 'brotli-compressed body'],
    ['zstd', new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0, 0, 1, 2]), {}, 'zstd-compressed body'],
    ['not UTF-8', new Uint8Array([0xff, 0xfe, 0x00, 0x81]), { 'Content-Type': ['image/png'] }, 'binary body (not UTF-8, image/png)'],
    ['corrupt gzip', new Uint8Array([0x1f, 0x8b, 8, 0, 9, 9, 9]), {}, 'corrupt gzip body'],
  ])('%s body is unreadable, the rest of the interaction is kept', async (_, bytes, headers, reason) => {
    const i = await only(binaryCassette(bytes, headers));
    expect(answer(i)).toEqual({ text: null, tool_calls: null, reasoning: null, chunks: 0, streaming: false, error: null, unreadable: reason });
    expect([i.provider, i.api, i.status]).toEqual(['openai', 'chat.completions', 200]);
    const recording = interactionRecording(i, 'c.yaml');
    expect(recording.http?.unreadable).toBe(reason);
  });

  it('a Bedrock event stream is binary with its size, recognised by its prelude even without a content type', async () => {
    const payload = new TextEncoder().encode('{"x":1}');
    const total = 16 + payload.length;
    const message = new Uint8Array(total);
    const view = new DataView(message.buffer);
    view.setUint32(0, total);
    view.setUint32(4, 0);
    view.setUint32(8, crc32(message.subarray(0, 8)));
    message.set(payload, 12);
    const i = await only(binaryCassette(message, { 'Content-Type': ['REDACTED'] }));
    expect(answer(i)).toEqual({ text: null, tool_calls: null, reasoning: null, chunks: null, streaming: true, error: null, unreadable: 'binary event stream (application/vnd.amazon.eventstream)' });
    expect(i.responseByteLength).toBe(total);
  });

  it('request bodies as string, parsed_body or bytes all give the model and the messages', async () => {
    const response = { status: { code: 200 }, headers: {}, body: { string: '{}' } };
    const requestBody = { model: 'm', messages: [{ role: 'user', content: 'question?' }], tools: [{ type: 'function', function: { name: 'f', parameters: {} } }], temperature: 0 };
    const reading = await readCassetteText(
      [
        'interactions:',
        `- request: {method: POST, uri: "${OPENAI}", body: ${JSON.stringify(JSON.stringify(requestBody))}}`,
        `  response: ${JSON.stringify(response)}`,
        `- request: {method: POST, uri: "${OPENAI}", parsed_body: ${JSON.stringify(requestBody)}}`,
        `  response: ${JSON.stringify(response)}`,
        '- request:',
        '    method: POST',
        `    uri: "${OPENAI}"`,
        '    body: !!binary |',
        `      ${gzipSync(JSON.stringify(requestBody)).toString('base64')}`,
        `  response: ${JSON.stringify(response)}`,
      ].join('\n'),
    );
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    for (const interaction of reading.interactions) {
      expect(interaction.model).toBe('m');
      const { request } = interactionRecording(interaction, 'c.yaml');
      expect(request.messages.map((m) => [m.role, m.parts[0]])).toEqual([['user', { type: 'text', text: 'question?' }]]);
      expect(request.tools.map((t) => t.name)).toEqual(['f']);
      expect(request.params.temperature).toBe(0);
    }
  });
});

describe('APIs', () => {
  it('OpenAI chat stream: text, tool call fragments by index, [DONE] not counted', async () => {
    const i = await only(
      vcr(
        call(
          OPENAI,
          { model: 'gpt-4o', stream: true },
          sse(
            { choices: [{ index: 0, delta: { role: 'assistant', content: 'Hel' } }] },
            { choices: [{ index: 0, delta: { content: 'lo' } }] },
            { choices: [{ index: 0, delta: { tool_calls: [{ index: 0, id: 'call_1', function: { name: 'get_weather', arguments: '{"ci' } }] } }] },
            { choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: 'ty":"Paris"}' } }] } }] },
            { choices: [{ index: 1, delta: { content: 'other choice' } }] },
            '[DONE]',
          ),
          'text/event-stream; charset=utf-8',
        ),
      ),
    );
    expect(answer(i)).toEqual({ text: 'Hello', tool_calls: [{ name: 'get_weather', arguments: '{"city":"Paris"}' }], reasoning: null, chunks: 5, streaming: true, error: null, unreadable: null });
    const recording = interactionRecording(i, 'c.yaml');
    expect(recording.chunkCount).toBe(5);
    expect(Array.from(recording.stream!.textEnd)).toEqual([3, 5, 5, 5, 5]);
  });

  it('OpenAI Responses stream: output_text deltas, reasoning summary, calls ordered by output_index', async () => {
    const events = [
      { type: 'response.created', response: { id: 'resp_1' } },
      { type: 'response.reasoning_summary_text.delta', delta: 'thinking…' },
      { type: 'response.output_item.added', output_index: 2, item: { type: 'function_call', name: 'second', arguments: '' } },
      { type: 'response.output_item.added', output_index: 1, item: { type: 'function_call', name: 'first', arguments: '' } },
      { type: 'response.function_call_arguments.delta', output_index: 2, delta: '{"b":2}' },
      { type: 'response.output_item.done', output_index: 1, item: { type: 'function_call', name: 'first', arguments: '{"a":1}' } },
      { type: 'response.output_text.delta', delta: 'Done.' },
    ];
    const body = events.map((e) => `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`).join('');
    const i = await only(vcr(call('https://api.openai.com/v1/responses', { model: 'gpt-5', input: 'hi' }, body, 'text/event-stream')));
    expect(answer(i)).toEqual({ text: 'Done.', tool_calls: [{ name: 'first', arguments: '{"a":1}' }, { name: 'second', arguments: '{"b":2}' }], reasoning: 'thinking…', chunks: 7, streaming: true, error: null, unreadable: null });
  });

  it('OpenAI Responses non-stream and background retrieval', async () => {
    const body = JSON.stringify({
      output: [
        { type: 'reasoning', summary: [{ type: 'summary_text', text: 'A' }], content: [{ type: 'reasoning_text', text: 'B' }] },
        { type: 'web_search_call' },
        { type: 'function_call', name: 'lookup', arguments: '{"q":"x"}' },
        { type: 'message', content: [{ type: 'output_text', text: 'answer' }] },
      ],
    });
    const i = await only(vcr(call('https://api.openai.com/v1/responses/resp_abc123', null, body)));
    expect([i.api, i.text, i.reasoning, i.toolCalls]).toEqual(['responses', 'answer', 'AB', [{ name: 'lookup', arguments: '{"q":"x"}' }]]);
  });

  it('Anthropic stream: thinking, text, tool_use partial_json and empty input', async () => {
    const events = [
      { type: 'message_start', message: { model: 'claude' } },
      { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'Hmm.' } },
      { type: 'content_block_start', index: 1, content_block: { type: 'text', text: 'Sure' } },
      { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: ', done.' } },
      { type: 'content_block_start', index: 2, content_block: { type: 'tool_use', name: 'calc', input: {} } },
      { type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: '{"x":' } },
      { type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: '1}' } },
      { type: 'content_block_start', index: 3, content_block: { type: 'tool_use', name: 'noargs', input: { preset: 'é' } } },
      { type: 'content_block_stop', index: 3 },
    ];
    const body = events.map((e) => `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`).join('');
    const i = await only(vcr(call('https://api.anthropic.com/v1/messages', { model: 'claude' }, body, 'text/event-stream')));
    expect(answer(i)).toEqual({
      text: 'Sure, done.',
      tool_calls: [{ name: 'calc', arguments: '{"x":1}' }, { name: 'noargs', arguments: '{"preset":"é"}' }],
      reasoning: 'Hmm.',
      chunks: 10,
      streaming: true,
      error: null,
      unreadable: null,
    });
  });

  it('Anthropic error event in a stream and an HTTP error body', async () => {
    const stream = await only(vcr(call('https://api.anthropic.com/v1/messages', {}, 'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n', 'text/event-stream')));
    expect(stream.error).toBe('Overloaded');
    const http = await only(vcr(call('https://api.anthropic.com/v1/messages', {}, '{"detail":{"code":7}}', 'application/json', 500)));
    expect(http.error).toBe('{"code":7}');
    const empty = await only(vcr(call('https://api.anthropic.com/v1/messages', {}, '  ', 'text/plain', 503)));
    expect(empty.error).toBe('HTTP 503');
    const plain = await only(vcr(call('https://api.anthropic.com/v1/messages', {}, ' Bad gateway \n', 'text/plain', 502)));
    expect(plain.error).toBe('Bad gateway');
  });

  it('Gemini: SSE, JSON-array stream (no alt=sse), thoughts and function calls; model from the URL', async () => {
    const chunk = (parts: Json[]) => ({ candidates: [{ content: { role: 'model', parts } }] });
    const array = JSON.stringify([chunk([{ text: 'plan', thought: true }, { text: 'Hi ' }]), chunk([{ text: 'there' }, { functionCall: { name: 'f', args: { n: 1.0, big: 1e-7 } } }])]);
    const url = 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent';
    const i = await only(vcr(call(url, { contents: [] }, array)));
    expect([i.model, i.api, i.provider]).toEqual(['gemini-2.5-flash', 'generateContent', 'google']);
    expect(answer(i)).toEqual({ text: 'Hi there', tool_calls: [{ name: 'f', arguments: '{"n":1,"big":1e-7}' }], reasoning: 'plan', chunks: 2, streaming: true, error: null, unreadable: null });
    const viaSse = await only(vcr(call(`${url}?alt=sse`, { contents: [] }, sse(chunk([{ text: 'A' }]), chunk([{ text: 'B' }])), 'text/event-stream')));
    expect([viaSse.text, viaSse.chunks]).toEqual(['AB', 2]);
  });

  it('SSE recognised by its data: lines when the content type is redacted; SSE-labelled JSON is a plain body', async () => {
    const noType = await only(vcr(call(OPENAI, {}, sse({ choices: [{ delta: { content: 'x' } }] }), 'REDACTED')));
    expect([noType.streaming, noType.chunks, noType.text]).toEqual([true, 1, 'x']);
    const jsonError = await only(vcr(call(OPENAI, {}, '{"error":{"message":"quota exceeded"}}', 'text/event-stream', 429)));
    expect([jsonError.streaming, jsonError.chunks, jsonError.error]).toEqual([false, 0, 'quota exceeded']);
  });

  it('Mistral thinking parts and Groq reasoning field', async () => {
    const mistral = await only(
      vcr(call('https://api.mistral.ai/v1/chat/completions', { model: 'magistral' }, JSON.stringify({ choices: [{ message: { content: [{ type: 'thinking', thinking: [{ type: 'text', text: 'think' }] }, { type: 'text', text: 'ans' }] } }] }))),
    );
    expect([mistral.provider, mistral.text, mistral.reasoning]).toEqual(['mistral', 'ans', 'think']);
    const groq = await only(vcr(call('https://api.groq.com/openai/v1/chat/completions', {}, JSON.stringify({ choices: [{ message: { content: 'g', reasoning: 'r' } }] }))));
    expect([groq.provider, groq.text, groq.reasoning]).toEqual(['groq', 'g', 'r']);
  });

  it('Ollama NDJSON chat stream with tool calls and thinking', async () => {
    const lines = [
      { message: { role: 'assistant', content: '', thinking: 'consider' } },
      { message: { role: 'assistant', content: 'Weather: ' } },
      { message: { role: 'assistant', content: '', tool_calls: [{ function: { name: 'w', arguments: { city: 'Oslo' } } }] } },
      { message: { role: 'assistant', content: 'cold' }, done: true },
    ];
    const i = await only(vcr(call('http://localhost:11434/api/chat', { model: 'llama3' }, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`, 'application/x-ndjson')));
    expect([i.provider, i.api]).toEqual(['ollama', 'ollama.chat']);
    expect(answer(i)).toEqual({ text: 'Weather: cold', tool_calls: [{ name: 'w', arguments: '{"city":"Oslo"}' }], reasoning: 'consider', chunks: 4, streaming: true, error: null, unreadable: null });
  });

  it('Bedrock Converse (non-stream) with model from a percent-encoded ARN', async () => {
    const url = 'https://bedrock-runtime.us-east-1.amazonaws.com/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A1%3Ainference-profile%2Fus.anthropic.claude/converse';
    const body = JSON.stringify({ output: { message: { content: [{ reasoningContent: { reasoningText: { text: 'r' } } }, { text: 'conv' }, { toolUse: { name: 't', input: { a: [1] } } }] } } });
    const i = await only(vcr(call(url, { messages: [] }, body)));
    expect([i.provider, i.api, i.model, i.text, i.reasoning, i.toolCalls]).toEqual(['bedrock', 'converse', 'arn:aws:bedrock:us-east-1:1:inference-profile/us.anthropic.claude', 'conv', 'r', [{ name: 't', arguments: '{"a":[1]}' }]]);
  });

  it('Cohere v2 stream and v1 non-stream', async () => {
    const events = [
      { type: 'tool-plan-delta', delta: { message: { tool_plan: 'plan ' } } },
      { type: 'tool-call-start', index: 0, delta: { message: { tool_calls: { id: 'x', function: { name: 'search', arguments: '' } } } } },
      { type: 'tool-call-delta', index: 0, delta: { message: { tool_calls: { function: { arguments: '{"q":1}' } } } } },
      { type: 'content-delta', index: 0, delta: { message: { content: { text: 'ok' } } } },
    ];
    const body = events.map((e) => `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`).join('');
    const v2 = await only(vcr(call('https://api.cohere.com/v2/chat', { model: 'command-a' }, body, 'text/event-stream')));
    expect(answer(v2)).toEqual({ text: 'ok', tool_calls: [{ name: 'search', arguments: '{"q":1}' }], reasoning: 'plan ', chunks: 4, streaming: true, error: null, unreadable: null });
    const v1 = await only(vcr(call('https://api.cohere.ai/v1/chat', {}, JSON.stringify({ text: 'v1', tool_calls: [{ name: 'n', parameters: { p: true } }] }))));
    expect([v1.api, v1.text, v1.toolCalls]).toEqual(['cohere.chat', 'v1', [{ name: 'n', arguments: '{"p":true}' }]]);
  });

  it('embeddings and other APIs give no text', async () => {
    const emb = await only(vcr(call('https://api.openai.com/v1/embeddings', { model: 'e' }, JSON.stringify({ data: [{ embedding: [0.1] }] }))));
    expect([emb.api, emb.text, emb.toolCalls, emb.reasoning]).toEqual(['embeddings', '', [], null]);
    const other = await only(vcr(call('https://api.anthropic.com/v1/messages/count_tokens', {}, '{"input_tokens":3}')));
    expect([other.api, other.text]).toEqual(['other', '']);
  });
});

describe('recordings built from interactions', () => {
  it('paths, test grouping and redacted headers', async () => {
    const reading = await readCassetteText(vcr(call(OPENAI, {}, '{}'), call(OPENAI, {}, '{}')));
    if (!reading.ok) throw new Error(reading.reason);
    const recording = interactionRecording(reading.interactions[1]!, 'tests/cassettes/test_agent/test_tool_loop[gpt-4o].yaml');
    expect(recording.path).toBe('tests/cassettes/test_agent/test_tool_loop[gpt-4o].yaml#2');
    expect(recording.testIdParts).toEqual({ suite: 'tests', file: 'tests/cassettes/test_agent', test: 'test_tool_loop', params: 'gpt-4o' });
    expect(recording.http?.requestHeaders).toEqual([{ name: 'authorization', value: 'AUTHORIZATION-XXX', redacted: true }]);
    expect(recording.http?.responseHeaders).toEqual([{ name: 'Content-Type', value: 'application/json', redacted: false }]);
  });
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
