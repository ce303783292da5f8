import { useEffect, useState } from 'react';
import type { CallOutput } from '../../../shared/contract';
import { call, useEvent } from '../../lib/call';
import { sourceArg } from '../sources/source-arg';

type ClusterItem = CallOutput<'clusters.list'>['items'][number];
type GroupItem = CallOutput<'groups.list'>[number];

/** Clusters (of the data source) and groups for the pickers and for showing cluster names (ids → names). */
export function useFleet(source = 'live'): { clusters: ClusterItem[]; groups: GroupItem[] } {
  const [clusters, setClusters] = useState<ClusterItem[]>([]);
  const [groups, setGroups] = useState<GroupItem[]>([]);
  const load = () => {
    call('clusters.list', { limit: 1000, ...sourceArg(source) }).then(
      (p) => setClusters(p.items),
      () => undefined,
    );
    call('groups.list', {}).then(setGroups, () => undefined);
  };
  useEffect(load, [source]);
  useEvent('clusters.changed', load);
  return { clusters, groups };
}
