/** Test helpers: a small fixture cluster spec and a raw HTTPS client for a started sim. */
import { request } from 'node:https';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { ClusterSpec } from '../fleet/types';
import type { KObject } from '../store/api';

const node = (name: string): KObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels: { 'kubernetes.io/hostname': name, 'node-role.kubernetes.io/worker': '' } },
  spec: { podCIDR: '10.244.0.0/24' },
  status: {
    capacity: { cpu: '4', memory: '16Gi', pods: '110' },
    allocatable: { cpu: '4', memory: '16Gi', pods: '110' },
    conditions: [
      { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
    ],
    addresses: [{ type: 'InternalIP', address: '10.0.0.10' }],
    nodeInfo: {
      kubeletVersion: 'v1.29.4',
      osImage: 'Ubuntu 22.04.4 LTS',
      kernelVersion: '5.15.0',
      containerRuntimeVersion: 'containerd://1.7.16',
    },
  },
});

export function fixtureSpec(name = 'fixture', kubernetesVersion = 'v1.29.4'): ClusterSpec {
  return {
    name,
    kubernetesVersion,
    provider: 'generic',
    seed: [
      node(`${name}-node-1`),
      node(`${name}-node-2`),
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'demo' } },
    ],
  };
}

export interface RawReply {
  status: number;
  body: string;
  json(): Record<string, unknown>;
}

/** A request with the kubeconfig context's CA and token (or `token` when given). */
export function raw(
  kubeconfigPath: string,
  method: string,
  path: string,
  opts: {
    body?: string;
    contentType?: string;
    token?: string;
    context?: string;
    accept?: string;
    timeoutMs?: number;
  } = {},
): Promise<RawReply> {
  const kc = parse(readFileSync(kubeconfigPath, 'utf8')) as {
    'current-context': string;
    contexts: Array<{ name: string; context: { cluster: string; user: string } }>;
    clusters: Array<{ name: string; cluster: { server: string; 'certificate-authority-data': string } }>;
    users: Array<{ name: string; user: { token?: string } }>;
  };
  const ctx = kc.contexts.find((c) => c.name === (opts.context ?? kc['current-context']));
  const cluster = kc.clusters.find((c) => c.name === ctx?.context.cluster);
  const user = kc.users.find((u) => u.name === ctx?.context.user);
  if (!ctx || !cluster)
    throw new Error(`fixture: no context ${opts.context ?? kc['current-context']} in ${kubeconfigPath}`);
  const url = new URL(path, cluster.cluster.server);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        ca: Buffer.from(cluster.cluster['certificate-authority-data'], 'base64').toString('utf8'),
        headers: {
          ...(opts.token !== '' ? { Authorization: `Bearer ${opts.token ?? user?.user.token ?? ''}` } : {}),
          ...(opts.body !== undefined ? { 'Content-Type': opts.contentType ?? 'application/json' } : {}),
          Accept: opts.accept ?? 'application/json',
        },
        timeout: opts.timeoutMs ?? 10_000,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            body,
            json: () => JSON.parse(body) as Record<string, unknown>,
          });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`fixture: ${method} ${path} timed out`)));
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}
