import { Provider, type Allocation, type ClusterRow, type Overview } from '../../../shared/contract/fleet';
import type { NodeRow } from '../../../shared/contract/nodes';
import type { SourceView } from '../../../shared/contract/sources';
import type { NamespacePage, NamespaceQuery } from '../../../shared/contract/workspaces';
import type { ObjectSummary } from '../../../shared/objects/page';
import { joinContext, namespacePage } from '../workspaces/rows';
import type { SnapshotMeta } from './format';
import type { SnapshotStore } from './reader';

/**
 * The fleet views of a source that is not live (a snapshot, imported manifests): cluster rows
 * and overviews from what the source recorded about its clusters plus its objects; namespaces
 * from its Namespace objects. A cluster's id there is its name (ids are local to one installation).
 */

const sum = (rows: readonly NodeRow[], pick: (r: NodeRow) => { requested: number; allocatable: number }) =>
  rows.reduce(
    (a, r) => ({
      requested: a.requested + pick(r).requested,
      allocatable: a.allocatable + pick(r).allocatable,
    }),
    { requested: 0, allocatable: 0 },
  );

const providerOf = (p: string) => {
  const parsed = Provider.safeParse(p);
  return parsed.success ? parsed.data : 'unknown';
};

function takenText(view: SourceView): string {
  if (view.kind === 'manifests') return `Imported manifests${view.takenAt ? `, ${view.takenAt}` : ''}`;
  return `Snapshot taken ${view.takenAt ?? 'at an unknown time'}`;
}

/** What a cluster row shows of a cluster's nodes. */
export interface ClusterFigures {
  nodes: number;
  ready: number;
  cpu: Allocation;
  memory: Allocation;
}

/** Figures summed from node rows (nodes.list of the source). */
export function figuresFromNodes(nodes: readonly NodeRow[]): Map<string, ClusterFigures> {
  const out = new Map<string, ClusterFigures>();
  for (const cluster of new Set(nodes.map((n) => n.cluster))) {
    const mine = nodes.filter((n) => n.cluster === cluster);
    out.set(cluster, {
      nodes: mine.length,
      ready: mine.filter((n) => n.state === 'Ready').length,
      cpu: sum(mine, (r) => r.cpu),
      memory: sum(mine, (r) => r.memory),
    });
  }
  return out;
}

/** Figures recorded at capture (no body is read); undefined when the file predates them. */
export function figuresFromMeta(meta: SnapshotMeta): Map<string, ClusterFigures> | undefined {
  const out = new Map<string, ClusterFigures>();
  for (const c of meta.clusters) {
    if (!c.cpu || !c.memory || c.readyNodes === undefined) return undefined;
    out.set(c.name, { nodes: c.nodes, ready: c.readyNodes, cpu: c.cpu, memory: c.memory });
  }
  return out;
}

/** Each cluster's labels as the capture recorded them (none in files that predate them, or imports). */
export type ClusterLabels = ReadonlyMap<string, Readonly<Record<string, string>>>;

export function labelsFromMeta(meta: SnapshotMeta | undefined): ClusterLabels {
  return new Map((meta?.clusters ?? []).map((c) => [c.name, c.labels ?? {}]));
}

/** Every cluster of the source as a cluster-list row (status and type "snapshot"). */
export function sourceClusterRows(
  view: SourceView,
  figures: ReadonlyMap<string, ClusterFigures>,
  labels: ClusterLabels = new Map(),
): ClusterRow[] {
  return view.clusters.map((c) => {
    const f = figures.get(c.name);
    const count = f?.nodes ?? 0;
    const ready = f?.ready ?? 0;
    return {
      id: c.name,
      name: c.name,
      description: takenText(view),
      groupId: c.group || 'default',
      groupName: c.group || 'default',
      provider: providerOf(c.provider),
      type: 'snapshot',
      status: 'snapshot',
      statusMessage: takenText(view),
      health: count === 0 ? 'unknown' : ready === count ? 'healthy' : ready === 0 ? 'critical' : 'warning',
      ...(c.version ? { version: c.version } : {}),
      ...(f && count > 0 ? { cpu: f.cpu, memory: f.memory } : {}),
      nodes: f?.nodes ?? c.nodes,
      labels: { ...labels.get(c.name) },
      server: '',
      context: '',
      attachedAt: view.takenAt ?? '',
      ...(view.takenAt ? { observedAt: view.takenAt } : {}),
      // read-only through its source; "protected" marks production clusters of the live fleet
      protected: false,
    };
  });
}

/** One cluster of the source as the overview page shows it. */
export function sourceOverview(
  view: SourceView,
  store: SnapshotStore,
  nodes: readonly NodeRow[],
  name: string,
  labels: ClusterLabels = new Map(),
): Overview | undefined {
  const row = sourceClusterRows(view, figuresFromNodes(nodes), labels).find((r) => r.name === name);
  if (!row) return undefined;
  const mine = nodes.filter((n) => n.cluster === name);
  const workers = mine.filter((n) => n.role === 'worker');
  const counts = store.countBy({ source: view.id, clusters: [name], kinds: ['Namespace', 'Pod'] }, 'kind');
  const created = mine
    .map((n) => n.created)
    .filter((c): c is string => !!c)
    .sort()[0];
  return {
    id: row.id,
    name: row.name,
    groupId: row.groupId,
    groupName: row.groupName,
    provider: row.provider,
    ...(row.version ? { version: row.version } : {}),
    status: 'snapshot',
    statusMessage: row.statusMessage,
    namespaces: counts.Namespace ?? 0,
    pods: counts.Pod ?? 0,
    controlPlaneNodes: mine.length - workers.length,
    workerNodes: workers.length,
    totalCores: mine.reduce((n, r) => n + r.cpu.allocatable, 0),
    totalMemoryBytes: mine.reduce((n, r) => n + r.memory.allocatable, 0),
    ...(created ? { created } : {}),
    ...(row.cpu ? { cpu: row.cpu } : {}),
    ...(row.memory ? { memory: row.memory } : {}),
    components: [],
    workers: {
      total: workers.length,
      ready: workers.filter((n) => n.state === 'Ready').length,
      notReady: workers
        .filter((n) => n.state !== 'Ready')
        .map((n) => ({ name: n.name, reason: n.problem ?? n.state })),
    },
    labels: row.labels,
    ...(view.takenAt ? { observedAt: view.takenAt } : {}),
  };
}

/** The source's namespaces (none is managed: workspaces belong to the live fleet). */
export function sourceNamespaces(view: SourceView, store: SnapshotStore, q: NamespaceQuery): NamespacePage {
  const objects: ObjectSummary[] = [];
  for (let after: string | undefined, i = 0; i < 100; i++) {
    const page = store.page({ source: view.id, kinds: ['Namespace'], sort: 'name', limit: 1000, after });
    objects.push(...page.items);
    if (!page.next) break;
    after = page.next;
  }
  objects.push(...impliedNamespaces(view, store, objects));
  const names = view.clusters.map((c) => ({ id: c.name, name: c.name }));
  return namespacePage(joinContext(names, [], []), objects, q);
}

/**
 * Namespaces that objects live in without a Namespace object of their own (imported manifests
 * usually have none: `kubectl apply -n shop -f …`), so the Namespaces page still lists them.
 */
function impliedNamespaces(
  view: SourceView,
  store: SnapshotStore,
  declared: readonly ObjectSummary[],
): ObjectSummary[] {
  const known = new Set(declared.map((o) => `${o.cluster}\u0000${o.name}`));
  const implied: ObjectSummary[] = [];
  for (const c of view.clusters) {
    for (const ns of Object.keys(store.countBy({ source: view.id, clusters: [c.name] }, 'namespace'))) {
      if (ns === '' || known.has(`${c.name}\u0000${ns}`)) continue;
      implied.push({
        source: view.id,
        cluster: c.name,
        group: '',
        version: 'v1',
        kind: 'Namespace',
        namespace: '',
        name: ns,
        uid: '',
        resourceVersion: '',
        labels: {},
        created: '',
        status: null,
        nodeName: null,
        ownerKind: null,
        ownerName: null,
        ready: null,
        desired: null,
        restarts: null,
      });
    }
  }
  return implied;
}
