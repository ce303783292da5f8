import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { CallInput } from '../../../shared/contract';
import type { WorkloadKind } from '../../../shared/workloads/kinds';
import { listHref, podHref } from '../../../shared/workloads/kinds';
import { childrenLink } from '../../../shared/workloads/links';
import { age, workloadImages, workloadState } from '../../../shared/workloads/status';
import type { createWorkloadList } from './list-store';
import { useNow } from './use-now';

type SortKey = NonNullable<CallInput<'objects.query'>['sort']>;
type Column = { key: string; label: string; sort?: SortKey; pods?: boolean };

const COLUMNS: Column[] = [
  { key: 'name', label: 'Name', sort: 'name' },
  { key: 'status', label: 'Status', sort: 'status' },
  { key: 'ready', label: 'Ready', sort: 'ready' },
  { key: 'restarts', label: 'Restarts', sort: 'restarts', pods: true },
  { key: 'age', label: 'Age', sort: 'created' },
  { key: 'image', label: 'Image' },
  { key: 'node', label: 'Node', sort: 'node', pods: true },
  { key: 'cluster', label: 'Cluster', sort: 'cluster' },
  { key: 'namespace', label: 'Namespace', sort: 'namespace' },
];

const ROW_HEIGHT = 36;

export function WorkloadTable({
  kind,
  store,
  clusterName,
}: {
  kind: WorkloadKind;
  store: ReturnType<typeof createWorkloadList>;
  clusterName(id: string): string;
}) {
  const total = useStore(store, (s) => s.total);
  const pages = useStore(store, (s) => s.pages);
  const filter = useStore(store, (s) => s.filter);
  const { sortBy, ensureRange, rowAt } = store.getState();
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read fresh on every render here
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    ensureRange(first, last + 20);
  }, [first, last, ensureRange, pages]);

  // a new filter or sort starts at the top (its first page is what was fetched)
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [filter]);

  const columns = COLUMNS.filter((c) => !c.pods || kind.hasNode);
  const now = useNow();
  return (
    <div className="wl-table-wrap">
      <div
        className={`wl-table${kind.hasNode ? ' wl-pods' : ''}`}
        role="table"
        aria-label={kind.label}
        aria-rowcount={total}
      >
        <div className="wl-row wl-head" role="row">
          {columns.map((c) => (
            <span
              key={c.key}
              className="wl-cell"
              role="columnheader"
              aria-sort={
                c.sort && filter.sort === c.sort
                  ? filter.dir === 'asc'
                    ? 'ascending'
                    : 'descending'
                  : undefined
              }
            >
              {c.sort ? (
                <button type="button" className="wl-sort" onClick={() => sortBy(c.sort as SortKey)}>
                  {c.label}
                  {filter.sort === c.sort ? (filter.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                </button>
              ) : (
                c.label
              )}
            </span>
          ))}
        </div>
        <div className="wl-scroll" ref={scrollRef} data-testid="workload-rows">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = rowAt(item.index);
              const style = {
                position: 'absolute' as const,
                top: 0,
                left: 0,
                right: 0,
                height: ROW_HEIGHT,
                transform: `translateY(${item.start}px)`,
              };
              if (!row) {
                return (
                  <div key={item.key} className="wl-row wl-loading" role="row" style={style}>
                    <span className="wl-cell wl-muted">Loading…</span>
                  </div>
                );
              }
              const object = row.object ?? {};
              const state = workloadState(row.kind, object);
              const images = workloadImages(row.kind, object);
              const children = childrenLink(row.kind, row.cluster, object);
              return (
                <div
                  key={item.key}
                  className="wl-row"
                  role="row"
                  style={style}
                  data-name={row.name}
                  data-namespace={row.namespace}
                  data-cluster={row.cluster}
                  aria-rowindex={item.index + 1}
                >
                  <span className="wl-cell wl-name" role="cell">
                    {row.kind === 'Pod' ? (
                      <a href={podHref(row.cluster, row.namespace, row.name)}>{row.name}</a>
                    ) : children ? (
                      <a
                        href={listHref(children.slug, children.filters)}
                        title={`Show what ${row.name} runs`}
                      >
                        {row.name}
                      </a>
                    ) : (
                      row.name
                    )}
                  </span>
                  <span className="wl-cell" role="cell">
                    <span className={`wl-status wl-tone-${state.tone}`} data-status={state.status}>
                      {state.status}
                    </span>
                  </span>
                  <span className="wl-cell wl-num" role="cell" data-col="ready">
                    {state.desired === undefined ? state.ready : `${state.ready}/${state.desired}`}
                  </span>
                  {kind.hasNode ? (
                    <span
                      className={`wl-cell wl-num${state.restarts > 0 ? ' wl-warn' : ''}`}
                      role="cell"
                      data-col="restarts"
                    >
                      {state.restarts}
                    </span>
                  ) : null}
                  <span className="wl-cell" role="cell" title={row.created}>
                    {age(row.created, now)}
                  </span>
                  <span className="wl-cell wl-mono" role="cell" title={images.join('\n')}>
                    {images[0] ?? '--'}
                    {images.length > 1 ? <span className="wl-muted"> +{images.length - 1}</span> : null}
                  </span>
                  {kind.hasNode ? (
                    <span className="wl-cell" role="cell">
                      {row.nodeName ?? <span className="wl-muted">--</span>}
                    </span>
                  ) : null}
                  <span className="wl-cell" role="cell">
                    {clusterName(row.cluster)}
                  </span>
                  <span className="wl-cell" role="cell">
                    {row.namespace}
                  </span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
