export { openServedFolder } from './openServedFolder';
export { ServedFolderLive } from './ServedFolderLive';
