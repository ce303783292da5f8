import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCores,
  parsePodMetrics,
  usageRows,
  usageShare,
  MetricsFormatError,
  unmeasuredBecause,
} from './usage';

const metrics = {
  kind: 'PodMetrics',
  apiVersion: 'metrics.k8s.io/v1beta1',
  metadata: { name: 'web-1', namespace: 'shop' },
  timestamp: '2026-12-04T22:00:00Z',
  window: '30s',
  containers: [
    { name: 'app', usage: { cpu: '12345678n', memory: '52428800' } },
    { name: 'sidecar', usage: { cpu: '5m', memory: '16Mi' } },
  ],
};

describe('parsePodMetrics', () => {
  it('reads usage per container in cores and bytes', () => {
    const parsed = parsePodMetrics(metrics);
    expect(parsed.timestamp).toBe('2026-12-04T22:00:00Z');
    expect(parsed.window).toBe('30s');
    expect(parsed.containers.map((c) => c.name)).toEqual(['app', 'sidecar']);
    expect(parsed.containers[0]!.cpu).toBeCloseTo(0.012345678, 9);
    expect(parsed.containers[0]!.memory).toBe(52_428_800);
    expect(parsed.containers[1]).toEqual({ name: 'sidecar', cpu: 0.005, memory: 16 * 2 ** 20 });
  });

  it.each([
    [{}, 'containers: the PodMetrics object has no list of containers'],
    [{ containers: [{ usage: { cpu: '1m', memory: '1Ki' } }] }, 'containers[0].name: missing'],
    [
      { containers: [{ name: 'a', usage: { cpu: 'lots', memory: '1Ki' } }] },
      'containers[0].usage.cpu: "lots" is not',
    ],
    [{ containers: [{ name: 'a', usage: { cpu: '1m' } }] }, 'containers[0].usage.memory: undefined is not'],
  ])('names the bad field of %j', (body, message) => {
    expect(() => parsePodMetrics(body)).toThrow(MetricsFormatError);
    expect(() => parsePodMetrics(body)).toThrow(message);
  });
});

describe('usageRows', () => {
  const pod = {
    spec: {
      containers: [
        {
          name: 'app',
          resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } },
        },
        { name: 'sidecar', resources: { requests: { cpu: '10m' } } },
        { name: 'idle' },
      ],
    },
  };

  it('joins usage to requests and limits in spec order, with totals', () => {
    const { rows, total } = usageRows(pod, parsePodMetrics(metrics));
    expect(rows.map((r) => [r.name, r.cpu !== null, r.cpuBounds, r.memoryBounds])).toEqual([
      ['app', true, { request: 0.1, limit: 0.5 }, { request: 64 * 2 ** 20, limit: 128 * 2 ** 20 }],
      ['sidecar', true, { request: 0.01, limit: null }, { request: null, limit: null }],
      ['idle', false, { request: null, limit: null }, { request: null, limit: null }],
    ]);
    expect(total.cpu).toBeCloseTo(0.017345678, 9);
    expect(total.memory).toBe(52_428_800 + 16 * 2 ** 20);
    // a sum over some containers only would understate the pod's bounds: none is given
    expect(total.cpuBounds).toEqual({ request: null, limit: null });
  });

  it('sums bounds when every container sets them, and keeps measured containers the spec lacks', () => {
    const two = {
      spec: { containers: [pod.spec.containers[0], { ...pod.spec.containers[0], name: 'sidecar' }] },
    };
    const { rows, total } = usageRows(two, {
      containers: [...parsePodMetrics(metrics).containers, { name: 'debugger', cpu: 0.001, memory: 1024 }],
    });
    expect(total.cpuBounds).toEqual({ request: 0.2, limit: 1 });
    expect(rows.map((r) => r.name)).toEqual(['app', 'sidecar', 'debugger']);
    expect(usageRows({ spec: {} }, { containers: [] }).total.cpu).toBeNull();
  });
});

describe('wording', () => {
  it.each([
    [null, '--'],
    [0, '0m'],
    [0.0123, '12m'],
    [0.9996, '1000m'],
    [1.254, '1.25 cores'],
    [4, '4 cores'],
  ])('formatCores(%s) = %s', (n, text) => expect(formatCores(n)).toBe(text));

  it.each([
    [null, '--'],
    [512, '512 B'],
    [1536, '1.5 KiB'],
    [52_428_800, '50 MiB'],
    [36_175_872, '34.5 MiB'],
    [1.25 * 2 ** 30, '1.25 GiB'],
    [300 * 2 ** 20, '300 MiB'],
  ])('formatBytes(%s) = %s', (n, text) => expect(formatBytes(n)).toBe(text));

  it('shares usage against the limit, else the request', () => {
    expect(usageShare(0.25, { request: 0.1, limit: 0.5 })).toEqual({ text: '50% of limit', percent: 50 });
    expect(usageShare(0.25, { request: 0.1, limit: null })).toEqual({
      text: '250% of request',
      percent: 250,
    });
    expect(usageShare(0.25, { request: null, limit: null })).toEqual({ text: '', percent: null });
    expect(usageShare(null, { request: 0.1, limit: 0.5 })).toEqual({ text: '', percent: null });
  });
});

describe('unmeasuredBecause', () => {
  it.each([
    ['Pending', 'The pod has not started yet: metrics-server measures running pods only.'],
    ['Succeeded', 'The pod has finished (Succeeded): metrics-server measures running pods only.'],
    ['Failed', 'The pod has finished (Failed): metrics-server measures running pods only.'],
    ['Running', null],
    [undefined, null],
  ])('phase %s', (phase, reason) => {
    expect(unmeasuredBecause({ status: phase === undefined ? {} : { phase } })).toBe(reason);
  });
});
