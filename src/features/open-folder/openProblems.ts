import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

/**
 * Problems opening a folder (denied permission, a file dropped instead of a
 * folder), shown as one dismissible banner. The app's one store pattern:
 * a vanilla zustand store, read with `useStore`.
 */
interface OpenProblemState {
  problem: string | null;
}

export const openProblemStore = createStore<OpenProblemState>(() => ({ problem: null }));

/** Shows `message` in the banner; `null` dismisses it. */
export function reportOpenProblem(message: string | null) {
  openProblemStore.setState({ problem: message });
}

export function useOpenProblem(): string | null {
  return useStore(openProblemStore, (state) => state.problem);
}
