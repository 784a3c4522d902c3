import { describe, expect, it } from 'vitest';
import { parseRecording, parseRecordingValue } from './parseRecording';
import { chatChunk, chatStream, inference, sdk, TEST_ID, toJson } from '../../../testing/recordings';
import type { ParseResult, Recording } from './types';

function reason(result: ParseResult): string {
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.error.reason;
}

function ok(result: ParseResult): Recording {
  if (!result.ok) throw new Error(`expected a recording, got: ${result.error.reason}`);
  return result.recording;
}

const minimal = inference(
  '/v1/chat/completions',
  { model: 'tiny-model', messages: [{ role: 'user', content: 'Hi' }] },
  {
    body: sdk('openai.types.chat.chat_completion.ChatCompletion', {
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'Hello!' } }],
      model: 'tiny-model',
    }),
    is_streaming: false,
  },
);

describe('parseRecording: rejections name what is wrong', () => {
  it('puts the path in the error', () => {
    const result = parseRecording('', 'a/b.json');
    expect(result).toEqual({ ok: false, error: { path: 'a/b.json', reason: 'empty file' } });
  });

  it('empty and whitespace-only files', () => {
    expect(reason(parseRecording('', 'x.json'))).toBe('empty file');
    expect(reason(parseRecording('\uFEFF', 'x.json'))).toBe('empty file');
    expect(reason(parseRecording(' \n\t ', 'x.json'))).toMatch(/^empty file/);
  });

  it('binary content', () => {
    expect(reason(parseRecording('SQLite format 3\u0000\u0010\u0000', 'index.sqlite'))).toBe('binary content (NUL bytes)');
    expect(reason(parseRecording('\u0001\u0002\u0003\u0004\u0005abc', 'x.json'))).toMatch(/^binary content/);
    expect(reason(parseRecording('\uFFFD\uFFFD\uFFFDPNG\uFFFD', 'x.json'))).toMatch(/^binary content/);
  });

  it('JSON that parses but was not UTF-8 (mostly replacement characters) is still called out', () => {
    const garbled = JSON.stringify({ request: { note: '\uFFFD'.repeat(200) }, response: { body: null } });
    expect(reason(parseRecording(garbled, 'latin1.json'))).toBe('binary content (not UTF-8 text)');
    const oneAccent = JSON.stringify({ ...minimal, test_id: 'tests/x.py::test_caf\uFFFD' });
    expect(parseRecording(oneAccent, 'x.json').ok).toBe(true);
  });

  it('invalid JSON with a position', () => {
    const text = toJson(minimal);
    const truncated = text.slice(0, 100);
    const r = reason(parseRecording(truncated, 'x.json'));
    expect(r).toMatch(/^not valid JSON: /);
    expect(r).toContain('position 100');
    expect(r).toMatch(/line \d+, column \d+|line \d+ column \d+/);
    expect(reason(parseRecording('{"request": {}, "response": {}', 'x.json'))).toMatch(/^not valid JSON: .*position/);
    expect(reason(parseRecording('{"a" 1}', 'x.json'))).toMatch(/^not valid JSON: .*position 5/);
    expect(reason(parseRecording("{'request': 1}", 'x.json'))).toMatch(/^not valid JSON: /);
    expect(reason(parseRecording('\n# Test recordings\n', 'README.json'))).toMatch(/^not valid JSON: .*position 1 \(line 2, column 1\)/);
  });

  it('top level that is not an object', () => {
    expect(reason(parseRecording('[1, 2]', 'x.json'))).toBe('top level is a JSON array, expected an object');
    expect(reason(parseRecording('"text"', 'x.json'))).toBe('top level is a JSON string, expected an object');
    expect(reason(parseRecording('42', 'x.json'))).toBe('top level is a JSON number, expected an object');
    expect(reason(parseRecording('null', 'x.json'))).toBe('top level is null, expected an object');
    expect(reason(parseRecording('true', 'x.json'))).toBe('top level is a JSON boolean, expected an object');
  });

  it('JSON that is not a recording (package.json, ci_matrix.json)', () => {
    const pkg = reason(parseRecording('{"name": "demo", "version": "1.0.0", "scripts": {}}', 'package.json'));
    expect(pkg).toMatch(/^not a recording: missing "request" and "response"/);
    expect(pkg).toContain('"name"');
    expect(reason(parseRecording('{"include": [{"suite": "base"}]}', 'ci_matrix.json'))).toMatch(
      /^not a recording: missing "request" and "response"/,
    );
    expect(reason(parseRecording('{}', 'x.json'))).toBe('not a recording: missing "request" and "response" (the object is empty)');
    expect(reason(parseRecording('{"request": {}}', 'x.json'))).toMatch(/^not a recording: missing "response"/);
    expect(reason(parseRecording('{"response": {}}', 'x.json'))).toMatch(/^not a recording: missing "request"/);
  });

  it('request or response of the wrong type', () => {
    expect(reason(parseRecording('{"request": "GET /", "response": {}}', 'x.json'))).toBe(
      'not a recording: "request" is a string, expected an object',
    );
    expect(reason(parseRecording('{"request": {}, "response": [1]}', 'x.json'))).toBe(
      'not a recording: "response" is an array, expected an object',
    );
    expect(reason(parseRecording('{"request": {}, "response": null}', 'x.json'))).toBe(
      'not a recording: "response" is null, expected an object',
    );
  });

  it('non-string input does not throw', () => {
    expect(reason(parseRecording(undefined as unknown as string, 'x.json'))).toMatch(/expected file text/);
  });
});

describe('parseRecording: envelope', () => {
  it('accepts a leading BOM', () => {
    const recording = ok(parseRecording(`\uFEFF${toJson(minimal)}`, 'r.json'));
    expect(recording.response.text).toBe('Hello!');
  });

  it("reads Python's bare NaN and Infinity (json.dump writes float('nan') so), and only outside strings", () => {
    const text = toJson(minimal)
      .replace('"model": "tiny-model",', '"model": "tiny-model", "temperature": NaN, "logit_bias": [Infinity, -Infinity], "note": "NaN stays text",');
    expect(text).toContain('NaN,');
    const recording = ok(parseRecording(text, 'r.json'));
    const body = recording.request.body as Record<string, unknown>;
    expect(body.temperature).toBeNaN();
    expect(body.logit_bias).toEqual([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
    expect(body.note).toBe('NaN stays text');
    expect(recording.response.text).toBe('Hello!');
    // Anything else JSON.parse refuses is still named as invalid JSON.
    expect(reason(parseRecording(text.replace('NaN,', 'nan,'), 'r.json'))).toMatch(/^not valid JSON/);
  });

  it('parseRecordingValue reads parsed JSON the same way', () => {
    const fromText = ok(parseRecording(toJson(minimal), 'r.json'));
    const fromValue = ok(parseRecordingValue(JSON.parse(toJson(minimal)), 'r.json'));
    expect(fromValue).toEqual(fromText);
    expect(reason(parseRecordingValue([], 'r.json'))).toBe('top level is a JSON array, expected an object');
  });

  it('reads test id, its parts, endpoint, model, provider and type', () => {
    const value = structuredClone(minimal);
    value.request.provider_metadata = { provider: 'ollama' };
    const recording = ok(parseRecordingValue(value, 'inference/recordings/abc.json'));
    expect(recording.path).toBe('inference/recordings/abc.json');
    expect(recording.testId).toBe(TEST_ID);
    expect(recording.testIdParts).toEqual({
      suite: 'inference',
      file: 'tests/integration/inference/test_demo.py',
      test: 'TestDemo::test_hello',
      params: 'txt=ollama/tiny-model',
    });
    expect(recording.endpoint).toBe('/v1/chat/completions');
    expect(recording.model).toBe('tiny-model');
    expect(recording.provider).toBe('ollama');
    expect(recording.responseType).toBe('openai.types.chat.chat_completion.ChatCompletion');
    expect(recording.streaming).toBe(false);
    expect(recording.stream).toBeNull();
    expect(recording.chunkCount).toBe(1);
    expect(recording.bodyEntries).toBe(1);
    expect(recording.error).toBeNull();
  });

  it('test id: null, missing, or only inside the request', () => {
    const none = { ...minimal, test_id: null };
    expect(ok(parseRecordingValue(none, 'r.json')).testId).toBeNull();
    expect(ok(parseRecordingValue(none, 'r.json')).testIdParts).toBeNull();
    const { test_id: _drop, ...missing } = minimal;
    void _drop;
    expect(ok(parseRecordingValue(missing, 'r.json')).testId).toBeNull();
    const inner = { request: { test_id: 'tests/x/test_y.py::test_z', tool_name: 'web_search', provider: 'tavily', kwargs: {} }, response: { body: null } };
    expect(ok(parseRecordingValue(inner, 'r.json')).testId).toBe('tests/x/test_y.py::test_z');
  });

  it('a response without body still parses (exception recorded without one)', () => {
    const value = { test_id: null, request: { endpoint: '/v1/chat/completions', body: {} }, response: { is_exception: true, exception_message: 'boom' } };
    const recording = ok(parseRecordingValue(value, 'r.json'));
    expect(recording.error?.message).toBe('boom');
    expect(recording.bodyEntries).toBe(0);
  });

  it('an empty request and response still parse as unknown', () => {
    const recording = ok(parseRecording('{"request": {}, "response": {}}', 'r.json'));
    expect(recording.kind).toBe('unknown');
    expect(recording.endpoint).toBe('');
    expect(recording.response.text).toBe('');
  });

  it('stream offsets agree with the final text', () => {
    const recording = ok(
      parseRecordingValue(chatStream([chatChunk({ role: 'assistant', content: '' }), chatChunk({ content: 'Hel' }), chatChunk({ content: 'lo' })]), 'r.json'),
    );
    const stream = recording.stream!;
    expect(recording.chunkCount).toBe(3);
    expect(Array.from(stream.textEnd)).toEqual([0, 3, 5]);
    expect(recording.response.text.slice(0, stream.textEnd[1])).toBe('Hel');
  });
});
