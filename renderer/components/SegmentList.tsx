import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { NekoDocument } from '../../src/document/types.js';
import { useStudio } from '../store/react.js';
import { segmentIndex } from '../store/segment-index.js';
import { filterSegments } from '../store/selectors.js';
import { SegmentRow } from './SegmentRow.js';

/**
 * Up to this many segments every row stays in the DOM, so that the browser's own find, screen readers
 * and tests see the whole document; it renders in well under a second.
 */
const RENDER_ALL_LIMIT = 300;

/**
 * All segments in a virtualized list: in a long document only the rows in view (plus a few) exist in
 * the DOM, so a 10,000-segment document scrolls like a short one. Rows vary in height and are measured.
 */
export function SegmentList({ document }: { document: NekoDocument }) {
  const filter = useStudio((state) => state.listFilter);
  const selectedSegmentId = useStudio((state) => state.selectedSegmentId);
  const playingSegmentId = useStudio((state) => (state.playing ? state.playingSegmentId : null));
  const segments = filterSegments(document, filter);
  const scrollElement = useRef<HTMLDivElement>(null);

  // The app does not use the React Compiler, whose memoizing this warning is about.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: segments.length,
    getScrollElement: () => scrollElement.current,
    estimateSize: () => 76,
    overscan: segments.length <= RENDER_ALL_LIMIT ? RENDER_ALL_LIMIT : 6,
    getItemKey: (index) => segments[index]?.id ?? index,
  });

  const followedSegmentId = playingSegmentId ?? selectedSegmentId;
  useEffect(() => {
    if (!followedSegmentId) return;
    const index = segments.findIndex((segment) => segment.id === followedSegmentId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
    // Follows selection and playback only: results streaming in must not pull the view back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [followedSegmentId]);

  if (segments.length === 0) {
    return <div className="segment-list-empty">No segments match the filter.</div>;
  }

  return (
    <div ref={scrollElement} className="segment-list" role="list" tabIndex={-1}>
      <div className="segment-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const segment = segments[item.index]!;
          return (
            <div
              key={item.key}
              role="listitem"
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="segment-list-item"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <SegmentRow segment={segment} number={segmentIndex(document, segment.id) + 1} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
