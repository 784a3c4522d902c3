import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { countCassetteInteractions, countRecordings, listJsonFiles, openFolderViaInput, openSamplesThroughPicker, samplesDir, waitForIndex } from './support';

/** A non-streamed chat answer in the samples, whose text the test can rewrite. */
function findPlainChatAnswer(dir: string): string {
  for (const rel of listJsonFiles(dir)) {
    const value = JSON.parse(readFileSync(path.join(dir, rel), 'utf8')) as {
      response?: { body?: { __data__?: { choices?: { message?: { content?: unknown } }[] } } };
    };
    if (typeof value.response?.body?.__data__?.choices?.[0]?.message?.content === 'string') return rel;
  }
  throw new Error('the samples hold no plain chat answer');
}

/** Recordings with a replay-key verdict, once the key summary is complete. */
async function keyedCount(page: Page): Promise<number> {
  const summary = page.locator('[data-testid=key-summary][data-state=done]');
  await expect(summary).toHaveCount(1);
  const counts = await Promise.all(['data-current', 'data-stale', 'data-none'].map((name) => summary.getAttribute(name)));
  return counts.reduce((sum, value) => sum + Number(value), 0);
}

test('re-opening a picked folder reuses cached entries and re-reads only the files that changed', async ({ page }) => {
  const expected = countRecordings(samplesDir);
  // The cache holds one entry per file: a cassette with interactions is read again on each open, an invalid one is cached.
  const total = listJsonFiles(samplesDir).length + countCassetteInteractions(samplesDir).invalid;
  await openSamplesThroughPicker(page);
  expect(await waitForIndex(page)).toMatchObject({ count: expected.recordings, errors: expected.errors });
  await expect(page.getByTestId('index-status')).toHaveAttribute('data-cache', 'saved');
  const keyedBefore = await keyedCount(page);

  // Through its own handles, the test rewrites one answer and truncates another recording into broken JSON.
  const changed = findPlainChatAnswer(samplesDir);
  const broken = listJsonFiles(samplesDir).find((rel) => rel !== changed && rel.includes('/recordings/'))!;
  await page.evaluate(
    async ({ changed, broken }) => {
      const top = await (await navigator.storage.getDirectory()).getDirectoryHandle('recordings-under-test');
      const fileHandle = async (rel: string) => {
        let dir = top;
        const segments = rel.split('/');
        for (const segment of segments.slice(0, -1)) dir = await dir.getDirectoryHandle(segment);
        return dir.getFileHandle(segments.at(-1)!);
      };
      const write = async (rel: string, text: string) => {
        const writable = await (await fileHandle(rel)).createWritable();
        await writable.write(text);
        await writable.close();
      };
      const recording = JSON.parse(await (await (await fileHandle(changed)).getFile()).text());
      recording.response.body.__data__.choices[0].message.content = 'A rewritten answer about zebras';
      await write(changed, JSON.stringify(recording, null, 2));
      await write(broken, (await (await (await fileHandle(broken)).getFile()).text()).slice(0, 40));
    },
    { changed, broken },
  );

  await page.getByRole('link', { name: 'Recording Inspector' }).click();
  await page.getByTestId('recent-folder').first().click();
  await expect(page.getByTestId('index-status')).toContainText(`${total - 2} cached`);
  const again = await waitForIndex(page);
  expect(again).toEqual(expect.objectContaining({ count: expected.recordings - 1, errors: expected.errors + 1 }));
  await expect(page.locator(`[data-testid=load-error][data-path="${broken}"]`)).toContainText(/JSON/);
  // Replay keys come back with the cached entries; the broken file no longer has one.
  expect(await keyedCount(page)).toBe(keyedBefore - 1);
  await page.getByTestId('search-input').fill('zebras');
  await expect(page.getByTestId('recording-row')).toHaveCount(1);
  await expect(page.getByTestId('recording-row')).toContainText('rewritten answer');
});

test('a folder opened through the folder input is read again in full, never shown from a cache', async ({ page }) => {
  const expected = countRecordings(samplesDir);
  await page.goto('/');
  await openFolderViaInput(page, samplesDir);
  expect(await waitForIndex(page)).toMatchObject({ count: expected.recordings, errors: expected.errors });
  await openFolderViaInput(page, samplesDir);
  expect(await waitForIndex(page)).toMatchObject({ count: expected.recordings, errors: expected.errors });
  const status = page.getByTestId('index-status');
  await expect(status).not.toContainText('cached');
  await expect(status).not.toHaveAttribute('data-cache', 'saved');
});
