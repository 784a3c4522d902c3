/** Compare state: one zustand store, and the modules that act on it. */
export { useCompareState, getCompareState, type CompareSource, type CompareState, type LeftBehindState, type RunState, type PrState } from './compareStore';
export { requestPairDiff } from './compareWorkerClient';
export { setListing, reportSourceError, setSide, swapSides } from './folderActions';
export { loadPr, cancelPr, clearPrError } from './prLoader';
export { rememberedToken, setToken } from './tokenStorage';
