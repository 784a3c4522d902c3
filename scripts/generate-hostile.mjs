#!/usr/bin/env node
// Writes a deterministic "hostile" recordings folder for end-to-end tests, and,
// beside it, <outdir>.expected.json declaring what the generator intended:
//
//   { "generator": "scripts/generate-hostile.mjs", "canary": "window.__pwned",
//     "valid":   ["tests/integration/hostile/recordings/....json", ...],
//     "broken":  [{ "path": "...", "problem": "<code>" }, ...],
//     "skipped": ["node_modules/pkg/x.json", ".git/objects/y.json", ...],
//     "about":   { "<path>": "what the file exercises", ... } }
//
// Paths are relative to <outdir>, with forward slashes. The expectations are
// declared here, not computed by any parser. Every injected script sets
// window.__pwned = 1 or calls alert(), so an e2e test can watch one canary.
//
// Usage: node scripts/generate-hostile.mjs <outdir>

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, parse, relative, resolve } from 'node:path';
import {
  PNG_SIGNATURE,
  chatCompletion,
  chunk,
  delta,
  fragments,
  removeTree,
  requestHash,
  sha256Hex,
  toRecordingJson,
  tokenize,
  typed,
  usage,
  writeFiles,
} from './lib/recording-kit.mjs';

const GENERATOR = 'scripts/generate-hostile.mjs';
const started = process.hrtime.bigint();

const arg = process.argv[2];
if (!arg) {
  console.error('usage: node scripts/generate-hostile.mjs <outdir>');
  process.exit(2);
}
const OUT = resolve(arg);
const EXPECTED = OUT.replace(/[\\/]+$/, '') + '.expected.json';

// --- safety: we delete OUT before writing, so refuse anything that looks wrong.
function refuse(why) {
  console.error(`generate-hostile: refusing to use ${OUT}: ${why}`);
  process.exit(2);
}
if (OUT === parse(OUT).root) refuse('it is a filesystem root');
if (OUT === homedir()) refuse('it is the home directory');
const cwdRel = relative(OUT, process.cwd());
if (cwdRel === '' || (!cwdRel.startsWith('..') && !isAbsolute(cwdRel))) refuse('it is, or contains, the current directory');
if (existsSync(OUT) && readdirSync(OUT).length > 0) {
  let ours = false;
  try {
    ours = JSON.parse(readFileSync(EXPECTED, 'utf8')).generator === GENERATOR;
  } catch {
    ours = false;
  }
  if (!ours) refuse(`it is not empty and ${EXPECTED} (written by a previous run) is missing`);
}

// ---------------------------------------------------------------------------

const files = []; // { path, data }
const valid = [];
const broken = [];
const skipped = [];
const about = {};

const H = 'tests/integration/hostile';
const HR = `${H}/recordings`;
const BR = 'tests/integration/broken/recordings';
const OLLAMA_V1 = 'http://0.0.0.0:11434/v1/v1';
const LLAMA = 'llama3.2:3b-instruct-fp16';
const PARAM = `txt=ollama/${LLAMA}`;

function add(list, path, data, note, problem) {
  files.push({ path, data });
  if (list === 'broken') broken.push({ path, problem });
  else if (list === 'valid') valid.push(path);
  else skipped.push(path);
  about[path] = note;
}

/** A minimal chat-completions inference recording. */
function chatRecording({ testId, messages, responseBody, isStreaming = false, extraBody = {}, endpoint = '/v1/chat/completions', model = LLAMA }) {
  const body = { model, messages, stream: isStreaming, ...extraBody };
  const hash = requestHash({ method: 'POST', endpoint, body, test_id: testId });
  const recId = `rec-${hash.slice(0, 12)}`;
  return {
    test_id: testId,
    request: { method: 'POST', url: `${OLLAMA_V1}${endpoint.replace(/^\/v1/, '')}`, headers: {}, body, endpoint, model },
    response: { body: typeof responseBody === 'function' ? responseBody(recId) : responseBody, is_streaming: isStreaming },
    id_normalization_mapping: {},
  };
}

function simpleCompletion(recId, content, extraMessage = {}) {
  return chatCompletion({ id: recId, model: LLAMA, fingerprint: 'fp_ollama', message: { content, ...extraMessage }, usage: usage(20, 20) });
}

const SIMPLE_USER = [{ role: 'user', content: 'Say hello.' }];

// ---------------------------------------------------------------------------
// Broken files
// ---------------------------------------------------------------------------

const okRecording = toRecordingJson(
  chatRecording({ testId: `${H}/test_broken.py::test_truncated[${PARAM}]`, messages: SIMPLE_USER, responseBody: (id) => simpleCompletion(id, 'Hello! How can I help you today?') }),
);

add('broken', `${BR}/empty.json`, '', 'zero-byte file', 'empty');
add('broken', `${BR}/whitespace-only.json`, ' \n\t  \r\n   \n', 'spaces, tabs and newlines only', 'whitespace-only');
add('broken', `${BR}/truncated.json`, okRecording.slice(0, Math.floor(okRecording.length * 0.6)), 'valid recording cut at 60% of its length', 'truncated-json');
add(
  'broken',
  `${BR}/binary.json`,
  Buffer.concat([PNG_SIGNATURE, Buffer.from([0, 0, 0, 13]), Buffer.from('IHDR', 'ascii'), Buffer.alloc(64, 0), Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x00])]),
  'PNG signature followed by NUL bytes, named .json',
  'binary',
);
add('broken', `${BR}/top-level-array.json`, '[\n  {\n    "request": {},\n    "response": {}\n  }\n]\n', 'JSON array at top level (even though it holds a recording-like object)', 'top-level-array');
add('broken', `${BR}/top-level-number.json`, '42\n', 'JSON number at top level', 'top-level-number');
add('broken', `${BR}/top-level-string.json`, '"just a string"\n', 'JSON string at top level', 'top-level-string');
add('broken', `${BR}/top-level-null.json`, 'null\n', 'JSON null at top level', 'top-level-null');
add('broken', `${BR}/not-a-recording.json`, '{\n  "name": "x"\n}\n', 'JSON object without request/response', 'not-a-recording');
add(
  'broken',
  `${BR}/request-without-response.json`,
  JSON.stringify(
    {
      test_id: `${H}/test_broken.py::test_no_response[${PARAM}]`,
      request: { method: 'POST', url: `${OLLAMA_V1}/chat/completions`, headers: {}, body: { model: LLAMA, messages: SIMPLE_USER, stream: false }, endpoint: '/v1/chat/completions', model: LLAMA },
    },
    null,
    2,
  ) + '\n',
  'recording with request but no response',
  'missing-response',
);

// ---------------------------------------------------------------------------
// Files that must be skipped entirely (not listed, not counted)
// ---------------------------------------------------------------------------

const decoy = (where) =>
  toRecordingJson(
    chatRecording({
      testId: `${H}/test_decoy.py::test_must_not_be_loaded[${where}]`,
      messages: SIMPLE_USER,
      responseBody: (id) => simpleCompletion(id, `DECOY from ${where}: this file must be skipped <img src=x onerror="window.__pwned=1">`),
    }),
  );
add('skipped', 'node_modules/pkg/x.json', decoy('node_modules'), 'valid recording inside node_modules/');
add('skipped', '.git/objects/y.json', decoy('.git'), 'valid recording inside .git/');
add('skipped', '.venv/z.json', decoy('.venv'), 'valid recording inside .venv/');
add('skipped', `${H}/node_modules/dep/recording.json`, decoy('nested node_modules'), 'valid recording inside a nested node_modules/');
add('skipped', `${HR}/notes.txt`, 'Not JSON. Recorded on a laptop, see README.\n', 'plain text file');
add('skipped', `${HR}/README.md`, '# Hostile fixtures\n\n<script>window.__pwned=1</script>\n', 'markdown file (with a script tag)');
add('skipped', `${HR}/pixel.png`, Buffer.concat([PNG_SIGNATURE, Buffer.alloc(16, 0)]), 'binary .png');
add('skipped', `${HR}/trace.jsonl`, '{"a": 1}\n{"b": 2}\n', 'JSON Lines, not .json');
add('skipped', `${HR}/old.json.orig`, okRecording, 'recording content under a .json.orig name');
add('skipped', 'tests/integration/recordings/index.sqlite', Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(84, 0)]), 'old-era SQLite index');

// ---------------------------------------------------------------------------
// Valid but extreme files
// ---------------------------------------------------------------------------

// 1. UTF-8 BOM before valid JSON.
add(
  'valid',
  `${HR}/bom.json`,
  Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from(
      toRecordingJson(
        chatRecording({ testId: `${H}/test_extremes.py::test_bom[${PARAM}]`, messages: SIMPLE_USER, responseBody: (id) => simpleCompletion(id, 'This file starts with a UTF-8 byte order mark.') }),
      ),
    ),
  ]),
  'UTF-8 BOM (EF BB BF) before a valid recording',
);

// 2. 5 MiB final text, non-streamed ChatCompletion.
const FIVE_MB = 5 * 1024 * 1024;
{
  const line = 'The quick brown fox jumps over the lazy dog while the recorder keeps writing tokens. 0123456789\n';
  const text = line.repeat(Math.ceil(FIVE_MB / line.length)).slice(0, FIVE_MB - 4) + 'END\n';
  add(
    'valid',
    `${HR}/huge-text-5mb.json`,
    toRecordingJson(
      chatRecording({
        testId: `${H}/test_extremes.py::test_huge_text[${PARAM}]`,
        messages: [{ role: 'user', content: 'Repeat the pangram until you run out of room.' }],
        responseBody: (id) => simpleCompletion(id, text),
      }),
    ),
    `non-streamed ChatCompletion whose message.content is exactly ${FIVE_MB} ASCII characters (ends with "END\\n")`,
  );
}

// 3. 20,000-chunk ChatCompletionChunk stream.
const STREAM_CHUNKS = 20000;
{
  const testId = `${H}/test_extremes.py::test_twenty_thousand_chunks[${PARAM}]`;
  const rec = chatRecording({
    testId,
    messages: [{ role: 'user', content: 'Count from 1 upwards, one number per token.' }],
    isStreaming: true,
    extraBody: { stream_options: { include_usage: true } },
    responseBody: (id) => {
      const out = [chunk({ id, model: LLAMA, fingerprint: 'fp_ollama', choice: { delta: delta({ content: '', role: 'assistant' }) } })];
      const contentChunks = STREAM_CHUNKS - 3; // role + finish + usage
      for (let i = 1; i <= contentChunks; i++) {
        out.push(chunk({ id, model: LLAMA, fingerprint: 'fp_ollama', choice: { delta: delta({ content: i === 1 ? '1' : ` ${i}` }) } }));
      }
      out.push(chunk({ id, model: LLAMA, fingerprint: 'fp_ollama', choice: { delta: delta({}), finishReason: 'length' } }));
      out.push(chunk({ id, model: LLAMA, fingerprint: 'fp_ollama', usage: usage(17, contentChunks) }));
      return out;
    },
  });
  if (rec.response.body.length !== STREAM_CHUNKS) throw new Error('chunk count');
  add('valid', `${HR}/stream-20000-chunks.json`, toRecordingJson(rec), `streamed ChatCompletionChunk list with exactly ${STREAM_CHUNKS} entries; text is "1 2 3 ... ${STREAM_CHUNKS - 3}"`);
}

// 4. 2,000-character test id.
const LONG_ID_LEN = 2000;
{
  const head = `${H}/test_extremes.py::TestVeryLongIds::test_long_id[${PARAM}-`;
  const filler = 'very-long-parameter-id-'.repeat(Math.ceil(LONG_ID_LEN / 23));
  const testId = head + filler.slice(0, LONG_ID_LEN - head.length - 1) + ']';
  if (testId.length !== LONG_ID_LEN) throw new Error('long id length');
  add(
    'valid',
    `${HR}/long-test-id.json`,
    toRecordingJson(chatRecording({ testId, messages: SIMPLE_USER, responseBody: (id) => simpleCompletion(id, 'A test id of exactly 2000 characters.') })),
    `test_id of exactly ${LONG_ID_LEN} characters`,
  );
}

// 5. NUL, bidi overrides/isolates, emoji (and a lone surrogate) in test id and text; raw UTF-8 on disk.
{
  const weird = '\u0000nul-\u202Eevil.exe\u202C-\u2066iso\u2069-\u2067rtl\u2069-\u2068fsi\u2069-\u{1F999}\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
  const testId = `${H}/test_unicode.py::test_bidi_and_nul[${weird}]`;
  const text =
    'NUL here -> \u0000 <- and bidi: \u202Egnp.exe\u202C, isolates \u2066LTR\u2069 \u2067RTL\u2069 \u2068FSI\u2069.\n' +
    'Emoji: \u{1F999} \u{1F680} \u{1F1EB}\u{1F1F7} \u{1F468}\u200D\u{1F469}\u200D\u{1F467}; combining: e\u0301; zero-width: a\u200Bb.\n' +
    'Lone surrogate: \uD83D (invalid UTF-16, escaped in JSON).\n';
  add(
    'valid',
    `${HR}/unicode-controls.json`,
    toRecordingJson(chatRecording({ testId, messages: [{ role: 'user', content: `Echo this: ${weird}` }], responseBody: (id) => simpleCompletion(id, text) }), { ensureAscii: false }),
    'NUL (\\u0000), U+202E, U+2066..2069, emoji/ZWJ, a lone surrogate in test_id, prompt and text; non-ASCII written as raw UTF-8',
  );
}

// 6. 3,000-level nested request body (string-built, not JSON.stringify).
const NEST_DEPTH = 3000;
{
  const testId = `${H}/test_extremes.py::test_deeply_nested_body[${PARAM}]`;
  const nested = '{"a":'.repeat(NEST_DEPTH) + '"bottom"' + '}'.repeat(NEST_DEPTH);
  const hash = sha256Hex(`nested:${testId}`);
  const messages = JSON.stringify(SIMPLE_USER);
  const response = JSON.stringify(simpleCompletion(`rec-${hash.slice(0, 12)}`, 'The request body of this call is nested 3000 levels deep.'));
  const json =
    '{\n  "test_id": ' +
    JSON.stringify(testId) +
    ',\n  "request": {"method": "POST", "url": "' +
    OLLAMA_V1 +
    '/chat/completions", "headers": {}, "body": {"model": "' +
    LLAMA +
    '", "messages": ' +
    messages +
    ', "stream": false, "metadata": ' +
    nested +
    '}, "endpoint": "/v1/chat/completions", "model": "' +
    LLAMA +
    '"},\n  "response": {"body": ' +
    response +
    ', "is_streaming": false},\n  "id_normalization_mapping": {}\n}\n';
  add('valid', `${HR}/deep-nesting-3000.json`, json, `request.body.metadata nested ${NEST_DEPTH} objects deep (Python json.load would exceed its recursion limit; JS JSON.parse copes)`);
}

// 7. Empty stream.
add(
  'valid',
  `${HR}/empty-stream.json`,
  toRecordingJson(chatRecording({ testId: `${H}/test_extremes.py::test_empty_stream[${PARAM}]`, messages: SIMPLE_USER, isStreaming: true, responseBody: [] })),
  'is_streaming true with body [] (no chunks at all)',
);

// 8. Unknown kind: unknown endpoint, unknown __type__.
{
  const testId = `${H}/test_extremes.py::test_unknown_endpoint[${PARAM}]`;
  const body = { model: 'entangler-1', qubits: 3, basis: ['|0>', '|1>'] };
  add(
    'valid',
    `${HR}/unknown-kind.json`,
    toRecordingJson({
      test_id: testId,
      request: { method: 'POST', url: 'http://localhost:9999/v1/quantum/entangle', headers: {}, body, endpoint: '/v1/quantum/entangle', model: 'entangler-1' },
      response: {
        body: typed('acme.quantum.types.EntanglementResult', { id: 'ent-0001', fidelity: 0.9871, state: [[0.7071, 0], [0, 0.7071]], note: '<b>not html</b>' }),
        is_streaming: false,
      },
      id_normalization_mapping: {},
    }),
    'unknown endpoint /v1/quantum/entangle with unknown __type__ acme.quantum.types.EntanglementResult',
  );
}

// 9. HTML / script / javascript: links in text, prompt, test id and reasoning.
const HTML_PAYLOAD =
  'Here is some "formatting":\n\n' +
  '<img src=x onerror="window.__pwned=1">\n' +
  '<script>window.__pwned=1</script>\n' +
  '<iframe src="javascript:window.__pwned=1"></iframe>\n' +
  '<a href="javascript:alert(1)">plain anchor</a>\n\n' +
  '[click](javascript:window.__pwned=1) and ![pic](javascript:window.__pwned=1)\n\n' +
  '<svg onload="alert(1)"></svg>\n' +
  '```html\n<script>window.__pwned=1</script>\n```\n';
add(
  'valid',
  `${HR}/html-injection.json`,
  toRecordingJson(
    chatRecording({
      testId: `${H}/test_injection.py::test_html_in_text[txt=<img src=x onerror="window.__pwned=1">]`,
      messages: [
        { role: 'system', content: '<script>window.__pwned=1</script>' },
        { role: 'user', content: 'Show me <b onmouseover="window.__pwned=1">bold</b> HTML and a [link](javascript:alert(1)).' },
      ],
      responseBody: (id) => simpleCompletion(id, HTML_PAYLOAD, { reasoningContent: '<img src=x onerror="window.__pwned=1"> reasoning with markup' }),
    }),
  ),
  'HTML (<img onerror>, <script>, <iframe>, <svg onload>) and javascript: markdown links in test_id, messages, reply and reasoning_content',
);

// 9b. Same payload inside an Anthropic-style SSE stream, plus one malformed data line.
{
  const testId = `${H}/test_injection.py::test_html_in_sse[txt=ollama/gpt-oss:20b]`;
  const payload = { model: 'gpt-oss:20b', messages: [{ role: 'user', content: 'Stream some HTML.' }], max_tokens: 64, stream: true };
  const lines = [];
  const ev = (event, data) => lines.push(`event: ${event}`, `data: ${typeof data === 'string' ? data : JSON.stringify(data)}`, '');
  ev('message_start', { type: 'message_start', message: { id: 'msg_hostile', type: 'message', role: 'assistant', model: 'gpt-oss:20b', content: [], usage: { input_tokens: 9, output_tokens: 0 } } });
  ev('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
  for (const t of tokenize(HTML_PAYLOAD)) ev('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: t } });
  ev('content_block_delta', '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"<script>window.__pwned=1</scr');
  ev('content_block_stop', { type: 'content_block_stop', index: 0 });
  ev('content_block_start', { type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'call_hostile1', name: '<img src=x onerror="window.__pwned=1">', input: {} } });
  for (const f of fragments('{"html": "<script>window.__pwned=1</script>"}', [5, 11, 7])) ev('content_block_delta', { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: f } });
  ev('content_block_stop', { type: 'content_block_stop', index: 1 });
  ev('message_delta', { type: 'message_delta', delta: { stop_reason: 'tool_use' }, usage: { input_tokens: 9, output_tokens: 120 } });
  ev('message_stop', { type: 'message_stop' });
  add(
    'valid',
    `${HR}/html-injection-sse.json`,
    toRecordingJson({
      test_id: testId,
      request: { test_id: testId, url: 'http://0.0.0.0:11434/v1/messages', method: 'POST', payload },
      response: { body: lines, is_streaming: true },
      id_normalization_mapping: {},
    }),
    'Anthropic-style SSE list whose text_delta pieces assemble the HTML payload; one data: line is malformed JSON; tool_use name is markup',
  );
}

// 10. SVG data: URL image containing script.
{
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8" onload="window.__pwned=1">' +
    '<script>window.__pwned=1</script><script>alert(1)</script><rect width="8" height="8" fill="red"/></svg>';
  add(
    'valid',
    `${HR}/svg-data-url.json`,
    toRecordingJson(
      chatRecording({
        testId: `${H}/test_injection.py::test_svg_image_part[${PARAM}]`,
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'What is in this picture?' },
              { type: 'image_url', image_url: { url: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` } },
            ],
          },
        ],
        responseBody: (id) => simpleCompletion(id, 'A red square (the SVG also contains scripts, which must never run).'),
      }),
    ),
    'image_url part with a data:image/svg+xml;base64 URL whose SVG has onload and <script> (window.__pwned / alert)',
  );
}

// 11. Remote image URL (must not be fetched automatically).
add(
  'valid',
  `${HR}/remote-image.json`,
  toRecordingJson(
    chatRecording({
      testId: `${H}/test_injection.py::test_remote_image_part[${PARAM}]`,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Describe this image.' },
            { type: 'image_url', image_url: { url: 'https://example.com/x.png' } },
          ],
        },
      ],
      responseBody: (id) => simpleCompletion(id, 'I cannot see the image, but the URL points to example.com.'),
    }),
  ),
  'image_url part pointing at https://example.com/x.png (a network request to example.com means it was fetched)',
);

// 12. Tool name with markup (in tools[] and in the assistant tool call).
{
  const evilName = '<b onmouseover="window.__pwned=1">get_weather</b>';
  add(
    'valid',
    `${HR}/tool-name-markup.json`,
    toRecordingJson(
      chatRecording({
        testId: `${H}/test_injection.py::test_tool_name_markup[${PARAM}]`,
        messages: [{ role: 'user', content: 'Weather in Paris?' }],
        extraBody: {
          tools: [
            {
              type: 'function',
              function: {
                name: evilName,
                description: '<img src=x onerror="window.__pwned=1"> returns the weather',
                parameters: { type: 'object', properties: { '<i>city</i>': { type: 'string', description: '<script>window.__pwned=1</script>' } } },
              },
            },
          ],
        },
        responseBody: (id) =>
          chatCompletion({
            id,
            model: LLAMA,
            fingerprint: 'fp_ollama',
            finishReason: 'tool_calls',
            message: { content: '', toolCalls: [{ id: 'call_<u>x</u>', function: { arguments: '{"<i>city</i>": "<script>window.__pwned=1</script>"}', name: evilName }, type: 'function', index: 0 }] },
            usage: usage(40, 12),
          }),
      }),
    ),
    'tool definition and tool call whose function name, description, call id and argument keys/values contain markup',
  );
}

// 13. Tool call arguments that are not valid JSON (non-streamed and streamed).
add(
  'valid',
  `${HR}/invalid-tool-args.json`,
  toRecordingJson(
    chatRecording({
      testId: `${H}/test_extremes.py::test_invalid_tool_arguments[${PARAM}]`,
      messages: [{ role: 'user', content: 'Weather in Paris?' }],
      responseBody: (id) =>
        chatCompletion({
          id,
          model: LLAMA,
          fingerprint: 'fp_ollama',
          finishReason: 'tool_calls',
          message: { content: '', toolCalls: [{ id: 'call_badargs', function: { arguments: "{location: 'Paris', unit: celsius,", name: 'get_weather' }, type: 'function', index: 0 }] },
          usage: usage(30, 10),
        }),
    }),
  ),
  "non-streamed tool call whose arguments string is not JSON: {location: 'Paris', unit: celsius,",
);
add(
  'valid',
  `${HR}/invalid-tool-args-stream.json`,
  toRecordingJson(
    chatRecording({
      testId: `${H}/test_extremes.py::test_invalid_tool_arguments_stream[${PARAM}]`,
      messages: [{ role: 'user', content: 'Weather in Paris?' }],
      isStreaming: true,
      responseBody: (id) => {
        const out = [
          chunk({ id, model: LLAMA, fingerprint: 'fp_ollama', choice: { delta: delta({ role: 'assistant', toolCalls: [{ index: 0, id: 'call_badstream', function: { arguments: '', name: 'get_weather' }, type: 'function' }] }) } }),
        ];
        for (const f of ['{"location', '": "Par', 'is, Fr']) {
          out.push(chunk({ id, model: LLAMA, fingerprint: 'fp_ollama', choice: { delta: delta({ toolCalls: [{ index: 0, id: null, function: { arguments: f, name: null }, type: null }] }) } }));
        }
        out.push(chunk({ id, model: LLAMA, fingerprint: 'fp_ollama', choice: { delta: delta({}), finishReason: 'tool_calls' } }));
        return out;
      },
    }),
  ),
  'streamed tool call whose argument fragments assemble to invalid JSON: {"location": "Paris, Fr',
);

// ---------------------------------------------------------------------------
// Write + verify
// ---------------------------------------------------------------------------

removeTree(OUT);
const written = writeFiles(OUT, files);
const sizeOf = new Map(written.map((w) => [w.path, w.size]));

const BOM = '\uFEFF';
for (const path of valid) {
  let text = readFileSync(resolve(OUT, path), 'utf8');
  if (text.startsWith(BOM)) text = text.slice(1);
  const rec = JSON.parse(text);
  if (!rec || typeof rec !== 'object' || !rec.request || !rec.response) throw new Error(`valid file is not a recording: ${path}`);
  if (path.endsWith('huge-text-5mb.json') && rec.response.body.__data__.choices[0].message.content.length !== FIVE_MB) throw new Error('5 MiB text length');
  if (path.endsWith('stream-20000-chunks.json') && rec.response.body.length !== STREAM_CHUNKS) throw new Error('stream length');
  if (path.endsWith('long-test-id.json') && rec.test_id.length !== LONG_ID_LEN) throw new Error('long id');
  if (path.endsWith('deep-nesting-3000.json')) {
    let depth = 0;
    for (let o = rec.request.body.metadata; typeof o === 'object'; o = o.a) depth++;
    if (depth !== NEST_DEPTH) throw new Error(`nesting depth ${depth}`);
  }
}
for (const { path, problem } of broken) {
  const text = readFileSync(resolve(OUT, path), 'utf8');
  let parsed;
  let ok = true;
  try {
    parsed = JSON.parse(text);
  } catch {
    ok = false;
  }
  const isRecording = ok && parsed && typeof parsed === 'object' && !Array.isArray(parsed) && 'request' in parsed && 'response' in parsed;
  if (isRecording) throw new Error(`broken file ${path} (${problem}) is a valid recording`);
}

const expected = {
  generator: GENERATOR,
  canary: 'window.__pwned',
  counts: { valid: valid.length, broken: broken.length, skipped: skipped.length },
  valid,
  broken,
  skipped,
  about,
  sizes: Object.fromEntries(written.map((w) => [w.path, w.size])),
};
writeFileSync(EXPECTED, JSON.stringify(expected, null, 2) + '\n');

const ms = Number(process.hrtime.bigint() - started) / 1e6;
const total = written.reduce((s, w) => s + w.size, 0);
console.log(
  `hostile: ${valid.length} valid, ${broken.length} broken, ${skipped.length} skipped (${(total / 1048576).toFixed(1)} MiB, ` +
    `5mb=${(sizeOf.get(`${HR}/huge-text-5mb.json`) / 1048576).toFixed(2)} MiB, 20k-stream=${(sizeOf.get(`${HR}/stream-20000-chunks.json`) / 1048576).toFixed(2)} MiB) ` +
    `-> ${relative(process.cwd(), OUT) || '.'} + ${relative(process.cwd(), EXPECTED)} in ${ms.toFixed(0)} ms`,
);
