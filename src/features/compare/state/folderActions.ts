/** Choosing, listing and swapping the two folders; a comparison starts once both are there. */
import type { Side } from '../protocol';
import { compareStore, idlePr, idleRun, patchCompare, type CompareSource, type CompareState } from './compareStore';
import { startRun, stopWorker } from './compareWorkerClient';
import { abortPrLoad } from './prLoader';

/** When the first of the two folders was chosen: the clock starts at the later choice (waiting for the user is not load time). */
let chosenAt: number | null = null;

export function setListing(side: Side, listing: boolean): void {
  patchCompare({ listing: { ...compareStore.getState().listing, [side]: listing } });
}

export function reportSourceError(message: string | null): void {
  patchCompare({ sourceError: message });
}

/** A folder for one side; once both are there the comparison starts. A PR shown before is dropped. */
export function setSide(side: Side, source: CompareSource): void {
  const startedAt = performance.now();
  abortPrLoad();
  const state = compareStore.getState();
  const fromPr = state.origin === 'pr';
  const next: CompareState = {
    ...state,
    origin: 'folders',
    base: fromPr ? null : state.base,
    head: fromPr ? null : state.head,
    listing: { ...state.listing, [side]: false },
    sourceError: null,
    pr: fromPr ? idlePr : state.pr,
    run: fromPr ? idleRun : state.run,
    [side]: source,
  };
  if (fromPr) stopWorker();
  compareStore.setState(next);
  chosenAt ??= startedAt;
  if (next.base && next.head) {
    const from = chosenAt;
    chosenAt = null;
    startRun(next.base, next.head, Math.max(from, startedAt), { leftBehind: true });
  }
}

export function swapSides(): void {
  const state = compareStore.getState();
  if (state.origin !== 'folders' || (!state.base && !state.head)) return;
  const { base, head } = state;
  compareStore.setState({ base: head, head: base });
  if (base && head) startRun(head, base, performance.now(), { leftBehind: true });
}
