import { findSegment } from './segment-index.js';
import { segmentAtTime, wordAtTime } from './selectors.js';
import type { SliceCreator } from './studio.js';

export const PLAYBACK_RATES = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;

export interface SeekRequest {
  time: number;
  /** Where playback pauses by itself: the end of the segment being played. */
  until?: number;
  /** Seeking to the same time twice must still reach the player, so each request is distinct. */
  serial: number;
}

export interface MediaSlice {
  /** Seconds, as last reported by the player. */
  playbackTime: number;
  playing: boolean;
  playbackRate: number;
  /** The segment and word under the playhead, kept here so that only their rows re-render. */
  playingSegmentId: string | null;
  playingWordIndex: number;
  /** The player seeks (and plays) when this changes. */
  seekRequest: SeekRequest | null;
  /** Scans: the line under the pointer, whose box the page view highlights. */
  hoveredSegmentId: string | null;

  playFrom(time: number): void;
  /** Plays one segment, stopping at its end. */
  playSegment(segmentId: string): void;
  /** Space: pauses, or plays on from where it is. */
  togglePlayback(): void;
  /** The player acts on it when its serial changes. */
  toggleRequest: number;
  reportPlayback(time: number, playing: boolean): void;
  setPlaybackRate(rate: number): void;
  hoverSegment(segmentId: string | null): void;
}

export const createMediaSlice: SliceCreator<MediaSlice> = (set, get) => ({
  playbackTime: 0,
  playing: false,
  playbackRate: 1,
  playingSegmentId: null,
  playingWordIndex: -1,
  seekRequest: null,
  hoveredSegmentId: null,
  toggleRequest: 0,

  playFrom(time) {
    set({ seekRequest: { time: Math.max(0, time), serial: (get().seekRequest?.serial ?? 0) + 1 } });
  },

  playSegment(segmentId) {
    const { document } = get();
    const segment = document && findSegment(document, segmentId);
    if (segment?.start === undefined) return;
    set({
      seekRequest: {
        time: Math.max(0, segment.start),
        ...(segment.end !== undefined ? { until: segment.end } : {}),
        serial: (get().seekRequest?.serial ?? 0) + 1,
      },
    });
  },

  togglePlayback() {
    set({ toggleRequest: get().toggleRequest + 1 });
  },

  reportPlayback(time, playing) {
    const { document } = get();
    const segment = document ? segmentAtTime(document, time) : undefined;
    set({
      playbackTime: time,
      playing,
      playingSegmentId: segment?.id ?? null,
      playingWordIndex: segment ? wordAtTime(segment.words, time) : -1,
    });
  },

  setPlaybackRate(rate) {
    set({ playbackRate: Math.min(2, Math.max(0.5, rate)) });
  },

  hoverSegment(segmentId) {
    set({ hoveredSegmentId: segmentId });
  },
});
