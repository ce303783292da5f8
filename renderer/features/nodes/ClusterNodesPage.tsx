import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClusterDetail } from '../../../shared/contract/fleet';
import { Button } from '../../components/Button';
import { Page } from '../../components/Page';
import { call, CallError, messageOf, useEvent } from '../../lib/call';
import { isReadOnlySource, useSource } from '../../stores/source-store';
import { sourceArg } from '../sources/source-arg';
import { useClusterFilter } from '../sources/use-cluster-filter';
import { StatusBadge } from '../clusters/StatusBadge';
import { ClusterTabs } from './ClusterTabs';
import { NodeTable } from './NodeTable';
import { staleNote } from './stale';
import { useNodes } from './use-nodes';
import './nodes.css';

/** The cluster's name and status: from the fleet when live, from the snapshot's overview otherwise. */
export type ClusterHead = Pick<ClusterDetail, 'name' | 'status' | 'statusMessage' | 'groupId' | 'groupName'>;

export function useCluster(id: string): { cluster: ClusterHead | null; error: string | null } {
  const [cluster, setCluster] = useState<ClusterHead | null>(null);
  const [error, setError] = useState<string | null>(null);
  const source = useSource();
  const latest = useRef(0);
  const load = useCallback(() => {
    const asked = ++latest.current;
    const head: Promise<ClusterHead> = isReadOnlySource(source)
      ? call('clusters.overview', { id, ...sourceArg(source) })
      : call('clusters.get', { id });
    head.then(
      (c) => {
        if (asked !== latest.current) return; // an answer for a source no longer shown
        setCluster(c);
        setError(null);
      },
      (e: unknown) => {
        if (asked !== latest.current) return;
        // the source shown has no such cluster: no header of the one shown before
        if (isNotFound(e)) setCluster(null);
        setError(messageOf(e));
      },
    );
  }, [id, source]);
  useEffect(load, [load]);
  useEvent('clusters.changed', (p) => {
    if (p.ids.length === 0 || p.ids.includes(id)) load();
  });
  return { cluster, error };
}

/** The source shown has no such cluster (not a failure that passes). */
export const isNotFound = (e: unknown): boolean => e instanceof CallError && e.code === 'NOT_FOUND';

/**
 * A cluster page's route follows its cluster by name when the source changes (an id is its source's
 * own, see useClusterFilter): `#/clusters/<id><tab>` moves to the same-named cluster of the new source
 * (`tab` is the rest of the route: '', '/nodes' or '/nodes/<encoded node name>').
 */
export function useFollowCluster(id: string, tab: '' | '/nodes' | `/nodes/${string}`): void {
  const { cluster } = useClusterFilter(useSource(), id);
  useEffect(() => {
    if (cluster && cluster !== id) window.location.replace(`#/clusters/${encodeURIComponent(cluster)}${tab}`);
  }, [cluster, id, tab]);
}

/** `#/clusters/<id>/nodes`: the cluster's Nodes tab. */
export function ClusterNodesPage({ id }: { id: string }) {
  const source = useSource();
  useFollowCluster(id, '/nodes');
  const { cluster, error } = useCluster(id);
  const { list, error: nodesError } = useNodes([id]);
  const metrics = list?.metrics.find((m) => m.cluster === id);
  const ready = list?.items.filter((n) => n.state === 'Ready').length ?? 0;
  const stale = cluster && !isReadOnlySource(source) ? staleNote(cluster) : null;
  return (
    <Page
      title={cluster?.name ?? 'Cluster'}
      description={cluster ? <StatusBadge status={cluster.status} message={cluster.statusMessage} /> : null}
      actions={
        <>
          <Button href="#/clusters">All clusters</Button>
          <Button href={`#/clusters/heatmap/cluster/${encodeURIComponent(id)}`}>Heatmap</Button>
        </>
      }
    >
      <ClusterTabs id={id} active="nodes" />
      {error ? <p className="form-error">{error}</p> : null}
      {nodesError ? <p className="form-error">{nodesError}</p> : null}
      {stale && list && list.items.length > 0 ? (
        <p className="fl-stale-note" role="note" data-testid="nodes-stale">
          {stale}
        </p>
      ) : null}
      {!list ? (
        <p className="fl-muted">Loading nodes…</p>
      ) : list.items.length === 0 ? (
        <p className="fl-muted" data-testid="no-nodes">
          No nodes cached for this cluster yet. They appear once the cluster is connected and its nodes are
          listed.
        </p>
      ) : (
        <>
          <p className="fl-muted fl-small" data-testid="nodes-summary">
            {list.items.length} nodes · {ready} ready ·{' '}
            {metrics?.available
              ? 'usage from metrics.k8s.io'
              : `no usage figures (${metrics?.message ?? 'metrics.k8s.io not read'})`}
          </p>
          <NodeTable rows={list.items} showUsage={!!metrics?.available} />
        </>
      )}
    </Page>
  );
}
