/** Human-readable quantities, one spelling across the app. */

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "1 error", "2 errors"; `many` defaults to `one` + "s". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** Seconds from Ollama's nanosecond durations (`total_duration`, `eval_duration`, …). */
export function formatNanoseconds(ns: number): string {
  return formatSeconds(ns / 1e9);
}

export function formatSeconds(seconds: number): string {
  if (seconds < 1) return `${(seconds * 1000).toFixed(seconds < 0.01 ? 2 : 0)} ms`;
  return `${seconds.toFixed(seconds < 10 ? 2 : 1)} s`;
}

/** Epoch seconds (OpenAI `created`) as an ISO date and time in UTC; undefined when not plausible. */
export function formatEpochSeconds(seconds: number): string | undefined {
  // Before 2000 or after 2100 is not a creation time but some other number.
  if (!Number.isFinite(seconds) || seconds < 946_684_800 || seconds > 4_102_444_800) return undefined;
  return new Date(seconds * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}
