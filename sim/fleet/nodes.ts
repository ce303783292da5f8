import type { KObject } from '../store/api';
import type { Rand } from './rand';

/** What differs between providers' nodes. */
export interface NodeProfile {
  provider: string;
  kubeletVersion: string;
  osImage: string;
  kernelVersion: string;
  containerRuntimeVersion: string;
  instanceType: string;
  region: string;
  zones: string[];
  /** cores */
  cpu: number;
  /** bytes */
  memory: number;
  maxPods: number;
  /** Extra labels every node of this pool carries. */
  labels?: Record<string, string>;
}

export interface NodeInput {
  name: string;
  index: number;
  controlPlane: boolean;
  internalIP: string;
  externalIP?: string;
  providerID: string;
  podCIDR: string;
  hostnameLabel?: string;
  extraAddresses?: Array<{ type: string; address: string }>;
  createdAt: string;
}

const KI = 1024;

/** Allocatable after kube-reserved/system-reserved/eviction threshold, roughly as real kubelets compute it. */
function allocatable(profile: NodeProfile): { cpuMilli: number; memoryKi: number } {
  const cpuMilli = profile.cpu * 1000 - (profile.cpu <= 2 ? 70 : 80 + 10 * (profile.cpu - 2));
  const memKi = Math.floor(profile.memory / KI);
  const reservedKi = Math.floor(memKi * 0.06) + 100 * KI;
  return { cpuMilli, memoryKi: memKi - reservedKi };
}

export function buildNode(profile: NodeProfile, input: NodeInput, rand: Rand): KObject {
  const zone = profile.zones[input.index % profile.zones.length] ?? profile.region;
  const alloc = allocatable(profile);
  const memKi = Math.floor(profile.memory / KI);
  const hostname = input.hostnameLabel ?? input.name;
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/os': 'linux',
    'kubernetes.io/hostname': hostname,
    'node.kubernetes.io/instance-type': profile.instanceType,
    'beta.kubernetes.io/instance-type': profile.instanceType,
    'topology.kubernetes.io/region': profile.region,
    'topology.kubernetes.io/zone': zone,
    'failure-domain.beta.kubernetes.io/region': profile.region,
    'failure-domain.beta.kubernetes.io/zone': zone,
    ...profile.labels,
  };
  if (input.controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  } else {
    labels['node-role.kubernetes.io/worker'] = '';
  }
  const addresses = [
    { type: 'InternalIP', address: input.internalIP },
    ...(input.externalIP ? [{ type: 'ExternalIP', address: input.externalIP }] : []),
    { type: 'Hostname', address: hostname },
    ...(input.extraAddresses ?? []),
  ];
  const condition = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    reason,
    message,
    lastHeartbeatTime: input.createdAt,
    lastTransitionTime: input.createdAt,
  });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: input.name,
      creationTimestamp: input.createdAt,
      labels,
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
      },
    },
    spec: {
      providerID: input.providerID,
      podCIDR: input.podCIDR,
      podCIDRs: [input.podCIDR],
      ...(input.controlPlane
        ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }
        : {}),
    },
    status: {
      capacity: {
        cpu: String(profile.cpu),
        memory: `${memKi}Ki`,
        pods: String(profile.maxPods),
        'ephemeral-storage': '101430960Ki',
        'hugepages-1Gi': '0',
        'hugepages-2Mi': '0',
      },
      allocatable: {
        cpu: `${alloc.cpuMilli}m`,
        memory: `${alloc.memoryKi}Ki`,
        pods: String(profile.maxPods),
        'ephemeral-storage': '93478772582',
        'hugepages-1Gi': '0',
        'hugepages-2Mi': '0',
      },
      addresses,
      conditions: [
        condition(
          'MemoryPressure',
          'False',
          'KubeletHasSufficientMemory',
          'kubelet has sufficient memory available',
        ),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: rand.hex(32),
        systemUUID: rand.uuid().toUpperCase(),
        bootID: rand.uuid(),
        kernelVersion: profile.kernelVersion,
        osImage: profile.osImage,
        containerRuntimeVersion: profile.containerRuntimeVersion,
        kubeletVersion: profile.kubeletVersion,
        kubeProxyVersion: profile.kubeletVersion,
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}
