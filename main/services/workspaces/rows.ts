import type { ObjectSummary } from '../../../shared/objects/page';
import {
  isFlotillaNamespace,
  isSystemNamespace,
  type NamespacePage,
  type NamespaceQuery,
  type NamespaceRow,
} from '../../../shared/contract/workspaces';
import type { Membership, WorkspaceRecord } from '../../store/workspaces';

export type { ObjectSummary };

export interface Joined {
  clusterNames: ReadonlyMap<string, string>;
  workspaces: ReadonlyMap<string, WorkspaceRecord>;
  /** `${cluster}\n${namespace}` → workspace id. */
  members: ReadonlyMap<string, string>;
}

export const memberKey = (cluster: string, namespace: string) => `${cluster}\n${namespace}`;

export function joinContext(
  clusters: ReadonlyArray<{ id: string; name: string }>,
  workspaces: readonly WorkspaceRecord[],
  memberships: readonly Membership[],
): Joined {
  return {
    clusterNames: new Map(clusters.map((c) => [c.id, c.name])),
    workspaces: new Map(workspaces.map((w) => [w.id, w])),
    members: new Map(memberships.map((m) => [memberKey(m.cluster, m.namespace), m.workspaceId])),
  };
}

/** A namespace as the Namespaces table shows it: the cached object (if any) joined with its workspace. */
export function namespaceRow(
  j: Joined,
  cluster: string,
  name: string,
  object?: Pick<ObjectSummary, 'labels' | 'status' | 'created'>,
): NamespaceRow {
  const workspaceId = j.members.get(memberKey(cluster, name));
  const ws = workspaceId ? j.workspaces.get(workspaceId) : undefined;
  return {
    cluster,
    clusterName: j.clusterNames.get(cluster) ?? cluster,
    name,
    managed: ws !== undefined,
    workspaceId: ws?.id,
    workspaceName: ws?.name,
    labels: object?.labels ?? {},
    status: object?.status ?? null,
    created: object?.created || undefined,
  };
}

/** Filters and pages the fleet's namespaces (sorted by name, then cluster name). */
export function namespacePage(
  j: Joined,
  objects: readonly ObjectSummary[],
  q: NamespaceQuery,
): NamespacePage {
  const text = q.text?.trim().toLowerCase() ?? '';
  const clusters = q.clusters ? new Set(q.clusters) : undefined;
  const rows = objects
    .map((o) => namespaceRow(j, o.cluster, o.name, o))
    .filter(
      (r) =>
        (!clusters || clusters.has(r.cluster)) &&
        (!q.hideSystem || !isSystemNamespace(r.name)) &&
        (!q.hideFlotilla || !isFlotillaNamespace(r.name, r.labels)) &&
        (q.managed === 'all' || r.managed === (q.managed === 'managed')) &&
        (!q.workspaceId || r.workspaceId === q.workspaceId) &&
        (text === '' ||
          r.name.includes(text) ||
          r.clusterName.toLowerCase().includes(text) ||
          (r.workspaceName ?? '').includes(text) ||
          Object.entries(r.labels).some(([k, v]) => `${k}=${v}`.toLowerCase().includes(text))),
    )
    .sort((a, b) => a.name.localeCompare(b.name) || a.clusterName.localeCompare(b.clusterName));
  return {
    total: rows.length,
    all: objects.length,
    offset: q.offset,
    items: rows.slice(q.offset, q.offset + q.limit),
  };
}
