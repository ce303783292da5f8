import type { ReactNode } from 'react';
import { ariaSort, sortMark, type Column, type SortState } from './columns';

/**
 * The header row of a virtualised table: a column header per column, a button on those that sort
 * (it shows the direction and reports it in aria-sort). It stays above the scrolling rows.
 */
export function TableHead<K extends string>({
  columns,
  sort,
  onSort,
  lead,
  cellClass = 'vt-cell',
}: {
  columns: readonly Column<K>[];
  sort?: SortState<K>;
  onSort?(key: K): void;
  /** A first header cell that is not a column of data (e.g. select all). */
  lead?: ReactNode;
  cellClass?: string;
}) {
  return (
    <div className="vt-row vt-head" role="row">
      {lead}
      {columns.map((c) => (
        <span
          key={c.key}
          className={cellClass || undefined}
          role="columnheader"
          aria-sort={sort ? ariaSort(c, sort) : undefined}
        >
          {c.sort && sort && onSort ? (
            <button type="button" className="vt-sort" onClick={() => onSort(c.sort!)}>
              {c.label}
              {sortMark(c, sort)}
            </button>
          ) : (
            c.label
          )}
        </span>
      ))}
    </div>
  );
}
