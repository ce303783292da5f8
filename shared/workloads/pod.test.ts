import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../objects/types';
import {
  controllerOf,
  defaultContainer,
  deploymentOfReplicaSet,
  podConditions,
  podContainers,
  podFacts,
  tolerationText,
} from './pod';

const crashing: KubeObject = {
  kind: 'Pod',
  metadata: {
    name: 'payment-5c9f-abcde',
    labels: { app: 'payment', 'pod-template-hash': '5c9f' },
    ownerReferences: [
      { apiVersion: 'v1', kind: 'Node', name: 'n', uid: '1' },
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'payment-5c9f', uid: '2', controller: true },
    ],
  },
  spec: {
    nodeName: 'node-1',
    serviceAccountName: 'payment',
    nodeSelector: { 'kubernetes.io/os': 'linux' },
    tolerations: [
      {
        key: 'node.kubernetes.io/not-ready',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
      { operator: 'Exists' },
      { key: 'dedicated', value: 'pay', effect: 'NoSchedule' },
    ],
    initContainers: [{ name: 'migrate', image: 'migrate:2' }],
    containers: [
      { name: 'server', image: 'payment:1.4' },
      { name: 'proxy', image: 'envoy:1.30' },
    ],
  },
  status: {
    podIP: '10.1.2.3',
    hostIP: '192.168.0.4',
    qosClass: 'Burstable',
    conditions: [
      {
        type: 'Ready',
        status: 'False',
        reason: 'ContainersNotReady',
        message: 'containers with unready status: [server]',
      },
      { type: 'PodScheduled', status: 'True' },
      { type: 'example.com/gate', status: 'True' },
    ],
    initContainerStatuses: [
      {
        name: 'migrate',
        ready: true,
        restartCount: 0,
        state: { terminated: { reason: 'Completed', exitCode: 0 } },
      },
    ],
    containerStatuses: [
      {
        name: 'server',
        ready: false,
        restartCount: 9,
        state: { waiting: { reason: 'CrashLoopBackOff' } },
        lastState: { terminated: { reason: 'Error', exitCode: 3 } },
      },
      { name: 'proxy', ready: true, restartCount: 0, state: { running: {} } },
    ],
  },
};

describe('pod page facts', () => {
  it('lists the deck conditions first, blanks for unreported ones, then the rest', () => {
    expect(podConditions(crashing).map((c) => [c.type, c.status])).toEqual([
      ['PodScheduled', 'True'],
      ['Initialized', ''],
      ['ContainersReady', ''],
      ['Ready', 'False'],
      ['example.com/gate', 'True'],
    ]);
    expect(podConditions(crashing)[3]?.message).toBe('containers with unready status: [server]');
  });

  it('describes each container with its state, restarts and the reason of its last run', () => {
    expect(podContainers(crashing)).toEqual([
      {
        name: 'migrate',
        role: 'init',
        image: 'migrate:2',
        state: 'Terminated',
        reason: 'Completed (exit code 0)',
        ready: true,
        restarts: 0,
        lastTermination: '',
      },
      {
        name: 'server',
        role: 'main',
        image: 'payment:1.4',
        state: 'Waiting',
        reason: 'CrashLoopBackOff',
        ready: false,
        restarts: 9,
        lastTermination: 'Error (exit code 3)',
      },
      {
        name: 'proxy',
        role: 'main',
        image: 'envoy:1.30',
        state: 'Running',
        reason: '',
        ready: true,
        restarts: 0,
        lastTermination: '',
      },
    ]);
    expect(podContainers({ spec: { containers: [{ name: 'x', image: 'y' }] } })[0]?.state).toBe('Pending');
  });

  it('picks the controller owner and the deployment behind a replica set', () => {
    expect(controllerOf(crashing)).toEqual({
      kind: 'ReplicaSet',
      name: 'payment-5c9f',
      apiVersion: 'apps/v1',
    });
    expect(deploymentOfReplicaSet('payment-5c9f', { 'pod-template-hash': '5c9f' })).toBe('payment');
    expect(deploymentOfReplicaSet('payment-5c9f', {})).toBeUndefined();
    expect(deploymentOfReplicaSet('standalone-rs', { 'pod-template-hash': '5c9f' })).toBeUndefined();
    expect(controllerOf({ metadata: {} })).toBeUndefined();
  });

  it('reads node, addresses, selectors and tolerations', () => {
    expect(podFacts(crashing)).toMatchObject({
      node: 'node-1',
      podIP: '10.1.2.3',
      hostIP: '192.168.0.4',
      qosClass: 'Burstable',
      serviceAccount: 'payment',
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      tolerations: [
        'node.kubernetes.io/not-ready (exists):NoExecute for 300s',
        'all taints',
        'dedicated=pay:NoSchedule',
      ],
    });
    expect(tolerationText({ key: 'k', operator: 'Equal', value: 'v' })).toBe('k=v');
  });

  it('opens the annotated default container, else the first', () => {
    expect(defaultContainer(crashing)).toBe('server');
    const annotated = {
      ...crashing,
      metadata: { annotations: { 'kubectl.kubernetes.io/default-container': 'proxy' } },
    };
    expect(defaultContainer(annotated)).toBe('proxy');
    expect(defaultContainer({})).toBe('');
  });
});
