/**
 * PR review that tells the truth: categories per modified pair, the filter and
 * review order, rewritten text side by side, re-generated tool-call ids, a
 * stream with an extra Azure chunk, the Markdown summary, deep JSON, narrow
 * windows, and the real PR example's left-behind files. Every input is
 * written here; expectations are what the generated change means.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { corpusDir, navigateInApp, openFolderViaInput, readSummary, repoRoot, waitForIndex } from './support';

const T = (name: string) => `tests/integration/inference/test_review.py::${name}[txt=openai/gpt-4o]`;
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

interface Spec {
  test: string;
  messages?: unknown[];
  temperature?: number;
  answer?: string;
  calls?: { name: string; args: string }[];
  usage?: Record<string, number>;
  extra?: unknown;
  /** Streamed in these text pieces; `azure` adds Azure's leading prompt_filter_results chunk. */
  stream?: { pieces: string[]; azure?: boolean };
}

const question = { role: 'user', content: 'What is the weather in Paris?' };

function chat(s: Spec) {
  const body: Record<string, unknown> = { model: 'gpt-4o', messages: s.messages ?? [question] };
  if (s.temperature !== undefined) body.temperature = s.temperature;
  if (s.extra !== undefined) body.extra = s.extra;
  const request = { method: 'POST', url: 'https://api.openai.com/v1/chat/completions', endpoint: '/v1/chat/completions', model: 'gpt-4o', body };
  if (s.stream) {
    const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
      __type__: 'openai.types.chat.chat_completion_chunk.ChatCompletionChunk',
      __data__: { id: 'rec-1', choices: [{ delta, finish_reason: finish, index: 0 }], created: 0, model: 'gpt-4o', object: 'chat.completion.chunk' },
    });
    const chunks: unknown[] = [];
    if (s.stream.azure) {
      chunks.push({
        __type__: 'openai.types.chat.chat_completion_chunk.ChatCompletionChunk',
        __data__: { id: '', choices: [], created: 0, model: '', object: '', prompt_filter_results: [{ prompt_index: 0, content_filter_results: {} }] },
      });
    }
    chunks.push(chunk({ role: 'assistant', content: '' }));
    for (const p of s.stream.pieces) chunks.push(chunk({ content: p }));
    chunks.push(chunk({}, 'stop'));
    return { test_id: T(s.test), request: { ...request, body: { ...body, stream: true } }, response: { body: chunks, is_streaming: true } };
  }
  const message: Record<string, unknown> = { role: 'assistant', content: s.answer ?? 'It is sunny.' };
  if (s.calls) message.tool_calls = s.calls.map((c, i) => ({ id: `call_generated${i}`, type: 'function', function: { name: c.name, arguments: c.args } }));
  return {
    test_id: T(s.test),
    request,
    response: {
      body: {
        __type__: 'openai.types.chat.chat_completion.ChatCompletion',
        __data__: {
          id: 'rec-1',
          created: 0,
          model: 'gpt-4o',
          object: 'chat.completion',
          choices: [{ index: 0, finish_reason: s.calls ? 'tool_calls' : 'stop', message }],
          usage: s.usage ?? { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
        },
      },
      is_streaming: false,
    },
  };
}

const withToolTurn = (first: string, second: string) => [
  question,
  {
    role: 'assistant',
    content: null,
    tool_calls: [
      { id: first, type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
      { id: second, type: 'function', function: { name: 'get_time', arguments: '{"city":"Paris"}' } },
    ],
  },
  { role: 'tool', tool_call_id: first, content: '21 °C' },
  { role: 'tool', tool_call_id: second, content: '12:00' },
];

/** {"a": {"a": … leaf}} nested `depth` levels, built without recursion. */
function nested(depth: number, leaf: string): unknown {
  let value: unknown = leaf;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

const REWRITTEN_BASE = "I'm not able to provide real-time weather information for Paris.";
const REWRITTEN_HEAD = 'Paris is sunny today with a light breeze and 21 degrees.';

function trees() {
  const base: Record<string, unknown> = {
    'r/rewritten.json': chat({ test: 'test_rewritten', answer: REWRITTEN_BASE }),
    'r/tools.json': chat({ test: 'test_tools', answer: '', calls: [{ name: 'get_weather', args: '{"city":"Paris"}' }] }),
    'r/request.json': chat({ test: 'test_request', temperature: 0 }),
    'r/ids.json': chat({ test: 'test_ids', messages: withToolTurn('call_AAAA1111', 'call_BBBB2222') }),
    'r/usage.json': chat({ test: 'test_usage', usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } }),
    'r/azure.json': chat({ test: 'test_azure', stream: { pieces: ['It is ', 'sunny.'] } }),
    'r/noise.json': { ...chat({ test: 'test_noise' }), response: { ...chat({ test: 'test_noise' }).response, created_at: 1 } },
    'r/deep.json': chat({ test: 'test_deep', extra: nested(4_000, 'base') }),
  };
  const head: Record<string, unknown> = {
    'r/rewritten.json': chat({ test: 'test_rewritten', answer: REWRITTEN_HEAD }),
    'r/tools.json': chat({ test: 'test_tools', answer: '', calls: [{ name: 'get_weather', args: '{"city":"Lyon"}' }] }),
    'r/request.json': chat({ test: 'test_request', temperature: 0.7 }),
    'r/ids.json': chat({ test: 'test_ids', messages: withToolTurn('call_CCCC3333', 'call_DDDD4444') }),
    'r/usage.json': chat({ test: 'test_usage', usage: { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 } }),
    'r/azure.json': chat({ test: 'test_azure', stream: { pieces: ['It is ', 'sunny.'], azure: true } }),
    'r/noise.json': { ...chat({ test: 'test_noise' }), response: { ...chat({ test: 'test_noise' }).response, created_at: 2 } },
    'r/deep.json': chat({ test: 'test_deep', extra: nested(4_000, 'head') }),
  };
  return { base, head };
}

/** What each generated pair is, by construction. */
const EXPECTED_CATEGORIES: Record<string, string> = {
  'r/rewritten.json': 'answer',
  'r/tools.json': 'tools',
  'r/request.json': 'request',
  'r/ids.json': 'request',
  'r/usage.json': 'metadata-only',
  'r/azure.json': 'metadata-only',
  'r/noise.json': 'noise-only',
  'r/deep.json': 'request',
};

function write(dir: string, tree: Record<string, unknown>) {
  for (const [rel, value] of Object.entries(tree)) {
    const full = path.join(dir, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    // JSON.stringify recurses too: the deep value is written by hand.
    writeFileSync(full, rel === 'r/deep.json' ? deepText(value) : json(value));
  }
}

function deepText(value: unknown): string {
  const doc = value as { request: { body: { extra: unknown } } };
  let depth = 0;
  let leaf: unknown = doc.request.body.extra;
  while (typeof leaf === 'object' && leaf !== null) {
    leaf = (leaf as { a: unknown }).a;
    depth++;
  }
  const marker = '"__DEEP__"';
  const shallow = json({ ...doc, request: { ...doc.request, body: { ...doc.request.body, extra: '__DEEP__' } } });
  return shallow.replace(marker, `${'{"a":'.repeat(depth)}${JSON.stringify(leaf)}${'}'.repeat(depth)}`);
}

async function compareFolders(page: Page, base: string, head: string) {
  await page.goto('/compare');
  await page.getByTestId('compare-base-input').setInputFiles(base);
  await page.getByTestId('compare-head-input').setInputFiles(head);
  return readSummary(page);
}

const row = (page: Page, headPath: string) => page.locator(`[data-testid="diff-row"][data-head-path="${headPath}"]`);

test.describe('PR review: generated pairs of every category', () => {
  let root = '';
  let dirs: { base: string; head: string };
  test.beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'review-e2e-'));
    const t = trees();
    dirs = { base: path.join(root, 'base'), head: path.join(root, 'head') };
    write(dirs.base, t.base);
    write(dirs.head, t.head);
  });
  test.afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('counts categories over modified pairs, marks each row and leads with answer and tool changes', async ({ page }) => {
    const summary = await compareFolders(page, dirs.base, dirs.head);
    expect(summary).toMatchObject({ modified: 8, noiseOnly: 1, answerChanged: 1, toolsChanged: 1, requestChanged: 3, metadataOnly: 2 });
    await page.getByTestId('noise-toggle').check();
    for (const [file, categories] of Object.entries(EXPECTED_CATEGORIES)) {
      await expect(row(page, file)).toHaveAttribute('data-categories', categories);
    }
    const order = await page.getByTestId('diff-row').evaluateAll((els) => els.map((el) => el.getAttribute('data-categories')));
    expect(order.slice(0, 2).sort()).toEqual(['answer', 'tools']);
    expect(order.at(-1)).toBe('noise-only');
  });

  test('filters by category, kept in the URL', async ({ page }) => {
    await compareFolders(page, dirs.base, dirs.head);
    await page.getByTestId('category-filter-tools').check();
    await expect(page.getByTestId('diff-row')).toHaveCount(1);
    await expect(page.getByTestId('diff-row')).toHaveAttribute('data-head-path', 'r/tools.json');
    await expect(page).toHaveURL(/cat=tools/);
    await page.getByTestId('category-filter-request').check();
    await expect(page.getByTestId('diff-row')).toHaveCount(4);
    await page.reload();
    await page.getByTestId('compare-base-input').setInputFiles(dirs.base);
    await page.getByTestId('compare-head-input').setInputFiles(dirs.head);
    await readSummary(page);
    await expect(page.getByTestId('diff-row')).toHaveCount(4);
  });

  test('a rewritten answer opens side by side; the toggle switches to a word diff and back', async ({ page }) => {
    await compareFolders(page, dirs.base, dirs.head);
    await row(page, 'r/rewritten.json').click();
    const change = page.getByTestId('text-diff-change');
    await expect(change).toHaveAttribute('data-layout', 'side-by-side');
    await expect(page.getByTestId('text-side-base')).toHaveText(REWRITTEN_BASE);
    await expect(page.getByTestId('text-side-head')).toHaveText(REWRITTEN_HEAD);
    await page.getByTestId('text-layout-toggle').click();
    await expect(change).toHaveAttribute('data-layout', 'inline');
    await expect(page.getByTestId('text-diff').locator('ins').first()).toBeVisible();
    await page.getByTestId('text-layout-toggle').click();
    await expect(page.getByTestId('text-side-head')).toBeVisible();
  });

  test('re-generated tool-call ids are one line, not separate changes', async ({ page }) => {
    await compareFolders(page, dirs.base, dirs.head);
    await row(page, 'r/ids.json').click();
    await expect(page.getByTestId('regenerated-ids')).toHaveAttribute('data-count', '2');
    await expect(page.getByTestId('regenerated-ids')).toContainText('2 tool-call ids re-generated');
    await expect(page.getByTestId('request-changes')).toHaveCount(0);
    await expect(page.getByTestId('change-notes')).toContainText('request2 tool-call ids re-generated');
  });

  test('a leading Azure prompt_filter_results chunk is summarised; the text is unchanged and chunks align by content', async ({ page }) => {
    await compareFolders(page, dirs.base, dirs.head);
    await row(page, 'r/azure.json').click();
    await expect(page.getByTestId('stream-summary')).toHaveText('4 → 5 chunks; a prompt_filter_results chunk was added first');
    await expect(page.getByTestId('text-diff')).toHaveCount(0);
    await page.getByText(/Chunks, aligned by content/).click();
    const kinds = await page.getByTestId('chunk-row').evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')));
    expect(kinds).toEqual(['added', 'same', 'same', 'same', 'same']);
  });

  test('the review summary is Markdown naming every test with a real change, with Copy and Download', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await compareFolders(page, dirs.base, dirs.head);
    await page.getByTestId('review-summary-open').click();
    const summary = page.getByTestId('review-summary');
    await expect(summary).toBeVisible();
    const text = (await summary.textContent())!;
    for (const [file, categories] of Object.entries(EXPECTED_CATEGORIES)) {
      const name = path.basename(file, '.json');
      const heading = `### \`${T(`test_${name}`)}\``;
      if (categories === 'noise-only') expect(text).not.toContain(heading);
      else expect(text).toContain(heading);
    }
    expect(text).toContain('tool calls: get_weather({"city":"Paris"}) → get_weather({"city":"Lyon"})');
    expect(text).toContain('2 tool-call ids re-generated');
    expect(text).toContain('metadata: 4 → 5 chunks; a \\`prompt_filter_results\\` chunk was added first');
    expect(text).toContain('metadata: usage: prompt_tokens, total_tokens');
    expect(text).toContain('**Noise-only re-records:** 1');
    await page.getByRole('button', { name: 'Copy review summary' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('review-summary-download').click()]);
    expect(download.suggestedFilename()).toBe('recording-review.md');
    expect(readFileSync((await download.path())!, 'utf8')).toBe(text);
    // Escape closes it, from the keyboard focus it opened with.
    await summary.focus();
    await page.keyboard.press('Escape');
    await expect(summary).toHaveCount(0);
  });

  test('a pair nested 4,000 levels deep gets its diff or its own error, never "Comparing…" forever', async ({ page }) => {
    await compareFolders(page, dirs.base, dirs.head);
    await row(page, 'r/deep.json').click();
    const panel = page.getByTestId('diff-panel');
    await expect(panel.getByTestId('recording-diff').or(panel.getByRole('alert'))).toBeVisible();
    await expect(panel.getByText('Comparing…')).toHaveCount(0);
    // Its head file opens in the normal detail view (or says why it cannot), without taking the page down.
    await page.getByTestId('tab-head').click();
    await expect(page.getByTestId('recording-detail').or(panel.getByRole('alert'))).toBeVisible();
    // The other pairs still open afterwards: one file's failure stops nothing else.
    await row(page, 'r/tools.json').click();
    await expect(page.getByTestId('tool-call-diff')).toHaveAttribute('data-changed', 'true');
  });

  for (const width of [800, 500]) {
    test(`the compare detail stays usable ${width} px wide`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await compareFolders(page, dirs.base, dirs.head);
      await row(page, 'r/rewritten.json').click();
      const detail = page.getByTestId('diff-panel');
      await expect(detail).toBeVisible();
      await page.screenshot({ path: path.join(repoRoot, 'test-results', `review-${width}.png`) });
      const box = (await detail.boundingBox())!;
      // The detail keeps most of the window; the list shrinks (beside it) or moves above it.
      expect(box.width).toBeGreaterThanOrEqual(width * (width < 640 ? 0.9 : 0.55));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.getByTestId('text-side-head').scrollIntoViewIfNeeded();
      await expect(page.getByTestId('text-side-head')).toBeInViewport();
    });
  }
});

const prExample = path.join(corpusDir, 'pr-example');
const hasPrExample = existsSync(path.join(prExample, 'base')) && existsSync(path.join(prExample, 'head'));

test.describe('PR review: the llama-stack PR #4997 example', () => {
  test.skip(!hasPrExample, `shared corpus not found at ${prExample}; skipping the real PR example`);

  test('request 2, answer 2, tools 0, metadata-only 0; 44 left behind, each with its reason', async ({ page }) => {
    const summary = await compareFolders(page, path.join(prExample, 'base'), path.join(prExample, 'head'));
    expect(summary).toMatchObject({ modified: 2, requestChanged: 2, answerChanged: 2, toolsChanged: 0, metadataOnly: 0 });
    await expect(page.getByTestId('diff-summary')).toHaveAttribute('data-left-behind', '44', { timeout: 60_000 });
    const list = page.getByTestId('left-behind');
    await expect(list).toHaveAttribute('data-count', '44');
    await list.getByRole('button').first().click();
    const rows = page.getByTestId('left-behind-row');
    await expect(rows).toHaveCount(44);
    const first = rows.first();
    await expect(first).toContainText(/stale|no rule version|superseded by/);
    const leftPath = (await first.getAttribute('data-path'))!;
    await first.click();
    await expect(page.getByTestId('compare-side-view')).toHaveAttribute('data-path', leftPath);
    await expect(page.getByTestId('compare-side-note')).toContainText('Left behind');

    await page.getByTestId('review-summary-open').click();
    await expect(page.getByTestId('review-summary')).toContainText('**Left behind:** 44 files');
  });
});

test.describe('the test story tells re-records and branches apart', () => {
  let root = '';
  test.beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'story-e2e-'));
    const asks = chat({ test: 'test_story', answer: '', calls: [{ name: 'get_weather', args: '{"city":"Paris"}' }] });
    const turn = (result: string) => [
      question,
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_generated0', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
      { role: 'tool', tool_call_id: 'call_generated0', content: result },
    ];
    // Re-recorded: only the response id (noise) differs.
    const rerecorded: unknown = JSON.parse(JSON.stringify(asks).replace('"rec-1"', '"rec-2"'));
    write(path.join(root, 'story'), {
      'recordings/a-first.json': asks,
      'recordings/a-again.json': rerecorded,
      'recordings/b-sunny.json': chat({ test: 'test_story', messages: turn('21 °C, sunny'), answer: 'It is sunny.' }),
      'recordings/c-error.json': chat({ test: 'test_story', messages: turn('error: service down'), answer: 'I could not get the weather.' }),
    });
  });
  test.afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('one call recorded twice, then two branches from it (not a continuation)', async ({ page }) => {
    await page.goto('/');
    await openFolderViaInput(page, path.join(root, 'story'));
    await waitForIndex(page);
    await navigateInApp(page, `/t/${encodeURIComponent('tests/integration/inference/test_review.py::test_story')}`);
    const steps = page.getByTestId('story-step');
    await expect(steps).toHaveCount(3);
    await expect(steps.nth(0)).toHaveAttribute('data-copies', '2');
    await expect(steps.nth(0).getByTestId('story-copies')).toContainText('recorded 2 times');
    await expect(steps.nth(0).getByTestId('story-copies')).toContainText('which copy replay reaches is not known');
    const first = (await steps.nth(0).getAttribute('data-path'))!;
    for (const i of [1, 2]) {
      await expect(steps.nth(i)).toHaveAttribute('data-relation', 'branch');
      await expect(steps.nth(i)).toHaveAttribute('data-from', first);
      await expect(steps.nth(i)).toContainText('a branch of call 1: shares its first message, then goes its own way');
    }
    await expect(page.getByText(/continues/)).toHaveCount(0);
  });
});
