/**
 * The kinds Flotilla caches for every attached cluster, in the order their lists start
 * (what the first screens need first). Secrets and ConfigMaps are listed and watched as
 * metadata only: their values are never requested.
 */
export interface ResourceKind {
  group: string;
  version: string;
  /** The plural resource name in the URL. */
  resource: string;
  kind: string;
  namespaced: boolean;
  /** Ask for PartialObjectMetadata (no spec, data or status). */
  metadataOnly?: boolean;
}

const k = (
  group: string,
  version: string,
  resource: string,
  kind: string,
  namespaced: boolean,
  metadataOnly = false,
): ResourceKind =>
  metadataOnly
    ? { group, version, resource, kind, namespaced, metadataOnly }
    : { group, version, resource, kind, namespaced };

export const DEFAULT_KINDS: readonly ResourceKind[] = [
  k('', 'v1', 'namespaces', 'Namespace', false),
  k('', 'v1', 'nodes', 'Node', false),
  k('', 'v1', 'pods', 'Pod', true),
  k('apps', 'v1', 'deployments', 'Deployment', true),
  k('apps', 'v1', 'statefulsets', 'StatefulSet', true),
  k('apps', 'v1', 'daemonsets', 'DaemonSet', true),
  k('apps', 'v1', 'replicasets', 'ReplicaSet', true),
  k('batch', 'v1', 'jobs', 'Job', true),
  k('batch', 'v1', 'cronjobs', 'CronJob', true),
  k('', 'v1', 'services', 'Service', true),
  k('', 'v1', 'events', 'Event', true),
  k('discovery.k8s.io', 'v1', 'endpointslices', 'EndpointSlice', true),
  k('', 'v1', 'configmaps', 'ConfigMap', true, true),
  k('', 'v1', 'secrets', 'Secret', true, true),
  k('networking.k8s.io', 'v1', 'ingresses', 'Ingress', true),
  k('networking.k8s.io', 'v1', 'networkpolicies', 'NetworkPolicy', true),
  k('rbac.authorization.k8s.io', 'v1', 'roles', 'Role', true),
  k('rbac.authorization.k8s.io', 'v1', 'rolebindings', 'RoleBinding', true),
  k('rbac.authorization.k8s.io', 'v1', 'clusterroles', 'ClusterRole', false),
  k('rbac.authorization.k8s.io', 'v1', 'clusterrolebindings', 'ClusterRoleBinding', false),
  k('', 'v1', 'serviceaccounts', 'ServiceAccount', true),
  k('', 'v1', 'resourcequotas', 'ResourceQuota', true),
  k('', 'v1', 'limitranges', 'LimitRange', true),
  k('', 'v1', 'persistentvolumeclaims', 'PersistentVolumeClaim', true),
  k('', 'v1', 'persistentvolumes', 'PersistentVolume', false),
  k('autoscaling', 'v2', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', true),
  k('policy', 'v1', 'poddisruptionbudgets', 'PodDisruptionBudget', true),
  k('storage.k8s.io', 'v1', 'storageclasses', 'StorageClass', false),
  k('apiextensions.k8s.io', 'v1', 'customresourcedefinitions', 'CustomResourceDefinition', false),
];

/** The collection URL of a kind across all namespaces: /api/v1/pods, /apis/apps/v1/deployments … */
export function collectionPath(r: ResourceKind): string {
  return r.group === '' ? `/api/${r.version}/${r.resource}` : `/apis/${r.group}/${r.version}/${r.resource}`;
}

/** A stable key for a kind: "apps/Deployment", "/Pod". */
export function kindKey(r: { group: string; kind: string }): string {
  return `${r.group}/${r.kind}`;
}

/**
 * The kind a CustomResourceDefinition serves, at its storage version (or the first served one);
 * undefined when the object is not a usable CRD.
 */
export function kindOfCrd(crd: unknown): ResourceKind | undefined {
  if (typeof crd !== 'object' || crd === null) return undefined;
  const spec = (crd as { spec?: unknown }).spec as
    | {
        group?: string;
        scope?: string;
        names?: { plural?: string; kind?: string };
        versions?: Array<{ name?: string; served?: boolean; storage?: boolean }>;
      }
    | undefined;
  if (!spec?.group || !spec.names?.plural || !spec.names.kind) return undefined;
  const versions = (spec.versions ?? []).filter((v) => v.served !== false && v.name);
  const version = (versions.find((v) => v.storage) ?? versions[0])?.name;
  if (!version) return undefined;
  return k(spec.group, version, spec.names.plural, spec.names.kind, spec.scope !== 'Cluster');
}
