import type { StreamTrack } from '../recording/types';

/**
 * What a stream's timestamps can tell us. Recent recordings are normalized
 * (`created: 0`, Ollama `created_at` at the epoch) so every chunk carries the
 * same value: that is no timing at all, and playback must not pretend
 * otherwise. Only timestamps that differ between chunks count as recorded.
 */
export type TimingSource = 'recorded' | 'synthetic';

/**
 * Why a stream falls back to the synthetic clock:
 * `absent` no chunk carries a timestamp; `normalized` every chunk carries the
 * same epoch-zero value the recorder writes; `constant` every chunk carries the
 * same real-looking value; `single` there are fewer than two chunks with one.
 */
export type SyntheticReason = 'absent' | 'normalized' | 'constant' | 'single';

/** `second`: every timestamp is a whole second (OpenAI `created`), so gaps are 0 or multiples of 1 s. */
export type TimingResolution = 'second' | 'fine';

export interface StreamTiming {
  source: TimingSource;
  /** Set when `source` is `synthetic`. */
  reason?: SyntheticReason;
  /** Set when `source` is `recorded`. */
  resolution?: TimingResolution;
  /** Epoch ms of the first chunk with a timestamp (recorded only). */
  firstTimestamp: number | null;
  /**
   * Per chunk, ms since the first chunk as recorded, made monotonic; chunks
   * without a timestamp arrive with the previous one. Null when synthetic.
   */
  offsets: Float64Array | null;
  /**
   * The clock playback follows. Equal to `offsets`, except at second
   * resolution: chunks sharing a second are spread evenly over it, because the
   * file says only which second they arrived in, and bursts of 30 chunks
   * followed by a 1 s stall would misrepresent the stream more than an even spread.
   */
  playOffsets: Float64Array | null;
  /** First chunk that adds text, reasoning or tool arguments; -1 when none does. */
  firstTokenIndex: number;
  /** Time from the first chunk to `firstTokenIndex` (recorded only). */
  ttftMs: number | null;
  /** Time from the first chunk to the last (recorded only). */
  durationMs: number | null;
  /** Chunk arrivals per second over `durationMs` (recorded only, null when the duration is 0). */
  chunksPerSecond: number | null;
}

/** The epoch-zero values normalizers write: `created: 0`, `1970-01-01T00:00:00Z`. */
const NORMALIZED_MAX_MS = 1000;

type TokenTrack = Pick<StreamTrack, 'textEnd' | 'reasoningEnd' | 'toolArgsEnd'>;

export function findFirstTokenIndex(track: TokenTrack): number {
  const n = track.textEnd.length;
  let text = 0;
  let reasoning = 0;
  const tools = track.toolArgsEnd.map(() => 0);
  for (let i = 0; i < n; i++) {
    if ((track.textEnd[i] ?? 0) > text || (track.reasoningEnd[i] ?? 0) > reasoning) return i;
    for (let k = 0; k < track.toolArgsEnd.length; k++) {
      if ((track.toolArgsEnd[k]?.[i] ?? 0) > (tools[k] ?? 0)) return i;
    }
    text = track.textEnd[i] ?? text;
    reasoning = track.reasoningEnd[i] ?? reasoning;
  }
  return -1;
}

export function streamTiming(track: TokenTrack & Pick<StreamTrack, 'timestamps'>): StreamTiming {
  return analyzeTiming(track.timestamps, findFirstTokenIndex(track));
}

export function analyzeTiming(timestamps: ArrayLike<number>, firstTokenIndex = -1): StreamTiming {
  const n = timestamps.length;
  let finite = 0;
  let first = Number.NaN;
  let distinct = false;
  let wholeSeconds = true;
  for (let i = 0; i < n; i++) {
    const t = timestamps[i]!;
    if (!Number.isFinite(t)) continue;
    if (finite === 0) first = t;
    else if (t !== first) distinct = true;
    if (t % 1000 !== 0) wholeSeconds = false;
    finite++;
  }

  const synthetic = (reason: SyntheticReason): StreamTiming => ({
    source: 'synthetic',
    reason,
    firstTimestamp: null,
    offsets: null,
    playOffsets: null,
    firstTokenIndex,
    ttftMs: null,
    durationMs: null,
    chunksPerSecond: null,
  });
  if (finite === 0) return synthetic('absent');
  if (finite < 2) return synthetic('single');
  if (!distinct) return synthetic(Math.abs(first) < NORMALIZED_MAX_MS ? 'normalized' : 'constant');

  const offsets = new Float64Array(n);
  let previous = 0;
  for (let i = 0; i < n; i++) {
    const t = timestamps[i]!;
    // Clocks can step backwards between chunks (NTP, merged streams); playback time must not.
    if (Number.isFinite(t)) previous = Math.max(previous, t - first);
    offsets[i] = previous;
  }
  const resolution: TimingResolution = wholeSeconds ? 'second' : 'fine';
  const durationMs = n > 0 ? offsets[n - 1]! : 0;
  return {
    source: 'recorded',
    resolution,
    firstTimestamp: first,
    offsets,
    playOffsets: resolution === 'second' ? spreadWithinSeconds(offsets) : offsets,
    firstTokenIndex,
    // Offsets count from the first chunk: when that chunk already carries the first
    // token, the time before it (from the request) was never recorded, so TTFT is unknown, not 0.
    ttftMs: firstTokenIndex > 0 ? offsets[firstTokenIndex]! : null,
    durationMs,
    chunksPerSecond: durationMs > 0 ? ((n - 1) * 1000) / durationMs : null,
  };
}

/**
 * Runs of equal offsets are spread evenly up to the next distinct offset. The
 * last run has no next value; it takes the average pace of the rest (capped so
 * it stays within its second) so the stream does not end in an instant burst.
 */
export function spreadWithinSeconds(offsets: Float64Array): Float64Array {
  const n = offsets.length;
  const out = new Float64Array(n);
  let start = 0;
  while (start < n) {
    let end = start;
    while (end + 1 < n && offsets[end + 1] === offsets[start]) end++;
    const base = offsets[start]!;
    const runLength = end - start + 1;
    let step: number;
    if (end + 1 < n) step = (offsets[end + 1]! - base) / runLength;
    // All of the last run arrived within one second, so it cannot be spread wider than that.
    else step = start > 0 ? Math.min(base / start, 1000 / runLength) : 0;
    for (let i = start; i <= end; i++) out[i] = base + (i - start) * step;
    start = end + 1;
  }
  return out;
}

/** The sentence the page shows about where playback time comes from. */
export function describeTiming(timing: StreamTiming, syntheticRate: number): string {
  const pace = `synthetic ${formatRate(syntheticRate)} chunks/s`;
  switch (timing.reason) {
    case 'absent':
      return `No timing in this file (no chunk carries a timestamp): ${pace}`;
    case 'normalized':
      return `No real timing in this file (normalized away): ${pace}`;
    case 'constant':
      return `No real timing in this file (every chunk has the same timestamp): ${pace}`;
    case 'single':
      return `No real timing in this file (only one chunk has a timestamp): ${pace}`;
    default:
      return timing.resolution === 'second'
        ? 'Recorded timing, second resolution (timestamps are whole seconds)'
        : 'Recorded timing';
  }
}

function formatRate(rate: number): string {
  return Number.isInteger(rate) ? String(rate) : rate.toFixed(2).replace(/0+$/, '');
}
