/**
 * The per-frame playback clock, kept pure so it can be unit-tested and
 * benchmarked without a browser: given how much wall time passed since the
 * last frame, where does the cursor go next?
 *
 * Time is tracked in "stream milliseconds": wall time multiplied by the speed.
 * `carryMs` is stream time already spent waiting for the next chunk, so a
 * frame that ends halfway through a gap resumes there on the next frame
 * instead of rounding to whole chunks (which would drift at odd speeds).
 */

export interface PlaybackClock {
  /**
   * Recorded clock: `gaps[i]` is the stream time between showing chunk i-1
   * and chunk i (`gaps[0]` is the lead-in from "before the first chunk").
   * Null for a synthetic clock.
   */
  gaps: Float64Array | null;
  /** Synthetic pace in chunks per stream second (used when `gaps` is null). */
  rate: number;
}

export interface PlaybackState {
  /** -1 before the first chunk. */
  cursor: number;
  carryMs: number;
}

export interface StepResult extends PlaybackState {
  /** The cursor reached the last chunk: playback stops. */
  done: boolean;
}

/** A recorded stall longer than this plays as this long: a 40 s tool wait is not worth watching. */
export const DEFAULT_MAX_GAP_MS = 2000;
/**
 * A frame longer than this (a background tab, a debugger pause) counts as this
 * long, so coming back to the tab does not skip most of the stream at once.
 */
export const MAX_FRAME_MS = 250;
export const DEFAULT_SYNTHETIC_RATE = 30;

export function syntheticClock(rate = DEFAULT_SYNTHETIC_RATE): PlaybackClock {
  return { gaps: null, rate: rate > 0 && Number.isFinite(rate) ? rate : DEFAULT_SYNTHETIC_RATE };
}

/** From per-chunk offsets (ms since the first chunk), with long stalls clamped. */
export function recordedClock(offsets: ArrayLike<number>, maxGapMs = DEFAULT_MAX_GAP_MS): PlaybackClock {
  const n = offsets.length;
  const gaps = new Float64Array(n);
  for (let i = 1; i < n; i++) gaps[i] = Math.min(maxGapMs, Math.max(0, offsets[i]! - offsets[i - 1]!));
  return { gaps, rate: 0 };
}

/**
 * "As fast as possible": timing is ignored, at least one chunk per 60 Hz frame
 * and the whole stream within about two seconds, so a long stream still
 * visibly plays instead of jumping to its end.
 */
export function asapClock(total: number): PlaybackClock {
  return syntheticClock(Math.max(60, total / 2));
}

/** Total stream time from before the first chunk to the last one. */
export function clockDuration(clock: PlaybackClock, total: number): number {
  if (!clock.gaps) return (total * 1000) / clock.rate;
  let sum = 0;
  for (let i = 0; i < total; i++) sum += clock.gaps[i] ?? 0;
  return sum;
}

export function stepPlayback(
  state: PlaybackState,
  elapsedMs: number,
  speed: number,
  clock: PlaybackClock,
  total: number,
): StepResult {
  const last = total - 1;
  let cursor = Math.min(Math.max(state.cursor, -1), last);
  if (cursor >= last) return { cursor: last, carryMs: 0, done: true };
  const wall = Math.min(Math.max(elapsedMs, 0), MAX_FRAME_MS);
  let budget = state.carryMs + wall * (speed > 0 ? speed : 0);

  if (!clock.gaps) {
    const gap = 1000 / clock.rate;
    const steps = Math.min(last - cursor, Math.floor(budget / gap));
    cursor += steps;
    budget -= steps * gap;
  } else {
    // Linear in chunks advanced this frame, never in stream length.
    while (cursor < last) {
      const gap = clock.gaps[cursor + 1] ?? 0;
      if (budget < gap) break;
      budget -= gap;
      cursor++;
    }
  }
  if (cursor >= last) return { cursor: last, carryMs: 0, done: true };
  return { cursor, carryMs: budget, done: false };
}
