import { describe, expect, it } from 'vitest';
import { httpError, rawUrl } from './client';
import { DEFAULT_RECORDINGS_GLOB, globToRegExp, matchGlob } from './glob';
import { loadPullRequest } from './loadPullRequest';
import { planPrFiles, type PrFileEntry } from './prFiles';
import { formatPrParam, parsePrRef } from './prRef';

describe('parsePrRef', () => {
  const ref = { owner: 'llamastack', repo: 'llama-stack', number: 4997 };
  it.each([
    'https://github.com/llamastack/llama-stack/pull/4997',
    'https://github.com/llamastack/llama-stack/pull/4997/',
    'https://github.com/llamastack/llama-stack/pull/4997/files',
    'https://github.com/llamastack/llama-stack/pull/4997/files?diff=split#diff-abc',
    'http://www.github.com/llamastack/llama-stack/pull/4997',
    'github.com/llamastack/llama-stack/pull/4997',
    '  https://github.com/llamastack/llama-stack/pull/4997  ',
    'llamastack/llama-stack#4997',
    'llamastack/llama-stack/4997',
    'llamastack/llama-stack/pull/4997',
  ])('reads %s', (input) => {
    expect(parsePrRef(input)).toEqual(ref);
  });

  it.each([
    '',
    'https://github.com/llamastack/llama-stack',
    'https://github.com/llamastack/llama-stack/issues/4997',
    'https://gitlab.com/llamastack/llama-stack/pull/4997',
    'https://github.com.evil.example/llamastack/llama-stack/pull/4997',
    'https://github.com/llamastack/llama-stack/pull/0',
    'https://github.com/llamastack/llama-stack/pull/12abc',
    'llamastack/llama-stack#',
    'llamastack#4997',
    '-bad/repo#1',
    'owner/..#1',
    'own er/repo#1',
  ])('rejects %j', (input) => {
    expect(parsePrRef(input)).toBeNull();
  });

  it('keeps dots and underscores in repo names and drops a .git suffix', () => {
    expect(parsePrRef('a-b/my_repo.js#12')).toEqual({ owner: 'a-b', repo: 'my_repo.js', number: 12 });
    expect(parsePrRef('https://github.com/o/r.git/pull/3')).toEqual({ owner: 'o', repo: 'r', number: 3 });
  });

  it('round-trips through the app URL form', () => {
    expect(parsePrRef(formatPrParam(ref))).toEqual(ref);
  });
});

describe('glob', () => {
  it('matches recordings folders at any depth, including the root', () => {
    const g = DEFAULT_RECORDINGS_GLOB;
    expect(matchGlob(g, 'tests/integration/inference/recordings/abc.json')).toBe(true);
    expect(matchGlob(g, 'recordings/abc.json')).toBe(true);
    expect(matchGlob(g, 'tests/integration/recordings/responses/abc.json')).toBe(true);
    expect(matchGlob(g, 'tests/integration/inference/test_chat.py')).toBe(false);
    expect(matchGlob(g, 'tests/integration/ci_matrix.json')).toBe(false);
    expect(matchGlob(g, 'tests/my-recordings/abc.json')).toBe(false);
    expect(matchGlob(g, 'tests/recordings/abc.json.bak')).toBe(false);
  });

  it('keeps * and ? within one segment', () => {
    expect(matchGlob('src/*.ts', 'src/a.ts')).toBe(true);
    expect(matchGlob('src/*.ts', 'src/x/a.ts')).toBe(false);
    expect(matchGlob('a?c', 'abc')).toBe(true);
    expect(matchGlob('a?c', 'a/c')).toBe(false);
    expect(matchGlob('**', 'any/thing/at/all')).toBe(true);
    expect(matchGlob('docs/**', 'docs/a/b.md')).toBe(true);
  });

  it('treats regex characters literally', () => {
    expect(matchGlob('a+b(c)[d].json', 'a+b(c)[d].json')).toBe(true);
    expect(matchGlob('a.json', 'abjson')).toBe(false);
    expect(globToRegExp('$^|{}').test('$^|{}')).toBe(true);
  });

  it('matches everything when empty', () => {
    expect(matchGlob('', 'x/y.txt')).toBe(true);
  });
});

describe('planPrFiles', () => {
  const all = () => true;
  const onlyJson = (p: string) => p.endsWith('.json');

  it('maps each GitHub status to the sides it exists on', () => {
    const files: PrFileEntry[] = [
      { filename: 'a.json', status: 'added' },
      { filename: 'r.json', status: 'removed' },
      { filename: 'm.json', status: 'modified' },
      { filename: 'c.json', status: 'changed' },
      { filename: 'new.json', status: 'renamed', previous_filename: 'old.json' },
      { filename: 'copy.json', status: 'copied', previous_filename: 'a.json' },
      { filename: 'same.json', status: 'unchanged' },
    ];
    const plan = planPrFiles(files, all);
    expect(plan.changes).toEqual([
      { status: 'added', headPath: 'a.json' },
      { status: 'removed', basePath: 'r.json' },
      { status: 'modified', basePath: 'm.json', headPath: 'm.json' },
      { status: 'changed', basePath: 'c.json', headPath: 'c.json' },
      { status: 'renamed', basePath: 'old.json', headPath: 'new.json' },
      { status: 'copied', headPath: 'copy.json' },
    ]);
    expect(plan.ignored).toBe(1);
  });

  it('filters each side of a rename by the glob', () => {
    const plan = planPrFiles(
      [
        { filename: 'rec.json', status: 'renamed', previous_filename: 'rec.txt' },
        { filename: 'x.txt', status: 'renamed', previous_filename: 'x.json' },
        { filename: 'y.txt', status: 'renamed', previous_filename: 'y.md' },
        { filename: 'z.py', status: 'modified' },
      ],
      onlyJson,
    );
    expect(plan.changes).toEqual([
      { status: 'renamed', headPath: 'rec.json' },
      { status: 'renamed', basePath: 'x.json' },
    ]);
    expect(plan.ignored).toBe(2);
  });
});

describe('httpError', () => {
  const headers = (h: Record<string, string>) => new Headers(h);
  it('reports a rate limit with its reset time', () => {
    const e = httpError({ status: 403, headers: headers({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1700000000' }) }, 'u', 'x', false, 1_699_999_000_000);
    expect(e.kind).toBe('rate-limited');
    expect(e.resetAt).toBe(1_700_000_000_000);
    expect(e.message).toMatch(/in 17 min/);
    expect(e.message).toMatch(/token raises/);
  });
  it('tells a private repository apart from a missing one only by the hint', () => {
    const e = httpError({ status: 404, headers: headers({}) }, 'u', 'pull request o/r#1', false);
    expect(e.kind).toBe('not-found');
    expect(e.message).toMatch(/token may be needed/);
    expect(httpError({ status: 401, headers: headers({}) }, 'u', 'x', false).message).toMatch(/token may be needed/);
    expect(httpError({ status: 403, headers: headers({ 'x-ratelimit-remaining': '12' }) }, 'u', 'x', false).kind).toBe('forbidden');
  });
});

describe('rawUrl', () => {
  it('encodes each segment but keeps the separators', () => {
    expect(rawUrl('o/r', 'abc', 'tests/a b/#x.json')).toBe('https://raw.githubusercontent.com/o/r/abc/tests/a%20b/%23x.json');
  });
});

describe('loadPullRequest', () => {
  function fakeGitHub(files: PrFileEntry[], contents: Record<string, string>) {
    const calls: string[] = [];
    const fetch = async (url: string, init?: RequestInit) => {
      calls.push(url);
      expect(new Headers(init?.headers).get('authorization')).toBe(url.startsWith('https://api.github.com') ? 'Bearer t0k' : null);
      if (url === 'https://api.github.com/repos/o/r/pulls/7') {
        return Response.json({
          title: 'T',
          changed_files: files.length,
          base: { sha: 'b1', label: 'o:main', repo: { full_name: 'o/r' } },
          head: { sha: 'h1', label: 'fork:topic', repo: { full_name: 'fork/r' } },
        });
      }
      const m = /^https:\/\/api\.github\.com\/repos\/o\/r\/pulls\/7\/files\?per_page=100&page=(\d+)$/.exec(url);
      if (m) {
        const page = Number(m[1]);
        return Response.json(files.slice((page - 1) * 100, page * 100));
      }
      const text = contents[url];
      return text === undefined ? new Response('404: Not Found', { status: 404 }) : new Response(text);
    };
    return { calls, fetch };
  }

  it('pages the file list, reads each side from its own repository and skips what raw cannot serve', async () => {
    const files: PrFileEntry[] = [];
    for (let i = 0; i < 130; i++) {
      const rec = i < 120;
      files.push({ filename: rec ? `t/recordings/f${i}.json` : `src/f${i}.py`, status: i % 3 === 0 ? 'added' : 'modified' });
    }
    files.push({ filename: 't/recordings/new.json', status: 'renamed', previous_filename: 't/recordings/old.json' });
    const contents: Record<string, string> = {};
    for (const f of files) {
      if (!f.filename.endsWith('.json')) continue;
      // f5: the base exists, the head is too large for raw.
      if (f.filename !== 't/recordings/f5.json') contents[`https://raw.githubusercontent.com/fork/r/h1/${f.filename}`] = `head ${f.filename}`;
      if (f.status !== 'added') contents[`https://raw.githubusercontent.com/o/r/b1/${f.previous_filename ?? f.filename}`] = `base`;
    }
    const { calls, fetch } = fakeGitHub(files, contents);
    const progress: string[] = [];
    const result = await loadPullRequest(
      { owner: 'o', repo: 'r', number: 7 },
      { fetch, token: 't0k', glob: DEFAULT_RECORDINGS_GLOB, onProgress: (p) => progress.push(p.stage) },
    );
    expect(calls.filter((u) => u.includes('/files?'))).toHaveLength(2);
    expect(result.listedFiles).toBe(131);
    expect(result.ignored).toBe(10);
    expect(result.listTruncated).toBe(false);
    expect(result.skipped).toEqual([{ path: 't/recordings/f5.json', reason: expect.stringMatching(/^head: HTTP 404/) }]);
    // 40 added (i % 3 === 0 below 120), 79 modified + 1 renamed on both sides, minus the skipped pair.
    expect(result.head).toHaveLength(120);
    expect(result.base).toHaveLength(80);
    expect(result.base.find((f) => f.path === 't/recordings/old.json')).toBeDefined();
    expect(result.head.find((f) => f.path === 't/recordings/new.json')?.text).toBe('head t/recordings/new.json');
    expect(new Set(calls.map((u) => new URL(u).host))).toEqual(new Set(['api.github.com', 'raw.githubusercontent.com']));
    expect(progress).toContain('contents');
  });

  it('fails with a network error when a host cannot be reached', async () => {
    const fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(loadPullRequest({ owner: 'o', repo: 'r', number: 1 }, { fetch, glob: '' })).rejects.toMatchObject({ kind: 'network' });
  });
});

describe('loadPullRequest: what it trusts from a response', () => {
  it('keeps only a github.com link to the PR', async () => {
    const fetch = async (url: string) =>
      url.endsWith('/pulls/3')
        ? Response.json({ html_url: 'javascript:alert(1)', base: { sha: 'a', repo: { full_name: 'o/r' } }, head: { sha: 'b', repo: { full_name: 'o/r' } } })
        : Response.json([]);
    const result = await loadPullRequest({ owner: 'o', repo: 'r', number: 3 }, { fetch, glob: '' });
    expect(result.info.htmlUrl).toBe('https://github.com/o/r/pull/3');
  });

  it('refuses a PR whose head fork was deleted', async () => {
    const fetch = async () => Response.json({ base: { sha: 'a', repo: { full_name: 'o/r' } }, head: { sha: 'b', repo: null } });
    await expect(loadPullRequest({ owner: 'o', repo: 'r', number: 3 }, { fetch, glob: '' })).rejects.toMatchObject({ kind: 'bad-response' });
  });
});
