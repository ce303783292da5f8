import { describe, expect, it } from 'vitest';
import type { SourceView } from '../../../shared/contract/sources';
import { snapshotGroups } from './snapshot-groups';

const cluster = (name: string, group: string, nodes: number, objects: number) => ({
  name,
  group,
  provider: 'aws',
  version: 'v1.30.0',
  nodes,
  objects,
});

describe('snapshotGroups', () => {
  it('adds up the clusters of each group the snapshot recorded, by name', () => {
    const view = {
      clusters: [cluster('b', 'prod', 5, 100), cluster('a', 'default', 3, 40), cluster('c', 'prod', 2, 10)],
    } as SourceView;
    expect(snapshotGroups(view)).toEqual([
      { name: 'default', clusters: 1, nodes: 3, objects: 40 },
      { name: 'prod', clusters: 2, nodes: 7, objects: 110 },
    ]);
  });
  it('is empty before the snapshot is known', () => {
    expect(snapshotGroups(undefined)).toEqual([]);
  });
});
