import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useEffect, useRef, type CSSProperties, type ReactNode } from 'react';
import './table.css';

/**
 * A table of `total` rows of which only those on screen are in the page, each fetched by
 * `ensureRange` as it scrolls into view; the header stays put above the scrolling rows.
 * `renderRow` draws one row at its place (`style`).
 */
export function VirtualTable({
  label,
  className,
  total,
  rowHeight,
  overscan = 10,
  ahead = 20,
  ensureRange,
  refetchOn,
  resetOn,
  testId,
  head,
  renderRow,
}: {
  label: string;
  /** The table's own class (its --cols and min-width). */
  className: string;
  total: number;
  rowHeight: number;
  overscan?: number;
  /** How many rows past the last on screen to fetch. */
  ahead?: number;
  ensureRange(from: number, to: number): void;
  /** A value that changes when fetched rows were dropped (fetch the window again). */
  refetchOn: unknown;
  /** A value that changes when the list starts over (a new filter or sort): scroll back to the top. */
  resetOn?: unknown;
  testId: string;
  head: ReactNode;
  renderRow(item: VirtualItem, style: CSSProperties): ReactNode;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read fresh on every render here
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    ensureRange(first, last + ahead);
  }, [first, last, ahead, ensureRange, refetchOn]);

  useEffect(() => {
    if (resetOn !== undefined && scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [resetOn]);

  return (
    <div className="vt-wrap">
      <div className={`vt ${className}`} role="table" aria-label={label} aria-rowcount={total}>
        {head}
        <div className="vt-scroll" ref={scrollRef} data-testid={testId}>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) =>
              renderRow(item, {
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                height: rowHeight,
                transform: `translateY(${item.start}px)`,
              }),
            )}
          </div>
        </div>
      </div>
    </div>
  );
}
