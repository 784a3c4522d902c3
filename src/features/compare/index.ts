// The compare feature's public face: the app imports from here only.
export { ComparePage } from './ComparePage';
// A folder pair chosen outside the page (the command line's `--compare BASE`).
export { setSide as setCompareSide } from './state';
