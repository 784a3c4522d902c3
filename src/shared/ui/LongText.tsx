import { useState } from 'react';

/** Texts up to the limit are shown whole; longer ones are cut with a "show all" control. */
export const LONG_TEXT_LIMIT = 100_000;

export function LongText({ text, testId, className = '' }: { text: string; testId?: string; className?: string }) {
  const [all, setAll] = useState(false);
  const cut = !all && text.length > LONG_TEXT_LIMIT;
  return (
    <div>
      <pre data-testid={testId} data-truncated={cut ? 'true' : undefined} className={`verbatim text-[12.5px] ${className}`}>
        {cut ? text.slice(0, LONG_TEXT_LIMIT) : text}
      </pre>
      {cut && (
        <button type="button" className="mt-1 text-xs text-indigo-600 underline" onClick={() => setAll(true)}>
          Show all {text.length.toLocaleString()} characters ({(text.length - LONG_TEXT_LIMIT).toLocaleString()} more)
        </button>
      )}
    </div>
  );
}
