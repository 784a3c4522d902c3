import { useState } from 'react';

/**
 * A lazily expanded JSON tree: only expanded nodes render, so a 1 MB file
 * opens at once and a 3,000-level-deep object costs one row per level the
 * user actually opens. Strings render as text, never as markup.
 */
export function JsonTree({ value, name, defaultDepth = 1 }: { value: unknown; name?: string; defaultDepth?: number }) {
  return (
    <div className="font-mono text-[12px] leading-5">
      <JsonNode name={name} value={value} depth={0} defaultDepth={defaultDepth} />
    </div>
  );
}

const CHILD_PAGE = 200;
const LONG_STRING = 2000;

function JsonNode({ name, value, depth, defaultDepth }: { name?: string; value: unknown; depth: number; defaultDepth: number }) {
  const container = value !== null && typeof value === 'object';
  const [open, setOpen] = useState(depth < defaultDepth);
  const [shown, setShown] = useState(CHILD_PAGE);
  const label = name !== undefined ? <span className="text-violet-700 dark:text-violet-300">{JSON.stringify(name)}: </span> : null;
  if (!container) {
    return (
      <div style={{ paddingLeft: depth ? 14 : 0 }}>
        {label}
        <Scalar value={value} />
      </div>
    );
  }
  const isArray = Array.isArray(value);
  const entries: [string, unknown][] = isArray
    ? (value as unknown[]).map((v, i) => [String(i), v])
    : Object.entries(value as Record<string, unknown>);
  const summary = isArray ? `[${entries.length}]` : `{${entries.length} ${entries.length === 1 ? 'key' : 'keys'}}`;
  return (
    <div style={{ paddingLeft: depth ? 14 : 0 }}>
      <button
        type="button"
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        className="text-left hover:bg-zinc-100 dark:hover:bg-zinc-800"
      >
        <span className="inline-block w-3 text-zinc-400">{open ? '▾' : '▸'}</span>
        {label}
        <span className="text-zinc-500">{summary}</span>
      </button>
      {open && (
        <div className="border-l border-zinc-200 dark:border-zinc-800">
          {entries.slice(0, shown).map(([key, child]) => (
            <JsonNode key={key} name={isArray ? undefined : key} value={child} depth={depth + 1} defaultDepth={defaultDepth} />
          ))}
          {entries.length > shown && (
            <button type="button" className="pl-4 text-indigo-600 underline" onClick={() => setShown(shown + CHILD_PAGE * 5)}>
              show {Math.min(CHILD_PAGE * 5, entries.length - shown)} more of {entries.length - shown}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

function Scalar({ value }: { value: unknown }) {
  const [full, setFull] = useState(false);
  if (typeof value === 'string') {
    const text = JSON.stringify(full ? value : value.slice(0, LONG_STRING));
    return (
      <span className="break-all text-emerald-700 dark:text-emerald-400">
        {text}
        {!full && value.length > LONG_STRING && (
          <button type="button" className="ml-1 text-indigo-600 underline" onClick={() => setFull(true)}>
            show all {value.length.toLocaleString()} chars
          </button>
        )}
      </span>
    );
  }
  if (typeof value === 'number') return <span className="text-blue-700 dark:text-blue-400">{String(value)}</span>;
  if (typeof value === 'boolean') return <span className="text-amber-700 dark:text-amber-400">{String(value)}</span>;
  return <span className="text-zinc-500">null</span>;
}

const NON_FINITE = '\u0000non-finite:';
const NON_FINITE_TEXT = /"\\u0000non-finite:(NaN|-?Infinity)"/g;

/** Keeps NaN and ±Infinity (Python's json writes them bare; JSON.stringify would say null). */
function markNonFinite(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? NON_FINITE + String(value) : value;
}

/**
 * JSON.stringify for the small values the views show (parameters, arguments):
 * NaN and ±Infinity are written bare as Python writes them, and very deep
 * input falls back to a message.
 */
export function safeStringify(value: unknown, indent?: number): string {
  try {
    const text = JSON.stringify(value, markNonFinite, indent) ?? String(value);
    return text.includes('non-finite:') ? text.replace(NON_FINITE_TEXT, '$1') : text;
  } catch (error) {
    return `(cannot be shown as JSON: ${(error as Error).message})`;
  }
}
