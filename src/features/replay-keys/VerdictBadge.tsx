import type { IndexEntry } from '../../core/index/indexEntry';
import { Badge } from '../../shared/ui/Badge';
import { useKeyReport } from './useKeyReport';
import { replayStanding } from './verdicts';

/** The replay verdict of one list row; live files stay quiet (a dot), dead ones say why. */
export function VerdictBadge({ entry }: { entry: IndexEntry }) {
  const report = useKeyReport();
  const standing = replayStanding(entry.replayKey, report.superseded.get(entry.path));
  if (!standing) return null;
  if (standing.id === 'current' || standing.id === 'no-key') {
    return (
      <span
        data-testid="verdict-badge"
        data-verdict={standing.id}
        title={standing.title}
        aria-label={standing.title}
        className={`inline-block h-1.5 w-1.5 shrink-0 rounded-full ${standing.id === 'current' ? 'bg-emerald-500' : 'bg-zinc-300 dark:bg-zinc-600'}`}
      />
    );
  }
  return (
    <span data-testid="verdict-badge" data-verdict={standing.id} className="shrink-0">
      <Badge tone={standing.tone} title={standing.title}>
        {standing.label}
      </Badge>
    </span>
  );
}
