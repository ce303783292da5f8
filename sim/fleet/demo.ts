/** The demo fleet: three clusters on different providers and versions, running this project's sample apps. */
import { blogApp, ingressClass, monitoringApp, storageClasses } from './apps-other';
import { shopApp } from './apps-shop';
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
      seed: [
        ...tkg.nodes,
        ...storageClasses('vsphere'),
        ingressClass('contour', 'projectcontour.io/ingress-controller'),
        ...tkg.system,
        ...monitoringApp(),
        ...shopApp({ ingressHost: 'shop.tkg-01.harbor-goods.example', ingressClass: 'contour' }),
      ],
    },
    {
      name: 'tanzu-kubernetes',
      kubernetesVersion: 'v1.27.13',
      provider: 'aws',
      seed: [
        ...aws.nodes,
        ...storageClasses('aws'),
        ingressClass('alb', 'ingress.k8s.aws/alb'),
        ...aws.system,
        ...blogApp(),
        ...shopApp({ ingressHost: 'shop.harbor-goods.example', ingressClass: 'alb' }),
      ],
    },
    {
      name: 'aks-prod-eastus',
      kubernetesVersion: 'v1.29.4',
      provider: 'azure',
      seed: [
        ...aks.nodes,
        ...storageClasses('azure'),
        ingressClass('webapprouting', 'k8s.io/ingress-nginx'),
        ...aks.system,
        ...monitoringApp(),
        ...blogApp(),
      ],
    },
  ];
}
