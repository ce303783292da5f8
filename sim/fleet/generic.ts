/** Generated clusters for scale tests and benchmarks: deterministic from a seed and fast to build. */
import type { KObject } from '../store/api';
import { configMap, container, deployment, namespace, service } from './builders';
import { buildNode, type NodeProfile } from './nodes';
import { createRand } from './rand';
import { kubeSystem } from './system';
import type { ClusterSpec } from './types';

export interface GenericOptions {
  /** Nodes per cluster (default: enough for ~40 pods each, at least 3). */
  nodes?: number;
  /** Application pods per cluster, all owned by deployments (default 200). */
  podsPerCluster?: number;
  seed?: number;
}

const VERSIONS = ['v1.27.13', 'v1.28.9', 'v1.29.4', 'v1.30.2', 'v1.31.1'];
const TEAMS = [
  'payments',
  'search',
  'identity',
  'checkout',
  'media',
  'ledger',
  'growth',
  'data',
  'edge',
  'mobile',
];
const IMAGES = ['nginx:1.27.2', 'redis:7.2.5', 'busybox:1.36.1', 'registry.k8s.io/pause:3.9', 'httpd:2.4.62'];

function profileFor(version: string, maxPods: number): NodeProfile {
  return {
    provider: 'generic',
    kubeletVersion: version,
    osImage: 'Ubuntu 22.04.4 LTS',
    kernelVersion: '5.15.0-105-generic',
    containerRuntimeVersion: 'containerd://1.7.16',
    instanceType: 'c5.2xlarge',
    region: 'us-east-1',
    zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
    cpu: 8,
    memory: 32 * 1024 ** 3,
    maxPods,
  };
}

/** Splits `total` into deployment sizes between 1 and 40. */
function sizes(total: number, next: () => number): number[] {
  const out: number[] = [];
  let left = total;
  while (left > 0) {
    const n = Math.min(left, 1 + Math.floor(next() * 40));
    out.push(n);
    left -= n;
  }
  return out;
}

export function genericCluster(index: number, opts: GenericOptions = {}): ClusterSpec {
  const pods = opts.podsPerCluster ?? 200;
  const nodeCount = opts.nodes ?? Math.max(3, Math.ceil(pods / 40));
  const rand = createRand((opts.seed ?? 1) * 7919 + index);
  const name = `sim-${String(index + 1).padStart(2, '0')}`;
  const version = VERSIONS[index % VERSIONS.length] as string;
  // Dense clusters get kubelets configured for more pods, so every pod can be scheduled.
  const profile = profileFor(version, Math.max(110, Math.ceil((1.25 * pods) / Math.max(1, nodeCount - 1))));
  const createdAt = new Date(Date.UTC(2026, 0, 1 + (index % 28))).toISOString();
  const seed: KObject[] = [];
  for (let i = 0; i < nodeCount; i++) {
    const controlPlane = i === 0 && nodeCount > 3;
    const ip = `10.0.${Math.floor(i / 250)}.${(i % 250) + 4}`;
    const nodeName = controlPlane
      ? `${name}-control-plane-${rand.suffix(5)}`
      : `${name}-worker-${String(i).padStart(4, '0')}`;
    seed.push(
      buildNode(
        profile,
        {
          name: nodeName,
          index: i,
          controlPlane,
          internalIP: ip,
          providerID: `aws:///${profile.zones[i % 3]}/i-0${rand.hex(16)}`,
          podCIDR: `10.${64 + Math.floor(i / 256)}.${i % 256}.0/24`,
          createdAt,
        },
        rand,
      ),
    );
  }
  seed.push(
    ...kubeSystem({
      controlPlaneNodes: [],
      coreDnsReplicas: 2,
      proxyImage: `registry.k8s.io/kube-proxy:${version}`,
      withProxy: nodeCount <= 50,
    }),
  );
  const teamCount = Math.max(1, Math.min(TEAMS.length, Math.ceil(pods / 300)));
  for (let t = 0; t < teamCount; t++) seed.push(namespace(TEAMS[t] as string, { team: TEAMS[t] as string }));
  sizes(pods, rand.next).forEach((replicas, d) => {
    const ns = TEAMS[d % teamCount] as string;
    const app = `svc-${String(d).padStart(3, '0')}`;
    const labels = { app, 'app.kubernetes.io/name': app, 'app.kubernetes.io/part-of': ns, team: ns };
    const image = IMAGES[d % IMAGES.length] as string;
    seed.push(
      configMap(`${app}-config`, ns, labels, {
        LOG_LEVEL: rand.pick(['info', 'debug', 'warn']),
        REPLICAS: String(replicas),
      }),
    );
    seed.push(
      deployment({
        name: app,
        namespace: ns,
        labels,
        replicas,
        containers: [
          container({
            name: 'app',
            image,
            port: 8080,
            cpu: '20m',
            memory: '32Mi',
            cpuLimit: '200m',
            memoryLimit: '128Mi',
            probes: 'tcp',
          }),
        ],
      }),
    );
    seed.push(
      service({
        name: app,
        namespace: ns,
        labels,
        selector: { app },
        ports: [{ port: 80, targetPort: 8080 }],
      }),
    );
  });
  return { name, kubernetesVersion: version, provider: 'generic', seed };
}

export function genericFleet(count: number, opts: GenericOptions = {}): ClusterSpec[] {
  return Array.from({ length: count }, (_, i) => genericCluster(i, opts));
}
