import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { InspectionFinding } from '../../../shared/contract/inspections';
import type { Column } from '../../components/table/columns';
import { TableHead } from '../../components/table/TableHead';
import { VirtualTable } from '../../components/table/VirtualTable';
import { findingHref, objectText } from './finding-link';
import type { createFindingsList } from './findings-store';

const ROW_HEIGHT = 38;

const COLUMNS: Column[] = [
  { key: 'severity', label: 'Severity' },
  { key: 'check', label: 'Check' },
  { key: 'object', label: 'Object' },
  { key: 'cluster', label: 'Cluster' },
  { key: 'message', label: 'Message' },
  { key: 'field', label: 'Field' },
];

/**
 * Findings, virtualised (a fleet run can have tens of thousands): only the rows on screen are in
 * the page. A row opens its object's YAML with the offending field highlighted (live objects), or
 * calls `onOpen` (snapshots and imports, which open in place).
 */
export function FindingsTable({
  store,
  clusterName,
  onOpen,
  label = 'Findings',
  stateOf,
}: {
  store: ReturnType<typeof createFindingsList>;
  clusterName(id: string): string;
  onOpen(f: InspectionFinding): void;
  label?: string;
  /** An extra first column (e.g. new/fixed in a comparison). */
  stateOf?: { header: string; cell(f: InspectionFinding): ReactNode };
}) {
  const total = useStore(store, (s) => s.total);
  const pages = useStore(store, (s) => s.pages);
  const { ensureRange, rowAt } = store.getState();
  const columns = stateOf ? [{ key: 'state', label: stateOf.header }, ...COLUMNS] : COLUMNS;
  return (
    <VirtualTable
      label={label}
      className={`in-ftable${stateOf ? ' in-with-state' : ''}`}
      total={total}
      rowHeight={ROW_HEIGHT}
      ahead={40}
      ensureRange={ensureRange}
      refetchOn={pages}
      testId="finding-rows"
      head={<TableHead columns={columns} cellClass="" />}
      renderRow={(item, style) => {
        const f = rowAt(item.index);
        if (!f) {
          return (
            <div key={item.key} className="vt-row" role="row" style={style}>
              <span className="in-muted" role="cell">
                Loading…
              </span>
            </div>
          );
        }
        const href = findingHref(f);
        return (
          <div
            key={item.key}
            className="vt-row in-clickable"
            role="row"
            style={style}
            aria-rowindex={item.index + 1}
            data-check={f.checkId}
            data-object={objectText(f)}
            onClick={(e) => {
              if ((e.target as HTMLElement).closest('a')) return;
              if (href) window.location.hash = href;
              else onOpen(f);
            }}
          >
            {stateOf ? <span role="cell">{stateOf.cell(f)}</span> : null}
            <span role="cell">
              <span className={`in-sev in-sev-${f.severity}`}>{f.severity}</span>
            </span>
            <span
              role="cell"
              className="in-ellipsis"
              title={`${f.checkId} · ${f.category}\n${f.remediation}`}
            >
              {f.title}
            </span>
            <span role="cell" className="in-ellipsis" title={objectText(f)}>
              {href ? (
                <a href={href} data-testid="finding-open">
                  {objectText(f)}
                </a>
              ) : (
                <button
                  type="button"
                  className="in-linklike"
                  onClick={() => onOpen(f)}
                  data-testid="finding-open"
                >
                  {objectText(f)}
                </button>
              )}
            </span>
            <span role="cell" className="in-ellipsis">
              {clusterName(f.cluster)}
            </span>
            <span role="cell" className="in-ellipsis" title={`${f.message}\n\nFix: ${f.remediation}`}>
              {f.message}
            </span>
            <span role="cell" className="in-ellipsis in-mono" title={f.path}>
              {f.path}
            </span>
          </div>
        );
      }}
    />
  );
}
