/** Where the document routing overview draws each segment's column and each layer's row. */
export interface OverviewLayout {
  columnWidth: number;
  layerHeight: number;
  /** Segments per column: 1, or more in a long document, whose columns average their segments. */
  perColumn: number;
  columns: number;
  width: number;
  height: number;
}

/**
 * At most this many columns: a long document's canvas stays about the side panel's width (a
 * 20,000-pixel canvas for 10,000 segments slowed every frame of the list's scrolling).
 */
const MAX_COLUMNS = 420;

export function overviewLayout(segments: number, layers: number): OverviewLayout {
  const perColumn = Math.max(1, Math.ceil(segments / MAX_COLUMNS));
  const columns = Math.ceil(segments / perColumn);
  // Wide columns for a short document, down to 2 px for a long one.
  const columnWidth = columns <= 20 ? 20 : columns <= 40 ? 10 : columns <= 200 ? 4 : 2;
  const layerHeight = 12;
  return {
    columnWidth,
    layerHeight,
    perColumn,
    columns,
    width: Math.max(1, columns * columnWidth),
    height: Math.max(1, layers * layerHeight),
  };
}

/** The segment (document position) a click at x goes to: its column's first segment, or -1. */
export function overviewColumnAt(layout: OverviewLayout, x: number, segments: number): number {
  const column = Math.floor(x / layout.columnWidth);
  const index = column * layout.perColumn;
  return column >= 0 && index < segments ? index : -1;
}
