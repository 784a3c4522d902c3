import { reportOpenProblem, useOpenProblem } from './openProblems';

export function OpenProblemBanner() {
  const problem = useOpenProblem();
  if (!problem) return null;
  return (
    <div role="alert" className="flex items-center gap-3 border-b border-amber-300 bg-amber-50 px-3 py-1.5 text-amber-900 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-200">
      <span className="flex-1">{problem}</span>
      <button type="button" className="text-xs underline" onClick={() => reportOpenProblem(null)}>
        Dismiss
      </button>
    </div>
  );
}
