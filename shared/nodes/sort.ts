import type { NodeRow } from '../contract/nodes';

/** Sorting of the Nodes tab: by a column, ties broken by cluster then name (always ascending). */

export const NODE_SORT_KEYS = [
  'name',
  'role',
  'status',
  'kubelet',
  'cpu',
  'memory',
  'cpuUsed',
  'memoryUsed',
  'pods',
] as const;
export type NodeSortKey = (typeof NODE_SORT_KEYS)[number];

const share = (requested: number | undefined, allocatable: number) =>
  requested === undefined || !(allocatable > 0) ? -1 : requested / allocatable;

const STATUS_ORDER: Record<NodeRow['state'], number> = { NotReady: 0, Unknown: 1, Ready: 2 };

/** Compares version strings by their numeric parts ("v1.29.10" after "v1.29.9"). */
export function compareVersions(a: string | undefined, b: string | undefined): number {
  const parts = (v: string | undefined) => (v ?? '').match(/\d+/g)?.map(Number) ?? [];
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return (a ?? '').localeCompare(b ?? '');
}

function key(row: NodeRow, by: NodeSortKey): number | string {
  switch (by) {
    case 'name':
      return row.name;
    case 'role':
      return row.role === 'control-plane' ? 0 : 1;
    case 'status':
      return STATUS_ORDER[row.state] * 2 + (row.problem || row.unschedulable ? 0 : 1);
    case 'kubelet':
      return row.kubeletVersion ?? '';
    case 'cpu':
      return share(row.cpu.requested, row.cpu.allocatable);
    case 'memory':
      return share(row.memory.requested, row.memory.allocatable);
    case 'cpuUsed':
      return share(row.usage?.cpu, row.cpu.allocatable);
    case 'memoryUsed':
      return share(row.usage?.memory, row.memory.allocatable);
    case 'pods':
      return row.pods;
  }
}

export function sortNodes(rows: readonly NodeRow[], by: NodeSortKey, dir: 'asc' | 'desc'): NodeRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const ka = key(a, by);
    const kb = key(b, by);
    const d =
      by === 'kubelet'
        ? compareVersions(String(ka), String(kb))
        : typeof ka === 'number' && typeof kb === 'number'
          ? ka - kb
          : String(ka).localeCompare(String(kb));
    return d * sign || a.cluster.localeCompare(b.cluster) || a.name.localeCompare(b.name);
  });
}
