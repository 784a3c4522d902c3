import { useState } from 'react';
import type { LoadedRecording } from './recordingQueries';
import { Section } from '../../shared/ui/Section';
import { JsonTree } from '../../shared/ui/JsonTree';
import { CopyButton } from '../../shared/ui/CopyButton';
import { LongText } from '../../shared/ui/LongText';
import { formatBytes } from '../../core/units/units';

/** The file as recorded: a lazy tree (fast on 1 MB, safe on deep nesting) or the exact text. */
export function RawSection({ loaded, defaultOpen = false }: { loaded: LoadedRecording; defaultOpen?: boolean }) {
  const [open, setOpen] = useState(defaultOpen);
  const [mode, setMode] = useState<'tree' | 'text'>('tree');
  return (
    <Section
      id="raw"
      title={`${loaded.recording?.cassette ? 'Raw interaction (as JSON)' : 'Raw JSON'} · ${formatBytes(loaded.text.length)}`}
      actions={
        <>
          {open && (
            <button type="button" className="text-xs text-zinc-500 hover:underline" onClick={() => setMode(mode === 'tree' ? 'text' : 'tree')}>
              {mode === 'tree' ? 'Show as text' : 'Show as tree'}
            </button>
          )}
          <CopyButton text={loaded.text} label="raw JSON" />
          <button type="button" aria-expanded={open} className="text-xs text-indigo-600 hover:underline" onClick={() => setOpen(!open)}>
            {open ? 'Hide' : 'Show'}
          </button>
        </>
      }
    >
      {open && (
        <div data-testid="raw-json">
          {mode === 'tree' && loaded.value !== undefined ? (
            <JsonTree value={loaded.value} defaultDepth={2} />
          ) : (
            <LongText text={loaded.text} className="text-[12px]" />
          )}
        </div>
      )}
    </Section>
  );
}
