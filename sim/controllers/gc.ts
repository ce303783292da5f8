/** Garbage collection of dependents whose controlling owner is gone (pods of deleted ReplicaSets, Jobs …). */
import { GVR } from './gvr';
import { deletePod } from './replicaset';
import type { Controller } from './runtime';

export const GC = 'gc';
const OWNERS = new Set<string>([
  GVR.deployments,
  GVR.replicaSets,
  GVR.replicationControllers,
  GVR.statefulSets,
  GVR.daemonSets,
  GVR.jobs,
  GVR.cronJobs,
]);

export const gcController: Controller = {
  name: GC,
  watches: [...OWNERS],
  onEvent(event, rt) {
    if (event.type === 'DELETED' && OWNERS.has(event.gvr) && event.object.metadata.uid)
      rt.after(200, GC, event.object.metadata.uid);
  },
  reconcile(uid, rt) {
    if (rt.cache.uidExists(uid)) return;
    for (const p of rt.cache.ownedBy(GVR.pods, uid)) deletePod(rt, p);
    for (const gvr of [GVR.replicaSets, GVR.jobs]) {
      for (const o of rt.cache.ownedBy(gvr, uid)) {
        try {
          rt.store.delete(gvr, o.metadata.namespace, o.metadata.name ?? '');
        } catch {
          // gone already
        }
      }
    }
  },
};
