import { expect, test, type Page, type Route } from '@playwright/test';
import { readSummary } from './support';
import { BASE_REPO, BASE_SHA, buildPrFixture, HEAD_REPO, HEAD_SHA, NUMBER, OWNER, REPO } from './fixtures/github/prFixture';

const ALLOWED_HOSTS = new Set(['127.0.0.1', 'api.github.com', 'raw.githubusercontent.com']);
const fixture = buildPrFixture();

/** What GitHub sends cross-origin; without the expose list the page could not read the rate-limit headers. */
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'ETag, Link, Location, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset',
};

interface Seen {
  url: string;
  method: string;
  authorization: string | null;
}

interface FakeGitHub {
  seen: Seen[];
  foreign: string[];
  /** Per API path: answers to give, first to last; the last one repeats. */
  overrides: Map<string, ((route: Route) => Promise<void>)[]>;
}

/** Answers api.github.com and raw.githubusercontent.com from the fixture, lets the app's own origin through, and blocks (and records) anything else. */
async function fakeGitHub(page: Page): Promise<FakeGitHub> {
  const fake: FakeGitHub = { seen: [], foreign: [], overrides: new Map() };
  await page.route('**/*', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (!ALLOWED_HOSTS.has(url.hostname)) {
      fake.foreign.push(request.url());
      await route.abort('blockedbyclient');
      return;
    }
    if (url.hostname === '127.0.0.1') {
      await route.continue();
      return;
    }
    if (request.method() === 'OPTIONS') {
      await route.fulfill({
        status: 204,
        headers: { ...CORS, 'access-control-allow-headers': 'authorization, accept', 'access-control-allow-methods': 'GET' },
      });
      return;
    }
    fake.seen.push({ url: request.url(), method: request.method(), authorization: (await request.headerValue('authorization')) ?? null });
    if (url.hostname === 'raw.githubusercontent.com') {
      const text = fixture.raw.get(request.url());
      await route.fulfill(text === undefined ? { status: 404, headers: CORS, body: '404: Not Found' } : { status: 200, headers: { ...CORS, 'content-type': 'text/plain; charset=utf-8' }, body: text });
      return;
    }
    const queue = fake.overrides.get(url.pathname);
    if (queue && queue.length > 0) {
      const answer = queue.length > 1 ? queue.shift()! : queue[0]!;
      await answer(route);
      return;
    }
    const prPath = `/repos/${OWNER}/${REPO}/pulls/${NUMBER}`;
    if (url.pathname === prPath) {
      await route.fulfill({ status: 200, headers: CORS, json: fixture.pr });
      return;
    }
    if (url.pathname === `${prPath}/files`) {
      const perPage = Number(url.searchParams.get('per_page'));
      const pageNo = Number(url.searchParams.get('page'));
      await route.fulfill({ status: 200, headers: CORS, json: fixture.files.slice((pageNo - 1) * perPage, pageNo * perPage) });
      return;
    }
    await route.fulfill({ status: 404, headers: CORS, json: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } });
  });
  return fake;
}

const summaryOf = readSummary;

const { expected } = fixture;

test.describe('compare: a GitHub pull request', () => {
  test('loads a forked PR over two pages of files and compares only its recordings', async ({ page }) => {
    const fake = await fakeGitHub(page);
    await page.goto('/compare');
    await expect(page.getByText('api.github.com', { exact: false }).first()).toBeVisible();
    await page.getByTestId('pr-url-input').fill(`https://github.com/${OWNER}/${REPO}/pull/${NUMBER}/files`);
    await page.getByTestId('pr-load').click();

    expect(await summaryOf(page)).toMatchObject({
      added: expected.added,
      removed: expected.removed,
      modified: expected.modified,
      rekeyed: expected.rekeyed,
      unchanged: 0,
      noiseOnly: expected.noiseOnly,
    });
    await expect(page.getByTestId('diff-row')).toHaveCount(expected.rows);
    const rekeyed = page.locator('[data-testid="diff-row"][data-status="rekeyed"]');
    await expect(rekeyed).toHaveAttribute('data-base-path', fixture.renamed.from);
    await expect(rekeyed).toHaveAttribute('data-head-path', fixture.renamed.to);
    await expect(page.getByTestId('pr-skipped')).toHaveAttribute('data-count', '1');
    await expect(page.getByTestId('pr-skipped-file')).toHaveAttribute('data-path', expected.skipped[0]!);
    await expect(page.getByTestId('pr-info')).toContainText(`fork ${HEAD_REPO}`);
    // Unchanged files are not fetched, so left-behind files cannot be known: the page says so and sets no count.
    await expect(page.getByTestId('left-behind-status')).toHaveAttribute('data-state', 'unavailable');
    await expect(page.getByTestId('left-behind-status')).toContainText('open the two folders');
    await expect(page.getByTestId('diff-summary')).not.toHaveAttribute('data-left-behind');

    // The review link names the PR (never a token).
    await expect(page).toHaveURL(new RegExp(`[?&]pr=${encodeURIComponent(`${OWNER}/${REPO}/${NUMBER}`)}`));

    // Requests: the PR, two pages of files (the second is short), then contents from each side's own repo and commit.
    const api = fake.seen.filter((s) => s.url.startsWith('https://api.github.com/')).map((s) => s.url);
    expect(api).toEqual([
      `https://api.github.com/repos/${OWNER}/${REPO}/pulls/${NUMBER}`,
      `https://api.github.com/repos/${OWNER}/${REPO}/pulls/${NUMBER}/files?per_page=100&page=1`,
      `https://api.github.com/repos/${OWNER}/${REPO}/pulls/${NUMBER}/files?per_page=100&page=2`,
    ]);
    const raw = fake.seen.filter((s) => s.url.startsWith('https://raw.githubusercontent.com/')).map((s) => s.url);
    expect(raw.every((u) => u.startsWith(`https://raw.githubusercontent.com/${BASE_REPO}/${BASE_SHA}/`) || u.startsWith(`https://raw.githubusercontent.com/${HEAD_REPO}/${HEAD_SHA}/`))).toBe(true);
    expect(raw.every((u) => u.includes('/recordings/'))).toBe(true);
    // Head side: 60 added, 37 modified, 2 renamed, the too-large one; base side: 20 removed, 37 modified, 2 renamed, the too-large one.
    expect(raw).toHaveLength(60 + 37 + 2 + 1 + (20 + 37 + 2 + 1));
    expect(fake.seen.every((s) => s.method === 'GET')).toBe(true);
    expect(fake.foreign).toEqual([]);

    // A modified pair's semantic diff works on fetched contents too.
    await page.locator('[data-testid="diff-row"][data-status="modified"]').first().click();
    await expect(page.getByTestId('text-diff').locator('ins').first()).toBeVisible();
    await page.screenshot({ path: 'test-results/compare-github.png' });
    await page.getByTestId('pr-skipped').locator('summary').click();
    await page.evaluate(() => document.documentElement.classList.add('dark'));
    await page.screenshot({ path: 'test-results/compare-github-dark.png' });
  });

  test('a shared ?pr= link fills the field and loads; a token goes to the API only and stays out of the URL', async ({ page }) => {
    const fake = await fakeGitHub(page);
    await page.goto(`/compare?pr=${OWNER}/${REPO}/${NUMBER}`);
    await expect(page.getByTestId('pr-url-input')).toHaveValue(`https://github.com/${OWNER}/${REPO}/pull/${NUMBER}`);
    expect((await summaryOf(page)).added).toBe(expected.added);
    expect(fake.seen.every((s) => s.authorization === null)).toBe(true);
    // 3 API calls and 160 contents (100 head-side, 60 base-side).
    const perLoad = fake.seen.length;
    expect(perLoad).toBe(3 + 160);

    // Load again with a token (not remembered).
    const before = fake.seen.length;
    await page.getByTestId('pr-token-input').fill('ghp_secret123');
    await page.getByTestId('pr-load').click();
    await expect.poll(() => fake.seen.length - before).toBe(perLoad);
    expect((await summaryOf(page)).rekeyed).toBe(1);
    const again = fake.seen.slice(before);
    expect(again.filter((s) => s.url.startsWith('https://api.github.com/')).every((s) => s.authorization === 'Bearer ghp_secret123')).toBe(true);
    expect(again.filter((s) => s.url.startsWith('https://raw.githubusercontent.com/')).every((s) => s.authorization === null)).toBe(true);
    expect(page.url()).not.toContain('ghp_secret123');
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('ghp_secret123');

    // Remembered only when asked.
    await page.getByTestId('pr-token-remember').check();
    await page.getByTestId('pr-load').click();
    await expect.poll(() => fake.seen.length - before).toBe(2 * perLoad);
    await summaryOf(page);
    expect(await page.evaluate(() => JSON.stringify(localStorage))).toContain('ghp_secret123');
    await page.getByTestId('pr-token-remember').uncheck();
    await page.getByTestId('pr-load').click();
    await expect.poll(() => fake.seen.length - before).toBe(3 * perLoad);
    await summaryOf(page);
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('ghp_secret123');
    expect(fake.foreign).toEqual([]);
  });

  test('a missing PR says so and hints at a token', async ({ page }) => {
    const fake = await fakeGitHub(page);
    await page.goto('/compare');
    await page.getByTestId('pr-url-input').fill(`${OWNER}/${REPO}#404`);
    await page.getByTestId('pr-load').click();
    const error = page.getByTestId('pr-error');
    await expect(error).toHaveAttribute('data-kind', 'not-found');
    await expect(error).toContainText(/not found/i);
    await expect(error).toContainText(/token may be needed/);
    await expect(page.getByTestId('diff-summary')).toHaveCount(0);

    // A new URL that names no PR replaces that error and its Retry with its own message.
    await page.getByTestId('pr-url-input').fill('not a pull request');
    await page.getByTestId('pr-load').click();
    await expect(page.getByTestId('pr-error')).toHaveCount(1);
    await expect(page.getByTestId('pr-error')).toHaveAttribute('data-kind', 'invalid');
    await expect(page.getByTestId('pr-retry')).toHaveCount(0);
    expect(fake.foreign).toEqual([]);
  });

  test('an invalid PR reference is refused before any request', async ({ page }) => {
    const fake = await fakeGitHub(page);
    await page.goto('/compare');
    await page.getByTestId('pr-url-input').fill('https://github.com/acme/stack/issues/3');
    await page.getByTestId('pr-load').click();
    await expect(page.getByTestId('pr-error')).toHaveAttribute('data-kind', 'invalid');
    expect(fake.seen).toEqual([]);
  });

  test('an exhausted rate limit shows when it resets', async ({ page }) => {
    const fake = await fakeGitHub(page);
    const reset = Math.floor(Date.now() / 1000) + 25 * 60;
    fake.overrides.set(`/repos/${OWNER}/${REPO}/pulls/${NUMBER}`, [
      (route) =>
        route.fulfill({
          status: 403,
          headers: { ...CORS, 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
          json: { message: 'API rate limit exceeded for 127.0.0.1.' },
        }),
    ]);
    await page.goto('/compare');
    await page.getByTestId('pr-url-input').fill(`${OWNER}/${REPO}#${NUMBER}`);
    await page.getByTestId('pr-load').click();
    const error = page.getByTestId('pr-error');
    await expect(error).toHaveAttribute('data-kind', 'rate-limited');
    await expect(error).toContainText(/rate limit/);
    await expect(error).toContainText(/in 2[45] min/);
    await expect(page.getByTestId('pr-rate-reset')).toHaveAttribute('data-reset', String(reset));
  });

  test('a network failure offers a retry that then works', async ({ page }) => {
    const fake = await fakeGitHub(page);
    fake.overrides.set(`/repos/${OWNER}/${REPO}/pulls/${NUMBER}`, [
      (route) => route.abort('internetdisconnected'),
      (route) => route.fulfill({ status: 200, headers: CORS, json: fixture.pr }),
    ]);
    await page.goto('/compare');
    await page.getByTestId('pr-url-input').fill(`https://github.com/${OWNER}/${REPO}/pull/${NUMBER}`);
    await page.getByTestId('pr-load').click();
    await expect(page.getByTestId('pr-error')).toHaveAttribute('data-kind', 'network');
    await page.getByTestId('pr-retry').click();
    expect((await summaryOf(page)).modified).toBe(expected.modified);
    await expect(page.getByTestId('pr-error')).toHaveCount(0);
  });

  test('a PR at GitHub’s 3,000-file listing cap says the comparison may be incomplete', async ({ page }) => {
    const fake = await fakeGitHub(page);
    const path = `/repos/${OWNER}/${REPO}/pulls/7`;
    const many = Array.from({ length: 3000 }, (_, i) => ({ filename: `src/gen/file_${i}.py`, status: 'modified' }));
    fake.overrides.set(path, [(route) => route.fulfill({ status: 200, headers: CORS, json: { ...(fixture.pr as object), number: 7, changed_files: 3400 } })]);
    fake.overrides.set(`${path}/files`, [
      (route) => {
        const page = Number(new URL(route.request().url()).searchParams.get('page'));
        return route.fulfill({ status: 200, headers: CORS, json: many.slice((page - 1) * 100, page * 100) });
      },
    ]);
    await page.goto('/compare');
    await page.getByTestId('pr-url-input').fill(`${OWNER}/${REPO}#7`);
    await page.getByTestId('pr-load').click();
    await summaryOf(page);
    await expect(page.getByTestId('pr-truncated')).toContainText('3,000');
    const pages = fake.seen.filter((s) => s.url.includes('/files?'));
    expect(pages).toHaveLength(30);
    expect(fake.seen.some((s) => s.url.startsWith('https://raw.githubusercontent.com/'))).toBe(false);
  });
});
