import { useSearchParams } from 'react-router';
import { parseReplayFilter, REPLAY_FILTERS } from './verdicts';

/** The list's replay filter, kept in the URL (`?replay=dead|superseded|stale|none`) so it deep-links. */
export function ReplayFilterSelect() {
  const [params, setParams] = useSearchParams();
  const value = parseReplayFilter(params.get('replay'));
  return (
    <select
      data-testid="replay-filter"
      aria-label="Filter by replay state"
      value={value}
      onChange={(event) => {
        const next = new URLSearchParams(window.location.search);
        if (event.target.value) next.set('replay', event.target.value);
        else next.delete('replay');
        setParams(next, { replace: true });
      }}
      className="rounded border border-zinc-300 bg-white px-1 py-px text-xs dark:border-zinc-700 dark:bg-zinc-900"
    >
      {REPLAY_FILTERS.map((filter) => (
        <option key={filter.value} value={filter.value}>
          {filter.label}
        </option>
      ))}
    </select>
  );
}

export function useReplayFilterParam() {
  const [params] = useSearchParams();
  return parseReplayFilter(params.get('replay'));
}
