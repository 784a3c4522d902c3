import { useEffect, useEffectEvent, useRef, useState, type FormEvent } from 'react';
import { DEFAULT_RECORDINGS_GLOB, formatPrParam, parsePrRef, prWebUrl, samePr, type PrRef } from '../../sources/github';
import { Button } from '../../shared/ui/Button';
import { visibleControls } from '../../shared/visibleText';
import { cancelPr, clearPrError, getCompareState, loadPr, rememberedToken, setToken, useCompareState } from './state';

/**
 * Review a GitHub PR by its URL. Nothing is requested until the user asks
 * (Load, or opening a shared `?pr=` link); the token is kept in memory unless
 * "remember on this device" is ticked, and never goes into the URL.
 */
export function PrForm({ prParam, onPrParam }: { prParam: string | null; onPrParam: (pr: string) => void }) {
  const state = useCompareState();
  const { pr } = state;
  const [url, setUrl] = useState(() => (prParam ? prWebUrlOf(prParam) : ''));
  const [glob, setGlob] = useState(DEFAULT_RECORDINGS_GLOB);
  const initial = useRef(rememberedToken());
  const [token, setTokenValue] = useState(initial.current.token);
  const [remember, setRemember] = useState(initial.current.remembered);
  const [invalid, setInvalid] = useState<string | null>(null);

  const start = (ref: PrRef) => {
    setInvalid(null);
    setToken(token, remember);
    void loadPr(ref, { token, glob });
  };

  /** A URL that names no PR replaces whatever the last PR said: its error and Retry belong to another PR. */
  const reject = (message: string) => {
    clearPrError();
    setInvalid(message);
  };

  // A shared `?pr=` link (or history back to one) loads that PR, once per link. The form's current token and
  // glob are read when it fires (an effect event), so only the link changing triggers a load.
  const onLink = useEffectEvent((param: string) => {
    const ref = parsePrRef(param);
    if (!ref) {
      reject(`The link names no pull request GitHub would know (“${param}”).`);
      return;
    }
    setUrl(prWebUrl(ref));
    // The store as it is now, not as this render saw it: navigating back to a loaded PR must not refetch it.
    const current = getCompareState();
    if (samePr(current.pr.ref, ref) && current.origin === 'pr' && current.pr.status !== 'idle') return;
    start(ref);
  });
  const lastParam = useRef<string | null>(null);
  useEffect(() => {
    if (prParam === lastParam.current) return;
    lastParam.current = prParam;
    if (prParam) onLink(prParam);
  }, [prParam]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ref = parsePrRef(url);
    if (!ref) {
      reject('Enter a pull request as https://github.com/OWNER/REPO/pull/N or OWNER/REPO#N.');
      return;
    }
    const param = formatPrParam(ref);
    lastParam.current = param;
    onPrParam(param);
    start(ref);
  };

  const loading = pr.status === 'loading';
  return (
    <form onSubmit={submit} aria-label="Review a GitHub pull request" className="flex min-w-0 flex-1 flex-col gap-1">
      <div className="flex items-center gap-1.5">
        <label htmlFor="pr-url-input" className="shrink-0 text-[11px] font-semibold uppercase tracking-wide text-zinc-500">
          GitHub PR
        </label>
        <input
          id="pr-url-input"
          data-testid="pr-url-input"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          placeholder="https://github.com/OWNER/REPO/pull/N"
          className="min-w-0 flex-1 rounded border border-zinc-300 bg-white px-2 py-1 font-mono text-[12px] dark:border-zinc-700 dark:bg-zinc-950"
        />
        {loading ? (
          <Button onClick={cancelPr}>Cancel</Button>
        ) : (
          <Button type="submit" variant="primary" data-testid="pr-load">
            Load PR
          </Button>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <label className="flex items-center gap-1 text-[12px] text-zinc-600 dark:text-zinc-400">
          Token
          <input
            data-testid="pr-token-input"
            type="password"
            autoComplete="off"
            value={token}
            onChange={(e) => setTokenValue(e.currentTarget.value)}
            placeholder="optional: higher rate limit"
            className="w-44 rounded border border-zinc-300 bg-white px-2 py-0.5 font-mono text-[12px] dark:border-zinc-700 dark:bg-zinc-950"
          />
        </label>
        <label className="flex items-center gap-1 text-[12px] text-zinc-600 dark:text-zinc-400">
          <input data-testid="pr-token-remember" type="checkbox" checked={remember} onChange={(e) => setRemember(e.currentTarget.checked)} />
          remember on this device
        </label>
        <label className="flex items-center gap-1 text-[12px] text-zinc-600 dark:text-zinc-400">
          Files
          <input
            data-testid="pr-glob-input"
            type="text"
            spellCheck={false}
            value={glob}
            onChange={(e) => setGlob(e.currentTarget.value)}
            className="w-52 rounded border border-zinc-300 bg-white px-2 py-0.5 font-mono text-[12px] dark:border-zinc-700 dark:bg-zinc-950"
            title="Which changed files to compare: ** any folders, * any name part, ? one character"
          />
        </label>
      </div>
      <p className="text-[11px] leading-snug text-zinc-500">
        Loading asks <span className="font-mono">api.github.com</span> for the PR and its file list and{' '}
        <span className="font-mono">raw.githubusercontent.com</span> for the recordings, only because you asked. A token goes to
        api.github.com only and stays in memory{remember ? ' and this browser’s storage' : ''}; it is never put in the link.
      </p>
      {invalid && (
        <p data-testid="pr-error" data-kind="invalid" role="alert" className="text-[12px] text-red-700 dark:text-red-400">
          {invalid}
        </p>
      )}
      <PrStatus onRetry={() => pr.ref && start(pr.ref)} />
    </form>
  );
}

function prWebUrlOf(param: string): string {
  const ref = parsePrRef(param);
  return ref ? prWebUrl(ref) : param;
}

function PrStatus({ onRetry }: { onRetry: () => void }) {
  const { pr, origin } = useCompareState();
  if (origin !== 'pr') return null;
  return (
    <div className="space-y-1 text-[12px]">
      {pr.info && (
        <p data-testid="pr-info" className="flex min-w-0 flex-wrap items-baseline gap-x-2 text-zinc-700 dark:text-zinc-300">
          <a href={pr.info.htmlUrl} target="_blank" rel="noopener noreferrer" className="font-medium text-indigo-700 hover:underline dark:text-indigo-400">
            {visibleControls(`${pr.info.ref.owner}/${pr.info.ref.repo}#${pr.info.ref.number}`)}
          </a>
          <span className="min-w-0 truncate">{visibleControls(pr.info.title)}</span>
          <span className="font-mono text-[11px] text-zinc-500">
            {visibleControls(pr.info.baseLabel)}@{pr.info.baseSha.slice(0, 7)} ← {visibleControls(pr.info.headLabel)}@{pr.info.headSha.slice(0, 7)}
            {pr.info.headRepo !== pr.info.baseRepo && ` (fork ${visibleControls(pr.info.headRepo)})`}
          </span>
        </p>
      )}
      {pr.status === 'done' && (
        <p className="text-zinc-500">
          {pr.listedFiles.toLocaleString()} changed file{pr.listedFiles === 1 ? '' : 's'} listed, {pr.ignored.toLocaleString()} outside the file pattern.
        </p>
      )}
      {pr.listTruncated && (
        <p data-testid="pr-truncated" className="text-amber-800 dark:text-amber-300">
          GitHub lists at most 3,000 files of a pull request; this one has {pr.info?.changedFiles?.toLocaleString() ?? 'more'} changed files, so
          the comparison may be incomplete.
        </p>
      )}
      {pr.status === 'failed' && pr.error && (
        <div data-testid="pr-error" data-kind={pr.error.kind} role="alert" className="flex flex-wrap items-center gap-2 text-red-700 dark:text-red-400">
          <span>{pr.error.message}</span>
          {pr.error.kind === 'rate-limited' && pr.error.resetAt !== undefined && (
            <span data-testid="pr-rate-reset" data-reset={Math.round(pr.error.resetAt / 1000)} className="text-zinc-500">
              (resets {new Date(pr.error.resetAt).toLocaleString()})
            </span>
          )}
          <Button data-testid="pr-retry" onClick={onRetry}>
            Retry
          </Button>
        </div>
      )}
      {pr.skipped.length > 0 && (
        <details data-testid="pr-skipped" data-count={pr.skipped.length} className="text-amber-800 dark:text-amber-300">
          <summary className="cursor-pointer">
            {pr.skipped.length.toLocaleString()} file{pr.skipped.length === 1 ? '' : 's'} skipped: could not be fetched
          </summary>
          <ul className="mt-1 max-h-40 overflow-auto">
            {pr.skipped.map((s) => (
              <li key={s.path} data-testid="pr-skipped-file" data-path={s.path} className="font-mono text-[11px]">
                {visibleControls(s.path)} <span className="font-sans text-zinc-500">— {s.reason}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
