import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { asapClock, clockDuration, MAX_FRAME_MS, recordedClock, stepPlayback, syntheticClock, type PlaybackState } from './step';

const FRAME = 1000 / 60;

function playToEnd(total: number, clock: ReturnType<typeof syntheticClock>, speed: number, frame = FRAME) {
  let state: PlaybackState = { cursor: -1, carryMs: 0 };
  let frames = 0;
  for (;;) {
    const next = stepPlayback(state, frame, speed, clock, total);
    frames++;
    state = next;
    if (next.done || frames > 1e6) return { frames, state };
  }
}

describe('synthetic clock', () => {
  it('plays 30 chunks/s at 1x: one chunk every two frames', () => {
    const clock = syntheticClock(30);
    let state: PlaybackState = { cursor: -1, carryMs: 0 };
    const cursors: number[] = [];
    for (let f = 0; f < 6; f++) {
      state = stepPlayback(state, FRAME, 1, clock, 100);
      cursors.push(state.cursor);
    }
    expect(cursors).toEqual([-1, 0, 0, 1, 1, 2]);
  });

  it('advances several chunks per frame at high speed', () => {
    const next = stepPlayback({ cursor: 10, carryMs: 0 }, FRAME, 16, syntheticClock(30), 20_000);
    expect(next.cursor).toBe(10 + Math.floor((FRAME * 16 * 30) / 1000));
  });

  it('carries the remainder so odd speeds do not drift', () => {
    const clock = syntheticClock(30);
    let state: PlaybackState = { cursor: -1, carryMs: 0 };
    for (let f = 0; f < 600; f++) state = stepPlayback(state, FRAME, 0.25, clock, 10_000);
    // 10 s of wall time at 0.25x = 2.5 stream seconds = 75 chunks (chunk 74), give or take float rounding.
    expect(Math.abs(state.cursor - 74)).toBeLessThanOrEqual(1);
  });

  it('stops exactly on the last chunk', () => {
    const { state } = playToEnd(50, syntheticClock(30), 16);
    expect(state).toEqual({ cursor: 49, carryMs: 0, done: true });
  });

  it('clamps long frames (a background tab) so the stream does not jump ahead', () => {
    const next = stepPlayback({ cursor: -1, carryMs: 0 }, 60_000, 1, syntheticClock(30), 10_000);
    expect(next.cursor).toBe(Math.floor((MAX_FRAME_MS * 30) / 1000) - 1);
  });

  it('is done at once on an empty stream or at the end', () => {
    expect(stepPlayback({ cursor: -1, carryMs: 0 }, FRAME, 1, syntheticClock(), 0)).toMatchObject({ cursor: -1, done: true });
    expect(stepPlayback({ cursor: 9, carryMs: 0 }, FRAME, 1, syntheticClock(), 10)).toMatchObject({ cursor: 9, done: true });
  });
});

describe('recorded clock', () => {
  it('follows recorded gaps scaled by speed', () => {
    const clock = recordedClock([0, 100, 150, 400]);
    expect(Array.from(clock.gaps!)).toEqual([0, 100, 50, 250]);
    // The first chunk shows at once (no lead-in is recorded).
    let state = stepPlayback({ cursor: -1, carryMs: 0 }, 10, 1, clock, 4);
    expect(state.cursor).toBe(0);
    // Stream time keeps running from chunk 0 (10 ms in): chunk 1 is due at 100 ms.
    state = stepPlayback(state, 85, 1, clock, 4);
    expect(state.cursor).toBe(0);
    state = stepPlayback(state, 5, 1, clock, 4);
    expect(state.cursor).toBe(1);
    // 2x: 50 ms of wall time covers 100 stream ms: chunk 2 (50) and not yet chunk 3 (250).
    state = stepPlayback(state, 50, 2, clock, 4);
    expect(state.cursor).toBe(2);
  });

  it('clamps huge recorded stalls', () => {
    const clock = recordedClock([0, 40_000, 40_010], 2000);
    expect(Array.from(clock.gaps!)).toEqual([0, 2000, 10]);
    expect(clockDuration(clock, 3)).toBe(2010);
  });

  it('moves through many zero gaps in one frame (second-resolution bursts)', () => {
    const clock = recordedClock(new Float64Array(1000).fill(0));
    const next = stepPlayback({ cursor: -1, carryMs: 0 }, FRAME, 1, clock, 1000);
    expect(next).toEqual({ cursor: 999, carryMs: 0, done: true });
  });

  it('ignores negative gaps from clocks that stepped back', () => {
    expect(Array.from(recordedClock([0, 100, 50]).gaps!)).toEqual([0, 100, 0]);
  });
});

describe('as fast as possible', () => {
  it('shows at least one chunk per frame on short streams', () => {
    const { frames } = playToEnd(30, asapClock(30), 1);
    expect(frames).toBeLessThanOrEqual(31);
  });

  it('plays 20,000 chunks in about two seconds of frames', () => {
    const { frames } = playToEnd(20_000, asapClock(20_000), 1);
    expect(frames).toBeGreaterThan(100);
    expect(frames).toBeLessThanOrEqual(121);
  });
});

describe('stepping properties', () => {
  it('never moves backwards, never passes the end, and reaches the end', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.constantFrom(0.25, 1, 4, 16),
        fc.boolean(),
        (total, gapPattern, speed, recorded) => {
          const offsets = new Float64Array(total);
          for (let i = 1; i < total; i++) offsets[i] = offsets[i - 1]! + gapPattern[i % gapPattern.length]!;
          const clock = recorded ? recordedClock(offsets) : syntheticClock(30);
          let state: PlaybackState = { cursor: -1, carryMs: 0 };
          for (let f = 0; f < 100_000; f++) {
            const next = stepPlayback(state, FRAME, speed, clock, total);
            expect(next.cursor).toBeGreaterThanOrEqual(state.cursor);
            expect(next.cursor).toBeLessThan(total);
            state = next;
            if (next.done) break;
          }
          expect(state.cursor).toBe(total - 1);
        },
      ),
      { numRuns: 60 },
    );
  });
});
