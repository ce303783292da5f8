/** Creating a cluster spec's seed objects through the same defaulting the API applies. */
import type { KObject } from '../store/api';
import { gvrOf } from '../store/api';
import type { MemoryStore } from '../store/memory';
import { CRD_GVR, crdWritten } from './crd';
import { applyDefaults } from './defaults';

export function gvrForObject(store: MemoryStore, o: KObject): string | undefined {
  const [group, version] = o.apiVersion.includes('/') ? o.apiVersion.split('/') : ['', o.apiVersion];
  const t = store.types().find((x) => x.group === group && x.version === version && x.kind === o.kind);
  return t ? gvrOf(t) : undefined;
}

/** Creates each object in order; throws naming the object when its kind is not served. */
export function seedObjects(store: MemoryStore, objects: KObject[]): void {
  for (const raw of objects) {
    const o = structuredClone(raw);
    const gvr = gvrForObject(store, o);
    if (!gvr)
      throw new Error(
        `seed object ${o.apiVersion}/${o.kind} "${o.metadata?.name ?? ''}": no such resource type in cluster ${store.clusterName}`,
      );
    if (store.peek(gvr, o.metadata.namespace, o.metadata.name ?? '')) continue;
    applyDefaults(store, gvr, o);
    const created = store.create(gvr, o);
    if (gvr === CRD_GVR) crdWritten(store, created);
  }
}
