import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../objects/types';
import { age, podStatus, stateLine, statusTone, workloadImages, workloadState } from './status';

type C = Record<string, unknown>;
const running = (name: string, ready = true, restartCount = 0): C => ({
  name,
  ready,
  restartCount,
  state: { running: { startedAt: '2026-01-01T00:00:00Z' } },
});
const waiting = (name: string, reason: string, restartCount = 0): C => ({
  name,
  ready: false,
  restartCount,
  state: { waiting: { reason } },
});
const terminated = (name: string, reason: string | undefined, exitCode: number, restartCount = 0): C => ({
  name,
  ready: false,
  restartCount,
  state: { terminated: { exitCode, ...(reason ? { reason } : {}) } },
});
const pod = (
  statuses: C[],
  opts: { phase?: string; inits?: C[]; deleting?: boolean; reason?: string; ready?: boolean } = {},
): KubeObject => ({
  kind: 'Pod',
  metadata: { name: 'p', ...(opts.deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}) },
  spec: {
    containers: statuses.map((s) => ({ name: s.name, image: `img/${String(s.name)}:1` })),
    initContainers: (opts.inits ?? []).map((s) => ({ name: s.name, image: 'init:1' })),
  },
  status: {
    phase: opts.phase ?? 'Running',
    ...(opts.reason ? { reason: opts.reason } : {}),
    containerStatuses: statuses,
    initContainerStatuses: opts.inits ?? [],
    conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True' }],
  },
});

describe('pod status, ready and restarts (kubectl STATUS wording)', () => {
  const cases: Array<[string, KubeObject, string, string, number, string]> = [
    ['all containers running', pod([running('a'), running('b')]), 'Running', 'Running 2/2', 0, 'ok'],
    ['one of two not ready', pod([running('a'), running('b', false)]), 'Running', 'Running 1/2', 0, 'warn'],
    [
      'crash loop',
      pod([waiting('a', 'CrashLoopBackOff', 7)]),
      'CrashLoopBackOff',
      'CrashLoopBackOff 0/1',
      7,
      'error',
    ],
    [
      'image pull back-off',
      pod([waiting('a', 'ImagePullBackOff')]),
      'ImagePullBackOff',
      'ImagePullBackOff 0/1',
      0,
      'error',
    ],
    [
      'creating',
      pod([waiting('a', 'ContainerCreating')], { phase: 'Pending' }),
      'ContainerCreating',
      'ContainerCreating 0/1',
      0,
      'idle',
    ],
    ['OOM killed', pod([terminated('a', 'OOMKilled', 137, 3)]), 'OOMKilled', 'OOMKilled 0/1', 3, 'error'],
    [
      'exit code without reason',
      pod([terminated('a', undefined, 2)]),
      'ExitCode:2',
      'ExitCode:2 0/1',
      0,
      'error',
    ],
    [
      'job pod completed',
      pod([terminated('a', 'Completed', 0)], { phase: 'Succeeded' }),
      'Completed',
      'Completed 0/1',
      0,
      'ok',
    ],
    ['pending, nothing reported', pod([], { phase: 'Pending' }), 'Pending', 'Pending 0/0', 0, 'idle'],
    ['evicted', pod([], { phase: 'Failed', reason: 'Evicted' }), 'Evicted', 'Evicted 0/0', 0, 'error'],
    [
      'terminating wins',
      pod([running('a')], { deleting: true }),
      'Terminating',
      'Terminating 1/1',
      0,
      'idle',
    ],
    [
      'second init container running',
      pod([waiting('a', 'PodInitializing')], {
        phase: 'Pending',
        inits: [terminated('i1', 'Completed', 0), running('i2', false)],
      }),
      'Init:1/2',
      'Init:1/2 0/1',
      0,
      'idle',
    ],
    [
      'init container crash-looping (its restarts count)',
      pod([waiting('a', 'PodInitializing')], {
        phase: 'Pending',
        inits: [waiting('i1', 'CrashLoopBackOff', 4)],
      }),
      'Init:CrashLoopBackOff',
      'Init:CrashLoopBackOff 0/1',
      4,
      'error',
    ],
    [
      'init container failed',
      pod([waiting('a', 'PodInitializing')], { phase: 'Pending', inits: [terminated('i1', 'Error', 1)] }),
      'Init:Error',
      'Init:Error 0/1',
      0,
      'error',
    ],
    [
      'sidecar completed, main running and ready',
      pod([terminated('a', 'Completed', 0), running('b')]),
      'Running',
      'Running 1/2',
      0,
      'warn',
    ],
  ];
  it.each(cases)('%s', (_label, object, status, line, restarts, tone) => {
    expect(podStatus(object)).toBe(status);
    const state = workloadState('Pod', object);
    expect(stateLine(state)).toBe(line);
    expect(state.restarts).toBe(restarts);
    expect(state.tone).toBe(tone);
  });
});

describe('controller status and ready/desired', () => {
  const cases: Array<[string, string, KubeObject, string]> = [
    ['deployment ready', 'Deployment', { spec: { replicas: 3 }, status: { readyReplicas: 3 } }, 'Ready 3/3'],
    [
      'deployment rolling',
      'Deployment',
      { spec: { replicas: 3 }, status: { readyReplicas: 1 } },
      'Progressing 1/3',
    ],
    [
      'deployment unavailable',
      'Deployment',
      {
        spec: { replicas: 1 },
        status: { conditions: [{ type: 'Available', status: 'False' }] },
      },
      'Unavailable 0/1',
    ],
    [
      'deployment past its progress deadline',
      'Deployment',
      {
        spec: { replicas: 2 },
        status: {
          readyReplicas: 1,
          conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }],
        },
      },
      'DeadlineExceeded 1/2',
    ],
    ['deployment without replicas means one', 'Deployment', { spec: {}, status: {} }, 'Progressing 0/1'],
    ['scaled to zero', 'StatefulSet', { spec: { replicas: 0 }, status: {} }, 'Scaled to 0 0/0'],
    [
      'daemon set on 4 of 5 nodes',
      'DaemonSet',
      { status: { desiredNumberScheduled: 5, numberReady: 4 } },
      'Progressing 4/5',
    ],
    [
      'job complete',
      'Job',
      {
        spec: { completions: 1 },
        status: { succeeded: 1, conditions: [{ type: 'Complete', status: 'True' }] },
      },
      'Complete 1/1',
    ],
    [
      'job failed',
      'Job',
      { spec: {}, status: { conditions: [{ type: 'Failed', status: 'True' }] } },
      'Failed 0/1',
    ],
    ['job suspended', 'Job', { spec: { suspend: true, completions: 3 }, status: {} }, 'Suspended 0/3'],
    ['cron job with one active run', 'CronJob', { spec: {}, status: { active: [{}] } }, 'Active'],
    ['cron job suspended', 'CronJob', { spec: { suspend: true }, status: {} }, 'Suspended'],
  ];
  it.each(cases)('%s', (_label, kind, object, line) => {
    expect(stateLine(workloadState(kind, object))).toBe(line);
  });
});

describe('tones, images and age', () => {
  it.each([
    ['Ready', 'ok'],
    ['Progressing', 'warn'],
    ['Unavailable', 'error'],
    ['Suspended', 'idle'],
    ['ErrImagePull', 'error'],
    ['Init:0/1', 'idle'],
  ])('%s is %s', (status, tone) => expect(statusTone(status)).toBe(tone));

  it('reads images from a pod, a pod template and a cron job template', () => {
    const containers = [
      { name: 'a', image: 'nginx:1.27' },
      { name: 'b', image: 'envoy:1.30' },
    ];
    expect(workloadImages('Pod', { spec: { containers } })).toEqual(['nginx:1.27', 'envoy:1.30']);
    expect(workloadImages('Deployment', { spec: { template: { spec: { containers } } } })).toEqual([
      'nginx:1.27',
      'envoy:1.30',
    ]);
    expect(
      workloadImages('CronJob', {
        spec: { jobTemplate: { spec: { template: { spec: { containers: [{ image: 'busybox' }] } } } } },
      }),
    ).toEqual(['busybox']);
    expect(workloadImages('Deployment', {})).toEqual([]);
  });

  const now = Date.parse('2026-03-10T12:00:00Z');
  it.each([
    ['2026-03-10T11:59:15Z', '45s'],
    ['2026-03-10T11:48:00Z', '12m'],
    ['2026-03-10T07:00:00Z', '5h'],
    ['2026-03-07T12:00:00Z', '3d'],
    ['2023-03-10T12:00:00Z', '3y'],
    ['', ''],
    ['not a date', ''],
  ])('age of %s is "%s"', (created, expected) => expect(age(created, now)).toBe(expected));
});
