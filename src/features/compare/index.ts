// The compare feature's public face: the app imports from here only.
export { ComparePage } from './ComparePage';
