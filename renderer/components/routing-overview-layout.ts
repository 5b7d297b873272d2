/** Where the document routing overview draws each segment's column and each layer's row. */
export interface OverviewLayout {
  columnWidth: number;
  layerHeight: number;
  width: number;
  height: number;
}

export function overviewLayout(segments: number, layers: number): OverviewLayout {
  // Wide columns for a short document, down to 2 px so that a long one stays one scroll wide.
  const columnWidth = segments <= 20 ? 20 : segments <= 40 ? 10 : segments <= 200 ? 4 : 2;
  const layerHeight = 12;
  return {
    columnWidth,
    layerHeight,
    width: Math.max(1, segments * columnWidth),
    height: Math.max(1, layers * layerHeight),
  };
}

/** The segment (document position) under x, or -1. */
export function overviewColumnAt(layout: OverviewLayout, x: number, segments: number): number {
  const index = Math.floor(x / layout.columnWidth);
  return index >= 0 && index < segments ? index : -1;
}
