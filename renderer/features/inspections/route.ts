/**
 * The Inspections section's own routes (the sub-path after `#/inspections/`):
 *
 *   (none)                     runs: start a run, the list of runs
 *   runs/<id>[?filters]        one run's result and its findings (filters as in filters.ts)
 *   history[?scope=<key>]      history of one scope: trend chart and runs to compare
 *   compare/<a>/<b>            the diff between two runs
 *   schedules                  scheduled runs
 *   settings[?scope=<key>]     check settings per scope
 *   conformance[/<id>]         Sonobuoy results: imported tarballs and conformance runs
 *
 * A query goes after a `?` in the last segment, encoded as one segment (as the workloads lists do).
 */

export type InspectionsRoute =
  | { view: 'runs' }
  | { view: 'run'; id: string; search: string }
  | { view: 'history'; scope: string }
  | { view: 'compare'; a: string; b: string }
  | { view: 'schedules' }
  | { view: 'settings'; scope: string }
  | { view: 'conformance'; id?: string }
  | { view: 'unknown'; reason: string };

function splitQuery(segment: string): [string, URLSearchParams, string] {
  const q = segment.indexOf('?');
  if (q < 0) return [segment, new URLSearchParams(), ''];
  const search = segment.slice(q + 1);
  return [segment.slice(0, q), new URLSearchParams(search), search];
}

export function parseInspectionsPath(path: readonly string[]): InspectionsRoute {
  if (path.length === 0) return { view: 'runs' };
  const last = path[path.length - 1]!;
  const [lastBare, params, search] = splitQuery(last);
  const parts = [...path.slice(0, -1), lastBare];
  const [head, ...rest] = parts;
  switch (head) {
    case '':
    case 'runs':
      if (rest.length === 0) return { view: 'runs' };
      if (rest.length === 1 && rest[0]) return { view: 'run', id: rest[0], search };
      break;
    case 'history':
      if (rest.length === 0) return { view: 'history', scope: params.get('scope') ?? '' };
      break;
    case 'compare':
      if (rest.length === 2 && rest[0] && rest[1]) return { view: 'compare', a: rest[0], b: rest[1] };
      return { view: 'unknown', reason: 'A comparison names two runs' };
    case 'schedules':
      if (rest.length === 0) return { view: 'schedules' };
      break;
    case 'settings':
      if (rest.length === 0) return { view: 'settings', scope: params.get('scope') ?? '' };
      break;
    case 'conformance':
      if (rest.length === 0) return { view: 'conformance' };
      if (rest.length === 1 && rest[0]) return { view: 'conformance', id: rest[0] };
      break;
  }
  return { view: 'unknown', reason: `There is no inspections page at "${path.join('/')}"` };
}

const seg = (s: string) => encodeURIComponent(s);
const withQuery = (base: string, query: string) => (query ? `${base}?${encodeURIComponent(query)}` : base);

export const inspectionsHref = {
  runs: () => '#/inspections',
  run: (id: string, search = '') => withQuery(`#/inspections/runs/${seg(id)}`, search),
  history: (scope = '') =>
    withQuery('#/inspections/history', scope ? new URLSearchParams({ scope }).toString() : ''),
  compare: (a: string, b: string) => `#/inspections/compare/${seg(a)}/${seg(b)}`,
  schedules: () => '#/inspections/schedules',
  settings: (scope = '') =>
    withQuery('#/inspections/settings', scope ? new URLSearchParams({ scope }).toString() : ''),
  conformance: (id?: string) => (id ? `#/inspections/conformance/${seg(id)}` : '#/inspections/conformance'),
};

/** The tab a route belongs to, for the section's tab bar. */
export function tabOf(
  route: InspectionsRoute,
): 'runs' | 'history' | 'schedules' | 'settings' | 'conformance' {
  switch (route.view) {
    case 'history':
    case 'compare':
      return 'history';
    case 'schedules':
    case 'settings':
    case 'conformance':
      return route.view;
    default:
      return 'runs';
  }
}
