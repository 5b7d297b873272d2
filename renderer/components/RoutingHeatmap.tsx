import { useEffect, useMemo, useRef, useState } from 'react';
import type { RoutingSide } from '../../src/document/types.js';
import { expertColour, expertLabel } from './expert-colours.js';
import { cellAt, drawHeatmap, heatmapLayout } from './heatmap-drawing.js';

const TOOLTIP_WIDTH = 180;

interface HoveredCell {
  layer: number;
  token: number;
  /** Pointer position in the window. */
  x: number;
  y: number;
}

interface RoutingHeatmapProps {
  side: RoutingSide;
  experts: readonly string[];
  focusedToken: number | null;
  onFocusToken(token: number | null): void;
}

/** Tokens × layers on a canvas (one draw call per cell, fast for hundreds of tokens), with a tooltip. */
export function RoutingHeatmap({ side, experts, focusedToken, onFocusToken }: RoutingHeatmapProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const layout = useMemo(() => heatmapLayout(side), [side]);
  const [hovered, setHovered] = useState<HoveredCell | null>(null);

  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    const scale = window.devicePixelRatio || 1;
    element.width = Math.ceil(layout.width * scale);
    element.height = Math.ceil(layout.height * scale);
    context.setTransform(scale, 0, 0, scale, 0, 0);
    drawHeatmap(context, layout, side, experts, focusedToken);
  }, [layout, side, experts, focusedToken]);

  function onPointerMove(event: React.PointerEvent<HTMLCanvasElement>) {
    const bounds = event.currentTarget.getBoundingClientRect();
    const cell = cellAt(layout, event.clientX - bounds.left, event.clientY - bounds.top);
    setHovered(cell && { ...cell, x: event.clientX, y: event.clientY });
    if (cell?.token !== focusedToken) onFocusToken(cell?.token ?? null);
  }

  const probabilities = hovered ? side.probabilities[hovered.layer]?.[hovered.token] : undefined;
  const token = hovered ? side.tokens[hovered.token] : undefined;

  return (
    <div className="heatmap-scroller">
      <div className="heatmap-canvas-holder">
        <canvas
          ref={canvas}
          data-testid="routing-heatmap"
          className="routing-heatmap"
          style={{ width: layout.width, height: layout.height }}
          role="img"
          aria-label={`Expert routing of ${layout.tokens} tokens over ${layout.layers} layers`}
          onPointerMove={onPointerMove}
          onPointerLeave={() => {
            setHovered(null);
            onFocusToken(null);
          }}
        />
        {hovered && probabilities && token && (
          <div
            className="heatmap-tooltip"
            role="tooltip"
            data-testid="heatmap-tooltip"
            // Fixed to the window: the scrolling heatmap box would clip it.
            style={{
              left: Math.min(hovered.x + 12, window.innerWidth - TOOLTIP_WIDTH - 8),
              top: hovered.y + 12,
            }}
          >
            <div className="heatmap-tooltip-title">
              “{token.piece}” · layer {hovered.layer + 1}
            </div>
            {probabilities.map((probability, expert) => (
              <div key={expert} className="heatmap-tooltip-row" data-testid="heatmap-tooltip-row">
                <span className="swatch" style={{ background: expertColour(experts, expert) }} />
                <span>{expertLabel(experts, expert)}</span>
                <span className="heatmap-tooltip-value" data-testid="heatmap-tooltip-value">
                  {(probability * 100).toFixed(1)}%
                </span>
              </div>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
