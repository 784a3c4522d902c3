import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { countCassetteInteractions, countRecordings, listJsonFiles, openFolderViaInput, samplesDir, waitForIndex } from './support';

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

test('re-opening a folder reuses cached entries and re-reads only the files that changed', async ({ page }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reopen-'));
  try {
    cpSync(samplesDir, dir, { recursive: true });
    const expected = countRecordings(dir);
    // The cache holds one entry per file: a cassette with interactions is read again on each open, an invalid one is cached.
    const total = listJsonFiles(dir).length + countCassetteInteractions(dir).invalid;
    await page.goto('/');
    await openFolderViaInput(page, dir);
    expect(await waitForIndex(page)).toMatchObject({ count: expected.recordings, errors: expected.errors });
    await expect(page.getByTestId('index-status')).toHaveAttribute('data-cache', 'saved');

    // One answer is rewritten, one other recording is truncated into broken JSON.
    const changed = findPlainChatAnswer(dir);
    const changedPath = path.join(dir, changed);
    const recording = JSON.parse(readFileSync(changedPath, 'utf8')) as {
      response: { body: { __data__: { choices: { message: { content: string } }[] } } };
    };
    recording.response.body.__data__.choices[0]!.message.content = 'A rewritten answer about zebras';
    writeFileSync(changedPath, JSON.stringify(recording, null, 2));
    const broken = listJsonFiles(dir).find((rel) => rel !== changed && rel.includes('/recordings/'))!;
    const brokenPath = path.join(dir, broken);
    writeFileSync(brokenPath, readFileSync(brokenPath, 'utf8').slice(0, 40));
    // Same size is possible in principle; a new modification time is what marks a change.
    const later = new Date(Date.now() + 5_000);
    utimesSync(changedPath, later, later);
    utimesSync(brokenPath, later, later);

    await page.goto('/');
    await openFolderViaInput(page, dir);
    await expect(page.getByTestId('index-status')).toContainText(`${total - 2} cached`);
    const again = await waitForIndex(page);
    expect(again).toEqual(expect.objectContaining({ count: expected.recordings - 1, errors: expected.errors + 1 }));
    await expect(page.locator(`[data-testid=load-error][data-path="${broken}"]`)).toContainText(/JSON/);
    await page.getByTestId('search-input').fill('zebras');
    await expect(page.getByTestId('recording-row')).toHaveCount(1);
    await expect(page.getByTestId('recording-row')).toContainText('rewritten answer');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
