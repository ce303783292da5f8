import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { InspectionFinding } from '../../../shared/contract/inspections';
import { findingHref, objectText } from './finding-link';
import type { createFindingsList } from './findings-store';

const ROW_HEIGHT = 38;

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
    ensureRange(first, last + 40);
  }, [first, last, ensureRange, pages]);

  return (
    <div className="in-ftable-wrap">
      <div
        className={`in-ftable${stateOf ? ' in-with-state' : ''}`}
        role="table"
        aria-label={label}
        aria-rowcount={total}
      >
        <div className="in-frow in-fhead" role="row">
          {stateOf ? <span role="columnheader">{stateOf.header}</span> : null}
          <span role="columnheader">Severity</span>
          <span role="columnheader">Check</span>
          <span role="columnheader">Object</span>
          <span role="columnheader">Cluster</span>
          <span role="columnheader">Message</span>
          <span role="columnheader">Field</span>
        </div>
        <div className="in-fscroll" ref={scrollRef} data-testid="finding-rows">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const f = rowAt(item.index);
              const style = {
                position: 'absolute' as const,
                top: 0,
                left: 0,
                right: 0,
                height: ROW_HEIGHT,
                transform: `translateY(${item.start}px)`,
              };
              if (!f) {
                return (
                  <div key={item.key} className="in-frow" role="row" style={style}>
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
                  className="in-frow in-clickable"
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
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
