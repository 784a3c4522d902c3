/**
 * Python float semantics that replay keys depend on: `repr(float)` (what
 * `json.dumps` writes), `round(x, n)` and `f"{x:.nf}"`. Both roundings work on
 * the exact binary value of the double and break exact ties to even, as
 * CPython's correctly rounded dtoa does; `toFixed` would break them upwards.
 */

/** repr(float) as json.dumps writes it (NaN/Infinity spelled as Python's json does). */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Number.POSITIVE_INFINITY) return 'Infinity';
  if (x === Number.NEGATIVE_INFINITY) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  // toExponential() without digits gives the shortest round-trip digits, as repr does.
  const [mantissa, exponentText] = Math.abs(x).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const exponent = Number(exponentText);
  if (exponent >= -5 + 1 && exponent < 16) {
    if (exponent >= digits.length - 1) return sign + digits + '0'.repeat(exponent - (digits.length - 1)) + '.0';
    if (exponent >= 0) return sign + digits.slice(0, exponent + 1) + '.' + digits.slice(exponent + 1);
    return sign + '0.' + '0'.repeat(-exponent - 1) + digits;
  }
  const fraction = digits.length > 1 ? '.' + digits.slice(1) : '';
  const magnitude = Math.abs(exponent);
  return sign + digits[0] + fraction + 'e' + (exponent < 0 ? '-' : '+') + (magnitude < 10 ? '0' : '') + magnitude;
}

/** The double as sign, integer mantissa and power of two (exact). */
function decompose(x: number): { negative: boolean; mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const high = view.getUint32(0);
  const low = view.getUint32(4);
  const negative = high >>> 31 === 1;
  const biased = (high >>> 20) & 0x7ff;
  let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  let exponent: number;
  if (biased === 0) exponent = -1074;
  else {
    mantissa |= 1n << 52n;
    exponent = biased - 1075;
  }
  return { negative, mantissa, exponent };
}

/** |x| × 10^n rounded to an integer, ties to even, from the exact binary value. */
function scaledRounded(x: number, ndigits: number): { negative: boolean; scaled: bigint } {
  const { negative, mantissa, exponent } = decompose(x);
  const numerator = mantissa * 10n ** BigInt(ndigits);
  if (exponent >= 0) return { negative, scaled: numerator << BigInt(exponent) };
  const denominator = 1n << BigInt(-exponent);
  const quotient = numerator / denominator;
  const twiceRemainder = (numerator % denominator) * 2n;
  let scaled = quotient;
  if (twiceRemainder > denominator || (twiceRemainder === denominator && quotient % 2n === 1n)) scaled += 1n;
  return { negative, scaled };
}

function fixedDigits(scaled: bigint, ndigits: number): string {
  const text = scaled.toString().padStart(ndigits + 1, '0');
  return ndigits === 0 ? text : text.slice(0, -ndigits) + '.' + text.slice(-ndigits);
}

/** Python's `round(x, ndigits)` for a float (the result keeps the sign of x, so -0.0 can appear). */
export function pyRound(x: number, ndigits: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const { negative, scaled } = scaledRounded(x, ndigits);
  return Number((negative ? '-' : '') + scaled.toString() + 'e-' + ndigits);
}

/** Python's `f"{x:.{ndigits}f}"`. */
export function pyFormatFixed(x: number, ndigits: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const { negative, scaled } = scaledRounded(x, ndigits);
  return (negative ? '-' : '') + fixedDigits(scaled, ndigits);
}

const UNICODE_DIGIT = /\p{Nd}/u;

/**
 * Python's `float()` accepts any Unicode decimal digit (`\d` in a str regex
 * matches them too). Digits come in runs of ten starting at zero, so a
 * digit's value is its distance from the start of its run, modulo ten.
 */
export function asciiDigits(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80 || !UNICODE_DIGIT.test(char)) {
      out += char;
      continue;
    }
    let start = code;
    while (UNICODE_DIGIT.test(String.fromCodePoint(start - 1))) start--;
    out += String((code - start) % 10);
  }
  return out;
}
