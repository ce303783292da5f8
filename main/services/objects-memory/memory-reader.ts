/** An ObjectReader over an in-memory array: for imported manifests, tests and small sources. */
import type { ObjectQuery, ObjectReader, ObjectRef, StoredObject } from '../../../shared/objects/types';
import { parseLabelSelector } from './label-selector';

const refKey = (r: ObjectRef) => [r.source, r.cluster, r.group, r.kind, r.namespace, r.name].join('\u0000');

export class MemoryObjectReader implements ObjectReader {
  private readonly byKey = new Map<string, StoredObject>();
  private readonly byKind = new Map<string, StoredObject[]>();

  constructor(objects: Iterable<StoredObject> = []) {
    for (const o of objects) this.put(o);
  }

  /** Adds or replaces an object (same source, cluster, group, kind, namespace and name). */
  put(o: StoredObject): void {
    const key = refKey(o);
    const old = this.byKey.get(key);
    this.byKey.set(key, o);
    const list = this.byKind.get(o.kind) ?? [];
    if (old) list[list.indexOf(old)] = o;
    else list.push(o);
    this.byKind.set(o.kind, list);
  }

  get size(): number {
    return this.byKey.size;
  }

  *iterate(query: ObjectQuery): Iterable<StoredObject> {
    const match = parseLabelSelector(query.labelSelector ?? '');
    const clusters = query.clusters && new Set(query.clusters);
    const namespaces = query.namespaces && new Set(query.namespaces);
    const text = query.text?.toLowerCase();
    const pools = query.kinds ? query.kinds.map((k) => this.byKind.get(k) ?? []) : [...this.byKind.values()];
    for (const pool of pools) {
      for (const o of pool) {
        if (query.source !== undefined && o.source !== query.source) continue;
        if (clusters && !clusters.has(o.cluster)) continue;
        if (namespaces && !namespaces.has(o.namespace)) continue;
        if (text && !o.name.toLowerCase().includes(text)) continue;
        if (query.labelSelector && !match(o.labels)) continue;
        yield o;
      }
    }
  }

  count(query: ObjectQuery): number {
    let n = 0;
    for (const _ of this.iterate(query)) n++;
    return n;
  }

  get(ref: ObjectRef): StoredObject | undefined {
    return this.byKey.get(refKey(ref));
  }
}
