import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../../testing/bytes';
import { BundleReader, encodeBundleFrame } from './bundle';

const encoder = new TextEncoder();

const stream = concatBytes(
  ...encodeBundleFrame('tests/integration/a/recordings/one.json', { bytes: encoder.encode('{"request": {}}') }),
  ...encodeBundleFrame('tests/integration/ü/recordings/zwei 二.json', { bytes: new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]) }),
  ...encodeBundleFrame('gone.json', { error: 'could not read the file: ENOENT' }),
  ...encodeBundleFrame('empty.json', { bytes: new Uint8Array(0) }),
);

describe('bundle frames', () => {
  it('read back whole, whatever the chunk boundaries', () => {
    for (const size of [1, 2, 3, 5, 7, 13, 64, stream.length]) {
      const reader = new BundleReader();
      const frames = [];
      for (let at = 0; at < stream.length; at += size) frames.push(...reader.push(stream.slice(at, at + size)));
      expect(reader.finish(), `chunks of ${size}`).toBe(true);
      expect(
        frames.map((frame) => [frame.path, frame.bytes ? Array.from(frame.bytes) : null, frame.error ?? null]),
        `chunks of ${size}`,
      ).toEqual([
        ['tests/integration/a/recordings/one.json', Array.from(encoder.encode('{"request": {}}')), null],
        ['tests/integration/ü/recordings/zwei 二.json', [0xef, 0xbb, 0xbf, 0x7b, 0x7d], null],
        ['gone.json', null, 'could not read the file: ENOENT'],
        ['empty.json', [], null],
      ]);
    }
  });

  it('a stream cut inside a frame leaves it out and says so', () => {
    const reader = new BundleReader();
    const frames = reader.push(stream.slice(0, stream.length - 3));
    expect(frames.map((frame) => frame.path)).toEqual(['tests/integration/a/recordings/one.json', 'tests/integration/ü/recordings/zwei 二.json', 'gone.json']);
    expect(reader.finish()).toBe(false);
  });
});
