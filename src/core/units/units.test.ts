import { describe, expect, it } from 'vitest';
import { formatBytes, formatEpochSeconds, formatNanoseconds, plural } from './units';

describe('units', () => {
  it('writes sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
  it('writes plurals', () => {
    expect(plural(1, 'error')).toBe('1 error');
    expect(plural(2, 'error')).toBe('2 errors');
    expect(plural(0, 'match', 'matches')).toBe('0 matches');
    expect(plural(1200, 'file')).toBe('1,200 files');
  });
  it('writes Ollama nanoseconds as seconds', () => {
    expect(formatNanoseconds(2_345_000_000)).toBe('2.35 s');
    expect(formatNanoseconds(45_000_000)).toBe('45 ms');
  });
  it('writes epoch seconds as dates, and leaves other numbers alone', () => {
    expect(formatEpochSeconds(1_700_000_000)).toBe('2023-11-14 22:13:20 UTC');
    expect(formatEpochSeconds(0)).toBeUndefined();
  });
});
