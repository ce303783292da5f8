import { describe, expect, it } from 'vitest';
import { toNodeLite, toPodLite } from '../../kube/lite';
import { computeFigures, percent } from './figures';

const node = (name: string, cpu: string, memory: string, ready = true, labels: Record<string, string> = {}) =>
  toNodeLite({
    metadata: { name, labels, creationTimestamp: `2026-01-0${name.length % 9}T00:00:00Z` },
    spec: {},
    status: {
      allocatable: { cpu, memory },
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', reason: 'KubeletNotReady' }],
    },
  });
const pod = (
  nodeName: string | undefined,
  phase: string,
  containers: Array<[string?, string?]>,
  init: Array<[string?, string?]> = [],
) =>
  toPodLite({
    metadata: { name: 'p', namespace: 'ns' },
    spec: {
      nodeName,
      containers: containers.map(([cpu, memory]) => ({
        resources: { requests: { ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) } },
      })),
      initContainers: init.map(([cpu, memory]) => ({ resources: { requests: { cpu, memory } } })),
    },
    status: { phase },
  });

describe('computeFigures', () => {
  it('sums requests of scheduled, unfinished pods over node allocatable', () => {
    const nodes = [
      node('cp', '4', '16Gi', true, { 'node-role.kubernetes.io/control-plane': '' }),
      node('w1', '3500m', '8Gi'),
      node('w2', '2500m', '8Gi', false),
    ];
    const pods = [
      pod('w1', 'Running', [
        ['500m', '1Gi'],
        ['250m', '512Mi'],
      ]),
      pod('w1', 'Pending', [['1', '1Gi']]),
      pod(undefined, 'Pending', [['8', '64Gi']]), // not scheduled: holds nothing
      pod('w2', 'Succeeded', [['2', '2Gi']]), // finished: holds nothing
      pod('cp', 'Running', [['100m']], [['1170m', '256Mi']]), // init container dominates CPU
      pod('ghost', 'Running', [['5']]), // bound to a node we do not see
    ];
    const f = computeFigures(nodes, pods);
    expect(f.cpu).toEqual({ requested: 2.92, allocatable: 10 });
    expect(f.memory.requested).toBe(2.5 * 2 ** 30 + 256 * 2 ** 20);
    expect(f.memory.allocatable).toBe(32 * 2 ** 30);
    expect(f).toMatchObject({
      nodes: 3,
      controlPlaneNodes: 1,
      workerNodes: 2,
      readyNodes: 2,
      pods: 6,
      runningPods: 3,
    });
    expect(f.notReadyNodes).toEqual([{ name: 'w2', reason: 'KubeletNotReady' }]);
    expect(percent(f.cpu)).toBeCloseTo(29.2, 5);
  });

  it('has no percentage without allocatable', () => {
    expect(percent(computeFigures([], []).cpu)).toBeUndefined();
  });
});
