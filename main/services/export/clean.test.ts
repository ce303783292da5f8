import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../shared/objects/types';
import { cleanForExport, cleanObject, exclusionReason } from './clean';
import { renderExport } from './render';

const server = {
  uid: 'u-1',
  resourceVersion: '42',
  creationTimestamp: '2026-01-01T00:00:00Z',
  generation: 3,
  selfLink: '/api/x',
  managedFields: [{ manager: 'kubectl' }],
};

describe('cleanObject', () => {
  const cases: Array<{ name: string; input: KubeObject; output: KubeObject }> = [
    {
      name: 'server metadata, status and last-applied removed; labels and user annotations kept',
      input: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: {
          name: 'web',
          namespace: 'shop',
          labels: { app: 'web' },
          annotations: {
            'kubectl.kubernetes.io/last-applied-configuration': '{}',
            'deployment.kubernetes.io/revision': '4',
            team: 'a',
          },
          ...server,
        },
        spec: {
          replicas: 2,
          template: {
            metadata: { creationTimestamp: null, labels: { app: 'web' } },
            spec: { containers: [] },
          },
        },
        status: { readyReplicas: 2 },
      },
      output: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' }, annotations: { team: 'a' } },
        spec: { replicas: 2, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [] } } },
      },
    },
    {
      name: 'Service: cluster IPs and single-stack families removed, node ports kept',
      input: {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'web', namespace: 'shop', ...server },
        spec: {
          type: 'NodePort',
          clusterIP: '10.96.0.12',
          clusterIPs: ['10.96.0.12'],
          ipFamilies: ['IPv4'],
          ipFamilyPolicy: 'SingleStack',
          ports: [{ port: 80, nodePort: 30080 }],
        },
        status: { loadBalancer: {} },
      },
      output: {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'web', namespace: 'shop' },
        spec: { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] },
      },
    },
    {
      name: 'headless Service keeps clusterIP None',
      input: {
        kind: 'Service',
        metadata: { name: 'db' },
        spec: { clusterIP: 'None', clusterIPs: ['None'], ports: [{ port: 5432 }] },
      },
      output: {
        kind: 'Service',
        metadata: { name: 'db' },
        spec: { clusterIP: 'None', ports: [{ port: 5432 }] },
      },
    },
    {
      name: 'PVC: bound volume and binding annotations removed',
      input: {
        kind: 'PersistentVolumeClaim',
        metadata: {
          name: 'data',
          annotations: {
            'pv.kubernetes.io/bind-completed': 'yes',
            'volume.kubernetes.io/selected-node': 'n1',
          },
        },
        spec: { volumeName: 'pvc-123', resources: { requests: { storage: '1Gi' } } },
        status: { phase: 'Bound' },
      },
      output: {
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'data' },
        spec: { resources: { requests: { storage: '1Gi' } } },
      },
    },
    {
      name: 'Namespace: finalizers spec and the automatic name label removed',
      input: {
        kind: 'Namespace',
        metadata: { name: 'shop', labels: { 'kubernetes.io/metadata.name': 'shop' }, ...server },
        spec: { finalizers: ['kubernetes'] },
        status: { phase: 'Active' },
      },
      output: { kind: 'Namespace', metadata: { name: 'shop' } },
    },
    {
      name: 'standalone Pod: node and injected token volume removed, own volumes kept',
      input: {
        kind: 'Pod',
        metadata: { name: 'p' },
        spec: {
          nodeName: 'n1',
          containers: [
            {
              name: 'c',
              volumeMounts: [
                { name: 'kube-api-access-x7k2p', mountPath: '/var/run/secrets' },
                { name: 'data', mountPath: '/data' },
              ],
            },
          ],
          volumes: [
            { name: 'kube-api-access-x7k2p', projected: { sources: [] } },
            { name: 'data', emptyDir: {} },
          ],
        },
      },
      output: {
        kind: 'Pod',
        metadata: { name: 'p' },
        spec: {
          containers: [{ name: 'c', volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
          volumes: [{ name: 'data', emptyDir: {} }],
        },
      },
    },
    {
      name: 'standalone Job: generated selector and labels removed',
      input: {
        kind: 'Job',
        metadata: { name: 'j', labels: { app: 'x' } },
        spec: {
          selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'abc' } },
          template: {
            metadata: {
              labels: {
                app: 'x',
                'batch.kubernetes.io/controller-uid': 'abc',
                'job-name': 'j',
                'controller-uid': 'abc',
              },
            },
            spec: { containers: [] },
          },
        },
      },
      output: {
        kind: 'Job',
        metadata: { name: 'j', labels: { app: 'x' } },
        spec: { template: { metadata: { labels: { app: 'x' } }, spec: { containers: [] } } },
      },
    },
    {
      name: 'StatefulSet: claim templates lose their status',
      input: {
        kind: 'StatefulSet',
        metadata: { name: 'db' },
        spec: {
          template: { spec: { containers: [] } },
          volumeClaimTemplates: [
            { metadata: { name: 'data', creationTimestamp: null }, spec: {}, status: { phase: 'Pending' } },
          ],
        },
      },
      output: {
        kind: 'StatefulSet',
        metadata: { name: 'db' },
        spec: {
          template: { spec: { containers: [] } },
          volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: {} }],
        },
      },
    },
  ];
  it.each(cases)('$name', ({ input, output }) => {
    const before = structuredClone(input);
    expect(cleanObject(input)).toEqual(output);
    expect(input).toEqual(before); // the input is never changed
  });
});

describe('exclusionReason', () => {
  const owned = {
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'u', controller: true }],
  };
  it.each<[string, KubeObject, RegExp | undefined]>([
    ['pod of a ReplicaSet', { kind: 'Pod', metadata: { name: 'p', ...owned } }, /controller ReplicaSet/],
    ['replica set of a Deployment', { kind: 'ReplicaSet', metadata: { name: 'r', ...owned } }, /controller/],
    ['event', { kind: 'Event', metadata: { name: 'e' } }, /events/],
    ['endpoint slice', { kind: 'EndpointSlice', metadata: { name: 's', ...owned } }, /controller/],
    ['root CA config map', { kind: 'ConfigMap', metadata: { name: 'kube-root-ca.crt' } }, /every namespace/],
    [
      'generated token secret',
      {
        kind: 'Secret',
        type: 'kubernetes.io/service-account-token',
        metadata: { name: 'default-token-x8d2k' },
      },
      /token/,
    ],
    [
      'plain default service account',
      { kind: 'ServiceAccount', metadata: { name: 'default' } },
      /every namespace/,
    ],
    ['standalone pod', { kind: 'Pod', metadata: { name: 'p' } }, undefined],
    [
      'default service account with pull secrets',
      { kind: 'ServiceAccount', metadata: { name: 'default' }, imagePullSecrets: [{ name: 'r' }] },
      undefined,
    ],
    [
      'a ConfigMap with an owner that is not a controller kind',
      { kind: 'ConfigMap', metadata: { name: 'c', ...owned } },
      undefined,
    ],
  ])('%s', (_name, o, reason) => {
    const got = exclusionReason(o);
    if (reason) expect(got).toMatch(reason);
    else expect(got).toBeUndefined();
  });

  it('leaves out Endpoints of exported Services only', () => {
    const res = cleanForExport([
      { kind: 'Service', metadata: { name: 'web', namespace: 'a' }, spec: {} },
      { kind: 'Endpoints', metadata: { name: 'web', namespace: 'a' } },
      { kind: 'Endpoints', metadata: { name: 'external-db', namespace: 'a' } },
    ]);
    expect(res.objects.map((o) => `${o.kind}/${o.metadata?.name}`)).toEqual([
      'Service/web',
      'Endpoints/external-db',
    ]);
    expect(res.excluded).toEqual([
      { kind: 'Endpoints', namespace: 'a', name: 'web', reason: expect.stringMatching(/Service/) },
    ]);
  });
});

describe('renderExport', () => {
  const items = [
    {
      cluster: 'c',
      object: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' } },
    },
    { cluster: 'c', object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } } },
    {
      cluster: 'c',
      object: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' } },
    },
    {
      cluster: 'c',
      object: {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: 'system:x' },
      },
    },
  ];
  it('one file in dependency order', () => {
    const [file] = renderExport(items, 'file');
    expect(file!.objects).toBe(4);
    expect(file!.text.split('---\n').map((d) => /kind: (\w+)/.exec(d)![1])).toEqual([
      'Namespace',
      'ClusterRole',
      'Service',
      'Deployment',
    ]);
  });
  it('a folder per namespace, files sorted in apply order, cluster-scoped apart', () => {
    expect(renderExport(items, 'folder').map((f) => f.path)).toEqual([
      'shop/00-namespace-shop.yaml',
      '_cluster/01-clusterrole-system_x.yaml',
      'shop/04-service-web.yaml',
      'shop/05-deployment-web.yaml',
    ]);
  });
  it('two objects of one kind name and name in different groups get two files', () => {
    const twins = [
      {
        cluster: 'c',
        object: { apiVersion: 'a.example/v1', kind: 'Backup', metadata: { name: 'x', namespace: 'n' } },
      },
      {
        cluster: 'c',
        object: { apiVersion: 'b.example/v1', kind: 'Backup', metadata: { name: 'x', namespace: 'n' } },
      },
    ];
    expect(renderExport(twins, 'folder').map((f) => f.path)).toEqual([
      'n/06-backup-x.yaml',
      'n/06-backup-x-2.yaml',
    ]);
  });
  it('a top folder per cluster when several are exported', () => {
    const two = [...items.slice(0, 1), { ...items[0]!, cluster: 'd' }];
    expect(renderExport(two, 'folder').map((f) => f.path)).toEqual([
      'c/shop/05-deployment-web.yaml',
      'd/shop/05-deployment-web.yaml',
    ]);
  });
});
