/** Drawn rather than typed: media glyphs like ⏮ render as colour emoji in some fonts. */
const PATHS = {
  start: 'M3 2h1.6v10H3zM12 2v10L5.5 7z',
  back: 'M10.5 2v10L4 7z',
  play: 'M4 2v10l8-5z',
  pause: 'M3.5 2h2.4v10H3.5zM8.1 2h2.4v10H8.1z',
  forward: 'M3.5 2v10L10 7z',
  end: 'M9.4 2H11v10H9.4zM2 2v10l6.5-5z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg viewBox="0 0 14 14" width="12" height="12" aria-hidden="true" focusable="false" className="fill-current">
      <path d={PATHS[name]} />
    </svg>
  );
}
