import { useState } from 'react';
import { setTheme, storedTheme, type ThemeChoice } from '../theme';

const next: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };
const label: Record<ThemeChoice, string> = { system: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' };
const icon: Record<ThemeChoice, string> = { system: '◐', light: '☀', dark: '☾' };

export function ThemeToggle() {
  const [choice, setChoice] = useState<ThemeChoice>(storedTheme);
  return (
    <button
      type="button"
      aria-label={`${label[choice]} (click to change)`}
      title={label[choice]}
      onClick={() => {
        const value = next[choice];
        setTheme(value);
        setChoice(value);
      }}
      className="rounded px-2 py-1 text-base leading-none hover:bg-zinc-200 dark:hover:bg-zinc-800"
    >
      {icon[choice]}
    </button>
  );
}
