/**
 * The GitHub token: in memory only, unless the user ticks "remember on this
 * device". Storage can be denied (privacy modes, sandboxed frames); the token
 * then simply lives in memory.
 */
const TOKEN_KEY = 'recording-inspector:github-token';

let memoryToken = '';

export function rememberedToken(): { token: string; remembered: boolean } {
  try {
    const stored = localStorage.getItem(TOKEN_KEY);
    if (stored) return { token: stored, remembered: true };
  } catch {
    // Storage denied: memory only.
  }
  return { token: memoryToken, remembered: false };
}

export function setToken(token: string, remember: boolean): void {
  memoryToken = token;
  try {
    if (remember && token) localStorage.setItem(TOKEN_KEY, token);
    else localStorage.removeItem(TOKEN_KEY);
  } catch {
    // See rememberedToken.
  }
}
