/** Deletion with finalizers, ownerReference garbage collection (background, foreground, orphan) and namespace teardown. */
import type { Gvr, KObject } from '../store/api';
import type { MemoryStore } from '../store/memory';
import { crdDeleted, CRD_GVR } from './crd';
import { conflict, notFound, ApiError } from './errors';

export type Propagation = 'Background' | 'Foreground' | 'Orphan';

const nowStamp = (): string => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

function removeNow(store: MemoryStore, gvr: Gvr, obj: KObject): KObject {
  const out = store.delete(gvr, obj.metadata.namespace, obj.metadata.name ?? '');
  if (gvr === CRD_GVR) crdDeleted(store, obj);
  return out;
}

/** Deletes dependents of `uid` whose owners are all gone (what the garbage collector does). */
export function collectDependents(store: MemoryStore, uid: string, policy: Propagation): void {
  for (const { gvr, object } of store.dependents(uid)) {
    if (!store.peek(gvr, object.metadata.namespace, object.metadata.name ?? '')) continue;
    const others = (object.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
    const ownersLeft = others.filter((r) => ownerExists(store, r.uid));
    if (ownersLeft.length > 0) {
      store.mutate(gvr, object.metadata.namespace, object.metadata.name ?? '', (o) => {
        o.metadata.ownerReferences = o.metadata.ownerReferences?.filter((r) => r.uid !== uid);
      });
      continue;
    }
    try {
      deleteWithPolicy(store, gvr, object, policy === 'Orphan' ? 'Background' : policy);
    } catch (e) {
      if ((e as { code?: number }).code !== 404) throw e;
    }
  }
}

const ownerExists = (store: MemoryStore, uid: string): boolean => store.hasUid(uid);

export function deleteWithPolicy(store: MemoryStore, gvr: Gvr, obj: KObject, policy: Propagation): KObject {
  const uid = obj.metadata.uid ?? '';
  if (policy === 'Orphan') {
    for (const d of store.dependents(uid)) {
      store.mutate(d.gvr, d.object.metadata.namespace, d.object.metadata.name ?? '', (o) => {
        o.metadata.ownerReferences = o.metadata.ownerReferences?.filter((r) => r.uid !== uid);
        if (o.metadata.ownerReferences?.length === 0) delete o.metadata.ownerReferences;
      });
    }
    return removeNow(store, gvr, obj);
  }
  if (policy === 'Foreground') {
    collectDependents(store, uid, 'Foreground');
    return removeNow(store, gvr, obj);
  }
  const out = removeNow(store, gvr, obj);
  setImmediate(() => collectDependents(store, uid, 'Background'));
  return out;
}

export interface DeleteOptions {
  propagationPolicy?: Propagation;
  /** Running pods get a deletionTimestamp and are removed by the kubelet (when controllers run). */
  gracefulPods?: boolean;
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun: boolean;
}

/** DELETE of one object. Returns the object as the response shows it. */
export function deleteObject(
  store: MemoryStore,
  gvr: Gvr,
  namespace: string | undefined,
  name: string,
  opts: DeleteOptions,
): KObject {
  const type = store.typeOf(gvr);
  const obj = store.get(gvr, namespace, name);
  if (!obj || !type) throw notFound(type?.resource ?? gvr, type?.group ?? '', name, type?.kind);
  const pre = opts.preconditions;
  if (pre?.uid && pre.uid !== obj.metadata.uid)
    throw conflict(
      type.resource,
      type.group,
      name,
      `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${obj.metadata.uid}`,
    );
  if (pre?.resourceVersion && pre.resourceVersion !== obj.metadata.resourceVersion)
    throw conflict(
      type.resource,
      type.group,
      name,
      `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${obj.metadata.resourceVersion}`,
    );
  if (opts.dryRun) return obj;
  if (gvr === 'v1/namespaces') return terminateNamespace(store, obj);
  const podSpec = obj.spec as { nodeName?: string } | undefined;
  if (gvr === 'v1/pods' && opts.gracefulPods && podSpec?.nodeName && opts.gracePeriodSeconds !== 0) {
    if (obj.metadata.deletionTimestamp) return obj;
    return store.mutate(gvr, namespace, name, (o) => {
      o.metadata.deletionTimestamp = nowStamp();
      o.metadata.deletionGracePeriodSeconds = opts.gracePeriodSeconds ?? 30;
    }) as KObject;
  }
  const finalizers = (obj.metadata.finalizers ?? []).filter(
    (f) => f !== 'orphan' && f !== 'foregroundDeletion',
  );
  if (finalizers.length > 0) {
    if (obj.metadata.deletionTimestamp) return obj;
    return store.mutate(gvr, namespace, name, (o) => {
      o.metadata.deletionTimestamp = nowStamp();
      o.metadata.deletionGracePeriodSeconds = 0;
    }) as KObject;
  }
  return deleteWithPolicy(store, gvr, obj, opts.propagationPolicy ?? 'Background');
}

/** Marks the namespace Terminating, deletes everything in it, then the namespace itself. */
export function terminateNamespace(store: MemoryStore, ns: KObject): KObject {
  const name = ns.metadata.name ?? '';
  if (ns.metadata.deletionTimestamp) return ns;
  const marked = store.mutate('v1/namespaces', undefined, name, (o) => {
    o.metadata.deletionTimestamp = nowStamp();
    o.status = { ...(o.status as object), phase: 'Terminating' };
  }) as KObject;
  setTimeout(() => {
    try {
      for (const t of store.types()) {
        if (!t.namespaced) continue;
        const gvr = t.group ? `${t.group}/${t.version}/${t.resource}` : `${t.version}/${t.resource}`;
        for (const o of store.list(gvr, { namespace: name })) {
          try {
            removeNow(store, gvr, o);
          } catch (e) {
            if (!(e instanceof ApiError) && (e as { code?: number }).code !== 404) throw e;
          }
        }
      }
      if (store.peek('v1/namespaces', undefined, name)) store.delete('v1/namespaces', undefined, name);
    } catch (e) {
      console.error(`kube-sim: deleting namespace ${name} failed:`, e);
    }
  }, 100);
  return marked;
}

/** After an update: an object being deleted whose finalizers are now empty goes away. */
export function finishFinalized(store: MemoryStore, gvr: Gvr, obj: KObject): KObject | undefined {
  if (!obj.metadata.deletionTimestamp || gvr === 'v1/namespaces') return undefined;
  if ((obj.metadata.finalizers ?? []).length > 0) return undefined;
  return deleteWithPolicy(store, gvr, obj, 'Background');
}
