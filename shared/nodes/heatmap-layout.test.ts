import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, cellPosition, cellSizeFor, hitTest, layoutHeatmap } from './heatmap-layout';

const opts = { ...DEFAULT_OPTIONS, width: 8 * 2 + 10 * 12 - 2, cell: 10 } as const; // exactly 10 columns

describe('layoutHeatmap', () => {
  const layout = layoutHeatmap(
    [
      { key: 'a', label: 'A', count: 25 },
      { key: 'b', label: 'B', count: 0 },
      { key: 'c', label: 'C', count: 10 },
    ],
    opts,
  );

  it('flows cells into rows per group', () => {
    expect(layout.columns).toBe(10);
    expect(layout.total).toBe(35);
    expect(layout.groups.map((g) => [g.key, g.start, g.rows])).toEqual([
      ['a', 0, 3],
      ['b', 25, 1],
      ['c', 25, 1],
    ]);
    const a = layout.groups[0]!;
    expect(a.gridTop).toBe(8 + 22);
    expect(a.bottom).toBe(30 + 3 * 12 - 2);
    expect(layout.groups[1]!.top).toBe(a.bottom + 12);
  });

  it.each([
    [0, 8, 30],
    [9, 8 + 9 * 12, 30],
    [10, 8, 42],
    [24, 8 + 4 * 12, 54],
  ])('cell %d is at (%d, %d) and hit-tests back', (index, x, y) => {
    expect(cellPosition(layout, index)).toEqual({ x, y });
    expect(hitTest(layout, x + 1, y + 1)).toBe(index);
    expect(hitTest(layout, x + 9.9, y + 9.9)).toBe(index);
  });

  it('finds cells of later groups', () => {
    const pos = cellPosition(layout, 30)!;
    expect(hitTest(layout, pos.x + 5, pos.y + 5)).toBe(30);
  });

  it.each([
    ['label line', 10, 12],
    ['gap between columns', 8 + 10.5, 31],
    ['past the last cell of a row', 8 + 6 * 12 + 1, 55],
    ['left padding', 2, 31],
    ['an empty group', 10, 0],
    ['below everything', 10, 10_000],
  ])('misses on %s', (what, x, y) => {
    const yy = what === 'an empty group' ? layout.groups[1]!.gridTop + 1 : y;
    expect(hitTest(layout, x, yy)).toBeUndefined();
  });

  it('rejects a bad cell size', () => {
    expect(() => layoutHeatmap([], { ...opts, cell: 0 })).toThrow(/cell 0/);
  });

  it('lays out and hit-tests 5,000 nodes in 50 clusters', () => {
    const groups = Array.from({ length: 50 }, (_, i) => ({ key: `c${i}`, label: `c${i}`, count: 100 }));
    const big = layoutHeatmap(groups, { ...DEFAULT_OPTIONS, width: 1200, cell: cellSizeFor(5000) });
    for (let i = 0; i < 5000; i++) {
      const p = cellPosition(big, i)!;
      expect(hitTest(big, p.x + 1, p.y + 1)).toBe(i);
    }
  });
});
