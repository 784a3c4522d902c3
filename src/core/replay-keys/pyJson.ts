/**
 * JSON as Python's `json` module sees it, for byte-exact replay keys.
 *
 * `JSON.parse` forgets what the recorder's hash depends on: `0.0` vs `0`,
 * integers beyond 2^53, and it cannot tell a float from an int at all. This
 * reader keeps ints as `bigint`, floats as `PyFloat`, and objects as `Map`s in
 * file order (a Python dict keeps insertion order; a repeated key keeps its
 * first position and its last value, as `dict` assignment does). The writer
 * reproduces `json.dumps(obj, sort_keys=True)` with the default separators and
 * `ensure_ascii=True`.
 */
import { pyFloatRepr } from './pyNumbers';

/** A Python float: kept apart from ints because `0.0` and `0` hash differently. */
export class PyFloat {
  readonly value: number;
  constructor(value: number) {
    this.value = value;
  }
}

export type PyValue = null | boolean | string | bigint | PyFloat | PyValue[] | PyDict;
export type PyDict = Map<string, PyValue>;

export function isPyDict(value: PyValue | undefined): value is PyDict {
  return value instanceof Map;
}

export class PyJsonError extends Error {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(`${message} at character ${offset}`);
    this.name = 'PyJsonError';
    this.offset = offset;
  }
}

/**
 * Python 3.11+ refuses int literals of more than 4300 digits (CVE-2020-10735),
 * so a file carrying one could never have been read by the recorder.
 */
const PYTHON_INT_MAX_DIGITS = 4300;

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const STRUCTURAL = /["{}[\]]/g;
// Python's json (strict mode) rejects raw control characters inside strings.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001f]/;

class Reader {
  private pos = 0;
  private readonly text: string;
  constructor(text: string) {
    this.text = text;
  }

  fail(message: string): never {
    throw new PyJsonError(message, this.pos);
  }

  skipWhitespace(): void {
    const text = this.text;
    while (this.pos < text.length && WHITESPACE.has(text.charCodeAt(this.pos))) this.pos++;
  }

  atEnd(): boolean {
    this.skipWhitespace();
    return this.pos >= this.text.length;
  }

  expect(char: string): void {
    this.skipWhitespace();
    if (this.text[this.pos] !== char) this.fail(`expected '${char}'`);
    this.pos++;
  }

  peek(): string | undefined {
    this.skipWhitespace();
    return this.text[this.pos];
  }

  value(): PyValue {
    this.skipWhitespace();
    const text = this.text;
    const c = text[this.pos];
    switch (c) {
      case '{':
        return this.object();
      case '[':
        return this.array();
      case '"':
        return this.string();
      case 't':
        return this.literal('true', true);
      case 'f':
        return this.literal('false', false);
      case 'n':
        return this.literal('null', null);
      case 'N':
        return this.literal('NaN', new PyFloat(Number.NaN));
      case 'I':
        return this.literal('Infinity', new PyFloat(Number.POSITIVE_INFINITY));
      default:
        if (c === '-' && text.startsWith('-Infinity', this.pos)) {
          return this.literal('-Infinity', new PyFloat(Number.NEGATIVE_INFINITY));
        }
        if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
        return this.fail(c === undefined ? 'unexpected end of text' : `unexpected character '${c}'`);
    }
  }

  private literal<T extends PyValue>(word: string, result: T): T {
    if (!this.text.startsWith(word, this.pos)) this.fail(`unexpected token`);
    this.pos += word.length;
    return result;
  }

  private number(): bigint | PyFloat {
    const text = this.text;
    const start = this.pos;
    let pos = start;
    if (text[pos] === '-') pos++;
    if (text[pos] === '0') pos++;
    else if (text[pos] !== undefined && text[pos]! >= '1' && text[pos]! <= '9') {
      while (pos < text.length && text[pos]! >= '0' && text[pos]! <= '9') pos++;
    } else {
      this.pos = pos;
      this.fail('invalid number');
    }
    let isFloat = false;
    if (text[pos] === '.' && text[pos + 1] !== undefined && text[pos + 1]! >= '0' && text[pos + 1]! <= '9') {
      isFloat = true;
      pos++;
      while (pos < text.length && text[pos]! >= '0' && text[pos]! <= '9') pos++;
    }
    if (text[pos] === 'e' || text[pos] === 'E') {
      let p = pos + 1;
      if (text[p] === '+' || text[p] === '-') p++;
      if (text[p] !== undefined && text[p]! >= '0' && text[p]! <= '9') {
        isFloat = true;
        while (p < text.length && text[p]! >= '0' && text[p]! <= '9') p++;
        pos = p;
      }
    }
    this.pos = pos;
    const literal = text.slice(start, pos);
    if (isFloat) return new PyFloat(Number(literal));
    const digits = literal.startsWith('-') ? literal.length - 1 : literal.length;
    if (digits > PYTHON_INT_MAX_DIGITS) {
      this.pos = start;
      this.fail(`integer of ${digits} digits (Python reads at most ${PYTHON_INT_MAX_DIGITS})`);
    }
    return BigInt(literal);
  }

  string(): string {
    const text = this.text;
    let pos = this.pos + 1; // after the opening quote
    let out = '';
    let backslash = text.indexOf('\\', pos);
    for (;;) {
      const quote = text.indexOf('"', pos);
      if (quote < 0) {
        this.pos = text.length;
        this.fail('unterminated string');
      }
      if (backslash < 0 || backslash > quote) {
        const chunk = text.slice(pos, quote);
        if (CONTROL_CHARACTER.test(chunk)) {
          this.pos = pos;
          this.fail('control character in string');
        }
        this.pos = quote + 1;
        return out + chunk;
      }
      const chunk = text.slice(pos, backslash);
      if (CONTROL_CHARACTER.test(chunk)) {
        this.pos = pos;
        this.fail('control character in string');
      }
      out += chunk;
      this.pos = backslash;
      out += this.escape();
      pos = this.pos;
      backslash = text.indexOf('\\', pos);
    }
  }

  /** One escape sequence at this.pos (a backslash); returns its text and moves past it. */
  private escape(): string {
    const text = this.text;
    const escape = text[this.pos + 1];
    this.pos += 2;
    switch (escape) {
      case '"':
        return '"';
      case '\\':
        return '\\';
      case '/':
        return '/';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u': {
        const hex = text.slice(this.pos, this.pos + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('invalid \\u escape');
        this.pos += 4;
        // Lone surrogates are kept as lone code units, as Python keeps them.
        return String.fromCharCode(parseInt(hex, 16));
      }
      default:
        this.pos -= 2;
        return this.fail('invalid escape');
    }
  }

  private array(): PyValue[] {
    this.pos++;
    const items: PyValue[] = [];
    if (this.peek() === ']') {
      this.pos++;
      return items;
    }
    for (;;) {
      items.push(this.value());
      const next = this.peek();
      this.pos++;
      if (next === ']') return items;
      if (next !== ',') {
        this.pos--;
        this.fail("expected ',' or ']'");
      }
    }
  }

  private object(): PyDict {
    this.pos++;
    const dict: PyDict = new Map();
    if (this.peek() === '}') {
      this.pos++;
      return dict;
    }
    for (;;) {
      if (this.peek() !== '"') this.fail('expected a property name');
      const key = this.string();
      this.expect(':');
      dict.set(key, this.value());
      const next = this.peek();
      this.pos++;
      if (next === '}') return dict;
      if (next !== ',') {
        this.pos--;
        this.fail("expected ',' or '}'");
      }
    }
  }

  /** Moves past one value without building it (for the large response bodies). */
  skipValue(): void {
    this.skipWhitespace();
    const text = this.text;
    const c = text[this.pos];
    if (c === '"') {
      this.skipString();
      return;
    }
    if (c !== '{' && c !== '[') {
      this.value();
      return;
    }
    // Jump between structural characters with a regex scan: far faster than a char loop.
    const structural = STRUCTURAL;
    let depth = 0;
    structural.lastIndex = this.pos;
    for (;;) {
      const match = structural.exec(text);
      if (!match) {
        this.pos = text.length;
        this.fail('unterminated value');
      }
      const at = match.index;
      const code = text.charCodeAt(at);
      if (code === 0x22) {
        this.pos = at;
        this.skipString();
        structural.lastIndex = this.pos;
        continue;
      }
      if (code === 0x7b || code === 0x5b) depth++;
      else {
        depth--;
        if (depth === 0) {
          this.pos = at + 1;
          return;
        }
      }
    }
  }

  private skipString(): void {
    const text = this.text;
    let pos = this.pos + 1;
    for (;;) {
      const quote = text.indexOf('"', pos);
      if (quote < 0) {
        this.pos = text.length;
        this.fail('unterminated string');
      }
      let backslashes = 0;
      while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes++;
      pos = quote + 1;
      if (backslashes % 2 === 0) break;
    }
    this.pos = pos;
  }

  /**
   * Top-level object: builds only the wanted members, skips the rest. With
   * `stopEarly` it returns once every wanted member is read.
   */
  selectedMembers(wanted: ReadonlySet<string>, stopEarly: boolean): { dict: PyDict; complete: boolean } {
    this.skipWhitespace();
    if (this.text[this.pos] !== '{') this.fail('the file is not a JSON object');
    this.pos++;
    const dict: PyDict = new Map();
    if (this.peek() === '}') {
      this.pos++;
      return { dict, complete: true };
    }
    for (;;) {
      if (this.peek() !== '"') this.fail('expected a property name');
      const key = this.string();
      this.expect(':');
      if (wanted.has(key)) {
        dict.set(key, this.value());
        // A repeat of a wanted member after this point would win in Python; recorders
        // never write one (json.dump of a dict), so the early stop ignores that case.
        if (stopEarly && dict.size === wanted.size) return { dict, complete: false };
      } else this.skipValue();
      const next = this.peek();
      this.pos++;
      if (next === '}') return { dict, complete: true };
      if (next !== ',') {
        this.pos--;
        this.fail("expected ',' or '}'");
      }
    }
  }
}

/** Parses JSON text the way Python's `json.loads` does (NaN/Infinity accepted). */
export function parsePyJson(text: string): PyValue {
  const reader = new Reader(text);
  const value = reader.value();
  if (!reader.atEnd()) reader.fail('extra data after the JSON value');
  return value;
}

/**
 * Reads only some members of a top-level object, skipping the others without
 * building them: a recording's response is most of its bytes and the key never
 * needs it. The whole text is still checked, unless `alreadyValid` says the
 * caller has parsed it (the index worker has), in which case reading stops once
 * the wanted members are in hand.
 */
export function parsePyJsonMembers(text: string, wanted: ReadonlySet<string>, alreadyValid = false): PyDict {
  const reader = new Reader(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const { dict, complete } = reader.selectedMembers(wanted, alreadyValid);
  if (complete && !reader.atEnd()) reader.fail('extra data after the JSON value');
  return dict;
}

// ---------------------------------------------------------------------------
// Writer: json.dumps(obj, sort_keys=True)

const HEX = '0123456789abcdef';

function escapeUnit(code: number): string {
  return '\\u' + HEX[(code >> 12) & 15]! + HEX[(code >> 8) & 15]! + HEX[(code >> 4) & 15]! + HEX[code & 15]!;
}

const PRINTABLE_ONLY = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
const NEEDS_ESCAPE = /[^\x20\x21\x23-\x5b\x5d-\x7e]/g;
const SHORT_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

function escapeChar(char: string): string {
  // JS strings are UTF-16 already: an astral character is two units, each
  // escaped on its own, which is exactly the surrogate pair Python writes.
  return SHORT_ESCAPES[char] ?? escapeUnit(char.charCodeAt(0));
}

/** Python's `ensure_ascii` string encoder: anything outside ' '..'~' is escaped. */
export function pyStringLiteral(value: string): string {
  if (PRINTABLE_ONLY.test(value)) return '"' + value + '"';
  return '"' + value.replace(NEEDS_ESCAPE, escapeChar) + '"';
}

/**
 * Python sorts str keys by code point; JS compares UTF-16 units, which puts
 * astral characters (surrogates, D800–DFFF) before U+E000–U+FFFF. Shifting the
 * two ranges at the first differing unit restores code point order.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}

// Containers are immutable once built, and normalisation returns unchanged
// subtrees as the same objects: their text is computed once per object. A
// plain Map, emptied between files (see clearDumpCache), costs the garbage
// collector far less than a WeakMap holding every container ever dumped.
const dumpCache = new Map<object, string>();

/** Forgets the texts of earlier values: call between unrelated files, so the cache stays one file's size. */
export function clearDumpCache(): void {
  dumpCache.clear();
}

/** `json.dumps(value, sort_keys=True)`, byte for byte. */
export function pyDumps(value: PyValue): string {
  if (value === null) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'string') return pyStringLiteral(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof PyFloat) return pyFloatRepr(value.value);
  const cached = dumpCache.get(value);
  if (cached !== undefined) return cached;
  let text: string;
  if (Array.isArray(value)) {
    text = value.length === 0 ? '[]' : '[' + value.map(pyDumps).join(', ') + ']';
  } else if (value.size === 0) text = '{}';
  else {
    const keys = [...value.keys()].sort(compareCodePoints);
    text = '{' + keys.map((key) => pyStringLiteral(key) + ': ' + pyDumps(value.get(key)!)).join(', ') + '}';
  }
  dumpCache.set(value, text);
  return text;
}

/** Builds a PyDict from plain entries, in the given order. */
export function pyDict(entries: [string, PyValue][]): PyDict {
  return new Map(entries);
}
