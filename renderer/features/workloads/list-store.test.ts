import { describe, expect, it } from 'vitest';
import { defaultFilter, PAGE, shortcut, toCount, toQuery, workspaceScopes } from './query';

describe('workloads list query', () => {
  it('asks main for one page of one kind with objects, sorted in main', () => {
    expect(toQuery(defaultFilter('Pod'), 300)).toEqual({
      source: 'live',
      kinds: ['Pod'],
      clusters: undefined,
      scopes: undefined,
      namespaces: undefined,
      labelSelector: undefined,
      text: undefined,
      nodeName: undefined,
      owner: undefined,
      statuses: undefined,
      sort: 'name',
      dir: 'asc',
      offset: 300,
      limit: PAGE,
      withObject: true,
    });
  });

  it('passes every filter through, trimmed', () => {
    const q = toQuery(
      {
        ...defaultFilter('Job'),
        clusters: ['a', 'b'],
        namespace: 'shop',
        labelSelector: ' app=web ',
        text: ' pay ',
        nodeName: 'n1',
        owner: { kind: 'CronJob', name: 'nightly' },
        status: 'Failed',
        sort: 'restarts',
        dir: 'desc',
      },
      0,
    );
    expect(q).toMatchObject({
      kinds: ['Job'],
      clusters: ['a', 'b'],
      namespaces: ['shop'],
      labelSelector: 'app=web',
      text: 'pay',
      nodeName: 'n1',
      owner: { kind: 'CronJob', name: 'nightly' },
      statuses: ['Failed'],
      sort: 'restarts',
      dir: 'desc',
    });
    expect(PAGE).toBeLessThanOrEqual(100);
  });

  it('queries the current data source', () => {
    const f = defaultFilter('Deployment', 'snapshot:abc');
    expect(toQuery(f, 0).source).toBe('snapshot:abc');
    expect(toCount(f, 'namespace')).toEqual({
      source: 'snapshot:abc',
      kinds: ['Deployment'],
      clusters: undefined,
      scopes: undefined,
      by: 'namespace',
    });
  });

  it("narrows to a workspace's (cluster, namespace) pairs once they are known", () => {
    const members = [
      { cluster: 'c1', clusterName: 'one', name: 'shop', managed: true, labels: {}, status: 'Active' },
      { cluster: 'c2', clusterName: 'two', name: 'shop', managed: true, labels: {}, status: 'Active' },
      { cluster: 'c1', clusterName: 'one', name: 'shop', managed: true, labels: {}, status: null },
    ];
    const scopes = workspaceScopes(members);
    expect(scopes).toEqual([
      { cluster: 'c1', namespace: 'shop' },
      { cluster: 'c2', namespace: 'shop' },
    ]);
    const waiting = { ...defaultFilter('Pod'), workspace: 'w1' };
    expect(shortcut(waiting)).toBe('waiting');
    const ready = { ...waiting, scopes, namespace: 'shop' };
    expect(shortcut(ready)).toBeNull();
    expect(toQuery(ready, 0)).toMatchObject({ scopes, namespaces: ['shop'] });
    expect(toCount(ready, 'status').scopes).toEqual(scopes);
    expect(shortcut({ ...waiting, scopes: [] })).toBe('empty');
    expect(shortcut({ ...defaultFilter('Pod'), clusters: [] })).toBe('empty');
    expect(shortcut(defaultFilter('Pod'))).toBeNull();
    // scopes left over from a cleared workspace do not filter
    expect(toQuery({ ...ready, workspace: '' }, 0).scopes).toBeUndefined();
  });
});
