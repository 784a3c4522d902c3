import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { navigateInApp, openFolderViaInput, recordingUrl, repoRoot, waitForIndex, watchForInjection } from './support';

interface HostileExpectation {
  valid: string[];
  broken: { path: string; problem: string }[];
  skipped: string[];
}

/** The generator declares what it wrote; the app must agree without being told. */
function generateHostileFolder(): { dir: string; expected: HostileExpectation } {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'hostile-')), 'hostile');
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'generate-hostile.mjs'), dir], { stdio: 'pipe' });
  const expected = JSON.parse(readFileSync(`${dir}.expected.json`, 'utf8')) as HostileExpectation;
  return { dir, expected };
}

test.describe('hostile and broken input', () => {
  test('loads the valid files, lists the broken ones, opens every valid file, and runs nothing', async ({ page }) => {
    test.setTimeout(240_000);
    const { dir, expected } = generateHostileFolder();
    const watcher = await watchForInjection(page);
    const foreignRequests: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol !== 'data:' && url.protocol !== 'blob:') {
        foreignRequests.push(request.url());
      }
    });

    await page.goto('/');
    await openFolderViaInput(page, dir);
    const status = await waitForIndex(page);
    expect(status.count).toBe(expected.valid.length);
    expect(status.errors).toBe(expected.broken.length);

    const listed = await page.getByTestId('load-error').evaluateAll((items) => items.map((item) => item.getAttribute('data-path')));
    expect(listed.sort()).toEqual(expected.broken.map((b) => b.path).sort());
    for (const item of await page.getByTestId('load-error').all()) {
      await expect(item).not.toHaveText(/^\s*$/);
    }

    for (const validPath of expected.valid) {
      await navigateInApp(page, recordingUrl(validPath));
      await expect(page.getByTestId('recording-detail'), validPath).toHaveAttribute('data-path', validPath, { timeout: 60_000 });
      await expect(page.getByTestId('panel-error'), `${validPath} rendered without a crashed panel`).toHaveCount(0);
      // Render markdown too, where there is text: links and HTML must stay inert.
      const toggle = page.getByTestId('markdown-toggle');
      if (await toggle.count()) await toggle.check();
      const raw = page.getByRole('button', { name: 'Show', exact: true });
      if (await raw.count()) await raw.click();
    }

    expect(await watcher.canary()).toBeUndefined();
    expect(watcher.problems).toEqual([]);
    expect(foreignRequests).toEqual([]);
    // Nothing from markup became live elements.
    expect(await page.locator('script:not([src]), iframe, object, embed').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
  });
});

test('a file changed or deleted after loading says so and offers to reload the folder', async ({ page }) => {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'changing-')), 'recordings');
  mkdirSync(dir, { recursive: true });
  const make = (text: string) => ({
    test_id: 'tests/integration/x/test_x.py::test_change',
    request: { method: 'POST', url: 'http://localhost/v1/chat/completions', endpoint: '/v1/chat/completions', model: 'm', body: { model: 'm', messages: [{ role: 'user', content: 'hi' }] } },
    response: {
      body: { __type__: 'openai.types.chat.chat_completion.ChatCompletion', __data__: { id: 'a', object: 'chat.completion', created: 0, model: 'm', choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: text } }] } },
      is_streaming: false,
    },
  });
  writeFileSync(path.join(dir, 'changed.json'), JSON.stringify(make('before')));
  writeFileSync(path.join(dir, 'deleted.json'), JSON.stringify(make('gone soon')));
  await page.goto('/');
  await openFolderViaInput(page, dir);
  expect((await waitForIndex(page)).count).toBe(2);
  writeFileSync(path.join(dir, 'changed.json'), JSON.stringify(make('after the folder was loaded, this answer got longer')));
  unlinkSync(path.join(dir, 'deleted.json'));
  for (const name of ['changed.json', 'deleted.json']) {
    await navigateInApp(page, recordingUrl(name));
    const notice = page.getByTestId('file-changed');
    await expect(notice).toContainText(name);
    await expect(notice.getByRole('button', { name: 'Reload folder' })).toBeVisible();
  }
});
