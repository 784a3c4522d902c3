import { Button } from '../../shared/ui/Button';
import { useOpenFolder } from './useOpenFolder';
import { openFolderWithInputFallback } from './OpenFolderControls';
import { RecentFolders } from './RecentFolders';

/** Shown where a folder is needed but none is open, e.g. after a reload on a deep link. */
export function NoFolder({ compact = false, message }: { compact?: boolean; message?: string }) {
  const open = useOpenFolder();
  return (
    <div className={compact ? 'p-3 text-zinc-600 dark:text-zinc-400' : 'mx-auto max-w-lg p-8 text-zinc-600 dark:text-zinc-400'}>
      <p>{message ?? 'No folder is open. Recordings are read from your disk, so after a reload the folder has to be opened again.'}</p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button variant="primary" onClick={() => openFolderWithInputFallback(open.fromPicker)}>
          Open folder…
        </Button>
        <Button onClick={() => void open.fromSamples()}>Open sample recordings</Button>
      </div>
      {!compact && <RecentFolders />}
    </div>
  );
}
