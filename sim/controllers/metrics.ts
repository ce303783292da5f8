/**
 * metrics-server's view: NodeMetrics and PodMetrics objects (metrics.k8s.io/v1beta1) for running pods
 * and ready nodes, refreshed every metricsMs in batches so that big clusters stay cheap.
 */
import type { KObject } from '../store/api';
import { isoSeconds } from './clock';
import { GVR, keyOf, splitKey } from './gvr';
import { NODE_DOWN } from './nodes';
import { phaseOf, specOf, statusOf, type Container } from './pods';
import { formatCpuNano, formatMemory, quantityOr0 } from './quantity';
import { containerUsage, systemUsage } from './usage';
import type { Controller, Runtime } from './runtime';

export const METRICS = 'metrics';
const TICK = '*tick';

function crashing(pod: KObject, name: string): boolean {
  const cs = (
    (statusOf(pod).containerStatuses as Array<{ name: string; state?: { waiting?: unknown } }> | undefined) ??
    []
  ).find((c) => c.name === name);
  return Boolean(cs?.state?.waiting);
}

export function podUsage(pod: KObject, nowMs: number): Array<{ name: string; cpu: number; memory: number }> {
  const identity = pod.metadata.uid ?? keyOf(pod.metadata.namespace, pod.metadata.name ?? '');
  return ((specOf(pod).containers ?? []) as Container[]).map((c) => ({
    name: c.name,
    ...containerUsage(identity, c, nowMs, crashing(pod, c.name)),
  }));
}

function write(rt: Runtime, gvr: string, obj: KObject): void {
  const ns = obj.metadata.namespace;
  const name = obj.metadata.name ?? '';
  if (!rt.store.get(gvr, ns, name)) {
    rt.store.create(gvr, obj);
    return;
  }
  rt.store.mutate(gvr, ns, name, (o) => {
    const { metadata: _m, ...rest } = obj;
    Object.assign(o, rest);
    o.metadata.labels = obj.metadata.labels;
  });
}

export function createMetricsController(): Controller {
  const written = new Set<string>(); // pod keys with a PodMetrics object
  const fresh = new Set<string>(); // running pods without metrics yet: served first
  let cursor: string[] = [];
  let position = 0;
  const drop = (rt: Runtime, key: string) => {
    if (!written.delete(key)) return;
    const { namespace, name } = splitKey(key);
    try {
      rt.store.delete(GVR.podMetrics, namespace, name);
    } catch {
      // gone already
    }
  };
  return {
    name: METRICS,
    watches: [GVR.pods],
    start(rt) {
      if (!rt.store.typeOf(GVR.podMetrics) || !rt.store.typeOf(GVR.nodeMetrics)) return;
      rt.after(1000, METRICS, TICK);
    },
    onEvent(event, rt) {
      if (event.gvr !== GVR.pods) return;
      const key = keyOf(event.object.metadata.namespace, event.object.metadata.name ?? '');
      if (event.type === 'DELETED' || phaseOf(event.object) !== 'Running') {
        fresh.delete(key);
        drop(rt, key);
      } else if (!written.has(key)) fresh.add(key);
    },
    reconcile(_key, rt) {
      const now = rt.now();
      const ts = isoSeconds(now);
      const periodTicks = Math.max(1, Math.round(rt.timings.metricsMs / 1000));
      if (position >= cursor.length) {
        cursor = [...rt.cache.all(GVR.pods)]
          .filter((p) => phaseOf(p) === 'Running')
          .map((p) => keyOf(p.metadata.namespace, p.metadata.name ?? ''));
        position = 0;
        // Nodes: once per period, from the pods on each.
        for (const node of rt.cache.all(GVR.nodes)) {
          const name = node.metadata.name ?? '';
          if (node.metadata.annotations?.[NODE_DOWN] === 'true') {
            try {
              rt.store.delete(GVR.nodeMetrics, undefined, name);
            } catch {
              // none yet
            }
            continue;
          }
          const alloc = (statusOf(node).allocatable ?? {}) as Record<string, string>;
          const sys = systemUsage(name, quantityOr0(alloc.cpu), quantityOr0(alloc.memory), now);
          let cpu = sys.cpu;
          let memory = sys.memory;
          for (const p of rt.cache.podsOnNode(name))
            if (phaseOf(p) === 'Running')
              for (const c of podUsage(p, now)) {
                cpu += c.cpu;
                memory += c.memory;
              }
          write(rt, GVR.nodeMetrics, {
            apiVersion: 'metrics.k8s.io/v1beta1',
            kind: 'NodeMetrics',
            metadata: { name, labels: { ...node.metadata.labels } },
            timestamp: ts,
            window: '20.05s',
            usage: { cpu: formatCpuNano(cpu), memory: formatMemory(memory) },
          });
        }
      }
      let budget = rt.timings.metricsPerSecond;
      for (const key of fresh) {
        if (budget-- <= 0) break;
        fresh.delete(key);
        const pod = rt.cache.get(GVR.pods, key);
        if (pod && phaseOf(pod) === 'Running') writePod(pod);
      }
      const batch = Math.min(
        rt.timings.metricsPerSecond,
        Math.max(1, Math.ceil(cursor.length / periodTicks)),
      );
      const end = Math.min(cursor.length, position + batch);
      for (; position < end; position++) {
        const pod = rt.cache.get(GVR.pods, cursor[position] as string);
        if (pod && phaseOf(pod) === 'Running') writePod(pod);
      }
      rt.after(1000, METRICS, TICK);
      function writePod(pod: KObject): void {
        write(rt, GVR.podMetrics, {
          apiVersion: 'metrics.k8s.io/v1beta1',
          kind: 'PodMetrics',
          metadata: {
            name: pod.metadata.name,
            namespace: pod.metadata.namespace,
            labels: { ...pod.metadata.labels },
          },
          timestamp: ts,
          window: '18.62s',
          containers: podUsage(pod, now).map((c) => ({
            name: c.name,
            usage: { cpu: formatCpuNano(c.cpu), memory: formatMemory(c.memory) },
          })),
        });
        written.add(keyOf(pod.metadata.namespace, pod.metadata.name ?? ''));
      }
    },
  };
}
