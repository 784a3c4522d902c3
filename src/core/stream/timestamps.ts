/**
 * Chunk timestamps to epoch milliseconds. Ollama writes nanosecond ISO strings
 * and Date.parse keeps only milliseconds (and rejects some forms), so the
 * fraction is read by hand to keep sub-millisecond gaps between chunks.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

export function parseIsoTimestamp(value: string): number {
  const m = ISO.exec(value.trim());
  if (!m) {
    const fallback = Date.parse(value);
    return Number.isFinite(fallback) ? fallback : Number.NaN;
  }
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (frac) ms += Number(`0.${frac}`) * 1000;
  if (zone && zone !== 'Z' && zone !== 'z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0');
    ms -= sign * offsetMinutes * 60_000;
  }
  return Number.isFinite(ms) ? ms : Number.NaN;
}

/** OpenAI `created` is whole epoch seconds; normalized recordings write 0, which is still a timestamp. */
export function secondsToMs(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value * 1000 : Number.NaN;
}

/** Accepts the forms seen across providers: ISO strings, epoch seconds. */
export function timestampOf(value: unknown): number {
  if (typeof value === 'string') return parseIsoTimestamp(value);
  return secondsToMs(value);
}
