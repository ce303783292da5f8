/**
 * The in-memory ClusterStore: one per simulated cluster.
 * Objects live in per-type maps keyed "namespace\0name" with a lazily sorted key list, so
 * lists and pages never scan other types. Stored objects are never mutated in place: every
 * write stores a fresh copy, which lets readers (scan) share them without copying.
 */
import { randomUUID } from 'node:crypto';
import {
  StoreAlreadyExistsError,
  StoreConflictError,
  StoreGoneError,
  StoreNotFoundError,
  gvrOf,
  type ClusterStore,
  type Gvr,
  type KObject,
  type ListOptions,
  type ResourceType,
  type StoreEvent,
  type WatchEventType,
} from './api';
import { matchFields, matchLabels, parseFieldSelector, parseLabelSelector } from './selectors';

interface TypeTable {
  objects: Map<string, KObject>;
  sorted: string[] | null;
}

export interface MemoryStoreOptions {
  /** How many change events are kept for watch resume (default 10,000). */
  historyLimit?: number;
  /** Clock, for tests. */
  now?: () => Date;
}

export const objectKey = (namespace: string | undefined, name: string): string =>
  `${namespace ?? ''}\0${name}`;

const clone = <T>(v: T): T => structuredClone(v);

const RANDOM_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
export function randomSuffix(n = 5): string {
  let s = '';
  for (let i = 0; i < n; i++) s += RANDOM_ALPHABET[Math.floor(Math.random() * RANDOM_ALPHABET.length)];
  return s;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  if (ak.length !== bk.length) return false;
  for (const k of ak) if (!deepEqual(ao[k], bo[k])) return false;
  return true;
}

/** Equal apart from the keys in `skip`. */
function equalExcept(a: Record<string, unknown>, b: Record<string, unknown>, skip: Set<string>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (!skip.has(k) && !deepEqual(a[k], b[k])) return false;
  return true;
}

const NOT_SPEC = new Set(['metadata', 'status']);
const META_ONLY = new Set(['metadata']);
const RV = new Set(['resourceVersion']);

/** Everything except metadata and status is what `generation` tracks. */
const specChanged = (a: KObject, b: KObject): boolean => !equalExcept(a, b, NOT_SPEC);

const onlyRvDiffers = (a: KObject, b: KObject): boolean =>
  equalExcept(a, b, META_ONLY) && equalExcept(a.metadata, b.metadata, RV);

export class MemoryStore implements ClusterStore {
  private readonly tables = new Map<Gvr, TypeTable>();
  private readonly registry = new Map<Gvr, ResourceType>();
  private readonly listeners = new Set<(e: StoreEvent) => void>();
  private readonly history: StoreEvent[] = [];
  private historyStart = 0;
  /** Watches from a resourceVersion below this are gone (410). */
  private lowWater = 0;
  private rv = 1;
  private readonly ownerIndex = new Map<string, Set<string>>();
  private readonly uidIndex = new Map<string, string>();
  private readonly historyLimit: number;
  private readonly now: () => Date;

  constructor(
    readonly clusterName: string,
    options: MemoryStoreOptions = {},
  ) {
    this.historyLimit = options.historyLimit ?? 10_000;
    this.now = options.now ?? (() => new Date());
  }

  currentResourceVersion(): number {
    return this.rv;
  }

  registerType(type: ResourceType): void {
    const gvr = gvrOf(type);
    this.registry.set(gvr, { ...type });
    if (!this.tables.has(gvr)) this.tables.set(gvr, { objects: new Map(), sorted: null });
  }

  unregisterType(gvr: Gvr): void {
    this.registry.delete(gvr);
    const t = this.tables.get(gvr);
    if (t)
      for (const obj of [...t.objects.values()])
        this.delete(gvr, obj.metadata.namespace, obj.metadata.name ?? '');
    this.tables.delete(gvr);
  }

  types(): ResourceType[] {
    return [...this.registry.values()].map((t) => ({ ...t }));
  }

  typeOf(gvr: Gvr): ResourceType | undefined {
    const t = this.registry.get(gvr);
    return t ? { ...t } : undefined;
  }

  private table(gvr: Gvr): TypeTable {
    const t = this.tables.get(gvr);
    if (!t) throw new StoreNotFoundError(`the server could not find the requested resource (${gvr})`);
    return t;
  }

  /** The stored object itself (no copy): callers must not mutate it. */
  peek(gvr: Gvr, namespace: string | undefined, name: string): KObject | undefined {
    return this.tables.get(gvr)?.objects.get(objectKey(this.nsFor(gvr, namespace), name));
  }

  get(gvr: Gvr, namespace: string | undefined, name: string): KObject | undefined {
    const o = this.peek(gvr, namespace, name);
    return o ? clone(o) : undefined;
  }

  private nsFor(gvr: Gvr, namespace: string | undefined): string | undefined {
    const t = this.registry.get(gvr);
    return t && !t.namespaced ? undefined : namespace;
  }

  private sortedKeys(t: TypeTable): string[] {
    if (!t.sorted) t.sorted = [...t.objects.keys()].sort();
    return t.sorted;
  }

  /**
   * Objects in list order without copying (callers must not mutate them), starting after
   * the key `after` when given. Selectors are applied here.
   */
  *scan(
    gvr: Gvr,
    options: ListOptions & { after?: string } = {},
  ): Generator<{ key: string; object: KObject }> {
    const t = this.tables.get(gvr);
    if (!t) return;
    const labels = parseLabelSelector(options.labelSelector);
    const fields = parseFieldSelector(options.fieldSelector);
    const keys = this.sortedKeys(t);
    const prefix =
      options.namespace !== undefined && this.registry.get(gvr)?.namespaced ? `${options.namespace}\0` : '';
    let start = prefix ? lowerBound(keys, prefix) : 0;
    if (options.after !== undefined) start = Math.max(start, upperBound(keys, options.after));
    for (let i = start; i < keys.length; i++) {
      const key = keys[i];
      if (prefix && !key.startsWith(prefix)) break;
      const object = t.objects.get(key);
      if (!object) continue;
      if (labels.length && !matchLabels(labels, object.metadata.labels)) continue;
      if (fields.length && !matchFields(fields, object)) continue;
      yield { key, object };
    }
  }

  count(gvr: Gvr): number {
    return this.tables.get(gvr)?.objects.size ?? 0;
  }

  list(gvr: Gvr, options: ListOptions = {}): KObject[] {
    const out: KObject[] = [];
    for (const { object } of this.scan(gvr, options)) out.push(clone(object));
    return out;
  }

  create(gvr: Gvr, object: KObject): KObject {
    const t = this.table(gvr);
    const obj = clone(object);
    const meta = obj.metadata ?? (obj.metadata = {});
    if (!meta.name && meta.generateName) meta.name = `${meta.generateName}${randomSuffix()}`;
    if (!meta.name) throw new StoreConflictError('name or generateName is required');
    meta.namespace = this.nsFor(gvr, meta.namespace);
    if (meta.namespace === undefined) delete meta.namespace;
    const key = objectKey(meta.namespace, meta.name);
    if (t.objects.has(key)) {
      const type = this.registry.get(gvr);
      throw new StoreAlreadyExistsError(
        `${type?.resource ?? gvr}${type?.group ? '.' + type.group : ''} "${meta.name}" already exists`,
      );
    }
    meta.uid = meta.uid ?? randomUUID();
    meta.creationTimestamp =
      meta.creationTimestamp ??
      this.now()
        .toISOString()
        .replace(/\.\d+Z$/, 'Z');
    meta.generation = 1;
    meta.resourceVersion = String(++this.rv);
    t.objects.set(key, obj);
    t.sorted = null;
    this.indexOwners(gvr, key, undefined, obj);
    this.emit('ADDED', gvr, obj);
    // The stored object itself (see ClusterStore.create): read it, never change it.
    return obj;
  }

  update(gvr: Gvr, object: KObject): KObject {
    return clone(this.write(gvr, clone(object)));
  }

  /** Stores `obj` (which the store now owns) over the live object; returns the stored object. */
  private write(gvr: Gvr, obj: KObject): KObject {
    const t = this.table(gvr);
    const ns = this.nsFor(gvr, obj.metadata.namespace);
    const name = obj.metadata.name ?? '';
    const key = objectKey(ns, name);
    const old = t.objects.get(key);
    if (!old) throw new StoreNotFoundError(`${this.registry.get(gvr)?.resource ?? gvr} "${name}" not found`);
    const sent = obj.metadata.resourceVersion;
    if (sent && sent !== old.metadata.resourceVersion) {
      throw new StoreConflictError(
        `Operation cannot be fulfilled on ${this.registry.get(gvr)?.resource ?? gvr} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
      );
    }
    obj.metadata.uid = old.metadata.uid;
    obj.metadata.creationTimestamp = old.metadata.creationTimestamp;
    obj.metadata.namespace = ns;
    if (ns === undefined) delete obj.metadata.namespace;
    obj.metadata.generation = (old.metadata.generation ?? 1) + (specChanged(obj, old) ? 1 : 0);
    obj.metadata.resourceVersion = old.metadata.resourceVersion;
    if (onlyRvDiffers(obj, old)) return old;
    obj.metadata.resourceVersion = String(++this.rv);
    t.objects.set(key, obj);
    this.indexOwners(gvr, key, old, obj);
    this.emit('MODIFIED', gvr, obj);
    return obj;
  }

  mutate(
    gvr: Gvr,
    namespace: string | undefined,
    name: string,
    fn: (object: KObject) => void,
  ): KObject | undefined {
    const old = this.peek(gvr, namespace, name);
    if (!old) return undefined;
    const copy = clone(old);
    fn(copy);
    copy.metadata.resourceVersion = old.metadata.resourceVersion;
    // The stored object itself (see ClusterStore.mutate): read it, never change it.
    return this.write(gvr, copy);
  }

  delete(gvr: Gvr, namespace: string | undefined, name: string): KObject {
    const t = this.table(gvr);
    const key = objectKey(this.nsFor(gvr, namespace), name);
    const old = t.objects.get(key);
    if (!old) {
      const type = this.registry.get(gvr);
      throw new StoreNotFoundError(
        `${type?.resource ?? gvr}${type?.group ? '.' + type.group : ''} "${name}" not found`,
      );
    }
    t.objects.delete(key);
    t.sorted = null;
    this.indexOwners(gvr, key, old, undefined);
    const gone: KObject = { ...old, metadata: { ...old.metadata, resourceVersion: String(++this.rv) } };
    this.emit('DELETED', gvr, gone);
    return clone(gone);
  }

  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  eventsSince(resourceVersion: number, gvr?: Gvr): StoreEvent[] {
    if (resourceVersion < this.lowWater) {
      throw new StoreGoneError(`too old resource version: ${resourceVersion} (${this.lowWater})`);
    }
    const out: StoreEvent[] = [];
    for (let i = this.historyStart; i < this.history.length; i++) {
      const e = this.history[i];
      if (e.resourceVersion > resourceVersion && (!gvr || e.gvr === gvr)) out.push(e);
    }
    return out;
  }

  /** Forgets all history: every watch that resumes from an older resourceVersion gets 410 Gone. */
  compact(): void {
    this.lowWater = this.rv;
    this.history.length = 0;
    this.historyStart = 0;
  }

  /** Objects whose ownerReferences name `uid`. */
  dependents(uid: string): Array<{ gvr: Gvr; object: KObject }> {
    const out: Array<{ gvr: Gvr; object: KObject }> = [];
    for (const ref of this.ownerIndex.get(uid) ?? []) {
      const [gvr, key] = ref.split('\u0001');
      const object = this.tables.get(gvr)?.objects.get(key);
      if (object) out.push({ gvr, object: clone(object) });
    }
    return out;
  }

  /** True while an object with this uid exists. */
  hasUid(uid: string): boolean {
    return this.uidIndex.has(uid);
  }

  private indexOwners(gvr: Gvr, key: string, before: KObject | undefined, after: KObject | undefined): void {
    const ref = `${gvr}\u0001${key}`;
    if (before?.metadata.uid && !after) this.uidIndex.delete(before.metadata.uid);
    if (after?.metadata.uid) this.uidIndex.set(after.metadata.uid, ref);
    for (const o of before?.metadata.ownerReferences ?? []) this.ownerIndex.get(o.uid)?.delete(ref);
    for (const o of after?.metadata.ownerReferences ?? []) {
      let s = this.ownerIndex.get(o.uid);
      if (!s) this.ownerIndex.set(o.uid, (s = new Set()));
      s.add(ref);
    }
  }

  private emit(type: WatchEventType, gvr: Gvr, stored: KObject): void {
    // Stored objects are never changed in place, so the event shares it: listeners must not mutate it.
    const event: StoreEvent = { type, gvr, object: stored, resourceVersion: this.rv };
    this.history.push(event);
    if (this.history.length - this.historyStart > this.historyLimit) {
      this.lowWater = this.history[this.historyStart].resourceVersion;
      this.historyStart++;
      if (this.historyStart > 4096) {
        this.history.splice(0, this.historyStart);
        this.historyStart = 0;
      }
    }
    for (const l of [...this.listeners]) {
      try {
        l(event);
      } catch (err) {
        console.error(`kube-sim store ${this.clusterName}: a listener failed on ${type} ${gvr}:`, err);
      }
    }
  }
}

function lowerBound(keys: string[], target: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(keys: string[], target: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] <= target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function createClusterStore(clusterName: string, options?: MemoryStoreOptions): MemoryStore {
  return new MemoryStore(clusterName, options);
}
