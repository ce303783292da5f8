/**
 * The scheduler: binds pending pods to nodes that fit their requests (against allocatable), node
 * selector/affinity and taints, preferring the least allocated nodes and spreading replicas.
 * Unschedulable pods stay Pending with PodScheduled=False and a FailedScheduling event.
 */
import type { KObject } from '../store/api';
import { isoSeconds } from './clock';
import { controllerOf } from './cache';
import { GVR, keyOf } from './gvr';
import { conditionOf, isFinished, podRequests, setCondition, specOf, statusOf } from './pods';
import { quantityOr0 } from './quantity';
import { nodeMatchesPod, tolerates, untoleratedTaints } from './selectors';
import type { Controller, Runtime } from './runtime';

export const SCHED = 'scheduler';
/** How many feasible nodes are scored per pod in big clusters (like percentageOfNodesToScore). */
const SCORE_SAMPLE = 64;

interface Usage {
  cpu: number;
  memory: number;
  pods: number;
}
interface Capacity extends Usage {
  ready: boolean;
  unschedulable: boolean;
}

function nodeCapacity(node: KObject): Capacity {
  const alloc = (statusOf(node).allocatable ?? statusOf(node).capacity ?? {}) as Record<string, string>;
  const ready = (
    (statusOf(node).conditions as Array<{ type: string; status: string }> | undefined) ?? []
  ).find((c) => c.type === 'Ready');
  return {
    cpu: quantityOr0(alloc.cpu),
    memory: quantityOr0(alloc.memory),
    pods: quantityOr0(alloc.pods) || 110,
    ready: ready?.status === 'True',
    unschedulable: Boolean((node.spec as { unschedulable?: boolean } | undefined)?.unschedulable),
  };
}

export const wantsScheduling = (pod: KObject): boolean =>
  !specOf(pod).nodeName &&
  !pod.metadata.deletionTimestamp &&
  !isFinished(pod) &&
  (specOf(pod).schedulerName ?? 'default-scheduler') === 'default-scheduler';

export function createScheduler(): Controller {
  /** pod key → what it holds on which node */
  const held = new Map<string, Usage & { node: string; owner?: string }>();
  /** node → owner uid → pods of that owner on the node (for spreading replicas) */
  const siblings = new Map<string, Map<string, number>>();
  const used = new Map<string, Usage>();
  const unschedulable = new Map<string, number>(); // pod key → attempts
  let offset = 0;
  const capacities = new Map<string, { rv: string | undefined; cap: Capacity }>();
  const capacityOf = (node: KObject): Capacity => {
    const name = node.metadata.name ?? '';
    const hit = capacities.get(name);
    if (hit && hit.rv === node.metadata.resourceVersion) return hit.cap;
    const cap = nodeCapacity(node);
    capacities.set(name, { rv: node.metadata.resourceVersion, cap });
    return cap;
  };
  let retryPending = false;

  const release = (key: string) => {
    const h = held.get(key);
    if (!h) return;
    const u = used.get(h.node);
    if (u) {
      u.cpu -= h.cpu;
      u.memory -= h.memory;
      u.pods -= 1;
    }
    if (h.owner) {
      const m = siblings.get(h.node);
      const n = (m?.get(h.owner) ?? 1) - 1;
      if (n <= 0) m?.delete(h.owner);
      else m?.set(h.owner, n);
    }
    held.delete(key);
  };
  const account = (key: string, pod: KObject) => {
    release(key);
    const node = specOf(pod).nodeName;
    if (!node || isFinished(pod)) return;
    const r = podRequests(pod);
    const u = used.get(node) ?? { cpu: 0, memory: 0, pods: 0 };
    u.cpu += r.cpu;
    u.memory += r.memory;
    u.pods += 1;
    used.set(node, u);
    const owner = controllerOf(pod)?.uid;
    if (owner) {
      let m = siblings.get(node);
      if (!m) siblings.set(node, (m = new Map()));
      m.set(owner, (m.get(owner) ?? 0) + 1);
    }
    held.set(key, { ...r, pods: 1, node, owner });
  };
  const retryAll = (rt: Runtime) => {
    if (retryPending || unschedulable.size === 0) return;
    retryPending = true;
    rt.after(500, SCHED, '*retry');
  };

  return {
    name: SCHED,
    watches: [GVR.pods, GVR.nodes],
    start(rt) {
      for (const pod of rt.cache.all(GVR.pods)) {
        const key = keyOf(pod.metadata.namespace, pod.metadata.name ?? '');
        account(key, pod);
        if (wantsScheduling(pod)) rt.enqueue(SCHED, key);
      }
    },
    onEvent(event, rt) {
      if (event.gvr === GVR.pods) {
        const key = keyOf(event.object.metadata.namespace, event.object.metadata.name ?? '');
        if (event.type === 'DELETED') {
          const freed = held.has(key);
          release(key);
          unschedulable.delete(key);
          if (freed) retryAll(rt);
          return;
        }
        const wasHeld = held.has(key);
        account(key, event.object);
        if (wasHeld && !held.has(key)) retryAll(rt);
        if (wantsScheduling(event.object) && !unschedulable.has(key)) rt.enqueue(SCHED, key);
      } else if (event.gvr === GVR.nodes) {
        retryAll(rt);
      }
    },
    reconcile(key, rt) {
      if (key === '*retry') {
        retryPending = false;
        for (const k of unschedulable.keys()) rt.enqueue(SCHED, k);
        return;
      }
      const pod = rt.cache.get(GVR.pods, key);
      if (!pod || !wantsScheduling(pod)) {
        unschedulable.delete(key);
        return;
      }
      const spec = specOf(pod);
      const req = podRequests(pod);
      const nodes = [...rt.cache.all(GVR.nodes)];
      const reasons = new Map<string, number>();
      const why = (r: string) => reasons.set(r, (reasons.get(r) ?? 0) + 1);
      const feasible: Array<{ node: KObject; score: number }> = [];
      const owner = controllerOf(pod)?.uid;
      const start = nodes.length ? offset++ % nodes.length : 0;
      for (let i = 0; i < nodes.length && feasible.length < SCORE_SAMPLE; i++) {
        const node = nodes[(start + i) % nodes.length] as KObject;
        const name = node.metadata.name ?? '';
        const cap = capacityOf(node);
        // A node that is not Ready counts as tainted not-ready:NoSchedule (as the node lifecycle controller does).
        if (
          !cap.ready &&
          !tolerates(spec.tolerations, { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' })
        ) {
          why('node(s) had untolerated taint {node.kubernetes.io/not-ready: }');
          continue;
        }
        if (
          cap.unschedulable &&
          !(spec.tolerations ?? []).some((t) => t.key === 'node.kubernetes.io/unschedulable')
        ) {
          why('node(s) were unschedulable');
          continue;
        }
        if (!nodeMatchesPod(node, spec)) {
          why("node(s) didn't match Pod's node affinity/selector");
          continue;
        }
        const taints = untoleratedTaints(node, spec.tolerations);
        if (taints.length > 0) {
          const t = taints[0];
          why(`node(s) had untolerated taint {${t?.key}: ${t?.value ?? ''}}`);
          continue;
        }
        const u = used.get(name) ?? { cpu: 0, memory: 0, pods: 0 };
        const misfits = [
          u.pods + 1 > cap.pods ? 'Too many pods' : '',
          req.cpu > 0 && u.cpu + req.cpu > cap.cpu + 1e-9 ? 'Insufficient cpu' : '',
          req.memory > 0 && u.memory + req.memory > cap.memory ? 'Insufficient memory' : '',
        ].filter(Boolean);
        misfits.forEach(why);
        if (misfits.length > 0) continue;
        const free =
          (cap.cpu > 0 ? 1 - (u.cpu + req.cpu) / cap.cpu : 0) +
          (cap.memory > 0 ? 1 - (u.memory + req.memory) / cap.memory : 0);
        const near = owner ? (siblings.get(name)?.get(owner) ?? 0) : 0;
        feasible.push({ node, score: free - near * 0.5 });
      }
      const now = isoSeconds(rt.now());
      if (feasible.length === 0) {
        const attempts = (unschedulable.get(key) ?? 0) + 1;
        unschedulable.set(key, attempts);
        const detail = [...reasons.entries()]
          .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
          .map(([r, n]) => `${n} ${r}`)
          .join(', ');
        const message = `0/${nodes.length} nodes are available${detail ? `: ${detail}` : ''}. preemption: 0/${nodes.length} nodes are available: ${nodes.length} Preemption is not helpful for scheduling.`;
        const prev = conditionOf(pod, 'PodScheduled');
        if (prev?.status !== 'False' || prev.message !== message) {
          rt.store.mutate(GVR.pods, pod.metadata.namespace, pod.metadata.name ?? '', (p) => {
            const st = statusOf(p);
            st.phase = 'Pending';
            setCondition(
              st,
              {
                type: 'PodScheduled',
                status: 'False',
                reason: 'Unschedulable',
                message,
                lastProbeTime: null,
              },
              now,
            );
            p.status = st;
          });
        }
        rt.events.record(pod, 'Warning', 'FailedScheduling', message, { component: 'default-scheduler' });
        rt.after(Math.min(rt.timings.schedulerRetryMs * 2 ** Math.min(attempts - 1, 4), 60_000), SCHED, key);
        return;
      }
      feasible.sort((a, b) => b.score - a.score);
      const chosen = (feasible[0] as { node: KObject }).node.metadata.name ?? '';
      unschedulable.delete(key);
      const bound = rt.store.mutate(GVR.pods, pod.metadata.namespace, pod.metadata.name ?? '', (p) => {
        (p.spec as { nodeName?: string }).nodeName = chosen;
        const st = statusOf(p);
        setCondition(st, { type: 'PodScheduled', status: 'True', lastProbeTime: null }, now);
        p.status = st;
      });
      if (bound)
        rt.events.record(
          bound,
          'Normal',
          'Scheduled',
          `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${chosen}`,
          { component: 'default-scheduler' },
        );
    },
  };
}
