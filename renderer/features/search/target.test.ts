import { describe, expect, it } from 'vitest';
import { parseWorkloadsPath } from '../../../shared/workloads/kinds';
import { searchTarget } from './target';

const route = (href: string) =>
  parseWorkloadsPath(
    href
      .replace(/^#\/workloads\//, '')
      .split('/')
      .map(decodeURIComponent),
  );

describe('searchTarget', () => {
  it('a pod opens its own page', () => {
    const t = searchTarget({ cluster: 'c 1', kind: 'Pod', namespace: 'shop', name: 'web-1' });
    expect(t.href).toBe('#/workloads/pods/c%201/shop/web-1');
    expect(route(t.href)).toEqual({ view: 'pod', cluster: 'c 1', namespace: 'shop', name: 'web-1' });
  });

  it.each([
    ['Deployment', 'deployments'],
    ['StatefulSet', 'statefulsets'],
    ['DaemonSet', 'daemonsets'],
    ['Job', 'jobs'],
    ['CronJob', 'cronjobs'],
  ])('a %s opens its list filtered to its cluster, namespace and name', (kind, slug) => {
    const t = searchTarget({ cluster: 'c1', kind, namespace: 'shop', name: 'web' });
    const r = route(t.href);
    expect(r).toMatchObject({
      view: 'list',
      kind: { slug },
      filters: { cluster: 'c1', namespace: 'shop', text: 'web' },
    });
  });

  it('a ReplicaSet opens its Deployment, or its pods when it has none', () => {
    const owned = searchTarget({
      cluster: 'c1',
      kind: 'ReplicaSet',
      namespace: 'shop',
      name: 'web-5d9',
      ownerKind: 'Deployment',
      ownerName: 'web',
    });
    expect(route(owned.href)).toMatchObject({ kind: { slug: 'deployments' }, filters: { text: 'web' } });
    const lonely = searchTarget({ cluster: 'c1', kind: 'ReplicaSet', namespace: 'shop', name: 'rs' });
    expect(route(lonely.href)).toMatchObject({ kind: { slug: 'pods' }, filters: { owner: 'ReplicaSet/rs' } });
  });

  it('Nodes, Namespaces and other cluster-scoped objects open the cluster overview', () => {
    for (const kind of ['Node', 'Namespace', 'ClusterRole', 'PersistentVolume']) {
      expect(searchTarget({ cluster: 'aks/1', kind, namespace: '', name: 'x' })).toEqual({
        href: '#/clusters/aks%2F1',
        label: 'cluster overview',
      });
    }
  });

  it('other namespaced objects open the pods of their namespace', () => {
    const t = searchTarget({ cluster: 'c1', kind: 'Service', namespace: 'shop', name: 'web' });
    expect(route(t.href)).toMatchObject({
      kind: { slug: 'pods' },
      filters: { cluster: 'c1', namespace: 'shop' },
    });
  });
});
