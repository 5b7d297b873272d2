import { useEffect, useMemo, useRef } from 'react';
import { routingOverview } from '../../src/document/routing-export.js';
import type { NekoDocument } from '../../src/document/types.js';
import { useStudio } from '../store/react.js';
import { segmentIndex } from '../store/segment-index.js';
import { expertColour, expertLabel } from './expert-colours.js';
import { overviewColumnAt, overviewLayout } from './routing-overview-layout.js';

/**
 * Routing across the whole document: one column per segment, one row per layer (first at the top),
 * each cell split into the experts' shares of the router's probability over the segment's tokens.
 * A click goes to the segment.
 */
export function RoutingOverview({ document }: { document: NekoDocument }) {
  const overview = routingOverview(document);
  const selectSegment = useStudio((state) => state.selectSegment);
  const selectedSegmentId = useStudio((state) => state.selectedSegmentId);
  const canvas = useRef<HTMLCanvasElement>(null);
  const segments = document.segments.length;
  const layout = useMemo(
    () => overviewLayout(segments, overview?.layers ?? 0),
    [segments, overview?.layers],
  );
  const selected = selectedSegmentId ? segmentIndex(document, selectedSegmentId) : -1;

  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context || !overview) return;
    const scale = window.devicePixelRatio || 1;
    element.width = Math.round(layout.width * scale);
    element.height = Math.round(layout.height * scale);
    context.setTransform(scale, 0, 0, scale, 0, 0);
    context.clearRect(0, 0, layout.width, layout.height);
    overview.columns.forEach((column, index) => {
      const x = index * layout.columnWidth;
      if (!column) {
        context.fillStyle = '#f0f1f4';
        context.fillRect(x, 0, layout.columnWidth, layout.height);
        return;
      }
      column.forEach((shares, layer) => {
        let y = layer * layout.layerHeight;
        shares.forEach((share, expert) => {
          const height = share * layout.layerHeight;
          context.fillStyle = expertColour(overview.experts, expert);
          context.fillRect(x, y, layout.columnWidth, height);
          y += height;
        });
      });
    });
    if (selected >= 0) {
      context.strokeStyle = '#111';
      context.lineWidth = 1;
      context.strokeRect(
        selected * layout.columnWidth + 0.5,
        0.5,
        Math.max(1, layout.columnWidth - 1),
        layout.height - 1,
      );
    }
  }, [overview, layout, selected]);

  if (!overview) return null;
  return (
    <div className="routing-overview">
      <p className="routing-overview-caption">
        Routing by segment (columns) and layer (rows, first at the top): each cell is split into the
        experts’ shares (
        {overview.experts.map((_, e) => expertLabel(overview.experts, e)).join(', ')}
        ). Click a column to go to its segment.
      </p>
      <div className="routing-overview-scroll">
        <canvas
          ref={canvas}
          data-testid="routing-overview"
          style={{ width: layout.width, height: layout.height }}
          onClick={(event) => {
            const bounds = event.currentTarget.getBoundingClientRect();
            const index = overviewColumnAt(layout, event.clientX - bounds.left, segments);
            const segment = document.segments[index];
            if (segment) selectSegment(segment.id);
          }}
        />
      </div>
    </div>
  );
}
