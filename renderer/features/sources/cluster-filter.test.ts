import { describe, expect, it } from 'vitest';
import { carryClusterFilter, type ClusterFilter } from './cluster-filter';

const live = [
  { id: '6f1c0d2e-live-tkg', name: 'tkg-01' },
  { id: '0b9a7c1d-live-aks', name: 'aks-prod-eastus' },
];
const snapshot = [
  { id: 'aks-prod-eastus', name: 'aks-prod-eastus' },
  { id: 'tkg-01', name: 'tkg-01' },
];

describe('carryClusterFilter', () => {
  const cases: Array<[string, ClusterFilter, typeof live, ClusterFilter]> = [
    ['all clusters stays all', { id: '' }, snapshot, { id: '' }],
    [
      'an id of the source is kept and named',
      { id: '6f1c0d2e-live-tkg' },
      live,
      { id: '6f1c0d2e-live-tkg', name: 'tkg-01' },
    ],
    [
      'a live cluster on a snapshot: the snapshot’s cluster of that name',
      { id: '6f1c0d2e-live-tkg', name: 'tkg-01' },
      snapshot,
      { id: 'tkg-01', name: 'tkg-01' },
    ],
    ['and back to live', { id: 'tkg-01', name: 'tkg-01' }, live, { id: '6f1c0d2e-live-tkg', name: 'tkg-01' }],
    [
      'a name where an id was expected (a link)',
      { id: 'aks-prod-eastus' },
      live,
      { id: '0b9a7c1d-live-aks', name: 'aks-prod-eastus' },
    ],
    [
      'a cluster the source does not have: cleared',
      { id: '6f1c0d2e-live-tkg', name: 'tkg-01' },
      snapshot.slice(0, 1),
      { id: '' },
    ],
    ['an unknown id before its name is known: cleared', { id: 'stale-id' }, snapshot, { id: '' }],
    ['a source without clusters: cleared', { id: 'tkg-01', name: 'tkg-01' }, [], { id: '' }],
  ];
  it.each(cases)('%s', (_what, filter, clusters, expected) => {
    expect(carryClusterFilter(filter, clusters)).toEqual(expected);
  });
});
