import { describe, expect, it } from 'vitest';
import type { NodeRow } from '../contract/nodes';
import { BANDS, DOWN, NO_DATA } from './colour';
import { heatBand, heatmapData, heatShare } from './heatmap-data';

const row = (cluster: string, name: string, over: Partial<NodeRow> = {}): NodeRow => ({
  cluster,
  name,
  role: 'worker',
  roles: [],
  state: 'Ready',
  unschedulable: false,
  cpu: { requested: 1, allocatable: 4 },
  memory: { requested: 3, allocatable: 4 },
  pods: 1,
  ...over,
});

describe('heatShare and heatBand', () => {
  it.each([
    ['cpu allocated', row('c', 'n'), 'cpu', 'allocated', 0.25],
    ['memory allocated', row('c', 'n'), 'memory', 'allocated', 0.75],
    ['cpu used', row('c', 'n', { usage: { cpu: 2, memory: 0 } }), 'cpu', 'used', 0.5],
    ['used without metrics', row('c', 'n'), 'cpu', 'used', undefined],
    [
      'no allocatable',
      row('c', 'n', { cpu: { requested: 1, allocatable: 0 } }),
      'cpu',
      'allocated',
      undefined,
    ],
  ] as const)('%s', (_, r, resource, basis, share) => {
    expect(heatShare(r, resource, basis)).toBe(share);
  });

  it('colours down nodes as down and unknown figures as no data', () => {
    expect(heatBand(row('c', 'n', { state: 'NotReady' }), 'cpu', 'allocated')).toBe(DOWN);
    expect(heatBand(row('c', 'n'), 'cpu', 'used')).toBe(NO_DATA);
    expect(heatBand(row('c', 'n'), 'cpu', 'allocated')).toBe(BANDS[1]);
  });
});

describe('heatmapData', () => {
  it('groups by cluster label, nodes by name, colours in cell order', () => {
    const names: Record<string, string> = { id2: 'alpha', id1: 'beta' };
    const data = heatmapData(
      [
        row('id1', 'b'),
        row('id1', 'a', { state: 'Unknown' }),
        row('id2', 'z', { cpu: { requested: 4, allocatable: 4 } }),
      ],
      (id) => names[id] ?? id,
      'cpu',
      'allocated',
    );
    expect(data.groups).toEqual([
      { key: 'id2', label: 'alpha · 1 node', count: 1 },
      { key: 'id1', label: 'beta · 2 nodes · 1 not ready', count: 2 },
    ]);
    expect(data.cells.map((c) => c.name)).toEqual(['z', 'a', 'b']);
    expect(data.colours).toEqual([BANDS[5]!.colour, DOWN.colour, BANDS[1]!.colour]);
  });
});
