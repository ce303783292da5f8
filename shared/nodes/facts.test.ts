import { describe, expect, it } from 'vitest';
import { nodeConditions, nodeFacts, nodeRole, nodeRoles, summarizeConditions } from './facts';

describe('node roles', () => {
  it.each([
    [{ 'node-role.kubernetes.io/control-plane': '' }, 'control-plane', ['control-plane']],
    [{ 'node-role.kubernetes.io/master': '' }, 'control-plane', ['master']],
    [{ 'kubernetes.io/role': 'master' }, 'control-plane', ['master']],
    [{ 'node-role.kubernetes.io/worker': '' }, 'worker', ['worker']],
    [
      { 'node-role.kubernetes.io/etcd': 'true', 'node-role.kubernetes.io/control-plane': 'true' },
      'control-plane',
      ['control-plane', 'etcd'],
    ],
    [{}, 'worker', []],
  ])('%o → %s', (labels, role, roles) => {
    expect(nodeRole(labels)).toBe(role);
    expect(nodeRoles(labels)).toEqual(roles);
  });
});

describe('conditions', () => {
  const ready = (status: string, extra: object = {}) => ({ type: 'Ready', status, ...extra });
  it.each([
    [[ready('True')], 'Ready', undefined],
    [
      [ready('False', { reason: 'KubeletNotReady', message: 'PLEG is not healthy' })],
      'NotReady',
      'KubeletNotReady: PLEG is not healthy',
    ],
    [[ready('Unknown', { reason: 'NodeStatusUnknown' })], 'Unknown', 'NodeStatusUnknown'],
    [[], 'Unknown', 'NodeStatusUnknown'],
    [[ready('True'), { type: 'DiskPressure', status: 'True' }], 'Ready', 'DiskPressure'],
    [[ready('True'), { type: 'MemoryPressure', status: 'False' }], 'Ready', undefined],
  ])('%j → %s (%s)', (raw, state, problem) => {
    expect(summarizeConditions(nodeConditions(raw))).toEqual({ state, problem });
  });

  it('lists the five deck conditions first, absent ones as healthy, then others', () => {
    const list = nodeConditions([
      { type: 'KernelDeadlock', status: 'True' },
      { type: 'PIDPressure', status: 'True' },
      { type: 'Ready', status: 'True' },
    ]);
    expect(list.map((c) => [c.type, c.status, c.healthy])).toEqual([
      ['Ready', 'True', true],
      ['NetworkUnavailable', 'Absent', true],
      ['MemoryPressure', 'Absent', true],
      ['DiskPressure', 'Absent', true],
      ['PIDPressure', 'True', false],
      ['KernelDeadlock', 'True', false],
    ]);
  });
});

describe('nodeFacts', () => {
  it('reads system info, topology labels, taints and allocatable', () => {
    const facts = nodeFacts({
      metadata: {
        name: 'n1',
        labels: {
          'topology.kubernetes.io/region': 'eastus',
          'failure-domain.beta.kubernetes.io/zone': 'eastus-1',
          'node.kubernetes.io/instance-type': 'Standard_D4s_v3',
        },
      },
      spec: {
        podCIDRs: ['10.244.1.0/24'],
        taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }],
      },
      status: {
        allocatable: { cpu: '3860m', memory: '14Gi', pods: '110' },
        conditions: [{ type: 'Ready', status: 'True' }],
        nodeInfo: {
          kubeletVersion: 'v1.29.2',
          kubeProxyVersion: 'v1.29.2',
          machineID: 'abc',
          bootID: 'b',
          systemUUID: 'u',
          containerRuntimeVersion: 'containerd://1.7.1',
          kernelVersion: '5.15',
          osImage: 'Ubuntu',
        },
      },
    });
    expect(facts).toMatchObject({
      name: 'n1',
      role: 'worker',
      state: 'Ready',
      region: 'eastus',
      zone: 'eastus-1',
      instanceType: 'Standard_D4s_v3',
      podCIDR: '10.244.1.0/24',
      kubeProxyVersion: 'v1.29.2',
      containerRuntime: 'containerd://1.7.1',
      allocatableCpu: 3.86,
      allocatableMemory: 14 * 2 ** 30,
      allocatablePods: 110,
      taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }],
    });
  });

  it('survives an empty body', () => {
    expect(nodeFacts({})).toMatchObject({ name: '', state: 'Unknown', allocatableCpu: 0, taints: [] });
  });
});
