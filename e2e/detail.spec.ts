import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  CORPUS_MISSING,
  corpusDir,
  hasCorpus,
  listJsonFiles,
  navigateInApp,
  openFolderViaInput,
  readTruth,
  recordingUrl,
  samplesDir,
  waitForIndex,
  type TruthLine,
} from './support';

async function expectDetailMatches(page: Page, line: TruthLine) {
  const detail = page.getByTestId('recording-detail');
  await expect(detail, line.path).toHaveAttribute('data-path', line.path);
  const finalText = page.getByTestId('final-text');
  expect(await finalText.evaluate((el) => el.textContent), `final text of ${line.path}`).toBe(line.text);
  const calls = await page
    .getByTestId('tool-call')
    .evaluateAll((els) => els.map((el) => ({ name: el.getAttribute('data-name'), arguments: el.getAttribute('data-arguments') })));
  expect(calls, `tool calls of ${line.path}`).toEqual(line.tool_calls.map((c) => ({ name: c.name, arguments: c.arguments })));
  const reasoning = page.getByTestId('reasoning-text');
  if (line.reasoning) expect(await reasoning.evaluate((el) => el.textContent), `reasoning of ${line.path}`).toBe(line.reasoning);
  else await expect(reasoning).toHaveCount(0);
  if (line.error) await expect(page.getByTestId('response-error')).toContainText(line.error.slice(0, 60));
  await expect(page.getByTestId('recording-kind')).not.toBeEmpty();
}

/** Up to `perClass` files of each shape the oracle distinguishes, so every kind is covered. */
function sampleByShape(lines: TruthLine[], perClass: number): TruthLine[] {
  const seen = new Map<string, number>();
  const picked: TruthLine[] = [];
  for (const line of lines) {
    const shape = [line.endpoint, line.streaming, !!line.text, line.tool_calls.length > 0, !!line.reasoning, !!line.error].join('|');
    const n = seen.get(shape) ?? 0;
    if (n < perClass) {
      picked.push(line);
      seen.set(shape, n + 1);
    }
  }
  return picked;
}

test.describe('recording detail against the independent oracle', () => {
  test.skip(!hasCorpus, CORPUS_MISSING);
  test('final text, tool calls, reasoning and errors match character for character', async ({ page }) => {
    test.setTimeout(300_000);
    const truth = readTruth(path.join(corpusDir, 'llama-stack-head.truth.jsonl'));
    const sample = sampleByShape(truth, 4);
    expect(sample.length).toBeGreaterThan(60);
    await page.goto('/');
    await openFolderViaInput(page, path.join(corpusDir, 'llama-stack-head'));
    await waitForIndex(page);
    for (const line of sample) {
      await navigateInApp(page, recordingUrl(line.path));
      await expectDetailMatches(page, line);
    }
  });
});

test.describe('recording detail on our samples', () => {
  test('request messages, tool calls linked to tool results, images and parameters', async ({ page }) => {
    const files = listJsonFiles(samplesDir);
    const withToolResult = files.find((f) => {
      const json = JSON.parse(readFileSync(path.join(samplesDir, f), 'utf8')) as { request?: { body?: { messages?: { role: string }[] } } };
      return json.request?.body?.messages?.some((m) => m.role === 'tool');
    })!;
    const json = JSON.parse(readFileSync(path.join(samplesDir, withToolResult), 'utf8')) as {
      request: { body: { messages: { role: string; tool_calls?: { function: { name: string; arguments: string } }[] }[] } };
    };
    await page.goto('/');
    await openFolderViaInput(page, samplesDir);
    await waitForIndex(page);
    await navigateInApp(page, recordingUrl(withToolResult));
    await expect(page.getByTestId('recording-detail')).toHaveAttribute('data-path', withToolResult);
    const roles = await page.getByTestId('message').evaluateAll((els) => els.map((el) => el.getAttribute('data-role')));
    expect(roles).toEqual(json.request.body.messages.map((m) => m.role));
    const requested = json.request.body.messages.flatMap((m) => m.tool_calls ?? []);
    const shown = page.getByTestId('request-tool-call');
    await expect(shown).toHaveCount(requested.length);
    await expect(shown.first()).toHaveAttribute('data-name', requested[0]!.function.name);
    await expect(shown.first()).toHaveAttribute('data-arguments', requested[0]!.function.arguments);
    // The tool message says which call it answers and links back to it.
    await expect(page.locator('[data-testid="message"][data-role="tool"]').first()).toContainText(`answers ${requested[0]!.function.name}`);

    const withImage = files.find((f) => readFileSync(path.join(samplesDir, f), 'utf8').includes('data:image/png;base64'))!;
    await navigateInApp(page, recordingUrl(withImage));
    // Images show their type and size first, the picture on request.
    const image = page.getByTestId('image-part').first();
    await expect(image).toHaveAttribute('data-label', /^image\/png, \d+ B$/);
    await image.getByRole('button', { name: /Show image/ }).click();
    await expect(page.locator('[data-testid="message"] img').first()).toBeVisible();
    expect(await page.locator('[data-testid="message"] img').first().evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  });

  test('the markdown toggle renders in a separate element and keeps the verbatim text', async ({ page }) => {
    const files = listJsonFiles(samplesDir);
    const withMarkdown = files.find((f) => readFileSync(path.join(samplesDir, f), 'utf8').includes('```'))!;
    await page.goto('/');
    await openFolderViaInput(page, samplesDir);
    await waitForIndex(page);
    await navigateInApp(page, recordingUrl(withMarkdown));
    await expect(page.getByTestId('recording-detail')).toHaveAttribute('data-path', withMarkdown);
    const verbatim = await page.getByTestId('final-text').textContent();
    await page.getByTestId('markdown-toggle').check();
    await expect(page.getByTestId('final-text-markdown')).toBeVisible();
    expect(await page.getByTestId('final-text').textContent()).toBe(verbatim);
  });

  test('every sample recording opens without a failed panel', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/');
    await openFolderViaInput(page, samplesDir);
    await waitForIndex(page);
    const rows = await page.getByTestId('recording-row').evaluateAll((els) => els.map((el) => el.getAttribute('data-path')!));
    await page.getByRole('radio', { name: 'Flat' }).click();
    const all = await page.getByTestId('recording-row').evaluateAll((els) => els.map((el) => el.getAttribute('data-path')!));
    for (const p of new Set([...rows, ...all])) {
      await navigateInApp(page, recordingUrl(p));
      await expect(page.getByTestId('recording-detail')).toHaveAttribute('data-path', p);
      await expect(page.getByTestId('panel-error')).toHaveCount(0);
    }
    expect(errors).toEqual([]);
  });
});
