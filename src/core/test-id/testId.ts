/** A pytest node id split the way users browse it: suite → file → test → variant. */
export interface TestIdParts {
  /** e.g. `inference` for `tests/integration/inference/...`; the file's folder otherwise. */
  suite: string;
  file: string;
  /** `Class::function` or `function`, without params. */
  test: string;
  /** The bracketed parameter ids, without brackets; '' when none. */
  params: string;
}

export function parseTestId(testId: string): TestIdParts {
  let params = '';
  let head = testId;
  const bracket = findParamsStart(testId);
  if (bracket >= 0 && testId.endsWith(']')) {
    params = testId.slice(bracket + 1, -1);
    head = testId.slice(0, bracket);
  }
  const sep = head.indexOf('::');
  const file = sep >= 0 ? head.slice(0, sep) : head;
  const test = sep >= 0 ? head.slice(sep + 2) : '';
  return { suite: suiteOf(file), file, test, params };
}

/** Params start at the first `[` after the first `::`: file paths and class names hold no brackets, params may hold anything. */
function findParamsStart(testId: string): number {
  const firstSep = testId.indexOf('::');
  return testId.indexOf('[', firstSep >= 0 ? firstSep : 0);
}

function suiteOf(file: string): string {
  const segments = file.split('/');
  const integration = segments.indexOf('integration');
  if (integration >= 0 && segments.length > integration + 2) return segments[integration + 1]!;
  if (segments.length >= 2) return segments[segments.length - 2]!;
  return '(root)';
}

/** Test id of a test without its params: the key of the test's own page. */
export function testKeyOf(parts: TestIdParts): string {
  return parts.test ? `${parts.file}::${parts.test}` : parts.file;
}
