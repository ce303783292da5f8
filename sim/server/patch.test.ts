import { describe, expect, it } from 'vitest';
import type { KObject } from '../store/api';
import { serverSideApply } from './apply';
import { recordUpdate } from './fields';
import { applyJsonPatch, applyMergePatch, applyStrategicMergePatch } from './patch';

const deploy = (containers: unknown[], replicas = 1): KObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'd', namespace: 'n' },
  spec: { replicas, template: { spec: { containers } } },
});

describe('patches', () => {
  it('JSON patch: add, replace, remove, test; a failed test is a 422', () => {
    const doc = { a: [1, 2], b: { c: 1 } };
    expect(
      applyJsonPatch(doc, [
        { op: 'add', path: '/a/-', value: 3 },
        { op: 'replace', path: '/b/c', value: 2 },
        { op: 'remove', path: '/a/0' },
      ]),
    ).toEqual({ a: [2, 3], b: { c: 2 } });
    expect(() => applyJsonPatch(doc, [{ op: 'test', path: '/b/c', value: 9 }])).toThrow(
      expect.objectContaining({ code: 422 }),
    );
    expect(() => applyJsonPatch(doc, { op: 'add' })).toThrow(expect.objectContaining({ code: 400 }));
  });

  it('merge patch replaces lists and deletes nulls', () => {
    expect(applyMergePatch({ a: [1, 2], b: 1, c: { d: 1 } }, { a: [3], b: null, c: { e: 2 } })).toEqual({
      a: [3],
      c: { d: 1, e: 2 },
    });
  });

  it('strategic merge patch merges containers, env and ports by key and honours $patch: delete', () => {
    const live = deploy([
      { name: 'web', image: 'nginx:1', env: [{ name: 'A', value: '1' }], ports: [{ containerPort: 80 }] },
      { name: 'side', image: 'busybox' },
    ]);
    const out = applyStrategicMergePatch(live, {
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: 'web',
                image: 'nginx:2',
                env: [{ name: 'B', value: '2' }],
                ports: [{ containerPort: 443 }],
              },
              { name: 'side', $patch: 'delete' },
            ],
          },
        },
      },
    }) as KObject;
    const containers = (out.spec as { template: { spec: { containers: Array<Record<string, unknown>> } } })
      .template.spec.containers;
    expect(containers).toHaveLength(1);
    expect(containers[0].image).toBe('nginx:2');
    expect(containers[0].env).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: '2' },
    ]);
    expect(containers[0].ports).toEqual([{ containerPort: 80 }, { containerPort: 443 }]);
  });
});

describe('server-side apply', () => {
  it('records ownership, conflicts with another manager, and wins with force', () => {
    const first = serverSideApply(undefined, deploy([{ name: 'web', image: 'nginx:1' }], 2), 'alice', false);
    expect(first.metadata.managedFields).toHaveLength(1);
    expect(() =>
      serverSideApply(first, deploy([{ name: 'web', image: 'nginx:1' }], 5), 'bob', false),
    ).toThrow(/conflict with "alice"/);
    const forced = serverSideApply(first, deploy([{ name: 'web', image: 'nginx:1' }], 5), 'bob', true);
    expect((forced.spec as { replicas: number }).replicas).toBe(5);
    const managers = (forced.metadata.managedFields as Array<{ manager: string }>)
      .map((m) => m.manager)
      .sort();
    expect(managers).toEqual(['alice', 'bob']);
  });

  it('removes fields the manager no longer applies, and agrees on identical values', () => {
    const a = serverSideApply(
      undefined,
      {
        ...deploy([{ name: 'web', image: 'nginx:1' }]),
        metadata: { name: 'd', namespace: 'n', labels: { x: '1', y: '2' } },
      },
      'alice',
      false,
    );
    const shared = serverSideApply(
      a,
      {
        ...deploy([{ name: 'web', image: 'nginx:1' }]),
        metadata: { name: 'd', namespace: 'n', labels: { x: '1' } },
      },
      'bob',
      false,
    );
    const b = serverSideApply(
      shared,
      {
        ...deploy([{ name: 'web', image: 'nginx:1' }]),
        metadata: { name: 'd', namespace: 'n', labels: { x: '1' } },
      },
      'alice',
      false,
    );
    expect(b.metadata.labels).toEqual({ x: '1' });
  });

  it('an Update manager that changed a field conflicts with a later apply', () => {
    const a = serverSideApply(undefined, deploy([{ name: 'web', image: 'nginx:1' }], 1), 'kubectl', false);
    const scaled = structuredClone(a);
    (scaled.spec as { replicas: number }).replicas = 4;
    recordUpdate(a, scaled, 'kubectl-scale');
    expect(() =>
      serverSideApply(scaled, deploy([{ name: 'web', image: 'nginx:1' }], 1), 'kubectl', false),
    ).toThrow(/kubectl-scale.*\.spec\.replicas/);
  });
});
