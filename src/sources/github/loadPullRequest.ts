/**
 * Fetches what a PR review needs and nothing else: the PR (for both commits
 * and repositories), its changed-file list, and the recording files' contents
 * at the base and head commits from raw.githubusercontent.com.
 *
 * The token goes to api.github.com only: raw.githubusercontent.com does not
 * answer CORS preflights, and an Authorization header would force one, so
 * every content request would fail. Private contents are therefore listed as
 * skipped with that reason rather than fetched.
 */
import { apiClient, describe, GitHubError, httpError, rawUrl, type FetchLike } from './client';
import { globMatcher } from './glob';
import { planPrFiles, type PlannedChange, type PrFileEntry } from './prFiles';
import { prWebUrl, type PrRef } from './prRef';

export const FILES_PER_PAGE = 100;
/** GitHub lists at most 3,000 files of a pull request. */
export const MAX_LISTED_FILES = 3000;
export const DEFAULT_CONCURRENCY = 6;

export interface PullRequestInfo {
  ref: PrRef;
  title: string;
  htmlUrl: string;
  baseRepo: string;
  baseSha: string;
  baseLabel: string;
  headRepo: string;
  headSha: string;
  headLabel: string;
  /** As GitHub counts them; may exceed what the file list shows. */
  changedFiles: number | null;
}

export interface FetchedFile {
  path: string;
  text: string;
}

export interface SkippedFile {
  path: string;
  reason: string;
}

export type PrStage = 'pr' | 'files' | 'contents';

export interface PrProgress {
  stage: PrStage;
  done: number;
  total: number;
}

export interface LoadPrOptions {
  fetch: FetchLike;
  token?: string;
  glob: string;
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (progress: PrProgress) => void;
  onInfo?: (info: PullRequestInfo) => void;
}

export interface LoadedPr {
  info: PullRequestInfo;
  base: FetchedFile[];
  head: FetchedFile[];
  /** Changes left out because a side could not be fetched; both sides are dropped so nothing looks added or removed by mistake. */
  skipped: SkippedFile[];
  listedFiles: number;
  /** The glob left these out. */
  ignored: number;
  /** GitHub's 3,000-file cap was reached: the PR may change more files than were compared. */
  listTruncated: boolean;
}

export async function loadPullRequest(ref: PrRef, options: LoadPrOptions): Promise<LoadedPr> {
  const { signal, onProgress } = options;
  const api = apiClient(options.fetch, options.token || undefined, signal);
  const prPath = `/repos/${encodeURIComponent(ref.owner)}/${encodeURIComponent(ref.repo)}/pulls/${ref.number}`;
  const prName = `pull request ${ref.owner}/${ref.repo}#${ref.number}`;

  onProgress?.({ stage: 'pr', done: 0, total: 1 });
  const info = readPullRequest(ref, await api.getJson(prPath, prName), `${prPath}`);
  options.onInfo?.(info);
  onProgress?.({ stage: 'pr', done: 1, total: 1 });

  const listed: PrFileEntry[] = [];
  const maxPages = MAX_LISTED_FILES / FILES_PER_PAGE;
  let lastPageFull = false;
  for (let page = 1; page <= maxPages; page++) {
    onProgress?.({ stage: 'files', done: page - 1, total: pagesExpected(info.changedFiles, page) });
    const body = await api.getJson(`${prPath}/files?per_page=${FILES_PER_PAGE}&page=${page}`, `the file list of ${prName}`);
    if (!Array.isArray(body)) throw new GitHubError('bad-response', `GitHub's file list for ${prName} was not a list.`, prPath);
    for (const item of body) if (isFileEntry(item)) listed.push(item);
    lastPageFull = body.length >= FILES_PER_PAGE;
    if (!lastPageFull) break;
  }
  const listTruncated = listed.length >= MAX_LISTED_FILES && (lastPageFull || (info.changedFiles ?? 0) > listed.length);

  const plan = planPrFiles(listed, globMatcher(options.glob));
  const { base, head, skipped } = await fetchContents(plan.changes, info, options);
  return { info, base, head, skipped, listedFiles: listed.length, ignored: plan.ignored, listTruncated };
}

function pagesExpected(changedFiles: number | null, atLeast: number): number {
  if (changedFiles === null) return atLeast;
  return Math.max(atLeast, Math.min(MAX_LISTED_FILES / FILES_PER_PAGE, Math.ceil(changedFiles / FILES_PER_PAGE) || 1));
}

function isFileEntry(value: unknown): value is PrFileEntry {
  return typeof value === 'object' && value !== null && typeof (value as PrFileEntry).filename === 'string' && typeof (value as PrFileEntry).status === 'string';
}

function readPullRequest(ref: PrRef, body: unknown, url: string): PullRequestInfo {
  const o = asObject(body);
  const base = asObject(o?.base);
  const head = asObject(o?.head);
  const baseRepo = asObject(base?.repo);
  const headRepo = asObject(head?.repo);
  const baseSha = asString(base?.sha);
  const headSha = asString(head?.sha);
  const baseName = asString(baseRepo?.full_name);
  // A fork that was deleted leaves `head.repo` null; its commit can no longer be fetched by repository name.
  const headName = asString(headRepo?.full_name);
  if (!baseSha || !headSha || !baseName) {
    throw new GitHubError('bad-response', 'GitHub’s answer for the pull request lacks base.sha, head.sha or base.repo.', url);
  }
  if (!headName) {
    throw new GitHubError('bad-response', 'The pull request’s head repository is gone (a deleted fork), so its files cannot be fetched.', url);
  }
  const changed = o?.changed_files;
  return {
    ref,
    title: asString(o?.title) ?? '',
    // Rendered as a link: only a github.com address is kept, never whatever scheme a response might carry.
    htmlUrl: /^https:\/\/github\.com\//.test(asString(o?.html_url) ?? '') ? asString(o?.html_url)! : prWebUrl(ref),
    baseRepo: baseName,
    baseSha,
    baseLabel: asString(base?.label) ?? asString(base?.ref) ?? baseName,
    headRepo: headName,
    headSha,
    headLabel: asString(head?.label) ?? asString(head?.ref) ?? headName,
    changedFiles: typeof changed === 'number' && Number.isFinite(changed) ? changed : null,
  };
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

interface Task {
  change: PlannedChange;
  side: 'base' | 'head';
  path: string;
}

type Outcome = { ok: true; text: string } | { ok: false; reason: string };

async function fetchContents(
  changes: PlannedChange[],
  info: PullRequestInfo,
  options: LoadPrOptions,
): Promise<{ base: FetchedFile[]; head: FetchedFile[]; skipped: SkippedFile[] }> {
  const tasks: Task[] = [];
  for (const change of changes) {
    if (change.basePath !== undefined) tasks.push({ change, side: 'base', path: change.basePath });
    if (change.headPath !== undefined) tasks.push({ change, side: 'head', path: change.headPath });
  }
  const outcomes = new Map<Task, Outcome>();
  let done = 0;
  options.onProgress?.({ stage: 'contents', done, total: tasks.length });
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const task = tasks[next++]!;
      outcomes.set(task, await fetchRaw(task, info, options));
      done++;
      options.onProgress?.({ stage: 'contents', done, total: tasks.length });
    }
  };
  const lanes = Math.max(1, Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, tasks.length));
  await Promise.all(Array.from({ length: lanes }, worker));

  const base: FetchedFile[] = [];
  const head: FetchedFile[] = [];
  const skipped: SkippedFile[] = [];
  const bySide = new Map<PlannedChange, Partial<Record<'base' | 'head', { task: Task; outcome: Outcome }>>>();
  for (const task of tasks) {
    const entry = bySide.get(task.change) ?? {};
    entry[task.side] = { task, outcome: outcomes.get(task)! };
    bySide.set(task.change, entry);
  }
  for (const [change, sides] of bySide) {
    const failed = [sides.base, sides.head].filter((s) => s && !s.outcome.ok);
    if (failed.length > 0) {
      const path = change.headPath ?? change.basePath ?? '';
      const reasons = failed.map((s) => `${s!.task.side}: ${(s!.outcome as { reason: string }).reason}`).join('; ');
      skipped.push({ path, reason: reasons });
      continue;
    }
    if (sides.base?.outcome.ok) base.push({ path: sides.base.task.path, text: sides.base.outcome.text });
    if (sides.head?.outcome.ok) head.push({ path: sides.head.task.path, text: sides.head.outcome.text });
  }
  return { base, head, skipped };
}

/** One retry for a dropped connection; HTTP answers are final. A rate limit stops the whole load. */
async function fetchRaw(task: Task, info: PullRequestInfo, options: LoadPrOptions): Promise<Outcome> {
  const repo = task.side === 'base' ? info.baseRepo : info.headRepo;
  const sha = task.side === 'base' ? info.baseSha : info.headSha;
  const url = rawUrl(repo, sha, task.path);
  let response: Response | undefined;
  let lastError: unknown;
  for (let attempt = 0; attempt < 2 && !response; attempt++) {
    try {
      response = await options.fetch(url, { signal: options.signal, credentials: 'omit', cache: 'no-store' });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      lastError = error;
    }
  }
  if (!response) {
    throw new GitHubError('network', `Could not reach raw.githubusercontent.com for ${task.path} (${describe(lastError)}).`, url);
  }
  if (response.status === 429) throw httpError(response, url, 'raw.githubusercontent.com', false);
  if (!response.ok) {
    const hint =
      response.status === 404
        ? ' (missing, too large for raw, or in a private repository: raw.githubusercontent.com does not accept a token from a browser)'
        : response.status === 413
          ? ' (too large)'
          : '';
    return { ok: false, reason: `HTTP ${response.status} from raw.githubusercontent.com${hint}` };
  }
  try {
    return { ok: true, text: await response.text() };
  } catch (error) {
    if (options.signal?.aborted) throw error;
    return { ok: false, reason: `content could not be read (${describe(error)})` };
  }
}
