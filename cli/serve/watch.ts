import { watch, type FSWatcher } from 'node:fs';
import type { FolderChangeEvent } from '../../src/core/served-folder/protocol';
import type { FolderIndex } from '../folder/folderIndex';

/** Editors and recorders write in bursts (temp file, rename, chmod): one refresh per burst. */
const SETTLE_MS = 150;
/** Where recursive watching is unavailable, the folder is re-checked this often instead. */
const POLL_MS = 2_000;

/**
 * Watches a served folder and reports every change as one event. Each burst of
 * file-system notifications leads to one re-walk comparing sizes and times, so
 * a missed or vague notification (platform differences) still ends correct.
 */
export function watchFolder(folder: FolderIndex, onChange: (event: FolderChangeEvent) => void, onProblem: (message: string) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  let again = false;
  let stopped = false;

  const refresh = async () => {
    timer = null;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const event = await folder.refresh();
      if (event && !stopped) onChange(event);
    } catch (error) {
      onProblem(`could not re-read ${folder.root}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
      if (again && !stopped) {
        again = false;
        schedule();
      }
    }
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void refresh(), SETTLE_MS);
  };

  let watcher: FSWatcher | null = null;
  let poller: ReturnType<typeof setInterval> | null = null;
  try {
    watcher = watch(folder.root, { recursive: true, persistent: false }, (_type, name) => {
      // Vendored folders are never listed, so their churn is not worth a re-walk.
      if (name && /(^|[\\/])(node_modules|\.git|\.venv)([\\/]|$)/.test(name)) return;
      schedule();
    });
    watcher.on('error', (error) => onProblem(`watching ${folder.root} stopped: ${error.message}`));
  } catch {
    poller = setInterval(() => void refresh(), POLL_MS);
    poller.unref();
  }
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    watcher?.close();
    if (poller) clearInterval(poller);
  };
}
