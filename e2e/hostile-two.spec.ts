import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { navigateInApp, openFolderViaInput, recordingUrl, repoRoot, waitForIndex, watchForInjection } from './support';

interface Expected {
  valid: string[];
  broken: { path: string; problem: string }[];
  answers?: Record<string, string>;
}

/** Each case's folder is built by the generator; it declares what it wrote. */
function generate(caseName: 'small' | 'many' | 'huge' | 'twins', count?: number): { dir: string; expected: Expected } {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), `hostile2-${caseName}-`)), caseName);
  const args = [path.join(repoRoot, 'scripts', 'generate-hostile-two.mjs'), caseName, dir];
  if (count) args.push(String(count));
  execFileSync(process.execPath, args, { stdio: 'pipe' });
  return { dir, expected: JSON.parse(readFileSync(`${dir}.expected.json`, 'utf8')) as Expected };
}

async function openRecording(page: Page, relPath: string) {
  await navigateInApp(page, recordingUrl(relPath));
  await expect(page.getByTestId('recording-detail')).toHaveAttribute('data-path', relPath);
}

const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

test.describe('hostile input, round two', () => {
  test('small cases: UTF-16, __proto__, bidi names, a backslash impostor, markdown bombs, 100,000 parameters, NaN', async ({ page }) => {
    test.setTimeout(180_000);
    const { dir, expected } = generate('small');
    const watcher = await watchForInjection(page);
    await page.goto('/');
    await openFolderViaInput(page, dir);
    expect(await waitForIndex(page)).toMatchObject({ count: expected.valid.length, errors: 0 });

    // UTF-16 files are decoded, not reported as binary.
    await openRecording(page, 'utf16/le-with-bom.json');
    await expect(page.getByTestId('final-text')).toHaveText('Decoded from UTF-16LE: naïve café ✓');
    await openRecording(page, 'utf16/be-no-bom.json');
    await expect(page.getByTestId('final-text')).toHaveText('Decoded from UTF-16BE without a BOM');

    // A request key named __proto__ is an ordinary parameter.
    await openRecording(page, 'proto/proto-key.json');
    await expect(page.locator('[data-testid=request-param][data-key="__proto__"]')).toContainText('polluted');
    expect(await page.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty('polluted');

    // Bidi controls in a file name are escaped in the chip and its tooltip, and in the list.
    const bidiPath = 'bidi/invoice\u202Enosj.exe\u061C.json';
    await openRecording(page, bidiPath);
    const chip = page.getByTestId('file-name-chip');
    await expect(chip).toContainText('⟨U+202E⟩');
    await expect(chip).toContainText('⟨U+061C⟩');
    expect(await chip.textContent()).not.toMatch(BIDI);
    expect(await chip.getAttribute('title')).not.toMatch(BIDI);
    const bidiRow = page.locator(`[data-testid=recording-row][data-path="${bidiPath}"]`);
    expect(await bidiRow.getAttribute('title')).not.toMatch(BIDI);

    // `back\slash.json` and `back/slash.json` are two rows, and each opens itself.
    await page.getByTestId('search-input').fill('slash');
    const rows = page.getByTestId('recording-row');
    await expect(rows).toHaveCount(2);
    await page.locator('[data-testid=recording-row][data-path="back\\\\slash.json"]').click();
    await expect(page.getByTestId('recording-detail')).toHaveAttribute('data-path', 'back\\slash.json');
    await expect(page.getByTestId('final-text')).toHaveText('I am the impostor with a backslash in my name.');
    await page.locator('[data-testid=recording-row][data-path="back/slash.json"]').click();
    await expect(page.getByTestId('recording-detail')).toHaveAttribute('data-path', 'back/slash.json');
    await expect(page.getByTestId('final-text')).toHaveText('I am the original in folder back.');
    await page.getByTestId('search-input').fill('');

    // Markdown bombs are shown as plain text with the reason, and the page stays responsive.
    for (const bomb of ['markdown/bold-1mb.json', 'markdown/nested.json']) {
      await openRecording(page, bomb);
      await page.getByTestId('markdown-toggle').check();
      await expect(page.getByTestId('markdown-refused'), bomb).toContainText('Shown as plain text');
      await expect(page.getByTestId('markdown-toggle')).toBeChecked();
    }

    // Python's bare NaN and Infinity are read as Python reads them, and shown as it writes them.
    await openRecording(page, 'python/nan-infinity.json');
    await expect(page.getByTestId('final-text')).toHaveText('Read as Python reads it.');
    await expect(page.locator('[data-testid=request-param][data-key="temperature"]')).toContainText('NaN');
    await expect(page.locator('[data-testid=request-param][data-key="logit_bias"]')).toContainText('[Infinity,-Infinity]');

    // 100,000 request parameters: the table opens with its first rows and offers the rest.
    await openRecording(page, 'keys/100k-keys.json');
    await expect(page.getByTestId('request-params')).toHaveAttribute('data-count', '100002');
    await expect(page.getByTestId('request-param')).toHaveCount(200);
    await expect(page.getByTestId('request-params-more')).toContainText('99,802 more parameters');

    expect(watcher.problems).toEqual([]);
    expect(await watcher.canary()).toBeUndefined();
  });

  test('a second folder with the same name, paths, sizes and times is read, not shown from the first one’s cache', async ({ page }) => {
    const { dir, expected } = generate('twins');
    await page.goto('/');
    await openFolderViaInput(page, path.join(dir, 'a', 'same'));
    expect(await waitForIndex(page)).toMatchObject({ count: 1, errors: 0 });
    await expect(page.getByTestId('recording-row')).toContainText(expected.answers!.a!);

    await openFolderViaInput(page, path.join(dir, 'b', 'same'));
    expect(await waitForIndex(page)).toMatchObject({ count: 1, errors: 0 });
    await expect(page.getByTestId('recording-row')).toContainText(expected.answers!.b!);
    await openRecording(page, 'recordings/twin.json');
    await expect(page.getByTestId('final-text')).toHaveText(expected.answers!.b!);
  });

  test('a 560 MB file is listed as too large to read in the browser, and its neighbour loads', async ({ page }) => {
    test.setTimeout(180_000);
    const { dir, expected } = generate('huge');
    await page.goto('/');
    await openFolderViaInput(page, dir);
    expect(await waitForIndex(page)).toMatchObject({ count: expected.valid.length, errors: 1 });
    const error = page.locator('[data-testid=load-error][data-path="huge.json"]');
    await expect(error).toContainText('too large to read in the browser');
    await expect(error).toContainText('560 MB');
  });

  test('with localStorage and IndexedDB denied, the app still opens, loads a folder and shows a recording', async ({ page }) => {
    const { dir, expected } = generate('twins');
    await page.addInitScript(() => {
      const deny = () => {
        throw new DOMException('denied by the test', 'SecurityError');
      };
      Object.defineProperty(window, 'localStorage', { get: deny, configurable: true });
      Object.defineProperty(window, 'indexedDB', { get: deny, configurable: true });
    });
    const watcher = await watchForInjection(page);
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Open folder…' }).first()).toBeVisible();
    await page.getByRole('button', { name: /Theme:/ }).click();
    await openFolderViaInput(page, path.join(dir, 'a', 'same'));
    expect(await waitForIndex(page)).toMatchObject({ count: 1, errors: 0 });
    await page.getByRole('radio', { name: 'Flat' }).click();
    await openRecording(page, expected.valid[0]!);
    await expect(page.getByTestId('final-text')).toHaveText(expected.answers!.a!);
    expect(watcher.problems.filter((p) => !p.includes('denied by the test'))).toEqual([]);
  });

  test('50,000 small files load with every one indexed and none reported unreadable', async ({ page }) => {
    test.setTimeout(600_000);
    const { dir, expected } = generate('many', 50_000);
    await page.goto('/');
    await openFolderViaInput(page, dir);
    expect(await waitForIndex(page, 540_000)).toMatchObject({ count: expected.valid.length, errors: 0 });
    // Search answers from the index: a hash picks its one file out of 50,000.
    const target = expected.valid[12_345]!;
    const hash = path.basename(target, '.json').slice(10, 30);
    await page.getByTestId('search-input').fill(hash);
    await expect(page.getByTestId('recording-row')).toHaveCount(1);
    await expect(page.getByTestId('recording-row')).toHaveAttribute('data-path', target);
    await expect(page.getByTestId('match-field')).toHaveText('file');
  });
});
