/**
 * The change list as the page shows it: rows filtered by status, noise and
 * text, grouped by test id, plus the URL form of those choices so a review
 * link reopens the same view.
 */
import type { CompareEntry } from '../../core/diff';

export type ChangeStatus = 'added' | 'removed' | 'modified' | 'rekeyed';
export const CHANGE_STATUSES: readonly ChangeStatus[] = ['added', 'removed', 'modified', 'rekeyed'];

/** Unique among changed rows and orphans: a one-sided or rekeyed path exists on one side only, a modified path is the same on both. */
export function rowKey(entry: CompareEntry): string {
  return entry.headPath ?? entry.basePath ?? '';
}

export interface ListFilters {
  statuses: ReadonlySet<ChangeStatus>;
  showNoise: boolean;
  query: string;
}

export interface ChangeGroup {
  /** JSON of the test id (null included), stable for collapse state. */
  key: string;
  testId: string | null;
  rows: CompareEntry[];
}

export interface FilteredChanges {
  groups: ChangeGroup[];
  /** Rows in display order (group by group). */
  rows: CompareEntry[];
  /** Noise-only rows the toggle hides (after the status and text filters). */
  hiddenNoise: number;
  /** All changed rows per status, before any filter. */
  counts: Record<ChangeStatus, number>;
  orphans: CompareEntry[];
}

function isChange(entry: CompareEntry): entry is CompareEntry & { status: ChangeStatus } {
  return entry.status !== 'unchanged';
}

function matchesQuery(entry: CompareEntry, query: string): boolean {
  if (query === '') return true;
  const q = query.toLowerCase();
  return [entry.testId, entry.basePath, entry.headPath, entry.endpoint].some((v) => v != null && v.toLowerCase().includes(q));
}

export function filterChanges(entries: readonly CompareEntry[], filters: ListFilters): FilteredChanges {
  const counts: Record<ChangeStatus, number> = { added: 0, removed: 0, modified: 0, rekeyed: 0 };
  const orphans: CompareEntry[] = [];
  const byGroup = new Map<string, ChangeGroup>();
  let hiddenNoise = 0;
  const query = filters.query.trim();
  for (const entry of entries) {
    if (!isChange(entry)) {
      if (entry.orphan) orphans.push(entry);
      continue;
    }
    counts[entry.status]++;
    if (!filters.statuses.has(entry.status) || !matchesQuery(entry, query)) continue;
    if (entry.noiseOnly && !filters.showNoise) {
      hiddenNoise++;
      continue;
    }
    const key = JSON.stringify(entry.testId);
    let group = byGroup.get(key);
    if (!group) {
      group = { key, testId: entry.testId, rows: [] };
      byGroup.set(key, group);
    }
    group.rows.push(entry);
  }
  const groups = [...byGroup.values()].sort((a, b) => compareTestIds(a.testId, b.testId));
  for (const g of groups) g.rows.sort((a, b) => compareStrings(rowKey(a), rowKey(b)));
  return { groups, rows: groups.flatMap((g) => g.rows), hiddenNoise, counts, orphans };
}

/** Calls outside any test sort last: reviewers look at tests first. */
function compareTestIds(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareStrings(a, b);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------- URL

export interface CompareParams {
  /** rowKey of the selected row or orphan. */
  sel: string | null;
  statuses: ReadonlySet<ChangeStatus>;
  showNoise: boolean;
  query: string;
  /** `OWNER/REPO/N`. */
  pr: string | null;
  /** Detail tab: diff, base or head. */
  view: 'diff' | 'base' | 'head';
}

export function readCompareParams(params: URLSearchParams): CompareParams {
  const status = params.get('status');
  const statuses = new Set<ChangeStatus>(
    status === null ? CHANGE_STATUSES : status.split(',').filter((s): s is ChangeStatus => (CHANGE_STATUSES as string[]).includes(s)),
  );
  const view = params.get('view');
  return {
    sel: params.get('sel') || null,
    statuses,
    showNoise: params.get('noise') === 'show',
    query: params.get('q') ?? '',
    pr: params.get('pr') || null,
    view: view === 'base' || view === 'head' ? view : 'diff',
  };
}

/** Writes only what differs from the defaults, so a plain review link stays short. */
export function writeCompareParams(current: URLSearchParams, patch: Partial<CompareParams>): URLSearchParams {
  const next = new URLSearchParams(current);
  const set = (key: string, value: string | null) => (value === null || value === '' ? next.delete(key) : next.set(key, value));
  if ('sel' in patch) set('sel', patch.sel ?? null);
  if (patch.statuses) {
    const all = CHANGE_STATUSES.every((s) => patch.statuses!.has(s));
    if (all) next.delete('status');
    else next.set('status', CHANGE_STATUSES.filter((s) => patch.statuses!.has(s)).join(','));
  }
  if ('showNoise' in patch) set('noise', patch.showNoise ? 'show' : null);
  if ('query' in patch) set('q', patch.query ?? null);
  if ('pr' in patch) set('pr', patch.pr ?? null);
  if ('view' in patch) set('view', patch.view === 'diff' ? null : (patch.view ?? null));
  return next;
}
