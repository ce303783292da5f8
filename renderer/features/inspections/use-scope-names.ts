import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ClusterRow, GroupRow } from '../../../shared/contract/fleet';
import type { SourceView } from '../../../shared/contract/sources';
import type { WorkspaceRow } from '../../../shared/contract/workspaces';
import { call, useEvent } from '../../lib/call';
import type { ScopeNames } from './scope';

export interface ScopeLists {
  clusters: ClusterRow[];
  groups: GroupRow[];
  workspaces: WorkspaceRow[];
  sources: SourceView[];
  names: ScopeNames;
  /** True once the cluster list has been read (so "nothing attached" is known, not assumed). */
  loaded: boolean;
}

/**
 * What a scope can name: clusters, groups, workspaces and open sources, with names for ids. A list
 * main cannot give (e.g. no sources area yet) is simply empty.
 */
export function useScopeLists(): ScopeLists {
  const [clusters, setClusters] = useState<ClusterRow[]>([]);
  const [groups, setGroups] = useState<GroupRow[]>([]);
  const [workspaces, setWorkspaces] = useState<WorkspaceRow[]>([]);
  const [sources, setSources] = useState<SourceView[]>([]);
  const [loaded, setLoaded] = useState(false);
  const reload = useCallback(() => {
    void Promise.allSettled([
      call('clusters.list', { limit: 1000 }).then(
        (p) => setClusters(p.items),
        () => setClusters([]),
      ),
      call('sources.list', {}).then(setSources, () => setSources([])),
    ]).then(() => setLoaded(true));
    call('groups.list', {}).then(setGroups, () => setGroups([]));
    call('workspaces.list', {}).then(setWorkspaces, () => setWorkspaces([]));
  }, []);
  useEffect(reload, [reload]);
  useEvent('clusters.changed', reload);
  useEvent('groups.changed', reload);
  useEvent('sources.changed', reload);
  const names = useMemo<ScopeNames>(() => {
    const by = <T extends { id: string; name?: string; label?: string }>(rows: T[]) => {
      const m = new Map(rows.map((r) => [r.id, r.name ?? r.label ?? r.id]));
      return (id: string) => m.get(id) ?? id;
    };
    return {
      cluster: by(clusters),
      group: by(groups),
      workspace: by(workspaces),
      source: by(sources),
    };
  }, [clusters, groups, workspaces, sources]);
  return { clusters, groups, workspaces, sources, names, loaded };
}
