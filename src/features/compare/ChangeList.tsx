import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ChangeCategory, CompareEntry } from '../../core/diff';
import { visibleControls } from '../../shared/visibleText';
import { CHANGE_STATUSES, rowKey, writeCompareParams, type ChangeGroup, type CompareParams, type FilteredChanges } from './changeList';
import type { LeftBehindState } from './state';
import { statusLook } from './StatusBadge';

/** Below this many rows every row is in the DOM (acceptance counts them); above it the list is virtualized. */
const VIRTUALIZE_ABOVE = 2000;

type Item = { type: 'group'; group: ChangeGroup; collapsed: boolean } | { type: 'row'; entry: CompareEntry };

export function ChangeList({
  filtered,
  params,
  search,
  onParams,
  leftBehind,
}: {
  filtered: FilteredChanges;
  params: CompareParams;
  search: URLSearchParams;
  onParams: (patch: Partial<CompareParams>, push?: boolean) => void;
  leftBehind: LeftBehindState;
}) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const items = useMemo(() => {
    const out: Item[] = [];
    for (const group of filtered.groups) {
      const closed = collapsed.has(group.key);
      out.push({ type: 'group', group, collapsed: closed });
      if (!closed) for (const entry of group.rows) out.push({ type: 'row', entry });
    }
    return out;
  }, [filtered.groups, collapsed]);
  const virtual = filtered.rows.length > VIRTUALIZE_ABOVE;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: virtual ? items.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (items[i]?.type === 'group' ? 28 : 40),
    overscan: 12,
  });

  const toggle = (key: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const hrefFor = (key: string) => `?${writeCompareParams(search, { sel: key, view: 'diff' }).toString()}`;

  const selectedIndex = items.findIndex((it) => it.type === 'row' && rowKey(it.entry) === params.sel);
  useEffect(() => {
    if (selectedIndex < 0) return;
    if (virtual) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
    else scrollRef.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selectedIndex, virtual, virtualizer]);

  // Key presses can outrun the URL: the next press starts from the row the last one chose, not the last render.
  const cursor = useRef(params.sel);
  useEffect(() => {
    cursor.current = params.sel;
  }, [params.sel]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'j' && event.key !== 'k' && event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    if (event.target instanceof HTMLInputElement) return;
    const rows = items.filter((it): it is Extract<Item, { type: 'row' }> => it.type === 'row').map((it) => rowKey(it.entry));
    if (rows.length === 0) return;
    event.preventDefault();
    const at = cursor.current === null ? -1 : rows.indexOf(cursor.current);
    const down = event.key === 'j' || event.key === 'ArrowDown';
    const next = rows[down ? Math.min(rows.length - 1, at + 1) : Math.max(0, at - 1)]!;
    cursor.current = next;
    onParams({ sel: next, view: 'diff' });
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>('[aria-current="true"]')?.focus());
  };

  const renderItem = (item: Item) =>
    item.type === 'group' ? (
      <GroupHeader group={item.group} collapsed={item.collapsed} onToggle={toggle} />
    ) : (
      <ChangeRow entry={item.entry} selected={rowKey(item.entry) === params.sel} href={hrefFor(rowKey(item.entry))} />
    );

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div
        ref={scrollRef}
        onKeyDown={onKeyDown}
        role="list"
        aria-label="Changed recordings, grouped by test"
        data-testid="diff-list"
        data-virtual={virtual ? 'true' : 'false'}
        className="min-h-0 flex-1 overflow-auto"
      >
        {items.length === 0 && (
          <p className="p-4 text-[12px] text-zinc-500">
            {filtered.hiddenNoise > 0 ? 'Only noise-only changes match; show them with the toggle above.' : 'No changes match.'}
          </p>
        )}
        {virtual ? (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((v) => (
              <div key={v.key} data-index={v.index} ref={virtualizer.measureElement} style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${v.start}px)` }}>
                {renderItem(items[v.index]!)}
              </div>
            ))}
          </div>
        ) : (
          items.map((item) => <div key={item.type === 'group' ? `g:${item.group.key}` : `r:${rowKey(item.entry)}`}>{renderItem(item)}</div>)
        )}
      </div>
      <LeftBehindList state={leftBehind} selected={params.sel} hrefFor={hrefFor} />
    </div>
  );
}

const GroupHeader = memo(function GroupHeader({ group, collapsed, onToggle }: { group: ChangeGroup; collapsed: boolean; onToggle: (key: string) => void }) {
  const counts = CHANGE_STATUSES.map((s) => [s, group.rows.filter((r) => r.status === s).length] as const).filter(([, n]) => n > 0);
  return (
    <button
      type="button"
      data-testid="diff-group"
      data-test-id={group.testId ?? ''}
      aria-expanded={!collapsed}
      onClick={() => onToggle(group.key)}
      title={group.testId ?? 'Calls made outside a test'}
      className="sticky top-0 z-[1] flex w-full items-center gap-1.5 border-b border-zinc-200 bg-zinc-100/95 px-2 py-1 text-left text-[12px] backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/95"
    >
      <span className="inline-block w-3 shrink-0 text-zinc-400">{collapsed ? '▸' : '▾'}</span>
      <span className="min-w-0 flex-1 truncate font-mono text-zinc-800 dark:text-zinc-200">
        {group.testId ? <TestIdLabel testId={group.testId} /> : <span className="font-sans italic text-zinc-500">no test id</span>}
      </span>
      {counts.map(([s, n]) => (
        <span key={s} title={`${n} ${s}`} className={`shrink-0 font-mono text-[11px] ${letterColor[s]}`}>
          {statusLook[s].letter}
          {n}
        </span>
      ))}
    </button>
  );
});

/** The function and params first (what differs between groups), then the file, dimmed; the full id is in the title. */
function TestIdLabel({ testId }: { testId: string }) {
  const sep = testId.indexOf('::');
  if (sep < 0) return <span className="font-medium">{visibleControls(testId)}</span>;
  const file = testId.slice(0, sep);
  return (
    <>
      <span className="font-medium">{visibleControls(testId.slice(sep + 2))}</span>
      <span className="pl-1.5 text-zinc-500">{visibleControls(file.slice(file.lastIndexOf('/') + 1))}</span>
    </>
  );
}

const letterColor: Record<string, string> = {
  added: 'text-emerald-700 dark:text-emerald-400',
  removed: 'text-red-700 dark:text-red-400',
  modified: 'text-amber-700 dark:text-amber-400',
  rekeyed: 'text-violet-700 dark:text-violet-400',
  unchanged: 'text-zinc-500',
};

function fileName(path: string | undefined): string {
  if (!path) return '';
  return path.slice(path.lastIndexOf('/') + 1);
}

function folderOf(path: string | undefined): string {
  if (!path) return '';
  return path.slice(0, path.lastIndexOf('/') + 1);
}

const ChangeRow = memo(function ChangeRow({ entry, selected, href }: { entry: CompareEntry; selected: boolean; href: string }) {
  const look = statusLook[entry.status];
  const path = entry.headPath ?? entry.basePath ?? '';
  return (
    <Link
      to={href}
      role="listitem"
      data-testid="diff-row"
      data-status={entry.status}
      data-test-id={entry.testId ?? ''}
      data-base-path={entry.basePath ?? ''}
      data-head-path={entry.headPath ?? ''}
      data-noise-only={entry.noiseOnly ? 'true' : 'false'}
      data-categories={(entry.categories ?? []).join(' ')}
      aria-current={selected ? 'true' : undefined}
      title={entry.status === 'rekeyed' ? `${entry.basePath} → ${entry.headPath}` : path}
      className={`flex items-start gap-2 border-b border-zinc-100 py-1 pl-6 pr-2 dark:border-zinc-800/60 ${
        selected ? 'bg-indigo-100 dark:bg-indigo-950/60' : 'hover:bg-zinc-100 dark:hover:bg-zinc-900'
      }`}
    >
      <span title={look.hint} aria-label={look.label} className={`mt-px w-3 shrink-0 font-mono text-[12px] font-bold ${letterColor[entry.status]}`}>
        {look.letter}
      </span>
      <span className="min-w-0 flex-1">
        <span className="flex min-w-0 items-baseline gap-1.5">
          {entry.status === 'rekeyed' ? (
            <span className="min-w-0 truncate font-mono text-[12px]">
              <span className="text-zinc-500 line-through decoration-zinc-400">{shortHash(fileName(entry.basePath))}</span>
              <span className="px-1 text-zinc-400">→</span>
              {shortHash(fileName(entry.headPath))}
            </span>
          ) : (
            <span className="min-w-0 truncate font-mono text-[12px]">{visibleControls(fileName(path))}</span>
          )}
          <CategoryBadges categories={entry.categories} />
        </span>
        <span className="flex min-w-0 gap-2 text-[11px] text-zinc-500">
          <span className="truncate font-mono">{visibleControls(entry.endpoint ?? '')}</span>
          <span className="ml-auto shrink-0 truncate font-mono" title={folderOf(path)}>
            {visibleControls(lastFolder(path))}
          </span>
        </span>
      </span>
    </Link>
  );
});

function lastFolder(path: string): string {
  const parts = path.split('/');
  return parts.length > 2 ? `${parts[parts.length - 3]}/${parts[parts.length - 2]}/` : parts.length > 1 ? `${parts[0]}/` : '';
}

/** Hash-named files are told apart by their first characters; the full name is in the title and the detail. */
function shortHash(name: string): string {
  const m = /^([0-9a-f]{12})[0-9a-f]{20,}(\.json)$/i.exec(name);
  return visibleControls(m ? `${m[1]}…${m[2]}` : name);
}

const categoryLook: Record<ChangeCategory, { label: string; className: string; hint: string }> = {
  answer: { label: 'answer', className: 'bg-rose-100 text-rose-900 dark:bg-rose-950/70 dark:text-rose-200', hint: 'The assembled text, reasoning or error differs' },
  tools: { label: 'tools', className: 'bg-orange-100 text-orange-900 dark:bg-orange-950/70 dark:text-orange-200', hint: 'The response tool calls (name or arguments) differ' },
  request: { label: 'request', className: 'bg-sky-100 text-sky-900 dark:bg-sky-950/70 dark:text-sky-200', hint: 'The request payload differs (noise excluded)' },
  'metadata-only': { label: 'metadata', className: 'bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300', hint: 'Only usage, headers, model version or chunking changed' },
  'noise-only': { label: 'noise only', className: 'bg-zinc-100 text-zinc-600 dark:bg-zinc-800/70 dark:text-zinc-400', hint: 'Only ids, timestamps and fingerprints changed' },
};

export function CategoryBadges({ categories }: { categories: readonly ChangeCategory[] | undefined }) {
  if (!categories || categories.length === 0) return null;
  return (
    <span className="flex shrink-0 gap-0.5">
      {categories.map((c) => (
        <span key={c} title={categoryLook[c].hint} className={`rounded px-1 text-[10.5px] font-medium leading-4 ${categoryLook[c].className}`}>
          {categoryLook[c].label}
        </span>
      ))}
    </span>
  );
}

/** Files the change left behind, from replay keys, each with its reason; or why they are not known. */
function LeftBehindList({ state, selected, hrefFor }: { state: LeftBehindState; selected: string | null; hrefFor: (key: string) => string }) {
  const [open, setOpen] = useState(false);
  if (state.status === 'idle') return null;
  if (state.status !== 'done') {
    return (
      <p data-testid="left-behind-status" data-state={state.status} className="shrink-0 border-t border-zinc-200 px-2 py-1 text-[11.5px] text-zinc-500 dark:border-zinc-800">
        {state.status === 'computing' ? 'Left behind: computing replay keys of the touched tests…' : `Left behind: ${state.reason}`}
      </p>
    );
  }
  const files = state.files;
  if (files.length === 0) {
    return (
      <p data-testid="left-behind-status" data-state="done" className="shrink-0 border-t border-zinc-200 px-2 py-1 text-[11.5px] text-zinc-500 dark:border-zinc-800">
        Nothing left behind: every file of the touched tests can still be replayed.
      </p>
    );
  }
  return (
    <section data-testid="left-behind" data-count={files.length} className="max-h-[40%] shrink-0 overflow-auto border-t border-zinc-200 dark:border-zinc-800">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className="sticky top-0 flex w-full items-center gap-1.5 bg-amber-50 px-2 py-1 text-left text-[12px] text-amber-900 dark:bg-amber-950/60 dark:text-amber-200"
      >
        <span className="inline-block w-3 text-amber-500">{open ? '▾' : '▸'}</span>
        <span className="shrink-0 whitespace-nowrap font-medium">{files.length.toLocaleString()} left behind</span>
        <span className="min-w-0 truncate text-amber-800/80 dark:text-amber-300/70">in the touched tests: cannot be replayed, or superseded</span>
      </button>
      {open && (
        <ul>
          {files.map((f) => (
            <li key={f.path}>
              <Link
                to={hrefFor(f.path)}
                data-testid="left-behind-row"
                data-path={f.path}
                data-test-id={f.testId}
                data-verdict={f.verdict ?? ''}
                aria-current={f.path === selected ? 'true' : undefined}
                className={`block px-2 py-0.5 pl-6 text-[11.5px] ${f.path === selected ? 'bg-indigo-100 dark:bg-indigo-950/60' : 'hover:bg-zinc-100 dark:hover:bg-zinc-900'}`}
                title={`${f.path}\n${f.testId}`}
              >
                <span className="block truncate font-mono">{visibleControls(shortHash(fileName(f.path)))}</span>
                <span className="block truncate text-zinc-500">{visibleControls(f.reason)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
