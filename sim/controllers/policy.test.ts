import { describe, expect, it } from 'vitest';
import { container, deployment } from '../fleet/builders';
import { genericCluster } from '../fleet/generic';
import type { KObject } from '../store/api';
import { desiredReplicas } from './hpa';
import { harness } from './testing';

const spec = () => ({ ...genericCluster(0, { nodes: 3, podsPerCluster: 0 }), name: 'unit' });
const st = (o: KObject | undefined) => (o?.status ?? {}) as Record<string, unknown>;
const web = (replicas: number, cpu = '100m') =>
  deployment({
    name: 'web',
    namespace: 'default',
    labels: { app: 'web' },
    replicas,
    containers: [
      container({ name: 'web', image: 'nginx:1.27.2', port: 80, cpu, memory: '64Mi', cpuLimit: '2' }),
    ],
  });

describe('pod disruption budgets', () => {
  it.each([
    [{ minAvailable: 2 }, 4, 2],
    [{ minAvailable: '50%' }, 4, 2],
    [{ maxUnavailable: 1 }, 4, 1],
    [{ minAvailable: 5 }, 4, 0],
  ])('%j over %d ready pods allows %d disruptions', (budget, replicas, allowed) => {
    const h = harness(spec());
    h.create('apps/v1/deployments', web(replicas));
    h.create('policy/v1/poddisruptionbudgets', {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'web', namespace: 'default' },
      spec: { selector: { matchLabels: { app: 'web' } }, ...budget },
    });
    h.advance(3000);
    const s = st(h.store.get('policy/v1/poddisruptionbudgets', 'default', 'web'));
    expect(s).toMatchObject({
      expectedPods: replicas,
      currentHealthy: replicas,
      disruptionsAllowed: allowed,
    });
  });
});

describe('horizontal pod autoscaler', () => {
  it.each([
    [3, 1.0, 1, 10, 3],
    [3, 1.05, 1, 10, 3],
    [3, 2.0, 1, 10, 6],
    [3, 4.0, 1, 8, 8],
    [4, 0.3, 2, 10, 2],
  ])('from %d replicas at ratio %d within [%d,%d] → %d', (current, ratio, min, max, want) =>
    expect(desiredReplicas(current, ratio, min, max)).toBe(want),
  );

  it('scales a deployment from its pods’ CPU use and reports status', () => {
    const h = harness(spec());
    // tiny requests make utilization high, so the HPA scales up to its maximum
    h.create('apps/v1/deployments', web(2, '1m'));
    h.create('autoscaling/v2/horizontalpodautoscalers', {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        minReplicas: 2,
        maxReplicas: 5,
        metrics: [
          {
            type: 'Resource',
            resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } },
          },
        ],
      },
    });
    h.advance(90_000, 1000);
    expect(
      (h.store.get('apps/v1/deployments', 'default', 'web')?.spec as { replicas: number }).replicas,
    ).toBe(5);
    const s = st(h.store.get('autoscaling/v2/horizontalpodautoscalers', 'default', 'web'));
    expect(s).toMatchObject({ desiredReplicas: 5 });
    expect(
      (s.currentMetrics as Array<{ resource: { current: { averageUtilization: number } } }>)[0]?.resource
        .current.averageUtilization,
    ).toBeGreaterThan(50);
    expect(
      h.store.list('v1/events', { namespace: 'default' }).some((e) => e.reason === 'SuccessfulRescale'),
    ).toBe(true);
  });
});

describe('namespaces', () => {
  it('every namespace gets a default service account; terminating namespaces get nothing new', () => {
    const h = harness(spec());
    h.create('v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
    expect(h.store.get('v1/serviceaccounts', 'team', 'default')).toBeDefined();
    h.create('apps/v1/deployments', { ...web(1), metadata: { ...web(1).metadata, namespace: 'team' } });
    h.advance(2000);
    expect(h.store.list('v1/pods', { namespace: 'team' })).toHaveLength(1);
    h.store.mutate('v1/namespaces', undefined, 'team', (o) => {
      o.metadata.deletionTimestamp = new Date(h.clock.now()).toISOString();
      o.status = { phase: 'Terminating' };
    });
    const events = h.store.list('v1/events', { namespace: 'team' }).length;
    h.store.mutate(
      'apps/v1/deployments',
      'team',
      'web',
      (d) => void ((d.spec as { replicas: number }).replicas = 3),
    );
    h.advance(2000);
    expect(h.store.list('v1/pods', { namespace: 'team' })).toHaveLength(1);
    expect(h.store.list('v1/events', { namespace: 'team' })).toHaveLength(events);
  });
});

describe('nodes', () => {
  it('heartbeats refresh node conditions and renew a Lease per node', () => {
    const h = harness(spec());
    // at start already (kubectl describe node shows the Lease)
    expect(h.store.list('coordination.k8s.io/v1/leases', { namespace: 'kube-node-lease' })).toHaveLength(3);
    h.advance(45_000, 1000);
    const nodes = h.store.list('v1/nodes');
    for (const n of nodes) {
      const lease = h.store.get('coordination.k8s.io/v1/leases', 'kube-node-lease', n.metadata.name ?? '');
      expect((lease?.spec as { holderIdentity: string }).holderIdentity).toBe(n.metadata.name);
      const ready = (
        n.status as { conditions: Array<{ type: string; lastHeartbeatTime: string }> }
      ).conditions.find((c) => c.type === 'Ready');
      expect(Date.parse(ready?.lastHeartbeatTime ?? '')).toBeGreaterThan(h.clock.now() - 45_000);
    }
  });

  it('fills in status for a node registered bare', () => {
    const h = harness(spec());
    h.create('v1/nodes', {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'bare', labels: { 'kubernetes.io/hostname': 'bare' } },
    });
    h.advance(1000);
    const s = h.store.get('v1/nodes', undefined, 'bare')?.status as {
      nodeInfo: { kubeletVersion: string };
      conditions: Array<{ type: string; status: string }>;
    };
    expect(s.nodeInfo.kubeletVersion).toBe('v1.27.13');
    expect(s.conditions.find((c) => c.type === 'Ready')?.status).toBe('True');
  });
});

describe('resource quotas', () => {
  it('report what the namespace uses', () => {
    const h = harness(spec());
    h.create('v1/resourcequotas', {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'q', namespace: 'default' },
      spec: { hard: { pods: '10', 'requests.cpu': '2', 'requests.memory': '1Gi', services: '5' } },
    });
    h.create('apps/v1/deployments', web(3));
    h.advance(3000);
    expect(st(h.store.get('v1/resourcequotas', 'default', 'q'))).toEqual({
      hard: { pods: '10', 'requests.cpu': '2', 'requests.memory': '1Gi', services: '5' },
      used: { pods: '3', 'requests.cpu': '300m', 'requests.memory': '192Mi', services: '0' },
    });
  });
});

describe('a node that goes down', () => {
  it('turns Ready=Unknown with unreachable taints, gets no new pods, and recovers when it comes back', () => {
    const h = harness(spec());
    const node = h.store.list('v1/nodes')[0]?.metadata.name ?? '';
    h.store.mutate(
      'v1/nodes',
      undefined,
      node,
      (n) =>
        void (n.metadata.annotations = { ...n.metadata.annotations, 'sim.flotilla.dev/node-down': 'true' }),
    );
    h.advance(1000);
    const down = h.store.get('v1/nodes', undefined, node) as KObject;
    const ready = () =>
      (
        h.store.get('v1/nodes', undefined, node)?.status as {
          conditions: Array<{ type: string; status: string; reason: string }>;
        }
      ).conditions.find((c) => c.type === 'Ready');
    expect(ready()).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown' });
    expect((down.spec as { taints: Array<{ key: string }> }).taints.map((t) => t.key)).toContain(
      'node.kubernetes.io/unreachable',
    );
    h.create('apps/v1/deployments', web(6));
    h.advance(3000);
    expect(
      h.store
        .list('v1/pods', { namespace: 'default' })
        .filter((p) => (p.spec as { nodeName?: string }).nodeName === node),
    ).toHaveLength(0);
    h.store.mutate(
      'v1/nodes',
      undefined,
      node,
      (n) => void delete n.metadata.annotations?.['sim.flotilla.dev/node-down'],
    );
    h.advance(1000);
    expect(ready()).toMatchObject({ status: 'True', reason: 'KubeletReady' });
    expect(
      (
        (h.store.get('v1/nodes', undefined, node)?.spec as { taints?: Array<{ key: string }> }).taints ?? []
      ).map((t) => t.key),
    ).not.toContain('node.kubernetes.io/unreachable');
  });
});
