import type { KubeConfig } from '@kubernetes/client-node';
import type {
  CountDimension,
  ObjectPage,
  ObjectPageQuery,
  SearchQuery,
  SearchResult,
} from '../../../shared/objects/page';
import type { ObjectQuery, ObjectReader, ObjectRef, StoredObject } from '../../../shared/objects/types';
import { createGate } from '../../kube/informer/gate';
import { createInformer, type Informer, type InformerStatus } from '../../kube/informer/informer';
import { DEFAULT_KINDS, kindKey, kindOfCrd, type ResourceKind } from '../../kube/informer/resources';
import { createTransport, type Transport } from '../../kube/informer/transport';
import type { Logger } from '../log';
import { checkpointInBackground, type Db } from '../../store/db';
import { createObjectStore, type ObjectStore } from '../../store/objects';
import { createNotifier, type ChangeNotice } from './notifier';
import { createBatchWriter } from './writer';

/**
 * The live object cache: informers per attached cluster writing into the object table, and the
 * queries every view, search and inspection reads. Clusters are independent: each has its own
 * transport, list slots and informers, so a slow or broken one never holds the others up.
 */

export type CacheState = 'syncing' | 'synced' | 'error' | 'stopped';

export interface ClusterCacheStatus {
  cluster: string;
  state: CacheState;
  /** The first error among the kinds, for the status line. */
  message?: string;
  kinds: InformerStatus[];
}

export interface ObjectServiceOptions {
  db: Db;
  log: Logger;
  /** Source id of live rows. */
  source?: string;
  onChanged?: (notice: ChangeNotice) => void;
  onStatus?: (status: ClusterCacheStatus) => void;
  kinds?: readonly ResourceKind[];
  /** Concurrent lists per cluster. */
  listConcurrency?: number;
  /**
   * How long watch events gather before one write transaction (default 75 ms: at 500 changes/s
   * a third of a core and p99 lag ~170 ms; 50 ms costs more CPU for no lower tail, 100 ms adds
   * lag; the renderer hears of changes every 250 ms anyway).
   */
  flushMs?: number;
  noticeMs?: number;
  pageSize?: number;
  watchSeconds?: number;
  backoff?: { baseMs?: number; maxMs?: number };
  /** Checkpoint the WAL in a worker thread rather than on commit (default true). */
  backgroundCheckpoints?: boolean;
  /** The HTTP transport of a cluster (benchmarks wrap it to time what arrives). */
  transport?: (kubeConfig: KubeConfig) => Transport;
}

export interface ObjectService {
  readonly reader: ObjectReader;
  readonly store: ObjectStore;
  /** Starts (or restarts) caching a cluster with this kubeconfig (its current context). */
  start(cluster: string, kubeConfig: KubeConfig): void;
  /** Stops a cluster's informers; `purge` also removes its rows (detach). */
  stop(cluster: string, options?: { purge?: boolean }): Promise<void>;
  /** Adds a kind (a CRD's) to a running cluster. */
  watchKind(cluster: string, resource: ResourceKind): void;
  /** Kinds the cluster's cached CustomResourceDefinitions serve. */
  customKinds(cluster: string): ResourceKind[];
  /** Ends every back-off wait of a cluster and lists again now. */
  retry(cluster: string): void;
  status(cluster?: string): ClusterCacheStatus[];
  /** Resolves when the cluster's kinds (or these kinds) have listed once; rejects after timeoutMs. */
  whenSynced(cluster: string, kinds?: string[], timeoutMs?: number): Promise<void>;
  page(query: ObjectPageQuery): ObjectPage;
  search(query: SearchQuery): SearchResult;
  get(ref: ObjectRef): StoredObject | undefined;
  countBy(query: ObjectQuery, by: CountDimension): Record<string, number>;
  /** Flushes queued watch events now (tests, shutdown). */
  flush(): void;
  close(): Promise<void>;
}

interface ClusterEntry {
  transport: Transport;
  informers: Map<string, Informer>;
  gate: ReturnType<typeof createGate>;
}

export function createObjectService(o: ObjectServiceOptions): ObjectService {
  const source = o.source ?? 'live';
  const log = o.log;
  const store = createObjectStore(o.db);
  const notifier = createNotifier(source, (n) => o.onChanged?.(n), o.noticeMs ?? 250);
  const writer = createBatchWriter({
    store,
    source,
    flushMs: o.flushMs ?? 75,
    onChanged: (cluster, kind, n) => notifier.changed(cluster, kind, n),
    onError: (e) => log.error('writing watch events failed', e),
  });
  // the writer commits many batches a second: the WAL's fsyncs happen on another thread
  const checkpoints =
    o.backgroundCheckpoints === false
      ? undefined
      : checkpointInBackground(o.db, { onError: (m) => log.warn(m) });
  const clusters = new Map<string, ClusterEntry>();
  const waiters = new Set<() => void>();
  let gen = Date.now() * 1000;
  const nextGen = () => ++gen;

  // planner statistics go stale as a fleet fills the table: refresh them once syncs settle
  let optimizeTimer: NodeJS.Timeout | undefined;
  const scheduleOptimize = () => {
    clearTimeout(optimizeTimer);
    optimizeTimer = setTimeout(() => {
      try {
        store.optimize();
      } catch (e) {
        log.warn('PRAGMA optimize failed', e);
      }
    }, 2000);
    optimizeTimer.unref();
  };

  const summarize = (cluster: string): ClusterCacheStatus => {
    const entry = clusters.get(cluster);
    if (!entry) return { cluster, state: 'stopped', kinds: [] };
    const kinds = [...entry.informers.values()].map((i) => i.status());
    const failed = kinds.find((k) => k.state === 'error');
    const state: CacheState = failed
      ? 'error'
      : kinds.some((k) => k.state === 'pending' || k.state === 'syncing')
        ? 'syncing'
        : 'synced';
    return failed
      ? { cluster, state, message: `${failed.kind}: ${failed.message ?? 'error'}`, kinds }
      : { cluster, state, kinds };
  };

  const addInformer = (cluster: string, entry: ClusterEntry, resource: ResourceKind) => {
    const key = kindKey(resource);
    if (entry.informers.has(key)) return;
    const clusterLog = log.child(cluster);
    const informer = createInformer({
      transport: entry.transport,
      resource,
      sink: writer.sinkFor(cluster),
      listGate: entry.gate,
      nextGen,
      pageSize: o.pageSize,
      watchSeconds: o.watchSeconds,
      backoff: o.backoff,
      log: clusterLog,
      onStatus: (s) => {
        if (s.state === 'error') clusterLog.warn(`${s.kind}: ${s.message ?? 'error'}`);
        if (s.state === 'synced' && s.lists === 1) scheduleOptimize();
        for (const w of [...waiters]) w();
        if (clusters.get(cluster) === entry) o.onStatus?.(summarize(cluster));
      },
    });
    entry.informers.set(key, informer);
    informer.start();
  };

  const stopEntry = async (entry: ClusterEntry) => {
    await Promise.all([...entry.informers.values()].map((i) => i.stop()));
    entry.transport.close();
  };

  const service: ObjectService = {
    reader: store,
    store,
    start(cluster, kubeConfig) {
      const previous = clusters.get(cluster);
      if (previous) {
        clusters.delete(cluster);
        void stopEntry(previous);
      }
      const entry: ClusterEntry = {
        transport: (o.transport ?? createTransport)(kubeConfig),
        informers: new Map(),
        gate: createGate(o.listConcurrency ?? 4),
      };
      clusters.set(cluster, entry);
      for (const r of o.kinds ?? DEFAULT_KINDS) addInformer(cluster, entry, r);
      log.info(`caching ${cluster}: ${entry.informers.size} kinds`);
    },
    async stop(cluster, options = {}) {
      const entry = clusters.get(cluster);
      clusters.delete(cluster);
      if (entry) await stopEntry(entry);
      writer.flush();
      if (options.purge) {
        const removed = store.clear(source, cluster);
        if (removed) notifier.changed(cluster, '*', removed);
      }
      o.onStatus?.(summarize(cluster));
    },
    watchKind(cluster, resource) {
      const entry = clusters.get(cluster);
      if (!entry) throw new Error(`cluster ${cluster} is not being cached`);
      addInformer(cluster, entry, resource);
    },
    customKinds(cluster) {
      const out: ResourceKind[] = [];
      for (const crd of store.iterate({ source, clusters: [cluster], kinds: ['CustomResourceDefinition'] })) {
        const kind = kindOfCrd(crd.object);
        if (kind) out.push(kind);
      }
      return out;
    },
    retry(cluster) {
      for (const i of clusters.get(cluster)?.informers.values() ?? []) i.kick();
    },
    status(cluster) {
      const ids = cluster === undefined ? [...clusters.keys()] : [cluster];
      return ids.map(summarize);
    },
    whenSynced(cluster, kinds, timeoutMs = 60_000) {
      const ready = () => {
        const s = summarize(cluster);
        const relevant = s.kinds.filter((k) => !kinds || kinds.includes(k.kind));
        return relevant.length > 0 && relevant.every((k) => k.lists > 0 || k.state === 'unavailable');
      };
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!ready()) return;
          cleanup();
          writer.flush();
          resolve();
        };
        const timer = setTimeout(() => {
          cleanup();
          const s = summarize(cluster);
          reject(
            new Error(
              `${cluster} did not sync within ${timeoutMs} ms (${s.state}${s.message ? `: ${s.message}` : ''})`,
            ),
          );
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    page: (q) => store.page({ source, ...q }),
    search: (q) => store.search({ source, ...q }),
    get: (ref) => store.get(ref),
    countBy: (q, by) => store.countBy({ source, ...q }, by),
    flush: () => writer.flush(),
    async close() {
      const entries = [...clusters.values()];
      clusters.clear();
      await Promise.all(entries.map(stopEntry));
      clearTimeout(optimizeTimer);
      writer.close();
      notifier.close();
      await checkpoints?.stop();
    },
  };
  return service;
}
