import { describe, expect, it } from 'vitest';
import type { NodeRow } from '../contract/nodes';
import { compareVersions, sortNodes, type NodeSortKey } from './sort';

const row = (name: string, over: Partial<NodeRow> = {}): NodeRow => ({
  cluster: 'c',
  name,
  role: 'worker',
  roles: [],
  state: 'Ready',
  unschedulable: false,
  cpu: { requested: 1, allocatable: 4 },
  memory: { requested: 1, allocatable: 4 },
  pods: 1,
  ...over,
});

const rows = [
  row('b', { cpu: { requested: 3, allocatable: 4 }, kubeletVersion: 'v1.29.10', pods: 9 }),
  row('a', { role: 'control-plane', kubeletVersion: 'v1.29.9', usage: { cpu: 2, memory: 1 } }),
  row('d', { state: 'NotReady', cpu: { requested: 0, allocatable: 0 }, kubeletVersion: 'v1.30.0' }),
  row('c', {
    memory: { requested: 3, allocatable: 4 },
    problem: 'DiskPressure',
    usage: { cpu: 1, memory: 3 },
  }),
];

describe('sortNodes', () => {
  it.each<[NodeSortKey, 'asc' | 'desc', string]>([
    ['name', 'asc', 'abcd'],
    ['name', 'desc', 'dcba'],
    ['role', 'asc', 'abcd'],
    ['status', 'asc', 'dcab'],
    ['kubelet', 'asc', 'cabd'],
    ['cpu', 'desc', 'bacd'],
    ['memory', 'desc', 'cabd'],
    ['cpuUsed', 'desc', 'acbd'],
    ['memoryUsed', 'desc', 'cabd'],
    ['pods', 'desc', 'bacd'],
  ])('%s %s → %s', (by, dir, order) => {
    expect(
      sortNodes(rows, by, dir)
        .map((r) => r.name)
        .join(''),
    ).toBe(order);
  });

  it('does not change its input', () => {
    const before = rows.map((r) => r.name);
    sortNodes(rows, 'cpu', 'asc');
    expect(rows.map((r) => r.name)).toEqual(before);
  });
});

describe('compareVersions', () => {
  it.each([
    ['v1.29.9', 'v1.29.10', -1],
    ['v1.30.0', 'v1.29.10', 1],
    ['v1.17.3+vmware.2', 'v1.17.3+vmware.2', 0],
    [undefined, 'v1.0.0', -1],
  ])('%s vs %s', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });
});
