// Generates a small recordings folder whose replay-key verdicts are known by
// construction: each file is named by a hash computed here, independently of
// the app's core (scripts/lib/recording-kit.mjs has its own Python-style
// json.dumps). Used by e2e/replay-keys.spec.ts; run it to look at the folder:
//   node scripts/generate-replay-key-fixtures.mjs <out-dir>
import { chatCompletion, removeTree, requestHash, toRecordingJson, writeFiles } from './lib/recording-kit.mjs';

const SUITE = 'tests/integration/replay';
const DIR = `${SUITE}/recordings`;
const TEST_ID = `${SUITE}/test_keys.py::test_weather[txt=ollama/llama3.2:3b]`;
const OTHER_TEST_ID = `${SUITE}/test_keys.py::test_project[txt=vertex/gemini]`;
const URL = 'http://0.0.0.0:11434/v1/chat/completions';
const ENDPOINT = '/v1/chat/completions';
const MODEL = 'llama3.2:3b';

function recording({ testId, body, url = URL, answer }) {
  const request = { method: 'POST', url, headers: {}, body, endpoint: ENDPOINT, model: body.model ?? '' };
  if (url === null) delete request.url;
  return {
    test_id: testId,
    request,
    response: {
      body: chatCompletion({ id: 'rec-fixture', model: MODEL, message: { content: answer } }),
      is_streaming: false,
    },
    id_normalization_mapping: {},
  };
}

/** The key of today's rules (v6) and of v2–v4 are equal for bodies without floats, project_id or file_search text. */
function inferenceKey(testId, body) {
  return requestHash({ method: 'POST', endpoint: ENDPOINT, body, test_id: testId });
}

const messages = [{ role: 'user', content: 'What is the weather in Paris?' }];
const liveBody = { model: MODEL, messages, stream: false };
// The same request without `stream`: what the test sent before it added the parameter.
const olderBody = { model: MODEL, messages };
// project_id inside extra_body: hashed before bc8f45b1a (v5), stripped since.
const staleBody = { model: 'gemini-2.0-flash', messages, extra_body: { project_id: 'my-project' } };

export const FIXTURE = {
  live: `${DIR}/${inferenceKey(TEST_ID, liveBody)}.json`,
  superseded: `${DIR}/${inferenceKey(TEST_ID, olderBody)}.json`,
  stale: `${DIR}/${inferenceKey(OTHER_TEST_ID, staleBody)}.json`,
  // Named by a hash of nothing this request could produce.
  unmatched: `${DIR}/${requestHash({ not: 'a request' })}.json`,
  notHashNamed: `${DIR}/weather-by-hand.json`,
  missingUrl: `${DIR}/${requestHash({ missing: 'url' })}.json`,
  testId: TEST_ID,
  /** What the key summary must say for this folder. */
  summary: { current: 2, stale: 1, none: 1, superseded: 1 },
};

export function replayKeyFixtureFiles() {
  const files = [
    [FIXTURE.live, recording({ testId: TEST_ID, body: liveBody, answer: 'Sunny, 21 °C.' })],
    [FIXTURE.superseded, recording({ testId: TEST_ID, body: olderBody, answer: 'Sunny.' })],
    [FIXTURE.stale, recording({ testId: OTHER_TEST_ID, body: staleBody, url: 'https://europe-west1-aiplatform.googleapis.com/v1/chat/completions', answer: 'Cloudy.' })],
    [FIXTURE.unmatched, recording({ testId: TEST_ID, body: { ...liveBody, messages: [{ role: 'user', content: 'Edited by hand' }] }, answer: 'Rain.' })],
    [FIXTURE.notHashNamed, recording({ testId: TEST_ID, body: liveBody, answer: 'Sunny, 21 °C.' })],
    [FIXTURE.missingUrl, recording({ testId: TEST_ID, body: liveBody, url: null, answer: 'No url.' })],
  ];
  return files.map(([path, value]) => ({ path, data: toRecordingJson(value) }));
}

const NEWER_DIR = 'tests/integration/next/recordings';
const NEWER_TEST_ID = 'tests/integration/next/test_next.py::test_question';

/**
 * A folder as a recorder newer than every known rule would write it: six
 * recordings named by today's key object plus one field no version hashes.
 */
const newerCalls = Array.from({ length: 6 }, (_, i) => ({
  testId: `${NEWER_TEST_ID}[${i + 1}]`,
  body: { model: MODEL, messages: [{ role: 'user', content: `Question ${i + 1}?` }], stream: false },
  answer: `Answer ${i + 1}.`,
}));

export const NEWER = {
  folder: NEWER_DIR,
  paths: newerCalls.map(({ testId, body }) => `${NEWER_DIR}/${requestHash({ method: 'POST', endpoint: ENDPOINT, body, test_id: testId, recorder: 'next' })}.json`),
};

export function newerRecorderFixtureFiles() {
  return newerCalls.map((call, i) => ({ path: NEWER.paths[i], data: toRecordingJson(recording(call)) }));
}

/** Writes the folder under `dir`; returns the written files. */
export function writeReplayKeyFixtures(dir) {
  return writeFiles(dir, replayKeyFixtureFiles());
}

/** Writes the newer recorder's folder under `dir`; returns the written files. */
export function writeNewerRecorderFixtures(dir) {
  return writeFiles(dir, newerRecorderFixtureFiles());
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: node scripts/generate-replay-key-fixtures.mjs <out-dir>');
    process.exit(2);
  }
  removeTree(out);
  for (const { path, size } of writeFiles(out, replayKeyFixtureFiles())) console.log(`${size}\t${path}`);
}
