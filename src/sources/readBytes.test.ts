import { describe, expect, it } from 'vitest';
import { readSourceBytesWithRetry } from './readBytes';
import type { SourceFile } from './types';

/** A browser File that refuses the first `failures` reads, as Chromium does under load. */
function flakyFile(failures: number, name = 'NotReadableError') {
  let attempts = 0;
  const file = {
    arrayBuffer: () => {
      attempts++;
      if (attempts <= failures) return Promise.reject(new DOMException('The requested file could not be read', name));
      return Promise.resolve(new TextEncoder().encode('{}').buffer);
    },
  } as unknown as File;
  const source: SourceFile = { path: 'a.json', size: 2, lastModified: 1, file };
  return { source, attempts: () => attempts };
}

describe('reading with retries', () => {
  it('retries a NotReadableError with back-off and succeeds, telling the caller to read fewer at once', async () => {
    const { source, attempts } = flakyFile(2);
    let narrowed = 0;
    const bytes = await readSourceBytesWithRetry(source, { onTransientFailure: () => narrowed++ });
    expect(new TextDecoder().decode(bytes)).toBe('{}');
    expect(attempts()).toBe(3);
    expect(narrowed).toBe(2);
  });

  it('gives up after five attempts with the browser’s own error', async () => {
    const { source, attempts } = flakyFile(99);
    await expect(readSourceBytesWithRetry(source)).rejects.toThrow('The requested file could not be read');
    expect(attempts()).toBe(5);
  }, 10_000);

  it('does not retry a file that is gone', async () => {
    const { source, attempts } = flakyFile(99, 'NotFoundError');
    await expect(readSourceBytesWithRetry(source)).rejects.toMatchObject({ name: 'NotFoundError' });
    expect(attempts()).toBe(1);
  });
});
