/** ReplicaSet controller: keeps spec.replicas pods alive and reports how many are ready and available. */
import type { KObject, StoreEvent } from '../store/api';
import { isoSeconds } from './clock';
import { controllerOf } from './cache';
import { GVR, keyOf } from './gvr';
import { isActive, isAvailable, isReady, phaseOf, podFromTemplate, specOf, statusOf } from './pods';
import { selectorMatches, type LabelSelectorObject } from './selectors';
import type { Controller, Runtime } from './runtime';

export const RS = 'replicaset';
/** Most pods created or deleted in one reconcile (the rest follow on the next pass). */
const BURST = 500;

/** Enqueue the owner of a pod (or any object) when its controller is of `kind`. */
export function enqueueOwner(rt: Runtime, event: StoreEvent, kind: string, controller: string): void {
  const ref = controllerOf(event.object);
  if (ref?.kind === kind) rt.enqueue(controller, keyOf(event.object.metadata.namespace, ref.name));
}

/** Lower rank = deleted first: unscheduled, pending, not ready, most restarts, newest. */
export function deletionRank(pod: KObject): number[] {
  const scheduled = specOf(pod).nodeName ? 1 : 0;
  const phase = { Pending: 0, Unknown: 1, Running: 2 }[phaseOf(pod)] ?? 0;
  const ready = isReady(pod) ? 1 : 0;
  const restarts = (
    (statusOf(pod).containerStatuses as Array<{ restartCount?: number }> | undefined) ?? []
  ).reduce((n, c) => n + (c.restartCount ?? 0), 0);
  const created = Date.parse(pod.metadata.creationTimestamp ?? '') || 0;
  return [scheduled, phase, ready, -restarts, -created];
}

export function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++)
    if ((a[i] as number) !== (b[i] as number)) return (a[i] as number) - (b[i] as number);
  return 0;
}

/** Graceful deletion: scheduled pods get a deletionTimestamp and the kubelet finishes the job. */
export function deletePod(rt: Runtime, pod: KObject): void {
  const ns = pod.metadata.namespace;
  const name = pod.metadata.name ?? '';
  try {
    if (!specOf(pod).nodeName || phaseOf(pod) !== 'Running') {
      rt.store.delete(GVR.pods, ns, name);
      return;
    }
    rt.store.mutate(GVR.pods, ns, name, (p) => {
      p.metadata.deletionTimestamp ??= isoSeconds(rt.now());
      p.metadata.deletionGracePeriodSeconds ??= 30;
    });
  } catch {
    // already gone
  }
}

export function createPod(rt: Runtime, pod: KObject, prefix: string): KObject | undefined {
  if (!rt.namespaceOpen(pod.metadata.namespace)) return undefined;
  for (let attempt = 0; attempt < 5; attempt++) {
    pod.metadata.name = `${prefix}-${rt.rand.suffix(5)}`;
    try {
      return rt.store.create(GVR.pods, pod);
    } catch (err) {
      if ((err as { code?: number }).code !== 409) throw err;
    }
  }
  return undefined;
}

/** The ReplicaSet controller, and the same for ReplicationControllers (map selectors, kind ReplicationController). */
export function replicaController(gvr: string, kind: string, name: string): Controller {
  return {
    name,
    watches: [gvr, GVR.pods],
    onEvent(event, rt) {
      if (event.gvr === gvr)
        rt.enqueue(name, keyOf(event.object.metadata.namespace, event.object.metadata.name ?? ''));
      else if (event.gvr === GVR.pods) enqueueOwner(rt, event, kind, name);
    },
    start(rt) {
      for (const rs of rt.cache.all(gvr))
        rt.enqueue(name, keyOf(rs.metadata.namespace, rs.metadata.name ?? ''));
    },
    reconcile(key, rt) {
      const rs = rt.cache.get(gvr, key);
      if (!rs || rs.metadata.deletionTimestamp) return;
      const spec = rs.spec as {
        replicas?: number;
        minReadySeconds?: number;
        selector?: LabelSelectorObject;
        template?: object;
      };
      const desired = spec.replicas ?? 1;
      const pods = rt.cache.ownedBy(GVR.pods, rs.metadata.uid);
      const active = pods.filter(isActive);
      const diff = desired - active.length;
      if (diff > 0) {
        const n = Math.min(diff, BURST);
        for (let i = 0; i < n; i++) {
          const pod = createPod(rt, podFromTemplate(spec.template ?? {}, rs, ''), rs.metadata.name ?? 'pod');
          if (pod)
            rt.events.record(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, {
              component: kind === 'ReplicaSet' ? 'replicaset-controller' : 'replication-controller',
            });
        }
        if (diff > n) rt.enqueue(name, key);
      } else if (diff < 0) {
        const victims = active
          .map((p) => ({ p, rank: deletionRank(p) }))
          .sort((a, b) => compareRanks(a.rank, b.rank))
          .slice(0, Math.min(-diff, BURST));
        for (const { p } of victims) {
          deletePod(rt, p);
          rt.events.record(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`, {
            component: kind === 'ReplicaSet' ? 'replicaset-controller' : 'replication-controller',
          });
        }
      }
      const now = rt.now();
      const minReady = spec.minReadySeconds ?? 0;
      const current = rt.cache.ownedBy(GVR.pods, rs.metadata.uid).filter(isActive);
      const ready = current.filter(isReady).length;
      const available = current.filter((p) => isAvailable(p, minReady, now)).length;
      if (available < ready) rt.after(minReady * 1000, name, key);
      const labeled = current.filter((p) =>
        selectorMatches(
          {
            matchLabels:
              (spec.template as { metadata?: { labels?: Record<string, string> } })?.metadata?.labels ?? {},
          },
          p.metadata.labels,
        ),
      ).length;
      rt.store.mutate(gvr, rs.metadata.namespace, rs.metadata.name ?? '', (o) => {
        const st = statusOf(o);
        st.replicas = current.length;
        st.fullyLabeledReplicas = labeled;
        st.readyReplicas = ready;
        st.availableReplicas = available;
        st.observedGeneration = o.metadata.generation ?? 1;
        o.status = st;
      });
    },
  };
}

export const replicaSetController = replicaController(GVR.replicaSets, 'ReplicaSet', RS);
export const replicationControllerController = replicaController(
  GVR.replicationControllers,
  'ReplicationController',
  'replicationcontroller',
);
