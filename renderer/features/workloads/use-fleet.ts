import { useEffect, useMemo, useRef, useState } from 'react';
import type { CallOutput } from '../../../shared/contract';
import { call, useEvent } from '../../lib/call';
import type { ClusterChoice } from '../sources/cluster-filter';
import { sourceArg } from '../sources/source-arg';

type ClusterItem = CallOutput<'clusters.list'>['items'][number];

/** The groups the clusters are in, by name (a snapshot knows a group by its name, live by its id). */
export function groupsOf(clusters: readonly ClusterItem[]): ClusterChoice[] {
  const byId = new Map(clusters.map((c) => [c.groupId, c.groupName]));
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Clusters of the data source, for the pickers and for showing cluster names (ids → names), and
 * the groups they are in (a group without clusters filters to nothing, so it is not offered).
 */
export function useFleet(source = 'live'): { clusters: ClusterItem[]; groups: ClusterChoice[] } {
  const [clusters, setClusters] = useState<ClusterItem[]>([]);
  const latest = useRef(0);
  const load = () => {
    const asked = ++latest.current;
    call('clusters.list', { limit: 1000, ...sourceArg(source) }).then(
      // an answer for a source no longer shown is dropped
      (p) => asked === latest.current && setClusters(p.items),
      () => undefined,
    );
  };
  useEffect(load, [source]);
  useEvent('clusters.changed', load);
  const groups = useMemo(() => groupsOf(clusters), [clusters]);
  return { clusters, groups };
}
