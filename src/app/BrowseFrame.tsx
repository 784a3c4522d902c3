import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { BrowseLayout } from '../features/browse';
import { isBrowseWhenLoaded, takeBrowseWhenLoaded } from '../features/open-folder';
import { useFolderState } from '../state/folderStore';
import { StartPage } from './StartPage';
import { paths } from '../config/paths';

/**
 * The start page and the browser share one frame, so a folder opened from
 * the start page is listed at once, and the list stays mounted (scroll,
 * expanded groups) when the URL moves on to /browse after indexing.
 */
export function BrowseFrame() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const folder = useFolderState();
  const atHome = pathname === paths.home();
  const listingAtHome = atHome && isBrowseWhenLoaded() && folder.status !== 'idle';

  // Leaving for a page outside this frame (compare) during a load cancels the move to /browse.
  useEffect(() => () => void takeBrowseWhenLoaded(), []);

  useEffect(() => {
    if (!atHome) {
      takeBrowseWhenLoaded();
      return;
    }
    if (folder.status === 'loading' || folder.status === 'idle' || !isBrowseWhenLoaded()) return;
    takeBrowseWhenLoaded();
    navigate(paths.browse());
  }, [atHome, folder.status, navigate]);

  if (atHome && !listingAtHome) return <StartPage />;
  return <BrowseLayout />;
}
