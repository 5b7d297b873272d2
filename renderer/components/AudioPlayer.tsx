import { useEffect, useRef } from 'react';
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

  useEffect(() => {
    const element = audio.current;
    if (!element || !seekRequest) return;
    element.currentTime = seekRequest.time;
    element.play().catch((error: unknown) => {
      if (error instanceof Error && error.name !== 'AbortError')
        showError(`${audioPath}: ${error.message}`);
    });
  }, [seekRequest, audioPath, showError]);

  useEffect(() => {
    if (audio.current) audio.current.playbackRate = playbackRate;
  }, [playbackRate]);

  const report = () => {
    const element = audio.current;
    if (element) reportPlayback(element.currentTime, !element.paused);
  };

  return (
    <section className="audio-player" aria-label="Audio">
      <audio
        ref={audio}
        data-testid="audio-player"
        controls
        preload="metadata"
        src={api.mediaUrl(documentId, audioPath)}
        onTimeUpdate={report}
        onPlay={report}
        onPause={report}
        onSeeked={report}
        onRateChange={(event) => setPlaybackRate(event.currentTarget.playbackRate)}
        onError={() => showError(`${audioPath}: the audio cannot be played`)}
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
