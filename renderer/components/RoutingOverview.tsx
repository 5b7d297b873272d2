import { useDeferredValue, useEffect, useMemo, useRef } from 'react';
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
export function RoutingOverview({ document: current }: { document: NekoDocument }) {
  // An overview of the whole document need not hold up the frame that shows an edit.
  const document = useDeferredValue(current);
  const overview = routingOverview(document);
  const selectSegment = useStudio((state) => state.selectSegment);
  const selectedSegmentId = useStudio((state) => state.selectedSegmentId);
  const canvas = useRef<HTMLCanvasElement>(null);
  const segments = document.segments.length;
  const layout = useMemo(
    () => overviewLayout(segments, overview?.layers ?? 0),
    [segments, overview?.layers],
  );
  const selectedSegment = selectedSegmentId ? segmentIndex(document, selectedSegmentId) : -1;
  const selected = selectedSegment >= 0 ? Math.floor(selectedSegment / layout.perColumn) : -1;

  // What the canvas shows, so that a change redraws only the columns that changed.
  const drawn = useRef<{
    /** The per-segment columns drawn (merged per canvas column when perColumn > 1). */
    source: readonly (number[][] | null)[];
    width: number;
    height: number;
    selected: number;
  } | null>(null);

  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context || !overview) return;
    const previous = drawn.current;
    const same =
      previous !== null && previous.width === layout.width && previous.height === layout.height;
    if (!same) {
      const scale = window.devicePixelRatio || 1;
      element.width = Math.round(layout.width * scale);
      element.height = Math.round(layout.height * scale);
      context.setTransform(scale, 0, 0, scale, 0, 0);
    }
    const source = overview.columns;
    const drawColumn = (index: number) => {
      const members = source.slice(index * layout.perColumn, (index + 1) * layout.perColumn);
      const column = layout.perColumn === 1 ? (members[0] ?? null) : mergeColumn(members);
      const x = index * layout.columnWidth;
      context.clearRect(x, 0, layout.columnWidth, layout.height);
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
    };
    // A canvas column is redrawn only when one of its segments' routing changed: an edit elsewhere
    // keeps the segments' arrays, so it redraws nothing.
    for (let index = 0; index < layout.columns; index++) {
      let changed = !same;
      for (
        let member = index * layout.perColumn;
        !changed && member < Math.min(source.length, (index + 1) * layout.perColumn);
        member++
      ) {
        changed = previous?.source[member] !== source[member];
      }
      if (changed) drawColumn(index);
    }
    if (same && previous.selected >= 0 && previous.selected !== selected) {
      drawColumn(previous.selected);
    }
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
    drawn.current = {
      source,
      width: layout.width,
      height: layout.height,
      selected,
    };
  }, [overview, layout, selected]);

  if (!overview) return null;
  return (
    <div className="routing-overview">
      <p className="routing-overview-caption">
        Routing by segment (columns
        {layout.perColumn > 1 ? `, ${layout.perColumn} segments each` : ''}) and layer (rows, first
        at the top): each cell is split into the experts’ shares (
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

/** One canvas column for several segments: their shares averaged over the routed ones. */
function mergeColumn(members: readonly (number[][] | null)[]): number[][] | null {
  const routed = members.filter((member): member is number[][] => member !== null);
  if (routed.length === 0) return null;
  const layers = Math.max(...routed.map((member) => member.length));
  return Array.from({ length: layers }, (_, layer) => {
    const rows = routed.flatMap((member) => (member[layer] ? [member[layer]] : []));
    const experts = Math.max(...rows.map((row) => row.length));
    return Array.from(
      { length: experts },
      (_, expert) => rows.reduce((sum, row) => sum + (row[expert] ?? 0), 0) / rows.length,
    );
  });
}
