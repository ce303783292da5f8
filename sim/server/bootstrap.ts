/** What every fresh cluster has before any workload: types, namespaces, RBAC, the kubernetes service. */
import type { KObject } from '../store/api';
import { builtinTypes } from '../store/builtin-types';
import type { MemoryStore } from '../store/memory';
import { applyDefaults } from './defaults';
import { bootstrapRbac, clusterRoleBinding } from './bootstrap-rbac';
import { VERSION_ALIASES } from './versions';

export const ADMIN_USER = 'kube-sim-admin';
export const VIEWER_USER = 'kube-sim-viewer';
export const CERT_USER = 'kube-sim-cert-admin';

const gvrOfKind: Record<string, string> = {
  Namespace: 'v1/namespaces',
  Service: 'v1/services',
  Endpoints: 'v1/endpoints',
  ServiceAccount: 'v1/serviceaccounts',
  ConfigMap: 'v1/configmaps',
  ClusterRole: 'rbac.authorization.k8s.io/v1/clusterroles',
  ClusterRoleBinding: 'rbac.authorization.k8s.io/v1/clusterrolebindings',
  PriorityClass: 'scheduling.k8s.io/v1/priorityclasses',
};

const ns = (name: string): KObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });

function create(store: MemoryStore, o: KObject): void {
  const gvr = gvrOfKind[o.kind];
  applyDefaults(store, gvr, o);
  if (!store.peek(gvr, o.metadata.namespace, o.metadata.name ?? '')) store.create(gvr, o);
}

/** Keeps every namespace stocked with the kube-root-ca.crt config map (the controllers add the `default` service account). */
export function startNamespaceHooks(store: MemoryStore, caPem: string): () => void {
  const stock = (name: string): void => {
    const live = store.peek('v1/namespaces', undefined, name);
    if (!live || live.metadata.deletionTimestamp) return;
    if (!store.peek('v1/configmaps', name, 'kube-root-ca.crt'))
      store.create('v1/configmaps', {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {
          name: 'kube-root-ca.crt',
          namespace: name,
          annotations: {
            'kubernetes.io/description':
              'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.',
          },
        },
        data: { 'ca.crt': caPem },
      });
  };
  for (const { object } of [...store.scan('v1/namespaces')]) stock(object.metadata.name ?? '');
  // Namespace lifecycle, for writers that bypass the HTTP admission (controllers): an object that
  // appears in a namespace that no longer exists is removed, as the real server would have refused it.
  const sweep = (gvr: string, o: KObject): void => {
    const ns = o.metadata.namespace;
    if (!ns || store.peek('v1/namespaces', undefined, ns)) return;
    if (store.peek(gvr, ns, o.metadata.name ?? '')) store.delete(gvr, ns, o.metadata.name ?? '');
  };
  return store.subscribe((e) => {
    if (e.gvr === 'v1/namespaces' && e.type === 'ADDED')
      queueMicrotask(() => stock(e.object.metadata.name ?? ''));
    else if (e.type === 'ADDED' && e.object.metadata.namespace) queueMicrotask(() => sweep(e.gvr, e.object));
  });
}

export function bootstrapCluster(store: MemoryStore, port: number): void {
  for (const t of builtinTypes()) store.registerType(t);
  for (const a of VERSION_ALIASES) store.registerType(a.type);
  for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) create(store, ns(name));
  for (const o of bootstrapRbac()) create(store, o);
  create(store, clusterRoleBinding('kube-sim:admin', 'cluster-admin', [{ kind: 'User', name: ADMIN_USER }]));
  create(store, clusterRoleBinding('kube-sim:viewer', 'view', [{ kind: 'User', name: VIEWER_USER }]));
  create(
    store,
    clusterRoleBinding('kube-sim:viewer-cluster-reader', 'kube-sim:cluster-reader', [
      { kind: 'User', name: VIEWER_USER },
    ]),
  );
  for (const [name, value] of [
    ['system-cluster-critical', 2000000000],
    ['system-node-critical', 2000001000],
  ] as const)
    create(store, {
      apiVersion: 'scheduling.k8s.io/v1',
      kind: 'PriorityClass',
      metadata: { name },
      value,
      globalDefault: false,
      preemptionPolicy: 'PreemptLowerPriority',
      description:
        'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.',
    });
  create(store, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { component: 'apiserver', provider: 'kubernetes' },
    },
    spec: {
      clusterIP: '10.96.0.1',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
    },
  });
  create(store, {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' },
    },
    subsets: [{ addresses: [{ ip: '127.0.0.1' }], ports: [{ name: 'https', port, protocol: 'TCP' }] }],
  });
}
