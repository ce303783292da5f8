import type { NodeRow } from '../contract/nodes';
import { bandOf, DOWN, type Band } from './colour';
import type { HeatmapGroupInput } from './heatmap-layout';

/** What the heatmap colours: CPU or memory, requested (allocated) or in use (metrics). */
export type HeatResource = 'cpu' | 'memory';
export type HeatBasis = 'allocated' | 'used';

/** A node's share of its allocatable for the resource and basis; undefined when unknown. */
export function heatShare(row: NodeRow, resource: HeatResource, basis: HeatBasis): number | undefined {
  const a = row[resource];
  if (!(a.allocatable > 0)) return undefined;
  const value = basis === 'allocated' ? a.requested : row.usage?.[resource];
  return value === undefined ? undefined : value / a.allocatable;
}

/** Not Ready nodes are shown as down whatever their figures. */
export function heatBand(row: NodeRow, resource: HeatResource, basis: HeatBasis): Band {
  if (row.state !== 'Ready') return DOWN;
  return bandOf(heatShare(row, resource, basis));
}

export interface HeatmapData {
  groups: HeatmapGroupInput[];
  /** Nodes in cell order. */
  cells: NodeRow[];
  colours: string[];
}

/**
 * Cells grouped by cluster (clusters ordered by their display name, nodes by name within), with
 * each cell's colour. `clusterLabel` names a cluster id for the group's label.
 */
export function heatmapData(
  rows: readonly NodeRow[],
  clusterLabel: (id: string) => string,
  resource: HeatResource,
  basis: HeatBasis,
): HeatmapData {
  const byCluster = new Map<string, NodeRow[]>();
  for (const row of rows) {
    let list = byCluster.get(row.cluster);
    if (!list) byCluster.set(row.cluster, (list = []));
    list.push(row);
  }
  const clusters = [...byCluster.keys()]
    .map((id) => ({ id, label: clusterLabel(id) }))
    .sort((a, b) => a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
  const groups: HeatmapGroupInput[] = [];
  const cells: NodeRow[] = [];
  const colours: string[] = [];
  for (const { id, label } of clusters) {
    const nodes = [...byCluster.get(id)!].sort((a, b) => a.name.localeCompare(b.name));
    const down = nodes.filter((n) => n.state !== 'Ready').length;
    groups.push({
      key: id,
      label: `${label} · ${nodes.length} node${nodes.length === 1 ? '' : 's'}${down ? ` · ${down} not ready` : ''}`,
      count: nodes.length,
    });
    for (const n of nodes) {
      cells.push(n);
      colours.push(heatBand(n, resource, basis).colour);
    }
  }
  return { groups, cells, colours };
}
