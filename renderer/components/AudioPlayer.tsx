import { useEffect, useRef, useState } from 'react';
import { MediaPicker } from './MediaPicker.js';
import { useServices } from '../services/context.js';
import { useStudio } from '../store/react.js';
import { PLAYBACK_RATES } from '../store/media-slice.js';

/**
 * The transcript's audio. The store asks for seeks (a click on a segment or word); the player reports
 * its time back, and the store works out which segment and word to highlight.
 */
export function AudioPlayer({ documentId, audioPath }: { documentId: string; audioPath: string }) {
  const { api } = useServices();
  const audio = useRef<HTMLAudioElement>(null);
  const seekRequest = useStudio((state) => state.seekRequest);
  const playbackRate = useStudio((state) => state.playbackRate);
  const setPlaybackRate = useStudio((state) => state.setPlaybackRate);
  const reportPlayback = useStudio((state) => state.reportPlayback);
  const showError = useStudio((state) => state.showError);
  const mediaRevision = useStudio((state) => state.mediaRevision);
  const src = api.mediaUrl(documentId, audioPath);
  const sourceKey = `${src}#${mediaRevision}`;
  // A project reopened without its recording (or a transcript whose audio was not chosen) has an
  // audio name the core cannot serve: ask for the file instead of showing a dead player.
  const [failedSource, setFailedSource] = useState<string | null>(null);
  const missing = failedSource === sourceKey;

  const toggleRequest = useStudio((state) => state.toggleRequest);
  // Where playback of one segment pauses by itself; a plain seek or Space clears it.
  const stopAt = useRef<number | undefined>(undefined);

  const play = (element: HTMLAudioElement) =>
    element.play().catch((error: unknown) => {
      if (error instanceof Error && error.name !== 'AbortError')
        showError(`${audioPath}: ${error.message}`);
    });

  useEffect(() => {
    const element = audio.current;
    if (!element || !seekRequest) return;
    stopAt.current = seekRequest.until;
    element.currentTime = seekRequest.time;
    void play(element);
    // play() is recreated each render; the request alone decides when to seek.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [seekRequest]);

  useEffect(() => {
    const element = audio.current;
    if (!element || toggleRequest === 0) return;
    stopAt.current = undefined;
    if (element.paused) void play(element);
    else element.pause();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [toggleRequest]);

  // timeupdate comes about four times a second, too late to stop at a segment's end; a frame loop
  // runs while a stop is set and the audio plays.
  useEffect(() => {
    let frame = 0;
    const check = () => {
      const element = audio.current;
      if (element && stopAt.current !== undefined && !element.paused) {
        if (element.currentTime >= stopAt.current) {
          element.pause();
          element.currentTime = stopAt.current;
          stopAt.current = undefined;
        }
      }
      frame = requestAnimationFrame(check);
    };
    frame = requestAnimationFrame(check);
    return () => cancelAnimationFrame(frame);
  }, []);

  useEffect(() => {
    if (audio.current) audio.current.playbackRate = playbackRate;
  }, [playbackRate]);

  const report = () => {
    const element = audio.current;
    if (element) reportPlayback(element.currentTime, !element.paused);
  };

  return (
    <section className="audio-player" aria-label="Audio">
      {missing && (
        <div className="media-missing" role="status" data-testid="audio-missing">
          <p>
            The audio “{audioPath}” cannot be loaded: it was not opened with this document (a
            project reopened without its recording), or it is not a format this player knows. Choose
            the file to play the segments.
          </p>
          <MediaPicker
            target={{ audio: true }}
            accept="audio/*,video/*"
            label="Choose the audio file…"
            testId="choose-audio"
          />
        </div>
      )}
      <audio
        key={sourceKey}
        ref={audio}
        data-testid="audio-player"
        controls
        preload="metadata"
        src={src}
        onTimeUpdate={report}
        onPlay={report}
        onPause={report}
        onSeeked={report}
        onRateChange={(event) => setPlaybackRate(event.currentTarget.playbackRate)}
        onError={(event) => {
          // 404: not opened with the document (asked for above); anything else: a file it cannot play.
          if (event.currentTarget.error?.code === MediaError.MEDIA_ERR_SRC_NOT_SUPPORTED)
            setFailedSource(sourceKey);
          else showError(`${audioPath}: the audio cannot be played`);
        }}
      />
      <label className="playback-rate">
        Speed
        <select
          value={playbackRate}
          onChange={(event) => setPlaybackRate(Number(event.currentTarget.value))}
          data-testid="playback-rate"
        >
          {PLAYBACK_RATES.map((rate) => (
            <option key={rate} value={rate}>
              {rate}×
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
