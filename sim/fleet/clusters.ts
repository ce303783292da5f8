/** The three demo clusters' infrastructure, modelled on the reference deck's screenshots. */
import type { KObject } from '../store/api';
import { buildNode, type NodeProfile } from './nodes';
import { createRand } from './rand';
import { kubeSystem } from './system';

export interface Infra {
  nodes: KObject[];
  system: KObject[];
  workerNames: string[];
}

const GiB = 1024 ** 3;

export function vsphereInfra(version: string): Infra {
  const rand = createRand('tkg-01');
  const profile: NodeProfile = {
    provider: 'vsphere',
    kubeletVersion: version,
    osImage: 'VMware Photon OS/Linux',
    kernelVersion: '4.19.283-3.ph3',
    containerRuntimeVersion: 'containerd://1.6.18-1-gdbc99e5b1',
    instanceType: 'vsphere-vm.cpu-4.mem-16gb.os-photon',
    region: 'dc-seoul',
    zones: ['cluster-a'],
    cpu: 4,
    memory: 16.3 * GiB,
    maxPods: 110,
    labels: { 'run.tanzu.vmware.com/kubernetesDistributionVersion': version.replace('+', '---') },
  };
  const names = [
    'tkg-01-control-plane-fds8x',
    'tkg-01-control-plane-gg58t',
    'tkg-01-control-plane-nf662',
    'tkg-01-md-0-5848648bff-cntz9',
    'tkg-01-md-0-5848648bff-w2k48',
    'tkg-01-md-0-5848648bff-xwg7k',
  ];
  const nodes = names.map((name, i) =>
    buildNode(
      profile,
      {
        name,
        index: i,
        controlPlane: i < 3,
        internalIP: `192.168.10.${21 + i}`,
        externalIP: `192.168.10.${21 + i}`,
        providerID: `vsphere://${rand.uuid()}`,
        podCIDR: `100.96.${i}.0/24`,
        createdAt: '2026-11-28T02:14:09Z',
      },
      rand,
    ),
  );
  const cp = nodes
    .slice(0, 3)
    .map((n, i) => ({ name: n.metadata.name as string, ip: `192.168.10.${21 + i}` }));
  return {
    nodes,
    system: kubeSystem({
      controlPlaneNodes: cp,
      coreDnsReplicas: 2,
      proxyImage: `projects.registry.vmware.com/tkg/kube-proxy:${version.replace('+', '_')}`,
      withProxy: true,
      version,
      cni: {
        name: 'antrea-agent',
        image: 'projects.registry.vmware.com/tkg/antrea-advanced-debian:v1.11.1_vmware.4',
      },
    }),
    workerNames: names.slice(3),
  };
}

export function awsInfra(version: string): Infra {
  const rand = createRand('tanzu-kubernetes');
  const profile: NodeProfile = {
    provider: 'aws',
    kubeletVersion: version,
    osImage: 'Amazon Linux 2',
    kernelVersion: '5.10.215-203.850.amzn2.x86_64',
    containerRuntimeVersion: 'containerd://1.7.11',
    instanceType: 'm5.large',
    region: 'ap-southeast-1',
    zones: ['ap-southeast-1a'],
    cpu: 2,
    memory: 7.8 * GiB,
    maxPods: 110,
    labels: {
      'eks.amazonaws.com/capacityType': 'ON_DEMAND',
      'eks.amazonaws.com/nodegroup': 'default-node-pool',
    },
  };
  const ips = ['10.0.1.87', '10.0.1.142', '10.0.1.203', '10.0.1.36', '10.0.1.119'];
  const ids = [
    'i-0281d69ad61a43e7c',
    'i-0013c368bc887b8f8',
    'i-065956453c7ca27b6',
    'i-0d50c3bc101048811',
    'i-0e47fa9f2c67240e1',
  ];
  const nodes = ips.map((ip, i) => {
    const dns = `ip-${ip.replaceAll('.', '-')}.ap-southeast-1.compute.internal`;
    return buildNode(
      profile,
      {
        name: dns,
        index: i,
        controlPlane: i === 0,
        internalIP: ip,
        providerID: `aws:///ap-southeast-1a/${ids[i]}`,
        podCIDR: `192.168.${i}.0/24`,
        extraAddresses: [{ type: 'InternalDNS', address: dns }],
        createdAt: '2026-11-20T08:41:55Z',
      },
      rand,
    );
  });
  const cp = [{ name: nodes[0]?.metadata.name as string, ip: ips[0] as string }];
  return {
    nodes,
    system: kubeSystem({
      controlPlaneNodes: cp,
      coreDnsReplicas: 2,
      proxyImage: `registry.k8s.io/kube-proxy:${version}`,
      withProxy: true,
      version,
      cni: { name: 'calico-node', image: 'docker.io/calico/node:v3.27.3' },
    }),
    workerNames: nodes.slice(1).map((n) => n.metadata.name as string),
  };
}

export function azureInfra(version: string): Infra {
  const rand = createRand('aks-prod-eastus');
  const profile: NodeProfile = {
    provider: 'azure',
    kubeletVersion: version,
    osImage: 'Ubuntu 22.04.4 LTS',
    kernelVersion: '5.15.0-1064-azure',
    containerRuntimeVersion: 'containerd://1.7.15-1',
    instanceType: 'Standard_D4s_v3',
    region: 'eastus',
    zones: ['eastus-1', 'eastus-2', 'eastus-3'],
    cpu: 4,
    memory: 16 * GiB,
    maxPods: 110,
    labels: {
      agentpool: 'nodepool1',
      'kubernetes.azure.com/agentpool': 'nodepool1',
      'kubernetes.azure.com/cluster': 'MC_flotilla-rg_aks-prod-eastus_eastus',
      'kubernetes.azure.com/os-sku': 'Ubuntu',
      'kubernetes.azure.com/mode': 'system',
    },
  };
  // The fifth node's kubelet has stopped reporting (a deliberate problem: NotReady, unreachable).
  const nodes = [0, 1, 2, 3, 4].map((i) => {
    const name = `aks-nodepool1-31718369-vmss00000${i}`;
    const node = buildNode(
      profile,
      {
        name,
        index: i,
        controlPlane: false,
        internalIP: `10.224.0.${4 + i}`,
        providerID: `azure:///subscriptions/5e1f0c3a-7d42-4b0e-9a6f-2c8d1e3b4a50/resourceGroups/mc_flotilla-rg_aks-prod-eastus_eastus/providers/Microsoft.Compute/virtualMachineScaleSets/aks-nodepool1-31718369-vmss/virtualMachines/${i}`,
        podCIDR: `10.244.${i}.0/24`,
        createdAt: i === 4 ? '2026-11-30T09:12:44Z' : '2026-10-02T17:05:31Z',
      },
      rand,
    );
    if (i === 4)
      node.metadata.annotations = { ...node.metadata.annotations, 'sim.flotilla.dev/node-down': 'true' };
    return node;
  });
  return {
    nodes,
    system: kubeSystem({
      controlPlaneNodes: [],
      coreDnsReplicas: 2,
      proxyImage: `mcr.microsoft.com/oss/kubernetes/kube-proxy:${version}`,
      withProxy: true,
      version,
      cni: { name: 'azure-cns', image: 'mcr.microsoft.com/containernetworking/azure-cns:v1.5.23' },
    }),
    workerNames: nodes.map((n) => n.metadata.name as string),
  };
}
