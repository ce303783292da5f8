import type { DiffChange, DiffResult } from '../../../shared/contract/sources';

/** The diff view's pure logic: summary grouping, filters, keys and words. */

export type SummaryRow = DiffResult['summary'][number];
export type GroupBy = 'cluster' | 'kind' | 'namespace';
export type ChangeType = DiffChange['change'];

export interface SummaryGroup {
  key: string;
  added: number;
  removed: number;
  changed: number;
  total: number;
}

/** The summary rows (cluster × kind × namespace) added up by one of the three; biggest first. */
export function groupSummary(rows: readonly SummaryRow[], by: GroupBy): SummaryGroup[] {
  const groups = new Map<string, SummaryGroup>();
  for (const r of rows) {
    const key = r[by];
    const g = groups.get(key) ?? { key, added: 0, removed: 0, changed: 0, total: 0 };
    g.added += r.added;
    g.removed += r.removed;
    g.changed += r.changed;
    g.total += r.added + r.removed + r.changed;
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
}

/** How a cluster-scoped object's empty namespace reads. */
export const namespaceText = (ns: string): string => (ns === '' ? '(cluster-scoped)' : ns);

export interface ChangeFilter {
  types: ReadonlySet<ChangeType>;
  cluster: string;
  kind: string;
  namespace: string;
  /** Part of the object name, any case. */
  text: string;
}

export const allTypes: ReadonlySet<ChangeType> = new Set(['added', 'removed', 'changed']);

export const emptyFilter: ChangeFilter = { types: allTypes, cluster: '', kind: '', namespace: '', text: '' };

/** A filter on one of cluster, kind or namespace: '' is "any", a cluster-scoped namespace is '(cluster-scoped)'. */
export function filterChanges(changes: readonly DiffChange[], f: ChangeFilter): DiffChange[] {
  const text = f.text.trim().toLowerCase();
  return changes.filter(
    (c) =>
      f.types.has(c.change) &&
      (!f.cluster || c.cluster === f.cluster) &&
      (!f.kind || c.kind === f.kind) &&
      (!f.namespace || namespaceText(c.namespace) === f.namespace) &&
      (!text || c.name.toLowerCase().includes(text)),
  );
}

/** The filters main can apply before cutting the list at its limit. */
export function serverScope(f: ChangeFilter): {
  clusters?: string[];
  kinds?: string[];
  namespaces?: string[];
} {
  return {
    clusters: f.cluster ? [f.cluster] : undefined,
    kinds: f.kind ? [f.kind] : undefined,
    namespaces: f.namespace ? [f.namespace === '(cluster-scoped)' ? '' : f.namespace] : undefined,
  };
}

export const changeKey = (c: DiffChange): string =>
  [c.cluster, c.group, c.kind, c.namespace, c.name].join('\u0000');

/** "12 added · 3 removed · 40 changed", or "No differences". */
export function totalsText(t: DiffResult['totals']): string {
  if (t.added + t.removed + t.changed === 0) return 'No differences';
  return `${t.added} added · ${t.removed} removed · ${t.changed} changed`;
}

/** "spec.replicas, metadata.labels.app and 4 more fields". */
export function fieldsText(fields: readonly string[], max = 3): string {
  if (fields.length === 0) return '';
  if (fields.length <= max) return fields.join(', ');
  return `${fields.slice(0, max).join(', ')} and ${fields.length - max} more fields`;
}
