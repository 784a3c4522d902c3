import { readSetting, writeSetting } from '../../shared/settings';
import { useCallback, useState, type KeyboardEvent, type PointerEvent } from 'react';

/** A sidebar width the user drags or moves with arrow keys, remembered per browser. */
export function useResizableWidth(key: string, initial: number) {
  const [width, setWidth] = useState(() => Number(readSetting(key)) || initial);
  const commit = useCallback(
    (value: number) => {
      const clamped = Math.max(240, Math.min(900, value));
      setWidth(clamped);
      writeSetting(key, String(clamped));
    },
    [key],
  );
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const startX = event.clientX;
    const startWidth = width;
    const move = (e: globalThis.PointerEvent) => commit(startWidth + e.clientX - startX);
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'ArrowLeft') commit(width - 24);
    if (event.key === 'ArrowRight') commit(width + 24);
  };
  return {
    width,
    handleProps: {
      role: 'separator',
      'aria-orientation': 'vertical' as const,
      'aria-label': 'Resize the list',
      'aria-valuenow': width,
      tabIndex: 0,
      onPointerDown,
      onKeyDown,
    },
  };
}
