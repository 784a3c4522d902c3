import { describe, expect, it } from 'vitest';
import { cutOffNotice } from './cutOff';

describe('cut-off answers', () => {
  it('says so for each API spelling of the token limit', () => {
    for (const finishReason of ['length', 'max_tokens', 'MAX_TOKENS', 'max_output_tokens']) {
      expect(cutOffNotice({ finishReason, text: 'Once upon a', reasoning: '' })).toMatch(/cut off at the token limit/);
    }
  });
  it('blames the reasoning when it used the whole budget', () => {
    expect(cutOffNotice({ finishReason: 'length', text: '', reasoning: 'Let me think…' })).toMatch(/^Reasoning used the whole token budget/);
  });
  it('is silent for answers that ended on their own', () => {
    expect(cutOffNotice({ finishReason: 'stop', text: '', reasoning: 'x' })).toBeNull();
    expect(cutOffNotice({ text: 'hi', reasoning: '' })).toBeNull();
  });
});
