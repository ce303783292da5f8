/**
 * The node heatmap's geometry: groups (clusters) laid out top to bottom, each a label line
 * followed by a grid of square cells flowing left to right. Pure, so the canvas only draws and
 * hit-testing is arithmetic (a binary search over groups, then row/column), never per-cell DOM.
 */

export interface HeatmapGroupInput {
  key: string;
  label: string;
  count: number;
}

export interface HeatmapOptions {
  /** Drawing width in CSS pixels. */
  width: number;
  /** Cell edge and the gap between cells, CSS pixels. */
  cell: number;
  gap: number;
  /** Height of a group's label line, and the space after a group. */
  labelHeight: number;
  groupGap: number;
  /** Left/right/top padding. */
  padding: number;
}

export interface HeatmapGroupBox {
  key: string;
  label: string;
  /** Index of the group's first cell in the flat cell list. */
  start: number;
  count: number;
  /** Top of the label line, and of the first cell row. */
  top: number;
  gridTop: number;
  /** Bottom of the last row. */
  bottom: number;
  columns: number;
  rows: number;
}

export interface HeatmapLayout {
  options: HeatmapOptions;
  groups: HeatmapGroupBox[];
  columns: number;
  height: number;
  total: number;
}

export const DEFAULT_OPTIONS: Omit<HeatmapOptions, 'width' | 'cell'> = {
  gap: 2,
  labelHeight: 22,
  groupGap: 12,
  padding: 8,
};

/** Bigger cells for small fleets, small ones for thousands of nodes. */
export function cellSizeFor(total: number): number {
  if (total <= 200) return 28;
  if (total <= 1000) return 18;
  if (total <= 3000) return 12;
  return 9;
}

export function layoutHeatmap(groups: readonly HeatmapGroupInput[], options: HeatmapOptions): HeatmapLayout {
  const { width, cell, gap, labelHeight, groupGap, padding } = options;
  if (!(cell > 0) || gap < 0) throw new RangeError(`heatmap cell ${cell} and gap ${gap} must be positive`);
  const pitch = cell + gap;
  const columns = Math.max(1, Math.floor((width - 2 * padding + gap) / pitch));
  const boxes: HeatmapGroupBox[] = [];
  let y = padding;
  let start = 0;
  for (const g of groups) {
    const count = Math.max(0, Math.floor(g.count));
    const rows = Math.max(1, Math.ceil(count / columns));
    const gridTop = y + labelHeight;
    const bottom = gridTop + rows * pitch - gap;
    boxes.push({ key: g.key, label: g.label, start, count, top: y, gridTop, bottom, columns, rows });
    start += count;
    y = bottom + groupGap;
  }
  return { options, groups: boxes, columns, height: Math.ceil(y - groupGap + padding), total: start };
}

/** Where cell `index` (flat) is drawn: its top-left corner, or undefined when out of range. */
export function cellPosition(layout: HeatmapLayout, index: number): { x: number; y: number } | undefined {
  const group = groupOfIndex(layout, index);
  if (!group) return undefined;
  const { cell, gap, padding } = layout.options;
  const i = index - group.start;
  const col = i % group.columns;
  const row = Math.floor(i / group.columns);
  return { x: padding + col * (cell + gap), y: group.gridTop + row * (cell + gap) };
}

function groupOfIndex(layout: HeatmapLayout, index: number): HeatmapGroupBox | undefined {
  if (!Number.isInteger(index) || index < 0 || index >= layout.total) return undefined;
  let lo = 0;
  let hi = layout.groups.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (layout.groups[mid]!.start <= index) lo = mid;
    else hi = mid - 1;
  }
  const g = layout.groups[lo]!;
  return index < g.start + g.count ? g : undefined;
}

/** The flat index of the cell under (x, y), or undefined over a label, a gap or empty space. */
export function hitTest(layout: HeatmapLayout, x: number, y: number): number | undefined {
  const { groups } = layout;
  let lo = 0;
  let hi = groups.length - 1;
  if (hi < 0) return undefined;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (groups[mid]!.top <= y) lo = mid;
    else hi = mid - 1;
  }
  const g = groups[lo]!;
  if (y < g.gridTop || y >= g.bottom) return undefined;
  const { cell, gap, padding } = layout.options;
  const pitch = cell + gap;
  const dx = x - padding;
  const dy = y - g.gridTop;
  if (dx < 0) return undefined;
  const col = Math.floor(dx / pitch);
  const row = Math.floor(dy / pitch);
  if (col >= g.columns || dx - col * pitch >= cell || dy - row * pitch >= cell) return undefined;
  const i = row * g.columns + col;
  return i < g.count ? g.start + i : undefined;
}
