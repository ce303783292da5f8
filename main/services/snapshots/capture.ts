import type { KubeConfig } from '@kubernetes/client-node';
import type { CaptureProgress } from '../../../shared/contract/sources';
import { podOnNode, type Requests } from '../../../shared/nodes/allocation';
import { nodeFacts } from '../../../shared/nodes/facts';
import type { Db } from '../../store/db';
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  type SnapshotCluster,
  type SnapshotIncludes,
  type SnapshotMeta,
} from './format';
import { readLogTails, readMetrics, readSecretData, withSecretData } from './live';
import { createSnapshotWriter, type SnapshotRow } from './writer';

/**
 * Capture: copies the cached objects of some clusters (optionally only some namespaces) from the
 * object cache into a new .flotilla file, a page at a time so progress is reported and a cancel
 * is seen between pages. What the cache does not hold (secret values, metrics, log tails) is read
 * live through the cluster's KubeConfig when asked for.
 */

export interface CaptureCluster {
  /** The cluster's id in the cache (its rows' `cluster`). */
  id: string;
  /** Written as the rows' `cluster`: names travel between installations, ids do not. */
  name: string;
  group: string;
  /** The cluster's labels in the fleet (kept with its name, group and provider). */
  labels?: Readonly<Record<string, string>>;
  provider: string;
  version: string;
  /** For what the cache does not hold; without it those parts are skipped for this cluster. */
  kubeConfig?: () => KubeConfig;
}

export interface CaptureOptions {
  /** The database holding the object cache. */
  db: Db;
  /** The cache's source id (default 'live'). */
  source?: string;
  clusters: readonly CaptureCluster[];
  /** A workspace: only these namespaces (per cluster id); cluster-scoped objects are kept. */
  namespaces?: ReadonlyMap<string, ReadonlySet<string>>;
  /** What was captured, for the metadata ("cluster tkg-01", "fleet" …). */
  scope: string;
  file: string;
  includes: SnapshotIncludes;
  flotillaVersion: string;
  note?: string;
  taskId?: string;
  signal?: AbortSignal;
  onProgress?: (p: CaptureProgress) => void;
  now?: () => Date;
  /** Rows per page read from the cache. */
  pageSize?: number;
  /** Pods whose log tails are kept, per cluster (includes.logs). */
  maxLogPods?: number;
}

export class CaptureCancelled extends Error {
  constructor() {
    super('the capture was cancelled');
    this.name = 'CaptureCancelled';
  }
}

interface CacheRow extends SnapshotRow {
  id: number;
}

const COLUMNS =
  'o.id, o.cluster, o.api_group, o.version, o.kind, o.namespace, o.name, o.uid, o.resource_version, o.labels, ' +
  'o.created, o.status, o.node_name, o.owner_kind, o.owner_name, o.ready, o.desired, o.restarts, o.search, b.json AS body';

interface Stats {
  objects: number;
  kinds: Record<string, number>;
  /** Node name → allocatable and readiness. */
  nodes: Map<string, Requests & { ready: boolean }>;
  /** Node name → requests of the non-terminated pods on it. */
  requests: Map<string, Requests>;
}

const newStats = (): Stats => ({ objects: 0, kinds: {}, nodes: new Map(), requests: new Map() });

/** Node allocatable and pod requests, the figures the cluster list shows (as nodes.list sums them). */
function addFigures(s: Stats, kind: string, body: string): void {
  if (kind === 'Node') {
    const f = nodeFacts(JSON.parse(body));
    s.nodes.set(f.name, { cpu: f.allocatableCpu, memory: f.allocatableMemory, ready: f.state === 'Ready' });
    return;
  }
  const pod = podOnNode(JSON.parse(body));
  if (!pod.nodeName || pod.phase === 'Succeeded' || pod.phase === 'Failed') return;
  const acc = s.requests.get(pod.nodeName) ?? { cpu: 0, memory: 0 };
  acc.cpu += pod.cpu;
  acc.memory += pod.memory;
  s.requests.set(pod.nodeName, acc);
}

function allocation(s: Stats) {
  let cpu = 0;
  let memory = 0;
  let cpuReq = 0;
  let memoryReq = 0;
  let ready = 0;
  for (const [name, n] of s.nodes) {
    cpu += n.cpu;
    memory += n.memory;
    if (n.ready) ready++;
    cpuReq += s.requests.get(name)?.cpu ?? 0;
    memoryReq += s.requests.get(name)?.memory ?? 0;
  }
  return {
    cpu: { requested: Math.round(cpuReq * 1e6) / 1e6, allocatable: cpu },
    memory: { requested: memoryReq, allocatable: memory },
    readyNodes: ready,
  };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Writes the snapshot and returns its metadata; throws CaptureCancelled or the failure (no file left). */
export async function captureSnapshot(o: CaptureOptions): Promise<SnapshotMeta> {
  const source = o.source ?? 'live';
  const taskId = o.taskId ?? '';
  const pageSize = o.pageSize ?? 2000;
  const ids = o.clusters.map((c) => c.id);
  const byId = new Map(o.clusters.map((c) => [c.id, c]));
  const marks = ids.map(() => '?').join(', ');
  const kindFilter = o.includes.events ? '' : " AND NOT (o.kind = 'Event')";
  // `+` keeps the planner off the (source, …) indexes: pages walk the rowid, each one a range read
  const where = `+o.source = ? AND +o.cluster IN (${marks || "''"})${kindFilter}`;
  const total =
    ids.length === 0
      ? 0
      : (
          o.db.prepare(`SELECT count(*) AS n FROM objects o WHERE ${where}`).get(source, ...ids) as {
            n: number;
          }
        ).n;
  const select = o.db.prepare(
    `SELECT ${COLUMNS} FROM objects o JOIN object_bodies b ON b.id = o.id WHERE ${where} AND o.id > ? ORDER BY o.id LIMIT ?`,
  );
  const progress = (phase: CaptureProgress['phase'], done: number, extra: Partial<CaptureProgress> = {}) =>
    o.onProgress?.({ taskId, phase, done, total, ...extra });
  const check = () => {
    if (o.signal?.aborted) throw new CaptureCancelled();
  };

  const writer = createSnapshotWriter(o.file);
  try {
    const stats = new Map<string, Stats>();
    for (const id of ids) stats.set(id, newStats());
    const secrets = new Map<string, Map<string, Record<string, string>>>();
    if (ids.length > 0) {
      // secret data is not in the cache: keys (and values, when asked) come from the cluster
      for (const c of o.clusters) {
        check();
        if (!c.kubeConfig) continue;
        const data = await readSecretData(c.kubeConfig(), o.includes.secretValues).catch(() => undefined);
        if (data) secrets.set(c.id, data);
      }
    }
    progress('reading', 0);
    let done = 0;
    let last = 0;
    for (;;) {
      check();
      const rows = ids.length === 0 ? [] : (select.all(source, ...ids, last, pageSize) as CacheRow[]);
      if (rows.length === 0) break;
      last = rows[rows.length - 1]!.id;
      const out: SnapshotRow[] = [];
      for (const row of rows) {
        const ns = o.namespaces?.get(row.cluster);
        if (o.namespaces && row.namespace !== '' && !ns?.has(row.namespace)) continue;
        if (o.namespaces && row.kind === 'Namespace' && row.api_group === '' && !ns?.has(row.name)) continue;
        const cluster = byId.get(row.cluster)!;
        const s = stats.get(row.cluster)!;
        s.objects++;
        s.kinds[row.kind] = (s.kinds[row.kind] ?? 0) + 1;
        if (row.api_group === '' && (row.kind === 'Node' || (row.kind === 'Pod' && row.node_name))) {
          addFigures(s, row.kind, row.body);
        }
        let body = row.body;
        if (row.kind === 'Secret' && row.api_group === '') {
          body = withSecretData(body, secrets.get(row.cluster)?.get(`${row.namespace}/${row.name}`));
        }
        out.push({ ...row, cluster: cluster.name, body });
      }
      writer.add(out);
      done += rows.length;
      progress('writing', done);
      await tick();
    }
    if (o.includes.metrics) {
      for (const c of o.clusters) {
        check();
        if (c.kubeConfig) writer.addMetrics(await readMetrics(c.kubeConfig(), c.name));
      }
    }
    if (o.includes.logs) {
      for (const c of o.clusters) {
        check();
        if (!c.kubeConfig) continue;
        const pods = o.db
          .prepare(
            `SELECT namespace, name, json FROM objects o JOIN object_bodies b ON b.id = o.id
             WHERE o.source = ? AND o.cluster = ? AND o.kind = 'Pod' AND o.api_group = '' ORDER BY namespace, name LIMIT ?`,
          )
          .all(source, c.id, o.maxLogPods ?? 200) as Array<{ namespace: string; name: string; json: string }>;
        const wanted = pods.filter((p) => !o.namespaces || o.namespaces.get(c.id)?.has(p.namespace));
        writer.addLogs(await readLogTails(c.kubeConfig(), c.name, wanted, check));
      }
    }
    check();
    const clusters: SnapshotCluster[] = o.clusters.map((c) => {
      const s = stats.get(c.id)!;
      return {
        name: c.name,
        group: c.group,
        labels: { ...c.labels },
        provider: c.provider,
        version: c.version,
        nodes: s.nodes.size,
        objects: s.objects,
        kinds: s.kinds,
        ...allocation(s),
      };
    });
    const kinds = [...new Set(clusters.flatMap((c) => Object.keys(c.kinds)))].sort();
    const meta: SnapshotMeta = {
      format: FORMAT_NAME,
      formatVersion: FORMAT_VERSION,
      takenAt: (o.now?.() ?? new Date()).toISOString(),
      flotillaVersion: o.flotillaVersion,
      scope: o.scope,
      clusters,
      kinds,
      objects: clusters.reduce((n, c) => n + c.objects, 0),
      includes: o.includes,
      ...(o.note ? { note: o.note } : {}),
    };
    writer.finish(meta);
    progress('done', done, { path: o.file });
    return meta;
  } catch (error) {
    writer.abort();
    if (error instanceof CaptureCancelled) progress('cancelled', 0, { message: error.message });
    else progress('failed', 0, { message: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}
