import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../shared/objects/types';
import { healthChecks } from '../catalog';
import { isPastSupport } from './api-versions';
import { deployment, findingsOf, obj, pod } from './test-helpers';

type Case = [checkId: string, what: string, objects: KubeObject[], findings: number, version?: string];

const now = new Date('2026-12-04T20:00:00Z');
const node = (conditions: Array<[string, string]>, kubeletVersion = 'v1.35.1') =>
  obj('v1', 'Node', 'n1', {
    status: {
      nodeInfo: { kubeletVersion },
      conditions: conditions.map(([type, status]) => ({ type, status })),
    },
  });
const livePod = (status: Record<string, unknown>, meta: Record<string, unknown> = {}) => ({
  ...pod(),
  metadata: {
    name: 'p',
    namespace: 'default',
    creationTimestamp: '2026-12-04T19:00:00Z',
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'u' }],
    labels: { app: 'web' },
    ...meta,
  },
  status,
});
const svc = (selector?: Record<string, string>) =>
  obj('v1', 'Service', 'web', { spec: { selector, ports: [{ port: 80 }] } });
const endpoints = (addresses: unknown[]) =>
  obj('v1', 'Endpoints', 'web', { subsets: addresses.length ? [{ addresses }] : [] });
const event = (type: string, count: number) =>
  obj('v1', 'Event', 'e1', {
    type,
    count,
    reason: 'BackOff',
    message: 'Back-off restarting',
    involvedObject: { kind: 'Pod', name: 'p' },
  });

const cases: Case[] = [
  ['health.nodeNotReady', 'Ready False', [node([['Ready', 'False']])], 1],
  ['health.nodeNotReady', 'Ready Unknown', [node([['Ready', 'Unknown']])], 1],
  ['health.nodeNotReady', 'Ready', [node([['Ready', 'True']])], 0],
  [
    'health.nodePressure',
    'disk pressure',
    [
      node([
        ['Ready', 'True'],
        ['DiskPressure', 'True'],
      ]),
    ],
    1,
  ],
  [
    'health.nodePressure',
    'none',
    [
      node([
        ['Ready', 'True'],
        ['MemoryPressure', 'False'],
      ]),
    ],
    0,
  ],
  ['health.kubernetesVersionUnsupported', 'kubelet 1.28', [node([['Ready', 'True']], 'v1.28.5')], 1],
  ['health.kubernetesVersionUnsupported', 'kubelet 1.35', [node([['Ready', 'True']], 'v1.35.0')], 0],
  [
    'health.podPending',
    'pending for an hour',
    [
      livePod({
        phase: 'Pending',
        conditions: [{ type: 'PodScheduled', status: 'False', message: '0/3 nodes available' }],
      }),
    ],
    1,
  ],
  [
    'health.podPending',
    'just created',
    [livePod({ phase: 'Pending' }, { creationTimestamp: '2026-12-04T19:58:00Z' })],
    0,
  ],
  ['health.podPending', 'running', [livePod({ phase: 'Running' })], 0],
  [
    'health.podCrashLooping',
    'CrashLoopBackOff',
    [
      livePod({
        phase: 'Running',
        containerStatuses: [
          { name: 'app', restartCount: 7, state: { waiting: { reason: 'CrashLoopBackOff' } } },
        ],
      }),
    ],
    1,
  ],
  [
    'health.podCrashLooping',
    'ImagePullBackOff',
    [
      livePod({
        phase: 'Pending',
        containerStatuses: [
          { name: 'app', restartCount: 0, state: { waiting: { reason: 'ImagePullBackOff' } } },
        ],
      }),
    ],
    1,
  ],
  [
    'health.podCrashLooping',
    'healthy',
    [
      livePod({
        phase: 'Running',
        containerStatuses: [{ name: 'app', restartCount: 0, state: { running: {} } }],
      }),
    ],
    0,
  ],
  [
    'health.podNotReady',
    'running, not ready',
    [
      livePod({
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'False', reason: 'ContainersNotReady' }],
      }),
    ],
    1,
  ],
  [
    'health.podNotReady',
    'ready',
    [livePod({ phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] })],
    0,
  ],
  ['health.podNotReady', 'succeeded job pod', [livePod({ phase: 'Succeeded' })], 0],
  ['health.unmanagedPod', 'no owner', [pod()], 1],
  ['health.unmanagedPod', 'owned', [livePod({ phase: 'Running' })], 0],
  ['health.serviceSelectsNoPods', 'selector matches nothing', [svc({ app: 'db' }), deployment()], 1],
  ['health.serviceSelectsNoPods', 'matches a template', [svc({ app: 'web' }), deployment()], 0],
  ['health.serviceSelectsNoPods', 'matches a pod', [svc({ app: 'web' }), livePod({ phase: 'Running' })], 0],
  ['health.serviceNoEndpoints', 'empty endpoints', [svc({ app: 'web' }), endpoints([])], 1],
  ['health.serviceNoEndpoints', 'ready address', [svc({ app: 'web' }), endpoints([{ ip: '10.0.0.1' }])], 0],
  ['health.serviceNoEndpoints', 'no endpoint data (manifests)', [svc({ app: 'web' })], 0],
  [
    'health.removedApiVersion',
    'extensions/v1beta1 Deployment',
    [{ ...deployment(), apiVersion: 'extensions/v1beta1' }],
    1,
  ],
  [
    'health.removedApiVersion',
    'batch/v1beta1 CronJob on 1.24',
    [obj('batch/v1beta1', 'CronJob', 'c', { spec: {} })],
    0,
    '1.24',
  ],
  ['health.removedApiVersion', 'apps/v1', [deployment()], 0],
  [
    'health.deprecatedApiVersion',
    'batch/v1beta1 CronJob on 1.24',
    [obj('batch/v1beta1', 'CronJob', 'c', { spec: {} })],
    1,
    '1.24',
  ],
  [
    'health.deprecatedApiVersion',
    'already removed on 1.30',
    [obj('batch/v1beta1', 'CronJob', 'c', { spec: {} })],
    0,
    '1.30',
  ],
  [
    'health.componentUnhealthy',
    'etcd unhealthy',
    [
      obj('v1', 'ComponentStatus', 'etcd-0', {
        conditions: [{ type: 'Healthy', status: 'False', error: 'timeout' }],
      }),
    ],
    1,
  ],
  [
    'health.componentUnhealthy',
    'healthy',
    [obj('v1', 'ComponentStatus', 'etcd-0', { conditions: [{ type: 'Healthy', status: 'True' }] })],
    0,
  ],
  ['health.warningEvents', '25 warnings', [event('Warning', 25)], 1],
  ['health.warningEvents', 'a few warnings', [event('Warning', 2)], 0],
  ['health.warningEvents', 'normal events', [event('Normal', 50)], 0],
];

describe('cluster health checks', () => {
  it.each(cases)('%s: %s → %i', async (checkId, _what, objects, count, version) => {
    const findings = await findingsOf(checkId, objects, version ? { kubernetesVersion: version } : {}, now);
    expect(findings).toHaveLength(count);
  });

  it('has a failing and a passing case for every health check', () => {
    for (const c of healthChecks) {
      expect(
        cases.some(([id, , , n]) => id === c.id && n > 0),
        c.id,
      ).toBe(true);
      expect(
        cases.some(([id, , , n]) => id === c.id && n === 0),
        c.id,
      ).toBe(true);
    }
  });

  it('knows end of support by date', () => {
    expect(isPastSupport(30, now)).toBe(true);
    expect(isPastSupport(35, now)).toBe(false);
    expect(isPastSupport(20, now)).toBe(true);
    expect(isPastSupport(40, now)).toBe(false);
  });
});

describe('deprecated APIs against Kyverno check-deprecated-apis resources', () => {
  it('flags exactly the resources Kyverno fails (removed in 1.25, 1.29 and 1.32)', async () => {
    const { importManifests } = await import('../../importer');
    const path = await import('node:path');
    const file = path.resolve(
      __dirname,
      '../../../../../shared/corpus/kyverno-policies/best-practices/check-deprecated-apis/.kyverno-test/resource.yaml',
    );
    const imported = await importManifests([file]);
    const objects = imported.objects.map((o) => o.object);
    const removed = await findingsOf('health.removedApiVersion', objects, { kubernetesVersion: '1.32' });
    expect(removed.map((f) => f.object.name).sort()).toEqual([
      'bad-cronjob',
      'bad-flowschema',
      'bad-flowschema-v1beta3',
    ]);
    const on128 = await findingsOf('health.deprecatedApiVersion', objects, { kubernetesVersion: '1.28' });
    // On 1.28, flowcontrol v1beta2 is deprecated (since 1.26); v1beta3 only from 1.29; batch/v1beta1 is already gone.
    expect(on128.map((f) => f.object.name)).toEqual(['bad-flowschema']);
  });
});
