/**
 * The findings table's filters: what the user picked, the query sent to main, and the same state
 * written into the page's route (`#/inspections/runs/<id>?severity=danger&cluster=tkg-01`) so a
 * filtered view can be linked and survives a reload. Pure: no React, no calls.
 */

import type {
  FindingFilters,
  InspectionCategory,
  InspectionSeverity,
} from '../../../shared/contract/inspections';

export const SEVERITIES: readonly InspectionSeverity[] = ['danger', 'warning', 'info'];
export type Severity = InspectionSeverity;
export const CATEGORIES: readonly InspectionCategory[] = [
  'Security',
  'Reliability',
  'Efficiency',
  'Cluster health',
];

export interface FindingFilter {
  /** Empty = every severity. */
  severities: Severity[];
  category: string;
  check: string;
  cluster: string;
  namespace: string;
  kind: string;
  /** Free text over the message, the object's name and the check's title. */
  text: string;
}

export const emptyFilter = (): FindingFilter => ({
  severities: [],
  category: '',
  check: '',
  cluster: '',
  namespace: '',
  kind: '',
  text: '',
});

/** The filter part of a findings query (the contract's FindingFilters): blanks are left out, text trimmed. */
export type FindingQueryFilter = FindingFilters;

/** The namespace picker's value for cluster-scoped objects (whose namespace is ''). */
export const CLUSTER_SCOPED = '(cluster-scoped)';

const one = (value: string): string[] | undefined => {
  const v = value.trim();
  return v === '' ? undefined : [v];
};

export function toQueryFilter(f: FindingFilter): FindingQueryFilter {
  const q: FindingQueryFilter = {};
  const severities = SEVERITIES.filter((s) => f.severities.includes(s));
  if (severities.length > 0 && severities.length < SEVERITIES.length) q.severity = severities;
  const category = CATEGORIES.find((c) => c === f.category.trim());
  if (category) q.category = [category];
  const set = (key: 'checkId' | 'cluster' | 'namespace' | 'kind', value: string[] | undefined) => {
    if (value !== undefined) q[key] = value;
  };
  set('checkId', one(f.check));
  set('cluster', one(f.cluster));
  // '' is a real namespace value for cluster-scoped objects: the picker offers it as "(cluster-scoped)"
  if (f.namespace === CLUSTER_SCOPED) q.namespace = [''];
  else set('namespace', one(f.namespace));
  set('kind', one(f.kind));
  const text = f.text.trim();
  if (text) q.text = text;
  return q;
}

export const isFiltered = (f: FindingFilter): boolean => Object.keys(toQueryFilter(f)).length > 0;

const KEYS = ['category', 'check', 'cluster', 'namespace', 'kind', 'text'] as const;

/** The filter as a URL query string (without '?'); '' when nothing is filtered. */
export function filterToSearch(f: FindingFilter): string {
  const params = new URLSearchParams();
  const severities = SEVERITIES.filter((s) => f.severities.includes(s));
  if (severities.length > 0 && severities.length < SEVERITIES.length)
    params.set('severity', severities.join(','));
  for (const key of KEYS) {
    const v = f[key].trim();
    if (v) params.set(key, v);
  }
  return params.toString();
}

/** Reads a filter back from a query string; unknown keys and unknown severities are ignored. */
export function filterFromSearch(search: string): FindingFilter {
  const params = new URLSearchParams(search.replace(/^\?/, ''));
  const f = emptyFilter();
  const sev = params.get('severity');
  if (sev) {
    const picked = sev.split(',').map((s) => s.trim());
    f.severities = SEVERITIES.filter((s) => picked.includes(s));
  }
  for (const key of KEYS) f[key] = params.get(key) ?? '';
  return f;
}

/** "12 of 340 findings" / "340 findings" for the count line. */
export function countLine(shown: number, total: number, filtered: boolean): string {
  const noun = total === 1 ? 'finding' : 'findings';
  if (!filtered || shown === total) return `${total.toLocaleString('en-US')} ${noun}`;
  return `${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} ${noun}`;
}
