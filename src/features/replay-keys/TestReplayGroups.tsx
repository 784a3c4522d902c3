import { useMemo } from 'react';
import { Link } from 'react-router';
import type { IndexEntry } from '../../core/index/indexEntry';
import { Badge } from '../../shared/ui/Badge';
import { paths } from '../../config/paths';
import { useKeyReport } from './useKeyReport';
import { replayStanding, type ReplayStanding } from './verdicts';

export interface TestReplaySplit {
  /** Files replay reaches and the test still sends: the test's story. */
  live: IndexEntry[];
  /** Stale, unmatched and superseded files, with why. */
  dead: { entry: IndexEntry; standing: ReplayStanding; supersededBy?: string }[];
}

/** Splits a test's recordings into the live ones and the dead weight beside them. */
export function useTestReplaySplit(entries: readonly IndexEntry[]): TestReplaySplit {
  const report = useKeyReport();
  return useMemo(() => {
    const live: IndexEntry[] = [];
    const dead: TestReplaySplit['dead'] = [];
    for (const entry of entries) {
      const superseded = report.superseded.get(entry.path);
      const standing = replayStanding(entry.replayKey, superseded);
      if (standing?.dead) dead.push({ entry, standing, supersededBy: superseded?.by });
      else live.push(entry);
    }
    return { live, dead };
  }, [entries, report]);
}

/** The dead calls of a test, set apart from its story: they explain why a test has "11 recordings". */
export function TestReplayGroups({ dead }: { dead: TestReplaySplit['dead'] }) {
  if (dead.length === 0) return null;
  return (
    <section
      data-testid="test-dead-calls"
      data-count={dead.length}
      aria-labelledby="test-dead-calls-title"
      className="mx-4 mt-3 rounded border border-dashed border-amber-400 bg-amber-50/50 p-3 text-[13px] dark:border-amber-800 dark:bg-amber-950/20"
    >
      <h2 id="test-dead-calls-title" className="mb-1 font-semibold">
        {dead.length} {dead.length === 1 ? 'recording replay never uses' : 'recordings replay never uses'}
      </h2>
      <p className="mb-2 text-xs text-zinc-600 dark:text-zinc-400">
        Left out of the conversation below: stale files (named by older rules), files no rule reproduces, and files superseded by a
        live sibling that sends more parameters.
      </p>
      <ul className="space-y-1">
        {dead.map(({ entry, standing, supersededBy }) => (
          <li key={entry.path} data-testid="test-dead-call" data-path={entry.path} data-standing={standing.id} className="flex flex-wrap items-center gap-2">
            <Badge tone={standing.tone} title={standing.title}>
              {standing.label}
            </Badge>
            <Link to={paths.recording(entry.path)} className="font-mono text-[12px] text-indigo-700 hover:underline dark:text-indigo-300">
              {entry.path.slice(entry.path.lastIndexOf('/') + 1, entry.path.lastIndexOf('/') + 13)}…
            </Link>
            <span className="text-xs text-zinc-500">
              {supersededBy
                ? `superseded by ${supersededBy.slice(supersededBy.lastIndexOf('/') + 1, supersededBy.lastIndexOf('/') + 13)}…`
                : standing.title}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
