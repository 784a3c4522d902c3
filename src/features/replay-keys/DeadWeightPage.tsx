import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useFolderState } from '../../state/folderStore';
import { Badge } from '../../shared/ui/Badge';
import { CopyButton } from '../../shared/ui/CopyButton';
import { visibleControls } from '../../shared/visibleText';
import { paths } from '../../config/paths';
import { NoFolder } from '../open-folder';
import { useKeyReport } from './useKeyReport';
import { buildDeadWeight, deadWeightTsv, formatBytes, gitRmCommand, NO_TEST_ID, type DeadReason } from './deadWeight';

const REASON_TONE = { stale: 'amber', none: 'red', superseded: 'amber' } as const;
const REASON_LABEL: Record<DeadReason, string> = { stale: 'stale', none: 'no match', superseded: 'superseded' };

/** A download made from the list in memory: nothing is written anywhere else. */
function useDownloadUrl(text: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!text) return;
    const objectUrl = URL.createObjectURL(new Blob([text], { type: 'text/tab-separated-values' }));
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [text]);
  return text ? url : null;
}

/**
 * Every file replay never uses (stale, matching no rule, superseded), with
 * size and reason, grouped by suite and test; a `git rm` command and a
 * downloadable list for the whole set.
 */
export function DeadWeightPage() {
  const folder = useFolderState();
  const report = useKeyReport();
  const deadWeight = useMemo(
    () => (report.state === 'done' ? buildDeadWeight(folder.entries, report.superseded, report.warnings) : null),
    [report, folder.entries],
  );
  const deadPaths = useMemo(() => deadWeight?.files.map((f) => f.path) ?? [], [deadWeight]);
  const tsv = useMemo(() => (deadWeight && deadWeight.files.length > 0 ? deadWeightTsv(deadWeight.files) : ''), [deadWeight]);
  const downloadUrl = useDownloadUrl(tsv);

  if (folder.status === 'idle') return <NoFolder message="Open a recordings folder to see which files replay never uses." />;
  return (
    <div data-testid="dead-weight" data-state={deadWeight ? 'done' : 'loading'} className="mx-auto max-w-5xl p-4 text-[13px]">
      <h1 className="text-lg font-semibold">Dead weight</h1>
      <p className="mt-1 text-zinc-600 dark:text-zinc-400">
        Recordings in “{folder.source?.name}” that replay never opens (stale: named by older recorder rules; no match: no known rule
        reproduces the name) or that a test no longer sends (superseded by a live sibling with more request parameters).
      </p>
      {!deadWeight ? (
        <p role="status" className="mt-4 text-zinc-500">
          Computing replay keys… {folder.processed.toLocaleString()} of {folder.total.toLocaleString()} files read.
        </p>
      ) : (
        <>
          {deadWeight.newerRecorder.length > 0 && (
            <div
              role="note"
              className="mt-3 rounded border border-sky-300 bg-sky-50 p-3 text-sky-900 dark:border-sky-800 dark:bg-sky-950/40 dark:text-sky-200"
            >
              <p>
                <strong>
                  {deadWeight.newerRecorder.reduce((n, { warning }) => n + warning.unmatched, 0).toLocaleString()} recordings match no known
                  rule version, for no known reason, in {deadWeight.newerRecorder.length === 1 ? 'one folder' : `${deadWeight.newerRecorder.length.toLocaleString()} folders`}.
                </strong>{' '}
                The recorder that wrote them is probably newer than the rules this app knows, so they are set aside, not listed as dead
                weight. Check them against the recorder’s current source before deleting anything.
              </p>
              <ul className="mt-2 space-y-0.5">
                {deadWeight.newerRecorder.map(({ warning, paths: setAside }) => (
                  <li key={`${warning.folder}|${warning.family}`} data-testid="newer-recorder-warning" data-folder={warning.folder} data-family={warning.family}>
                    {warning.unmatched.toLocaleString()} of {warning.keyed.toLocaleString()} {warning.family} recordings in{' '}
                    <span className="font-mono">{warning.folder || '(top folder)'}</span>
                    {setAside.length !== warning.unmatched ? ` (${setAside.length.toLocaleString()} set aside)` : ''}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div
            data-testid="dead-weight-total"
            data-count={deadWeight.files.length}
            data-bytes={deadWeight.totalSize}
            className="mt-4 flex flex-wrap items-center gap-3 rounded border border-zinc-200 p-3 dark:border-zinc-800"
          >
            <span className="text-base font-semibold">
              {deadWeight.files.length.toLocaleString()} files, {formatBytes(deadWeight.totalSize)}
            </span>
            <span className="text-zinc-500">
              {(['stale', 'none', 'superseded'] as const)
                .map((reason) => `${deadWeight.files.filter((f) => f.reason === reason).length.toLocaleString()} ${REASON_LABEL[reason]}`)
                .join(' · ')}
            </span>
            <span className="flex-1" />
            {deadPaths.length > 0 && (
              <>
                <span className="flex items-center gap-1">
                  <span className="text-zinc-500">git rm command</span>
                  <CopyButton text={gitRmCommand(deadPaths)} label="git rm command for every listed file" className="border border-zinc-300 dark:border-zinc-700" />
                </span>
                {downloadUrl && (
                  <a
                    href={downloadUrl}
                    download="dead-weight.tsv"
                    data-testid="dead-weight-download"
                    className="rounded border border-zinc-300 px-2 py-0.5 text-xs hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
                  >
                    Download list (.tsv)
                  </a>
                )}
              </>
            )}
          </div>
          {deadWeight.files.length === 0 ? (
            <p className="mt-6 text-zinc-600 dark:text-zinc-400">Nothing to remove: every recording here is one replay uses.</p>
          ) : (
            <div className="mt-4 space-y-4">
              {deadWeight.suites.map((suite) => (
                <section key={suite.suite} data-testid="dead-weight-suite" data-suite={suite.suite} aria-label={`Suite ${suite.suite}`}>
                  <h2 className="sticky top-0 border-b border-zinc-200 bg-white py-1 font-semibold dark:border-zinc-800 dark:bg-zinc-950">
                    {visibleControls(suite.suite)}{' '}
                    <span className="font-normal text-zinc-500">
                      {suite.count.toLocaleString()} files, {formatBytes(suite.size)}
                    </span>
                  </h2>
                  <ul className="mt-1 space-y-2">
                    {suite.tests.map((test) => (
                      <li key={test.test}>
                        <div className="flex flex-wrap items-baseline gap-2">
                          {test.test === NO_TEST_ID ? (
                            <span className="font-mono text-[12px] text-zinc-500">{NO_TEST_ID}</span>
                          ) : (
                            <Link to={paths.test(test.test)} className="break-all font-mono text-[12px] font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                              {visibleControls(test.test)}
                            </Link>
                          )}
                          <span className="text-xs text-zinc-500">
                            {test.files.length} · {formatBytes(test.size)}
                          </span>
                        </div>
                        <ul className="ml-4">
                          {test.files.map((file) => (
                            <li
                              key={file.path}
                              data-testid="dead-weight-file"
                              data-path={file.path}
                              data-reason={file.reason}
                              className="grid grid-cols-[5.5rem_minmax(0,26rem)_4.5rem_minmax(0,1fr)] items-center gap-2 py-px"
                            >
                              <span>
                                <Badge tone={REASON_TONE[file.reason]}>{REASON_LABEL[file.reason]}</Badge>
                              </span>
                              <Link to={paths.recording(file.path)} className="truncate font-mono text-[12px] hover:underline" title={file.path}>
                                {visibleControls(file.path.slice(file.path.lastIndexOf('/') + 1))}
                              </Link>
                              <span className="text-right text-xs text-zinc-500">{formatBytes(file.size)}</span>
                              <span className="truncate text-xs text-zinc-600 dark:text-zinc-400" title={file.explanation ?? file.detail}>
                                {visibleControls(file.detail)}
                              </span>
                            </li>
                          ))}
                        </ul>
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </div>
          )}
        </>
      )}
    </div>
  );
}

export default DeadWeightPage;
