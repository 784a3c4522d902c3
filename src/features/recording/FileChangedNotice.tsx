import { getFolderState } from '../../state/folderStore';
import { Button } from '../../shared/ui/Button';
import { useOpenFolder } from '../open-folder';

/**
 * Files read through a picker handle can be re-listed in place; a folder
 * chosen through the file input must be chosen again (the browser gives no
 * way to re-read it).
 */
export function FileChangedNotice({ message }: { message: string }) {
  const source = getFolderState().source;
  const open = useOpenFolder();
  const reload = async () => {
    if (source?.directoryHandle) {
      await open.fromHandle(source.directoryHandle, source.kind);
    } else {
      document.getElementById('folder-input')?.click();
    }
  };
  return (
    <div role="alert" data-testid="file-changed" className="m-4 rounded border border-amber-300 bg-amber-50 p-4 text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-200">
      <p className="font-medium">{message}</p>
      <p className="mt-1 text-sm">Reload the folder to see the files as they are now.</p>
      <Button className="mt-3" variant="primary" onClick={() => void reload()}>
        Reload folder
      </Button>
    </div>
  );
}
