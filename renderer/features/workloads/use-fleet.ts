import { useEffect, useState } from 'react';
import type { CallOutput } from '../../../shared/contract';
import { call, useEvent } from '../../lib/call';

type ClusterItem = CallOutput<'clusters.list'>['items'][number];
type GroupItem = CallOutput<'groups.list'>[number];

/** Clusters and groups for the pickers and for showing cluster names (ids → names). */
export function useFleet(): { clusters: ClusterItem[]; groups: GroupItem[] } {
  const [clusters, setClusters] = useState<ClusterItem[]>([]);
  const [groups, setGroups] = useState<GroupItem[]>([]);
  const load = () => {
    call('clusters.list', { limit: 1000 }).then(
      (p) => setClusters(p.items),
      () => undefined,
    );
    call('groups.list', {}).then(setGroups, () => undefined);
  };
  useEffect(load, []);
  useEvent('clusters.changed', load);
  return { clusters, groups };
}
