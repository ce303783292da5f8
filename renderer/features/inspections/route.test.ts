import { describe, expect, it } from 'vitest';
import { parseHash } from '../../app/router';
import { inspectionsHref, parseInspectionsPath, tabOf, type InspectionsRoute } from './route';

/** What the page gets for a link: the app router's parse of the href, then ours. */
const via = (href: string): InspectionsRoute => {
  const route = parseHash(href);
  if (route.kind !== 'section' || route.section !== 'inspections')
    throw new Error(`not an inspections link: ${href}`);
  return parseInspectionsPath(route.path);
};

describe('inspections routes', () => {
  it.each<[string, string, InspectionsRoute]>([
    ['runs', inspectionsHref.runs(), { view: 'runs' }],
    ['a run', inspectionsHref.run('run-1'), { view: 'run', id: 'run-1', search: '' }],
    [
      'a filtered run',
      inspectionsHref.run('r/1', 'severity=danger&text=a+b%2Fc'),
      { view: 'run', id: 'r/1', search: 'severity=danger&text=a+b%2Fc' },
    ],
    ['history of all scopes', inspectionsHref.history(), { view: 'history', scope: '' }],
    [
      'history of a scope',
      inspectionsHref.history('namespace:tkg-01/shop'),
      { view: 'history', scope: 'namespace:tkg-01/shop' },
    ],
    ['a comparison', inspectionsHref.compare('a', 'b'), { view: 'compare', a: 'a', b: 'b' }],
    ['schedules', inspectionsHref.schedules(), { view: 'schedules' }],
    [
      'settings of a scope',
      inspectionsHref.settings('group:prod & co'),
      { view: 'settings', scope: 'group:prod & co' },
    ],
    ['conformance', inspectionsHref.conformance(), { view: 'conformance' }],
    ['one conformance result', inspectionsHref.conformance('imp-1'), { view: 'conformance', id: 'imp-1' }],
  ])('%s round-trips', (_, href, route) => {
    expect(via(href)).toEqual(route);
  });

  it.each([[['compare', 'a']], [['runs', 'a', 'b']], [['nope']], [['schedules', 'x']]])(
    '%j is not a page, and says so',
    (path) => {
      const r = parseInspectionsPath(path);
      expect(r.view).toBe('unknown');
      if (r.view === 'unknown')
        expect(r.reason).toMatch(/^(There is no inspections page at|A comparison names two runs)/);
    },
  );

  it('maps views to tabs', () => {
    expect(tabOf({ view: 'compare', a: 'a', b: 'b' })).toBe('history');
    expect(tabOf({ view: 'run', id: 'x', search: '' })).toBe('runs');
    expect(tabOf({ view: 'conformance', id: 'x' })).toBe('conformance');
  });
});
