import type { KubeObject } from '../../../shared/objects/types';
import type { InformerSink } from '../../kube/informer/informer';
import type { ResourceKind } from '../../kube/informer/resources';
import type { ObjectKey, ObjectStore } from '../../store/objects';
import type { ObjectWrite } from '../../store/object-row';

/**
 * The one writer between informers and the object store. Watch events are queued and written
 * together every `flushMs` (one transaction per batch); several events for one object inside a
 * batch collapse into the last. List pages are written at once, after whatever is queued, so a
 * relist never overtakes older events. Each write reports what changed to `onChanged`.
 */

export interface BatchWriterOptions {
  store: ObjectStore;
  source: string;
  flushMs?: number;
  /** Flush early when this many events wait. */
  maxPending?: number;
  onChanged?: (cluster: string, kind: string, count: number) => void;
  onError?: (error: unknown) => void;
}

type Pending = { op: 'upsert'; write: ObjectWrite & { gen: number } } | { op: 'remove'; key: ObjectKey };

export interface BatchWriter {
  sinkFor(cluster: string): InformerSink;
  flush(): void;
  /** Events waiting for the next batch. */
  readonly pending: number;
  close(): void;
}

export function createBatchWriter(o: BatchWriterOptions): BatchWriter {
  const flushMs = o.flushMs ?? 50;
  const maxPending = o.maxPending ?? 5000;
  let queue = new Map<string, Pending>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const report = (counts: Map<string, { cluster: string; kind: string; n: number }>) => {
    for (const c of counts.values()) o.onChanged?.(c.cluster, c.kind, c.n);
  };

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (queue.size === 0) return;
    const batch = queue;
    queue = new Map();
    const upserts: Array<ObjectWrite & { gen: number }> = [];
    const removals: ObjectKey[] = [];
    const counts = new Map<string, { cluster: string; kind: string; n: number }>();
    for (const p of batch.values()) {
      const cluster = p.op === 'upsert' ? p.write.cluster : p.key.cluster;
      const kind = p.op === 'upsert' ? p.write.kind : p.key.kind;
      const k = `${cluster}\0${kind}`;
      const c = counts.get(k);
      if (c) c.n++;
      else counts.set(k, { cluster, kind, n: 1 });
      if (p.op === 'upsert') upserts.push(p.write);
      else removals.push(p.key);
    }
    try {
      o.store.apply({ upserts, removals });
    } catch (error) {
      o.onError?.(error);
      return;
    }
    report(counts);
  };

  const schedule = () => {
    if (queue.size >= maxPending) flush();
    else if (!timer && !closed) timer = setTimeout(flush, flushMs);
  };

  const keyOf = (cluster: string, r: ResourceKind, obj: KubeObject) =>
    `${cluster}\0${r.group}\0${r.kind}\0${obj.metadata?.namespace ?? ''}\0${obj.metadata?.name ?? ''}`;

  return {
    sinkFor(cluster) {
      return {
        listPage(r, objects, gen) {
          flush();
          if (closed) return;
          // one write at a time: a page is never held as parsed objects all at once
          const writes = function* (): Generator<ObjectWrite> {
            for (const object of objects)
              yield { source: o.source, cluster, group: r.group, version: r.version, kind: r.kind, object };
          };
          o.store.upsertEach(writes(), gen);
          if (objects.length) o.onChanged?.(cluster, r.kind, objects.length);
        },
        listDone(r, gen) {
          flush();
          if (closed) return;
          const removed = o.store.sweep({ source: o.source, cluster, group: r.group, kind: r.kind }, gen);
          if (removed) o.onChanged?.(cluster, r.kind, removed);
        },
        event(r, type, object, gen) {
          if (closed || !object?.metadata?.name) return;
          const key = keyOf(cluster, r, object);
          if (type === 'upsert') {
            queue.set(key, {
              op: 'upsert',
              write: {
                source: o.source,
                cluster,
                group: r.group,
                version: r.version,
                kind: r.kind,
                object,
                gen,
              },
            });
          } else {
            queue.set(key, {
              op: 'remove',
              key: {
                source: o.source,
                cluster,
                group: r.group,
                kind: r.kind,
                namespace: object.metadata.namespace ?? '',
                name: object.metadata.name,
              },
            });
          }
          schedule();
        },
      };
    },
    flush,
    get pending() {
      return queue.size;
    },
    close() {
      flush();
      closed = true;
      clearTimeout(timer);
    },
  };
}
