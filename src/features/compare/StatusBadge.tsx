import { Badge, type BadgeTone } from '../../shared/ui/Badge';
import type { CompareStatus } from '../../core/diff';

export const statusLook: Record<CompareStatus, { tone: BadgeTone; label: string; letter: string; hint: string }> = {
  added: { tone: 'green', label: 'added', letter: 'A', hint: 'Only in head' },
  removed: { tone: 'red', label: 'removed', letter: 'D', hint: 'Only in base' },
  modified: { tone: 'amber', label: 'modified', letter: 'M', hint: 'Same file name, different content' },
  rekeyed: { tone: 'violet', label: 'rekeyed', letter: 'K', hint: 'The request changed, so the hash-named file was renamed' },
  unchanged: { tone: 'neutral', label: 'unchanged', letter: '=', hint: 'Identical' },
};

export function StatusBadge({ status }: { status: CompareStatus }) {
  const look = statusLook[status];
  return (
    <Badge tone={look.tone} title={look.hint}>
      {look.label}
    </Badge>
  );
}
