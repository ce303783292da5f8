import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { CallInput } from '../../../shared/contract';
import type { Column } from '../../components/table/columns';
import { TableHead } from '../../components/table/TableHead';
import { VirtualTable } from '../../components/table/VirtualTable';
import type { WorkloadKind } from '../../../shared/workloads/kinds';
import { listHref, podHref } from '../../../shared/workloads/kinds';
import { childrenLink } from '../../../shared/workloads/links';
import { age, workloadImages, workloadState } from '../../../shared/workloads/status';
import type { createWorkloadList } from './list-store';
import { useNow } from './use-now';

type SortKey = NonNullable<CallInput<'objects.query'>['sort']>;
type WorkloadColumn = Column<SortKey> & { pods?: boolean };

const COLUMNS: WorkloadColumn[] = [
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
  clusterName(id: string): ReactNode;
}) {
  const total = useStore(store, (s) => s.total);
  const pages = useStore(store, (s) => s.pages);
  const filter = useStore(store, (s) => s.filter);
  const { sortBy, ensureRange, rowAt } = store.getState();
  const columns = COLUMNS.filter((c) => !c.pods || kind.hasNode);
  const now = useNow();
  return (
    <VirtualTable
      label={kind.label}
      className={`wl-table${kind.hasNode ? ' wl-pods' : ''}`}
      total={total}
      rowHeight={ROW_HEIGHT}
      ensureRange={ensureRange}
      refetchOn={pages}
      resetOn={filter}
      testId="workload-rows"
      head={<TableHead columns={columns} sort={{ key: filter.sort, dir: filter.dir }} onSort={sortBy} />}
      renderRow={(item, style) => {
        const row = rowAt(item.index);
        if (!row) {
          return (
            <div key={item.key} className="vt-row wl-loading" role="row" style={style}>
              <span className="vt-cell wl-muted">Loading…</span>
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
            className="vt-row"
            role="row"
            style={style}
            data-name={row.name}
            data-namespace={row.namespace}
            data-cluster={row.cluster}
            aria-rowindex={item.index + 1}
          >
            <span className="vt-cell wl-name" role="cell">
              {row.kind === 'Pod' ? (
                <a href={podHref(row.cluster, row.namespace, row.name)}>{row.name}</a>
              ) : children ? (
                <a href={listHref(children.slug, children.filters)} title={`Show what ${row.name} runs`}>
                  {row.name}
                </a>
              ) : (
                row.name
              )}
            </span>
            <span className="vt-cell" role="cell">
              <span className={`wl-status wl-tone-${state.tone}`} data-status={state.status}>
                {state.status}
              </span>
            </span>
            <span className="vt-cell vt-num" role="cell" data-col="ready">
              {state.desired === undefined ? state.ready : `${state.ready}/${state.desired}`}
            </span>
            {kind.hasNode ? (
              <span
                className={`vt-cell vt-num${state.restarts > 0 ? ' wl-warn' : ''}`}
                role="cell"
                data-col="restarts"
              >
                {state.restarts}
              </span>
            ) : null}
            <span className="vt-cell" role="cell" title={row.created}>
              {age(row.created, now)}
            </span>
            <span className="vt-cell wl-mono" role="cell" title={images.join('\n')}>
              {images[0] ?? '--'}
              {images.length > 1 ? <span className="wl-muted"> +{images.length - 1}</span> : null}
            </span>
            {kind.hasNode ? (
              <span className="vt-cell" role="cell" title={row.nodeName ?? undefined}>
                {row.nodeName ?? <span className="wl-muted">--</span>}
              </span>
            ) : null}
            <span className="vt-cell" role="cell">
              {clusterName(row.cluster)}
            </span>
            <span className="vt-cell" role="cell">
              {row.namespace}
            </span>
          </div>
        );
      }}
    />
  );
}
