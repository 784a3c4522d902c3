import { useRef } from 'react';
import { hasDirectoryPicker } from '../../sources/directoryHandle';
import { Button } from '../../shared/ui/Button';
import { useOpenFolder } from './useOpenFolder';

/**
 * The one `folder-input` of the page lives here (the header), hidden behind
 * the button. Where the File System Access picker exists the button uses it,
 * so the folder can be re-opened later in one click.
 */
export function OpenFolderButton({ variant = 'secondary' }: { variant?: 'primary' | 'secondary' }) {
  const open = useOpenFolder();
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button
        variant={variant}
        onClick={() => (hasDirectoryPicker() ? void open.fromPicker() : inputRef.current?.click())}
        title="Open a folder of recordings (tests/integration, a suite, or a recordings/ folder)"
      >
        Open folder…
      </Button>
      <input
        ref={inputRef}
        id="folder-input"
        data-testid="folder-input"
        type="file"
        aria-label="Choose a recordings folder"
        className="sr-only"
        tabIndex={-1}
        multiple
        {...{ webkitdirectory: '', directory: '' }}
        onChange={(event) => {
          open.fromFileList(event.currentTarget.files);
          event.currentTarget.value = '';
        }}
      />
    </>
  );
}

/** For places other than the header: opens the header's input when there is no picker. */
export function openFolderWithInputFallback(fromPicker: () => Promise<void>) {
  if (hasDirectoryPicker()) void fromPicker();
  else document.getElementById('folder-input')?.click();
}
