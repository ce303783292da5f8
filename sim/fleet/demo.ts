/** The demo fleet: three clusters on different providers and versions, running this project's sample apps. */
import { awsInfra, azureInfra, vsphereInfra } from './clusters';
import type { ClusterSpec } from './types';

export function demoFleet(): ClusterSpec[] {
  const tkg = vsphereInfra('v1.28.7+vmware.1');
  const aws = awsInfra('v1.27.13');
  const aks = azureInfra('v1.29.4');
  return [
    {
      name: 'tkg-01',
      kubernetesVersion: 'v1.28.7+vmware.1',
      provider: 'vsphere',
      seed: [...tkg.nodes, ...tkg.system],
    },
    {
      name: 'tanzu-kubernetes',
      kubernetesVersion: 'v1.27.13',
      provider: 'aws',
      seed: [...aws.nodes, ...aws.system],
    },
    {
      name: 'aks-prod-eastus',
      kubernetesVersion: 'v1.29.4',
      provider: 'azure',
      seed: [...aks.nodes, ...aks.system],
    },
  ];
}
