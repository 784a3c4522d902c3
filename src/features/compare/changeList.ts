/**
 * The change list as the page shows it: rows filtered by status, noise and
 * text, grouped by test id, plus the URL form of those choices so a review
 * link reopens the same view.
 */
import type { ChangeCategory, CompareEntry } from '../../core/diff';

/** Categories a reviewer filters by (noise-only has its own toggle). */
export type CategoryFilter = Exclude<ChangeCategory, 'noise-only'>;
export const CATEGORY_FILTERS: readonly CategoryFilter[] = ['answer', 'tools', 'request', 'metadata-only'];

export type ChangeStatus = 'added' | 'removed' | 'modified' | 'rekeyed';
export const CHANGE_STATUSES: readonly ChangeStatus[] = ['added', 'removed', 'modified', 'rekeyed'];

/** Unique among changed rows: a one-sided or rekeyed path exists on one side only, a modified path is the same on both. */
export function rowKey(entry: CompareEntry): string {
  return entry.headPath ?? entry.basePath ?? '';
}

export interface ListFilters {
  statuses: ReadonlySet<ChangeStatus>;
  showNoise: boolean;
  query: string;
  /** Rows with any of these categories; empty means no category filter. */
  categories?: ReadonlySet<CategoryFilter>;
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
  /** All changed rows per category, before any filter. */
  categoryCounts: Record<CategoryFilter, number>;
}

function isChange(entry: CompareEntry): entry is CompareEntry & { status: ChangeStatus } {
  return entry.status !== 'unchanged';
}

function matchesQuery(entry: CompareEntry, query: string): boolean {
  if (query === '') return true;
  const q = query.toLowerCase();
  return [entry.testId, entry.basePath, entry.headPath, entry.endpoint].some((v) => v != null && v.toLowerCase().includes(q));
}

/**
 * What to read first: a changed answer or tool call (0), then a changed
 * request or a one-sided file (1), then metadata (2), then noise (3).
 */
export function reviewRank(entry: CompareEntry): number {
  if (entry.noiseOnly) return 3;
  const c = entry.categories;
  if (!c) return 1;
  if (c.includes('answer') || c.includes('tools')) return 0;
  if (c.includes('request')) return 1;
  return 2;
}

export function filterChanges(entries: readonly CompareEntry[], filters: ListFilters): FilteredChanges {
  const counts: Record<ChangeStatus, number> = { added: 0, removed: 0, modified: 0, rekeyed: 0 };
  const categoryCounts: Record<CategoryFilter, number> = { answer: 0, tools: 0, request: 0, 'metadata-only': 0 };
  const byGroup = new Map<string, ChangeGroup>();
  let hiddenNoise = 0;
  const query = filters.query.trim();
  const wanted = filters.categories && filters.categories.size > 0 ? filters.categories : null;
  for (const entry of entries) {
    if (!isChange(entry)) continue;
    counts[entry.status]++;
    for (const c of entry.categories ?? []) if (c !== 'noise-only') categoryCounts[c]++;
    if (!filters.statuses.has(entry.status) || !matchesQuery(entry, query)) continue;
    if (wanted && !(entry.categories ?? []).some((c) => c !== 'noise-only' && wanted.has(c))) continue;
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
  // The default order leads with answer and tool changes: a group ranks as its most telling row.
  const groups = [...byGroup.values()];
  const rank = new Map<ChangeGroup, number>();
  for (const g of groups) {
    g.rows.sort((a, b) => reviewRank(a) - reviewRank(b) || compareStrings(rowKey(a), rowKey(b)));
    rank.set(g, reviewRank(g.rows[0]!));
  }
  groups.sort((a, b) => rank.get(a)! - rank.get(b)! || compareTestIds(a.testId, b.testId));
  return { groups, rows: groups.flatMap((g) => g.rows), hiddenNoise, counts, categoryCounts };
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
  /** rowKey of the selected row, or the path of a left-behind file. */
  sel: string | null;
  statuses: ReadonlySet<ChangeStatus>;
  /** Empty: no category filter. */
  categories: ReadonlySet<CategoryFilter>;
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
  const cat = params.get('cat');
  const categories = new Set<CategoryFilter>(
    cat === null ? [] : cat.split(',').filter((c): c is CategoryFilter => (CATEGORY_FILTERS as string[]).includes(c)),
  );
  return {
    sel: params.get('sel') || null,
    statuses,
    categories,
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
  if (patch.categories) {
    if (patch.categories.size === 0) next.delete('cat');
    else next.set('cat', CATEGORY_FILTERS.filter((c) => patch.categories!.has(c)).join(','));
  }
  if ('showNoise' in patch) set('noise', patch.showNoise ? 'show' : null);
  if ('query' in patch) set('q', patch.query ?? null);
  if ('pr' in patch) set('pr', patch.pr ?? null);
  if ('view' in patch) set('view', patch.view === 'diff' ? null : (patch.view ?? null));
  return next;
}
