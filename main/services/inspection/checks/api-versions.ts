/**
 * Deprecated and removed API versions (Kubernetes' deprecation guide): group/version + kind → the minor
 * version where it was deprecated and where it stops being served, with the replacement to use.
 */
export interface ApiDeprecation {
  apiVersion: string;
  kinds: string[];
  deprecatedIn: number;
  removedIn: number;
  replacement: string;
}

const d = (
  apiVersion: string,
  kinds: string[],
  deprecatedIn: number,
  removedIn: number,
  replacement: string,
): ApiDeprecation => ({
  apiVersion,
  kinds,
  deprecatedIn,
  removedIn,
  replacement,
});

export const apiDeprecations: ApiDeprecation[] = [
  d('extensions/v1beta1', ['Deployment', 'DaemonSet', 'ReplicaSet'], 9, 16, 'apps/v1'),
  d('extensions/v1beta1', ['NetworkPolicy'], 9, 16, 'networking.k8s.io/v1'),
  d('extensions/v1beta1', ['PodSecurityPolicy'], 10, 16, 'policy/v1beta1 (itself removed in 1.25)'),
  d('extensions/v1beta1', ['Ingress'], 14, 22, 'networking.k8s.io/v1'),
  d(
    'apps/v1beta1',
    ['Deployment', 'StatefulSet', 'ReplicaSet', 'DaemonSet', 'ControllerRevision'],
    9,
    16,
    'apps/v1',
  ),
  d(
    'apps/v1beta2',
    ['Deployment', 'StatefulSet', 'ReplicaSet', 'DaemonSet', 'ControllerRevision'],
    9,
    16,
    'apps/v1',
  ),
  d('networking.k8s.io/v1beta1', ['Ingress', 'IngressClass'], 19, 22, 'networking.k8s.io/v1'),
  d(
    'rbac.authorization.k8s.io/v1alpha1',
    ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'],
    17,
    22,
    'rbac.authorization.k8s.io/v1',
  ),
  d(
    'rbac.authorization.k8s.io/v1beta1',
    ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'],
    17,
    22,
    'rbac.authorization.k8s.io/v1',
  ),
  d('apiextensions.k8s.io/v1beta1', ['CustomResourceDefinition'], 16, 22, 'apiextensions.k8s.io/v1'),
  d(
    'admissionregistration.k8s.io/v1beta1',
    ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
    16,
    22,
    'admissionregistration.k8s.io/v1',
  ),
  d('apiregistration.k8s.io/v1beta1', ['APIService'], 19, 22, 'apiregistration.k8s.io/v1'),
  d('authentication.k8s.io/v1beta1', ['TokenReview'], 19, 22, 'authentication.k8s.io/v1'),
  d(
    'authorization.k8s.io/v1beta1',
    ['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview'],
    19,
    22,
    'authorization.k8s.io/v1',
  ),
  d('certificates.k8s.io/v1beta1', ['CertificateSigningRequest'], 19, 22, 'certificates.k8s.io/v1'),
  d('coordination.k8s.io/v1beta1', ['Lease'], 19, 22, 'coordination.k8s.io/v1'),
  d('scheduling.k8s.io/v1alpha1', ['PriorityClass'], 14, 17, 'scheduling.k8s.io/v1'),
  d('scheduling.k8s.io/v1beta1', ['PriorityClass'], 14, 22, 'scheduling.k8s.io/v1'),
  d(
    'storage.k8s.io/v1beta1',
    ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'],
    19,
    22,
    'storage.k8s.io/v1',
  ),
  d('storage.k8s.io/v1beta1', ['CSIStorageCapacity'], 24, 27, 'storage.k8s.io/v1'),
  d('batch/v1beta1', ['CronJob'], 21, 25, 'batch/v1'),
  d('batch/v2alpha1', ['CronJob'], 8, 21, 'batch/v1'),
  d('discovery.k8s.io/v1beta1', ['EndpointSlice'], 21, 25, 'discovery.k8s.io/v1'),
  d('events.k8s.io/v1beta1', ['Event'], 19, 25, 'events.k8s.io/v1'),
  d('autoscaling/v2beta1', ['HorizontalPodAutoscaler'], 22, 25, 'autoscaling/v2'),
  d('autoscaling/v2beta2', ['HorizontalPodAutoscaler'], 23, 26, 'autoscaling/v2'),
  d('policy/v1beta1', ['PodDisruptionBudget'], 21, 25, 'policy/v1'),
  d('policy/v1beta1', ['PodSecurityPolicy'], 21, 25, 'Pod Security Admission'),
  d('node.k8s.io/v1beta1', ['RuntimeClass'], 20, 25, 'node.k8s.io/v1'),
  d(
    'flowcontrol.apiserver.k8s.io/v1beta1',
    ['FlowSchema', 'PriorityLevelConfiguration'],
    23,
    26,
    'flowcontrol.apiserver.k8s.io/v1',
  ),
  d(
    'flowcontrol.apiserver.k8s.io/v1beta2',
    ['FlowSchema', 'PriorityLevelConfiguration'],
    26,
    29,
    'flowcontrol.apiserver.k8s.io/v1',
  ),
  d(
    'flowcontrol.apiserver.k8s.io/v1beta3',
    ['FlowSchema', 'PriorityLevelConfiguration'],
    29,
    32,
    'flowcontrol.apiserver.k8s.io/v1',
  ),
];

const index = new Map<string, ApiDeprecation>();
for (const e of apiDeprecations) for (const k of e.kinds) index.set(`${e.apiVersion}\t${k}`, e);

export function deprecationOf(apiVersion: string, kind: string): ApiDeprecation | undefined {
  return index.get(`${apiVersion}\t${kind}`);
}

export const deprecatedKinds = [...new Set(apiDeprecations.flatMap((e) => e.kinds))];

/**
 * End of maintenance per 1.x minor (kubernetes.io/releases: each minor is maintained about 14 months).
 * Versions newer than the table are treated as supported; older ones as past support.
 */
export const endOfLife: Record<number, string> = {
  25: '2023-10-28',
  26: '2024-02-28',
  27: '2024-06-28',
  28: '2024-10-28',
  29: '2025-02-28',
  30: '2025-06-28',
  31: '2025-10-28',
  32: '2026-02-28',
  33: '2026-06-28',
  34: '2026-10-27',
  35: '2027-02-28',
};

export function isPastSupport(minor: number, now: Date): boolean {
  const known = Object.keys(endOfLife).map(Number);
  if (minor < Math.min(...known)) return true;
  const eol = endOfLife[minor];
  return eol !== undefined && now.getTime() > Date.parse(`${eol}T23:59:59Z`);
}
