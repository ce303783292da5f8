import { useCallback, useEffect, useRef, useState } from 'react';
import { call, useEvent } from '../../lib/call';
import { carryClusterFilter, type ClusterChoice, type ClusterFilter } from './cluster-filter';
import { sourceArg } from './source-arg';

/**
 * The clusters of a data source for a page's cluster filter, and the filter itself, carried by name
 * when the source changes (see cluster-filter.ts): `cluster` is always an id of `source` or ''.
 */
export function useClusterFilter(
  source: string,
  initial: string,
): { clusters: ClusterChoice[]; cluster: string; setCluster(id: string): void } {
  const [clusters, setClusters] = useState<ClusterChoice[]>([]);
  const [filter, setFilter] = useState<ClusterFilter>({ id: initial });
  const latest = useRef(0);
  const reload = useCallback(() => {
    const asked = ++latest.current;
    call('clusters.list', { limit: 1000, ...sourceArg(source) }).then(
      (p) => {
        // an answer for a source no longer shown (switched meanwhile) is dropped
        if (asked !== latest.current) return;
        const list = p.items.map((c) => ({ id: c.id, name: c.name }));
        setClusters(list);
        setFilter((f) => carryClusterFilter(f, list));
      },
      () => undefined,
    );
  }, [source]);
  useEffect(reload, [reload]);
  useEvent('clusters.changed', reload);
  const setCluster = useCallback(
    (id: string) => setFilter({ id, name: clusters.find((c) => c.id === id)?.name }),
    [clusters],
  );
  return { clusters, cluster: filter.id, setCluster };
}
