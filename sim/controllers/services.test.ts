import { describe, expect, it } from 'vitest';
import { container, deployment, service } from '../fleet/builders';
import { genericCluster } from '../fleet/generic';
import type { KObject } from '../store/api';
import { startChurn } from './churn';
import { quantityOr0 } from './quantity';
import { harness } from './testing';

const spec = () => ({ ...genericCluster(0, { nodes: 3, podsPerCluster: 0 }), name: 'unit' });
const app = (name: string, replicas: number) =>
  deployment({
    name,
    namespace: 'default',
    labels: { app: name },
    replicas,
    containers: [
      container({
        name,
        image: 'nginx:1.27.2',
        port: 8080,
        portName: 'web',
        cpu: '100m',
        memory: '64Mi',
        cpuLimit: '200m',
        memoryLimit: '128Mi',
      }),
    ],
  });
type Subset = {
  addresses?: Array<{ ip: string; targetRef: { name: string } }>;
  notReadyAddresses?: unknown[];
  ports: Array<{ name?: string; port: number }>;
};

describe('endpoints and endpointslices', () => {
  it('follow the pods a service selects, resolving named ports', () => {
    const h = harness(spec());
    h.create('apps/v1/deployments', app('web', 2));
    h.create(
      'v1/services',
      service({
        name: 'web',
        namespace: 'default',
        labels: { app: 'web' },
        selector: { app: 'web' },
        ports: [{ name: 'http', port: 80, targetPort: 'web' }],
      }),
    );
    h.advance(3000);
    const ep = h.store.get('v1/endpoints', 'default', 'web') as KObject & { subsets: Subset[] };
    expect(ep.subsets[0]?.addresses).toHaveLength(2);
    expect(ep.subsets[0]?.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    const slices = h.store.list('discovery.k8s.io/v1/endpointslices', {
      namespace: 'default',
      labelSelector: 'kubernetes.io/service-name=web',
    });
    expect(slices).toHaveLength(1);
    expect((slices[0]?.endpoints as unknown[]).length).toBe(2);
    expect(slices[0]?.metadata.ownerReferences?.[0]?.kind).toBe('Service');
    // relabel one pod out of the service
    const pod = h.store.list('v1/pods', { namespace: 'default', labelSelector: 'app=web' })[0] as KObject;
    h.store.mutate(
      'v1/pods',
      'default',
      pod.metadata.name ?? '',
      (p) => void (p.metadata.labels = { quarantined: 'true' }),
    );
    h.advance(500);
    const after = h.store.get('v1/endpoints', 'default', 'web') as KObject & { subsets: Subset[] };
    expect(after.subsets[0]?.addresses?.map((a) => a.targetRef.name)).not.toContain(pod.metadata.name);
    // deleting the service removes both
    h.store.delete('v1/services', 'default', 'web');
    h.advance(500);
    expect(h.store.get('v1/endpoints', 'default', 'web')).toBeUndefined();
    expect(h.store.list('discovery.k8s.io/v1/endpointslices', { namespace: 'default' })).toHaveLength(0);
  });

  it('a service that selects nothing has endpoints without subsets', () => {
    const h = harness(spec());
    h.create(
      'v1/services',
      service({
        name: 'ghost',
        namespace: 'default',
        labels: {},
        selector: { app: 'nobody' },
        ports: [{ port: 80 }],
      }),
    );
    h.advance(500);
    expect(h.store.get('v1/endpoints', 'default', 'ghost')?.subsets).toBeUndefined();
  });
});

describe('metrics', () => {
  it('pod usage stays under limits and varies over time; node usage covers its pods', () => {
    const h = harness(spec());
    h.create('apps/v1/deployments', app('web', 3));
    h.advance(3000);
    const sample = () =>
      h.store
        .list('metrics.k8s.io/v1beta1/pods', { namespace: 'default' })
        .map((m) => (m.containers as Array<{ usage: { cpu: string; memory: string } }>)[0]?.usage);
    const first = sample();
    expect(first).toHaveLength(3);
    for (const u of first) {
      expect(quantityOr0(u?.cpu)).toBeGreaterThan(0);
      expect(quantityOr0(u?.cpu)).toBeLessThanOrEqual(0.2);
      expect(quantityOr0(u?.memory)).toBeLessThanOrEqual(128 * 2 ** 20);
    }
    h.advance(120_000, 1000);
    expect(sample()).not.toEqual(first);
    const nodes = h.store.list('metrics.k8s.io/v1beta1/nodes');
    expect(nodes).toHaveLength(3);
    for (const n of nodes) expect(quantityOr0((n.usage as { cpu: string }).cpu)).toBeGreaterThan(0);
    h.store.mutate(
      'apps/v1/deployments',
      'default',
      'web',
      (d) => void ((d.spec as { replicas: number }).replicas = 1),
    );
    h.advance(3000);
    expect(h.store.list('metrics.k8s.io/v1beta1/pods', { namespace: 'default' })).toHaveLength(1);
  });
});

describe('churn', () => {
  it('makes the requested number of changes and the cluster follows', () => {
    const h = harness(spec());
    h.create('apps/v1/deployments', app('web', 3));
    h.create('apps/v1/deployments', app('api', 2));
    h.advance(3000);
    const churn = startChurn(h.store, 0, { seed: 7 });
    const before = h.store.currentResourceVersion();
    const made = churn.burst(50);
    h.advance(5000);
    churn.stop();
    expect(made).toBeGreaterThan(35);
    expect(churn.changes).toBe(made);
    expect(h.store.currentResourceVersion() - before).toBeGreaterThanOrEqual(made);
    for (const d of h.store.list('apps/v1/deployments', { namespace: 'default' })) {
      const want = (d.spec as { replicas: number }).replicas;
      expect(
        h.store
          .list('v1/pods', { namespace: 'default', labelSelector: `app=${d.metadata.name}` })
          .filter((p) => !p.metadata.deletionTimestamp),
      ).toHaveLength(want);
    }
  });
});
