import type { FileKey, Superseded } from '../../core/replay-keys';
import type { BadgeTone } from '../../shared/ui/Badge';

/** How a file stands with replay, as one word for a badge and a sentence for a tooltip. */
export interface ReplayStanding {
  id: 'current' | 'superseded' | 'stale' | 'none' | 'no-key';
  label: string;
  tone: BadgeTone;
  title: string;
  /** Replay can never open this file, or no test sends its request any more. */
  dead: boolean;
}

export function replayStanding(key: FileKey | undefined, superseded: Superseded | undefined): ReplayStanding | null {
  if (!key) return null;
  if (superseded) {
    return {
      id: 'superseded',
      label: 'superseded',
      tone: 'amber',
      title: `Superseded: a live sibling sends the same request plus ${superseded.extraKeys.join(', ')}`,
      dead: true,
    };
  }
  switch (key.verdict) {
    case 'current':
      return { id: 'current', label: 'live', tone: 'green', title: `Replayable: the name is today's key (${key.newest})`, dead: false };
    case 'stale':
      return { id: 'stale', label: 'stale', tone: 'amber', title: `Stale: only an older rule version (${key.newest}) reproduces the name`, dead: true };
    case 'none':
      return { id: 'none', label: 'no match', tone: 'red', title: 'No known rule version reproduces the name', dead: true };
    default:
      return { id: 'no-key', label: 'no key', tone: 'neutral', title: key.noKeyReason ?? 'No replay key', dead: false };
  }
}

export type ReplayFilter = '' | 'dead' | 'superseded' | 'stale' | 'none';

export const REPLAY_FILTERS: { value: ReplayFilter; label: string }[] = [
  { value: '', label: 'All replay states' },
  { value: 'dead', label: "Can't be replayed" },
  { value: 'superseded', label: 'Superseded' },
  { value: 'stale', label: 'Stale (older rules only)' },
  { value: 'none', label: 'Matches no rule' },
];

export function parseReplayFilter(value: string | null): ReplayFilter {
  return REPLAY_FILTERS.some((filter) => filter.value === value) ? (value as ReplayFilter) : '';
}

/** "Can't be replayed" means stale or matching nothing; superseded files can be, but are dead weight. */
export function passesReplayFilter(filter: ReplayFilter, key: FileKey | undefined, superseded: boolean): boolean {
  switch (filter) {
    case '':
      return true;
    case 'dead':
      return key?.verdict === 'stale' || key?.verdict === 'none';
    case 'superseded':
      return superseded;
    case 'stale':
      return key?.verdict === 'stale';
    case 'none':
      return key?.verdict === 'none';
  }
}
