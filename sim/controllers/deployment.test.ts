import { describe, expect, it } from 'vitest';
import { container, deployment } from '../fleet/builders';
import { genericCluster } from '../fleet/generic';
import type { KObject } from '../store/api';
import { harness } from './testing';

const spec = () => ({ ...genericCluster(0, { nodes: 3, podsPerCluster: 0 }), name: 'unit' });
const web = (replicas: number, image = 'nginx:1.27.2', strategy?: object) => {
  const d = deployment({
    name: 'web',
    namespace: 'default',
    labels: { app: 'web' },
    replicas,
    containers: [container({ name: 'web', image, port: 80, cpu: '50m', memory: '32Mi' })],
  });
  if (strategy) (d.spec as { strategy: object }).strategy = strategy;
  return d;
};
const status = (o: KObject | undefined) => (o?.status ?? {}) as Record<string, unknown>;

describe('deployment controller', () => {
  it('creates a replica set and pods that become available, with rollout-status fields', () => {
    const h = harness(spec());
    h.create('apps/v1/deployments', web(3));
    h.advance(3000);
    const rs = h.store.list('apps/v1/replicasets', { namespace: 'default' });
    expect(rs).toHaveLength(1);
    const pods = h.store.list('v1/pods', { namespace: 'default', labelSelector: 'app=web' });
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(status(p).phase).toBe('Running');
      expect((p.spec as { nodeName?: string }).nodeName).toBeTruthy();
      expect(status(p).podIP).toMatch(/^10\.\d+\.\d+\.\d+$/);
    }
    const d = h.store.get('apps/v1/deployments', 'default', 'web');
    const st = status(d);
    expect(st).toMatchObject({
      observedGeneration: 1,
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
    });
    const conds = st.conditions as Array<{ type: string; status: string; reason: string }>;
    expect(conds.map((c) => [c.type, c.status, c.reason])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable'],
      ['Progressing', 'True', 'NewReplicaSetAvailable'],
    ]);
    expect(d?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
  });

  it.each([
    { maxSurge: 1, maxUnavailable: 0, replicas: 4 },
    { maxSurge: 0, maxUnavailable: 1, replicas: 4 },
    { maxSurge: '50%', maxUnavailable: '25%', replicas: 4 },
    { maxSurge: 2, maxUnavailable: 2, replicas: 5 },
  ])(
    'rolls out honouring maxSurge=$maxSurge maxUnavailable=$maxUnavailable',
    ({ maxSurge, maxUnavailable, replicas }) => {
      const h = harness(spec());
      const strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } };
      h.create('apps/v1/deployments', web(replicas, 'nginx:1.27.2', strategy));
      h.advance(3000);
      const surge =
        typeof maxSurge === 'number' ? maxSurge : Math.ceil((parseInt(maxSurge) * replicas) / 100);
      const unavail =
        typeof maxUnavailable === 'number'
          ? maxUnavailable
          : Math.floor((parseInt(maxUnavailable) * replicas) / 100);
      let maxPods = 0;
      let minAvailable = Infinity;
      h.store.subscribe(() => {
        const pods = h.store
          .list('v1/pods', { namespace: 'default' })
          .filter((p) => !p.metadata.deletionTimestamp);
        maxPods = Math.max(maxPods, pods.length);
        const ready = pods.filter((p) =>
          (status(p).conditions as Array<{ type: string; status: string }> | undefined)?.some(
            (c) => c.type === 'Ready' && c.status === 'True',
          ),
        );
        minAvailable = Math.min(minAvailable, ready.length);
      });
      h.store.mutate('apps/v1/deployments', 'default', 'web', (d) => {
        (
          (d.spec as { template: { spec: { containers: Array<{ image: string }> } } }).template.spec
            .containers[0] as { image: string }
        ).image = 'nginx:1.27.3';
      });
      h.advance(20_000);
      const st = status(h.store.get('apps/v1/deployments', 'default', 'web'));
      expect(st).toMatchObject({
        observedGeneration: 2,
        replicas,
        updatedReplicas: replicas,
        availableReplicas: replicas,
      });
      expect(maxPods).toBeLessThanOrEqual(replicas + surge);
      expect(minAvailable).toBeGreaterThanOrEqual(replicas - unavail);
      const rss = h.store.list('apps/v1/replicasets', { namespace: 'default' });
      expect(rss).toHaveLength(2);
      expect(rss.map((r) => (r.spec as { replicas: number }).replicas).sort()).toEqual([0, replicas]);
      const pods = h.store.list('v1/pods', { namespace: 'default' });
      expect(
        pods.every(
          (p) => (p.spec as { containers: Array<{ image: string }> }).containers[0]?.image === 'nginx:1.27.3',
        ),
      ).toBe(true);
    },
  );

  it('scales up and down', () => {
    const h = harness(spec());
    h.create('apps/v1/deployments', web(2));
    h.advance(3000);
    h.store.mutate(
      'apps/v1/deployments',
      'default',
      'web',
      (d) => ((d.spec as { replicas: number }).replicas = 5),
    );
    h.advance(3000);
    expect(h.store.list('v1/pods', { namespace: 'default' })).toHaveLength(5);
    h.store.mutate(
      'apps/v1/deployments',
      'default',
      'web',
      (d) => ((d.spec as { replicas: number }).replicas = 1),
    );
    h.advance(3000);
    expect(h.store.list('v1/pods', { namespace: 'default' })).toHaveLength(1);
    expect(status(h.store.get('apps/v1/deployments', 'default', 'web'))).toMatchObject({
      replicas: 1,
      availableReplicas: 1,
    });
  });

  it('Recreate stops old pods before starting new ones', () => {
    const h = harness(spec());
    h.create('apps/v1/deployments', web(3, 'nginx:1.27.2', { type: 'Recreate' }));
    h.advance(3000);
    let mixed = false;
    h.store.subscribe(() => {
      const images = new Set(
        h.store
          .list('v1/pods', { namespace: 'default' })
          .map((p) => (p.spec as { containers: Array<{ image: string }> }).containers[0]?.image),
      );
      if (images.size > 1) mixed = true;
    });
    h.store.mutate('apps/v1/deployments', 'default', 'web', (d) => {
      (
        (d.spec as { template: { spec: { containers: Array<{ image: string }> } } }).template.spec
          .containers[0] as { image: string }
      ).image = 'nginx:1.27.3';
    });
    h.advance(10_000);
    expect(mixed).toBe(false);
    expect(status(h.store.get('apps/v1/deployments', 'default', 'web'))).toMatchObject({
      updatedReplicas: 3,
      availableReplicas: 3,
    });
  });

  it('records ScalingReplicaSet and pod lifecycle events with counts', () => {
    const h = harness(spec());
    h.create('apps/v1/deployments', web(1));
    h.advance(3000);
    const reasons = h.store.list('v1/events', { namespace: 'default' }).map((e) => e.reason);
    for (const r of ['ScalingReplicaSet', 'SuccessfulCreate', 'Scheduled', 'Created', 'Started'])
      expect(reasons).toContain(r);
  });

  it('rolling back to an earlier template reuses its replica set with a new revision', () => {
    const h = harness(spec());
    h.create('apps/v1/deployments', web(2, 'nginx:1.27.2'));
    h.advance(3000);
    const setImage = (image: string) =>
      h.store.mutate('apps/v1/deployments', 'default', 'web', (d) => {
        (
          (d.spec as { template: { spec: { containers: Array<{ image: string }> } } }).template.spec
            .containers[0] as { image: string }
        ).image = image;
      });
    const first = h.store.list('apps/v1/replicasets', { namespace: 'default' })[0]?.metadata.name;
    setImage('nginx:1.27.3');
    h.advance(10_000);
    setImage('nginx:1.27.2');
    h.advance(10_000);
    const rss = h.store.list('apps/v1/replicasets', { namespace: 'default' });
    expect(rss).toHaveLength(2);
    const current = rss.find((r) => (r.spec as { replicas: number }).replicas === 2);
    expect(current?.metadata.name).toBe(first);
    expect(current?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(
      h.store.get('apps/v1/deployments', 'default', 'web')?.metadata.annotations?.[
        'deployment.kubernetes.io/revision'
      ],
    ).toBe('3');
  });

  it('a paused deployment does not roll out until resumed', () => {
    const h = harness(spec());
    h.create('apps/v1/deployments', web(2));
    h.advance(3000);
    h.store.mutate('apps/v1/deployments', 'default', 'web', (d) => {
      const s = d.spec as { paused?: boolean; template: { spec: { containers: Array<{ image: string }> } } };
      s.paused = true;
      (s.template.spec.containers[0] as { image: string }).image = 'nginx:1.27.3';
    });
    h.advance(5000);
    expect(h.store.list('apps/v1/replicasets', { namespace: 'default' })).toHaveLength(1);
    h.store.mutate(
      'apps/v1/deployments',
      'default',
      'web',
      (d) => void ((d.spec as { paused?: boolean }).paused = false),
    );
    h.advance(10_000);
    expect(status(h.store.get('apps/v1/deployments', 'default', 'web'))).toMatchObject({
      updatedReplicas: 2,
      availableReplicas: 2,
    });
  });

  it('a deployment that cannot progress reports ProgressDeadlineExceeded', () => {
    const h = harness(spec());
    const d = web(1, 'nginx:does-not-exist');
    (d.spec as { progressDeadlineSeconds: number }).progressDeadlineSeconds = 30;
    h.create('apps/v1/deployments', d);
    h.advance(40_000, 1000);
    const p = (
      status(h.store.get('apps/v1/deployments', 'default', 'web')).conditions as Array<{
        type: string;
        status: string;
        reason: string;
      }>
    ).find((c) => c.type === 'Progressing');
    expect(p).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' });
  });
});
