/** Writes the kubeconfig files for a running sim. */
import { stringify } from 'yaml';

export interface KubeconfigCluster {
  name: string;
  server: string;
  caPem: string;
  adminToken: string;
  viewerToken: string;
}

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

/**
 * One context per cluster (the admin token user), the viewer token users (usable with --user), and
 * one extra context, `<first>-cert`, that authenticates the first cluster with a client certificate.
 */
export function kubeconfigYaml(
  clusters: KubeconfigCluster[],
  cert?: { cluster: string; certPem: string; keyPem: string },
): string {
  const doc = {
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    'current-context': clusters[0]?.name ?? '',
    clusters: clusters.map((c) => ({
      name: c.name,
      cluster: { server: c.server, 'certificate-authority-data': b64(c.caPem) },
    })),
    users: [
      ...clusters.flatMap((c) => [
        { name: `${c.name}-admin`, user: { token: c.adminToken } },
        { name: `${c.name}-viewer`, user: { token: c.viewerToken } },
      ]),
      ...(cert
        ? [
            {
              name: `${cert.cluster}-cert`,
              user: { 'client-certificate-data': b64(cert.certPem), 'client-key-data': b64(cert.keyPem) },
            },
          ]
        : []),
    ],
    contexts: [
      ...clusters.map((c) => ({
        name: c.name,
        context: { cluster: c.name, user: `${c.name}-admin`, namespace: 'default' },
      })),
      ...(cert
        ? [
            {
              name: `${cert.cluster}-cert`,
              context: { cluster: cert.cluster, user: `${cert.cluster}-cert`, namespace: 'default' },
            },
          ]
        : []),
    ],
  };
  return stringify(doc);
}

/** The same clusters, each with a context for its read-only viewer. */
export function viewerKubeconfigYaml(clusters: KubeconfigCluster[]): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    'current-context': clusters[0]?.name ?? '',
    clusters: clusters.map((c) => ({
      name: c.name,
      cluster: { server: c.server, 'certificate-authority-data': b64(c.caPem) },
    })),
    users: clusters.map((c) => ({ name: `${c.name}-viewer`, user: { token: c.viewerToken } })),
    contexts: clusters.map((c) => ({
      name: c.name,
      context: { cluster: c.name, user: `${c.name}-viewer`, namespace: 'default' },
    })),
  });
}
