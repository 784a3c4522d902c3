import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeTiming, describeTiming, findFirstTokenIndex, spreadWithinSeconds, streamTiming } from './analyze';
import { bucketGaps, gapStats, gapsOf, quantile } from './gaps';

const ts = (...values: number[]) => Float64Array.from(values);

function track(textEnd: number[], opts: { reasoningEnd?: number[]; toolArgsEnd?: number[][]; timestamps?: number[] } = {}) {
  const n = textEnd.length;
  return {
    textEnd: Int32Array.from(textEnd),
    reasoningEnd: Int32Array.from(opts.reasoningEnd ?? new Array<number>(n).fill(0)),
    toolArgsEnd: (opts.toolArgsEnd ?? []).map((a) => Int32Array.from(a)),
    timestamps: Float64Array.from(opts.timestamps ?? new Array<number>(n).fill(Number.NaN)),
  };
}

describe('timing detection', () => {
  it('treats normalized OpenAI created: 0 as synthetic', () => {
    const timing = analyzeTiming(ts(0, 0, 0, 0));
    expect(timing.source).toBe('synthetic');
    expect(timing.reason).toBe('normalized');
    expect(timing.offsets).toBeNull();
    expect(describeTiming(timing, 30)).toBe('No real timing in this file (normalized away): synthetic 30 chunks/s');
  });

  it('treats Ollama 1970 timestamps as normalized', () => {
    const epoch = Date.UTC(1970, 0, 1);
    expect(analyzeTiming(ts(epoch, epoch, epoch)).reason).toBe('normalized');
  });

  it('treats missing timestamps as absent and one timestamp as not enough', () => {
    expect(analyzeTiming(ts(Number.NaN, Number.NaN)).reason).toBe('absent');
    expect(analyzeTiming(ts()).reason).toBe('absent');
    expect(analyzeTiming(ts(Number.NaN, 1_754_985_601_000)).reason).toBe('single');
  });

  it('treats one repeated real timestamp as constant, not recorded', () => {
    const t = Date.parse('2025-08-12T14:03:26.418Z');
    const timing = analyzeTiming(ts(t, t, t, t));
    expect(timing.source).toBe('synthetic');
    expect(timing.reason).toBe('constant');
    expect(describeTiming(timing, 12.5)).toContain('synthetic 12.5 chunks/s');
  });

  it('uses distinct sub-second timestamps as recorded, fine resolution', () => {
    const base = Date.parse('2025-08-14T09:41:07.317Z');
    const timing = analyzeTiming(ts(base, base + 53.7, base + 75.3, base + 1635.2), 0);
    expect(timing.source).toBe('recorded');
    expect(timing.resolution).toBe('fine');
    expect(timing.firstTimestamp).toBe(base);
    expect(Array.from(timing.offsets!)).toEqual([0, 53.7, 75.3, 1635.2].map((v) => expect.closeTo(v, 3)));
    expect(timing.playOffsets).toBe(timing.offsets);
    expect(describeTiming(timing, 30)).toBe('Recorded timing');
  });

  it('counts whole seconds that vary as recorded, second resolution', () => {
    const s = 1_754_985_601_000;
    const timing = analyzeTiming(ts(s, s, s + 1000, s + 1000, s + 2000), 1);
    expect(timing.source).toBe('recorded');
    expect(timing.resolution).toBe('second');
    expect(describeTiming(timing, 30)).toMatch(/second resolution/);
    expect(timing.ttftMs).toBe(0);
    expect(timing.durationMs).toBe(2000);
  });

  it('leaves time to first token unknown when the first chunk already carries text', () => {
    const base = 1_754_985_601_000;
    const timing = streamTiming(track([3, 6, 9], { timestamps: [base, base + 40, base + 90] }));
    expect(timing.source).toBe('recorded');
    expect(timing.firstTokenIndex).toBe(0);
    expect(timing.ttftMs).toBeNull();
  });

  it('fills chunks without a timestamp with the previous time and never goes backwards', () => {
    const timing = analyzeTiming(ts(Number.NaN, 1000, Number.NaN, 1500, 1200, 2000));
    expect(Array.from(timing.offsets!)).toEqual([0, 0, 0, 500, 500, 1000]);
  });
});

describe('time to first token, duration, rate', () => {
  it('finds the first chunk that adds text, reasoning or tool arguments', () => {
    expect(findFirstTokenIndex(track([0, 0, 3, 5]))).toBe(2);
    expect(findFirstTokenIndex(track([0, 0, 0], { reasoningEnd: [0, 4, 4] }))).toBe(1);
    // A tool call's name alone (chunk 0) adds no arguments; its first fragment (chunk 1) does.
    expect(findFirstTokenIndex(track([0, 0, 0], { toolArgsEnd: [[0, 7, 9]] }))).toBe(1);
    expect(findFirstTokenIndex(track([0, 0]))).toBe(-1);
  });

  it('measures TTFT from the first chunk, total duration and chunks per second', () => {
    const base = 1_723_628_467_317;
    const timing = streamTiming(track([0, 0, 4, 9, 9], { timestamps: [base, base + 100, base + 350, base + 400, base + 1000] }));
    expect(timing.firstTokenIndex).toBe(2);
    expect(timing.ttftMs).toBe(350);
    expect(timing.durationMs).toBe(1000);
    expect(timing.chunksPerSecond).toBeCloseTo(4);
  });

  it('reports no TTFT when nothing is ever added', () => {
    const timing = streamTiming(track([0, 0], { timestamps: [1000, 2000] }));
    expect(timing.ttftMs).toBeNull();
    expect(timing.durationMs).toBe(1000);
  });

  it('leaves recorded-only figures empty on the synthetic clock', () => {
    const timing = streamTiming(track([1, 2], { timestamps: [0, 0] }));
    expect(timing).toMatchObject({ source: 'synthetic', firstTokenIndex: 0, ttftMs: null, durationMs: null, chunksPerSecond: null });
  });
});

describe('second-resolution spreading', () => {
  it('spreads chunks that share a second evenly up to the next second', () => {
    expect(Array.from(spreadWithinSeconds(ts(0, 0, 0, 0, 1000, 1000, 2000)))).toEqual([0, 250, 500, 750, 1000, 1500, 2000]);
  });

  it('keeps the last run within its second at the average pace', () => {
    const out = Array.from(spreadWithinSeconds(ts(0, 0, 1000, 1000, 1000)));
    // Average so far: 1000 ms over 2 chunks = 500 ms/chunk, capped at 1000/3 for a run of 3.
    expect(out[2]).toBe(1000);
    expect(out[4]).toBeCloseTo(1000 + (2 * 1000) / 3);
    expect(out[4]!).toBeLessThan(2000);
  });

  it('is monotonic and keeps every distinct recorded second in place', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 60 }), (steps) => {
        const offsets: number[] = [];
        let t = 0;
        for (const s of steps) offsets.push((t += s * 1000));
        const spread = spreadWithinSeconds(Float64Array.from(offsets));
        for (let i = 1; i < spread.length; i++) expect(spread[i]!).toBeGreaterThanOrEqual(spread[i - 1]!);
        for (let i = 0; i < offsets.length; i++) {
          if (i === 0 || offsets[i] !== offsets[i - 1]) expect(spread[i]).toBe(offsets[i]);
        }
      }),
    );
  });
});

describe('gap statistics', () => {
  it('computes gaps between consecutive chunks', () => {
    expect(Array.from(gapsOf([0, 10, 30, 30, 100]))).toEqual([10, 20, 0, 70]);
    expect(gapsOf([5]).length).toBe(0);
  });

  it('summarises min, median, p95, max, mean and where the stall is', () => {
    const stats = gapStats(Float64Array.from([10, 20, 0, 70]))!;
    expect(stats).toMatchObject({ count: 4, min: 0, median: 15, max: 70, mean: 25, maxIndex: 3 });
    expect(stats.p95).toBeCloseTo(62.5);
    expect(gapStats([])).toBeNull();
  });

  it('interpolates quantiles between ranks', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([7], 0.95)).toBe(7);
  });

  it('keeps one bar per gap when there are few', () => {
    const buckets = bucketGaps([1, 2, 3], 100);
    expect(Array.from(buckets.max)).toEqual([1, 2, 3]);
    expect(Array.from(buckets.start)).toEqual([0, 1, 2]);
  });

  it('aggregates 20,000 gaps into the requested bars without losing the largest stall', () => {
    const gaps = new Float64Array(19_999).fill(20);
    gaps[12_345] = 1800;
    const buckets = bucketGaps(gaps, 200);
    expect(buckets.max.length).toBe(200);
    expect(Math.max(...buckets.max)).toBe(1800);
    expect(buckets.mean[0]).toBe(20);
    // Buckets tile the gaps: each starts where the previous one ended.
    expect(buckets.start[0]).toBe(0);
    for (let b = 1; b < 200; b++) expect(buckets.start[b]!).toBeGreaterThan(buckets.start[b - 1]!);
  });
});
