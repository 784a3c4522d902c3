/**
 * One recording per family and rule quirk, written here by hand; each file
 * name is the hash CPython computed for that request (pasted as a literal),
 * so these tests do not depend on the code under test for their answers.
 */
import { describe, expect, it } from 'vitest';
import { analyzeFolder, computeFileKey } from './index';
import { normalizeBody } from './rules';
import { parsePyJson, pyDumps } from './pyJson';

const TEST_ID = 'tests/integration/tools/test_x.py::test_search[txt=a]';
const DIR = 'tests/integration/tools/recordings';

function file(request: object, testId: string | null = TEST_ID): string {
  return JSON.stringify({ test_id: testId, request, response: { body: null, is_streaming: false } }, null, 2);
}

describe('each family reproduces names CPython computed', () => {
  it('tool (t1): {provider, tool_name, kwargs}, no normalisation, no test id', async () => {
    // The float and the long decimal stay as they are: tools are not normalised.
    const text = file({ test_id: TEST_ID, provider: 'tavily', tool_name: 'web_search', kwargs: { query: 'weather 2.50000001 in Paris', top_k: 3, ratio: 0.1 } });
    const key = await computeFileKey(`${DIR}/99cb374fc5e0e45bb58887006846f99ae1e8254fb1889175c82d5ed55867046f.json`, text);
    expect(key).toMatchObject({ family: 'tool', matches: ['t1-tool'], newest: 't1-tool', verdict: 'current' });
  });

  it('http passthrough (h1–h3): full URL, payload rounded to 5 places, with the test id', async () => {
    const text = file({ test_id: TEST_ID, url: 'http://localhost:8000/v1/ranking/rerank', method: 'POST', payload: { model: 'nv-rerank', query: 'q', passages: [{ text: 'a' }], threshold: 0.1234567 } });
    const key = await computeFileKey(`${DIR}/92272c6132326690d3ebb8ad49ae899ef71df47419d03db2d06f4cdd48a150c2.json`, text);
    expect(key).toMatchObject({ family: 'http', matches: ['h1-rerank', 'h2-project-id', 'h3-file-search'], newest: 'h3-file-search', verdict: 'current' });
  });

  it('model list, full hash (m3–m8): no test id for /v1/models', async () => {
    const text = file({ method: 'GET', url: 'http://localhost:8080/v1/models', headers: {}, body: {}, endpoint: '/v1/models', model: '' });
    const key = await computeFileKey(`${DIR}/models-fe6ec7355022a96382bc53857462b0dd784af5b4e7932d9e16bf4ab5514e8b35-0a1b2c3d.json`, text);
    expect(key).toMatchObject({ family: 'models', nameForm: 'models-full', newest: 'm8-file-search', verdict: 'current' });
    expect(key.matches).toEqual(['m3-full', 'm4-floats', 'm5-openai-models', 'm6-bedrock', 'm7-project-id', 'm8-file-search']);
  });

  it('model list, 12-hex hash (m1/m2): stale', async () => {
    const text = file({ method: 'POST', url: 'http://localhost:11434/api/tags', headers: {}, body: {}, endpoint: '/api/tags', model: '' }, null);
    const key = await computeFileKey(`${DIR}/models-4a3a4447b16b-1234abcd.json`, text);
    expect(key).toMatchObject({ family: 'models', matches: ['m1-short-sha1', 'm2-short-sha256'], newest: 'm2-short-sha256', verdict: 'stale' });
  });

  it('inference v1 (12-hex name, raw body, no test id): stale', async () => {
    const text = file({ method: 'POST', url: 'http://localhost:11434/v1/chat/completions', headers: {}, body: { model: 'm', messages: [{ role: 'user', content: 'hi' }], temperature: 0.7 } }, null);
    const key = await computeFileKey(`${DIR}/99584a80727b.json`, text);
    expect(key).toMatchObject({ family: 'inference', nameForm: 'short', matches: ['v1-raw'], newest: 'v1-raw', verdict: 'stale' });
    expect(key.currentKey).toMatch(/^[0-9a-f]{64}$/);
  });

  it('bedrock: stream_options dropped at the top from v4 on', async () => {
    const request = {
      method: 'POST',
      url: 'https://bedrock-runtime.us-east-1.amazonaws.com/openai/v1/chat/completions',
      headers: {},
      body: { model: 'm', messages: [{ role: 'user', content: 'hi' }], stream: true, stream_options: { include_usage: true } },
    };
    const today = await computeFileKey(`${DIR}/df52484a566067774da8adf9c91c78dbe7fccff8463210f4580ccf7aea81bceb.json`, file(request));
    expect(today).toMatchObject({ matches: ['v4-bedrock', 'v5-project-id', 'v6-file-search'], verdict: 'current' });
    const before = await computeFileKey(`${DIR}/f72cbb9ae81d28c06203712989ef22b115aab6d4117953b21dffa2f1c47efbc4.json`, file(request));
    expect(before).toMatchObject({ matches: ['v2-test-id', 'v3-floats', 'v3b-openai-models'], newest: 'v3b-openai-models', verdict: 'stale' });
  });

  it('v3a branch: floats and string decimals rounded to 6 places', async () => {
    const request = {
      method: 'POST',
      url: 'http://localhost:11434/v1/chat/completions',
      headers: {},
      body: { model: 'm', messages: [{ role: 'user', content: 'score 0.123456789' }], temperature: 0.1234567 },
    };
    const key = await computeFileKey(`${DIR}/50f1c302aed8cac2e73b845acc5ab7bacd145ebc03e088c2cb317f07d6cad04c.json`, file(request));
    expect(key).toMatchObject({ matches: ['v3a-floats6'], newest: 'v3a-floats6', verdict: 'stale' });
  });

  it('file processor (fp1): static 800/400 chunking hashed, family retired', async () => {
    const text = file({ test_id: TEST_ID, provider: 'pypdf', api: 'file_processors', file_id: 'file-1' });
    const key = await computeFileKey(`${DIR}/015fdda2f91532b0c0b88edce7bfdbfdf0a56ef00b3ca84bad6fd1ed9349ba2b.json`, text);
    expect(key).toMatchObject({ family: 'file_processor', matches: ['fp1-file-processor'], verdict: 'stale' });
    expect(key.currentKey).toBeUndefined();
  });
});

describe('file_search normalisation (v6) matches CPython', () => {
  it('scores, attributes, UUID document ids and citations become placeholders; decimals get 5 places', () => {
    const text = JSON.stringify([
      "[1] document_id: 0d5a8b1e-1111-2222-3333-444455556666, score: 0.8123, attributes: {'a': 1}\ncite as <|0d5a8b1e-1111-2222-3333-444455556666|> value 3.14159265",
      'x \u0661\u0662.\u0663\u0664\u0665\u0666\u0667 y',
    ]);
    const normalized = normalizeBody(parsePyJson(text), { digits: 5, projectId: true, fileSearch: 'uuids' });
    expect(pyDumps(normalized)).toBe(
      '["[1] document_id: __NORMALIZED__, score: __NORMALIZED__\\ncite as <|__NORMALIZED__|> value 3.14159", "x 12.34567 y"]',
    );
  });
});

describe('bad input: no key and a reason, never an exception; the rest keep their verdicts', () => {
  it('missing url, odd body, broken JSON, not hash-named', async () => {
    const name = `${DIR}/${'a'.repeat(64)}.json`;
    const good = file({ test_id: TEST_ID, provider: 'tavily', tool_name: 'web_search', kwargs: { query: 'weather 2.50000001 in Paris', top_k: 3, ratio: 0.1 } });
    const report = await analyzeFolder([
      { path: name, text: file({ method: 'POST', headers: {}, body: {} }) },
      { path: `${DIR}/${'b'.repeat(64)}.json`, text: file({ method: 'POST', url: 'http://x/v1/chat/completions', body: 'a string' }) },
      { path: `${DIR}/${'c'.repeat(64)}.json`, text: '{"request": {"url": ' },
      { path: `${DIR}/${'d'.repeat(64)}.json`, text: file({ method: 'POST', url: 'http://[::1/v1/chat', body: {} }) },
      { path: `${DIR}/hand-made.json`, text: good },
      { path: `${DIR}/99cb374fc5e0e45bb58887006846f99ae1e8254fb1889175c82d5ed55867046f.json`, text: good },
    ]);
    const reasons = report.files.map((f) => [f.key.verdict, f.key.noKeyReason]);
    expect(reasons).toEqual([
      [null, 'not hashable: the request has no url'],
      [null, 'not hashable: the request body is not a JSON object'],
      [null, expect.stringMatching(/^the file is not JSON Python can read/)],
      [null, expect.stringMatching(/^not hashable: the url cannot be parsed/)],
      [null, 'the file name is not a request hash'],
      ['current', undefined],
    ]);
    expect(report.summary).toEqual({ current: 1, stale: 0, none: 0, superseded: 0 });
  });
});
