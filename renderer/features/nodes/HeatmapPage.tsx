import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ClusterRow } from '../../../shared/contract/fleet';
import { formatCpu, formatMemory } from '../../../shared/contract/fleet';
import type { NodeRow } from '../../../shared/contract/nodes';
import { BANDS, DOWN, NO_DATA } from '../../../shared/nodes/colour';
import { heatmapData, type HeatBasis, type HeatResource } from '../../../shared/nodes/heatmap-data';
import { DEFAULT_OPTIONS, cellSizeFor, layoutHeatmap } from '../../../shared/nodes/heatmap-layout';
import { Button } from '../../components/Button';
import { Page } from '../../components/Page';
import { call, messageOf, useEvent } from '../../lib/call';
import { isReadOnlySource, useSource } from '../../stores/source-store';
import { useGroups } from '../clusters/use-groups';
import { carryClusterFilter } from '../sources/cluster-filter';
import { sourceArg } from '../sources/source-arg';
import { useClusterFilter } from '../sources/use-cluster-filter';
import { HeatmapCanvas } from './HeatmapCanvas';
import { nodeHref } from './NodeBits';
import { heatLabel } from './stale';
import { useNodes } from './use-nodes';
import './nodes.css';

type Scope = { kind: 'fleet' } | { kind: 'group' | 'cluster'; id: string };

const FLEET: Scope = { kind: 'fleet' };

function scopeOf(path: string[]): Scope {
  const [kind, id] = path;
  if ((kind === 'group' || kind === 'cluster') && id) return { kind, id };
  return { kind: 'fleet' };
}

function useClusters(): { clusters: ClusterRow[] | null; error: string | null } {
  const [clusters, setClusters] = useState<ClusterRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const source = useSource();
  const load = useCallback(() => {
    call('clusters.list', { limit: 1000, ...sourceArg(source) }).then(
      (p) => setClusters(p.items),
      (e: unknown) => setError(messageOf(e)),
    );
  }, [source]);
  useEffect(load, [load]);
  useEvent('clusters.changed', load);
  return { clusters, error };
}

function Tooltip({
  row,
  clusterName,
  at,
}: {
  row: NodeRow;
  clusterName: string;
  at: { x: number; y: number };
}) {
  return (
    <div
      className="fl-heat-tip"
      style={{ left: at.x + 14, top: at.y + 14 }}
      role="tooltip"
      data-testid="heatmap-tip"
    >
      <strong>{row.name}</strong>
      <div className="fl-muted">
        {clusterName} · {row.role === 'control-plane' ? 'control plane' : 'worker'} · {row.state}
        {row.problem ? ` (${row.problem})` : ''}
      </div>
      <div>Allocated CPU {formatCpu(row.cpu)}</div>
      <div>Allocated memory {formatMemory(row.memory)}</div>
      {row.usage ? (
        <>
          <div>CPU used {formatCpu({ requested: row.usage.cpu, allocatable: row.cpu.allocatable })}</div>
          <div>
            Memory used {formatMemory({ requested: row.usage.memory, allocatable: row.memory.allocatable })}
          </div>
        </>
      ) : null}
      <div className="fl-muted">
        {row.pods} pod{row.pods === 1 ? '' : 's'}
      </div>
    </div>
  );
}

/** `#/clusters/heatmap[/group/<id>|/cluster/<id>]`: every node of the fleet as a coloured cell. */
export function HeatmapPage({ path = [] }: { path?: string[] }) {
  // one page per route: a link's cluster id is read afresh
  return <Heatmap key={path.join('/')} path={path} />;
}

function Heatmap({ path }: { path: string[] }) {
  const route = scopeOf(path);
  // a cluster id is the source's own: it follows the cluster by name when the source changes, and
  // one the source lacks (a live id on a snapshot) shows the whole fleet
  const source = useSource();
  const { cluster } = useClusterFilter(source, route.kind === 'cluster' ? route.id : '');
  const { clusters, error } = useClusters();
  const { groups } = useGroups();
  let scope: Scope = route;
  if (route.kind === 'cluster') scope = cluster ? { kind: 'cluster', id: cluster } : FLEET;
  if (route.kind === 'group' && clusters && groups.length > 0) {
    // a group's id is its source's own too (a snapshot knows it by name): the group of the same name
    const name = groups.find((g) => g.id === route.id)?.name;
    const here = isReadOnlySource(source)
      ? clusters.map((c) => ({ id: c.groupId, name: c.groupName }))
      : groups;
    const id = carryClusterFilter({ id: route.id, name }, here).id;
    scope = id ? { kind: 'group', id } : FLEET;
  }
  const [resource, setResource] = useState<HeatResource>('cpu');
  const [basis, setBasis] = useState<HeatBasis>('allocated');
  const [width, setWidth] = useState(800);
  const [hover, setHover] = useState<{ index: number; at: { x: number; y: number } } | null>(null);

  const scopeId = scope.kind === 'fleet' ? '' : scope.id;
  const ids = useMemo(() => {
    if (scope.kind === 'fleet' || !clusters) return undefined;
    if (scope.kind === 'cluster') return [scopeId];
    return clusters.filter((c) => c.groupId === scopeId).map((c) => c.id);
  }, [clusters, scope.kind, scopeId]);
  const waiting = scope.kind === 'group' && !clusters;
  const { list, error: nodesError } = useNodes(waiting ? [] : ids);

  const names = useMemo(() => new Map((clusters ?? []).map((c) => [c.id, c])), [clusters]);
  const label = useCallback(
    (id: string) => {
      const c = names.get(id);
      return c ? heatLabel(c) : id;
    },
    [names],
  );
  const data = useMemo(
    () => heatmapData(list?.items ?? [], label, resource, basis),
    [list, label, resource, basis],
  );
  const layout = useMemo(
    () =>
      layoutHeatmap(data.groups, {
        ...DEFAULT_OPTIONS,
        width: Math.max(200, width),
        cell: cellSizeFor(data.cells.length),
      }),
    [data, width],
  );
  const onWidth = useCallback((w: number) => setWidth((old) => (Math.abs(old - w) > 2 ? w : old)), []);
  const metricsAnywhere = !!list?.metrics.some((m) => m.available);
  const scopeName =
    scope.kind === 'fleet'
      ? 'the fleet'
      : scope.kind === 'cluster'
        ? (names.get(scope.id)?.name ?? scope.id)
        : (clusters?.find((c) => c.groupId === scope.id)?.groupName ?? scope.id);
  const hovered = hover ? data.cells[hover.index] : undefined;

  return (
    <Page
      title="Node heatmap"
      description={`Every node of ${scopeName}, coloured by ${resource === 'cpu' ? 'CPU' : 'memory'} ${basis === 'allocated' ? 'allocated (requests / allocatable)' : 'used (metrics.k8s.io)'}.`}
      actions={
        <>
          {scope.kind === 'cluster' ? (
            <Button href={`#/clusters/${encodeURIComponent(scope.id)}/nodes`}>Cluster nodes</Button>
          ) : null}
          {scope.kind === 'group' ? (
            <Button href={`#/cluster-groups/${encodeURIComponent(scope.id)}`}>Cluster group</Button>
          ) : null}
          {scope.kind !== 'fleet' ? <Button href="#/clusters/heatmap">Whole fleet</Button> : null}
          <Button href="#/clusters">Clusters</Button>
        </>
      }
    >
      <div className="fl-heat-controls" role="group" aria-label="Heatmap colouring">
        <fieldset className="fl-seg">
          <legend className="visually-hidden">Resource</legend>
          {(['cpu', 'memory'] as const).map((r) => (
            <label key={r} className={resource === r ? 'fl-seg-on' : undefined}>
              <input
                type="radio"
                name="heat-resource"
                checked={resource === r}
                onChange={() => setResource(r)}
              />
              {r === 'cpu' ? 'CPU' : 'Memory'}
            </label>
          ))}
        </fieldset>
        <fieldset className="fl-seg">
          <legend className="visually-hidden">Basis</legend>
          {(['allocated', 'used'] as const).map((b) => (
            <label
              key={b}
              className={basis === b ? 'fl-seg-on' : undefined}
              title={
                b === 'used' && !metricsAnywhere ? 'No cluster in view serves metrics.k8s.io' : undefined
              }
            >
              <input type="radio" name="heat-basis" checked={basis === b} onChange={() => setBasis(b)} />
              {b === 'allocated' ? 'Allocated' : 'Used'}
            </label>
          ))}
        </fieldset>
        <ul className="fl-legend" aria-label="Legend" data-testid="heatmap-legend">
          {[...BANDS, NO_DATA, DOWN].map((b) => (
            <li key={b.label}>
              <span className="fl-swatch" style={{ background: b.colour }} aria-hidden="true" />
              {b.label}
            </li>
          ))}
        </ul>
      </div>
      {error ? <p className="form-error">{error}</p> : null}
      {nodesError ? <p className="form-error">{nodesError}</p> : null}
      {!list ? (
        <p className="fl-muted">Loading nodes…</p>
      ) : data.cells.length === 0 ? (
        <p className="fl-muted" data-testid="heatmap-empty">
          No nodes cached yet. Attach clusters (or start the demo fleet); their nodes appear once listed.
        </p>
      ) : (
        <>
          <p className="fl-muted fl-small" data-testid="heatmap-summary">
            {data.cells.length} nodes in {data.groups.length} clusters
            {basis === 'used' && !metricsAnywhere ? ' · no cluster in view serves metrics.k8s.io' : ''}. Click
            a cell to open the node.
          </p>
          <div className="fl-heat-area">
            <HeatmapCanvas
              layout={layout}
              colours={data.colours}
              label={`Heatmap of ${data.cells.length} nodes`}
              onWidth={onWidth}
              onHover={(index, at) => setHover(index === undefined ? null : { index, at })}
              onOpen={(index) => {
                const row = data.cells[index];
                if (row) window.location.hash = nodeHref(row.cluster, row.name);
              }}
            />
            {hover && hovered ? (
              <Tooltip
                row={hovered}
                clusterName={names.get(hovered.cluster)?.name ?? hovered.cluster}
                at={hover.at}
              />
            ) : null}
          </div>
        </>
      )}
    </Page>
  );
}
