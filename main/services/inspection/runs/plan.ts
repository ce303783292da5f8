/** Resolving an inspection scope (fleet, group, cluster, workspace, namespace, open source) to a ScopePlan. */
import type { InspectionScope } from '../../../../shared/contract/inspections';
import { AppError } from '../../../../shared/contract/result';
import type { ScopePart } from './scoped-reader';
import type { ScopePlan } from './service';

export interface PlanCluster {
  id: string;
  name: string;
  groupId: string;
  groupName: string;
  version?: string;
}

export interface PlanSource {
  id: string;
  label: string;
  clusters: Array<{ name: string; version: string }>;
}

export interface PlanDeps {
  clusters(): Promise<PlanCluster[]>;
  workspace(id: string): Promise<{ name: string; members: Array<{ cluster: string; name: string }> }>;
  sources(): Promise<PlanSource[]>;
}

const versionsOf = (clusters: PlanCluster[]) =>
  Object.fromEntries(clusters.filter((c) => c.version).map((c) => [c.id, c.version!]));

export async function planScope(scope: InspectionScope, deps: PlanDeps): Promise<ScopePlan> {
  if (scope.kind === 'source') {
    const s = (await deps.sources()).find((x) => x.id === scope.source);
    if (!s)
      throw new AppError(
        'NOT_FOUND',
        `Source ${scope.source} is not open; open the snapshot or import again`,
      );
    return {
      label: s.label,
      source: s.id,
      parts: [{}],
      clusterVersions: Object.fromEntries(
        s.clusters.filter((c) => c.version).map((c) => [c.name, c.version]),
      ),
    };
  }
  const clusters = await deps.clusters();
  const cluster = (id: string) => {
    const c = clusters.find((x) => x.id === id);
    if (!c) throw new AppError('NOT_FOUND', `Cluster ${id} is not attached`);
    return c;
  };
  switch (scope.kind) {
    case 'fleet':
      return { label: 'Fleet', source: 'live', parts: [{}], clusterVersions: versionsOf(clusters) };
    case 'group': {
      const members = clusters.filter((c) => c.groupId === scope.id);
      return {
        label: `Group ${members[0]?.groupName ?? scope.id}`,
        source: 'live',
        parts: [{ clusters: members.map((c) => c.id) }],
        clusterVersions: versionsOf(members),
      };
    }
    case 'cluster': {
      const c = cluster(scope.id);
      return {
        label: `Cluster ${c.name}`,
        source: 'live',
        parts: [{ clusters: [c.id] }],
        clusterVersions: versionsOf([c]),
      };
    }
    case 'namespace': {
      const c = cluster(scope.cluster);
      return {
        label: `Namespace ${scope.namespace} on ${c.name}`,
        source: 'live',
        parts: [{ clusters: [c.id], namespaces: [scope.namespace] }],
        clusterVersions: versionsOf([c]),
      };
    }
    case 'workspace': {
      const ws = await deps.workspace(scope.id);
      const byCluster = new Map<string, string[]>();
      for (const m of ws.members) byCluster.set(m.cluster, [...(byCluster.get(m.cluster) ?? []), m.name]);
      const parts: ScopePart[] = [...byCluster].map(([c, namespaces]) => ({ clusters: [c], namespaces }));
      return {
        label: `Workspace ${ws.name}`,
        source: 'live',
        parts,
        clusterVersions: versionsOf(clusters.filter((c) => byCluster.has(c.id))),
      };
    }
  }
}
