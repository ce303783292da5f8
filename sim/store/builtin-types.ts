/**
 * The built-in resource types every simulated cluster serves, with the groups, versions,
 * kinds, short names, scope, verbs and categories a real v1.29–1.32 API server reports.
 */
import type { ResourceType } from './api';

const ALL = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const READ = ['get', 'list', 'watch'];

interface Row {
  gv: string;
  resource: string;
  kind: string;
  namespaced: boolean;
  short?: string[];
  cat?: string[];
  verbs?: string[];
  sub?: ResourceType['subresources'];
  singular?: string;
}

const ALLCAT = ['all'];

const rows: Row[] = [
  {
    gv: 'v1',
    resource: 'namespaces',
    kind: 'Namespace',
    namespaced: false,
    short: ['ns'],
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    sub: { status: true },
  },
  { gv: 'v1', resource: 'nodes', kind: 'Node', namespaced: false, short: ['no'], sub: { status: true } },
  {
    gv: 'v1',
    resource: 'pods',
    kind: 'Pod',
    namespaced: true,
    short: ['po'],
    cat: ALLCAT,
    sub: { status: true, log: true },
  },
  {
    gv: 'v1',
    resource: 'services',
    kind: 'Service',
    namespaced: true,
    short: ['svc'],
    cat: ALLCAT,
    sub: { status: true },
    verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  },
  {
    gv: 'v1',
    resource: 'endpoints',
    kind: 'Endpoints',
    namespaced: true,
    short: ['ep'],
    singular: 'endpoints',
  },
  { gv: 'v1', resource: 'configmaps', kind: 'ConfigMap', namespaced: true, short: ['cm'] },
  { gv: 'v1', resource: 'secrets', kind: 'Secret', namespaced: true },
  { gv: 'v1', resource: 'serviceaccounts', kind: 'ServiceAccount', namespaced: true, short: ['sa'] },
  { gv: 'v1', resource: 'events', kind: 'Event', namespaced: true, short: ['ev'] },
  {
    gv: 'v1',
    resource: 'resourcequotas',
    kind: 'ResourceQuota',
    namespaced: true,
    short: ['quota'],
    sub: { status: true },
  },
  { gv: 'v1', resource: 'limitranges', kind: 'LimitRange', namespaced: true, short: ['limits'] },
  {
    gv: 'v1',
    resource: 'persistentvolumeclaims',
    kind: 'PersistentVolumeClaim',
    namespaced: true,
    short: ['pvc'],
    sub: { status: true },
  },
  {
    gv: 'v1',
    resource: 'persistentvolumes',
    kind: 'PersistentVolume',
    namespaced: false,
    short: ['pv'],
    sub: { status: true },
  },
  {
    gv: 'v1',
    resource: 'replicationcontrollers',
    kind: 'ReplicationController',
    namespaced: true,
    short: ['rc'],
    cat: ALLCAT,
    sub: { status: true, scale: true },
  },
  {
    gv: 'apps/v1',
    resource: 'deployments',
    kind: 'Deployment',
    namespaced: true,
    short: ['deploy'],
    cat: ALLCAT,
    sub: { status: true, scale: true },
  },
  {
    gv: 'apps/v1',
    resource: 'replicasets',
    kind: 'ReplicaSet',
    namespaced: true,
    short: ['rs'],
    cat: ALLCAT,
    sub: { status: true, scale: true },
  },
  {
    gv: 'apps/v1',
    resource: 'statefulsets',
    kind: 'StatefulSet',
    namespaced: true,
    short: ['sts'],
    cat: ALLCAT,
    sub: { status: true, scale: true },
  },
  {
    gv: 'apps/v1',
    resource: 'daemonsets',
    kind: 'DaemonSet',
    namespaced: true,
    short: ['ds'],
    cat: ALLCAT,
    sub: { status: true },
  },
  { gv: 'apps/v1', resource: 'controllerrevisions', kind: 'ControllerRevision', namespaced: true },
  { gv: 'batch/v1', resource: 'jobs', kind: 'Job', namespaced: true, cat: ALLCAT, sub: { status: true } },
  {
    gv: 'batch/v1',
    resource: 'cronjobs',
    kind: 'CronJob',
    namespaced: true,
    short: ['cj'],
    cat: ALLCAT,
    sub: { status: true },
  },
  {
    gv: 'autoscaling/v2',
    resource: 'horizontalpodautoscalers',
    kind: 'HorizontalPodAutoscaler',
    namespaced: true,
    short: ['hpa'],
    cat: ALLCAT,
    sub: { status: true },
  },
  {
    gv: 'policy/v1',
    resource: 'poddisruptionbudgets',
    kind: 'PodDisruptionBudget',
    namespaced: true,
    short: ['pdb'],
    sub: { status: true },
  },
  {
    gv: 'networking.k8s.io/v1',
    resource: 'ingresses',
    kind: 'Ingress',
    namespaced: true,
    short: ['ing'],
    sub: { status: true },
  },
  { gv: 'networking.k8s.io/v1', resource: 'ingressclasses', kind: 'IngressClass', namespaced: false },
  {
    gv: 'networking.k8s.io/v1',
    resource: 'networkpolicies',
    kind: 'NetworkPolicy',
    namespaced: true,
    short: ['netpol'],
  },
  { gv: 'discovery.k8s.io/v1', resource: 'endpointslices', kind: 'EndpointSlice', namespaced: true },
  { gv: 'rbac.authorization.k8s.io/v1', resource: 'roles', kind: 'Role', namespaced: true },
  { gv: 'rbac.authorization.k8s.io/v1', resource: 'rolebindings', kind: 'RoleBinding', namespaced: true },
  { gv: 'rbac.authorization.k8s.io/v1', resource: 'clusterroles', kind: 'ClusterRole', namespaced: false },
  {
    gv: 'rbac.authorization.k8s.io/v1',
    resource: 'clusterrolebindings',
    kind: 'ClusterRoleBinding',
    namespaced: false,
  },
  {
    gv: 'storage.k8s.io/v1',
    resource: 'storageclasses',
    kind: 'StorageClass',
    namespaced: false,
    short: ['sc'],
  },
  { gv: 'storage.k8s.io/v1', resource: 'csidrivers', kind: 'CSIDriver', namespaced: false },
  { gv: 'coordination.k8s.io/v1', resource: 'leases', kind: 'Lease', namespaced: true },
  {
    gv: 'scheduling.k8s.io/v1',
    resource: 'priorityclasses',
    kind: 'PriorityClass',
    namespaced: false,
    short: ['pc'],
  },
  {
    gv: 'apiextensions.k8s.io/v1',
    resource: 'customresourcedefinitions',
    kind: 'CustomResourceDefinition',
    namespaced: false,
    short: ['crd', 'crds'],
    cat: ['api-extensions'],
    sub: { status: true },
  },
  {
    gv: 'admissionregistration.k8s.io/v1',
    resource: 'validatingadmissionpolicies',
    kind: 'ValidatingAdmissionPolicy',
    namespaced: false,
    cat: ['api-extensions'],
    sub: { status: true },
  },
  {
    gv: 'admissionregistration.k8s.io/v1',
    resource: 'validatingadmissionpolicybindings',
    kind: 'ValidatingAdmissionPolicyBinding',
    namespaced: false,
    cat: ['api-extensions'],
  },
  {
    gv: 'admissionregistration.k8s.io/v1',
    resource: 'validatingwebhookconfigurations',
    kind: 'ValidatingWebhookConfiguration',
    namespaced: false,
    cat: ['api-extensions'],
  },
  {
    gv: 'admissionregistration.k8s.io/v1',
    resource: 'mutatingwebhookconfigurations',
    kind: 'MutatingWebhookConfiguration',
    namespaced: false,
    cat: ['api-extensions'],
  },
  {
    gv: 'authorization.k8s.io/v1',
    resource: 'selfsubjectaccessreviews',
    kind: 'SelfSubjectAccessReview',
    namespaced: false,
    verbs: ['create'],
  },
  {
    gv: 'authorization.k8s.io/v1',
    resource: 'selfsubjectrulesreviews',
    kind: 'SelfSubjectRulesReview',
    namespaced: false,
    verbs: ['create'],
  },
  {
    gv: 'authorization.k8s.io/v1',
    resource: 'subjectaccessreviews',
    kind: 'SubjectAccessReview',
    namespaced: false,
    verbs: ['create'],
  },
  {
    gv: 'authentication.k8s.io/v1',
    resource: 'selfsubjectreviews',
    kind: 'SelfSubjectReview',
    namespaced: false,
    verbs: ['create'],
  },
  {
    gv: 'authentication.k8s.io/v1',
    resource: 'tokenreviews',
    kind: 'TokenReview',
    namespaced: false,
    verbs: ['create'],
  },
  {
    gv: 'metrics.k8s.io/v1beta1',
    resource: 'nodes',
    kind: 'NodeMetrics',
    namespaced: false,
    verbs: ['get', 'list'],
  },
  {
    gv: 'metrics.k8s.io/v1beta1',
    resource: 'pods',
    kind: 'PodMetrics',
    namespaced: true,
    verbs: ['get', 'list'],
  },
];

function singularOf(resource: string): string {
  if (resource.endsWith('ies')) return resource.slice(0, -3) + 'y';
  if (resource.endsWith('sses')) return resource.slice(0, -2);
  if (resource.endsWith('s')) return resource.slice(0, -1);
  return resource;
}

export function builtinTypes(): ResourceType[] {
  return rows.map((r) => {
    const [group, version] = r.gv.includes('/') ? r.gv.split('/') : ['', r.gv];
    return {
      group,
      version,
      resource: r.resource,
      singular: r.singular ?? singularOf(r.resource),
      kind: r.kind,
      listKind: `${r.kind}List`,
      namespaced: r.namespaced,
      shortNames: r.short,
      categories: r.cat,
      verbs: r.verbs ?? ALL,
      subresources: r.sub,
    };
  });
}

/** Resources served read-only to everyone (no write verbs even for cluster-admin). */
export const READ_ONLY_VERBS = READ;
