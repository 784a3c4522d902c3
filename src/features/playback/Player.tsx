import type { Recording } from '../../core/recording/types';

/** Placeholder until the player lands (issue #4). */
export function Player({ recording }: { recording: Recording }) {
  return (
    <section id="playback" data-testid="playback" className="px-4 py-3 text-xs text-zinc-500">
      {recording.chunkCount} chunks
    </section>
  );
}
