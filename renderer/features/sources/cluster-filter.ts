/**
 * A page's cluster filter across data sources. A cluster's id is local to its source (the live
 * fleet's ids are its own; a snapshot's cluster is known by its name), so the filter keeps the
 * cluster's name too and is carried to the cluster of the same name when the source changes.
 */

export interface ClusterChoice {
  id: string;
  name: string;
}

/** '' for "all clusters"; `name` once the cluster is known. */
export interface ClusterFilter {
  id: string;
  name?: string;
}

/**
 * The filter against the clusters the current source has: kept when its id is one of them, moved to
 * the cluster of the same name when not (a live id on a snapshot, and back; a name given where an id
 * was expected), and cleared when the source has no such cluster.
 */
export function carryClusterFilter(filter: ClusterFilter, clusters: readonly ClusterChoice[]): ClusterFilter {
  if (filter.id === '') return { id: '' };
  const hit =
    clusters.find((c) => c.id === filter.id) ?? clusters.find((c) => c.name === (filter.name ?? filter.id));
  return hit ? { id: hit.id, name: hit.name } : { id: '' };
}
