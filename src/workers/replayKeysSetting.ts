/**
 * When the index workers hash replay keys:
 * - `during`: each file as it is parsed, so the verdicts are complete with the
 *   index. Chosen where the machine has cores to spare (4 or more).
 * - `after`: once the index is complete, every worker its share. Chosen on
 *   fewer cores: with two, reading the files already keeps both busy, and
 *   hashing during the load measured 1.67x the read floor for the listing
 *   against 1.27x without, while hashing after it adds about 0.55 s.
 * - `off`: no keys (the bench measures the load without them).
 * `?keys=off|during|after` on the page URL chooses; read once, since the URL
 * changes as the user navigates and the setting should not.
 */
export type ReplayKeysMode = 'during' | 'after' | 'off';

let mode: ReplayKeysMode | null = null;

/** Cores at which hashing during the load leaves the reading its own. */
const CORES_FOR_KEYS_DURING_LOAD = 4;

export function replayKeysMode(): ReplayKeysMode {
  if (mode === null) {
    let asked: string | null = null;
    try {
      asked = new URLSearchParams(globalThis.location?.search ?? '').get('keys');
    } catch {
      asked = null;
    }
    if (asked === 'off' || asked === 'during' || asked === 'after') mode = asked;
    else mode = (globalThis.navigator?.hardwareConcurrency ?? 2) >= CORES_FOR_KEYS_DURING_LOAD ? 'during' : 'after';
  }
  return mode;
}

export function replayKeysEnabled(): boolean {
  return replayKeysMode() !== 'off';
}
