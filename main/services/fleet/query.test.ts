import { describe, expect, it } from 'vitest';
import { ClusterQuery, type ClusterRow } from '../../../shared/contract/fleet';
import { parseLabelFilter, queryClusters } from './query';

function row(i: number, over: Partial<ClusterRow> = {}): ClusterRow {
  return {
    id: `id-${i}`,
    name: `c-${String(i).padStart(3, '0')}`,
    description: '',
    groupId: i % 2 ? 'g1' : 'default',
    groupName: i % 2 ? 'team-a' : 'default',
    provider: i % 3 ? 'aws' : 'vsphere',
    type: 'attached',
    status: i % 5 === 0 ? 'unreachable' : 'ready',
    statusMessage: '',
    health: 'healthy',
    version: `v1.${20 + (i % 10)}.0`,
    cpu: { requested: i % 7, allocatable: 10 },
    memory: { requested: i, allocatable: 1000 },
    nodes: i % 4,
    labels: { env: i % 2 ? 'prod' : 'dev', ...(i % 10 === 0 ? { 'flotilla.io/protected': 'true' } : {}) },
    server: `https://10.0.0.${i}:6443`,
    context: `ctx-${i}`,
    attachedAt: '2026-01-01T00:00:00Z',
    protected: false,
    ...over,
  };
}
const rows = Array.from({ length: 500 }, (_, i) => row(i));
const q = (over: Partial<ClusterQuery>) => ClusterQuery.parse(over);

describe('queryClusters', () => {
  it('pages in name order by default', () => {
    const page = queryClusters(rows, q({ limit: 10, offset: 20 }));
    expect(page.total).toBe(500);
    expect(page.items.map((r) => r.name)).toEqual(rows.slice(20, 30).map((r) => r.name));
    expect(page.ids).toHaveLength(500);
  });

  it('filters by text over name, labels, provider and server', () => {
    expect(queryClusters(rows, q({ text: 'c-042' })).ids).toEqual(['id-42']);
    expect(queryClusters(rows, q({ text: 'vsphere env=prod', limit: 1000 })).total).toBe(
      rows.filter((r) => r.provider === 'vsphere' && r.labels.env === 'prod').length,
    );
    expect(queryClusters(rows, q({ text: '10.0.0.7:' })).ids).toEqual(['id-7']);
  });

  it('filters by label, group and status', () => {
    expect(queryClusters(rows, q({ label: 'flotilla.io/protected' })).total).toBe(50);
    expect(queryClusters(rows, q({ label: 'env: dev' })).total).toBe(250);
    expect(queryClusters(rows, q({ label: 'env!=dev' })).total).toBe(250);
    expect(queryClusters(rows, q({ groupId: 'g1' })).total).toBe(250);
    expect(queryClusters(rows, q({ status: ['unreachable'] })).total).toBe(100);
    expect(queryClusters(rows, q({ status: ['unreachable'], groupId: 'g1' })).total).toBe(50);
  });

  it('sorts by allocation, version and status with name as tie-break', () => {
    const byCpu = queryClusters(rows, q({ sort: 'cpu', dir: 'desc', limit: 1000 })).items;
    for (let i = 1; i < byCpu.length; i++) {
      const a = byCpu[i - 1]!.cpu!.requested;
      const b = byCpu[i]!.cpu!.requested;
      expect(a).toBeGreaterThanOrEqual(b);
      if (a === b) expect(byCpu[i - 1]!.name < byCpu[i]!.name).toBe(true);
    }
    const byVersion = queryClusters(
      [row(1, { version: 'v1.9.0' }), row(2, { version: 'v1.28.3+k3s1' })],
      q({ sort: 'version' }),
    );
    expect(byVersion.items.map((r) => r.version)).toEqual(['v1.9.0', 'v1.28.3+k3s1']);
    const byStatus = queryClusters(rows, q({ sort: 'status' })).items;
    expect(byStatus[0]!.status).toBe('unreachable');
  });

  it('sorts names naturally', () => {
    const named = ['sim-10', 'sim-2', 'sim-1'].map((name, i) => row(i, { name }));
    expect(queryClusters(named, q({})).items.map((r) => r.name)).toEqual(['sim-1', 'sim-2', 'sim-10']);
  });

  it('parses label filters', () => {
    expect(parseLabelFilter('env')).toEqual({ key: 'env', negate: false });
    expect(parseLabelFilter('env = prod')).toEqual({ key: 'env', value: 'prod', negate: false });
    expect(parseLabelFilter('flotilla.io/protected: "true"')).toEqual({
      key: 'flotilla.io/protected',
      value: 'true',
      negate: false,
    });
    expect(parseLabelFilter('a!=b')).toEqual({ key: 'a', value: 'b', negate: true });
    expect(parseLabelFilter('  ')).toBeUndefined();
  });

  it('stays fast with 500 clusters (filter + sort + page in well under a frame budget)', () => {
    const started = performance.now();
    const runs = 50;
    for (let i = 0; i < runs; i++) {
      queryClusters(
        rows,
        q({
          text: i % 2 ? 'prod' : '',
          sort: i % 3 ? 'cpu' : 'name',
          dir: i % 2 ? 'desc' : 'asc',
          offset: 100,
          limit: 100,
        }),
      );
    }
    const perQuery = (performance.now() - started) / runs;
    expect(perQuery).toBeLessThan(16);
  });
});
