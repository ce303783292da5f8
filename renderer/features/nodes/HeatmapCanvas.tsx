import { useEffect, useRef, useState } from 'react';
import { cellPosition, hitTest, type HeatmapLayout } from '../../../shared/nodes/heatmap-layout';

interface Props {
  layout: HeatmapLayout;
  /** One colour per cell, in flat order. */
  colours: readonly string[];
  /** Called with the drawing width available (CSS pixels) when it changes. */
  onWidth(width: number): void;
  onHover(index: number | undefined, at: { x: number; y: number }): void;
  onOpen(index: number): void;
  label: string;
}

/** Draws the heatmap on one canvas (devicePixelRatio aware); hover and click hit-test by arithmetic. */
export function HeatmapCanvas({ layout, colours, onWidth, onHover, onOpen, label }: Props) {
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const overlay = useRef<HTMLCanvasElement>(null);
  const [hovered, setHovered] = useState<number | undefined>(undefined);

  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const observer = new ResizeObserver(() => onWidth(Math.floor(el.clientWidth)));
    observer.observe(el);
    onWidth(Math.floor(el.clientWidth));
    return () => observer.disconnect();
  }, [onWidth]);

  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const dpr = window.devicePixelRatio || 1;
    const { width } = layout.options;
    const { height } = layout;
    c.width = Math.round(width * dpr);
    c.height = Math.round(height * dpr);
    c.style.width = `${width}px`;
    c.style.height = `${height}px`;
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const style = getComputedStyle(c);
    ctx.fillStyle = style.color;
    ctx.font = `600 12px ${style.fontFamily}`;
    ctx.textBaseline = 'middle';
    const { cell, gap, padding, labelHeight } = layout.options;
    for (const g of layout.groups) {
      ctx.fillText(g.label, padding, g.top + labelHeight / 2, width - 2 * padding);
    }
    // Cells batched by colour: few fillStyle switches even at thousands of nodes.
    const byColour = new Map<string, number[]>();
    for (const g of layout.groups) {
      for (let k = 0; k < g.count; k++) {
        const colour = colours[g.start + k] ?? '#888';
        let xy = byColour.get(colour);
        if (!xy) byColour.set(colour, (xy = []));
        xy.push(
          padding + (k % g.columns) * (cell + gap),
          g.gridTop + Math.floor(k / g.columns) * (cell + gap),
        );
      }
    }
    const radius = cell >= 14 ? 2 : 0;
    for (const [colour, xy] of byColour) {
      ctx.fillStyle = colour;
      ctx.beginPath();
      for (let j = 0; j < xy.length; j += 2) {
        if (radius) ctx.roundRect(xy[j]!, xy[j + 1]!, cell, cell, radius);
        else ctx.rect(xy[j]!, xy[j + 1]!, cell, cell);
      }
      ctx.fill();
    }
  }, [layout, colours]);

  // The hover ring lives on a transparent overlay, so moving the mouse never redraws the cells.
  useEffect(() => {
    const o = overlay.current;
    if (!o) return;
    const dpr = window.devicePixelRatio || 1;
    const { width, cell } = layout.options;
    if (o.width !== Math.round(width * dpr) || o.height !== Math.round(layout.height * dpr)) {
      o.width = Math.round(width * dpr);
      o.height = Math.round(layout.height * dpr);
      o.style.width = `${width}px`;
      o.style.height = `${layout.height}px`;
    }
    const ctx = o.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, layout.height);
    const p = hovered === undefined ? undefined : cellPosition(layout, hovered);
    if (p) {
      ctx.strokeStyle = getComputedStyle(o).color;
      ctx.lineWidth = 2;
      ctx.strokeRect(p.x - 1, p.y - 1, cell + 2, cell + 2);
    }
  }, [layout, hovered]);

  const at = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };

  return (
    <div ref={wrap} className="fl-heatmap-wrap">
      <canvas ref={canvas} className="fl-heatmap" aria-hidden="true" />
      <canvas
        ref={overlay}
        className="fl-heatmap fl-heatmap-overlay"
        role="img"
        aria-label={label}
        data-testid="heatmap-canvas"
        onMouseMove={(e) => {
          const p = at(e);
          const index = hitTest(layout, p.x, p.y);
          if (index !== hovered) setHovered(index);
          onHover(index, p);
          e.currentTarget.style.cursor = index === undefined ? 'default' : 'pointer';
        }}
        onMouseLeave={(e) => {
          setHovered(undefined);
          onHover(undefined, at(e));
        }}
        onClick={(e) => {
          const p = at(e);
          const index = hitTest(layout, p.x, p.y);
          if (index !== undefined) onOpen(index);
        }}
      />
    </div>
  );
}
