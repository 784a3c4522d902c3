import { useFolderState } from '../../state/folderStore';
import { plural } from '../../core/units/units';

/** Every file that could not be read as a recording, with its path and why; the rest loads regardless. */
export function LoadErrors() {
  const folder = useFolderState();
  if (folder.errors.length === 0) return null;
  return (
    <details open className="max-h-[40%] shrink-0 overflow-auto border-t border-zinc-200 text-xs dark:border-zinc-800">
      <summary className="cursor-pointer select-none px-3 py-1.5 font-medium text-amber-700 dark:text-amber-400">
        {plural(folder.errors.length, 'file')} could not be read as recordings
      </summary>
      <ul data-testid="load-errors" className="space-y-1 px-3 pb-2">
        {folder.errors.map((error) => (
          <li key={error.path} data-testid="load-error" data-path={error.path} className="break-all">
            <span className="font-mono text-zinc-800 dark:text-zinc-200">{error.path}</span>
            <span className="text-zinc-500"> — {error.reason}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
