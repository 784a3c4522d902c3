/** Inter-chunk gaps: `gaps[i]` is the time between chunk i and chunk i+1. */
export function gapsOf(offsets: ArrayLike<number>): Float64Array {
  const n = offsets.length;
  const gaps = new Float64Array(Math.max(0, n - 1));
  for (let i = 1; i < n; i++) gaps[i - 1] = offsets[i]! - offsets[i - 1]!;
  return gaps;
}

export interface GapStats {
  count: number;
  min: number;
  median: number;
  p95: number;
  max: number;
  mean: number;
  /** Index into the gaps of the largest one (the stall worth looking at). */
  maxIndex: number;
}

export function gapStats(gaps: ArrayLike<number>): GapStats | null {
  const count = gaps.length;
  if (count === 0) return null;
  const sorted = Float64Array.from(gaps).sort();
  let sum = 0;
  let maxIndex = 0;
  for (let i = 0; i < count; i++) {
    sum += gaps[i]!;
    if (gaps[i]! > gaps[maxIndex]!) maxIndex = i;
  }
  return {
    count,
    min: sorted[0]!,
    median: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    max: sorted[count - 1]!,
    mean: sum / count,
    maxIndex,
  };
}

/** Linear interpolation between closest ranks, on an ascending array. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const position = (n - 1) * Math.min(1, Math.max(0, q));
  const lower = Math.floor(position);
  const upper = Math.min(n - 1, lower + 1);
  const weight = position - lower;
  return sorted[lower]! * (1 - weight) + sorted[upper]! * weight;
}

export interface GapBuckets {
  /** Index of the first gap in each bucket. */
  start: Int32Array;
  /** Largest gap in each bucket: a single stall must stay visible however many gaps share a bar. */
  max: Float64Array;
  mean: Float64Array;
}

/**
 * Groups consecutive gaps into at most `buckets` bars so a 20,000-chunk stream
 * draws as a few hundred elements. With fewer gaps than buckets, one bar per gap.
 */
export function bucketGaps(gaps: ArrayLike<number>, buckets: number): GapBuckets {
  const n = gaps.length;
  const count = Math.max(0, Math.min(n, Math.floor(buckets)));
  const start = new Int32Array(count);
  const max = new Float64Array(count);
  const mean = new Float64Array(count);
  for (let b = 0; b < count; b++) {
    const from = Math.floor((b * n) / count);
    const to = Math.floor(((b + 1) * n) / count);
    let top = 0;
    let sum = 0;
    for (let i = from; i < to; i++) {
      const g = gaps[i]!;
      if (g > top) top = g;
      sum += g;
    }
    start[b] = from;
    max[b] = top;
    mean[b] = to > from ? sum / (to - from) : 0;
  }
  return { start, max, mean };
}
