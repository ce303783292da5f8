import type { ClusterRow } from '../../../shared/contract/fleet';
import type { NamespaceRow } from '../../../shared/contract/workspaces';
import { lastKnownCell } from '../../components/cluster-problems';

export const rowKey = (r: { cluster: string; name: string }) => `${r.cluster}\n${r.name}`;

/** Set by Kubernetes on every namespace (always its name), so not worth a column's space. */
const AUTOMATIC = 'kubernetes.io/metadata.name';

/** Labels as the reference deck shows them: the first one, then "+N" (the automatic name label left out). */
export function shortLabels(labels: Record<string, string>): string {
  const entries = Object.entries(labels).filter(([k]) => k !== AUTOMATIC);
  if (entries.length === 0) return '';
  const [k, v] = entries[0]!;
  return `${k}: ${v}${entries.length > 1 ? ` +${entries.length - 1}` : ''}`;
}

/**
 * Namespaces with their cluster and workspace; with `selected`, a checkbox per row. With
 * `clusterState` (live), a row of a cluster that is not ready says its cluster's state is last known.
 */
export function NamespaceTable({
  rows,
  label,
  clusterState,
  selected,
  onToggle,
  onToggleAll,
}: {
  rows: readonly NamespaceRow[];
  label: string;
  clusterState?: (id: string) => Pick<ClusterRow, 'name' | 'status' | 'statusMessage'> | undefined;
  selected?: ReadonlySet<string>;
  onToggle?: (row: NamespaceRow) => void;
  onToggleAll?: (on: boolean) => void;
}) {
  const selectable = selected !== undefined && onToggle !== undefined;
  const allOn = selectable && rows.length > 0 && rows.every((r) => selected.has(rowKey(r)));
  return (
    <table className="table fl-ns-table" aria-label={label}>
      <thead>
        <tr>
          {selectable ? (
            <th className="fl-ns-check">
              <input
                type="checkbox"
                aria-label="Select all namespaces on this page"
                checked={allOn}
                onChange={(e) => onToggleAll?.(e.target.checked)}
              />
            </th>
          ) : null}
          <th>Name</th>
          <th>Cluster</th>
          <th>Managed</th>
          <th>Workspace</th>
          <th>Labels</th>
          <th>Status</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const state = clusterState?.(r.cluster);
          const mark = state ? lastKnownCell(state) : null;
          return (
            <tr key={rowKey(r)} data-namespace={r.name} data-cluster={r.clusterName}>
              {selectable ? (
                <td className="fl-ns-check">
                  <input
                    type="checkbox"
                    aria-label={`Select ${r.name} on ${r.clusterName}`}
                    checked={selected.has(rowKey(r))}
                    onChange={() => onToggle(r)}
                  />
                </td>
              ) : null}
              <td>
                <strong>{r.name}</strong>
              </td>
              <td>
                <a
                  href={`#/clusters/${encodeURIComponent(r.cluster)}`}
                  title={mark?.title}
                  data-last-known={mark ? '' : undefined}
                >
                  {mark?.text ?? r.clusterName}
                </a>
              </td>
              <td data-col="managed">{r.managed ? 'Yes' : 'No'}</td>
              <td data-col="workspace">
                {r.workspaceId ? (
                  <a href={`#/workspaces/${encodeURIComponent(r.workspaceId)}`}>{r.workspaceName}</a>
                ) : (
                  ''
                )}
              </td>
              <td
                data-col="labels"
                title={Object.entries(r.labels)
                  .map(([k, v]) => `${k}: ${v}`)
                  .join('\n')}
              >
                {shortLabels(r.labels)}
              </td>
              <td className="fl-muted">{r.status ?? 'not seen yet'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
