/** Per-namespace bookkeeping: the `default` ServiceAccount every namespace has. */
import { GVR } from './gvr';
import type { Controller } from './runtime';

export const NAMESPACES = 'namespaces';

export const namespaceController: Controller = {
  name: NAMESPACES,
  watches: [GVR.namespaces, GVR.serviceAccounts],
  onEvent(event, rt) {
    if (event.gvr === GVR.namespaces && event.type !== 'DELETED')
      rt.enqueue(NAMESPACES, event.object.metadata.name ?? '');
    if (
      event.gvr === GVR.serviceAccounts &&
      event.type === 'DELETED' &&
      event.object.metadata.name === 'default'
    )
      rt.enqueue(NAMESPACES, event.object.metadata.namespace ?? '');
  },
  start(rt) {
    for (const ns of rt.cache.all(GVR.namespaces)) rt.enqueue(NAMESPACES, ns.metadata.name ?? '');
  },
  reconcile(name, rt) {
    const ns = rt.cache.get(GVR.namespaces, name);
    if (
      !ns ||
      ns.metadata.deletionTimestamp ||
      (ns.status as { phase?: string } | undefined)?.phase === 'Terminating'
    )
      return;
    if (!rt.store.typeOf(GVR.serviceAccounts) || rt.store.get(GVR.serviceAccounts, name, 'default')) return;
    try {
      rt.store.create(GVR.serviceAccounts, {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: 'default', namespace: name },
      });
    } catch {
      // created meanwhile
    }
  },
};
