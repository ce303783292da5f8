import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { ClusterRow, SortKey } from '../../../shared/contract/fleet';
import { AllocationBar } from './AllocationBar';
import type { ListStore } from './list-store';
import { HealthBadge, StatusBadge } from './StatusBadge';

const COLUMNS: Array<{ key: SortKey | 'labels'; label: string }> = [
  { key: 'name', label: 'Cluster' },
  { key: 'group', label: 'Cluster group' },
  { key: 'provider', label: 'Provider' },
  { key: 'type', label: 'Type' },
  { key: 'status', label: 'Status' },
  { key: 'health', label: 'Health' },
  { key: 'version', label: 'Version' },
  { key: 'memory', label: 'Allocated memory' },
  { key: 'cpu', label: 'Allocated CPU' },
  { key: 'nodes', label: 'Nodes' },
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
      <span className="fl-cell fl-check" role="cell">
        <input type="checkbox" checked={selected} onChange={onToggle} aria-label={`Select ${row.name}`} />
      </span>
      <span className="fl-cell fl-name" role="cell">
        <a href={`#/clusters/${encodeURIComponent(row.id)}`}>{row.name}</a>
        {row.protected ? (
          <span className="fl-lock" title="Protected: detaching needs the name typed">
            protected
          </span>
        ) : null}
      </span>
      {hideGroup ? null : (
        <span className="fl-cell" role="cell">
          <a href={`#/cluster-groups/${encodeURIComponent(row.groupId)}`}>{row.groupName}</a>
        </span>
      )}
      <span className="fl-cell" role="cell">
        {row.provider === 'unknown' ? <span className="fl-muted">--</span> : row.provider}
      </span>
      <span className="fl-cell fl-cap" role="cell">
        {row.type}
      </span>
      <span className="fl-cell" role="cell">
        <StatusBadge status={row.status} message={row.statusMessage} />
      </span>
      <span className="fl-cell" role="cell">
        <HealthBadge health={row.health} />
      </span>
      <span className="fl-cell fl-mono" role="cell">
        {row.version ?? '--'}
      </span>
      <span className="fl-cell" role="cell" data-col="memory">
        <AllocationBar allocation={row.memory} kind="memory" />
      </span>
      <span className="fl-cell" role="cell" data-col="cpu">
        <AllocationBar allocation={row.cpu} kind="cpu" />
      </span>
      <span className="fl-cell fl-num" role="cell" data-col="nodes">
        {row.nodes ?? '--'}
      </span>
      <span className="fl-cell fl-labels" role="cell" title={labels.map(([k, v]) => `${k}: ${v}`).join('\n')}>
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
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read fresh on every render here
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    ensureRange(first, last + 20);
  }, [first, last, ensureRange, pages]);

  const allSelected = ids.length > 0 && ids.every((id) => selected.has(id));
  const cls = `fl-table${hideGroup ? ' fl-table-nogroup' : ''}`;
  return (
    <div className="fl-table-wrap">
      <div className={cls} role="table" aria-label="Clusters" aria-rowcount={total}>
        <div className="fl-row fl-head" role="row">
          <span className="fl-cell fl-check" role="columnheader">
            <input
              type="checkbox"
              checked={allSelected}
              onChange={(e) => selectAll(e.target.checked)}
              aria-label="Select all clusters matching the filter"
            />
          </span>
          {COLUMNS.filter((c) => !(hideGroup && c.key === 'group')).map((c) => (
            <span
              key={c.key}
              className="fl-cell"
              role="columnheader"
              aria-sort={
                query.sort === c.key ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined
              }
            >
              {c.key === 'labels' ? (
                c.label
              ) : (
                <button type="button" className="fl-sort" onClick={() => sortBy(c.key as SortKey)}>
                  {c.label}
                  {query.sort === c.key ? (query.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                </button>
              )}
            </span>
          ))}
        </div>
        <div className="fl-scroll" ref={scrollRef} data-testid="cluster-rows">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = rowAt(item.index);
              return (
                <div
                  key={item.key}
                  className={`fl-row${row && selected.has(row.id) ? ' fl-selected' : ''}`}
                  role="row"
                  aria-rowindex={item.index + 2}
                  data-name={row?.name}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: ROW_HEIGHT,
                    transform: `translateY(${item.start}px)`,
                  }}
                >
                  {row ? (
                    <Row
                      row={row}
                      hideGroup={hideGroup}
                      selected={selected.has(row.id)}
                      onToggle={() => toggle(row.id)}
                    />
                  ) : (
                    <span className="fl-cell fl-muted" role="cell">
                      Loading…
                    </span>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
