/**
 * Replay keys are computed while indexing unless the page was opened with
 * `?keys=off` (the bench measures the load both ways). Read once: the URL
 * changes as the user navigates, the setting should not.
 */
let enabled: boolean | null = null;

export function replayKeysEnabled(): boolean {
  if (enabled === null) {
    try {
      enabled = new URLSearchParams(globalThis.location?.search ?? '').get('keys') !== 'off';
    } catch {
      enabled = true;
    }
  }
  return enabled;
}
