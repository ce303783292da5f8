import { describe, expect, it } from 'vitest';
import type { DiffChange } from '../../../shared/contract/sources';
import {
  emptyFilter,
  fieldsText,
  filterChanges,
  groupSummary,
  serverScope,
  totalsText,
  type SummaryRow,
} from './diff-model';

const row = (
  cluster: string,
  kind: string,
  namespace: string,
  a: number,
  r: number,
  c: number,
): SummaryRow => ({
  cluster,
  kind,
  namespace,
  added: a,
  removed: r,
  changed: c,
});

const rows = [
  row('tkg-01', 'Deployment', 'shop', 1, 0, 2),
  row('tkg-01', 'Pod', 'shop', 3, 3, 0),
  row('aks-prod', 'Deployment', 'blog', 0, 1, 0),
  row('aks-prod', 'Namespace', '', 1, 0, 0),
];

describe('groupSummary', () => {
  it('adds the rows up by cluster, biggest first', () => {
    expect(groupSummary(rows, 'cluster')).toEqual([
      { key: 'tkg-01', added: 4, removed: 3, changed: 2, total: 9 },
      { key: 'aks-prod', added: 1, removed: 1, changed: 0, total: 2 },
    ]);
  });
  it('by kind, ties by name', () => {
    expect(groupSummary(rows, 'kind').map((g) => [g.key, g.total])).toEqual([
      ['Pod', 6],
      ['Deployment', 4],
      ['Namespace', 1],
    ]);
  });
  it('by namespace, the cluster-scoped ones under ""', () => {
    expect(groupSummary(rows, 'namespace').map((g) => [g.key, g.added, g.removed, g.changed])).toEqual([
      ['shop', 4, 3, 2],
      ['', 1, 0, 0],
      ['blog', 0, 1, 0],
    ]);
  });
  it('is empty without rows', () => {
    expect(groupSummary([], 'kind')).toEqual([]);
  });
});

const change = (c: Partial<DiffChange>): DiffChange => ({
  change: 'changed',
  cluster: 'tkg-01',
  group: 'apps',
  kind: 'Deployment',
  namespace: 'shop',
  name: 'web',
  fields: [],
  ...c,
});

describe('filterChanges', () => {
  const changes = [
    change({}),
    change({ change: 'added', name: 'Cart-Service' }),
    change({ change: 'removed', cluster: 'aks-prod', namespace: 'blog', name: 'blog' }),
    change({ change: 'added', kind: 'Namespace', group: '', namespace: '', name: 'new-team' }),
  ];
  const names = (f: Partial<typeof emptyFilter>) =>
    filterChanges(changes, { ...emptyFilter, ...f }).map((c) => c.name);

  it('keeps everything with no filter', () => {
    expect(names({})).toEqual(['web', 'Cart-Service', 'blog', 'new-team']);
  });
  it('by change type, cluster, kind, namespace and name', () => {
    expect(names({ types: new Set(['added']) })).toEqual(['Cart-Service', 'new-team']);
    expect(names({ cluster: 'aks-prod' })).toEqual(['blog']);
    expect(names({ kind: 'Namespace' })).toEqual(['new-team']);
    expect(names({ namespace: '(cluster-scoped)' })).toEqual(['new-team']);
    expect(names({ namespace: 'shop', text: 'cart' })).toEqual(['Cart-Service']);
    expect(names({ types: new Set() })).toEqual([]);
  });
  it('asks main for the same cluster, kind and namespace', () => {
    expect(serverScope({ ...emptyFilter })).toEqual({
      clusters: undefined,
      kinds: undefined,
      namespaces: undefined,
    });
    expect(serverScope({ ...emptyFilter, cluster: 'a', kind: 'Pod', namespace: '(cluster-scoped)' })).toEqual(
      {
        clusters: ['a'],
        kinds: ['Pod'],
        namespaces: [''],
      },
    );
  });
});

describe('words', () => {
  it('totals', () => {
    expect(totalsText({ added: 0, removed: 0, changed: 0 })).toBe('No differences');
    expect(totalsText({ added: 2, removed: 1, changed: 5 })).toBe('2 added · 1 removed · 5 changed');
  });
  it('fields', () => {
    expect(fieldsText([])).toBe('');
    expect(fieldsText(['spec.replicas'])).toBe('spec.replicas');
    expect(fieldsText(['a', 'b', 'c', 'd', 'e'])).toBe('a, b, c and 2 more fields');
  });
});
