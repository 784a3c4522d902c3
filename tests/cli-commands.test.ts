/**
 * `verify` and `diff` as a user (or CI) runs them: the built bin as a child
 * process on folders written here. Expected replay keys are computed in the
 * test from hand-written Python `json.dumps(…, sort_keys=True)` strings, never
 * by the code under test.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, chatRecording, fakeAppDir, runCli, tempDir, writeJson } from './cliSupport';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const TEST_A = 'tests/integration/demo/test_demo.py::test_a';
const TEST_B = 'tests/integration/demo/test_demo.py::test_b';
const RECORDINGS = 'tests/integration/demo/recordings';

/** A recording whose request is exactly `body`, for replay-key tests. */
function keyedRecording(testId: string, body: Record<string, unknown>, answer = 'ok') {
  const recording = chatRecording(testId, 'hi', answer);
  recording.request.body = body as typeof recording.request.body;
  return recording;
}

/**
 * inference key: sha256 of json.dumps({method, endpoint, body, test_id}, sort_keys=True);
 * the strings below are what Python prints for these requests.
 */
const currentA = sha256(
  '{"body": {"messages": [{"content": "hi", "role": "user"}], "model": "gpt-4o"}, "endpoint": "/v1/chat/completions", "method": "POST", "test_id": "tests/integration/demo/test_demo.py::test_a"}',
);
const currentAWithTemperature = sha256(
  '{"body": {"messages": [{"content": "hi", "role": "user"}], "model": "gpt-4o", "temperature": 0.0}, "endpoint": "/v1/chat/completions", "method": "POST", "test_id": "tests/integration/demo/test_demo.py::test_a"}',
);
/** Named by the v5 rule: the v6 rule rewrites "score: 0.5" in request text, so today's key differs. */
const staleB = sha256(
  '{"body": {"messages": [{"content": "score: 0.5", "role": "user"}], "model": "gpt-4o"}, "endpoint": "/v1/chat/completions", "method": "POST", "test_id": "tests/integration/demo/test_demo.py::test_b"}',
);

const messages = [{ role: 'user', content: 'hi' }];
let deadFolder = '';
let cleanFolder = '';

beforeAll(() => {
  buildCli();
  deadFolder = tempDir('verify-dead');
  writeJson(deadFolder, `${RECORDINGS}/${currentA}.json`, keyedRecording(TEST_A, { model: 'gpt-4o', messages }));
  // JSON.stringify writes 0.0 as 0: the float must stay a float for Python's hash, so this one is written by hand.
  mkdirSync(path.join(deadFolder, RECORDINGS), { recursive: true });
  writeFileSync(
    path.join(deadFolder, RECORDINGS, `${currentAWithTemperature}.json`),
    JSON.stringify(keyedRecording(TEST_A, { model: 'gpt-4o', messages, temperature: 12345 }), null, 2).replace('12345', '0.0'),
  );
  writeJson(deadFolder, `${RECORDINGS}/${staleB}.json`, keyedRecording(TEST_B, { model: 'gpt-4o', messages: [{ role: 'user', content: 'score: 0.5' }] }));
  writeJson(deadFolder, `${RECORDINGS}/${'0'.repeat(64)}.json`, keyedRecording(TEST_B, { model: 'gpt-4o', messages: [{ role: 'user', content: 'renamed by hand' }] }));
  writeJson(deadFolder, 'tests/integration/demo/notes.json', { note: 'not a recording' });

  cleanFolder = tempDir('verify-clean');
  writeJson(cleanFolder, `${RECORDINGS}/${currentA}.json`, keyedRecording(TEST_A, { model: 'gpt-4o', messages }));
});

describe('verify', () => {
  it('--json counts every verdict and exits 1 when files are dead', async () => {
    const result = await runCli(['verify', deadFolder, '--json', '--quiet']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { current: number; stale: number; none: number; superseded: number; files: { path: string; verdict: string | null; superseded_by: string | null }[] };
    expect({ current: report.current, stale: report.stale, none: report.none, superseded: report.superseded }).toEqual({ current: 2, stale: 1, none: 1, superseded: 1 });
    const byName = new Map(report.files.map((file) => [path.basename(file.path, '.json'), file]));
    expect(byName.get(currentA)).toMatchObject({ verdict: 'current', superseded_by: `${RECORDINGS}/${currentAWithTemperature}.json` });
    expect(byName.get(staleB)?.verdict).toBe('stale');
    expect(byName.get('0'.repeat(64))?.verdict).toBe('none');
    expect(byName.get('notes')?.verdict).toBeNull();
  });

  it('text output gives the counts, then the dead files grouped by test with reasons', async () => {
    const result = await runCli(['verify', deadFolder]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/current\s+2\n\s+stale\s+1\n\s+none\s+1\n\s+superseded\s+1/);
    const testA = result.stdout.indexOf(`\n${TEST_A}\n`);
    const testB = result.stdout.indexOf(`\n${TEST_B}\n`);
    expect(testA).toBeGreaterThan(0);
    expect(testB).toBeGreaterThan(testA);
    expect(result.stdout).toContain(`superseded by ${RECORDINGS}/${currentAWithTemperature}.json, which also sends temperature`);
    expect(result.stdout).toContain('stale: its name matches v5-project-id, not the current v6-file-search');
    expect(result.stdout).toContain('none: No known rule version reproduces the name');
    // Progress went to stderr, so stdout stays the report.
    expect(result.stderr).toContain('verifying');
  });

  it('exits 0 when every recording is current', async () => {
    const result = await runCli(['verify', cleanFolder, '--quiet']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Every recording is reachable');
  });
});

describe('diff', () => {
  let base = '';
  let head = '';
  const row = (hash: string) => `${RECORDINGS}/${hash}.json`;

  beforeAll(() => {
    base = tempDir('diff-base');
    head = tempDir('diff-head');
    for (const root of [base, head]) writeJson(root, row('a1'), chatRecording(TEST_A, 'Same question?', 'Same answer.'));
    writeJson(base, row('b1'), chatRecording(TEST_B, 'What changed?', 'The old answer.'));
    writeJson(head, row('b1'), chatRecording(TEST_B, 'What changed?', 'A completely different, brand new answer.'));
    writeJson(base, row('c1'), chatRecording('tests/integration/demo/test_demo.py::test_gone', 'Gone?', 'Removed.'));
    writeJson(head, row('d1'), chatRecording('tests/integration/demo/test_demo.py::test_new', 'New?', 'Added.'));
  });

  const expected = { added: 1, removed: 1, modified: 1, rekeyed: 0, unchanged: 1, noise_only: 0, request: 0, answer: 1, tools: 0, metadata_only: 0 };

  it('--format json prints the counts under the documented keys', async () => {
    const result = await runCli(['diff', base, head, '--format', 'json', '--quiet']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(json).toMatchObject(expected);
    expect(json).toHaveProperty('left_behind');
  });

  it('markdown is the review summary, ready for a PR comment', async () => {
    const result = await runCli(['diff', base, head, '--quiet']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^## /);
    expect(result.stdout).toContain('1 added, 1 removed, 1 modified, 0 re-keyed');
    expect(result.stdout).toContain(TEST_B);
  });

  it('--git reads two commits without a checkout and gives the same review', async () => {
    const repo = tempDir('diff-git');
    const git = (...args: string[]) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'test@example.com');
    git('config', 'user.name', 'test');
    cpSync(path.join(base, 'tests'), path.join(repo, 'tests'), { recursive: true });
    writeJson(repo, 'package.json', { name: 'outside the recordings glob' });
    git('add', '-A');
    git('commit', '-qm', 'base');
    execFileSync('rm', ['-rf', path.join(repo, 'tests')]);
    cpSync(path.join(head, 'tests'), path.join(repo, 'tests'), { recursive: true });
    git('add', '-A');
    git('commit', '-qm', 'head');
    git('checkout', '-q', 'HEAD~1');
    const result = await runCli(['diff', '--git', repo, 'main~1..main', '--format', 'json', '--quiet']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject(expected);
    // The working tree is left as it was: nothing was checked out.
    expect(git('rev-parse', 'HEAD').trim()).toBe(git('rev-parse', 'main~1').trim());

    const badRange = await runCli(['diff', '--git', repo, 'main']);
    expect(badRange.code).toBe(2);
    expect(badRange.stderr).toMatch(/bad range "main": expected A\.\.B/);
    const unknown = await runCli(['diff', '--git', repo, 'main..no-such-branch']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"no-such-branch" is not a commit');
    const notRepo = await runCli(['diff', '--git', base, 'a..b']);
    expect(notRepo.code).toBe(2);
    expect(notRepo.stderr).toContain('not a git repository');
  });
});

describe('usage', () => {
  it('every command has --help, exit 0', async () => {
    for (const args of [['--help'], ['serve', '--help'], ['verify', '--help'], ['diff', '--help'], ['help', 'verify']]) {
      const result = await runCli(args);
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stdout, args.join(' ')).toMatch(/^Usage: recording-inspector/);
    }
  });

  it('a missing folder, an empty folder, an unknown option and a bad port are usage errors (exit 2) that say what is wrong', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const busyPort = (busy.address() as AddressInfo).port;
    const empty = tempDir('empty');
    mkdirSync(path.join(empty, 'sub'));
    writeFileSync(path.join(empty, 'sub', 'readme.md'), 'no recordings here');
    const cases: [string[], RegExp][] = [
      [[], /Usage: recording-inspector/],
      [['verify', '/no/such/folder'], /verify: folder not found: \/no\/such\/folder/],
      [['verify', empty], /verify: no \*\.json files in .* \(1 other files\)/],
      [['verify', cleanFolder, '--jsonn'], /Unknown option '--jsonn'/],
      [['diff', cleanFolder], /two folders expected/],
      [['diff', cleanFolder, empty], /no \*\.json files/],
      [['diff', cleanFolder, cleanFolder, '--format', 'html'], /--format must be markdown or json/],
      [['serve', cleanFolder, '--port', 'abc', '--no-open'], /--port must be a whole number/],
      [['/no/such/folder', '--no-open'], /serve: folder not found/],
      [['serve', cleanFolder, '--port', String(busyPort), '--no-open'], new RegExp(`port ${busyPort} is already in use`)],
    ];
    // serve needs a built app to get as far as the port; unit tests run before any build.
    const app = { RECORDING_INSPECTOR_APP_DIR: fakeAppDir().dir };
    for (const [args, message] of cases) {
      const result = await runCli(args, app);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr + result.stdout, args.join(' ')).toMatch(message);
    }
    busy.close();
  });

  it('serve without a built app says so and exits instead of serving nothing', async () => {
    const result = await runCli(['serve', cleanFolder, '--no-open'], { RECORDING_INSPECTOR_APP_DIR: path.join(tempDir('no-app'), 'dist') });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/the built app was not found in .*dist: run `npm run build` first/);
  });
});
