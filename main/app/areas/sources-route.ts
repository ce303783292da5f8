import { AppError } from '../../../shared/contract/result';
import type { NodeList } from '../../../shared/contract/nodes';
import type { SourceView } from '../../../shared/contract/sources';
import { SelectorError } from '../../../shared/objects/selector';
import type { Handlers } from '../../ipc/router';
import { queryClusters } from '../../services/fleet/query';
import type { Logger } from '../../services/log';
import { SNAPSHOT_ROW_SOURCE } from '../../services/snapshots/format';
import {
  figuresFromMeta,
  figuresFromNodes,
  labelsFromMeta,
  sourceClusterRows,
  sourceNamespaces,
  sourceOverview,
} from '../../services/snapshots/fleet-view';
import type { OpenSnapshot } from '../../services/snapshots/reader';
import type { SourceRegistry } from '../../services/snapshots/registry';
import { QueryError } from '../../store/object-query';
import { createNodesArea, type NodesArea } from './nodes';

/**
 * Routing by `source`: a snapshot is served from its own file (opened read-only, with the same
 * object schema and indexes as the live cache, so its queries are the cache's queries); imported
 * manifests have their rows in the main cache, so object queries pass through; 'live' (or none)
 * goes to the live handlers unchanged. Cluster rows, overviews and namespaces of a non-live source
 * come from what it recorded about its clusters plus its objects.
 */

type Routed =
  | 'clusters.list'
  | 'clusters.overview'
  | 'namespaces.list'
  | 'nodes.list'
  | 'objects.query'
  | 'objects.get'
  | 'objects.count'
  | 'search.query';
export type RoutedHandlers = Pick<Handlers, Routed>;

const isLive = (source: string | undefined) => source === undefined || source === 'live';

/** Bad queries become INVALID_ARGUMENT; a damaged file an error naming it. */
function guard<T>(snap: OpenSnapshot, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof QueryError || error instanceof SelectorError) {
      throw new AppError('INVALID_ARGUMENT', error.message);
    }
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB|IOERR)/.test(code)) {
      throw new AppError('UNAVAILABLE', `${snap.file} is damaged (${(error as Error).message}); close it`);
    }
    throw error;
  }
}

/** Node usage as the snapshot recorded it from metrics.k8s.io (captures with metrics). */
function withRecordedUsage(snap: OpenSnapshot, list: NodeList): NodeList {
  const rows = snap.db
    .prepare(
      "SELECT cluster, name, cpu_cores AS cpu, memory_bytes AS memory FROM snapshot_metrics WHERE kind = 'Node'",
    )
    .all() as Array<{ cluster: string; name: string; cpu: number | null; memory: number | null }>;
  const usage = new Map(rows.map((r) => [`${r.cluster}/${r.name}`, r]));
  const clusters = new Set(rows.map((r) => r.cluster));
  return {
    items: list.items.map((n) => {
      const u = usage.get(`${n.cluster}/${n.name}`);
      return u && u.cpu !== null && u.memory !== null ? { ...n, usage: { cpu: u.cpu, memory: u.memory } } : n;
    }),
    metrics: [...new Set(list.items.map((n) => n.cluster))].map((cluster) =>
      clusters.has(cluster)
        ? { cluster, available: true, message: 'recorded in the snapshot' }
        : { cluster, available: false, message: 'the snapshot recorded no metrics for this cluster' },
    ),
  };
}

export function createSourceRouting(o: { registry: SourceRegistry; log: Logger }) {
  const nodeAreas = new WeakMap<OpenSnapshot, NodesArea>();
  const nodesOfSnapshot = (snap: OpenSnapshot): NodesArea => {
    let area = nodeAreas.get(snap);
    if (!area) {
      area = createNodesArea({ db: snap.db, log: o.log.child('snapshot-nodes') });
      nodeAreas.set(snap, area);
    }
    return area;
  };

  const viewOf = (source: string): SourceView => {
    const view = o.registry.get(source);
    if (!view) throw new AppError('NOT_FOUND', `No source ${source} is open (it may have been closed)`);
    return view;
  };

  function route(h: RoutedHandlers): RoutedHandlers {
    const nodes = async (source: string, clusters?: string[], names?: string[]): Promise<NodeList> => {
      const snap = o.registry.snapshot(source);
      if (!snap) return h['nodes.list']({ source, clusters, names, usage: false });
      const list = await nodesOfSnapshot(snap).handlers['nodes.list']({
        source: SNAPSHOT_ROW_SOURCE,
        clusters,
        names,
        usage: false,
      });
      return snap.meta.includes.metrics ? withRecordedUsage(snap, list) : list;
    };
    return {
      'clusters.list': async (q) => {
        if (isLive(q.source)) return h['clusters.list'](q);
        const view = viewOf(q.source!);
        const meta = o.registry.snapshot(view.id)?.meta;
        const figures = (meta && figuresFromMeta(meta)) ?? figuresFromNodes((await nodes(view.id)).items);
        return queryClusters(sourceClusterRows(view, figures, labelsFromMeta(meta)), q);
      },
      'clusters.overview': async (q) => {
        if (isLive(q.source)) return h['clusters.overview'](q);
        const view = viewOf(q.source!);
        const found = sourceOverview(
          view,
          o.registry.storeFor(view.id),
          (await nodes(view.id, [q.id])).items,
          q.id,
          labelsFromMeta(o.registry.snapshot(view.id)?.meta),
        );
        if (!found) throw new AppError('NOT_FOUND', `${view.label} has no cluster named ${q.id}`);
        return found;
      },
      'namespaces.list': async (q) => {
        if (isLive(q.source)) return h['namespaces.list'](q);
        const view = viewOf(q.source!);
        return sourceNamespaces(view, o.registry.storeFor(view.id), q);
      },
      'nodes.list': (q) =>
        o.registry.snapshot(q.source) ? nodes(q.source, q.clusters, q.names) : h['nodes.list'](q),
      'objects.query': (q) => {
        const snap = o.registry.snapshot(q.source);
        return snap ? guard(snap, () => snap.store.page(q)) : h['objects.query'](q);
      },
      'objects.get': (ref) => {
        const snap = o.registry.snapshot(ref.source);
        if (!snap) return h['objects.get'](ref);
        const found = guard(snap, () => snap.store.get(ref));
        if (!found) {
          const where = ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name;
          throw new AppError('NOT_FOUND', `${ref.kind} ${where} is not in ${ref.cluster} (${ref.source})`);
        }
        return found;
      },
      'objects.count': (q) => {
        const snap = o.registry.snapshot(q.source);
        if (!snap) return h['objects.count'](q);
        const { by, ...query } = q;
        return guard(snap, () => snap.store.countBy(query, by));
      },
      'search.query': (q) => {
        const snap = o.registry.snapshot(q.source);
        return snap ? guard(snap, () => snap.store.search(q)) : h['search.query'](q);
      },
    };
  }

  return { route };
}
