import { useStore } from 'zustand';
import type { ClusterRow, SortKey } from '../../../shared/contract/fleet';
import type { Column } from '../../components/table/columns';
import { TableHead } from '../../components/table/TableHead';
import { VirtualTable } from '../../components/table/VirtualTable';
import { AllocationBar } from './AllocationBar';
import type { ListStore } from './list-store';
import { HealthBadge, StatusBadge } from './StatusBadge';

const COLUMNS: Column<SortKey>[] = [
  { key: 'name', label: 'Cluster', sort: 'name' },
  { key: 'group', label: 'Cluster group', sort: 'group' },
  { key: 'provider', label: 'Provider', sort: 'provider' },
  { key: 'type', label: 'Type', sort: 'type' },
  { key: 'status', label: 'Status', sort: 'status' },
  { key: 'health', label: 'Health', sort: 'health' },
  { key: 'version', label: 'Version', sort: 'version' },
  { key: 'memory', label: 'Allocated memory', sort: 'memory' },
  { key: 'cpu', label: 'Allocated CPU', sort: 'cpu' },
  { key: 'nodes', label: 'Nodes', sort: 'nodes' },
  { key: 'labels', label: 'Labels' },
];

const ROW_HEIGHT = 44;

function Row({
  row,
  selected,
  onToggle,
  hideGroup,
}: {
  row: ClusterRow;
  selected: boolean;
  onToggle(): void;
  hideGroup?: boolean;
}) {
  const labels = Object.entries(row.labels);
  return (
    <>
      <span className="vt-cell fl-check" role="cell">
        <input type="checkbox" checked={selected} onChange={onToggle} aria-label={`Select ${row.name}`} />
      </span>
      <span className="vt-cell fl-name" role="cell" title={row.name}>
        <a href={`#/clusters/${encodeURIComponent(row.id)}`}>{row.name}</a>
        {row.protected ? (
          <span className="fl-lock" title="Protected: detaching needs the name typed">
            protected
          </span>
        ) : null}
      </span>
      {hideGroup ? null : (
        <span className="vt-cell" role="cell">
          <a href={`#/cluster-groups/${encodeURIComponent(row.groupId)}`}>{row.groupName}</a>
        </span>
      )}
      <span className="vt-cell" role="cell">
        {row.provider === 'unknown' ? <span className="fl-muted">--</span> : row.provider}
      </span>
      <span className="vt-cell fl-cap" role="cell">
        {row.type}
      </span>
      <span className="vt-cell" role="cell">
        <StatusBadge status={row.status} message={row.statusMessage} />
      </span>
      <span className="vt-cell" role="cell">
        <HealthBadge health={row.health} />
      </span>
      <span className="vt-cell fl-mono" role="cell" title={row.version}>
        {row.version ?? '--'}
      </span>
      <span className="vt-cell" role="cell" data-col="memory">
        <AllocationBar allocation={row.memory} kind="memory" />
      </span>
      <span className="vt-cell" role="cell" data-col="cpu">
        <AllocationBar allocation={row.cpu} kind="cpu" />
      </span>
      <span className="vt-cell vt-num" role="cell" data-col="nodes">
        {row.nodes ?? '--'}
      </span>
      <span className="vt-cell fl-labels" role="cell" title={labels.map(([k, v]) => `${k}: ${v}`).join('\n')}>
        {labels.map(([k, v]) => (
          <span key={k} className="fl-label">
            {k}: {v}
          </span>
        ))}
      </span>
    </>
  );
}

/** The fleet table: sortable headers, select many, virtualised rows fetched page by page from main. */
export function ClusterTable({ store, hideGroup }: { store: ListStore; hideGroup?: boolean }) {
  const total = useStore(store, (s) => s.total);
  const pages = useStore(store, (s) => s.pages);
  const query = useStore(store, (s) => s.query);
  const selected = useStore(store, (s) => s.selected);
  const ids = useStore(store, (s) => s.ids);
  const { sortBy, toggle, selectAll, rowAt, ensureRange } = store.getState();

  const allSelected = ids.length > 0 && ids.every((id) => selected.has(id));
  const selectAllCell = (
    <span className="vt-cell fl-check" role="columnheader">
      <input
        type="checkbox"
        checked={allSelected}
        onChange={(e) => selectAll(e.target.checked)}
        aria-label="Select all clusters matching the filter"
      />
    </span>
  );
  return (
    <VirtualTable
      label="Clusters"
      className={`fl-table${hideGroup ? ' fl-table-nogroup' : ''}`}
      total={total}
      rowHeight={ROW_HEIGHT}
      overscan={12}
      ensureRange={ensureRange}
      refetchOn={pages}
      testId="cluster-rows"
      head={
        <TableHead
          lead={selectAllCell}
          columns={COLUMNS.filter((c) => !(hideGroup && c.key === 'group'))}
          sort={{ key: query.sort, dir: query.dir }}
          onSort={sortBy}
        />
      }
      renderRow={(item, style) => {
        const row = rowAt(item.index);
        return (
          <div
            key={item.key}
            className={`vt-row${row && selected.has(row.id) ? ' fl-selected' : ''}`}
            role="row"
            aria-rowindex={item.index + 2}
            data-name={row?.name}
            style={style}
          >
            {row ? (
              <Row
                row={row}
                hideGroup={hideGroup}
                selected={selected.has(row.id)}
                onToggle={() => toggle(row.id)}
              />
            ) : (
              <span className="vt-cell fl-muted" role="cell">
                Loading…
              </span>
            )}
          </div>
        );
      }}
    />
  );
}
