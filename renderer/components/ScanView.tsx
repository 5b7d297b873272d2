import { useState } from 'react';
import type { NekoDocument, Segment } from '../../src/document/types.js';
import { useServices } from '../services/context.js';
import { useStudio } from '../store/react.js';
import { findSegment } from '../store/segment-index.js';
import { MediaPicker } from './MediaPicker.js';

/** How much of the view the zoomed line takes, leaving some of its surroundings visible. */
const ZOOM_FILL = 0.85;
const MAX_ZOOM = 4;

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
  const [zoomToLine, setZoomToLine] = useState(true);
  const mediaRevision = useStudio((state) => state.mediaRevision);
  // The image that failed to load, by URL and revision: a newly chosen file is tried afresh.
  const [failedImage, setFailedImage] = useState<string | null>(null);
  const selected = selectedSegmentId ? findSegment(document, selectedSegmentId) : undefined;
  const pages = document.pages ?? [];
  const page = pages.find((candidate) => candidate.index === selected?.layout?.page) ?? pages[0];
  if (!page) return <p className="media-missing">This scan has no page information.</p>;

  const lines = document.segments.filter((segment) => segment.layout?.page === page.index);
  const focus = hoveredSegmentId ? findSegment(document, hoveredSegmentId) : selected;
  const zoom =
    zoomToLine && selected?.layout?.page === page.index ? zoomOnto(selected, page) : undefined;
  const imageSrc = page.image ? api.mediaUrl(documentId, page.image) : undefined;
  const imageKey = `${imageSrc}#${mediaRevision}`;
  const imageMissing = !page.image || failedImage === imageKey;

  return (
    <section className="scan-view" aria-label="Page image">
      <div className="scan-toolbar">
        <span>
          Page {page.index + 1} of {pages.length}
        </span>
        <label>
          <input
            type="checkbox"
            checked={zoomToLine}
            onChange={(event) => setZoomToLine(event.currentTarget.checked)}
          />{' '}
          Zoom to line
        </label>
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
      <div className="scan-viewport" data-testid="scan-viewport">
        <div
          className="scan-page"
          style={{
            aspectRatio: `${page.width} / ${page.height}`,
            ['--page-aspect' as string]: page.width / page.height,
            // Box borders divide by it, so that zooming in does not thicken them.
            ['--zoom' as string]: zoom?.scale ?? 1,
            transform: zoom ? `scale(${zoom.scale}) translate(${zoom.x}%, ${zoom.y}%)` : undefined,
          }}
        >
          {imageSrc && !imageMissing && (
            <img
              key={imageKey}
              data-testid="page-image"
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

/** Scale and translation (in % of the page) that centre the line's box in the view. */
function zoomOnto(line: Segment, page: { width: number; height: number }) {
  const box = line.layout!.bbox;
  const boxWidth = Math.max(1, box.x1 - box.x0);
  const scale = Math.min(MAX_ZOOM, Math.max(1, (ZOOM_FILL * page.width) / boxWidth));
  const centreX = (box.x0 + box.x1) / 2 / page.width;
  const centreY = (box.y0 + box.y1) / 2 / page.height;
  return { scale, x: (0.5 - centreX) * 100, y: (0.5 - centreY) * 100 };
}
