import { parseDocument, type ScalarTag, type Tags } from 'yaml';

/**
 * Cassette YAML is read the way vcrpy's PyYAML safe loader reads it: YAML 1.1
 * scalars, `!!binary` (and Ruby's `!binary`) as bytes, timestamps left as
 * strings, and no tag that builds anything else. Alias expansion is capped so
 * a "billion laughs" file is refused instead of filling the memory.
 */
export const MAX_ALIAS_EXPANSIONS = 1_000;

export type YamlReading = { ok: true; value: unknown } | { ok: false; reason: string };

const BOOL_TAG = 'tag:yaml.org,2002:bool';
const TIMESTAMP_TAG = 'tag:yaml.org,2002:timestamp';
const BINARY_TAG = 'tag:yaml.org,2002:binary';

/** PyYAML's YAML 1.1 booleans: `y`/`n` stay strings there, unlike in the yaml package's 1.1 schema. */
const pyYamlTrue: ScalarTag = {
  tag: BOOL_TAG,
  default: true,
  identify: (value) => value === true,
  test: /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/,
  resolve: () => true,
};
const pyYamlFalse: ScalarTag = {
  tag: BOOL_TAG,
  default: true,
  identify: (value) => value === false,
  test: /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/,
  resolve: () => false,
};

const INT_TAG = 'tag:yaml.org,2002:int';
const FLOAT_TAG = 'tag:yaml.org,2002:float';

/** Base-60 `1:30:05` as PyYAML reads it. */
function sexagesimal(text: string): number {
  return text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

function signed(text: string, read: (unsigned: string) => number): number {
  const clean = text.replace(/_/g, '');
  const negative = clean.startsWith('-');
  const value = read(clean.replace(/^[-+]/, ''));
  return negative ? -value : value;
}

/** PyYAML's int and float resolvers: `.` and `1e3` stay strings there, `0755` is octal, `1:30` base 60. */
const pyYamlInt: ScalarTag = {
  tag: INT_TAG,
  default: true,
  identify: (value) => typeof value === 'number' && Number.isInteger(value),
  test: /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
  resolve: (text) =>
    signed(text, (digits) => {
      if (digits.startsWith('0b')) return Number.parseInt(digits.slice(2) || '0', 2);
      if (digits.startsWith('0x')) return Number.parseInt(digits.slice(2) || '0', 16);
      if (digits.includes(':')) return sexagesimal(digits);
      if (digits.length > 1 && digits.startsWith('0')) return Number.parseInt(digits, 8);
      return Number(digits);
    }),
};
const pyYamlFloat: ScalarTag = {
  tag: FLOAT_TAG,
  default: true,
  identify: (value) => typeof value === 'number',
  test: /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  resolve: (text) => {
    if (/nan$/i.test(text)) return Number.NaN;
    return signed(text, (digits) => {
      if (/^\.inf$/i.test(digits)) return Number.POSITIVE_INFINITY;
      if (digits.includes(':')) return sexagesimal(digits);
      return Number.parseFloat(digits);
    });
  },
};

function cassetteTags(tags: Tags): Tags {
  const replaced = new Set([BOOL_TAG, TIMESTAMP_TAG, INT_TAG, FLOAT_TAG]);
  const kept = tags.filter((tag) => !replaced.has((tag as { tag?: string }).tag ?? ''));
  const binary = tags.find((tag) => (tag as { tag?: string }).tag === BINARY_TAG);
  const extra: Tags = [pyYamlTrue, pyYamlFalse, pyYamlInt, pyYamlFloat];
  // Ruby's Psych writes `!binary` for the same base64 payload.
  if (binary) extra.push({ ...(binary as ScalarTag), tag: '!binary' });
  return [...extra, ...kept];
}

export function parseCassetteYaml(text: string): YamlReading {
  let document;
  try {
    document = parseDocument(text, {
      version: '1.1',
      customTags: cassetteTags,
      uniqueKeys: false,
      prettyErrors: false,
      strict: false,
    });
  } catch (error) {
    return { ok: false, reason: `YAML does not parse: ${messageOf(error)}` };
  }
  const firstError = document.errors[0];
  if (firstError) return { ok: false, reason: `YAML does not parse: ${firstLine(firstError.message)}` };
  const unresolved = document.warnings.find((warning) => warning.code === 'TAG_RESOLVE_FAILED');
  if (unresolved) return { ok: false, reason: `YAML uses a tag that is not allowed: ${firstLine(unresolved.message)}` };
  try {
    return { ok: true, value: document.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS }) };
  } catch (error) {
    const message = messageOf(error);
    if (/alias/i.test(message)) {
      return {
        ok: false,
        reason: `refused: YAML aliases expand too much (more than ${MAX_ALIAS_EXPANSIONS.toLocaleString('en-US')} expansions), which is how a YAML bomb fills the memory`,
      };
    }
    return { ok: false, reason: `YAML does not parse: ${message}` };
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

function messageOf(error: unknown): string {
  return firstLine(error instanceof Error ? error.message : String(error));
}
