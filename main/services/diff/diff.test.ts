import { describe, expect, it } from 'vitest';
import type { KubeObject, StoredObject } from '../../../shared/objects/types';
import { MemoryObjectReader } from '../objects-memory/memory-reader';
import { diffObject, diffSources, stableStringify, type DiffSide } from './diff';

function row(source: string, cluster: string, object: KubeObject): StoredObject {
  const [group, version] = (object.apiVersion ?? 'v1').includes('/')
    ? (object.apiVersion as string).split('/')
    : ['', object.apiVersion ?? 'v1'];
  return {
    source,
    cluster,
    group: group!,
    version: version!,
    kind: object.kind!,
    namespace: object.metadata?.namespace ?? '',
    name: object.metadata!.name!,
    uid: `${cluster}-${object.metadata!.name}`,
    resourceVersion: String(object.metadata?.resourceVersion ?? '1'),
    labels: object.metadata?.labels ?? {},
    object,
  };
}

const deploy = (name: string, replicas: number, rv = '1', image = 'web:1'): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'shop', resourceVersion: rv },
  spec: { replicas, template: { spec: { containers: [{ name: 'web', image }] } } },
});
const cm = (name: string, ns = 'shop'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: ns },
});
const event = (name: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name, namespace: 'shop' },
  reason: 'Pulled',
});

/** Live rows carry cluster ids; the snapshot carries names. Both call the cluster "prod". */
function sides(before: KubeObject[], after: KubeObject[]): [DiffSide, DiffSide] {
  const reader = new MemoryObjectReader([
    ...before.map((o) => row('snapshot:a', 'prod', o)),
    ...after.map((o) => row('live', 'id-7f3', o)),
  ]);
  return [
    { reader, source: 'snapshot:a', clusters: new Map([['prod', 'prod']]) },
    { reader, source: 'live', clusters: new Map([['id-7f3', 'prod']]) },
  ];
}

describe('diffSources', () => {
  it('finds added, removed and changed objects, matching clusters by name across sources', () => {
    const [a, b] = sides(
      [deploy('web', 2), deploy('api', 1), cm('old')],
      [deploy('web', 3), deploy('api', 1, '99'), cm('new')],
    );
    const d = diffSources(a, b);
    expect(d.totals).toEqual({ added: 1, removed: 1, changed: 1 });
    expect(d.changes).toEqual([
      {
        change: 'added',
        cluster: 'prod',
        group: '',
        kind: 'ConfigMap',
        namespace: 'shop',
        name: 'new',
        fields: [],
      },
      {
        change: 'removed',
        cluster: 'prod',
        group: '',
        kind: 'ConfigMap',
        namespace: 'shop',
        name: 'old',
        fields: [],
      },
      {
        change: 'changed',
        cluster: 'prod',
        group: 'apps',
        kind: 'Deployment',
        namespace: 'shop',
        name: 'web',
        fields: ['spec.replicas'],
      },
    ]);
    expect(d.summary).toEqual([
      { cluster: 'prod', kind: 'ConfigMap', namespace: 'shop', added: 1, removed: 1, changed: 0 },
      { cluster: 'prod', kind: 'Deployment', namespace: 'shop', added: 0, removed: 0, changed: 1 },
    ]);
    expect(d.truncated).toBe(false);
  });

  it('counts a resourceVersion-only change when noise is shown', () => {
    const [a, b] = sides([deploy('api', 1, '1')], [deploy('api', 1, '2')]);
    expect(diffSources(a, b).totals.changed).toBe(0);
    const shown = diffSources(a, b, { showNoise: true });
    expect(shown.changes[0]!.fields).toEqual(['metadata.resourceVersion']);
  });

  it('leaves events out unless asked for', () => {
    const [a, b] = sides([], [event('e1')]);
    expect(diffSources(a, b).totals.added).toBe(0);
    expect(diffSources(a, b, { kinds: ['Event'] }).totals.added).toBe(1);
  });

  it('narrows by cluster name, kind and namespace', () => {
    const [a, b] = sides([cm('x', 'one'), cm('y', 'two')], [deploy('web', 1)]);
    expect(diffSources(a, b, { namespaces: ['one'] }).totals).toEqual({ added: 0, removed: 1, changed: 0 });
    expect(diffSources(a, b, { kinds: ['Deployment'] }).totals).toEqual({ added: 1, removed: 0, changed: 0 });
    expect(diffSources(a, b, { clusters: ['other'] }).totals).toEqual({ added: 0, removed: 0, changed: 0 });
  });

  it('caps the listed changes but keeps the totals whole', () => {
    const many = Array.from({ length: 30 }, (_, i) => cm(`c${i}`));
    const [a, b] = sides([], many);
    const d = diffSources(a, b, {}, 10);
    expect(d.changes).toHaveLength(10);
    expect(d.totals.added).toBe(30);
    expect(d.truncated).toBe(true);
  });
});

describe('diffObject', () => {
  it('gives both sides without noise and the changed fields', () => {
    const [a, b] = sides([deploy('web', 2, '1', 'web:1')], [deploy('web', 2, '8', 'web:2')]);
    const d = diffObject(a, b, {
      cluster: 'prod',
      group: 'apps',
      kind: 'Deployment',
      namespace: 'shop',
      name: 'web',
    });
    expect(d.before?.metadata).toEqual({ name: 'web', namespace: 'shop' });
    expect(d.fields).toEqual([
      { path: 'spec.template.spec.containers[name=web].image', before: 'web:1', after: 'web:2' },
    ]);
  });

  it('has no before for an added object', () => {
    const [a, b] = sides([], [cm('new')]);
    const d = diffObject(a, b, {
      cluster: 'prod',
      group: '',
      kind: 'ConfigMap',
      namespace: 'shop',
      name: 'new',
    });
    expect(d.before).toBeUndefined();
    expect(d.after?.metadata?.name).toBe('new');
  });
});

describe('stableStringify', () => {
  it('does not depend on key order', () => {
    expect(stableStringify({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      stableStringify({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
  });
});
