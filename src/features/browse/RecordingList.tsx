import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import { buildTree, flattenTree, type TreeRow } from '../../core/index/tree';
import type { IndexEntry } from '../../core/index/indexEntry';
import { visibleControls } from '../../shared/visibleText';
import { paths, withSearch } from '../../config/paths';
import { plural } from '../../core/units/units';
import { useFolderState } from '../../state/folderStore';
import { useAppAddress } from '../../shared/useAppAddress';
import { matchedFields } from '../../core/index/searchIndex';
import { readSetting, writeSetting } from '../../shared/settings';
import { Highlighted } from '../../shared/ui/Highlighted';
import { useFilteredEntries } from './useFilteredEntries';
import { KindBadge } from './KindBadge';
import { ReplayFilterSelect, useReplayFiltered, VerdictBadge } from '../replay-keys';

type Mode = 'tree' | 'flat';

export function RecordingList() {
  const [params, setParams] = useSearchParams();
  // Typing goes to local state first: writing each keystroke through the URL drops fast keystrokes.
  const [query, setQueryState] = useState(() => params.get('q') ?? '');
  const urlQuery = params.get('q') ?? '';
  // Opening a row carries the query in its own URL; a pending write must not then replace
  // that navigation while the page it opens is still loading (pages load lazily).
  const pendingQueryWrite = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    if (urlQuery === query) return;
    const timer = setTimeout(() => {
      const next = new URLSearchParams(window.location.search);
      if (query) next.set('q', query);
      else next.delete('q');
      setParams(next, { replace: true });
    }, 250);
    pendingQueryWrite.current = timer;
    return () => clearTimeout(timer);
  }, [query, urlQuery, setParams]);
  const [mode, setMode] = useState<Mode>(() => (readSetting('browse-mode') === 'flat' ? 'flat' : 'tree'));
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const { entries: textMatches, total, pending, appliedQuery, filterMs } = useFilteredEntries(query);
  const { entries, active: replayFilterActive } = useReplayFiltered(textMatches);
  const navigate = useNavigate();
  const address = useAppAddress();
  const searchRef = useRef<HTMLInputElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);

  const allEntries = useFolderState((state) => state.entries);
  const expandAll = appliedQuery.trim() !== '';
  const { rows, ms: rowsMs } = useMemo(
    () => cachedRows(expandAll || replayFilterActive ? entries : allEntries, mode, collapsed, expandAll),
    [entries, allEntries, mode, collapsed, expandAll, replayFilterActive],
  );

  const selectedPath = address.page === 'recording' ? address.path : null;
  const selectedTest = address.page === 'test' ? address.testKey : null;
  const selectedIndex = rows.findIndex((row) =>
    row.kind === 'recording' ? row.entry?.path === selectedPath : row.kind === 'test' && row.testKey === selectedTest,
  );
  const [cursor, setCursor] = useState(-1);
  const activeIndex = cursor >= 0 && cursor < rows.length ? cursor : selectedIndex;

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 26,
    overscan: 12,
  });

  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  const setQuery = (value: string) => {
    setQueryState(value);
    setCursor(-1);
  };

  const toggle = useCallback((key: string) => {
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }, []);

  const openRow = useCallback(
    (row: TreeRow) => {
      clearTimeout(pendingQueryWrite.current);
      const search = withSearch('', { q: query || null });
      if (row.kind === 'recording' && row.entry) {
        navigate(paths.recording(row.entry.path, search));
        // Focus leaves the list, so Space and the arrows reach the recording's player; j/k still move here.
        const focused = document.activeElement;
        if (focused instanceof HTMLElement && (focused === searchRef.current || scrollRef.current?.contains(focused))) focused.blur();
      } else if (row.kind === 'test' && row.testKey) navigate(paths.test(row.testKey, search));
      else toggle(row.key);
    },
    [navigate, query, toggle],
  );

  /** Opens the first listed recording (or test, when none is listed). */
  const openFirstRow = useCallback(() => {
    const firstRecording = rows.findIndex((row) => row.kind === 'recording');
    const first = firstRecording >= 0 ? firstRecording : rows.findIndex((row) => row.kind === 'test');
    if (first >= 0) {
      setCursor(first);
      openRow(rows[first]!);
    }
  }, [rows, openRow]);
  const [openFirstWhenSettled, setOpenFirstWhenSettled] = useState(false);
  useEffect(() => {
    if (!openFirstWhenSettled || pending) return;
    setOpenFirstWhenSettled(false);
    openFirstRow();
  }, [openFirstWhenSettled, pending, openFirstRow]);

  // Page-wide keys, wherever focus is except in a text field: `/` to filter, `j`/`k` to move in the list.
  const moveRef = useRef<(delta: number) => void>(() => {});
  moveRef.current = (delta: number) => {
    if (rows.length === 0) return;
    setCursor(Math.max(0, Math.min(rows.length - 1, (activeIndex < 0 ? -1 : activeIndex) + delta)));
  };
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || event.defaultPrevented) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target?.closest('input:not([type=range]):not([type=checkbox]):not([type=radio]):not([type=button]), textarea, select, [contenteditable="true"]')) return;
      if (event.key === '/') {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if ((event.key === 'j' || event.key === 'k') && !scrollRef.current?.contains(target)) {
        event.preventDefault();
        scrollRef.current?.focus({ preventScroll: true });
        moveRef.current(event.key === 'j' ? 1 : -1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onListKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (rows.length === 0) return;
    const move = (delta: number) => {
      event.preventDefault();
      setCursor(Math.max(0, Math.min(rows.length - 1, (activeIndex < 0 ? -1 : activeIndex) + delta)));
    };
    if (event.key === 'j' || event.key === 'ArrowDown') move(1);
    else if (event.key === 'k' || event.key === 'ArrowUp') move(-1);
    else if (event.key === 'Enter' && activeIndex >= 0) {
      event.preventDefault();
      openRow(rows[activeIndex]!);
    } else if ((event.key === 'ArrowLeft' || event.key === 'ArrowRight') && activeIndex >= 0) {
      const row = rows[activeIndex]!;
      if (row.kind !== 'recording' && (event.key === 'ArrowLeft') === row.expanded) {
        event.preventDefault();
        toggle(row.key);
      }
    }
  };

  const recordingCount = entries.length;
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="space-y-1.5 border-b border-zinc-200 p-2 dark:border-zinc-800">
        <input
          ref={searchRef}
          data-testid="search-input"
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              // Enter opens the first match of what was typed: while the list still shows an
              // earlier query (the filter is deferred), it waits for the list to catch up.
              event.preventDefault();
              if (pending) setOpenFirstWhenSettled(true);
              else openFirstRow();
            } else if (event.key === 'ArrowDown') {
              event.preventDefault();
              scrollRef.current?.focus();
              setCursor(0);
            }
            if (event.key === 'Escape') setQuery('');
          }}
          placeholder="Filter: test id, file, model, endpoint, text…  ( / )"
          aria-label="Filter recordings"
          className="w-full rounded border border-zinc-300 bg-white px-2 py-1 text-[13px] dark:border-zinc-700 dark:bg-zinc-900"
        />
        <div className="flex items-center gap-2 text-xs text-zinc-500">
          <span data-testid="list-count" aria-live="polite" data-search-ms={Math.round(filterMs + rowsMs)}>
            {query || replayFilterActive ? `${recordingCount.toLocaleString()} of ` : ''}
            {plural(total, 'recording')}
            {pending ? ' …' : ''}
          </span>
          <span className="flex-1" />
          <ReplayFilterSelect />
          {mode === 'tree' && (
            <>
              <button type="button" className="hover:underline" onClick={() => setCollapsed(new Set())}>
                Expand all
              </button>
              <button
                type="button"
                className="hover:underline"
                onClick={() => setCollapsed(new Set(rows.filter((r) => r.kind === 'suite').map((r) => r.key)))}
              >
                Collapse all
              </button>
            </>
          )}
          <div role="radiogroup" aria-label="List mode" className="flex overflow-hidden rounded border border-zinc-300 dark:border-zinc-700">
            {(['tree', 'flat'] as const).map((m) => (
              <button
                key={m}
                type="button"
                role="radio"
                aria-checked={mode === m}
                onClick={() => {
                  setMode(m);
                  writeSetting('browse-mode', m);
                }}
                className={`px-2 py-px ${mode === m ? 'bg-zinc-200 font-medium text-zinc-900 dark:bg-zinc-700 dark:text-zinc-50' : ''}`}
              >
                {m === 'tree' ? 'Tree' : 'Flat'}
              </button>
            ))}
          </div>
        </div>
      </div>
      <div
        ref={scrollRef}
        tabIndex={0}
        role="tree"
        aria-label="Recordings by test"
        onKeyDown={onListKey}
        className="min-h-0 flex-1 overflow-auto focus:outline-none"
      >
        {rows.length === 0 ? (
          <div className="p-4 text-zinc-500" data-testid="list-empty">
            {total > 0 ? 'No recording matches this filter.' : <EmptyFolder />}
          </div>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index]!;
              return (
                <div
                  key={row.key}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, height: item.size, transform: `translateY(${item.start}px)` }}
                >
                  <Row
                    row={row}
                    active={item.index === activeIndex}
                    selected={item.index === selectedIndex}
                    flat={mode === 'flat'}
                    query={appliedQuery}
                    onOpen={() => {
                      setCursor(item.index);
                      openRow(row);
                    }}
                    onToggle={() => toggle(row.key)}
                  />
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}

/** Why a loaded folder lists nothing: no JSON at all, or JSON that is not recordings. */
function EmptyFolder() {
  const folder = useFolderState();
  const name = folder.source?.name ?? 'this folder';
  if (folder.status === 'loading' || folder.listing !== null) return <>Reading {name}…</>;
  if (folder.errors.length > 0) {
    return <>None of the {plural(folder.errors.length, 'JSON file')} in “{name}” is a recording; the reasons are listed below.</>;
  }
  const skipped = folder.source?.skippedCount ?? 0;
  return (
    <>
      No <code className="font-mono">*.json</code> found in “{name}”
      {skipped > 0 ? ` (${plural(skipped, 'other file')} skipped)` : ''}. Open the folder that holds the recordings, e.g.{' '}
      <code className="font-mono">tests/integration</code> of a llama-stack checkout.
    </>
  );
}

function Row({
  row,
  active,
  selected,
  flat,
  query,
  onOpen,
  onToggle,
}: {
  row: TreeRow;
  active: boolean;
  selected: boolean;
  flat: boolean;
  query: string;
  onOpen: () => void;
  onToggle: () => void;
}) {
  const base = `flex h-full cursor-pointer items-center gap-1.5 pr-2 text-[13px] ${
    selected ? 'bg-indigo-100 dark:bg-indigo-950' : 'hover:bg-zinc-100 dark:hover:bg-zinc-900'
  } ${active ? 'ring-1 ring-inset ring-indigo-400' : ''}`;
  const indent = { paddingLeft: 6 + row.depth * 14 };
  if (row.kind === 'recording' && row.entry) {
    return (
      <div
        role="treeitem"
        aria-selected={selected}
        data-testid="recording-row"
        data-path={row.entry.path}
        data-test-id={row.entry.testId ?? ''}
        className={base}
        style={indent}
        onClick={onOpen}
        title={visibleControls(row.entry.path)}
      >
        <RecordingRowContent entry={row.entry} flat={flat} query={query} />
      </div>
    );
  }
  return (
    <div
      role="treeitem"
      aria-expanded={row.expanded}
      aria-selected={selected}
      data-testid={`tree-${row.kind}`}
      className={base}
      style={indent}
      onClick={row.kind === 'test' ? onOpen : onToggle}
      title={visibleControls(row.label)}
    >
      <button
        type="button"
        tabIndex={-1}
        aria-label={row.expanded ? 'Collapse' : 'Expand'}
        className="w-4 shrink-0 text-zinc-400"
        onClick={(event) => {
          event.stopPropagation();
          onToggle();
        }}
      >
        {row.expanded ? '▾' : '▸'}
      </button>
      <span
        className={`truncate ${row.kind === 'suite' ? 'font-semibold' : ''} ${row.kind === 'file' || row.kind === 'variant' ? 'font-mono text-[12px]' : ''} ${row.kind === 'test' ? 'font-mono text-[12px] font-medium' : ''}`}
      >
        {visibleControls(row.label)}
      </span>
      <span className="ml-auto shrink-0 text-[11px] text-zinc-400">{row.count}</span>
    </div>
  );
}

/**
 * Enough of a file name to tell files apart: the first 8 characters of a
 * hash name, and for `models-<hash>-<suffix>.json` (every models list shares
 * its hash) the prefix and the suffix.
 */
function shortFileName(fileName: string): string {
  const stem = fileName.replace(/\.json$/i, '');
  const parts = stem.split('-');
  if (parts.length >= 3 && /^[0-9a-f]{16,}$/i.test(parts[1]!)) return `${parts[0]}…${parts.at(-1)!.slice(0, 8)}`;
  return stem.slice(0, 8);
}

function RecordingRowContent({ entry, flat, query }: { entry: IndexEntry; flat: boolean; query: string }) {
  const fileName = entry.path.slice(entry.path.lastIndexOf('/') + 1);
  const fields = query ? matchedFields(entry, query) : [];
  // A hash matched past the 8 characters shown is shown whole, so the match is visible.
  const short = shortFileName(fileName);
  const shownName = fields.includes('file') && !highlightsWithin(short, query) ? fileName.replace(/\.json$/i, '') : short;
  return (
    <>
      <KindBadge entry={entry} />
      <span className="min-w-0 flex-1 truncate">
        {flat && entry.testId ? (
          <span className="font-mono text-[12px]">
            <Highlighted text={visibleControls(entry.testId)} query={query} />
          </span>
        ) : (
          <span className="text-zinc-600 dark:text-zinc-400">
            {entry.preview ? <Highlighted text={visibleControls(entry.preview)} query={query} /> : <i>{entry.endpoint}</i>}
          </span>
        )}
      </span>
      {fields.length > 0 && (
        <span data-testid="match-field" className="shrink-0 rounded bg-amber-100 px-1 text-[10px] text-amber-900 dark:bg-amber-900/40 dark:text-amber-200">
          {fields.join(', ')}
        </span>
      )}
      <VerdictBadge entry={entry} />
      <span className="max-w-[40%] shrink-0 truncate font-mono text-[11px] text-zinc-400">
        <Highlighted text={visibleControls(shownName)} query={query} />
      </span>
    </>
  );
}

/**
 * Rows per list (by identity), mode and collapsed set. The whole folder's rows
 * are kept while a filter is typed and for the other mode, so clearing the
 * filter or switching back costs nothing: rebuilding the tree took a few
 * hundred milliseconds at 31,620 files.
 */
const rowsCache = new WeakMap<readonly IndexEntry[], { mode: Mode; collapsed: ReadonlySet<string>; expandAll: boolean; rows: TreeRow[] }[]>();

function cachedRows(entries: readonly IndexEntry[], mode: Mode, collapsed: ReadonlySet<string>, expandAll: boolean): { rows: TreeRow[]; ms: number } {
  const known = rowsCache.get(entries) ?? [];
  const hit = known.find((c) => c.mode === mode && c.collapsed === collapsed && c.expandAll === expandAll);
  if (hit) return { rows: hit.rows, ms: 0 };
  const built = timedRows(entries, mode, collapsed, expandAll);
  rowsCache.set(entries, [{ mode, collapsed, expandAll, rows: built.rows }, ...known].slice(0, 2));
  return built;
}

function timedRows(entries: readonly IndexEntry[], mode: Mode, collapsed: ReadonlySet<string>, expandAll: boolean): { rows: TreeRow[]; ms: number } {
  const started = performance.now();
  const rows: TreeRow[] =
    mode === 'flat'
      ? entries.map((entry) => ({ kind: 'recording', key: `r:${entry.path}`, label: entry.path, depth: 0, count: 1, entry }))
      : flattenTree(buildTree(entries), collapsed, expandAll);
  return { rows, ms: performance.now() - started };
}

function highlightsWithin(text: string, query: string): boolean {
  const lower = text.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .some((term) => term && lower.includes(term));
}
