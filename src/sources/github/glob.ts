/**
 * A deliberately tiny glob: `**` (any depth, including none), `*` (within one
 * path segment), `?` (one character, not `/`). Everything else is literal, so
 * a path with brackets or braces never turns into a pattern by surprise.
 */
export const DEFAULT_RECORDINGS_GLOB = '**/recordings/**/*.json';

export function globToRegExp(glob: string): RegExp {
  let source = '';
  let i = 0;
  while (i < glob.length) {
    if (glob.startsWith('**/', i)) {
      source += '(?:.*/)?';
      i += 3;
    } else if (glob.startsWith('**', i)) {
      source += '.*';
      i += 2;
    } else if (glob[i] === '*') {
      source += '[^/]*';
      i += 1;
    } else if (glob[i] === '?') {
      source += '[^/]';
      i += 1;
    } else {
      source += glob[i]!.replace(/[.+^${}()|[\]\\/-]/g, '\\$&');
      i += 1;
    }
  }
  return new RegExp(`^${source}$`);
}

/** A matcher for many paths; an empty glob matches everything. */
export function globMatcher(glob: string): (path: string) => boolean {
  const trimmed = glob.trim();
  if (trimmed === '') return () => true;
  const re = globToRegExp(trimmed.replace(/^\.?\//, ''));
  return (path) => re.test(path);
}

export function matchGlob(glob: string, path: string): boolean {
  return globMatcher(glob)(path);
}
