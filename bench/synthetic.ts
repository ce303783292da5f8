import type { ObjectWrite } from '../main/store/object-row';

/**
 * A deterministic synthetic fleet for query benchmarks: pods (with realistic bodies), their
 * deployments and replica sets, services and nodes, spread over clusters and namespaces.
 */

const TEAMS = ['checkout', 'payments', 'search', 'catalog', 'identity', 'shipping', 'ledger', 'media'];
const TIERS = ['frontend', 'backend', 'cache', 'worker'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function* syntheticFleet(total: number, clusters = 10): Generator<ObjectWrite> {
  const rand = rng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  for (let i = 0; i < total; i++) {
    const cluster = `cluster-${String(i % clusters).padStart(2, '0')}`;
    const team = pick(TEAMS);
    const namespace = `${team}-${Math.floor(rand() * 12)}`;
    const app = `${team}-svc-${Math.floor(rand() * 40)}`;
    const labels = {
      app,
      team,
      tier: pick(TIERS),
      'app.kubernetes.io/part-of': team,
      env: rand() < 0.7 ? 'prod' : 'staging',
    };
    const created = new Date(Date.UTC(2026, 0, 1) + Math.floor(rand() * 300 * 86400_000)).toISOString();
    const r = rand();
    if (r < 0.8) {
      const name = `${app}-${((i * 2654435761) >>> 0).toString(36).slice(0, 10)}-${i.toString(36)}`;
      yield {
        source: 'live',
        cluster,
        group: '',
        version: 'v1',
        kind: 'Pod',
        object: {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: {
            name,
            namespace,
            uid: `uid-${i}`,
            resourceVersion: String(i + 1),
            labels,
            creationTimestamp: created,
            ownerReferences: [
              {
                apiVersion: 'apps/v1',
                kind: 'ReplicaSet',
                name: `${app}-7d9f`,
                uid: `rs-${app}`,
                controller: true,
              },
            ],
          },
          spec: {
            nodeName: `${cluster}-node-${Math.floor(rand() * 100)}`,
            containers: [
              {
                name: 'app',
                image: `registry.example.com/${team}/${app}:1.${Math.floor(rand() * 20)}.0`,
                resources: {
                  requests: { cpu: '100m', memory: '128Mi' },
                  limits: { cpu: '500m', memory: '256Mi' },
                },
                env: [{ name: 'TEAM', value: team }],
                ports: [{ containerPort: 8080, protocol: 'TCP' }],
              },
            ],
          },
          status: {
            phase: rand() < 0.95 ? 'Running' : 'Pending',
            podIP: `10.${i % 250}.${Math.floor(i / 250) % 250}.${i % 200}`,
            containerStatuses: [
              {
                name: 'app',
                ready: rand() < 0.95,
                restartCount: Math.floor(rand() * 3),
                state: { running: {} },
              },
            ],
          },
        },
      };
    } else if (r < 0.9) {
      yield {
        source: 'live',
        cluster,
        group: 'apps',
        version: 'v1',
        kind: 'ReplicaSet',
        object: {
          metadata: {
            name: `${app}-${i.toString(36)}`,
            namespace,
            uid: `uid-${i}`,
            resourceVersion: '1',
            labels,
            creationTimestamp: created,
          },
          spec: { replicas: 3 },
          status: { readyReplicas: 3 },
        },
      };
    } else if (r < 0.95) {
      yield {
        source: 'live',
        cluster,
        group: 'apps',
        version: 'v1',
        kind: 'Deployment',
        object: {
          metadata: {
            name: `${app}-${i.toString(36)}`,
            namespace,
            uid: `uid-${i}`,
            resourceVersion: '1',
            labels,
            creationTimestamp: created,
          },
          spec: { replicas: 3 },
          status: { readyReplicas: 3 },
        },
      };
    } else {
      yield {
        source: 'live',
        cluster,
        group: '',
        version: 'v1',
        kind: 'Service',
        object: {
          metadata: {
            name: `${app}-${i.toString(36)}`,
            namespace,
            uid: `uid-${i}`,
            resourceVersion: '1',
            labels,
            creationTimestamp: created,
          },
          spec: { type: 'ClusterIP' },
        },
      };
    }
  }
}
