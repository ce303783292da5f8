/**
 * The order objects are applied in, so each one finds what it depends on: Namespaces and
 * CustomResourceDefinitions first, then cluster-wide configuration, the things pods mount or run
 * as, RBAC, Services, workloads, and everything else (custom resources, Ingresses, autoscalers…).
 */
import type { KubeObject } from '../../../shared/objects/types';

export const APPLY_RANKS: ReadonlyArray<{ name: string; kinds: readonly string[] }> = [
  { name: 'namespaces and CRDs', kinds: ['Namespace', 'CustomResourceDefinition'] },
  {
    name: 'cluster configuration',
    kinds: [
      'ClusterRole',
      'StorageClass',
      'PriorityClass',
      'IngressClass',
      'RuntimeClass',
      'PersistentVolume',
      'CSIDriver',
      'VolumeSnapshotClass',
      'ClusterIssuer',
    ],
  },
  {
    name: 'accounts, configuration and storage',
    kinds: ['ServiceAccount', 'ConfigMap', 'Secret', 'LimitRange', 'ResourceQuota', 'PersistentVolumeClaim'],
  },
  { name: 'RBAC', kinds: ['Role', 'RoleBinding', 'ClusterRoleBinding'] },
  { name: 'services', kinds: ['Service'] },
  {
    name: 'workloads',
    kinds: [
      'Deployment',
      'StatefulSet',
      'DaemonSet',
      'ReplicaSet',
      'ReplicationController',
      'Job',
      'CronJob',
      'Pod',
    ],
  },
];

const rankOfKind = new Map<string, number>();
APPLY_RANKS.forEach((r, i) => r.kinds.forEach((k) => rankOfKind.set(k, i)));
/** Everything else: Ingresses, autoscalers, PDBs, network policies, webhooks, custom resources. */
export const LAST_RANK = APPLY_RANKS.length;

export function applyRank(kind: string): number {
  return rankOfKind.get(kind) ?? LAST_RANK;
}

/** A stable sort by rank: objects of one rank keep the order they were given in. */
export function sortForApply<T extends { object: KubeObject }>(items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, i, rank: applyRank(String(item.object.kind ?? '')) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.item);
}

/** "group/Kind" of the kinds the given CRDs serve. */
export function kindsServedBy(crds: readonly KubeObject[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const crd of crds) {
    if (crd.kind !== 'CustomResourceDefinition') continue;
    const spec = (crd.spec ?? {}) as { group?: unknown; names?: { kind?: unknown } };
    if (typeof spec.group === 'string' && typeof spec.names?.kind === 'string') {
      out.set(`${spec.group}/${spec.names.kind}`, String(crd.metadata?.name ?? ''));
    }
  }
  return out;
}
