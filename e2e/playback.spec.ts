import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  CORPUS_MISSING,
  corpusDir,
  hasCorpus,
  navigateInApp,
  openFolderViaInput,
  readTruth,
  recordingUrl,
  samplesDir,
  waitForIndex,
} from './support';

/*
 * Expected texts are rebuilt here from the files' JSON, independently of the
 * app's readers: chat chunks concatenate choices[0].delta.content, Ollama
 * generate chunks concatenate `response`.
 */

const INFERENCE = 'tests/integration/inference/recordings';
/** Chat completion stream, normalized (`created: 0`): synthetic timing. */
const NORMALIZED_CHAT = `${INFERENCE}/8ead3c624ab35221befa89c2295cac536659e0305c2742002c02932a7a83443a.json`;
/** Ollama /api/generate stream with nanosecond `created_at` that differ: recorded timing. */
const OLLAMA_GENERATE = `${INFERENCE}/5c1261d9c45eb2947b5cce0fe43101f22bc07e2fc79e53a623c2dc5110de2f3a.json`;
/** Chat completion stream whose `created` seconds vary: recorded at second resolution. */
const SECONDS_CHAT = `${INFERENCE}/f49cce03175e1265e45c496716fd6c302cf45a8ee235215664b6446f10f2de13.json`;
/** Two parallel tool calls streamed as fragments. */
const TOOL_CHAT = `${INFERENCE}/06368d3374c17d61d5f49c91cec22ec3b118ee20a534b0e1386be155fb9d361e.json`;

type Json = Record<string, unknown>;

function chunksOf(rel: string, dir = samplesDir): Json[] {
  const file = JSON.parse(readFileSync(path.join(dir, rel), 'utf8')) as { response: { body: { __data__: Json }[] } };
  return file.response.body.map((chunk) => chunk.__data__);
}

function chatPieces(rel: string): string[] {
  return chunksOf(rel).map((data) => {
    const choices = (data.choices as { index?: number; delta?: { content?: string | null } }[]) ?? [];
    const first = choices.find((c) => (c.index ?? 0) === 0);
    return first?.delta?.content ?? '';
  });
}

function ollamaPieces(rel: string): string[] {
  return chunksOf(rel).map((data) => (typeof data.response === 'string' ? data.response : ''));
}

/** Text after chunk `index` (-1: before the first chunk). */
function prefix(pieces: string[], index: number): string {
  return pieces.slice(0, index + 1).join('');
}

async function openSamples(page: Page) {
  await page.goto('/');
  await openFolderViaInput(page, samplesDir);
  await waitForIndex(page);
}

/** The way a user gets there: search for the file's hash, click its row. */
async function openBySearch(page: Page, rel: string) {
  await page.getByTestId('search-input').fill(path.basename(rel, '.json'));
  const row = page.locator(`[data-testid="recording-row"][data-path="${rel}"]`);
  await row.click();
  await expect(page.getByTestId('recording-detail')).toHaveAttribute('data-path', rel);
  await expect(page.getByTestId('playback')).toBeVisible();
}

async function expectCursor(page: Page, index: number, total: number, pieces: string[]) {
  const position = page.getByTestId('playback-position');
  await expect(position).toHaveAttribute('data-index', String(index));
  await expect(position).toHaveAttribute('data-total', String(total));
  // One numbering: the counter, the chunk pane and ?chunk= all say #index (0-based).
  await expect(position).toHaveText(`chunk ${index < 0 ? '—' : `#${index}`} of ${total} chunks`);
  if (index >= 0) await expect(page.getByTestId('playback-chunk-number')).toHaveText(`#${index}`);
  await expect(page.getByTestId('playback-scrubber')).toHaveValue(String(index));
  const text = await page.getByTestId('playback-text').evaluate((el) => el.textContent);
  expect(text).toBe(prefix(pieces, index));
}

/** Puts focus in the player region without pressing any of its buttons. */
async function focusPlayer(page: Page) {
  await page.getByTestId('playback').getByRole('heading', { name: 'Playback' }).click();
}

test.describe('token-by-token playback', () => {
  test('opens at the end, steps, scrubs, and keeps the cursor in the URL', async ({ page }) => {
    const pieces = chatPieces(NORMALIZED_CHAT);
    const total = pieces.length;
    await openSamples(page);
    await openBySearch(page, NORMALIZED_CHAT);

    // No ?chunk: the full text shows.
    await expectCursor(page, total - 1, total, pieces);
    expect(prefix(pieces, total - 1).length).toBeGreaterThan(50);

    // Start is the first chunk; one step back is "before the first chunk", with nothing assembled.
    await page.getByTestId('playback-start').click();
    await expectCursor(page, 0, total, pieces);
    await expect(page).toHaveURL(/[?&]chunk=0(&|$)/);
    await page.getByTestId('playback-step-back').click();
    await expectCursor(page, -1, total, pieces);
    await expect(page.getByTestId('playback-text')).toHaveText('');

    for (let i = 0; i < 3; i++) await page.getByTestId('playback-step-forward').click();
    await expectCursor(page, 2, total, pieces);
    await page.getByTestId('playback-step-back').click();
    await expectCursor(page, 1, total, pieces);
    await expect(page).toHaveURL(/[?&]chunk=1(&|$)/);
    // The search that found the file stays in the URL beside the cursor.
    await expect(page).toHaveURL(/[?&]q=/);

    await page.getByTestId('playback-scrubber').fill('17');
    await expectCursor(page, 17, total, pieces);
    await expect(page).toHaveURL(/[?&]chunk=17(&|$)/);
    await page.getByTestId('playback-scrubber').fill('5');
    await expectCursor(page, 5, total, pieces);

    await page.getByTestId('playback-end').click();
    await expectCursor(page, total - 1, total, pieces);
  });

  test('a URL with ?chunk=N opens at that chunk', async ({ page }) => {
    const pieces = chatPieces(NORMALIZED_CHAT);
    const total = pieces.length;
    await openSamples(page);
    await navigateInApp(page, `${recordingUrl(NORMALIZED_CHAT)}?chunk=12`);
    await expect(page.getByTestId('recording-detail')).toHaveAttribute('data-path', NORMALIZED_CHAT);
    await expectCursor(page, 12, total, pieces);

    await page.getByTestId('playback-step-forward').click();
    await expectCursor(page, 13, total, pieces);
    const url = new URL(page.url());
    expect(url.searchParams.get('chunk')).toBe('13');

    // Reopening the in-app URL restores the cursor.
    await navigateInApp(page, '/browse');
    await navigateInApp(page, `${url.pathname}${url.search}`);
    await expectCursor(page, 13, total, pieces);

    // A link to the same recording at another chunk moves the open player.
    await navigateInApp(page, `${recordingUrl(NORMALIZED_CHAT)}?chunk=-1`);
    await expectCursor(page, -1, total, pieces);
    await navigateInApp(page, `${recordingUrl(NORMALIZED_CHAT)}?chunk=100000`);
    await expectCursor(page, total - 1, total, pieces);
  });

  test('keyboard: space plays and pauses, arrows step, Home and End jump', async ({ page }) => {
    const pieces = chatPieces(NORMALIZED_CHAT);
    const total = pieces.length;
    await openSamples(page);
    await openBySearch(page, NORMALIZED_CHAT);

    await focusPlayer(page);
    await page.keyboard.press('Home');
    await expectCursor(page, 0, total, pieces);
    await expect(page).not.toHaveURL(/chunk=-1/);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expectCursor(page, 2, total, pieces);
    await page.keyboard.press('Shift+ArrowRight');
    await expectCursor(page, 12, total, pieces);
    await page.keyboard.press('ArrowLeft');
    await expectCursor(page, 11, total, pieces);
    await page.keyboard.press('End');
    await expectCursor(page, total - 1, total, pieces);

    // With nothing focused (the page body) the keys work too.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Home');
    await expectCursor(page, 0, total, pieces);
    await page.keyboard.press('ArrowLeft');
    await expectCursor(page, -1, total, pieces);
    await page.keyboard.press('ArrowRight');
    await expectCursor(page, 0, total, pieces);

    // Slow the clock right down so space can be seen toggling without the cursor racing.
    await page.getByTestId('playback-synthetic-rate').fill('1');
    await page.getByTestId('playback-speed').selectOption('0.25');
    await page.getByTestId('playback-step-forward').click();
    await expectCursor(page, 1, total, pieces);
    // Focus is now on the step button: space toggles playback instead of stepping again.
    await page.keyboard.press('Space');
    await expect(page.getByTestId('playback-pause')).toBeVisible();
    await expect(page.getByTestId('playback')).toHaveAttribute('data-playing', 'true');
    await page.keyboard.press('Space');
    await expect(page.getByTestId('playback-play')).toBeVisible();
    await expectCursor(page, 1, total, pieces);

    // Typing in the search box does not drive the player.
    await page.getByTestId('search-input').click();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Space');
    await expect(page.getByTestId('playback')).toHaveAttribute('data-playing', 'false');
    await expectCursor(page, 1, total, pieces);
  });

  test('plays to the end and can be paused', async ({ page }) => {
    const pieces = chatPieces(NORMALIZED_CHAT);
    const total = pieces.length;
    await openSamples(page);
    await openBySearch(page, NORMALIZED_CHAT);

    await page.getByTestId('playback-speed').selectOption('max');
    await page.getByTestId('playback-start').click();
    await page.getByTestId('playback-play').click();
    await expect(page.getByTestId('playback-position')).toHaveAttribute('data-index', String(total - 1), { timeout: 10_000 });
    await expect(page.getByTestId('playback-play')).toBeVisible();
    await expectCursor(page, total - 1, total, pieces);
    await expect(page).toHaveURL(new RegExp(`[?&]chunk=${total - 1}(&|$)`));

    // Play at the end starts over; pause stops somewhere in between with the exact prefix shown.
    // A slow clock (2 chunks/s) so the pause lands mid-stream however loaded the machine is.
    await page.getByTestId('playback-synthetic-rate').fill('2');
    await page.getByTestId('playback-speed').selectOption('1');
    await page.getByTestId('playback-play').click();
    await expect(page.getByTestId('playback-pause')).toBeVisible();
    // Wait for states, not a sleep: the restart (cursor back before the end), then one chunk played.
    await expect.poll(async () => Number(await page.getByTestId('playback-position').getAttribute('data-index'))).toBeLessThan(total - 1);
    await expect.poll(async () => Number(await page.getByTestId('playback-position').getAttribute('data-index'))).toBeGreaterThanOrEqual(0);
    await page.getByTestId('playback-pause').click();
    const index = Number(await page.getByTestId('playback-position').getAttribute('data-index'));
    expect(index).toBeGreaterThanOrEqual(0);
    expect(index).toBeLessThan(total - 1);
    await expectCursor(page, index, total, pieces);
    await expect(page).toHaveURL(new RegExp(`[?&]chunk=${index}(&|$)`));
  });

  test('recorded timing where timestamps differ, synthetic where they were normalized', async ({ page }) => {
    await openSamples(page);

    await openBySearch(page, OLLAMA_GENERATE);
    const timing = page.getByTestId('playback-timing');
    await expect(timing).toHaveAttribute('data-source', 'recorded');
    await expect(timing).toHaveAttribute('data-resolution', 'fine');
    await expect(page.getByTestId('playback-ttft')).toContainText(/ms|s/);
    await expect(page.getByTestId('playback-duration')).toContainText('1.64 s');
    await expect(page.getByTestId('playback-gap-chart')).toBeVisible();
    // Recorded Ollama playback at 16x follows the 1.6 s of gaps in about a tenth of a second.
    const pieces = ollamaPieces(OLLAMA_GENERATE);
    await page.getByTestId('playback-speed').selectOption('16');
    await page.getByTestId('playback-start').click();
    await expectCursor(page, 0, pieces.length, pieces);
    await page.getByTestId('playback-play').click();
    await expect(page.getByTestId('playback-position')).toHaveAttribute('data-index', String(pieces.length - 1), { timeout: 10_000 });
    await expectCursor(page, pieces.length - 1, pieces.length, pieces);
    await page.getByTestId('playback-scrubber').fill('9');
    await expectCursor(page, 9, pieces.length, pieces);

    await page.getByTestId('search-input').fill('');
    await openBySearch(page, NORMALIZED_CHAT);
    await expect(timing).toHaveAttribute('data-source', 'synthetic');
    await expect(timing).toContainText('No real timing in this file (normalized away): synthetic 30 chunks/s');
    await expect(page.getByTestId('playback-gap-chart')).toHaveCount(0);

    await page.getByTestId('search-input').fill('');
    await openBySearch(page, SECONDS_CHAT);
    await expect(timing).toHaveAttribute('data-source', 'recorded');
    await expect(timing).toContainText('second resolution');
  });

  test('tool calls assemble name first, then arguments, chunk by chunk', async ({ page }) => {
    const chunks = chunksOf(TOOL_CHAT);
    type Delta = { tool_calls?: { index: number; function?: { name?: string; arguments?: string } }[] };
    const calls: { name: string; args: string; start: number; argsAt: string[] }[] = [];
    chunks.forEach((data, i) => {
      const delta = ((data.choices as { delta?: Delta }[])[0]?.delta ?? {}) as Delta;
      for (const part of delta.tool_calls ?? []) {
        const call = (calls[part.index] ??= { name: '', args: '', start: i, argsAt: [] });
        call.name ||= part.function?.name ?? '';
        call.args += part.function?.arguments ?? '';
      }
      for (const call of calls) if (call) call.argsAt[i] = call.args;
    });
    expect(calls.length).toBe(2);
    const second = calls[1]!;
    await openSamples(page);
    await openBySearch(page, TOOL_CHAT);

    const toolCalls = page.getByTestId('playback-tool-call');
    await expect(toolCalls).toHaveCount(2);
    await expect(toolCalls.nth(1)).toHaveAttribute('data-name', second.name);
    expect(await toolCalls.nth(1).getByTestId('playback-tool-arguments').textContent()).toBe(second.args);

    await page.getByTestId('playback-scrubber').fill(String(second.start - 1));
    await expect(toolCalls).toHaveCount(1);
    await expect(toolCalls.first()).toHaveAttribute('data-name', calls[0]!.name);
    expect(await toolCalls.first().getByTestId('playback-tool-arguments').textContent()).toBe(calls[0]!.argsAt[second.start - 1]);

    const mid = second.start + 3;
    await page.getByTestId('playback-scrubber').fill(String(mid));
    await expect(toolCalls).toHaveCount(2);
    expect(await toolCalls.nth(1).getByTestId('playback-tool-arguments').textContent()).toBe(second.argsAt[mid]);
    // The chunk view shows the raw chunk, with the fragment it added highlighted.
    const fragment = second.argsAt[mid]!.slice(second.argsAt[mid - 1]!.length);
    expect(fragment.length).toBeGreaterThan(0);
    await expect(page.getByTestId('playback-chunk').locator('mark')).toHaveText(JSON.stringify(fragment));
  });
});

test.describe('playback over the real llama-stack corpus', () => {
  test.skip(!hasCorpus, CORPUS_MISSING);

  test('text at the last chunk equals the truth file for streamed recordings of every kind', async ({ page }) => {
    const corpus = path.join(corpusDir, 'llama-stack-head');
    const truth = readTruth(path.join(corpusDir, 'llama-stack-head.truth.jsonl')).filter((t) => t.streaming && !t.error && t.chunks > 1);
    // The longest stream of each endpoint, plus a streamed tool call and streamed reasoning.
    const picked = new Map<string, (typeof truth)[number]>();
    for (const t of truth) {
      const current = picked.get(t.endpoint);
      if (!current || t.chunks > current.chunks) picked.set(t.endpoint, t);
    }
    const withTools = truth.find((t) => t.tool_calls.length > 0);
    if (withTools) picked.set('tools', withTools);
    const withReasoning = truth.find((t) => t.reasoning.length > 0 && t.text.length > 0);
    if (withReasoning) picked.set('reasoning', withReasoning);
    const cases = [...new Set(picked.values())];
    expect(cases.length).toBeGreaterThanOrEqual(4);

    // Only the picked files, in their own folder layout: indexing all 3,000 would test the loader, not the player.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'playback-corpus-'));
    try {
      for (const t of cases) {
        mkdirSync(path.dirname(path.join(dir, t.path)), { recursive: true });
        copyFileSync(path.join(corpus, t.path), path.join(dir, t.path));
      }
      await page.goto('/');
      await openFolderViaInput(page, dir);
      const status = await waitForIndex(page);
      expect(status.count).toBe(cases.length);

      for (const t of cases) {
        await navigateInApp(page, recordingUrl(t.path));
        await expect(page.getByTestId('recording-detail')).toHaveAttribute('data-path', t.path);
        const position = page.getByTestId('playback-position');
        const total = Number(await position.getAttribute('data-total'));
        expect(total, t.path).toBeGreaterThan(1);
        await expect(position).toHaveAttribute('data-index', String(total - 1));
        expect(await page.getByTestId('playback-text').evaluate((el) => el.textContent), t.path).toBe(t.text);
        if (t.reasoning) {
          expect(await page.getByTestId('playback-reasoning').evaluate((el) => el.textContent), t.path).toBe(t.reasoning);
        }
        const calls = page.getByTestId('playback-tool-call');
        await expect(calls).toHaveCount(t.tool_calls.length);
        for (let k = 0; k < t.tool_calls.length; k++) {
          await expect(calls.nth(k)).toHaveAttribute('data-name', t.tool_calls[k]!.name);
          expect(await calls.nth(k).getByTestId('playback-tool-arguments').textContent(), t.path).toBe(t.tool_calls[k]!.arguments);
        }
        // Before the first chunk nothing is assembled.
        await page.getByTestId('playback-start').click();
        await page.getByTestId('playback-step-back').click();
        await expect(position).toHaveAttribute('data-index', '-1');
        await expect(page.getByTestId('playback-text')).toHaveText('');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test.describe('playback of a 20,000-chunk stream', () => {

  test('plays a 20,000-chunk stream to the exact text and scrubs to exact prefixes (frame times: npm run bench)', async ({ page }) => {
    const total = 20_000;
    const words = ['alpha ', 'beta ', 'gamma\n', 'delta ', 'épsilon ', '🙂 ', 'zeta, '];
    const body = Array.from({ length: total }, (_, i) => ({
      __type__: 'openai.types.chat.chat_completion_chunk.ChatCompletionChunk',
      __data__: {
        id: 'rec-perf',
        choices: [{ delta: { content: i === 0 ? '' : words[i % words.length], role: i === 0 ? 'assistant' : null }, finish_reason: i === total - 1 ? 'stop' : null, index: 0 }],
        created: 0,
        model: 'perf',
        object: 'chat.completion.chunk',
      },
    }));
    const expected = body.map((c) => c.__data__.choices[0]!.delta.content).join('');
    const rel = 'tests/integration/perf/recordings/perf20k.json';
    const dir = mkdtempSync(path.join(os.tmpdir(), 'playback-perf-'));
    try {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      const recording = { test_id: 'tests/integration/perf/test_perf.py::test_perf', request: { method: 'POST', url: 'http://x/v1/chat/completions', endpoint: '/v1/chat/completions', model: 'perf', body: { model: 'perf', stream: true, messages: [] } }, response: { body, is_streaming: true } };
      writeFileSync(path.join(dir, rel), JSON.stringify(recording));
      await page.goto('/');
      await openFolderViaInput(page, dir);
      await waitForIndex(page);
      await navigateInApp(page, `${recordingUrl(rel)}?chunk=-1`);
      await expect(page.getByTestId('playback-position')).toHaveAttribute('data-total', String(total));

      for (const speed of ['16', 'max']) {
        await page.getByTestId('playback-speed').selectOption(speed);
        // Start is disabled when already there; the scrubber always accepts -1.
        await page.getByTestId('playback-scrubber').fill('-1');
        await page.evaluate(() => {
          const w = window as unknown as { __frames: number[] };
          w.__frames = [];
          let last = performance.now();
          const tick = (now: number) => {
            w.__frames.push(now - last);
            last = now;
            if (w.__frames.length < 240) requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        });
        await page.getByTestId('playback-play').click();
        await page.waitForFunction(() => (window as unknown as { __frames: number[] }).__frames.length >= 240, null, { timeout: 30_000 });
        const frames = (await page.evaluate(() => (window as unknown as { __frames: number[] }).__frames)).slice(5).sort((a, b) => a - b);
        const p = (q: number) => frames[Math.min(frames.length - 1, Math.floor(q * frames.length))]!;
        const index = Number(await page.getByTestId('playback-position').getAttribute('data-index'));
        console.log(`speed ${speed}: frame p50 ${p(0.5).toFixed(1)} ms, p95 ${p(0.95).toFixed(1)} ms, max ${p(1).toFixed(1)} ms, cursor ${index}`);
        if (speed === 'max') {
          await expect(page.getByTestId('playback-position')).toHaveAttribute('data-index', String(total - 1), { timeout: 30_000 });
          expect(await page.getByTestId('playback-text').evaluate((el) => el.textContent)).toBe(expected);
          // Jumps back and forth across the pieces the text is kept in still show the exact prefix.
          const ends: number[] = [];
          body.reduce((n, c) => (ends.push(n + c.__data__.choices[0]!.delta.content!.length), ends.at(-1)!), 0);
          for (const to of [15_000, 3, 19_999, 10_000, 10_001, 9_990, 4_700, -1, 12_345]) {
            await page.getByTestId('playback-scrubber').fill(String(to));
            await expect(page.getByTestId('playback-position')).toHaveAttribute('data-index', String(to));
            const shown = await page.getByTestId('playback-text').evaluate((el) => el.textContent);
            expect(shown === expected.slice(0, to < 0 ? 0 : ends[to]), `prefix at ${to}`).toBe(true);
          }
          // Frozen pieces end at newlines: they must not add blank lines (lines here are too short to wrap).
          const lines = await page.getByTestId('playback-text').evaluate((el) => {
            const style = getComputedStyle(el);
            const inner = el.scrollHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
            return { rendered: Math.round(inner / parseFloat(style.lineHeight)), newlines: (el.textContent ?? '').split('\n').length };
          });
          expect(lines.rendered).toBe(lines.newlines);
          await page.getByTestId('playback-text').evaluate((el) => (el.scrollTop = el.scrollHeight));
          await page.getByTestId('playback').screenshot({ path: test.info().outputPath('playback-20k.png') });
        } else {
          await page.getByTestId('playback-pause').click();
          const at = Number(await page.getByTestId('playback-position').getAttribute('data-index'));
          expect(at).toBeGreaterThan(500);
          expect(await page.getByTestId('playback-text').evaluate((el) => el.textContent)).toBe(expected.slice(0, body.slice(0, at + 1).reduce((n, c) => n + c.__data__.choices[0]!.delta.content!.length, 0)));
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
