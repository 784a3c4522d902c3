import { readSetting, writeSetting } from './settings';

export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'recording-inspector-theme';

export function storedTheme(): ThemeChoice {
  const value = readSetting(KEY);
  return value === 'light' || value === 'dark' ? value : 'system';
}

export function applyTheme(choice: ThemeChoice) {
  const dark = choice === 'dark' || (choice === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
}

export function setTheme(choice: ThemeChoice) {
  writeSetting(KEY, choice === 'system' ? null : choice);
  applyTheme(choice);
}

export function applyStoredTheme() {
  applyTheme(storedTheme());
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => applyTheme(storedTheme()));
}
