import { describe, expect, it } from 'vitest';
import { detectProvider, type NodeFacts } from './provider';

const node = (over: Partial<NodeFacts>): NodeFacts => ({ name: 'n1', labels: {}, ...over });

describe('detectProvider', () => {
  it.each<[string, NodeFacts, string]>([
    ['EKS providerID', node({ providerID: 'aws:///eu-west-1a/i-0abc' }), 'aws'],
    [
      'AKS providerID',
      node({
        providerID: 'azure:///subscriptions/x/resourceGroups/y/providers/Microsoft.Compute/virtualMachines/z',
      }),
      'azure',
    ],
    ['GKE providerID', node({ providerID: 'gce://my-project/europe-west1-b/gke-node-1' }), 'gcp'],
    ['vSphere providerID', node({ providerID: 'vsphere://4212a3c5-1111-2222-3333-444455556666' }), 'vsphere'],
    ['OpenStack', node({ providerID: 'openstack:///8f2b7c1e' }), 'openstack'],
    ['DigitalOcean', node({ providerID: 'digitalocean://123456' }), 'digitalocean'],
    ['Hetzner', node({ providerID: 'hcloud://998877' }), 'hetzner'],
    ['Oracle', node({ providerID: 'oci://ocid1.instance.oc1' }), 'oracle'],
    ['Alibaba', node({ providerID: 'alicloud://cn-hangzhou.i-bp1' }), 'alibaba'],
    [
      'kind',
      node({ name: 'kind-control-plane', providerID: 'kind://docker/kind/kind-control-plane' }),
      'kind',
    ],
    ['k3s providerID', node({ providerID: 'k3s://server-1' }), 'k3s'],
    ['k3s instance type', node({ labels: { 'node.kubernetes.io/instance-type': 'k3s' } }), 'k3s'],
    [
      'minikube label',
      node({ name: 'minikube', labels: { 'minikube.k8s.io/name': 'minikube' } }),
      'minikube',
    ],
    ['docker-desktop', node({ name: 'docker-desktop' }), 'docker-desktop'],
    [
      'OpenShift on AWS',
      node({ providerID: 'aws:///us-east-1a/i-1', labels: { 'node.openshift.io/os_id': 'rhcos' } }),
      'openshift',
    ],
    ['GKE label only', node({ labels: { 'cloud.google.com/gke-nodepool': 'default-pool' } }), 'gcp'],
    ['EKS label only', node({ labels: { 'eks.amazonaws.com/nodegroup': 'ng-1' } }), 'aws'],
    [
      'TKG label',
      node({ labels: { 'run.tanzu.vmware.com/kubernetesDistributionVersion': 'v1.17.3---vmware.2' } }),
      'vsphere',
    ],
    ['rke2 kubelet', node({ kubeletVersion: 'v1.28.5+rke2r1' }), 'rke'],
    ['RHCOS image', node({ osImage: 'Red Hat Enterprise Linux CoreOS 414.92' }), 'openshift'],
    ['nothing known', node({ name: 'worker-1' }), 'unknown'],
  ])('%s', (_title, n, expected) => {
    expect(detectProvider([n]).provider).toBe(expected);
  });

  it('falls back to the server version', () => {
    expect(detectProvider([], 'v1.29.1-eks-508b6b3').provider).toBe('aws');
    expect(detectProvider([], 'v1.27.8-gke.1067004').provider).toBe('gcp');
    expect(detectProvider([], 'v1.17.3+vmware.2').provider).toBe('vsphere');
    expect(detectProvider([], 'v1.30.0').provider).toBe('unknown');
  });

  it('takes the majority and the most common region', () => {
    const g = detectProvider([
      node({ providerID: 'aws:///a/1', labels: { 'topology.kubernetes.io/region': 'eu-west-1' } }),
      node({ providerID: 'aws:///a/2', labels: { 'topology.kubernetes.io/region': 'eu-west-1' } }),
      node({ labels: { 'failure-domain.beta.kubernetes.io/region': 'us-east-1' } }),
    ]);
    expect(g).toEqual({ provider: 'aws', region: 'eu-west-1' });
  });
});
