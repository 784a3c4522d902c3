import { useEffect, useState } from 'react';
import { CATEGORY_FILTERS, CHANGE_STATUSES, type CategoryFilter, type ChangeStatus, type CompareParams, type FilteredChanges } from './changeList';
import { statusLook } from './StatusBadge';

const chipOn: Record<ChangeStatus, string> = {
  added: 'border-emerald-400 bg-emerald-50 text-emerald-900 dark:border-emerald-700 dark:bg-emerald-950/60 dark:text-emerald-200',
  removed: 'border-red-400 bg-red-50 text-red-900 dark:border-red-700 dark:bg-red-950/60 dark:text-red-200',
  modified: 'border-amber-400 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-200',
  rekeyed: 'border-violet-400 bg-violet-50 text-violet-900 dark:border-violet-700 dark:bg-violet-950/60 dark:text-violet-200',
};

/** Status chips with counts, the noise-only toggle and a text filter; all of it lives in the URL. */
export function FilterBar({
  filtered,
  params,
  onParams,
}: {
  filtered: FilteredChanges;
  params: CompareParams;
  onParams: (patch: Partial<CompareParams>) => void;
}) {
  // Keystrokes go to local state first; the URL follows after a pause.
  const [query, setQuery] = useMirrored(params.query);
  useEffect(() => {
    if (query === params.query) return;
    const timer = setTimeout(() => onParams({ query }), 200);
    return () => clearTimeout(timer);
  }, [query, params.query, onParams]);

  // Checkboxes answer the click at once; the URL (and the list) follow a navigation later, and a
  // controlled checkbox bound straight to the URL would snap back in between.
  const [statuses, setStatuses] = useMirrored(params.statuses);
  const [showNoise, setShowNoise] = useMirrored(params.showNoise);
  const [categories, setCategories] = useMirrored(params.categories);

  const noiseTotal = filtered.hiddenNoise + (params.showNoise ? filtered.rows.filter((r) => r.noiseOnly).length : 0);
  return (
    <div className="space-y-1.5 border-b border-zinc-200 px-2 py-1.5 dark:border-zinc-800">
      <div className="flex flex-wrap items-center gap-1" role="group" aria-label="Show statuses">
        {CHANGE_STATUSES.map((status) => {
          const on = statuses.has(status);
          return (
            <label
              key={status}
              className={`inline-flex cursor-pointer items-center gap-1 rounded border px-1.5 py-0.5 text-[12px] ${
                on ? chipOn[status] : 'border-zinc-300 text-zinc-500 dark:border-zinc-700'
              }`}
              title={statusLook[status].hint}
            >
              <input
                type="checkbox"
                className="h-3 w-3 accent-current"
                data-testid={`status-filter-${status}`}
                checked={on}
                onChange={() => {
                  const next = new Set(statuses);
                  if (on) next.delete(status);
                  else next.add(status);
                  setStatuses(next);
                  onParams({ statuses: next });
                }}
              />
              {statusLook[status].label}
              <span className="font-semibold tabular-nums">{filtered.counts[status].toLocaleString()}</span>
            </label>
          );
        })}
      </div>
      <div className="flex flex-wrap items-center gap-1" role="group" aria-label="Show modified pairs whose change is in">
        <span className="text-[11px] text-zinc-500">what changed:</span>
        {CATEGORY_FILTERS.map((category) => {
          const on = categories.has(category);
          return (
            <label
              key={category}
              title={categoryHint[category]}
              className={`inline-flex cursor-pointer items-center gap-1 rounded border px-1.5 py-0.5 text-[12px] ${
                on ? 'border-indigo-400 bg-indigo-50 text-indigo-900 dark:border-indigo-600 dark:bg-indigo-950/60 dark:text-indigo-200' : 'border-zinc-300 text-zinc-600 dark:border-zinc-700 dark:text-zinc-400'
              }`}
            >
              <input
                type="checkbox"
                className="h-3 w-3 accent-current"
                data-testid={`category-filter-${category}`}
                checked={on}
                onChange={() => {
                  const next = new Set<CategoryFilter>(categories);
                  if (on) next.delete(category);
                  else next.add(category);
                  setCategories(next);
                  onParams({ categories: next });
                }}
              />
              {category === 'metadata-only' ? 'metadata' : category}
              <span className="font-semibold tabular-nums">{filtered.categoryCounts[category].toLocaleString()}</span>
            </label>
          );
        })}
        {categories.size > 0 && (
          <button
            type="button"
            className="text-[11px] text-indigo-700 underline dark:text-indigo-400"
            onClick={() => {
              setCategories(new Set());
              onParams({ categories: new Set() });
            }}
          >
            all changes
          </button>
        )}
      </div>
      <div className="flex items-center gap-2">
        <input
          type="search"
          data-testid="compare-filter"
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          placeholder="Filter by test id, path or endpoint"
          aria-label="Filter changes by test id, path or endpoint"
          className="min-w-0 flex-1 rounded border border-zinc-300 bg-white px-2 py-0.5 text-[12px] dark:border-zinc-700 dark:bg-zinc-950"
        />
        <label
          className="inline-flex shrink-0 cursor-pointer items-center gap-1 text-[12px] text-zinc-600 dark:text-zinc-400"
          title="Noise-only: only ids, timestamps and fingerprints changed"
        >
          <input
            type="checkbox"
            data-testid="noise-toggle"
            checked={showNoise}
            onChange={(e) => {
              setShowNoise(e.currentTarget.checked);
              onParams({ showNoise: e.currentTarget.checked });
            }}
          />
          <span data-testid="noise-hidden-count" data-hidden={filtered.hiddenNoise}>
            {params.showNoise ? `showing ${noiseTotal.toLocaleString()} noise-only` : `${filtered.hiddenNoise.toLocaleString()} noise-only hidden`}
          </span>
        </label>
      </div>
    </div>
  );
}

const categoryHint: Record<CategoryFilter, string> = {
  answer: 'The assembled text, reasoning or error differs',
  tools: 'The response tool calls (name or arguments) differ',
  request: 'The request payload differs after noise stripping',
  'metadata-only': 'Only usage, headers, model version or chunking changed',
};

function useMirrored<T>(value: T): [T, (next: T) => void] {
  const [local, setLocal] = useState(value);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setLocal(value);
  }
  return [local, setLocal];
}
