import { describe, expect, it } from 'vitest';
import type { NodeRow } from '../../../shared/contract/nodes';
import type { SourceView } from '../../../shared/contract/sources';
import { FORMAT_NAME, type SnapshotMeta } from './format';
import { figuresFromMeta, figuresFromNodes, labelsFromMeta, sourceClusterRows } from './fleet-view';

const view: SourceView = {
  id: 'snapshot:abc',
  kind: 'snapshot',
  label: 'Snapshot of a, b',
  takenAt: '2026-12-01T10:00:00.000Z',
  clusters: [
    { name: 'a', group: 'prod', provider: 'aws', version: 'v1.30.1', nodes: 2, objects: 10 },
    { name: 'b', group: '', provider: 'no-such-provider', version: '', nodes: 0, objects: 1 },
  ],
  kinds: ['Node'],
  objects: 11,
  includes: { secretValues: false, events: false, metrics: false, logs: false },
  readOnly: true,
};

const node = (cluster: string, name: string, state: NodeRow['state'], cpu: number): NodeRow => ({
  cluster,
  name,
  role: 'worker',
  roles: [],
  state,
  unschedulable: false,
  cpu: { requested: cpu, allocatable: 4 },
  memory: { requested: 1, allocatable: 8 },
  pods: 1,
});

describe('snapshot cluster rows', () => {
  it('sum node rows per cluster, with status and type "snapshot" and health from readiness', () => {
    const rows = sourceClusterRows(
      view,
      figuresFromNodes([node('a', 'n1', 'Ready', 1.5), node('a', 'n2', 'NotReady', 0.5)]),
    );
    expect(rows[0]).toMatchObject({
      id: 'a',
      groupName: 'prod',
      provider: 'aws',
      status: 'snapshot',
      type: 'snapshot',
      health: 'warning',
      nodes: 2,
      cpu: { requested: 2, allocatable: 8 },
      statusMessage: 'Snapshot taken 2026-12-01T10:00:00.000Z',
    });
    // no nodes, an unknown provider and no group still make a valid row
    expect(rows[1]).toMatchObject({ provider: 'unknown', groupName: 'default', health: 'unknown', nodes: 0 });
    expect(rows[1]!.cpu).toBeUndefined();
  });

  it('use the figures a capture recorded, and fall back when an early file has none', () => {
    const meta: SnapshotMeta = {
      format: FORMAT_NAME,
      formatVersion: 1,
      takenAt: view.takenAt!,
      flotillaVersion: 't',
      scope: 'fleet',
      clusters: [
        {
          name: 'a',
          group: 'prod',
          provider: 'aws',
          version: '',
          nodes: 3,
          objects: 1,
          kinds: {},
          cpu: { requested: 1, allocatable: 12 },
          memory: { requested: 2, allocatable: 24 },
          readyNodes: 3,
        },
      ],
      kinds: [],
      objects: 1,
      includes: view.includes,
    };
    expect(figuresFromMeta(meta)?.get('a')).toEqual({
      nodes: 3,
      ready: 3,
      cpu: { requested: 1, allocatable: 12 },
      memory: { requested: 2, allocatable: 24 },
    });
    const early = {
      ...meta,
      clusters: meta.clusters.map(({ cpu: _c, memory: _m, readyNodes: _r, ...c }) => c),
    };
    expect(figuresFromMeta(early)).toBeUndefined();
  });

  it('carry the labels a capture recorded; a file without them gives rows without labels', () => {
    const meta = (labels?: Record<string, string>): SnapshotMeta => ({
      format: FORMAT_NAME,
      formatVersion: 1,
      takenAt: '',
      flotillaVersion: 't',
      scope: 'fleet',
      clusters: [
        { name: 'a', group: 'prod', provider: 'aws', version: '', nodes: 0, objects: 0, kinds: {}, labels },
        { name: 'b', group: '', provider: 'aws', version: '', nodes: 0, objects: 0, kinds: {} },
      ],
      kinds: [],
      objects: 0,
      includes: view.includes,
    });
    const labelled = sourceClusterRows(
      view,
      new Map(),
      labelsFromMeta(meta({ env: 'prod', 'x.io/tier': '1' })),
    );
    expect(labelled.map((r) => r.labels)).toEqual([{ env: 'prod', 'x.io/tier': '1' }, {}]);
    expect(sourceClusterRows(view, new Map(), labelsFromMeta(meta())).map((r) => r.labels)).toEqual([{}, {}]);
    // imported manifests have no metadata
    expect(sourceClusterRows(view, new Map(), labelsFromMeta(undefined)).map((r) => r.labels)).toEqual([
      {},
      {},
    ]);
  });
});
