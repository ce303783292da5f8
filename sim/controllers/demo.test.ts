import { describe, expect, it } from 'vitest';
import { demoFleet } from '../fleet/demo';
import type { KObject } from '../store/api';
import { harness } from './testing';

const st = (o: KObject) => (o.status ?? {}) as Record<string, unknown>;
const waiting = (p: KObject) =>
  (st(p).containerStatuses as
    Array<{ state?: { waiting?: { reason?: string } }; restartCount: number }> | undefined) ?? [];

describe('demo fleet comes alive', () => {
  const fleet = demoFleet();
  it.each(fleet.map((c) => [c.name, c] as const))('%s: pods run, deliberate problems show', (_name, spec) => {
    const h = harness(spec);
    h.advance(40_000, 500);
    const pods = h.store.list('v1/pods');
    expect(pods.length).toBeGreaterThan(15);
    const byPhase = (phase: string) => pods.filter((p) => st(p).phase === phase);
    expect(byPhase('Running').length).toBeGreaterThan(pods.length * 0.8);
    // every node has a kube-proxy pod
    const nodes = h.store.list('v1/nodes');
    const proxies = pods.filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-proxy');
    expect(new Set(proxies.map((p) => (p.spec as { nodeName: string }).nodeName)).size).toBe(nodes.length);
    // deployments are complete except the deliberately broken ones
    for (const d of h.store.list('apps/v1/deployments')) {
      if (['payment', 'report-builder', 'image-resizer'].includes(d.metadata.name ?? '')) continue;
      expect([d.metadata.name, st(d).availableReplicas]).toEqual([
        d.metadata.name,
        (d.spec as { replicas: number }).replicas,
      ]);
    }
    if (spec.seed.some((o) => o.metadata.name === 'payment')) {
      const pay = pods.find((p) => p.metadata.labels?.app === 'payment') as KObject;
      expect(waiting(pay)[0]?.restartCount).toBeGreaterThanOrEqual(2);
      const pending = pods.find((p) => p.metadata.labels?.app === 'report-builder') as KObject;
      expect(st(pending).phase).toBe('Pending');
      const cond = (st(pending).conditions as Array<{ type: string; status: string; message: string }>).find(
        (c) => c.type === 'PodScheduled',
      );
      expect(cond).toMatchObject({ status: 'False' });
      expect(cond?.message).toMatch(/Insufficient memory/);
      const events = h.store.list('v1/events', { namespace: 'shop' }).map((e) => e.reason);
      expect(events).toEqual(expect.arrayContaining(['FailedScheduling', 'BackOff', 'ScalingReplicaSet']));
      const promo = h.store.get('v1/endpoints', 'shop', 'promo');
      expect(promo?.subsets).toBeUndefined();
      const front = h.store.get('v1/endpoints', 'shop', 'frontend') as {
        subsets?: Array<{ addresses?: unknown[]; ports: Array<{ port: number }> }>;
      };
      expect(front.subsets?.[0]?.addresses).toHaveLength(3);
      expect(front.subsets?.[0]?.ports[0]?.port).toBe(8080);
      const pvcs = h.store.list('v1/persistentvolumeclaims', { namespace: 'shop' });
      expect(pvcs.map((p) => st(p).phase)).toEqual(pvcs.map(() => 'Bound'));
    }
    if (spec.seed.some((o) => o.metadata.name === 'image-resizer')) {
      const resizer = pods.find((p) => p.metadata.labels?.app === 'image-resizer') as KObject;
      const cs = (
        st(resizer).containerStatuses as Array<{ lastState: { terminated?: { reason: string } } }>
      )[0];
      expect(cs?.lastState.terminated?.reason).toBe('OOMKilled');
    }
    // metrics exist for nodes and running pods
    const down = nodes.filter((n) => n.metadata.annotations?.['sim.flotilla.dev/node-down'] === 'true');
    expect(h.store.list('metrics.k8s.io/v1beta1/nodes')).toHaveLength(nodes.length - down.length);
    for (const n of down) {
      const ready = (st(n).conditions as Array<{ type: string; status: string }>).find(
        (c) => c.type === 'Ready',
      );
      expect(ready?.status).toBe('Unknown');
      const stuck = pods.filter((p) => (p.spec as { nodeName?: string }).nodeName === n.metadata.name);
      expect(stuck.length).toBeGreaterThan(0); // daemon pods bound there never start
      for (const p of stuck) expect(st(p).phase).toBe('Pending');
    }
    expect(h.store.list('metrics.k8s.io/v1beta1/pods').length).toBeGreaterThan(
      byPhase('Running').length * 0.8,
    );
    // every namespace has a default service account
    for (const ns of h.store.list('v1/namespaces'))
      expect(h.store.get('v1/serviceaccounts', ns.metadata.name, 'default')).toBeDefined();
  });
});
