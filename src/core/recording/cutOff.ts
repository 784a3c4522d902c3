import type { ResponseView } from './types';

/** Finish reasons that mean "stopped at the token limit", as each API spells it. */
const TOKEN_LIMIT_REASONS = new Set(['length', 'max_tokens', 'max_output_tokens', 'MAX_TOKENS']);

/**
 * Says when an answer was cut off at the token limit, so a short or empty
 * answer is not mistaken for the model's whole reply; when reasoning used
 * the whole budget and no text came, says that instead.
 */
export function cutOffNotice(response: Pick<ResponseView, 'finishReason' | 'text' | 'reasoning'>): string | null {
  const reason = response.finishReason;
  if (reason === undefined || !TOKEN_LIMIT_REASONS.has(reason)) return null;
  if (!response.text && response.reasoning) {
    return `Reasoning used the whole token budget (finish reason “${reason}”): the answer was cut off before any text.`;
  }
  if (!response.text) return `Cut off at the token limit before any text (finish reason “${reason}”).`;
  return `The answer was cut off at the token limit (finish reason “${reason}”): the text below is incomplete.`;
}
