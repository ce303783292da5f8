import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../shared/objects/types';
import { sanitize, toRow } from './object-row';

const base = { source: 'live', cluster: 'c1', group: '', version: 'v1' };

describe('toRow selected fields', () => {
  const cases: Array<[string, string, KubeObject, Partial<ReturnType<typeof toRow>>]> = [
    [
      'running pod',
      'Pod',
      {
        metadata: {
          name: 'web-1',
          namespace: 'shop',
          ownerReferences: [
            { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7f', uid: 'u', controller: true },
          ],
        },
        spec: { nodeName: 'node-a', containers: [{ name: 'a' }, { name: 'b' }] },
        status: {
          phase: 'Running',
          containerStatuses: [
            { name: 'a', ready: true, restartCount: 2, state: { running: {} } },
            { name: 'b', ready: false, restartCount: 1, state: { running: {} } },
          ],
        },
      },
      {
        status: 'Running',
        node_name: 'node-a',
        ready: 1,
        desired: 2,
        restarts: 3,
        owner_kind: 'ReplicaSet',
        owner_name: 'web-7f',
      },
    ],
    [
      'crash-looping pod',
      'Pod',
      {
        metadata: { name: 'p', namespace: 'n' },
        spec: { containers: [{ name: 'a' }] },
        status: {
          phase: 'Running',
          containerStatuses: [
            { name: 'a', ready: false, restartCount: 9, state: { waiting: { reason: 'CrashLoopBackOff' } } },
          ],
        },
      },
      { status: 'CrashLoopBackOff', restarts: 9, ready: 0, desired: 1, node_name: null },
    ],
    [
      'terminating pod',
      'Pod',
      {
        metadata: { name: 'p', namespace: 'n', deletionTimestamp: '2026-01-01T00:00:00Z' },
        status: { phase: 'Running' },
      },
      { status: 'Terminating' },
    ],
    [
      'initialising pod: the column holds the same words as the Workloads table (shared rule)',
      'Pod',
      {
        metadata: { name: 'p', namespace: 'n' },
        spec: { initContainers: [{ name: 'i' }], containers: [{ name: 'a' }] },
        status: {
          phase: 'Pending',
          initContainerStatuses: [{ name: 'i', restartCount: 2, state: { running: {} } }],
          containerStatuses: [
            { name: 'a', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } },
          ],
        },
      },
      { status: 'Init:0/1', restarts: 2, ready: 0, desired: 1 },
    ],
    [
      'completed pod with a container still running and ready',
      'Pod',
      {
        metadata: { name: 'p', namespace: 'n' },
        spec: { containers: [{ name: 'a' }, { name: 'b' }] },
        status: {
          phase: 'Running',
          conditions: [{ type: 'Ready', status: 'False' }],
          containerStatuses: [
            { name: 'a', ready: false, state: { terminated: { reason: 'Completed', exitCode: 0 } } },
            { name: 'b', ready: true, state: { running: {} } },
          ],
        },
      },
      { status: 'NotReady', ready: 1, desired: 2 },
    ],
    [
      'deployment scaled to zero',
      'Deployment',
      { metadata: { name: 'd', namespace: 'n' }, spec: { replicas: 0 }, status: {} },
      { status: 'Scaled to 0', ready: 0, desired: 0, restarts: null, node_name: null },
    ],
    [
      'cron job: active jobs, no desired count',
      'CronJob',
      { metadata: { name: 'cj', namespace: 'n' }, spec: {}, status: { active: [{}, {}] } },
      { status: 'Active', ready: 2, desired: null },
    ],
    [
      'deployment rolling out',
      'Deployment',
      { metadata: { name: 'd', namespace: 'n' }, spec: { replicas: 3 }, status: { readyReplicas: 1 } },
      { status: 'Progressing', ready: 1, desired: 3 },
    ],
    [
      'deployment unavailable',
      'Deployment',
      {
        metadata: { name: 'd', namespace: 'n' },
        spec: { replicas: 1 },
        status: { conditions: [{ type: 'Available', status: 'False' }] },
      },
      { status: 'Unavailable', ready: 0, desired: 1 },
    ],
    [
      'daemonset',
      'DaemonSet',
      { metadata: { name: 'ds', namespace: 'n' }, status: { desiredNumberScheduled: 4, numberReady: 4 } },
      { status: 'Ready', ready: 4, desired: 4 },
    ],
    [
      'failed job',
      'Job',
      {
        metadata: { name: 'j', namespace: 'n' },
        spec: {},
        status: { conditions: [{ type: 'Failed', status: 'True' }] },
      },
      { status: 'Failed', ready: 0, desired: 1 },
    ],
    [
      'cordoned node',
      'Node',
      {
        metadata: { name: 'n1' },
        spec: { unschedulable: true },
        status: { conditions: [{ type: 'Ready', status: 'True' }] },
      },
      { status: 'Ready,SchedulingDisabled', namespace: '' },
    ],
    [
      'warning event',
      'Event',
      {
        metadata: { name: 'e', namespace: 'n' },
        type: 'Warning',
        count: 4,
        involvedObject: { kind: 'Pod', name: 'web-1' },
      },
      { status: 'Warning', restarts: 4, owner_kind: 'Pod', owner_name: 'web-1' },
    ],
    [
      'service',
      'Service',
      { metadata: { name: 's', namespace: 'n' }, spec: { type: 'LoadBalancer' } },
      { status: 'LoadBalancer' },
    ],
  ];
  it.each(cases)('%s', (_label, kind, object, expected) => {
    const row = toRow({
      ...base,
      group:
        kind === 'Pod' || kind === 'Node' || kind === 'Event' || kind === 'Service'
          ? ''
          : kind === 'Job' || kind === 'CronJob'
            ? 'batch'
            : 'apps',
      kind,
      object,
    });
    expect(row).toMatchObject(expected);
  });

  it('names the object when it has no name', () => {
    expect(() => toRow({ ...base, kind: 'Pod', object: { metadata: {} } })).toThrow(
      /live\/c1: a Pod without metadata.name/,
    );
  });

  it('builds the search text from name, namespace, kind and labels', () => {
    const row = toRow({
      ...base,
      kind: 'Pod',
      object: { metadata: { name: 'Web', namespace: 'shop', labels: { app: 'web', flag: '' } } },
    });
    expect(row.search).toBe('web shop pod app=web flag');
    expect(JSON.parse(row.labels)).toEqual({ app: 'web', flag: '' });
  });
});

describe('sanitize', () => {
  it('keeps only metadata (and type) of a Secret, without last-applied-configuration', () => {
    const out = sanitize('Secret', '', 'v1', {
      kind: 'Secret',
      type: 'kubernetes.io/tls',
      metadata: {
        name: 's',
        managedFields: [{ manager: 'x' }],
        annotations: {
          'kubectl.kubernetes.io/last-applied-configuration': '{"data":{"k":"c2VjcmV0"}}',
          keep: 'me',
        },
      },
      data: { k: 'c2VjcmV0' },
      stringData: { k: 'secret' },
    });
    expect(out).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'kubernetes.io/tls',
      metadata: { name: 's', annotations: { keep: 'me' } },
    });
  });

  it('drops ConfigMap data and binaryData', () => {
    const out = sanitize('ConfigMap', '', 'v1', {
      metadata: { name: 'c' },
      data: { a: 'b' },
      binaryData: { x: 'eQ==' },
    });
    expect(out).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } });
  });

  it('sets apiVersion and kind from the informer (metadata-only lists say PartialObjectMetadata)', () => {
    const out = sanitize('Deployment', 'apps', 'v1', {
      apiVersion: 'meta.k8s.io/v1',
      kind: 'PartialObjectMetadata',
      metadata: { name: 'd', managedFields: [] },
      spec: { replicas: 2 },
    });
    expect(out).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { replicas: 2 },
    });
  });
});
