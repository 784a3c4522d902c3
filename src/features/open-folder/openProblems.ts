import { useSyncExternalStore } from 'react';

/** Problems opening a folder (denied permission, a file dropped instead of a folder) shown as one dismissible banner. */
let problem: string | null = null;
const listeners = new Set<() => void>();

export function reportOpenProblem(message: string | null) {
  problem = message;
  listeners.forEach((l) => l());
}

export function useOpenProblem(): string | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => problem,
  );
}
