import { describe, expect, it } from 'vitest';
import { componentHealth, parseHealthz } from './health';
import type { PodLite } from './lite';

const readyz = `[+]ping ok
[+]log ok
[-]etcd failed: reason withheld
[+]poststarthook/start-kube-apiserver-admission-initializer ok
readyz check failed`;

const pod = (name: string, component: string, phase = 'Running', ready = true): PodLite => ({
  namespace: 'kube-system',
  name,
  phase,
  ready,
  labels: { component },
  requestCpu: 0,
  requestMemory: 0,
});

describe('health', () => {
  it('parses verbose health output', () => {
    expect(parseHealthz(readyz)).toEqual([
      { name: 'ping', ok: true, detail: 'ok' },
      { name: 'log', ok: true, detail: 'ok' },
      { name: 'etcd', ok: false, detail: 'failed: reason withheld' },
      { name: 'poststarthook/start-kube-apiserver-admission-initializer', ok: true, detail: 'ok' },
    ]);
  });

  it('uses /readyz for the API server and etcd, pods for the rest', () => {
    const h = componentHealth({
      readyz: parseHealthz(readyz),
      systemPods: [
        pod('kube-scheduler-cp1', 'kube-scheduler'),
        pod('kube-controller-manager-cp1', 'kube-controller-manager', 'Pending', false),
      ],
    });
    expect(h.map((c) => [c.name, c.status, c.source])).toEqual([
      ['kube-apiserver', 'unhealthy', '/readyz'],
      ['etcd', 'unhealthy', '/readyz'],
      ['scheduler', 'healthy', 'kube-system pods'],
      ['controller-manager', 'unhealthy', 'kube-system pods'],
    ]);
    expect(h[3]!.message).toContain('kube-controller-manager-cp1 (Pending)');
  });

  it('falls back to componentstatuses, then unknown', () => {
    const h = componentHealth({
      readyz: new Error('403'),
      livez: new Error('403'),
      componentStatuses: [
        { name: 'etcd-0', healthy: true, message: 'ok' },
        { name: 'scheduler', healthy: false, message: 'connection refused' },
      ],
      systemPods: [],
    });
    expect(h.map((c) => c.status)).toEqual(['unknown', 'healthy', 'unhealthy', 'unknown']);
    expect(h[2]!.message).toContain('connection refused');
  });
});
