import { useEffect, useState } from 'react';
import { useOpenFolder } from './useOpenFolder';

/** Dropping a folder anywhere on the page opens it; an overlay says so while dragging. */
export function PageDropZone() {
  const open = useOpenFolder();
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    let depth = 0;
    const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');
    const onEnter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth++;
      setDragging(true);
    };
    const onLeave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (event: DragEvent) => {
      if (hasFiles(event)) event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      depth = 0;
      setDragging(false);
      if (!event.dataTransfer || !hasFiles(event)) return;
      // The compare page handles its own drops onto its two targets.
      if ((event.target as HTMLElement | null)?.closest?.('[data-drop-target]')) return;
      event.preventDefault();
      void open.fromDrop(event.dataTransfer);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [open]);
  if (!dragging) return null;
  return (
    <div className="pointer-events-none fixed inset-0 z-50 flex items-center justify-center bg-indigo-600/15 backdrop-blur-[1px]">
      <div className="rounded-lg border-2 border-dashed border-indigo-500 bg-white/90 px-8 py-6 text-base font-medium text-indigo-700 dark:bg-zinc-900/90 dark:text-indigo-300">
        Drop a recordings folder to open it
      </div>
    </div>
  );
}
