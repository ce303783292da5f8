import { describe, expect, it } from 'vitest';
import { demoFleet, genericFleet } from './index';
import type { KObject } from '../store/api';
import { parseQuantity } from '../controllers/quantity';

const nodes = (seed: KObject[]) => seed.filter((o) => o.kind === 'Node');
const sum = (ns: KObject[], key: 'cpu' | 'memory') =>
  ns.reduce((n, o) => n + parseQuantity((o.status as { capacity: Record<string, string> }).capacity[key]), 0);
const GB = 1e9;

describe('demo fleet', () => {
  const fleet = demoFleet();
  const by = (name: string) => fleet.find((c) => c.name === name)?.seed ?? [];

  it('has three clusters on different providers and versions', () => {
    expect(fleet.map((c) => c.name)).toEqual(['tkg-01', 'tanzu-kubernetes', 'aks-prod-eastus']);
    expect(new Set(fleet.map((c) => c.provider)).size).toBe(3);
    expect(new Set(fleet.map((c) => c.kubernetesVersion)).size).toBe(3);
  });

  it.each([
    ['tkg-01', 6, 3, 24, 96, /^vsphere:\/\//],
    ['tanzu-kubernetes', 5, 1, 10, 38, /^aws:\/\/\/ap-southeast-1a\/i-[0-9a-f]{17}$/],
    ['aks-prod-eastus', 5, 0, 20, 86, /^azure:\/\/\/subscriptions\//],
  ])(
    '%s: %d nodes (%d control plane), %d CPUs, ~%d GB, provider IDs',
    (name, count, cp, cpus, gb, providerId) => {
      const ns = nodes(by(name));
      expect(ns).toHaveLength(count);
      expect(
        ns.filter((n) => n.metadata.labels?.['node-role.kubernetes.io/control-plane'] === ''),
      ).toHaveLength(cp);
      expect(sum(ns, 'cpu')).toBe(cpus);
      expect(sum(ns, 'memory') / GB).toBeGreaterThan(gb * 0.93);
      expect(sum(ns, 'memory') / GB).toBeLessThan(gb * 1.12);
      for (const n of ns) {
        expect((n.spec as { providerID: string }).providerID).toMatch(providerId);
        const info = (n.status as { nodeInfo: Record<string, string> }).nodeInfo;
        for (const k of [
          'kubeletVersion',
          'kubeProxyVersion',
          'osImage',
          'kernelVersion',
          'containerRuntimeVersion',
          'machineID',
          'systemUUID',
          'bootID',
          'architecture',
          'operatingSystem',
        ])
          expect(info[k], k).toBeTruthy();
        for (const l of [
          'topology.kubernetes.io/region',
          'topology.kubernetes.io/zone',
          'node.kubernetes.io/instance-type',
          'kubernetes.io/hostname',
        ])
          expect(n.metadata.labels?.[l], l).toBeTruthy();
        const tainted = ((n.spec as { taints?: Array<{ key: string }> }).taints ?? []).some(
          (t) => t.key === 'node-role.kubernetes.io/control-plane',
        );
        expect(tainted).toBe(n.metadata.labels?.['node-role.kubernetes.io/control-plane'] === '');
      }
      expect(
        by('tanzu-kubernetes').find((o) => o.kind === 'Node')?.metadata.labels?.[
          'topology.kubernetes.io/region'
        ],
      ).toBe('ap-southeast-1');
    },
  );

  it('static control-plane pods sit on control-plane nodes with tier=control-plane', () => {
    const seed = by('tkg-01');
    const statics = seed.filter((o) => o.kind === 'Pod' && o.metadata.labels?.tier === 'control-plane');
    expect(statics).toHaveLength(12);
    const cps = new Set(
      nodes(seed)
        .filter((n) => n.metadata.labels?.['node-role.kubernetes.io/control-plane'] === '')
        .map((n) => n.metadata.name),
    );
    for (const p of statics) expect(cps.has((p.spec as { nodeName: string }).nodeName)).toBe(true);
  });

  it('carries the deliberate problems and the object kinds later features need', () => {
    const seed = by('tkg-01');
    const containers = (o: KObject) =>
      (o.spec as { template?: { spec: { containers: Array<Record<string, unknown>> } } }).template?.spec
        .containers ?? [];
    const workloads = seed.filter((o) => ['Deployment', 'StatefulSet', 'DaemonSet'].includes(o.kind));
    expect(workloads.some((w) => containers(w).some((c) => String(c.image).endsWith(':latest')))).toBe(true);
    expect(
      workloads.some((w) =>
        containers(w).some((c) => (c.securityContext as { privileged?: boolean } | undefined)?.privileged),
      ),
    ).toBe(true);
    expect(
      workloads.some((w) =>
        containers(w).some((c) => !(c.resources as { limits?: unknown } | undefined)?.limits),
      ),
    ).toBe(true);
    expect(
      workloads.some((w) =>
        containers(w).some((c) => /exit [1-9]/.test(String((c.command as string[] | undefined)?.join(' ')))),
      ),
    ).toBe(true);
    expect(
      workloads.some((w) =>
        containers(w).some(
          (c) =>
            parseQuantity((c.resources as { requests: { memory: string } }).requests.memory) > 32 * 2 ** 30,
        ),
      ),
    ).toBe(true);
    const kinds = new Set(seed.map((o) => o.kind));
    for (const k of [
      'Ingress',
      'NetworkPolicy',
      'PodDisruptionBudget',
      'HorizontalPodAutoscaler',
      'CronJob',
      'StatefulSet',
      'DaemonSet',
      'ConfigMap',
      'Secret',
      'ServiceAccount',
      'StorageClass',
    ])
      expect(kinds.has(k), k).toBe(true);
    const promo = seed.find((o) => o.kind === 'Service' && o.metadata.name === 'promo') as KObject;
    const selector = (promo.spec as { selector: Record<string, string> }).selector;
    expect(
      seed.some(
        (o) =>
          o.kind === 'Deployment' &&
          Object.entries(selector).every(
            ([k, v]) =>
              (o.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata
                .labels[k] === v,
          ),
      ),
    ).toBe(false);
  });
});

describe('generic fleet', () => {
  const podsOf = (seed: KObject[]) =>
    seed
      .filter((o) => o.kind === 'Deployment' && o.metadata.namespace !== 'kube-system')
      .reduce((n, d) => n + ((d.spec as { replicas: number }).replicas ?? 0), 0);
  it('is deterministic for a seed and differs across seeds', () => {
    expect(genericFleet(2, { seed: 3 })).toEqual(genericFleet(2, { seed: 3 }));
    expect(JSON.stringify(genericFleet(1, { seed: 3 }))).not.toEqual(
      JSON.stringify(genericFleet(1, { seed: 4 })),
    );
  });
  it.each([
    [10, 20, 3000],
    [1, 1000, 30000],
  ])('%d clusters × %d nodes × %d pods', (count, n, pods) => {
    const fleet = genericFleet(count, { nodes: n, podsPerCluster: pods });
    expect(fleet).toHaveLength(count);
    expect(new Set(fleet.map((c) => c.name)).size).toBe(count);
    for (const c of fleet) {
      expect(nodes(c.seed)).toHaveLength(n);
      expect(podsOf(c.seed)).toBe(pods);
    }
  });
});
