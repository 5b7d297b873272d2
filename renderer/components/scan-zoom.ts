/**
 * The scan view's zoom and pan. The page is laid out to fit the view (fit page); a view is then
 * `scale(s) translate(x%, y%)` about the page's centre, with x and y in fractions of the page's size.
 * With that form, changing the scale alone keeps the view's centre where it is.
 */
export interface ScanZoom {
  scale: number;
  x: number;
  y: number;
}

export interface ViewSize {
  /** The view box in CSS pixels. */
  width: number;
  height: number;
}

export const MIN_SCALE = 0.5;
export const MAX_SCALE = 8;
/** How much of the view's width a zoomed line may take, leaving some of its surroundings visible. */
const LINE_FILL = 0.85;
/** The on-screen height of a zoomed line's box: readable, and no more (short lines stay this size). */
export const READABLE_LINE_PX = 30;

const clampScale = (scale: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

/** The page's size in pixels when it fits the view (the layout before any zoom). */
export function fittedPage(view: ViewSize, page: { width: number; height: number }): ViewSize {
  const aspect = page.width / page.height;
  const width = Math.min(view.width, view.height * aspect);
  return { width, height: width / aspect };
}

export const FIT_PAGE: ScanZoom = { scale: 1, x: 0, y: 0 };

/** The page as wide as the view, its top at the view's top. */
export function fitWidth(view: ViewSize, page: { width: number; height: number }): ScanZoom {
  const fitted = fittedPage(view, page);
  const scale = clampScale(view.width / fitted.width);
  // The page's top edge at the view's top: s·H·(y − ½) = −(view height)/2.
  const y = Math.min(0, 0.5 - view.height / (2 * scale * fitted.height));
  return { scale, x: 0, y };
}

/**
 * The selected line centred at a readable size: as large as the view's width allows for a long line,
 * but never more than READABLE_LINE_PX tall, so a short line ("Dear Ms. Patel,") is not blown up.
 */
export function zoomToLine(
  view: ViewSize,
  page: { width: number; height: number },
  box: { x0: number; y0: number; x1: number; y1: number },
): ScanZoom {
  const fitted = fittedPage(view, page);
  const boxWidth = Math.max(1, box.x1 - box.x0);
  const boxHeightPx = (Math.max(1, box.y1 - box.y0) / page.height) * fitted.height;
  const byWidth = (LINE_FILL * view.width) / ((boxWidth / page.width) * fitted.width);
  const byHeight = READABLE_LINE_PX / boxHeightPx;
  const scale = Math.min(MAX_SCALE, Math.max(1, Math.min(byWidth, byHeight)));
  const centreX = (box.x0 + box.x1) / 2 / page.width;
  const centreY = (box.y0 + box.y1) / 2 / page.height;
  return { scale, x: 0.5 - centreX, y: 0.5 - centreY };
}

/**
 * Zooms by `factor` keeping the page point under (dx, dy) where it is; (dx, dy) is the pointer's
 * offset from the view's centre in pixels.
 */
export function zoomAt(
  zoom: ScanZoom,
  factor: number,
  dx: number,
  dy: number,
  fitted: ViewSize,
): ScanZoom {
  const scale = clampScale(zoom.scale * factor);
  const u = dx / fitted.width / zoom.scale - zoom.x;
  const v = dy / fitted.height / zoom.scale - zoom.y;
  return { scale, x: dx / fitted.width / scale - u, y: dy / fitted.height / scale - v };
}

/** Moves the page by (dx, dy) screen pixels. */
export function panBy(zoom: ScanZoom, dx: number, dy: number, fitted: ViewSize): ScanZoom {
  return {
    scale: zoom.scale,
    x: zoom.x + dx / (zoom.scale * fitted.width),
    y: zoom.y + dy / (zoom.scale * fitted.height),
  };
}
