/**
 * Small preferences kept in localStorage. Storage can be denied (a privacy
 * setting, a sandboxed frame: even reading `localStorage` throws); the page
 * must work the same then, only forgetting the preference.
 */
export function readSetting(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** `null` removes the setting. */
export function writeSetting(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Denied storage only costs remembering the choice; it still applies to this page.
  }
}
