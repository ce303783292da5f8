import { describe, expect, it } from 'vitest';
import { withoutNoise } from './noise';

describe('withoutNoise', () => {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web-1',
      resourceVersion: '812',
      generation: 3,
      managedFields: [{ manager: 'kubectl' }],
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}', team: 'shop' },
      labels: { app: 'web' },
    },
    spec: { nodeName: 'n1' },
    status: {
      phase: 'Running',
      startTime: '2026-01-01T00:00:00Z',
      conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2026-01-01T00:00:01Z' }],
    },
  };

  it('drops bookkeeping and status timestamps, keeps what people changed', () => {
    expect(withoutNoise(pod)).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web-1', annotations: { team: 'shop' }, labels: { app: 'web' } },
      spec: { nodeName: 'n1' },
      status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
    });
  });

  it('does not change its input', () => {
    const copy = structuredClone(pod);
    withoutNoise(pod);
    expect(pod).toEqual(copy);
  });

  it('removes an annotations map that held only noise', () => {
    const cm = {
      kind: 'ConfigMap',
      metadata: { name: 'c', annotations: { 'deployment.kubernetes.io/revision': '4' } },
    };
    expect(withoutNoise(cm).metadata).toEqual({ name: 'c' });
  });

  it("leaves a secret's contents out (the live cache never reads them)", () => {
    const secret = { kind: 'Secret', metadata: { name: 's' }, type: 'Opaque', data: { password: '' } };
    expect(withoutNoise(secret)).toEqual({ kind: 'Secret', metadata: { name: 's' }, type: 'Opaque' });
  });

  it("drops an event's counters and times", () => {
    const ev = {
      kind: 'Event',
      metadata: { name: 'e' },
      reason: 'BackOff',
      count: 7,
      lastTimestamp: 'x',
      firstTimestamp: 'y',
    };
    expect(withoutNoise(ev)).toEqual({ kind: 'Event', metadata: { name: 'e' }, reason: 'BackOff' });
  });
});
