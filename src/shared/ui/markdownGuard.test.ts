import { describe, expect, it } from 'vitest';
import { markdownRefusal } from './markdownGuard';

describe('markdown guard', () => {
  it('lets ordinary answers render: headings, lists a few levels deep, some emphasis and code', () => {
    const answer = '# Plan\n\n1. **First**, call `get_weather`.\n   - then _check_ the result\n     > quoted note\n2. Done.\n';
    expect(markdownRefusal(answer)).toBeUndefined();
  });

  it('refuses, with the reason, text too long, too many emphasis markers, or nested too deep', () => {
    expect(markdownRefusal('a'.repeat(100_001))).toMatch(/100,001 characters/);
    expect(markdownRefusal('**bold** '.repeat(3_000))).toMatch(/6,000 emphasis or code markers/);
    expect(markdownRefusal('- > 1. '.repeat(10) + 'deep')).toMatch(/nested 30 deep/);
    expect(markdownRefusal(Array.from({ length: 40 }, (_, i) => `${'    '.repeat(i)}- item`).join('\n'))).toMatch(/nested \d+ deep/);
  });
});
