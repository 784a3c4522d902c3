import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import {
  computeFileKey,
  CURRENT_VERSION,
  describeExplanation,
  describeNoKey,
  nearestLiveSibling,
  RULE_VERSION_BY_ID,
  type FieldDiff,
  type FileKey,
  type KeyFamily,
} from '../../core/replay-keys';
import { Section } from '../../shared/ui/Section';
import { Badge } from '../../shared/ui/Badge';
import { CopyButton } from '../../shared/ui/CopyButton';
import { paths } from '../../config/paths';
import { useKeyReport } from './useKeyReport';
import { replayStanding } from './verdicts';
import { shellQuote } from './deadWeight';

function VersionName({ id }: { id: string }) {
  const version = RULE_VERSION_BY_ID.get(id);
  return (
    <span title={version ? `${version.description} (${version.commit}${version.pr ? `, ${version.pr}` : ''}${version.date ? `, ${version.date}` : ''})` : id}>
      <code className="font-mono">{id}</code>
      {version?.current && <span className="ml-1 text-emerald-700 dark:text-emerald-400">current</span>}
      {version?.branch && <span className="ml-1 text-zinc-500">branch only</span>}
    </span>
  );
}

function FieldList({ label, fields }: { label: string; fields: string[] }) {
  if (fields.length === 0) return null;
  return (
    <li>
      {label}{' '}
      {fields.map((field, i) => (
        <span key={field}>
          {i > 0 && ', '}
          <code className="font-mono font-semibold">{field}</code>
        </span>
      ))}
    </li>
  );
}

function DiffLines({ diff }: { diff: FieldDiff }) {
  const none = diff.added.length + diff.removed.length + diff.changed.length === 0;
  return (
    <ul data-testid="sibling-diff" className="ml-4 list-disc text-zinc-700 dark:text-zinc-300">
      <FieldList label="the live file also sends" fields={diff.added} />
      <FieldList label="this file also sends" fields={diff.removed} />
      <FieldList label="both send, with different values:" fields={diff.changed} />
      {none && <li>same top-level request fields and values (the difference is in the test id, endpoint or model)</li>}
    </ul>
  );
}

/**
 * The recording page's "Replay key" section: the hash in the file name, the
 * key today's recorder computes, every rule version that reproduces the name,
 * the verdict and why; for a dead file, the closest live sibling and which
 * request fields differ.
 */
/**
 * The index keeps a quick key (it stops at today's version when that one
 * reproduces the name); the page recomputes the full list of matching
 * versions from the text it has loaded anyway.
 */
function useFullKey(path: string, text: string | undefined, indexed: FileKey | undefined): FileKey | undefined {
  const [full, setFull] = useState<{ path: string; key: FileKey } | null>(null);
  const needed = indexed?.matchesPartial === true && text !== undefined;
  useEffect(() => {
    if (!needed) return;
    let live = true;
    void computeFileKey(path, text!).then((key) => {
      if (live) setFull({ path, key });
    });
    return () => {
      live = false;
    };
  }, [needed, path, text]);
  if (!indexed) return undefined;
  if (full?.path === path) return { ...indexed, matches: full.key.matches, matchesPartial: undefined };
  return indexed;
}

export function ReplayKeySection({ path, text }: { path: string; text?: string }) {
  const report = useKeyReport();
  const file = report.byPath.get(path);
  const key = useFullKey(path, text, file?.key);
  const superseded = report.superseded.get(path);
  const standing = replayStanding(key, superseded);
  const sibling = file && standing?.dead && report.state === 'done' ? nearestLiveSibling(file, report.files) : null;
  const family = key?.family as KeyFamily | null | undefined;
  const currentVersion = family ? CURRENT_VERSION[family] : null;
  return (
    <Section id="replay-key" title="Replay key">
      <div
        data-testid="replay-key"
        data-state={report.state}
        data-verdict={key?.verdict ?? ''}
        data-newest={key?.newest ?? ''}
        data-superseded-by={superseded?.by ?? ''}
        className="space-y-2 text-[13px]"
      >
        {!key ? (
          <p className="text-zinc-500">{report.state === 'loading' ? 'Computing…' : 'No replay key was computed for this file (keys were switched off for this load).'}</p>
        ) : (
          <>
            <div className="flex flex-wrap items-center gap-2">
              {standing && <Badge tone={standing.tone}>{standing.label}</Badge>}
              <span>{verdictSentence(key.verdict, key.newest, superseded !== undefined)}</span>
            </div>
            {key.verdict === null && <p className="text-zinc-600 dark:text-zinc-400">{describeNoKey(key.noKeyReason)}</p>}
            <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
              <dt className="text-zinc-500">Family</dt>
              <dd>{key.family ?? 'unknown'}</dd>
              <dt className="text-zinc-500">Name hash</dt>
              <dd className="break-all font-mono text-[12px]">{key.nameHash ?? '— (the file name is not a hash)'}</dd>
              <dt className="text-zinc-500">Key now</dt>
              <dd className="break-all font-mono text-[12px]">
                {key.currentKey ? (
                  <>
                    {key.currentKey}{' '}
                    <span className="font-sans text-zinc-500">
                      ({currentVersion}
                      {key.nameHash && key.currentKey.startsWith(key.nameHash) ? ', equals the name' : ', differs from the name'})
                    </span>
                  </>
                ) : family === 'file_processor' ? (
                  <span className="font-sans text-zinc-500">none: file processing always runs live today, nothing is looked up</span>
                ) : (
                  <span className="font-sans text-zinc-500">—</span>
                )}
              </dd>
              <dt className="text-zinc-500">Matches</dt>
              <dd data-testid="replay-key-matches">
                {key.matchesPartial && <span className="mr-2 text-zinc-500">listing every version…</span>}
                {key.matches.length === 0 ? (
                  <span className="text-zinc-500">no known rule version</span>
                ) : (
                  <ul className="flex flex-wrap gap-x-3">
                    {key.matches.map((id) => (
                      <li key={id}>
                        <VersionName id={id} />
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
              {key.explainedBy && (
                <>
                  <dt className="text-zinc-500">Why</dt>
                  <dd data-testid="replay-key-explanation" data-explained-by={key.explainedBy}>
                    {describeExplanation(key.explainedBy)}
                    {key.explainedMatches && key.explainedMatches.length > 0 && (
                      <span className="text-zinc-500"> Reversed, it matches {key.explainedMatches.join(', ')}.</span>
                    )}
                  </dd>
                </>
              )}
              {superseded && (
                <>
                  <dt className="text-zinc-500">Superseded by</dt>
                  <dd>
                    <Link to={paths.recording(superseded.by)} className="break-all font-mono text-[12px] text-indigo-700 hover:underline dark:text-indigo-300">
                      {superseded.by}
                    </Link>{' '}
                    <span className="text-zinc-500">which adds {superseded.extraKeys.join(', ')}</span>
                  </dd>
                </>
              )}
            </dl>
            {standing?.dead && report.state === 'done' && (
              <div data-testid="live-sibling" data-path={sibling?.path ?? ''} className="rounded border border-zinc-200 p-2 dark:border-zinc-800">
                {sibling ? (
                  <>
                    <div className="mb-1">
                      Nearest live {sibling.sameGroup ? 'sibling' : 'file of the same test'}:{' '}
                      <Link to={paths.recording(sibling.path)} className="break-all font-mono text-[12px] text-indigo-700 hover:underline dark:text-indigo-300">
                        {sibling.path.slice(sibling.path.lastIndexOf('/') + 1)}
                      </Link>
                      {!sibling.sameGroup && <span className="text-zinc-500"> (different endpoint or model)</span>}
                    </div>
                    <DiffLines diff={sibling.diff} />
                  </>
                ) : (
                  <span className="text-zinc-500">No live recording of the same test is in this folder.</span>
                )}
              </div>
            )}
            {standing?.dead && (
              <div className="flex items-center gap-2 text-xs text-zinc-500">
                <code className="font-mono">git rm {shellQuote(path)}</code>
                <CopyButton text={`git rm ${shellQuote(path)}`} label="git rm command" />
              </div>
            )}
          </>
        )}
      </div>
    </Section>
  );
}

function verdictSentence(verdict: string | null, newest: string | null, superseded: boolean): string {
  const tail = superseded ? ' The test now sends a sibling request with more parameters, so this file is dead weight.' : '';
  switch (verdict) {
    case 'current':
      return `Replay finds this file: its name is the key today's recorder computes (newest match ${newest}).${tail}`;
    case 'stale':
      return `Replay never opens this file: only ${newest} (not today's rules) reproduces its name.${tail}`;
    case 'none':
      return `Replay never opens this file: no known rule version reproduces its name.${tail}`;
    default:
      return 'This file has no replay key.';
  }
}
