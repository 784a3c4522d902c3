/**
 * The only two hosts the app talks to, and only when a user asks for a PR.
 * `fetch` is injected so the client runs in Vitest and the page alike.
 */
export const API_ORIGIN = 'https://api.github.com';
export const RAW_ORIGIN = 'https://raw.githubusercontent.com';

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export type GitHubErrorKind = 'not-found' | 'unauthorized' | 'forbidden' | 'rate-limited' | 'network' | 'http' | 'bad-response';

export class GitHubError extends Error {
  readonly kind: GitHubErrorKind;
  readonly status?: number;
  /** When the rate limit resets, in epoch milliseconds. */
  readonly resetAt?: number;
  readonly url: string;

  constructor(kind: GitHubErrorKind, message: string, url: string, extra: { status?: number; resetAt?: number } = {}) {
    super(message);
    this.name = 'GitHubError';
    this.kind = kind;
    this.url = url;
    if (extra.status !== undefined) this.status = extra.status;
    if (extra.resetAt !== undefined) this.resetAt = extra.resetAt;
  }
}

/** Plain data for the UI state (an Error does not survive every copy). */
export interface GitHubErrorInfo {
  kind: GitHubErrorKind;
  message: string;
  status?: number;
  resetAt?: number;
  url: string;
}

export function errorInfo(error: unknown): GitHubErrorInfo {
  if (error instanceof GitHubError) {
    const info: GitHubErrorInfo = { kind: error.kind, message: error.message, url: error.url };
    if (error.status !== undefined) info.status = error.status;
    if (error.resetAt !== undefined) info.resetAt = error.resetAt;
    return info;
  }
  return { kind: 'network', message: error instanceof Error ? error.message : String(error), url: '' };
}

function headerNumber(headers: Headers, name: string): number | undefined {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Rate limits come as 403 or 429 with `x-ratelimit-remaining: 0` (primary) or
 * a `retry-after` (secondary). A private repository reads as 404 without a
 * token, so a 404 names that possibility instead of only "not found".
 */
export function httpError(response: Pick<Response, 'status' | 'headers'>, url: string, what: string, hasToken: boolean, now = Date.now()): GitHubError {
  const { status, headers } = response;
  if (status === 403 || status === 429) {
    const remaining = headerNumber(headers, 'x-ratelimit-remaining');
    const reset = headerNumber(headers, 'x-ratelimit-reset');
    const retryAfter = headerNumber(headers, 'retry-after');
    if (remaining === 0 || retryAfter !== undefined || status === 429) {
      const resetAt = remaining === 0 && reset !== undefined ? reset * 1000 : retryAfter !== undefined ? now + retryAfter * 1000 : undefined;
      const when = resetAt !== undefined ? ` It resets at ${new Date(resetAt).toLocaleTimeString()} (${describeWait(resetAt - now)}).` : '';
      const advice = hasToken ? '' : ' A token raises the limit from 60 to 5,000 requests an hour.';
      return new GitHubError('rate-limited', `GitHub's rate limit is exhausted (HTTP ${status}).${when}${advice}`, url, {
        status,
        ...(resetAt !== undefined ? { resetAt } : {}),
      });
    }
    return new GitHubError(
      'forbidden',
      hasToken
        ? `GitHub refused access to ${what} (HTTP 403): the token may lack permission for this repository.`
        : `GitHub refused access to ${what} (HTTP 403): a token may be needed.`,
      url,
      { status },
    );
  }
  if (status === 401) {
    return new GitHubError(
      'unauthorized',
      hasToken
        ? `GitHub rejected the token (HTTP 401): it may be expired or mistyped.`
        : `GitHub asks for authentication for ${what} (HTTP 401): a token may be needed.`,
      url,
      { status },
    );
  }
  if (status === 404) {
    return new GitHubError(
      'not-found',
      hasToken
        ? `${capitalize(what)} was not found (HTTP 404), or the token cannot see this repository.`
        : `${capitalize(what)} was not found (HTTP 404). If the repository is private, a token may be needed.`,
      url,
      { status },
    );
  }
  return new GitHubError('http', `GitHub answered HTTP ${status} for ${what}.`, url, { status });
}

function describeWait(ms: number): string {
  if (ms <= 0) return 'now';
  const minutes = Math.ceil(ms / 60_000);
  return minutes < 60 ? `in ${minutes} min` : `in ${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Each path segment encoded on its own, so `/` stays a separator and nothing else escapes the path. */
export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export function rawUrl(fullName: string, sha: string, path: string): string {
  return `${RAW_ORIGIN}/${encodePath(fullName)}/${encodeURIComponent(sha)}/${encodePath(path)}`;
}

export interface ApiClient {
  /** GET a JSON document from api.github.com. */
  getJson(pathAndQuery: string, what: string): Promise<unknown>;
}

export function apiClient(fetchImpl: FetchLike, token: string | undefined, signal?: AbortSignal): ApiClient {
  const headers: Record<string, string> = { Accept: 'application/vnd.github+json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  return {
    async getJson(pathAndQuery, what) {
      const url = `${API_ORIGIN}${pathAndQuery}`;
      let response: Response;
      try {
        response = await fetchImpl(url, { headers, signal, credentials: 'omit', cache: 'no-store' });
      } catch (error) {
        if (signal?.aborted) throw error;
        throw new GitHubError('network', `Could not reach api.github.com (${describe(error)}).`, url);
      }
      if (!response.ok) throw httpError(response, url, what, Boolean(token));
      try {
        return (await response.json()) as unknown;
      } catch (error) {
        throw new GitHubError('bad-response', `GitHub's answer for ${what} was not JSON (${describe(error)}).`, url);
      }
    },
  };
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
