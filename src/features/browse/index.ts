// The browse feature's public face: the app imports from here only.
export { BrowseLayout, BrowseEmpty } from './BrowseLayout';
