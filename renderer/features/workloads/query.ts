import type { CallInput } from '../../../shared/contract';

/** The filter of one Workloads table and the objects.query it becomes (pure). */

export const PAGE = 100;
type SortKey = NonNullable<CallInput<'objects.query'>['sort']>;

export interface WorkloadFilter {
  kind: string;
  /** Cluster ids (a group resolves to these); null: every cluster, []: none (an empty group). */
  clusters: string[] | null;
  namespace: string;
  labelSelector: string;
  text: string;
  nodeName: string;
  /** One value of the status column ('' for any). */
  status: string;
  owner?: { kind: string; name: string };
  sort: SortKey;
  dir: 'asc' | 'desc';
}

export const defaultFilter = (kind: string): WorkloadFilter => ({
  kind,
  clusters: null,
  namespace: '',
  labelSelector: '',
  text: '',
  nodeName: '',
  status: '',
  sort: 'name',
  dir: 'asc',
});

export function toQuery(f: WorkloadFilter, offset: number): CallInput<'objects.query'> {
  return {
    kinds: [f.kind],
    clusters: f.clusters ?? undefined,
    namespaces: f.namespace ? [f.namespace] : undefined,
    labelSelector: f.labelSelector.trim() || undefined,
    text: f.text.trim() || undefined,
    nodeName: f.nodeName || undefined,
    owner: f.owner,
    statuses: f.status ? [f.status] : undefined,
    sort: f.sort,
    dir: f.dir,
    offset,
    limit: PAGE,
    withObject: true,
  };
}
