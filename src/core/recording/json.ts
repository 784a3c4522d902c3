/**
 * Narrowing helpers for untrusted JSON. Recordings come from many eras and
 * from users' folders, so nothing here assumes a field has the expected type.
 */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown): JsonObject | undefined {
  return isObject(value) ? value : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Non-empty string or undefined: many fields are recorded as "" or null when unset. */
export function asNonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * Serialized SDK objects are `{__type__, __data__}`; readers want the data.
 * Plain dicts (GenAI, passthrough bodies) are returned as they are.
 */
export function unwrap(value: unknown): unknown {
  if (isObject(value) && typeof value.__type__ === 'string' && '__data__' in value) return value.__data__;
  return value;
}

export function unwrapObject(value: unknown): JsonObject | undefined {
  return asObject(unwrap(value));
}

export function typeOf(value: unknown): string | undefined {
  return isObject(value) ? asString(value.__type__) : undefined;
}

/** Last dotted segment of a Python class path: `openai.types.chat.ChatCompletion` → `ChatCompletion`. */
export function typeSuffix(type: string | undefined): string {
  if (!type) return '';
  const dot = type.lastIndexOf('.');
  return dot >= 0 ? type.slice(dot + 1) : type;
}

/**
 * JSON.stringify that never throws (BigInt cannot occur in parsed JSON, but
 * values built by callers might carry cycles) and never returns undefined.
 */
export function stringifyCompact(value: unknown): string {
  try {
    const out = JSON.stringify(value);
    return out === undefined ? '' : out;
  } catch {
    return '';
  }
}

/** Tool arguments as a string: kept verbatim when recorded as one, compact JSON when recorded as an object. */
export function argumentsText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  return stringifyCompact(value);
}

export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}
