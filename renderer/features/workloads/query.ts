import type { CallInput, CallOutput } from '../../../shared/contract';

/** The filter of one Workloads table and the objects.query it becomes (pure). */

export const PAGE = 100;
type SortKey = NonNullable<CallInput<'objects.query'>['sort']>;
export type Scope = { cluster: string; namespace: string };

export interface WorkloadFilter {
  /** The data source: 'live', 'snapshot:<id>' or 'manifests:<id>'. */
  source: string;
  kind: string;
  /** Cluster ids (a group resolves to these); null: every cluster, []: none (an empty group). */
  clusters: string[] | null;
  /** A workspace id ('' for any) … */
  workspace: string;
  /** … and its (cluster, namespace) pairs once known (null: not resolved yet, []: it has none). */
  scopes: Scope[] | null;
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

export const defaultFilter = (kind: string, source = 'live'): WorkloadFilter => ({
  source,
  kind,
  clusters: null,
  workspace: '',
  scopes: null,
  namespace: '',
  labelSelector: '',
  text: '',
  nodeName: '',
  status: '',
  sort: 'name',
  dir: 'asc',
});

/** The workspace's pairs, when a workspace is chosen (undefined: no workspace filter). */
const scopesOf = (f: WorkloadFilter): Scope[] | undefined => (f.workspace ? (f.scopes ?? []) : undefined);

/**
 * Why the filter cannot match anything without asking main ('empty'), or must wait for the
 * workspace's namespaces ('waiting'); null when it is a query to run.
 */
export function shortcut(f: WorkloadFilter): 'empty' | 'waiting' | null {
  if (f.clusters?.length === 0) return 'empty';
  if (f.workspace && f.scopes === null) return 'waiting';
  if (f.workspace && f.scopes?.length === 0) return 'empty';
  return null;
}

export function toQuery(f: WorkloadFilter, offset: number): CallInput<'objects.query'> {
  return {
    source: f.source,
    kinds: [f.kind],
    clusters: f.clusters ?? undefined,
    scopes: scopesOf(f),
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

/** The objects.count behind the namespace and status pickers: same source, clusters and workspace. */
export function toCount(f: WorkloadFilter, by: CallInput<'objects.count'>['by']): CallInput<'objects.count'> {
  return { source: f.source, kinds: [f.kind], clusters: f.clusters ?? undefined, scopes: scopesOf(f), by };
}

type Member = CallOutput<'workspaces.get'>['members'][number];

/** A workspace's namespaces as query scopes (its members across clusters), without duplicates. */
export function workspaceScopes(members: readonly Member[]): Scope[] {
  const seen = new Set<string>();
  const out: Scope[] = [];
  for (const m of members) {
    const key = `${m.cluster}\u0000${m.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ cluster: m.cluster, namespace: m.name });
  }
  return out;
}
