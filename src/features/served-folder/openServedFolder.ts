import { fetchServedIndex, fetchServedKeys, servedSession } from '../../sources/server';
import { applyReplayKeys, getFolderState, loadIndexedFolder } from '../../state/folderStore';
import { setCompareSide } from '../compare';

/**
 * When the page was served by `recording-inspector DIR`, loads DIR at once,
 * without a picker, and, with `--compare BASE`, sets Compare to BASE vs DIR.
 * Called before the first render, so the index download overlaps React's start.
 * Returns whether the page is served that way.
 */
export function openServedFolder(): boolean {
  const session = servedSession();
  if (!session) return false;
  const head = fetchServedIndex('head');
  head.catch(() => undefined);
  // Measured from the page's start: nothing before it is the user's wait.
  void loadIndexedFolder(session.head.name, () => head, 0).then(async () => {
    const loaded = getFolderState();
    if (loaded.status !== 'done' || !loaded.keysPending) return;
    try {
      applyReplayKeys(loaded.loadId, await fetchServedKeys('head'));
    } catch {
      // Without keys the replay views say so; the listing itself is complete.
    }
  });
  if (session.base) {
    const base = fetchServedIndex('base');
    void Promise.all([base, head]).then(
      ([baseIndex, headIndex]) => {
        setCompareSide('base', baseIndex.source);
        setCompareSide('head', headIndex.source);
      },
      () => undefined, // the folder store reports a failed head; Compare stays as it is
    );
  }
  return true;
}
