/** Scale: a 1,500-pod generated cluster converges, and once settled the controllers do little per minute. */
import { describe, expect, it } from 'vitest';
import { genericCluster } from '../fleet/generic';
import { harness } from './testing';

describe('scale', () => {
  it('1,500 pods on 38 nodes all run; a quiet minute costs few reconciles and writes', () => {
    const h = harness(genericCluster(0, { podsPerCluster: 1500 }), {
      timings: { podStartMs: 1000, crashAfterMs: 1000 },
    });
    h.advance(8000, 500);
    const pods = h.store.list('v1/pods');
    expect(pods.length).toBe(1500 + 2 + 1 + 38); // apps + coredns + metrics-server + kube-proxy per node
    expect(pods.filter((p) => (p.status as { phase?: string }).phase === 'Running')).toHaveLength(
      pods.length,
    );
    const perNode = new Map<string, number>(
      h.store
        .list('v1/nodes')
        .filter((n) => n.metadata.name?.includes('-worker-'))
        .map((n) => [n.metadata.name ?? '', 0]),
    );
    for (const p of pods) {
      const node = (p.spec as { nodeName: string }).nodeName;
      if (perNode.has(node)) perNode.set(node, (perNode.get(node) ?? 0) + 1);
    }
    expect(Math.max(...perNode.values()) - Math.min(...perNode.values())).toBeLessThan(25); // spread, not packed
    h.advance(60_000, 1000); // let metrics complete a cycle
    let writes = 0;
    const unsubscribe = h.store.subscribe(() => writes++);
    let reconciles = 0;
    for (let s = 0; s < 60; s++) {
      h.clock.advance(1000);
      reconciles += h.manager.settle();
    }
    unsubscribe();
    // metrics (≤100/s), node heartbeats and node metrics: no per-tick pass over every pod
    expect(writes).toBeLessThan(60 * 100 + 2 * 38 + 2 * 38 + 50);
    expect(reconciles).toBeLessThan(500);
  }, 180_000);
});
