#!/usr/bin/env node
// Hostile input, round two: writes one folder per case for the e2e suite
// (e2e/hostile-two.spec.ts) and, beside each, <folder>.expected.json saying
// what the generator meant: the paths it wrote, which are recordings and
// what the app should say about the others. Deterministic; nothing random.
//
// Usage: node scripts/generate-hostile-two.mjs <case> <outdir> [count]
//   small     one folder of small cases: UTF-16 files, a __proto__ request key,
//             bidi controls in a file name and test id, `back\slash.json` beside
//             `back/slash.json`, markdown bombs, 100,000 request keys
//   many      <count> (default 50,000) small valid recordings in 100 folders
//   huge      one 560 MB file (sparse on disk) beside one ordinary recording
//   twins     <outdir>/a/same and <outdir>/b/same: same folder name, paths,
//             sizes and modification times, different answers

import { closeSync, existsSync, mkdirSync, openSync, readdirSync, rmSync, utimesSync, writeFileSync, writeSync, ftruncateSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { chatCompletion, requestHash, toRecordingJson, usage } from './lib/recording-kit.mjs';

const [caseName, outArg, countArg] = process.argv.slice(2);
if (!caseName || !outArg) {
  console.error('usage: node scripts/generate-hostile-two.mjs <small|many|huge|twins> <outdir> [count]');
  process.exit(2);
}
const OUT = resolve(outArg);
if (existsSync(OUT) && readdirSync(OUT).length > 0) {
  console.error(`generate-hostile-two: ${OUT} is not empty; give a new folder`);
  process.exit(2);
}

const MODEL = 'llama3.2:3b-instruct-fp16';
const ENDPOINT = '/v1/chat/completions';

/** A small non-streamed chat recording; the file name is its request hash, as the recorder names it. */
function recording({ testId, question, answer, extraBody = {} }) {
  const body = { model: MODEL, messages: [{ role: 'user', content: question }], stream: false, ...extraBody };
  const hash = requestHash({ method: 'POST', endpoint: ENDPOINT, body: { model: MODEL, messages: body.messages }, test_id: testId });
  return {
    hash,
    value: {
      test_id: testId,
      request: { method: 'POST', url: `http://0.0.0.0:11434/v1${ENDPOINT.replace(/^\/v1/, '')}`, headers: {}, body, endpoint: ENDPOINT, model: MODEL },
      response: {
        body: chatCompletion({ id: `rec-${hash.slice(0, 12)}`, model: MODEL, fingerprint: 'fp_ollama', message: { content: answer }, usage: usage(10, 10) }),
        is_streaming: false,
      },
      id_normalization_mapping: {},
    },
  };
}

function write(root, path, data) {
  const abs = join(root, path);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, data);
}

function expect(root, expected) {
  writeFileSync(`${root}.expected.json`, JSON.stringify({ generator: 'scripts/generate-hostile-two.mjs', ...expected }, null, 2));
}

const testId = (name) => `tests/integration/hostile/test_round_two.py::${name}`;

function small() {
  const valid = [];
  const broken = [];
  const about = {};
  const add = (path, data, note) => {
    write(OUT, path, data);
    valid.push(path);
    about[path] = note;
  };

  // UTF-16: with a BOM (as Windows editors save), and big-endian without one.
  const le = recording({ testId: testId('test_utf16le'), question: 'Encoded how?', answer: 'Decoded from UTF-16LE: naïve café ✓' });
  add('utf16/le-with-bom.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(toRecordingJson(le.value, { ensureAscii: false }), 'utf16le')]), 'UTF-16LE with BOM');
  const be = recording({ testId: testId('test_utf16be'), question: 'And this?', answer: 'Decoded from UTF-16BE without a BOM' });
  add('utf16/be-no-bom.json', Buffer.from(toRecordingJson(be.value, { ensureAscii: false }), 'utf16le').swap16(), 'UTF-16BE, no BOM');

  // A request body key named __proto__, written as JSON text (JSON.stringify of an object literal would drop it).
  const proto = recording({ testId: testId('test_proto_key'), question: 'Pollute?', answer: 'The __proto__ key is an ordinary parameter here.', extraBody: { temperature: 0.5 } });
  const protoText = toRecordingJson(proto.value).replace('"temperature": 0.5', '"temperature": 0.5,\n      "__proto__": {\n        "polluted": "yes"\n      }');
  add('proto/proto-key.json', protoText, 'request body with a "__proto__" key');

  // Bidi controls (U+202E override, U+061C Arabic letter mark) in a file name and a test id.
  const bidiName = 'bidi/invoice\u202Enosj.exe\u061C.json';
  add(bidiName, toRecordingJson(recording({ testId: testId('test_bidi\u061C\u202Egnp'), question: 'Bidi?', answer: 'Bidi controls in my name.' }).value), 'bidi controls in the file name and test id');

  // Two files a Windows-minded path would merge: a file literally named `back\slash.json`, and `slash.json` in `back/`.
  add('back\\slash.json', toRecordingJson(recording({ testId: testId('test_impostor'), question: 'Who?', answer: 'I am the impostor with a backslash in my name.' }).value), 'backslash in the name');
  add('back/slash.json', toRecordingJson(recording({ testId: testId('test_original'), question: 'Who?', answer: 'I am the original in folder back.' }).value), 'slash.json in folder back');

  // Markdown bombs: about 1 MB of **bold** runs, and deeply nested lists and quotes.
  add('markdown/bold-1mb.json', toRecordingJson(recording({ testId: testId('test_bold_bomb'), question: 'Bold?', answer: '**bold** '.repeat(120_000) }).value), 'about 1 MB of **bold** markdown');
  const nested = Array.from({ length: 3_000 }, (_, depth) => ['- ', '> ', '1. '][depth % 3]).join('') + 'deep';
  add('markdown/nested.json', toRecordingJson(recording({ testId: testId('test_nested_bomb'), question: 'Nested?', answer: nested }).value), '3,000 levels of nested list and quote markers');

  // 100,000 request parameters.
  const manyKeys = {};
  for (let i = 0; i < 100_000; i++) manyKeys[`param_${String(i).padStart(6, '0')}`] = i;
  add('keys/100k-keys.json', toRecordingJson(recording({ testId: testId('test_many_keys'), question: 'Keys?', answer: 'A request with 100,000 parameters.', extraBody: manyKeys }).value), '100,000 request parameters');

  // Python's json writes float('nan') and float('inf') bare; JSON.parse refuses them, Python reads them.
  const nan = recording({ testId: testId('test_python_constants'), question: 'NaN?', answer: 'Read as Python reads it.', extraBody: { temperature: 0.5, logit_bias: [1, 2] } });
  const nanText = toRecordingJson(nan.value).replace('"temperature": 0.5', '"temperature": NaN').replace(/"logit_bias": \[\s*1,\s*2\s*\]/, '"logit_bias": [Infinity, -Infinity]');
  if (!nanText.includes('NaN') || !nanText.includes('-Infinity')) throw new Error('generate-hostile-two: the NaN case was not written');
  add('python/nan-infinity.json', nanText, "Python's bare NaN and Infinity in the request");

  expect(OUT, { valid: valid.sort(), broken, about, bidiName, protoPath: 'proto/proto-key.json', nanPath: 'python/nan-infinity.json' });
}

function many() {
  const count = Number(countArg ?? 50_000);
  const valid = [];
  for (let i = 0; i < count; i++) {
    const r = recording({ testId: testId(`test_many[n=${i}]`), question: `Question ${i}?`, answer: `Answer number ${i}.` });
    const path = `suite${String(i % 100).padStart(3, '0')}/recordings/${r.hash}.json`;
    write(OUT, path, JSON.stringify(r.value));
    valid.push(path);
  }
  expect(OUT, { valid: valid.sort(), broken: [] });
}

function huge() {
  const ordinary = recording({ testId: testId('test_beside_huge'), question: 'Still there?', answer: 'I load although my neighbour is huge.' });
  write(OUT, 'ordinary.json', toRecordingJson(ordinary.value));
  // 560 MB: a recording's opening, then a sparse tail (no disk space used).
  const path = join(OUT, 'huge.json');
  const fd = openSync(path, 'w');
  writeSync(fd, '{"test_id": "tests/integration/hostile/test_round_two.py::test_huge", "request": {"body": {"padding": "');
  ftruncateSync(fd, 560 * 1024 * 1024);
  closeSync(fd);
  expect(OUT, { valid: ['ordinary.json'], broken: [{ path: 'huge.json', problem: 'too large to read in the browser' }] });
}

function twins() {
  const when = new Date('2025-06-01T12:00:00Z');
  const answers = { a: 'Answer from folder A.', b: 'Answer from folder B!' };
  for (const side of ['a', 'b']) {
    const root = join(OUT, side, 'same');
    const r = recording({ testId: testId('test_twin'), question: 'Which folder?', answer: answers[side] });
    write(root, 'recordings/twin.json', toRecordingJson(r.value));
    utimesSync(join(root, 'recordings/twin.json'), when, when);
  }
  expect(OUT, { valid: ['recordings/twin.json'], broken: [], answers });
}

const cases = { small, many, huge, twins };
if (!cases[caseName]) {
  console.error(`unknown case ${caseName}`);
  process.exit(2);
}
try {
  cases[caseName]();
} catch (error) {
  rmSync(OUT, { recursive: true, force: true });
  throw error;
}
