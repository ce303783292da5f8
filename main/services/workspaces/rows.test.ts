import { describe, expect, it } from 'vitest';
import { NamespaceQuery } from '../../../shared/contract/workspaces';
import type { ObjectSummary } from '../../../shared/objects/page';
import { joinContext, namespacePage } from './rows';

const ns = (cluster: string, name: string, labels: Record<string, string> = {}): ObjectSummary => ({
  source: 'live',
  cluster,
  group: '',
  version: 'v1',
  kind: 'Namespace',
  namespace: '',
  name,
  uid: `${cluster}-${name}`,
  resourceVersion: '1',
  labels,
  created: '2026-01-01T00:00:00.000Z',
  status: 'Active',
  nodeName: null,
  ownerKind: null,
  ownerName: null,
  ready: null,
  desired: null,
  restarts: null,
});

const objects = [
  ns('c1', 'default'),
  ns('c1', 'kube-system'),
  ns('c1', 'shop', { team: 'shop' }),
  ns('c2', 'shop'),
  ns('c2', 'flotilla-system'),
  ns('c2', 'blog'),
];
const j = joinContext(
  [
    { id: 'c1', name: 'tkg-01' },
    { id: 'c2', name: 'aks-prod' },
  ],
  [
    { id: 'default', name: 'default', description: '', labels: {}, createdAt: '' },
    { id: 'w1', name: 'shop-team', description: '', labels: {}, createdAt: '' },
  ],
  [
    { cluster: 'c1', namespace: 'shop', workspaceId: 'w1' },
    { cluster: 'c2', namespace: 'shop', workspaceId: 'w1' },
  ],
);
const page = (q: Partial<NamespaceQuery>) => namespacePage(j, objects, NamespaceQuery.parse(q));
const names = (q: Partial<NamespaceQuery>) => page(q).items.map((r) => `${r.clusterName}/${r.name}`);

describe('namespacePage', () => {
  it('joins each namespace with its workspace and sorts by name then cluster', () => {
    const p = page({});
    expect(p.total).toBe(6);
    expect(p.all).toBe(6);
    const shop = p.items.filter((r) => r.name === 'shop');
    expect(shop.map((r) => [r.clusterName, r.managed, r.workspaceName])).toEqual([
      ['aks-prod', true, 'shop-team'],
      ['tkg-01', true, 'shop-team'],
    ]);
    expect(p.items.find((r) => r.name === 'blog')).toMatchObject({
      managed: false,
      workspaceName: undefined,
    });
  });
  it('hides system namespaces (kube-*, default) and Flotilla namespaces on request', () => {
    expect(names({ hideSystem: true })).toEqual([
      'aks-prod/blog',
      'aks-prod/flotilla-system',
      'aks-prod/shop',
      'tkg-01/shop',
    ]);
    expect(names({ hideSystem: true, hideFlotilla: true })).toEqual([
      'aks-prod/blog',
      'aks-prod/shop',
      'tkg-01/shop',
    ]);
  });
  it('filters by workspace, managed state, cluster and text (name, cluster, label)', () => {
    expect(names({ workspaceId: 'w1' })).toEqual(['aks-prod/shop', 'tkg-01/shop']);
    expect(names({ managed: 'unmanaged', hideSystem: true })).toEqual([
      'aks-prod/blog',
      'aks-prod/flotilla-system',
    ]);
    expect(names({ clusters: ['c1'], hideSystem: true })).toEqual(['tkg-01/shop']);
    expect(names({ text: 'team=shop' })).toEqual(['tkg-01/shop']);
    expect(names({ text: 'AKS' })).toHaveLength(3);
  });
  it('pages with offset and limit, keeping the total', () => {
    const p = page({ offset: 2, limit: 2 });
    expect(p.total).toBe(6);
    expect(p.items.map((r) => r.name)).toEqual(['flotilla-system', 'kube-system']);
  });
});
