import { describe, expect, it } from 'vitest';
import { listHref, parseWorkloadsPath, podHref } from './kinds';

const decode = (hash: string): string[] =>
  hash
    .replace(/^#\/workloads\/?/, '')
    .split('/')
    .filter(Boolean)
    .map(decodeURIComponent);

describe('workloads routes', () => {
  it('lists deployments by default and each kind by its slug', () => {
    const r = parseWorkloadsPath([]);
    expect(r.view === 'list' && r.kind.kind).toBe('Deployment');
    const p = parseWorkloadsPath(['pods']);
    expect(p.view === 'list' && p.kind.kind).toBe('Pod');
  });

  it('round-trips list filters through the hash, slashes and spaces included', () => {
    const href = listHref('pods', {
      owner: 'ReplicaSet/web-7d9',
      labelSelector: 'app in (a, b)',
      cluster: '',
    });
    const r = parseWorkloadsPath(decode(href));
    expect(r).toMatchObject({
      view: 'list',
      filters: { owner: 'ReplicaSet/web-7d9', labelSelector: 'app in (a, b)' },
    });
    expect(r.view === 'list' && 'cluster' in r.filters).toBe(false);
  });

  it('opens a pod by cluster, namespace and name', () => {
    expect(parseWorkloadsPath(decode(podHref('c 1', 'shop', 'payment-7f9')))).toEqual({
      view: 'pod',
      cluster: 'c 1',
      namespace: 'shop',
      name: 'payment-7f9',
    });
  });

  it('names what it does not know', () => {
    expect(parseWorkloadsPath(['replicasets'])).toEqual({
      view: 'unknown',
      reason: '"replicasets" is not a workload kind',
    });
    expect(parseWorkloadsPath(['deployments', 'a', 'b', 'c'])).toMatchObject({ view: 'unknown' });
    expect(parseWorkloadsPath(['pods', 'a', '', 'c'])).toMatchObject({ view: 'unknown' });
  });
});
