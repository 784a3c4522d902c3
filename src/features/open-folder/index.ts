// The open-folder feature's public face: the app and other features import from here only.
export { NoFolder } from './NoFolder';
export { OpenFolderButton, openFolderWithInputFallback } from './OpenFolderControls';
export { IndexStatus } from './IndexStatus';
export { PageDropZone } from './DropZone';
export { OpenProblemBanner } from './OpenProblemBanner';
export { RecentFolders } from './RecentFolders';
export { useOpenFolder, isBrowseWhenLoaded, takeBrowseWhenLoaded } from './useOpenFolder';
