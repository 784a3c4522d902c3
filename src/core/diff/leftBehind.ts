/**
 * Files a change left behind, from replay keys: a head file is left behind
 * when the recorder can no longer reach it (verdict `stale` or `none`) or a
 * newer sibling supersedes it, and it belongs to a test the change touched
 * (a test with an added, modified or re-keyed recording). Only the head files
 * of touched tests are keyed, so the cost follows the size of the change.
 */
import { computeFileKeys, describeExplanation, resolveSuperseded, RULE_VERSIONS, type KeyedFile } from '../replay-keys';
import { normalizePath, type CompareEntry, type SnapshotFile } from './classify';
import { hasOwn, isPlainObject, tryParseJson } from './json';
import type { LeftBehindFile } from './review';

const CURRENT_IDS = RULE_VERSIONS.filter((v) => v.current).map((v) => v.id);
const RULE_FAMILY: ReadonlyMap<string, string> = new Map(RULE_VERSIONS.map((v) => [v.id, v.family]));

/** Test ids with an added, modified or re-keyed recording. */
export function touchedTestIds(entries: readonly CompareEntry[]): Set<string> {
  const touched = new Set<string>();
  for (const e of entries) {
    if ((e.status === 'added' || e.status === 'modified' || e.status === 'rekeyed') && e.testId !== null) touched.add(e.testId);
  }
  return touched;
}

function storedTestId(text: string): string | null {
  const parsed = tryParseJson(text);
  if (!parsed.ok || !isPlainObject(parsed.value)) return null;
  const doc = parsed.value;
  if (typeof doc.test_id === 'string') return doc.test_id;
  const request = hasOwn(doc, 'request') ? doc.request : undefined;
  return isPlainObject(request) && typeof request.test_id === 'string' ? request.test_id : null;
}

export async function findLeftBehind(entries: readonly CompareEntry[], head: readonly SnapshotFile[]): Promise<LeftBehindFile[]> {
  const touched = touchedTestIds(entries);
  if (touched.size === 0) return [];
  const toKey: { path: string; testId: string; text: string }[] = [];
  const seen = new Set<string>();
  for (const file of head) {
    const path = normalizePath(file.path);
    if (seen.has(path)) continue;
    seen.add(path);
    const text = file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text;
    const testId = storedTestId(text);
    if (testId === null || !touched.has(testId)) continue;
    toKey.push({ path, testId, text });
  }
  const keys = await computeFileKeys(toKey);
  const keyed: KeyedFile[] = toKey.map(({ path, testId }, i) => ({ path, testId, key: keys[i]! }));
  const superseded = resolveSuperseded(keyed);
  const out: LeftBehindFile[] = [];
  for (const file of keyed) {
    const { verdict } = file.key;
    const by = superseded.get(file.path);
    if (verdict !== 'stale' && verdict !== 'none' && !by) continue;
    const reasons: string[] = [];
    if (verdict === 'stale') {
      reasons.push(
        `stale: its name matches ${file.key.matches.join(', ') || 'a retired rule'} only, not today's ${CURRENT_IDS.filter((id) => RULE_FAMILY.get(id) === file.key.family).join(', ') || 'recorder'}`,
      );
    } else if (verdict === 'none') {
      reasons.push(`no rule version reproduces its name: ${describeExplanation(file.key.explainedBy ?? 'unexplained')}`);
    }
    if (by) reasons.push(`superseded by ${fileName(by.by)}, whose request adds ${by.extraKeys.join(', ')}`);
    const item: LeftBehindFile = { path: file.path, testId: file.testId!, verdict, reason: reasons.join('; ') };
    if (by) item.supersededBy = by.by;
    out.push(item);
  }
  out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return out;
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
