/** The resources the controllers read and write. */
export const GVR = {
  pods: 'v1/pods',
  nodes: 'v1/nodes',
  namespaces: 'v1/namespaces',
  services: 'v1/services',
  endpoints: 'v1/endpoints',
  events: 'v1/events',
  serviceAccounts: 'v1/serviceaccounts',
  pvcs: 'v1/persistentvolumeclaims',
  pvs: 'v1/persistentvolumes',
  replicationControllers: 'v1/replicationcontrollers',
  deployments: 'apps/v1/deployments',
  replicaSets: 'apps/v1/replicasets',
  statefulSets: 'apps/v1/statefulsets',
  daemonSets: 'apps/v1/daemonsets',
  controllerRevisions: 'apps/v1/controllerrevisions',
  jobs: 'batch/v1/jobs',
  cronJobs: 'batch/v1/cronjobs',
  endpointSlices: 'discovery.k8s.io/v1/endpointslices',
  pdbs: 'policy/v1/poddisruptionbudgets',
  hpas: 'autoscaling/v2/horizontalpodautoscalers',
  nodeMetrics: 'metrics.k8s.io/v1beta1/nodes',
  podMetrics: 'metrics.k8s.io/v1beta1/pods',
} as const;

export type WatchedGvr = (typeof GVR)[keyof typeof GVR];

/** 'ns/name', or 'name' for cluster-scoped objects. */
export const keyOf = (namespace: string | undefined, name: string): string =>
  namespace ? `${namespace}/${name}` : name;

export function splitKey(key: string): { namespace: string | undefined; name: string } {
  const i = key.indexOf('/');
  return i < 0 ? { namespace: undefined, name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}
