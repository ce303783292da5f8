/**
 * The controllers' informer: a read-only copy of the objects they care about, kept current from
 * store events, with the indexes that keep reconciles O(own objects) instead of O(all pods).
 * Cached objects are shared: never mutate them; write through the store.
 */
import type { ClusterStore, Gvr, KObject, StoreEvent } from '../store/api';
import { GVR, keyOf } from './gvr';

const CACHED: Gvr[] = [
  GVR.namespaces,
  GVR.nodes,
  GVR.pods,
  GVR.services,
  GVR.deployments,
  GVR.replicaSets,
  GVR.replicationControllers,
  GVR.statefulSets,
  GVR.daemonSets,
  GVR.jobs,
  GVR.cronJobs,
  GVR.pdbs,
  GVR.hpas,
];

type Index = Map<string, Set<string>>;

function addTo(index: Index, bucket: string | undefined, key: string): void {
  if (bucket === undefined) return;
  let set = index.get(bucket);
  if (!set) index.set(bucket, (set = new Set()));
  set.add(key);
}
function removeFrom(index: Index, bucket: string | undefined, key: string): void {
  if (bucket === undefined) return;
  const set = index.get(bucket);
  if (!set) return;
  set.delete(key);
  if (set.size === 0) index.delete(bucket);
}

export const controllerOf = (o: KObject) =>
  o.metadata.ownerReferences?.find((r) => r.controller) ?? o.metadata.ownerReferences?.[0];

export class Cache {
  private readonly objects = new Map<Gvr, Map<string, KObject>>();
  /** owner uid → keys of dependents, per gvr */
  private readonly byOwner = new Map<Gvr, Index>();
  /** namespace → keys, per gvr */
  private readonly byNamespace = new Map<Gvr, Index>();
  /** node name → pod keys */
  readonly podsByNode: Index = new Map();
  /** uid → [gvr, key] for owners that still exist */
  private readonly byUid = new Map<string, [Gvr, string]>();

  constructor() {
    for (const gvr of CACHED) {
      this.objects.set(gvr, new Map());
      this.byOwner.set(gvr, new Map());
      this.byNamespace.set(gvr, new Map());
    }
  }

  static cached(gvr: Gvr): boolean {
    return CACHED.includes(gvr);
  }

  load(store: ClusterStore): void {
    for (const gvr of CACHED) {
      if (!store.typeOf(gvr)) continue;
      for (const o of store.list(gvr)) this.put(gvr, o);
    }
  }

  apply(event: StoreEvent): void {
    if (!this.objects.has(event.gvr)) return;
    if (event.type === 'DELETED') this.remove(event.gvr, event.object);
    else this.put(event.gvr, event.object);
  }

  private put(gvr: Gvr, o: KObject): void {
    const key = keyOf(o.metadata.namespace, o.metadata.name ?? '');
    const table = this.objects.get(gvr) as Map<string, KObject>;
    const old = table.get(key);
    if (old) this.unindex(gvr, key, old);
    table.set(key, o);
    this.index(gvr, key, o);
  }

  private remove(gvr: Gvr, o: KObject): void {
    const key = keyOf(o.metadata.namespace, o.metadata.name ?? '');
    const table = this.objects.get(gvr) as Map<string, KObject>;
    const old = table.get(key);
    if (!old) return;
    this.unindex(gvr, key, old);
    table.delete(key);
  }

  private index(gvr: Gvr, key: string, o: KObject): void {
    addTo(this.byOwner.get(gvr) as Index, controllerOf(o)?.uid, key);
    addTo(this.byNamespace.get(gvr) as Index, o.metadata.namespace, key);
    if (o.metadata.uid) this.byUid.set(o.metadata.uid, [gvr, key]);
    if (gvr === GVR.pods) addTo(this.podsByNode, (o.spec as { nodeName?: string }).nodeName, key);
  }

  private unindex(gvr: Gvr, key: string, o: KObject): void {
    removeFrom(this.byOwner.get(gvr) as Index, controllerOf(o)?.uid, key);
    removeFrom(this.byNamespace.get(gvr) as Index, o.metadata.namespace, key);
    if (o.metadata.uid) this.byUid.delete(o.metadata.uid);
    if (gvr === GVR.pods) removeFrom(this.podsByNode, (o.spec as { nodeName?: string }).nodeName, key);
  }

  get(gvr: Gvr, key: string): KObject | undefined {
    return this.objects.get(gvr)?.get(key);
  }

  all(gvr: Gvr): IterableIterator<KObject> {
    return (this.objects.get(gvr) ?? new Map<string, KObject>()).values();
  }

  count(gvr: Gvr): number {
    return this.objects.get(gvr)?.size ?? 0;
  }

  private resolve(gvr: Gvr, keys: Set<string> | undefined): KObject[] {
    const table = this.objects.get(gvr);
    const out: KObject[] = [];
    for (const k of keys ?? []) {
      const o = table?.get(k);
      if (o) out.push(o);
    }
    return out;
  }

  ownedBy(gvr: Gvr, ownerUid: string | undefined): KObject[] {
    return ownerUid ? this.resolve(gvr, this.byOwner.get(gvr)?.get(ownerUid)) : [];
  }

  inNamespace(gvr: Gvr, namespace: string | undefined): KObject[] {
    return namespace ? this.resolve(gvr, this.byNamespace.get(gvr)?.get(namespace)) : [];
  }

  podsOnNode(node: string): KObject[] {
    return this.resolve(GVR.pods, this.podsByNode.get(node));
  }

  uidExists(uid: string): boolean {
    return this.byUid.has(uid);
  }

  byUidRef(uid: string): { gvr: Gvr; object: KObject } | undefined {
    const ref = this.byUid.get(uid);
    if (!ref) return undefined;
    const object = this.objects.get(ref[0])?.get(ref[1]);
    return object ? { gvr: ref[0], object } : undefined;
  }
}
