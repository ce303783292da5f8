import { describe, expect, it } from 'vitest';
import { ariaSort, sortMark, type Column, type SortState } from './columns';

const name: Column<'name' | 'age'> = { key: 'name', label: 'Name', sort: 'name' };
const image: Column<'name' | 'age'> = { key: 'image', label: 'Image' };

describe('sortable columns', () => {
  const cases: Array<
    [string, Column<'name' | 'age'>, SortState<'name' | 'age'>, string | undefined, string]
  > = [
    ['sorted ascending', name, { key: 'name', dir: 'asc' }, 'ascending', ' ▲'],
    ['sorted descending', name, { key: 'name', dir: 'desc' }, 'descending', ' ▼'],
    ['sorted by another column', name, { key: 'age', dir: 'asc' }, undefined, ''],
    ['not sorted at all', name, { key: undefined, dir: 'asc' }, undefined, ''],
    ['a column that does not sort', image, { key: 'name', dir: 'desc' }, undefined, ''],
  ];
  it.each(cases)('%s', (_, column, sort, aria, mark) => {
    expect(ariaSort(column, sort)).toBe(aria);
    expect(sortMark(column, sort)).toBe(mark);
  });
});
