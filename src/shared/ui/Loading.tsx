/** A spinner with a sentence saying what is being waited for. */
export function Loading({ what }: { what: string }) {
  return (
    <div className="flex items-center gap-2 p-6 text-zinc-500" role="status">
      <span className="h-3 w-3 animate-spin rounded-full border-2 border-zinc-300 border-t-indigo-500" />
      {what}
    </div>
  );
}
