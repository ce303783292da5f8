import { kindByName, listHref, podHref } from '../../../shared/workloads/kinds';

/** What a search result needs to be opened. */
export interface SearchHit {
  cluster: string;
  kind: string;
  namespace: string;
  name: string;
  ownerKind?: string | null;
  ownerName?: string | null;
}

export interface SearchTarget {
  href: string;
  /** Where Enter goes, for the result's hint: "pod page", "Deployments", "cluster overview" … */
  label: string;
}

const overview = (cluster: string): SearchTarget => ({
  href: `#/clusters/${encodeURIComponent(cluster)}`,
  label: 'cluster overview',
});

/**
 * The best page that exists for an object: a pod's own page; a workload's list filtered to it; a
 * ReplicaSet's Deployment (or its pods); other namespaced objects the pods of their namespace;
 * Nodes, Namespaces and other cluster-scoped objects their cluster's overview.
 */
export function searchTarget(hit: SearchHit): SearchTarget {
  const { cluster, kind, namespace, name } = hit;
  if (kind === 'Pod') return { href: podHref(cluster, namespace, name), label: 'pod page' };
  const workload = kindByName(kind);
  if (workload) {
    return { href: listHref(workload.slug, { cluster, namespace, text: name }), label: workload.label };
  }
  if (kind === 'ReplicaSet') {
    if (hit.ownerKind === 'Deployment' && hit.ownerName) {
      return {
        href: listHref('deployments', { cluster, namespace, text: hit.ownerName }),
        label: `Deployment ${hit.ownerName}`,
      };
    }
    return { href: listHref('pods', { cluster, namespace, owner: `ReplicaSet/${name}` }), label: 'its pods' };
  }
  if (namespace) return { href: listHref('pods', { cluster, namespace }), label: 'pods in namespace' };
  return overview(cluster);
}
