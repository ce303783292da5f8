/** The default RBAC objects of a fresh cluster (a compact form of the real bootstrap policy). */
import type { KObject } from '../store/api';
import type { PolicyRule } from './rbac';

const RBAC = 'rbac.authorization.k8s.io/v1';
const BOOT = { 'kubernetes.io/bootstrapping': 'rbac-defaults' };

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];

const clusterRole = (name: string, rules: PolicyRule[], labels: Record<string, string> = {}): KObject => ({
  apiVersion: RBAC,
  kind: 'ClusterRole',
  metadata: {
    name,
    labels: { ...BOOT, ...labels },
    annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' },
  },
  rules,
});

export const clusterRoleBinding = (
  name: string,
  role: string,
  subjects: Array<{ kind: string; name: string; namespace?: string }>,
): KObject => ({
  apiVersion: RBAC,
  kind: 'ClusterRoleBinding',
  metadata: { name, labels: { ...BOOT } },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
  subjects: subjects.map((s) =>
    s.kind === 'ServiceAccount' ? s : { apiGroup: 'rbac.authorization.k8s.io', ...s },
  ),
});

const viewRules: PolicyRule[] = [
  {
    apiGroups: [''],
    resources: [
      'configmaps',
      'endpoints',
      'persistentvolumeclaims',
      'persistentvolumeclaims/status',
      'pods',
      'pods/log',
      'pods/status',
      'replicationcontrollers',
      'replicationcontrollers/scale',
      'replicationcontrollers/status',
      'serviceaccounts',
      'services',
      'services/status',
      'bindings',
      'events',
      'limitranges',
      'resourcequotas',
      'resourcequotas/status',
      'namespaces',
      'namespaces/status',
    ],
    verbs: READ,
  },
  {
    apiGroups: ['apps'],
    resources: [
      'controllerrevisions',
      'daemonsets',
      'daemonsets/status',
      'deployments',
      'deployments/scale',
      'deployments/status',
      'replicasets',
      'replicasets/scale',
      'replicasets/status',
      'statefulsets',
      'statefulsets/scale',
      'statefulsets/status',
    ],
    verbs: READ,
  },
  {
    apiGroups: ['autoscaling'],
    resources: ['horizontalpodautoscalers', 'horizontalpodautoscalers/status'],
    verbs: READ,
  },
  { apiGroups: ['batch'], resources: ['cronjobs', 'cronjobs/status', 'jobs', 'jobs/status'], verbs: READ },
  { apiGroups: ['policy'], resources: ['poddisruptionbudgets', 'poddisruptionbudgets/status'], verbs: READ },
  {
    apiGroups: ['networking.k8s.io'],
    resources: ['ingresses', 'ingresses/status', 'networkpolicies'],
    verbs: READ,
  },
  { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: READ },
  { apiGroups: ['events.k8s.io'], resources: ['events'], verbs: READ },
  { apiGroups: ['metrics.k8s.io'], resources: ['pods', 'nodes'], verbs: READ },
];

const editExtra: PolicyRule[] = [
  {
    apiGroups: [''],
    resources: [
      'pods',
      'pods/attach',
      'pods/exec',
      'pods/portforward',
      'pods/proxy',
      'pods/eviction',
      'configmaps',
      'endpoints',
      'persistentvolumeclaims',
      'replicationcontrollers',
      'replicationcontrollers/scale',
      'secrets',
      'serviceaccounts',
      'services',
      'services/proxy',
    ],
    verbs: [...READ, ...WRITE],
  },
  {
    apiGroups: ['apps'],
    resources: [
      'daemonsets',
      'deployments',
      'deployments/rollback',
      'deployments/scale',
      'replicasets',
      'replicasets/scale',
      'statefulsets',
      'statefulsets/scale',
    ],
    verbs: [...READ, ...WRITE],
  },
  { apiGroups: ['autoscaling'], resources: ['horizontalpodautoscalers'], verbs: [...READ, ...WRITE] },
  { apiGroups: ['batch'], resources: ['cronjobs', 'jobs'], verbs: [...READ, ...WRITE] },
  { apiGroups: ['policy'], resources: ['poddisruptionbudgets'], verbs: [...READ, ...WRITE] },
  {
    apiGroups: ['networking.k8s.io'],
    resources: ['ingresses', 'networkpolicies'],
    verbs: [...READ, ...WRITE],
  },
];

const adminExtra: PolicyRule[] = [
  {
    apiGroups: ['rbac.authorization.k8s.io'],
    resources: ['roles', 'rolebindings'],
    verbs: [...READ, ...WRITE],
  },
  { apiGroups: ['authorization.k8s.io'], resources: ['localsubjectaccessreviews'], verbs: ['create'] },
];

export function bootstrapRbac(): KObject[] {
  return [
    clusterRole('cluster-admin', [
      { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
      { nonResourceURLs: ['*'], verbs: ['*'] },
    ]),
    clusterRole('admin', [...viewRules, ...editExtra, ...adminExtra], {
      'kubernetes.io/bootstrapping': 'rbac-defaults',
    }),
    clusterRole('edit', [...viewRules, ...editExtra], {
      'rbac.authorization.k8s.io/aggregate-to-admin': 'true',
    }),
    clusterRole('view', viewRules, { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' }),
    clusterRole('system:basic-user', [
      {
        apiGroups: ['authorization.k8s.io'],
        resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
        verbs: ['create'],
      },
      { apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'], verbs: ['create'] },
    ]),
    clusterRole('system:discovery', [
      {
        nonResourceURLs: [
          '/api',
          '/api/*',
          '/apis',
          '/apis/*',
          '/healthz',
          '/livez',
          '/openapi',
          '/openapi/*',
          '/readyz',
          '/version',
          '/version/',
        ],
        verbs: ['get'],
      },
    ]),
    clusterRole('system:public-info-viewer', [
      { nonResourceURLs: ['/healthz', '/livez', '/readyz', '/version', '/version/'], verbs: ['get'] },
    ]),
    clusterRole('kube-sim:cluster-reader', [
      {
        apiGroups: [''],
        resources: ['nodes', 'nodes/status', 'namespaces', 'persistentvolumes', 'componentstatuses'],
        verbs: READ,
      },
      { apiGroups: ['storage.k8s.io'], resources: ['storageclasses', 'csidrivers'], verbs: READ },
      { apiGroups: ['networking.k8s.io'], resources: ['ingressclasses'], verbs: READ },
      { apiGroups: ['scheduling.k8s.io'], resources: ['priorityclasses'], verbs: READ },
      { apiGroups: ['apiextensions.k8s.io'], resources: ['customresourcedefinitions'], verbs: READ },
      {
        apiGroups: ['rbac.authorization.k8s.io'],
        resources: ['clusterroles', 'clusterrolebindings', 'roles', 'rolebindings'],
        verbs: READ,
      },
      { apiGroups: ['admissionregistration.k8s.io'], resources: ['*'], verbs: READ },
      { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: READ },
      { apiGroups: ['metrics.k8s.io'], resources: ['nodes', 'pods'], verbs: READ },
    ]),
    clusterRoleBinding('cluster-admin', 'cluster-admin', [{ kind: 'Group', name: 'system:masters' }]),
    clusterRoleBinding('system:basic-user', 'system:basic-user', [
      { kind: 'Group', name: 'system:authenticated' },
    ]),
    clusterRoleBinding('system:discovery', 'system:discovery', [
      { kind: 'Group', name: 'system:authenticated' },
    ]),
    clusterRoleBinding('system:public-info-viewer', 'system:public-info-viewer', [
      { kind: 'Group', name: 'system:authenticated' },
      { kind: 'Group', name: 'system:unauthenticated' },
    ]),
  ];
}
