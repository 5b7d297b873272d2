import { useEffect, useRef, useState, type PointerEvent } from 'react';
import type { NekoDocument } from '../../src/document/types.js';
import { useServices } from '../services/context.js';
import { useStudio } from '../store/react.js';
import { formatTime } from './SegmentRow.js';
import { peaks, pixelsPerSecond } from './waveform-layout.js';

const HEIGHT = 72;
const WAVEFORM_SAMPLE_RATE = 8000;

/**
 * The recording as a waveform with every timed segment as a region. A click on a region selects its
 * segment; the selected region's edges drag its start and end (one undo step per drag); the line
 * is the playhead. Decoded in the page with Web Audio, so no extra library and no server work.
 */
export function Waveform({
  document,
  documentId,
  audioPath,
}: {
  document: NekoDocument;
  documentId: string;
  audioPath: string;
}) {
  const { api } = useServices();
  const selectedSegmentId = useStudio((state) => state.selectedSegmentId);
  const selectSegment = useStudio((state) => state.selectSegment);
  const setSegmentTimes = useStudio((state) => state.setSegmentTimes);
  const playbackTime = useStudio((state) => state.playbackTime);
  const mediaRevision = useStudio((state) => state.mediaRevision);
  const canvas = useRef<HTMLCanvasElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const [audio, setAudio] = useState<{ key: string; samples: Float32Array; duration: number }>();
  const [width, setWidth] = useState(400);
  const src = api.mediaUrl(documentId, audioPath);
  const sourceKey = `${src}#${mediaRevision}`;

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth || 400));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    let current = true;
    // Decoded at 8 kHz, mono: enough for a waveform, and an hour of audio takes 115 MB, not the
    // 690 MB it would at the usual 48 kHz.
    const context = new OfflineAudioContext(1, 1, WAVEFORM_SAMPLE_RATE);
    fetch(src)
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.arrayBuffer();
      })
      .then((bytes) => context.decodeAudioData(bytes))
      .then((buffer) => {
        if (current)
          setAudio({
            key: sourceKey,
            samples: buffer.getChannelData(0),
            duration: buffer.duration,
          });
      })
      // A missing or undecodable file is said by the player above; the waveform stays empty.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [src, sourceKey]);

  const loaded = audio?.key === sourceKey ? audio : undefined;
  const duration =
    loaded?.duration ?? Math.max(1, ...document.segments.map((segment) => segment.end ?? 0));
  const scale = pixelsPerSecond(duration, width);
  const totalWidth = Math.ceil(duration * scale);

  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    const ratio = window.devicePixelRatio || 1;
    element.width = Math.round(totalWidth * ratio);
    element.height = Math.round(HEIGHT * ratio);
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, totalWidth, HEIGHT);
    if (!loaded) return;
    const columns = peaks(loaded.samples, totalWidth);
    const loudest = Math.max(0.001, ...columns);
    context.fillStyle = '#6b7a90';
    columns.forEach((peak, x) => {
      const height = Math.max(1, (peak / loudest) * (HEIGHT - 8));
      context.fillRect(x, (HEIGHT - height) / 2, 1, height);
    });
  }, [loaded, totalWidth]);

  // Keep the selected segment in view.
  const selected = document.segments.find((segment) => segment.id === selectedSegmentId);
  useEffect(() => {
    const element = scroller.current;
    if (!element || selected?.start === undefined) return;
    const left = selected.start * scale;
    const right = (selected.end ?? selected.start) * scale;
    if (left < element.scrollLeft || right > element.scrollLeft + element.clientWidth)
      element.scrollLeft = Math.max(0, left - 40);
  }, [selected?.start, selected?.end, scale]);

  return (
    <div className="waveform" ref={scroller} data-testid="waveform">
      <div className="waveform-track" style={{ width: totalWidth, height: HEIGHT }}>
        <canvas
          ref={canvas}
          data-testid="waveform-canvas"
          data-pixels-per-second={scale}
          style={{ width: totalWidth, height: HEIGHT }}
        />
        {document.segments.map((segment) =>
          segment.start === undefined || segment.end === undefined ? null : (
            <div
              key={segment.id}
              data-testid="waveform-region"
              data-segment-id={segment.id}
              data-selected={segment.id === selectedSegmentId}
              className={
                segment.id === selectedSegmentId ? 'waveform-region is-selected' : 'waveform-region'
              }
              style={{
                left: segment.start * scale,
                width: Math.max(1, (segment.end - segment.start) * scale),
              }}
              title={`${formatTime(segment.start)}–${formatTime(segment.end)}`}
              onClick={() => selectSegment(segment.id)}
            >
              {segment.id === selectedSegmentId &&
                (['start', 'end'] as const).map((edge) => (
                  <RegionEdge
                    key={edge}
                    edge={edge}
                    value={segment[edge]!}
                    scale={scale}
                    onMove={(time, key) => setSegmentTimes(segment.id, { [edge]: time }, key)}
                  />
                ))}
            </div>
          ),
        )}
        <div className="waveform-playhead" style={{ left: playbackTime * scale }} />
      </div>
    </div>
  );
}

/** A draggable edge of the selected region; each drag is one undo step (its own coalescing key). */
function RegionEdge({
  edge,
  value,
  scale,
  onMove,
}: {
  edge: 'start' | 'end';
  value: number;
  scale: number;
  onMove(time: number, dragKey: string): void;
}) {
  const dragKey = useRef<string | null>(null);
  const timeAt = (event: PointerEvent) => {
    const track = event.currentTarget.closest('.waveform-track')!.getBoundingClientRect();
    return Math.max(0, (event.clientX - track.left) / scale);
  };
  return (
    <span
      className={`waveform-edge edge-${edge}`}
      data-testid={`region-${edge}`}
      role="slider"
      aria-label={`Segment ${edge} (drag, or ${edge === 'start' ? '[ and ]' : '; and \u2019'})`}
      aria-valuenow={value}
      onPointerDown={(event) => {
        event.stopPropagation();
        event.currentTarget.setPointerCapture(event.pointerId);
        dragKey.current = `drag:${edge}:${event.timeStamp}`;
      }}
      onPointerMove={(event) => {
        if (dragKey.current) onMove(timeAt(event), dragKey.current);
      }}
      onPointerUp={() => {
        dragKey.current = null;
      }}
      onPointerCancel={() => {
        dragKey.current = null;
      }}
      onClick={(event) => event.stopPropagation()}
    />
  );
}
