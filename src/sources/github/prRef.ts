/**
 * Pull request references as users paste them: the web URL (with any trailing
 * `/files`, `?diff=split`, `#...`), `OWNER/REPO#N`, or the `OWNER/REPO/N` form
 * the app writes into its own URL.
 */
export interface PrRef {
  owner: string;
  repo: string;
  number: number;
}

// GitHub's own limits: owners are alphanumerics and single hyphens, repos add `.` and `_`.
const OWNER = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})';
const REPO = '[A-Za-z0-9._-]{1,100}';
const NUMBER = '[0-9]{1,9}';

const WEB_URL = new RegExp(`^(?:https?://)?(?:www\\.)?github\\.com/(${OWNER})/(${REPO})/pulls?/(${NUMBER})(?:[/?#].*)?$`, 'i');
const SHORT = new RegExp(`^(${OWNER})/(${REPO})#(${NUMBER})$`);
const PARAM = new RegExp(`^(${OWNER})/(${REPO})/(?:pull/)?(${NUMBER})/?$`);

export function parsePrRef(input: string): PrRef | null {
  const text = input.trim();
  const match = WEB_URL.exec(text) ?? SHORT.exec(text) ?? PARAM.exec(text);
  if (!match) return null;
  const [, owner, repo, digits] = match;
  if (!owner || !repo || !digits || repo === '.' || repo === '..') return null;
  const number = Number(digits);
  if (!Number.isSafeInteger(number) || number <= 0) return null;
  // `repo.git` is how clones are named; the API knows the repo without it.
  return { owner, repo: repo.replace(/\.git$/i, ''), number };
}

/** The form kept in the app's URL (`?pr=OWNER/REPO/N`). */
export function formatPrParam(ref: PrRef): string {
  return `${ref.owner}/${ref.repo}/${ref.number}`;
}

export function prWebUrl(ref: PrRef): string {
  return `https://github.com/${ref.owner}/${ref.repo}/pull/${ref.number}`;
}

export function samePr(a: PrRef | null | undefined, b: PrRef | null | undefined): boolean {
  if (!a || !b) return false;
  return a.owner.toLowerCase() === b.owner.toLowerCase() && a.repo.toLowerCase() === b.repo.toLowerCase() && a.number === b.number;
}
