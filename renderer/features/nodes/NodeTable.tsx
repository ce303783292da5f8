import { useMemo, useState } from 'react';
import type { NodeRow } from '../../../shared/contract/nodes';
import { sortNodes, type NodeSortKey } from '../../../shared/nodes/sort';
import { AllocationBar } from '../clusters/AllocationBar';
import { NodeStatus, RoleBadge, nodeHref } from './NodeBits';

interface Column {
  key: NodeSortKey;
  label: string;
  usage?: boolean;
}

const COLUMNS: Column[] = [
  { key: 'name', label: 'Hostname' },
  { key: 'role', label: 'Role' },
  { key: 'status', label: 'Status' },
  { key: 'kubelet', label: 'Kubelet version' },
  { key: 'pods', label: 'Pods' },
  { key: 'cpu', label: 'Allocated CPU' },
  { key: 'memory', label: 'Allocated memory' },
  { key: 'cpuUsed', label: 'CPU used', usage: true },
  { key: 'memoryUsed', label: 'Memory used', usage: true },
];

/** The reference deck's Nodes tab: one row per node, sortable by any column. */
export function NodeTable({ rows, showUsage }: { rows: NodeRow[]; showUsage: boolean }) {
  const [sort, setSort] = useState<{ by: NodeSortKey; dir: 'asc' | 'desc' }>({ by: 'name', dir: 'asc' });
  const sorted = useMemo(() => sortNodes(rows, sort.by, sort.dir), [rows, sort]);
  const columns = COLUMNS.filter((c) => showUsage || !c.usage);
  const sortBy = (by: NodeSortKey) =>
    setSort((s) => ({ by, dir: s.by === by && s.dir === 'asc' ? 'desc' : 'asc' }));
  return (
    <div className="fl-nodes-wrap">
      <table className="fl-nodes" aria-label="Nodes" data-testid="node-table">
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                aria-sort={sort.by === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
              >
                <button type="button" className="fl-sort" onClick={() => sortBy(c.key)}>
                  {c.label}
                  <span aria-hidden="true">
                    {sort.by === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((n) => (
            <tr key={`${n.cluster}/${n.name}`} data-node={n.name}>
              <td className="fl-node-name">
                <a href={nodeHref(n.cluster, n.name)}>{n.name}</a>
              </td>
              <td>
                <RoleBadge role={n.role} roles={n.roles} />
              </td>
              <td>
                <NodeStatus state={n.state} problem={n.problem} unschedulable={n.unschedulable} />
              </td>
              <td className="fl-mono">{n.kubeletVersion ?? '--'}</td>
              <td className="fl-num">{n.pods}</td>
              <td data-col="cpu">
                <AllocationBar allocation={n.cpu} kind="cpu" />
              </td>
              <td data-col="memory">
                <AllocationBar allocation={n.memory} kind="memory" />
              </td>
              {showUsage ? (
                <>
                  <td data-col="cpu-used">
                    <AllocationBar
                      allocation={
                        n.usage ? { requested: n.usage.cpu, allocatable: n.cpu.allocatable } : undefined
                      }
                      kind="cpu"
                    />
                  </td>
                  <td data-col="memory-used">
                    <AllocationBar
                      allocation={
                        n.usage ? { requested: n.usage.memory, allocatable: n.memory.allocatable } : undefined
                      }
                      kind="memory"
                    />
                  </td>
                </>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
