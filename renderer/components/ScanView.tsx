import {
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type WheelEvent,
} from 'react';
import type { NekoDocument } from '../../src/document/types.js';
import { useServices } from '../services/context.js';
import { useStudio } from '../store/react.js';
import { findSegment } from '../store/segment-index.js';
import { MediaPicker } from './MediaPicker.js';
import {
  FIT_PAGE,
  fittedPage,
  fitWidth,
  panBy,
  zoomAt,
  zoomToLine,
  type ScanZoom,
  type ViewSize,
} from './scan-zoom.js';

const KEY_ZOOM = 1.25;
const KEY_PAN_PX = 60;

/**
 * A scan's page image with its OCR boxes. Hovering or selecting a line highlights its box; with zoom
 * on, the view zooms to the selected line. Clicking a box selects its line.
 */
export function ScanView({ document, documentId }: { document: NekoDocument; documentId: string }) {
  const { api } = useServices();
  const selectedSegmentId = useStudio((state) => state.selectedSegmentId);
  const hoveredSegmentId = useStudio((state) => state.hoveredSegmentId);
  const selectSegment = useStudio((state) => state.selectSegment);
  const hoverSegment = useStudio((state) => state.hoverSegment);
  // Zoom to line follows the selection; any zoom, pan or fit by the user turns it off.
  const [followLine, setFollowLine] = useState(true);
  const [manualZoom, setManualZoom] = useState<ScanZoom>(FIT_PAGE);
  const viewport = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<ViewSize>({ width: 400, height: 400 });
  // From where the drag started: each move sets the view from there, so no move is lost between
  // renders.
  const panning = useRef<{ x: number; y: number; from: ScanZoom; moved: boolean } | null>(null);
  const dragEnded = useRef(false);
  const [isPanning, setIsPanning] = useState(false);
  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const observer = new ResizeObserver(() =>
      setView({ width: element.clientWidth || 400, height: element.clientHeight || 400 }),
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const mediaRevision = useStudio((state) => state.mediaRevision);
  // The image that failed to load, by URL and revision: a newly chosen file is tried afresh.
  const [failedImage, setFailedImage] = useState<string | null>(null);
  const selected = selectedSegmentId ? findSegment(document, selectedSegmentId) : undefined;
  const pages = document.pages ?? [];
  const page = pages.find((candidate) => candidate.index === selected?.layout?.page) ?? pages[0];
  if (!page) return <p className="media-missing">This scan has no page information.</p>;

  const lines = document.segments.filter((segment) => segment.layout?.page === page.index);
  const focus = hoveredSegmentId ? findSegment(document, hoveredSegmentId) : selected;
  const lineZoom =
    followLine && selected?.layout?.page === page.index
      ? zoomToLine(view, page, selected.layout.bbox)
      : undefined;
  const zoom: ScanZoom = lineZoom ?? (followLine ? FIT_PAGE : manualZoom);
  const fitted = fittedPage(view, page);
  const setZoom = (next: ScanZoom) => {
    setFollowLine(false);
    setManualZoom(next);
  };

  function onWheel(event: WheelEvent) {
    const bounds = event.currentTarget.getBoundingClientRect();
    const factor = Math.exp(-event.deltaY * 0.002);
    setZoom(
      zoomAt(
        zoom,
        factor,
        event.clientX - (bounds.left + bounds.width / 2),
        event.clientY - (bounds.top + bounds.height / 2),
        fitted,
      ),
    );
  }

  // Keys while the page view has focus; they are the view's, not the list's (preventDefault).
  function onKeyDown(event: KeyboardEvent) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const pans: Record<string, [number, number]> = {
      ArrowLeft: [KEY_PAN_PX, 0],
      ArrowRight: [-KEY_PAN_PX, 0],
      ArrowUp: [0, KEY_PAN_PX],
      ArrowDown: [0, -KEY_PAN_PX],
    };
    const pan = pans[event.key];
    if (pan) setZoom(panBy(zoom, pan[0], pan[1], fitted));
    else if (event.key === '+' || event.key === '=') setZoom(zoomAt(zoom, KEY_ZOOM, 0, 0, fitted));
    else if (event.key === '-') setZoom(zoomAt(zoom, 1 / KEY_ZOOM, 0, 0, fitted));
    else if (event.key === 'w') setZoom(fitWidth(view, page!));
    else if (event.key === 'f') setZoom(FIT_PAGE);
    else if (event.key === 'l') setFollowLine(true);
    else return;
    event.preventDefault();
  }

  function onPointerDown(event: PointerEvent) {
    if (event.button !== 0) return;
    panning.current = { x: event.clientX, y: event.clientY, from: zoom, moved: false };
  }

  function onPointerMove(event: PointerEvent) {
    const start = panning.current;
    if (!start) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    // A few pixels of wobble are still a click on a box.
    if (!start.moved && Math.hypot(dx, dy) < 4) return;
    if (!start.moved) {
      event.currentTarget.setPointerCapture(event.pointerId);
      start.moved = true;
      setIsPanning(true);
    }
    setZoom(panBy(start.from, dx, dy, fitted));
  }

  function onPointerUp() {
    dragEnded.current = panning.current?.moved ?? false;
    panning.current = null;
    setIsPanning(false);
  }
  const imageSrc = page.image ? api.mediaUrl(documentId, page.image) : undefined;
  const imageKey = `${imageSrc}#${mediaRevision}`;
  const imageMissing = !page.image || failedImage === imageKey;

  return (
    <section className="scan-view" aria-label="Page image">
      <div className="scan-toolbar">
        <span>
          Page {page.index + 1} of {pages.length}
        </span>
        <span className="scan-zoom-controls">
          <button
            type="button"
            onClick={() => setZoom(fitWidth(view, page))}
            data-testid="fit-width"
            title="Fit width (W)"
          >
            Fit width
          </button>
          <button
            type="button"
            onClick={() => setZoom(FIT_PAGE)}
            data-testid="fit-page"
            title="Fit page (F)"
          >
            Fit page
          </button>
          <button
            type="button"
            onClick={() => setZoom(zoomAt(zoom, 1 / KEY_ZOOM, 0, 0, fitted))}
            aria-label="Zoom out (−)"
          >
            −
          </button>
          <span data-testid="scan-zoom-level">{Math.round(zoom.scale * 100)}%</span>
          <button
            type="button"
            onClick={() => setZoom(zoomAt(zoom, KEY_ZOOM, 0, 0, fitted))}
            aria-label="Zoom in (+)"
          >
            +
          </button>
          <label title="Show the selected line at a readable size (L)">
            <input
              type="checkbox"
              data-testid="zoom-to-line"
              checked={followLine}
              onChange={(event) => {
                setFollowLine(event.currentTarget.checked);
                if (!event.currentTarget.checked) setManualZoom(zoom);
              }}
            />{' '}
            Zoom to line
          </label>
        </span>
      </div>
      {imageMissing && (
        <div className="media-missing" role="status" data-testid="page-image-missing">
          <p>
            {page.image
              ? `The page image “${page.image}” that the scan names was not opened with it (or has another name now).`
              : 'No page image was opened with this scan.'}{' '}
            Choose the image of page {page.index + 1} to see the lines on the page.
          </p>
          <MediaPicker
            target={{ pageIndex: page.index }}
            accept="image/*"
            label="Choose the page image…"
            testId="choose-page-image"
          />
        </div>
      )}
      <div
        ref={viewport}
        className={isPanning ? 'scan-viewport is-panning' : 'scan-viewport'}
        data-testid="scan-viewport"
        tabIndex={0}
        aria-label="Page view: wheel or + and − zoom, drag or arrow keys pan, W fits width, F the page, L zooms to the line"
        onWheel={onWheel}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onClickCapture={(event) => {
          // The end of a drag is not a click on the box under it.
          if (dragEnded.current) {
            event.stopPropagation();
            dragEnded.current = false;
          }
        }}
      >
        <div
          className={followLine ? 'scan-page is-following' : 'scan-page'}
          style={{
            aspectRatio: `${page.width} / ${page.height}`,
            ['--page-aspect' as string]: page.width / page.height,
            // Box borders divide by it, so that zooming in does not thicken them.
            ['--zoom' as string]: zoom.scale,
            transform: `scale(${zoom.scale}) translate(${zoom.x * 100}%, ${zoom.y * 100}%)`,
          }}
        >
          {imageSrc && !imageMissing && (
            <img
              key={imageKey}
              data-testid="page-image"
              // Dragging pans the page; the browser's own image drag would cancel the pointer.
              draggable={false}
              src={imageSrc}
              alt={`Page ${page.index + 1}`}
              onError={() => setFailedImage(imageKey)}
            />
          )}
          {lines.map((line) => {
            const box = line.layout!.bbox;
            return (
              <div
                key={line.id}
                data-testid="ocr-box"
                data-segment-id={line.id}
                data-selected={line.id === selectedSegmentId}
                data-highlighted={line.id === focus?.id}
                className={[
                  'ocr-box',
                  line.id === selectedSegmentId && 'is-selected',
                  line.id === focus?.id && 'is-highlighted',
                ]
                  .filter(Boolean)
                  .join(' ')}
                style={{
                  left: `${(box.x0 / page.width) * 100}%`,
                  top: `${(box.y0 / page.height) * 100}%`,
                  width: `${((box.x1 - box.x0) / page.width) * 100}%`,
                  height: `${((box.y1 - box.y0) / page.height) * 100}%`,
                }}
                title={line.text}
                onClick={() => selectSegment(line.id)}
                onMouseEnter={() => hoverSegment(line.id)}
                onMouseLeave={() => hoverSegment(null)}
              />
            );
          })}
        </div>
      </div>
    </section>
  );
}
