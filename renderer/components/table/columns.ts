/** A column of a virtualised table: its header, and the key the list sorts by, when it sorts. */
export interface Column<K extends string = string> {
  key: string;
  label: string;
  sort?: K;
}

/** The list's order: the key it sorts by and the direction. */
export interface SortState<K extends string> {
  key: K | undefined;
  dir: 'asc' | 'desc';
}

/** The header's aria-sort: set only on the column the list is sorted by. */
export function ariaSort<K extends string>(
  column: Column<K>,
  sort: SortState<K>,
): 'ascending' | 'descending' | undefined {
  if (!column.sort || column.sort !== sort.key) return undefined;
  return sort.dir === 'asc' ? 'ascending' : 'descending';
}

/** The arrow after a sorted column's label (empty on the others). */
export function sortMark<K extends string>(column: Column<K>, sort: SortState<K>): string {
  if (!column.sort || column.sort !== sort.key) return '';
  return sort.dir === 'asc' ? ' ▲' : ' ▼';
}
