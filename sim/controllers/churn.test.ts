import { describe, expect, it } from 'vitest';
import { container, deployment } from '../fleet/builders';
import { genericCluster } from '../fleet/generic';
import { CHURN_AT_ANNOTATION, startChurn } from './churn';
import { harness } from './testing';

const spec = () => ({ ...genericCluster(0, { nodes: 3, podsPerCluster: 0 }), name: 'unit' });
const app = (name: string, replicas: number) =>
  deployment({
    name,
    namespace: 'default',
    labels: { app: name },
    replicas,
    containers: [container({ name, image: 'nginx:1.27.2', port: 8080 })],
  });

describe('churn stamps', () => {
  it('marks every edited object with the time of the change, as watchers see it', () => {
    const h = harness(spec());
    h.create('apps/v1/deployments', app('web', 3));
    h.create('apps/v1/deployments', app('api', 2));
    h.advance(3000);
    let clock = 1_700_000_000_000;
    const churn = startChurn(h.store, 0, { seed: 3, now: () => ++clock });
    const stamps: string[] = [];
    const unsubscribe = h.store.subscribe((e) => {
      if (e.type !== 'MODIFIED') return;
      const at = e.object.metadata.annotations?.[CHURN_AT_ANNOTATION];
      if (at) stamps.push(at);
    });
    const made = churn.burst(40);
    unsubscribe();
    churn.stop();
    // each edit (all but pod deletions) carries a fresh stamp from the given clock
    const distinct = new Set(stamps);
    expect(distinct.size).toBeGreaterThan(made / 2);
    expect(distinct.size).toBeLessThanOrEqual(made);
    for (const at of distinct) {
      expect(Number(at)).toBeGreaterThan(1_700_000_000_000);
      expect(Number(at)).toBeLessThanOrEqual(clock);
    }
  });
});
