import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { corpusDir, countRecordings, navigateInApp, openFolderViaInput, readSummary, recordingUrl, samplesDir, waitForIndex } from './support';

/**
 * VCR cassettes in a real browser: our invented cassettes in the samples
 * folder (a mixed folder: llama-stack JSON beside Python and Ruby cassettes,
 * one gzipped), and the real dev cassettes when the shared corpus is present.
 * Expected values are the ones scripts/lib/cassette-samples.mjs writes.
 */

const C = 'tests/cassettes';
const TOOL_LOOP = `${C}/test_openai_chat/test_weather_tool_loop.yaml`;
const RESPONSES = `${C}/test_openai_responses/test_reasoning_and_tool.yaml`;
const ANTHROPIC_GZ = `${C}/test_anthropic/test_prime_tool_stream.yaml.gz`;
const GEMINI = `${C}/test_gemini/test_itinerary_stream.yaml`;
const OLLAMA = `${C}/test_ollama/test_haiku_stream.yml`;
const BEDROCK = `${C}/test_bedrock/test_rivers.yaml`;
const RUBY = 'spec/fixtures/vcr_cassettes/chat/who_created_ruby.yml';
const WEBSOCKET = `${C}/test_realtime/test_websocket_session.yaml`;
const EMPTY = `${C}/test_openai_chat/test_cached_no_calls.yaml`;

async function openSamples(page: Page) {
  await page.goto('/');
  await openFolderViaInput(page, samplesDir);
  return waitForIndex(page);
}

async function open(page: Page, interactionPath: string) {
  await navigateInApp(page, recordingUrl(interactionPath));
  await expect(page.getByTestId('recording-detail')).toHaveAttribute('data-path', interactionPath);
}

test.describe('cassettes in the samples folder', () => {
  test('a mixed folder counts every interaction, lists a websocket cassette as one error and an empty cassette as neither', async ({ page }) => {
    const expected = countRecordings(samplesDir);
    const status = await openSamples(page);
    expect(status).toMatchObject({ count: expected.recordings, errors: expected.errors });
    await expect(page.locator(`[data-testid="load-error"][data-path="${WEBSOCKET}"]`)).toContainText('not an HTTP cassette');
    await expect(page.locator(`[data-testid="load-error"][data-path="${EMPTY}"]`)).toHaveCount(0);
    await page.getByTestId('search-input').fill('test_cached_no_calls');
    await expect(page.getByTestId('recording-row')).toHaveCount(0);
  });

  test("searching a cassette's file name lists its interactions in order, under its test", async ({ page }) => {
    await openSamples(page);
    await page.getByTestId('search-input').fill('test_rivers.yaml');
    const rows = page.getByTestId('recording-row');
    await expect(rows).toHaveCount(3);
    expect(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-path')))).toEqual([`${BEDROCK}#1`, `${BEDROCK}#2`, `${BEDROCK}#3`]);
    await expect(rows.first()).toHaveAttribute('data-test-id', `${C}/test_bedrock::test_rivers`);
    // The tree shows the test module, then the test.
    await expect(page.getByText(`${C}/test_bedrock`, { exact: true })).toBeVisible();
    await expect(page.getByText('test_rivers', { exact: true })).toBeVisible();
  });

  test('an OpenAI stream assembles its tool call; the next call answers; headers show redacted values', async ({ page }) => {
    await openSamples(page);
    await open(page, `${TOOL_LOOP}#1`);
    await expect(page.getByTestId('recording-kind')).toHaveText('chat.completions stream');
    const call = page.getByTestId('tool-call');
    await expect(call).toHaveCount(1);
    await expect(call).toHaveAttribute('data-name', 'get_weather');
    await expect(call).toHaveAttribute('data-arguments', '{"city": "Lisbon"}');
    await expect(page.getByTestId('playback-position')).toHaveAttribute('data-total', '5');
    const auth = page.locator('[data-testid="http-header"][data-side="request"][data-name="authorization"]');
    await expect(auth).toHaveAttribute('data-redacted', 'true');
    await expect(auth).toContainText('AUTHORIZATION-XXX');
    await expect(auth).toContainText('redacted');
    const requestId = page.locator('[data-testid="http-header"][data-side="response"][data-name="x-request-id"]');
    await expect(requestId).toHaveAttribute('data-redacted', 'false');
    await expect(requestId).toContainText('req_sample10000000000000000000');

    await open(page, `${TOOL_LOOP}#2`);
    await expect(page.getByTestId('final-text')).toHaveText('It is 19 °C and sunny in Lisbon, with a light breeze from the north-west.');
    await expect(page.locator('[data-testid="message"]')).toHaveCount(3);
  });

  test('a gzipped Anthropic cassette: thinking, text, tool_use arguments, chunk total, playback, then an HTTP 529', async ({ page }) => {
    await openSamples(page);
    await open(page, `${ANTHROPIC_GZ}#1`);
    await expect(page.getByTestId('final-text')).toHaveText('Let me check that with the calculator.');
    await expect(page.getByTestId('reasoning-text')).toHaveText('A prime check: try divisors up to the square root.');
    await expect(page.getByTestId('tool-call')).toHaveAttribute('data-arguments', '{"n": 221}');
    const position = page.getByTestId('playback-position');
    await expect(position).toHaveAttribute('data-total', '14');
    await page.getByTestId('playback-scrubber').fill('6');
    await expect(page.getByTestId('playback-text')).toHaveText('Let me check that with the calculator.');
    await page.getByTestId('playback-scrubber').fill('5');
    await expect(page.getByTestId('playback-text')).toHaveText('Let me check that ');

    await open(page, `${ANTHROPIC_GZ}#2`);
    await expect(page.getByTestId('response-error')).toContainText('Overloaded');
    await expect(page.getByTestId('http-exchange')).toHaveAttribute('data-status', '529');
  });

  test('the Responses API stream: text, reasoning summary and a function call', async ({ page }) => {
    await openSamples(page);
    await open(page, `${RESPONSES}#1`);
    await expect(page.getByTestId('final-text')).toHaveText('Five miles is about 8.05 km.');
    await expect(page.getByTestId('reasoning-text')).toHaveText('The user wants a unit conversion; call the converter, then answer.');
    await expect(page.getByTestId('tool-call')).toHaveAttribute('data-name', 'convert_units');
    await expect(page.getByTestId('tool-call')).toHaveAttribute('data-arguments', '{"value": 5, "from": "mi", "to": "km"}');
    await expect(page.getByTestId('playback-position')).toHaveAttribute('data-total', '11');
  });

  test('Gemini JSON-array stream in a gzip !!binary body, Ollama NDJSON, Ruby VCR !binary', async ({ page }) => {
    await openSamples(page);
    await open(page, `${GEMINI}#1`);
    await expect(page.getByTestId('final-text')).toHaveText('Day 1: the old town. Day 2: the coast.');
    await expect(page.getByTestId('reasoning-text')).toHaveText('Planning a short itinerary.');
    await expect(page.getByTestId('tool-call')).toHaveAttribute('data-arguments', '{"from":"Porto","to":"Lisbon","day":2}');
    await expect(page.getByTestId('playback-position')).toHaveAttribute('data-total', '3');

    await open(page, `${OLLAMA}#1`);
    expect(await page.getByTestId('final-text').textContent()).toBe('Morning fog lifting\ngulls argue over the pier\nthe ferry is late');
    await expect(page.getByTestId('playback-position')).toHaveAttribute('data-total', '5');

    await open(page, `${RUBY}#1`);
    await expect(page.getByTestId('final-text')).toHaveText('Ruby was created by Yukihiro Matsumoto.');
    await expect(page.locator('[data-testid="message"][data-role="user"]')).toContainText('Who created Ruby?');
  });

  test('Bedrock: Converse read, a binary event stream and a brotli body unreadable with the rest kept', async ({ page }) => {
    await openSamples(page);
    await open(page, `${BEDROCK}#1`);
    await expect(page.getByTestId('final-text')).toHaveText('The Ebro.');
    await expect(page.getByTestId('tool-call')).toHaveAttribute('data-arguments', '{"name":"Ebro","country":"ES"}');

    await open(page, `${BEDROCK}#2`);
    await expect(page.getByTestId('unreadable-body')).toContainText('unreadable: binary event stream (application/vnd.amazon.eventstream)');
    await expect(page.getByTestId('unreadable-body')).toContainText(' B');
    await expect(page.getByTestId('playback')).toHaveCount(0);

    await open(page, `${BEDROCK}#3`);
    await expect(page.getByTestId('unreadable-body')).toContainText('unreadable: brotli-compressed body');
    // The rest of the interaction stays readable.
    await expect(page.locator('[data-testid="message"][data-role="user"]')).toContainText('Name a river in Spain.');
    await expect(page.getByTestId('http-exchange')).toHaveAttribute('data-status', '200');
    await expect(page.locator('[data-testid="http-header"][data-name="Content-Encoding"]')).toContainText('br');
  });

  test('an interaction has a URL of its own (the # encoded) that opens it in the loaded folder', async ({ page }) => {
    await openSamples(page);
    const url = recordingUrl(`${TOOL_LOOP}#2`);
    expect(url).toContain('%23');
    await navigateInApp(page, url);
    await expect(page.getByTestId('recording-detail')).toHaveAttribute('data-path', `${TOOL_LOOP}#2`);
    await page.getByRole('link', { name: 'Response', exact: true }).click();
    await expect(page.getByTestId('recording-detail')).toHaveAttribute('data-path', `${TOOL_LOOP}#2`);
  });

  test("the test page tells a cassette's calls as one conversation, in call order", async ({ page }) => {
    await openSamples(page);
    await navigateInApp(page, `/t/${encodeURIComponent(`${C}/test_openai_chat::test_weather_tool_loop`)}`);
    const steps = page.getByTestId('story-step');
    await expect(steps).toHaveCount(2);
    expect(await steps.evaluateAll((els) => els.map((el) => el.getAttribute('data-path')))).toEqual([`${TOOL_LOOP}#1`, `${TOOL_LOOP}#2`]);
    await expect(steps.nth(1)).toHaveAttribute('data-relation', 'continues');
    await expect(steps.nth(1)).toContainText('continues call 1 (+2 messages)');
  });
});

test.describe('comparing two folders of cassettes', () => {
  test("a cassette's interactions are compared in order; re-record noise (date, request ids, ids, created) is noise-only", async ({ page }) => {
    const root = mkdtempSync(path.join(tmpdir(), 'cassette-compare-'));
    try {
      const call = (n: number, answer: string, run: { date: string; requestId: string; id: string; created: number }) => ({
        request: { body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `question ${n}` }] }), headers: { authorization: ['AUTHORIZATION-XXX'] }, method: 'POST', uri: 'https://api.openai.com/v1/chat/completions' },
        response: {
          body: { string: JSON.stringify({ id: run.id, created: run.created, object: 'chat.completion', model: 'gpt-4o-mini', choices: [{ index: 0, message: { role: 'assistant', content: answer } }] }) },
          headers: { 'Content-Type': ['application/json'], Date: [run.date], 'x-request-id': [run.requestId], 'openai-processing-ms': [String(run.created % 1000)], 'CF-RAY': [`${run.requestId}-AMS`], 'Set-Cookie': [`__cf_bm=${run.requestId}`] },
          status: { code: 200, message: 'OK' },
        },
      });
      const first = { date: 'Mon, 03 Mar 2025 10:00:00 GMT', requestId: 'req_a', id: 'chatcmpl-a', created: 1741000000 };
      const second = { date: 'Tue, 04 Mar 2025 11:00:00 GMT', requestId: 'req_b', id: 'chatcmpl-b', created: 1741100000 };
      const write = (side: string, rel: string, interactions: unknown[]) => {
        const file = path.join(root, side, rel);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, JSON.stringify({ interactions, version: 1 }));
      };
      const cassette = 'tests/cassettes/test_chat/test_two_questions.yaml';
      write('base', cassette, [call(1, 'one', first), call(2, 'two', first)]);
      write('head', cassette, [call(1, 'one', second), call(2, 'TWO, re-recorded', second), call(3, 'three', second)]);
      await page.goto('/compare');
      await page.getByTestId('compare-base-input').setInputFiles(path.join(root, 'base'));
      await page.getByTestId('compare-head-input').setInputFiles(path.join(root, 'head'));
      const summary = await readSummary(page);
      expect(summary).toMatchObject({ added: 1, removed: 0, modified: 2, noiseOnly: 1, answerChanged: 1 });
      await page.getByTestId('noise-toggle').click();
      await expect(page.locator(`[data-testid="diff-row"][data-head-path="${cassette}#1"]`)).toHaveAttribute('data-noise-only', 'true');
      const changed = page.locator(`[data-testid="diff-row"][data-head-path="${cassette}#2"]`);
      await expect(changed).toHaveAttribute('data-noise-only', 'false');
      await expect(page.locator(`[data-testid="diff-row"][data-head-path="${cassette}#3"]`)).toHaveAttribute('data-status', 'added');
      await changed.click();
      await expect(page.getByTestId('recording-diff')).toBeVisible();
      await expect(page.getByTestId('recording-diff')).toContainText('TWO, re-recorded');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

test.describe('a 100 MB cassette', () => {
  test('is indexed in a worker without freezing the page, and its last interaction opens', async ({ page }) => {
    test.setTimeout(300_000);
    const dir = mkdtempSync(path.join(tmpdir(), 'big-cassette-'));
    try {
      const body = Array.from({ length: 600 }, (_, i) => `data: {"choices":[{"index":0,"delta":{"content":"w${i} "}}]}\n\n`).join('');
      const item = (n: number) =>
        `- request:\n    body: '{"model":"big-${n}"}'\n    method: POST\n    uri: https://api.openai.com/v1/chat/completions\n  response:\n    body:\n      string: ${JSON.stringify(body)}\n    headers:\n      Content-Type: [text/event-stream]\n    status: {code: 200, message: OK}\n`;
      const count = Math.ceil(100e6 / item(1).length);
      const file = path.join(dir, 'cassettes', 'test_big', 'test_huge_stream.yaml');
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `interactions:\n${Array.from({ length: count }, (_, i) => item(i + 1)).join('')}version: 1\n`);
      expect(statSync(file).size).toBeGreaterThan(100e6);

      await page.goto('/');
      // Long tasks on the page's main thread while the cassette is read and parsed.
      await page.evaluate(() => {
        const w = window as unknown as { longest: number };
        w.longest = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
        }).observe({ type: 'longtask', buffered: false });
      });
      await openFolderViaInput(page, dir);
      const status = await waitForIndex(page, 240_000);
      expect(status).toMatchObject({ count, errors: 0 });
      const interaction = `cassettes/test_big/test_huge_stream.yaml#${count}`;
      await navigateInApp(page, recordingUrl(interaction));
      await expect(page.getByTestId('recording-detail')).toHaveAttribute('data-path', interaction, { timeout: 120_000 });
      await expect(page.getByTestId('playback-position')).toHaveAttribute('data-total', '600');
      const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
      // Reading, parsing and assembling happen in workers: the page never blocks for long.
      expect(longest).toBeLessThan(1_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/* ---------- the real dev cassettes, when the shared corpus is present ---------- */

interface TruthLine {
  path: string;
  index: number;
  streaming: boolean;
  chunks: number | null;
  text: string | null;
  tool_calls: { name: string; arguments: string }[] | null;
  reasoning: string | null;
  error: string | null;
  unreadable: string | null;
}

const devDir = path.join(corpusDir, 'cassettes-dev');
const devTruthPath = path.join(corpusDir, 'cassettes-dev.truth.jsonl');
let devTruth: TruthLine[] | null = null;
try {
  devTruth = readFileSync(devTruthPath, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as TruthLine);
} catch {
  devTruth = null;
}

test.describe('the real dev cassettes', () => {
  test.skip(devTruth === null, `cassette corpus not found at ${devTruthPath}; skipping the real-cassette checks`);

  test('counts match the truth, and sampled interactions show its text, tool calls, reasoning, errors and chunk totals', async ({ page }) => {
    const truth = devTruth!;
    await page.goto('/');
    await openFolderViaInput(page, devDir);
    const status = await waitForIndex(page);
    expect(status).toMatchObject({ count: truth.length, errors: 0 });
    // A spread of kinds: streams, tool calls, reasoning, errors, and every 25th line.
    const picks = new Map<string, TruthLine>();
    const add = (line: TruthLine | undefined) => line && picks.set(`${line.path}#${line.index}`, line);
    add(truth.find((l) => l.streaming && (l.tool_calls?.length ?? 0) > 0));
    add(truth.find((l) => l.streaming && l.reasoning));
    add(truth.find((l) => !l.streaming && l.reasoning));
    add(truth.find((l) => l.error !== null));
    add(truth.find((l) => l.path.includes('openai_responses') && l.streaming));
    truth.forEach((line, i) => i % 25 === 0 && add(line));
    for (const [interactionPath, line] of picks) {
      await open(page, interactionPath);
      if (line.text !== null) expect(await page.getByTestId('final-text').textContent(), interactionPath).toBe(line.text);
      const calls = page.getByTestId('tool-call');
      await expect(calls).toHaveCount(line.tool_calls?.length ?? 0);
      for (const [i, call] of (line.tool_calls ?? []).entries()) {
        await expect(calls.nth(i)).toHaveAttribute('data-name', call.name);
        await expect(calls.nth(i)).toHaveAttribute('data-arguments', call.arguments);
      }
      if (line.reasoning) expect(await page.getByTestId('reasoning-text').textContent()).toBe(line.reasoning);
      else await expect(page.getByTestId('reasoning-text')).toHaveCount(0);
      await expect(page.getByTestId('response-error')).toHaveCount(line.error === null ? 0 : 1);
      if (line.error !== null) await expect(page.getByTestId('response-error')).toContainText(line.error.slice(0, 80));
      if (line.streaming && line.chunks !== null) await expect(page.getByTestId('playback-position')).toHaveAttribute('data-total', String(line.chunks));
      else await expect(page.getByTestId('playback')).toHaveCount(0);
    }
  });
});
