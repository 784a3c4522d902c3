import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { sourceFromDirectoryHandle, pickDirectory } from '../../sources/directoryHandle';
import { sourceFromDrop } from '../../sources/drop';
import { sourceFromFileList } from '../../sources/fileList';
import { sourceFromSamples } from '../../sources/samples';
import type { FolderSource } from '../../sources/types';
import { beginListing, loadFolder } from '../../state/folderStore';
import { prefetchFolderCache } from '../../state/indexCache';
import { reportOpenProblem } from './openProblems';
import { paths } from '../../config/paths';

/**
 * A folder opened from the start page is listed right there while it loads;
 * the URL moves to /browse once it is indexed. history.pushState waits on the
 * browser process, which is busy serving thousands of reads during a load, so
 * changing the URL at the start would hold up the load itself.
 */
let browseWhenLoaded = false;

export function takeBrowseWhenLoaded(): boolean {
  const pending = browseWhenLoaded;
  browseWhenLoaded = false;
  return pending;
}

export function isBrowseWhenLoaded(): boolean {
  return browseWhenLoaded;
}

/**
 * All the ways to open a folder end in `loadFolder`, so they end in the same
 * state. After opening from the start page the browser is shown; a deep link
 * (/r/..., /t/...) stays where it is so the recording appears once indexed.
 */
export function useOpenFolder() {
  const navigate = useNavigate();
  const location = useLocation();

  const start = useCallback(
    (source: FolderSource, startedAt: number) => {
      browseWhenLoaded = location.pathname === paths.home();
      if (location.pathname === paths.compare()) navigate(paths.browse());
      void loadFolder(source, startedAt);
    },
    [location.pathname, navigate],
  );

  const fromFileList = useCallback(
    (files: FileList | null) => {
      const startedAt = performance.now();
      if (!files || files.length === 0) return;
      const source = sourceFromFileList(files);
      start(source, startedAt);
    },
    [start],
  );

  const fromHandle = useCallback(
    async (handle: FileSystemDirectoryHandle, kind: FolderSource['kind'] = 'picker') => {
      const startedAt = performance.now();
      prefetchFolderCache(handle.name);
      const endListing = beginListing(handle.name);
      try {
        start(await sourceFromDirectoryHandle(handle, kind), startedAt);
      } catch (error) {
        endListing();
        reportOpenProblem(`Could not read the folder “${handle.name}”: ${String(error)}`);
      }
    },
    [start],
  );

  const fromPicker = useCallback(async () => {
    try {
      const handle = await pickDirectory();
      if (handle) await fromHandle(handle, 'picker');
    } catch (error) {
      reportOpenProblem(`The folder picker failed: ${String(error)}`);
    }
  }, [fromHandle]);

  const fromDrop = useCallback(
    async (dataTransfer: DataTransfer) => {
      const startedAt = performance.now();
      const endListing = beginListing('dropped folder');
      try {
        const source = await sourceFromDrop(dataTransfer);
        if (!source) {
          endListing();
          reportOpenProblem('Drop a folder (not single files) to open it.');
          return;
        }
        start(source, startedAt);
      } catch (error) {
        endListing();
        reportOpenProblem(`Could not read the dropped folder: ${String(error)}`);
      }
    },
    [start],
  );

  const fromSamples = useCallback(async () => {
    const startedAt = performance.now();
    try {
      start(await sourceFromSamples(), startedAt);
    } catch (error) {
      reportOpenProblem(`Could not load the sample recordings: ${String(error)}`);
    }
  }, [start]);

  const fromRecent = useCallback(
    async (handle: FileSystemDirectoryHandle) => {
      const permitted = handle as FileSystemDirectoryHandle & {
        queryPermission?: (o: object) => Promise<PermissionState>;
        requestPermission?: (o: object) => Promise<PermissionState>;
      };
      try {
        let permission = (await permitted.queryPermission?.({ mode: 'read' })) ?? 'granted';
        if (permission !== 'granted') permission = (await permitted.requestPermission?.({ mode: 'read' })) ?? 'denied';
        if (permission !== 'granted') {
          reportOpenProblem(`Permission to read “${handle.name}” was not granted.`);
          return;
        }
        await fromHandle(handle, 'picker');
      } catch (error) {
        reportOpenProblem(`Could not re-open “${handle.name}”: ${String(error)} — it may have been moved or deleted.`);
      }
    },
    [fromHandle],
  );

  return { fromFileList, fromPicker, fromDrop, fromSamples, fromRecent, fromHandle };
}
