import { useRef, useState, type DragEvent } from 'react';
import { hasDirectoryPicker, pickDirectory, sourceFromDirectoryHandle } from '../../sources/directoryHandle';
import { sourceFromDrop } from '../../sources/drop';
import { sourceFromFileList } from '../../sources/fileList';
import type { FolderSource } from '../../sources/types';
import { Button } from '../../shared/ui/Button';
import { visibleControls } from '../../shared/visibleText';
import { reportSourceError, setListing, setSide, swapSides, useCompareState, type CompareSource } from './state';
import type { Side } from './protocol';

const sideLabel: Record<Side, { title: string; hint: string }> = {
  base: { title: 'Base', hint: 'before the change' },
  head: { title: 'Head', hint: 'after the change' },
};

function fromFolder(source: FolderSource): CompareSource {
  return { name: source.name, kind: source.kind, files: source.files, skippedCount: source.skippedCount };
}

/** Both folder targets and the swap between them. `onChosen` lets the page drop a PR from its URL. */
export function FolderTargets({ onChosen }: { onChosen: () => void }) {
  const state = useCompareState();
  const folders = state.origin === 'folders';
  return (
    <div className="flex min-w-0 flex-1 items-stretch gap-1.5">
      <FolderTarget side="base" source={folders ? state.base : null} listing={state.listing.base} onChosen={onChosen} />
      <button
        type="button"
        onClick={swapSides}
        disabled={!folders || (!state.base && !state.head)}
        aria-label="Swap base and head"
        title="Swap base and head"
        className="self-center rounded px-1.5 py-1 text-zinc-500 hover:bg-zinc-200 disabled:opacity-40 dark:hover:bg-zinc-800"
      >
        ⇄
      </button>
      <FolderTarget side="head" source={folders ? state.head : null} listing={state.listing.head} onChosen={onChosen} />
    </div>
  );
}

function FolderTarget({ side, source, listing, onChosen }: { side: Side; source: CompareSource | null; listing: boolean; onChosen: () => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const label = sideLabel[side];

  const choose = (next: CompareSource) => {
    onChosen();
    setSide(side, next);
  };

  const fromPicker = async () => {
    try {
      const handle = await pickDirectory();
      if (!handle) return;
      setListing(side, true);
      choose(fromFolder(await sourceFromDirectoryHandle(handle, 'picker')));
    } catch (error) {
      setListing(side, false);
      reportSourceError(`Could not read the ${side} folder: ${String(error)}`);
    }
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    // sourceFromDrop must start inside the drop event, before any await.
    const pending = sourceFromDrop(event.dataTransfer);
    setListing(side, true);
    pending.then(
      (dropped) => {
        if (!dropped) {
          setListing(side, false);
          reportSourceError('Drop a folder (not single files) on Base or Head.');
          return;
        }
        choose(fromFolder(dropped));
      },
      (error: unknown) => {
        setListing(side, false);
        reportSourceError(`Could not read the dropped folder: ${String(error)}`);
      },
    );
  };

  return (
    <div
      data-drop-target={side}
      data-testid={`compare-${side}-drop`}
      onDragEnter={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={onDrop}
      className={`flex min-w-0 flex-1 items-center gap-2 rounded border border-dashed px-2.5 py-1.5 ${
        over
          ? 'border-indigo-500 bg-indigo-50 dark:bg-indigo-950/40'
          : source
            ? 'border-zinc-300 bg-white dark:border-zinc-700 dark:bg-zinc-950'
            : 'border-zinc-300 bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900'
      }`}
    >
      <div className="min-w-0 flex-1">
        <div className="text-[11px] font-semibold uppercase tracking-wide text-zinc-500">
          {label.title} <span className="font-normal normal-case tracking-normal">· {label.hint}</span>
        </div>
        {listing ? (
          <div className="text-[12px] text-zinc-500">Listing files…</div>
        ) : source ? (
          <div className="flex min-w-0 items-baseline gap-1.5" data-testid={`compare-${side}-name`}>
            <span className="truncate font-mono text-[12.5px] font-medium" title={source.name}>
              {visibleControls(source.name)}
            </span>
            <span className="shrink-0 text-[11px] text-zinc-500">
              {source.files.length.toLocaleString()} JSON file{source.files.length === 1 ? '' : 's'}
            </span>
          </div>
        ) : (
          <div className="text-[12px] text-zinc-500">Drop a folder here or choose one</div>
        )}
      </div>
      <Button onClick={() => (hasDirectoryPicker() ? void fromPicker() : inputRef.current?.click())} title={`Choose the ${side} folder`}>
        {source ? 'Change…' : 'Choose…'}
      </Button>
      <input
        ref={inputRef}
        data-testid={side === 'base' ? 'compare-base-input' : 'compare-head-input'}
        type="file"
        aria-label={`Choose the ${side} folder (${label.hint})`}
        className="sr-only"
        tabIndex={-1}
        multiple
        {...{ webkitdirectory: '', directory: '' }}
        onChange={(event) => {
          const files = event.currentTarget.files;
          if (files && files.length > 0) choose(fromFolder(sourceFromFileList(files, 'input')));
          event.currentTarget.value = '';
        }}
      />
    </div>
  );
}
