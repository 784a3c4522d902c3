/**
 * The command line's server lists a folder's VCR cassettes the way the app
 * does: one index entry per interaction (`<cassette>#<n>`), one error for a
 * file that is not an HTTP cassette, nothing for an empty one; `diff` compares
 * cassettes interaction by interaction, as the Compare page does; `verify`
 * stays about llama-stack JSON recordings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServedFolder } from '../src/core/served-folder/protocol';
import { buildCli, chatRecording, fakeAppDir, http, loginCookie, runCli, startServe, tempDir, writeJson, type ServedProcess } from './cliSupport';

const folder = tempDir('served-cassettes');
const cacheDir = tempDir('cache-cassettes');
const app = fakeAppDir();
const env = { RECORDING_INSPECTOR_APP_DIR: app.dir, RECORDING_INSPECTOR_CACHE_DIR: cacheDir };
const CASSETTE = 'tests/cassettes/test_chat/test_two_calls.yaml';
let served: ServedProcess;
let cookie = '';

function interaction(answer: string) {
  return {
    request: { method: 'POST', uri: 'https://api.openai.com/v1/chat/completions', body: '{"model":"gpt-4o-mini","messages":[]}' },
    response: { status: { code: 200, message: 'OK' }, headers: { 'Content-Type': ['application/json'] }, body: { string: JSON.stringify({ choices: [{ message: { content: answer } }] }) } },
  };
}

beforeAll(async () => {
  buildCli();
  writeJson(folder, 'tests/integration/demo/recordings/aaa.json', chatRecording('tests/integration/demo/test_demo.py::test_one', 'What is 2+2?', 'Four.'));
  writeJson(folder, CASSETTE, { interactions: [interaction('first answer'), interaction('second answer')], version: 1 });
  writeJson(folder, 'tests/cassettes/test_chat/test_none.yaml', 'interactions: []\n');
  writeJson(folder, 'tests/cassettes/test_ws/test_socket.yaml', 'interactions:\n- direction: sent\n  payload: hi\n');
  served = await startServe([folder, '--quiet'], env);
  cookie = await loginCookie(served);
}, 60_000);

afterAll(async () => {
  await served?.stop();
});

describe('a served folder with cassettes', () => {
  it('lists one entry per interaction, in order, and an invalid cassette as one error', async () => {
    const index = await http(served.port, '/__ri/index/head', { headers: { Cookie: cookie } });
    expect(index.status).toBe(200);
    const folderIndex = JSON.parse(index.body.toString()) as ServedFolder;
    const interactions = folderIndex.entries.filter((entry) => entry.path.startsWith(`${CASSETTE}#`));
    expect(interactions.map((entry) => [entry.path, entry.preview])).toEqual([
      [`${CASSETTE}#1`, 'first answer'],
      [`${CASSETTE}#2`, 'second answer'],
    ]);
    expect(folderIndex.entries).toHaveLength(3);
    expect(folderIndex.errors.map((error) => error.path)).toEqual(['tests/cassettes/test_ws/test_socket.yaml']);
    expect(folderIndex.files.map((file) => file.path)).toContain(CASSETTE);
  });
});

describe('diff over cassettes', () => {
  it('compares a cassette interaction by interaction: a rewritten answer is one modified interaction, the rest unchanged', async () => {
    const base = tempDir('diff-cassette-base');
    const head = tempDir('diff-cassette-head');
    writeJson(base, CASSETTE, { interactions: [interaction('first answer'), interaction('second answer')], version: 1 });
    writeJson(head, CASSETTE, { interactions: [interaction('first answer'), interaction('a brand new second answer')], version: 1 });
    writeJson(base, 'tests/cassettes/test_chat/test_gone.yaml', { interactions: [interaction('only in base')], version: 1 });
    const result = await runCli(['diff', base, head, '--format', 'json', '--quiet']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const review = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(review).toMatchObject({ added: 0, removed: 1, modified: 1, unchanged: 1, answer: 1 });
  });
});
