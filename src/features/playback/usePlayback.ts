import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { stepPlayback, type PlaybackClock } from '../../core/timing/step';
import { parseChunkParam } from './keys';

/**
 * While playing, the URL follows the cursor at most this often: every URL
 * change re-renders the whole recording page through the router, which would
 * cost more than the player itself at 60 updates a second.
 */
const URL_EVERY_MS_PLAYING = 1000;
const URL_EVERY_MS_SCRUBBING = 150;

export type UrlPace = 'now' | 'scrub' | 'play';

export interface Playback {
  cursor: number;
  playing: boolean;
  /** Moves the cursor (clamped) and pauses. */
  seek: (cursor: number, pace?: UrlPace) => void;
  play: () => void;
  pause: () => void;
  toggle: () => void;
}

/**
 * The chunk cursor, mirrored in `?chunk=N` (other search params kept), and
 * a requestAnimationFrame loop that moves it. The only React state a frame
 * touches is the cursor.
 */
export function usePlayback(total: number, clock: PlaybackClock, speed: number): Playback {
  const last = total - 1;
  const [searchParams, setSearchParams] = useSearchParams();
  const urlChunk = searchParams.get('chunk');
  const [cursor, setCursor] = useState(() => parseChunkParam(urlChunk, total));
  const [playing, setPlaying] = useState(false);

  const cursorRef = useRef(cursor);
  const commit = useCallback((next: number) => {
    cursorRef.current = next;
    setCursor(next);
  }, []);

  // URL writes. `seen` is the last chunk value the URL was rendered with;
  // `pending` the values this player wrote that the router has not rendered
  // yet, so our own writes arriving late are not mistaken for a link.
  const seen = useRef(urlChunk);
  const pending = useRef<string[]>([]);
  const dirty = useRef(false);
  const timer = useRef<number | undefined>(undefined);
  const setParamsRef = useRef(setSearchParams);
  useEffect(() => {
    setParamsRef.current = setSearchParams;
  }, [setSearchParams]);

  const flushUrl = useCallback(() => {
    if (timer.current !== undefined) window.clearTimeout(timer.current);
    timer.current = undefined;
    if (!dirty.current) return;
    dirty.current = false;
    const value = String(cursorRef.current);
    if (value === (pending.current.at(-1) ?? seen.current)) return;
    pending.current.push(value);
    setParamsRef.current(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('chunk', value);
        return next;
      },
      { replace: true },
    );
  }, []);

  const scheduleUrl = useCallback(
    (pace: UrlPace) => {
      dirty.current = true;
      if (pace === 'now') return flushUrl();
      if (timer.current === undefined) {
        timer.current = window.setTimeout(flushUrl, pace === 'play' ? URL_EVERY_MS_PLAYING : URL_EVERY_MS_SCRUBBING);
      }
    },
    [flushUrl],
  );

  // A timer must not write this recording's cursor onto the next page's URL.
  useEffect(() => () => window.clearTimeout(timer.current), []);

  // Links, reloads of an in-app URL, back/forward: the URL moves the cursor.
  useEffect(() => {
    if (urlChunk === seen.current) return;
    seen.current = urlChunk;
    const ours = urlChunk === null ? -1 : pending.current.indexOf(urlChunk);
    if (ours >= 0) {
      pending.current.splice(0, ours + 1);
      return;
    }
    pending.current = [];
    dirty.current = false;
    window.clearTimeout(timer.current);
    timer.current = undefined;
    setPlaying(false);
    commit(parseChunkParam(urlChunk, total));
  }, [urlChunk, total, commit]);

  const seek = useCallback(
    (next: number, pace: UrlPace = 'now') => {
      setPlaying(false);
      const clamped = Math.min(last, Math.max(-1, Math.round(next)));
      if (clamped !== cursorRef.current) commit(clamped);
      scheduleUrl(pace);
    },
    [last, commit, scheduleUrl],
  );

  const play = useCallback(() => {
    if (total === 0) return;
    // Play at the end starts over, as media players do.
    if (cursorRef.current >= last) commit(-1);
    setPlaying(true);
  }, [total, last, commit]);

  const pause = useCallback(() => setPlaying(false), []);

  const playingRef = useRef(playing);
  useEffect(() => {
    playingRef.current = playing;
    if (!playing) flushUrl();
  }, [playing, flushUrl]);
  const toggle = useCallback(() => (playingRef.current ? pause() : play()), [play, pause]);

  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let previous: number | null = null;
    let carryMs = 0;
    const tick = (now: number) => {
      const elapsed = previous === null ? 0 : now - previous;
      previous = now;
      const next = stepPlayback({ cursor: cursorRef.current, carryMs }, elapsed, speed, clock, total);
      carryMs = next.carryMs;
      if (next.cursor !== cursorRef.current) {
        commit(next.cursor);
        scheduleUrl('play');
      }
      if (next.done) {
        setPlaying(false);
        return;
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, speed, clock, total, commit, scheduleUrl]);

  return { cursor, playing, seek, play, pause, toggle };
}
