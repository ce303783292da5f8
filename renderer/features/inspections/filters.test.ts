import { describe, expect, it } from 'vitest';
import {
  CLUSTER_SCOPED,
  countLine,
  emptyFilter,
  filterFromSearch,
  filterToSearch,
  isFiltered,
  toQueryFilter,
  type FindingFilter,
} from './filters';

const f = (over: Partial<FindingFilter>): FindingFilter => ({ ...emptyFilter(), ...over });

describe('findings filters → query', () => {
  const cases: [string, FindingFilter, ReturnType<typeof toQueryFilter>][] = [
    ['nothing picked asks for everything', emptyFilter(), {}],
    ['all three severities is no severity filter', f({ severities: ['info', 'danger', 'warning'] }), {}],
    [
      'severities keep their canonical order',
      f({ severities: ['warning', 'danger'] }),
      { severity: ['danger', 'warning'] },
    ],
    [
      'each picker becomes a one-item list, trimmed',
      f({
        category: 'Security',
        check: ' runAsRootAllowed ',
        cluster: 'tkg-01',
        namespace: 'shop',
        kind: 'Deployment',
      }),
      {
        category: ['Security'],
        checkId: ['runAsRootAllowed'],
        cluster: ['tkg-01'],
        namespace: ['shop'],
        kind: ['Deployment'],
      },
    ],
    ['blank text is no text filter', f({ text: '   ' }), {}],
    ['text is trimmed', f({ text: '  privileged ' }), { text: 'privileged' }],
    ['cluster-scoped objects are the empty namespace', f({ namespace: CLUSTER_SCOPED }), { namespace: [''] }],
    ['an unknown category is no category filter', f({ category: 'Style' }), {}],
  ];
  it.each(cases)('%s', (_, filter, query) => {
    expect(toQueryFilter(filter)).toEqual(query);
    expect(isFiltered(filter)).toBe(Object.keys(query).length > 0);
  });
});

describe('findings filters in the route', () => {
  it('round-trips every field, including characters that need escaping', () => {
    const filter = f({
      severities: ['danger'],
      category: 'Cluster health',
      check: 'hostPathSet',
      cluster: 'a/b & c',
      namespace: 'kube-system',
      kind: 'Pod',
      text: '50% of "x"',
    });
    const search = filterToSearch(filter);
    expect(search).toContain('severity=danger');
    expect(filterFromSearch(search)).toEqual(filter);
    expect(filterFromSearch(`?${search}`)).toEqual(filter);
  });

  it('writes nothing for an empty filter and ignores unknown keys and severities', () => {
    expect(filterToSearch(emptyFilter())).toBe('');
    expect(filterFromSearch('severity=danger,loud&colour=red')).toEqual(f({ severities: ['danger'] }));
  });
});

describe('count line', () => {
  it.each([
    [5, 5, false, '5 findings'],
    [1, 1, false, '1 finding'],
    [3, 1200, true, '3 of 1,200 findings'],
    [1200, 1200, true, '1,200 findings'],
    [0, 0, false, '0 findings'],
  ])('%i shown of %i (filtered %s) → %s', (shown, total, filtered, line) => {
    expect(countLine(shown, total, filtered)).toBe(line);
  });
});
