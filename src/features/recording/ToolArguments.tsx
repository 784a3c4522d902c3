import { useMemo } from 'react';
import { CopyButton } from '../../shared/ui/CopyButton';

/** The exact argument string, with a pretty view when it parses and a warning when it does not. */
export function ToolArguments({ args }: { args: string }) {
  const parsed = useMemo(() => {
    if (args.trim() === '') return { ok: true as const, pretty: '' };
    try {
      return { ok: true as const, pretty: JSON.stringify(JSON.parse(args), null, 2) };
    } catch (error) {
      return { ok: false as const, reason: (error as Error).message };
    }
  }, [args]);
  return (
    <div className="mt-1 grid gap-2 md:grid-cols-2">
      <div>
        <div className="flex items-center text-[11px] text-zinc-500">
          arguments (as recorded)
          <CopyButton text={args} label="arguments" className="ml-auto" />
        </div>
        <pre className="verbatim max-h-64 overflow-auto rounded bg-zinc-100 p-1.5 text-[12px] dark:bg-zinc-900">{args || '(empty)'}</pre>
      </div>
      <div>
        {parsed.ok ? (
          parsed.pretty && (
            <>
              <div className="text-[11px] text-zinc-500">parsed</div>
              <pre className="verbatim max-h-64 overflow-auto rounded bg-zinc-100 p-1.5 text-[12px] dark:bg-zinc-900">{parsed.pretty}</pre>
            </>
          )
        ) : (
          <div role="note" className="rounded border border-amber-300 bg-amber-50 p-1.5 text-[12px] text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-200">
            ⚠ The arguments are not valid JSON ({parsed.reason}); shown as recorded.
          </div>
        )}
      </div>
    </div>
  );
}
