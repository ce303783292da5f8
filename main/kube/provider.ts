import type { Provider } from '../../shared/contract/fleet';

/** What provider detection looks at on a node. */
export interface NodeFacts {
  name: string;
  providerID?: string;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  kubeletVersion?: string;
  osImage?: string;
}

export interface ProviderGuess {
  provider: Provider;
  region?: string;
}

/** spec.providerID scheme → provider. */
const BY_SCHEME: Record<string, Provider> = {
  aws: 'aws',
  azure: 'azure',
  gce: 'gcp',
  vsphere: 'vsphere',
  openstack: 'openstack',
  digitalocean: 'digitalocean',
  linode: 'linode',
  ibm: 'ibm',
  alicloud: 'alibaba',
  oci: 'oracle',
  hcloud: 'hetzner',
  equinixmetal: 'equinix',
  packet: 'equinix',
  kind: 'kind',
  k3s: 'k3s',
  kubevirt: 'kubevirt',
};

/** Label (key prefix match) → provider, for nodes without a providerID. Order matters: distributions first. */
const BY_LABEL: Array<[string, Provider]> = [
  ['node.openshift.io/', 'openshift'],
  ['minikube.k8s.io/', 'minikube'],
  ['microk8s.io/', 'microk8s'],
  ['node.k0sproject.io/', 'k0s'],
  ['rke.cattle.io/', 'rke'],
  ['eks.amazonaws.com/', 'aws'],
  ['alpha.eksctl.io/', 'aws'],
  ['kubernetes.azure.com/', 'azure'],
  ['cloud.google.com/gke-', 'gcp'],
  ['run.tanzu.vmware.com/', 'vsphere'],
  ['doks.digitalocean.com/', 'digitalocean'],
  ['lke.linode.com/', 'linode'],
];

/** gitVersion / kubeletVersion markers. */
const BY_VERSION: Array<[RegExp, Provider]> = [
  [/\+k3s/, 'k3s'],
  [/\+rke2/, 'rke'],
  [/k0s/, 'k0s'],
  [/-eks-/, 'aws'],
  [/-gke\./, 'gcp'],
  [/\+vmware/, 'vsphere'],
  [/\+IKS/i, 'ibm'],
];

function fromNode(node: NodeFacts): Provider | undefined {
  // Distributions that run on a cloud still say so in the labels: prefer them only for local kinds.
  for (const [prefix, provider] of BY_LABEL.slice(0, 5)) {
    if (Object.keys(node.labels).some((k) => k.startsWith(prefix))) return provider;
  }
  const scheme = /^([a-z0-9]+):\/\//i.exec(node.providerID ?? '')?.[1]?.toLowerCase();
  if (scheme && BY_SCHEME[scheme]) return BY_SCHEME[scheme];
  for (const [prefix, provider] of BY_LABEL.slice(5)) {
    if (Object.keys(node.labels).some((k) => k.startsWith(prefix))) return provider;
  }
  if (node.labels['node.kubernetes.io/instance-type'] === 'k3s') return 'k3s';
  if (node.name === 'docker-desktop' || node.name === 'desktop-control-plane') return 'docker-desktop';
  if (node.name === 'minikube' || node.name.startsWith('minikube-m')) return 'minikube';
  for (const [re, provider] of BY_VERSION)
    if (node.kubeletVersion && re.test(node.kubeletVersion)) return provider;
  if (node.osImage && /Red Hat Enterprise Linux CoreOS|Fedora CoreOS/.test(node.osImage)) return 'openshift';
  return undefined;
}

/**
 * The provider of a cluster, decided by its nodes (providerID, labels, names) and, failing
 * that, its server version string; the region from the topology labels.
 */
export function detectProvider(nodes: readonly NodeFacts[], serverVersion?: string): ProviderGuess {
  const votes = new Map<Provider, number>();
  for (const node of nodes) {
    const p = fromNode(node);
    if (p) votes.set(p, (votes.get(p) ?? 0) + 1);
  }
  let provider: Provider = 'unknown';
  let best = 0;
  for (const [p, n] of votes) {
    if (n > best) {
      provider = p;
      best = n;
    }
  }
  if (provider === 'unknown' && serverVersion) {
    for (const [re, p] of BY_VERSION) {
      if (re.test(serverVersion)) {
        provider = p;
        break;
      }
    }
  }
  const regions = nodes
    .map(
      (n) =>
        n.labels['topology.kubernetes.io/region'] ?? n.labels['failure-domain.beta.kubernetes.io/region'],
    )
    .filter((r): r is string => !!r);
  return { provider, region: mostCommon(regions) };
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let out: string | undefined;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [out, n] = [v, c];
  return out;
}
