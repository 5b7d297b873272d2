import type { RoutingSide } from '../../src/document/types.js';
import { expertColour } from './expert-colours.js';

/** Distinct intensities drawn; finer steps than this cannot be told apart on screen. */
const COLOUR_STEPS = 24;

/** Geometry of the heatmap: cells of tokens (columns) × MoE layers (rows), labels below and left. */
export interface HeatmapLayout {
  cellWidth: number;
  cellHeight: number;
  /** Room for the layer labels. */
  left: number;
  /** Room for the token labels, written upwards under their columns. */
  bottom: number;
  tokens: number;
  layers: number;
  width: number;
  height: number;
}

export function heatmapLayout(side: RoutingSide): HeatmapLayout {
  const cellWidth = 16;
  const cellHeight = 18;
  const left = 30;
  const bottom = 64;
  const tokens = side.tokens.length;
  const layers = side.probabilities.length;
  return {
    cellWidth,
    cellHeight,
    left,
    bottom,
    tokens,
    layers,
    width: left + tokens * cellWidth,
    height: layers * cellHeight + bottom,
  };
}

/** The top-1 expert of a token at a layer, and its router probability. */
export function topExpert(
  side: RoutingSide,
  layer: number,
  token: number,
): { expert: number; probability: number } {
  const probabilities = side.probabilities[layer]?.[token] ?? [];
  const chosen = side.top2[layer]?.[token]?.[0];
  let expert = chosen ?? 0;
  if (chosen === undefined) {
    for (let index = 1; index < probabilities.length; index++) {
      if (probabilities[index]! > probabilities[expert]!) expert = index;
    }
  }
  return { expert, probability: probabilities[expert] ?? 0 };
}

/** The cell under a point in CSS pixels, or null outside the grid. */
export function cellAt(
  layout: HeatmapLayout,
  x: number,
  y: number,
): { layer: number; token: number } | null {
  const token = Math.floor((x - layout.left) / layout.cellWidth);
  const layer = Math.floor(y / layout.cellHeight);
  if (x < layout.left || token >= layout.tokens || layer < 0 || layer >= layout.layers) return null;
  return { layer, token };
}

/**
 * Draws the whole heatmap. Colour says which expert took the token (top-1), lightness how sure the
 * router was. The focused token's column is outlined. Kept free of React so it can be timed alone.
 */
export function drawHeatmap(
  context: CanvasRenderingContext2D,
  layout: HeatmapLayout,
  side: RoutingSide,
  experts: readonly string[],
  focusedToken: number | null,
): void {
  const { cellWidth, cellHeight, left, layers, tokens } = layout;
  context.clearRect(0, 0, layout.width, layout.height);
  // 1,200 cells at 200 tokens: colours come from a small palette instead of a new string per cell.
  const palette = new Map<number, string>();
  for (let layer = 0; layer < layers; layer++) {
    for (let token = 0; token < tokens; token++) {
      const { expert, probability } = topExpert(side, layer, token);
      const step = Math.round(certainty(probability, experts.length) * COLOUR_STEPS);
      const key = expert * (COLOUR_STEPS + 1) + step;
      let colour = palette.get(key);
      if (!colour) palette.set(key, (colour = expertColour(experts, expert, step / COLOUR_STEPS)));
      context.fillStyle = colour;
      context.fillRect(left + token * cellWidth, layer * cellHeight, cellWidth - 1, cellHeight - 1);
    }
  }

  context.fillStyle = '#444';
  context.font = '11px system-ui, sans-serif';
  context.textBaseline = 'middle';
  context.textAlign = 'right';
  for (let layer = 0; layer < layers; layer++) {
    context.fillText(`L${layer + 1}`, left - 6, layer * cellHeight + cellHeight / 2);
  }

  // Token labels run upwards under their columns: one rotation for all of them, where (x, y) on
  // the canvas is (-y, x) in the rotated frame.
  const gridBottom = layers * cellHeight;
  context.save();
  context.rotate(-Math.PI / 2);
  for (let token = 0; token < tokens; token++) {
    const piece = side.tokens[token]?.piece ?? '';
    context.fillStyle = token === focusedToken ? '#000' : '#555';
    const x = left + token * cellWidth + cellWidth / 2;
    context.fillText(visiblePiece(piece), -(gridBottom + 4), x, layout.bottom - 6);
  }
  context.restore();

  if (focusedToken !== null && focusedToken < tokens) {
    context.strokeStyle = '#000';
    context.lineWidth = 2;
    context.strokeRect(left + focusedToken * cellWidth - 1, 0, cellWidth + 1, gridBottom);
  }
}

/**
 * How far the router's top probability is above a uniform guess: 0 when every expert got 1/n (the
 * lowest a top-1 can be), 1 when one expert got everything. Raw probabilities would squeeze all
 * colours into the upper part of the scale.
 */
export function certainty(probability: number, expertCount: number): number {
  if (expertCount <= 1) return 1;
  const uniform = 1 / expertCount;
  return Math.min(1, Math.max(0, (probability - uniform) / (1 - uniform)));
}

/** Token pieces often start with a space marker or are blank; show them so they can be told apart. */
export function visiblePiece(piece: string): string {
  return piece.replace(/^[\sĠ▁]+/u, '·').replace(/\n/g, '↵') || '·';
}
