import { CURRENT_VERSION, describeExplanation, type KeyFamily } from '../src/core/replay-keys';

/** One line of `--json` per file, named like the replay-key oracle's fields. */
export interface VerifiedFile {
  path: string;
  test_id: string | null;
  family: string | null;
  name_hash: string | null;
  matches: string[];
  newest: string | null;
  verdict: 'current' | 'stale' | 'none' | null;
  superseded_by: string | null;
  superseded_extra_keys?: string[];
  explained_by?: string;
  no_key_reason?: string;
}

/** Why a file is dead weight, in one line. */
export function deadReasons(file: VerifiedFile): string[] {
  const reasons: string[] = [];
  if (file.verdict === 'stale') {
    const current = file.family ? CURRENT_VERSION[file.family as KeyFamily] : null;
    reasons.push(
      current
        ? `stale: its name matches ${file.newest ?? 'an older rule'}, not the current ${current}`
        : `stale: the ${file.family} family is retired (always runs live), so no recording of it is replayed`,
    );
  } else if (file.verdict === 'none') {
    reasons.push(`none: ${describeExplanation(file.explained_by ?? 'unexplained')}`);
  }
  if (file.superseded_by) {
    const extra = file.superseded_extra_keys?.length ? `, which also sends ${file.superseded_extra_keys.join(', ')}` : '';
    reasons.push(`superseded by ${file.superseded_by}${extra}`);
  }
  return reasons;
}

