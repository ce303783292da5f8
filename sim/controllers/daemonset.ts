/** DaemonSet controller: one pod per eligible node (nodeSelector, affinity, taints), rolled node by node. */
import type { KObject } from '../store/api';
import { GVR, keyOf } from './gvr';
import {
  isActive,
  isAvailable,
  isReady,
  podFromTemplate,
  statusOf,
  templateHash,
  type PodSpec,
} from './pods';
import { createPod, deletePod, enqueueOwner } from './replicaset';
import { intOrPercent } from './rollout';
import { nodeMatchesPod, untoleratedTaints, type Toleration } from './selectors';
import type { Controller, Runtime } from './runtime';

export const DS = 'daemonset';

/** Tolerations the DaemonSet controller adds to every daemon pod. */
const DAEMON_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];

interface DsSpec {
  minReadySeconds?: number;
  template?: { metadata?: { labels?: Record<string, string> }; spec?: PodSpec };
  updateStrategy?: { type?: string; rollingUpdate?: { maxUnavailable?: unknown } };
}

export function eligibleNodes(nodes: Iterable<KObject>, podSpec: PodSpec): KObject[] {
  const tolerations = [...((podSpec.tolerations as Toleration[] | undefined) ?? []), ...DAEMON_TOLERATIONS];
  return [...nodes].filter(
    (n) =>
      nodeMatchesPod(n, { ...podSpec, affinity: undefined }) &&
      nodeMatchesPod(n, podSpec) &&
      untoleratedTaints(n, tolerations).length === 0,
  );
}

/** The node a daemon pod is for: its nodeName, or the node its affinity pins it to. */
export function targetNode(pod: KObject): string | undefined {
  const spec = pod.spec as PodSpec & {
    affinity?: {
      nodeAffinity?: {
        requiredDuringSchedulingIgnoredDuringExecution?: {
          nodeSelectorTerms?: Array<{ matchFields?: Array<{ key: string; values?: string[] }> }>;
        };
      };
    };
  };
  if (spec.nodeName) return spec.nodeName;
  const terms =
    spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const t of terms)
    for (const f of t.matchFields ?? []) if (f.key === 'metadata.name' && f.values?.[0]) return f.values[0];
  return undefined;
}

const nodeSignature = (n: KObject) =>
  JSON.stringify([
    n.metadata.labels,
    (n.spec as { taints?: unknown } | undefined)?.taints,
    (n.spec as { unschedulable?: unknown } | undefined)?.unschedulable,
  ]);

function daemonPod(ds: KObject, spec: DsSpec, hash: string, node: string): KObject {
  const podSpec = spec.template?.spec ?? {};
  const tolerations = [...((podSpec.tolerations as Toleration[] | undefined) ?? [])];
  for (const t of DAEMON_TOLERATIONS)
    if (!tolerations.some((x) => x.key === t.key && x.effect === t.effect)) tolerations.push(t);
  return podFromTemplate(spec.template ?? {}, ds, '', {
    labels: {
      'controller-revision-hash': hash,
      'pod-template-generation': String(ds.metadata.generation ?? 1),
    },
    spec: {
      tolerations,
      affinity: {
        ...(podSpec.affinity as object | undefined),
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }],
          },
        },
      },
    },
  });
}

export function createDaemonSetController(): Controller {
  const signatures = new Map<string, string>();
  const enqueueAll = (rt: Runtime) => {
    for (const ds of rt.cache.all(GVR.daemonSets))
      rt.enqueue(DS, keyOf(ds.metadata.namespace, ds.metadata.name ?? ''));
  };
  return {
    name: DS,
    watches: [GVR.daemonSets, GVR.pods, GVR.nodes],
    onEvent(event, rt) {
      if (event.gvr === GVR.daemonSets)
        rt.enqueue(DS, keyOf(event.object.metadata.namespace, event.object.metadata.name ?? ''));
      else if (event.gvr === GVR.pods) enqueueOwner(rt, event, 'DaemonSet', DS);
      else if (event.gvr === GVR.nodes) {
        const name = event.object.metadata.name ?? '';
        const sig = event.type === 'DELETED' ? '' : nodeSignature(event.object);
        if (signatures.get(name) === sig) return;
        if (sig) signatures.set(name, sig);
        else signatures.delete(name);
        enqueueAll(rt);
      }
    },
    start(rt) {
      for (const n of rt.cache.all(GVR.nodes)) signatures.set(n.metadata.name ?? '', nodeSignature(n));
      enqueueAll(rt);
    },
    reconcile(key, rt) {
      const ds = rt.cache.get(GVR.daemonSets, key);
      if (!ds || ds.metadata.deletionTimestamp) return;
      const spec = ds.spec as DsSpec;
      const hash = templateHash(spec.template ?? {});
      const eligible = eligibleNodes(rt.cache.all(GVR.nodes), spec.template?.spec ?? {});
      const eligibleNames = new Set(eligible.map((n) => n.metadata.name ?? ''));
      const byNode = new Map<string, KObject[]>();
      for (const p of rt.cache.ownedBy(GVR.pods, ds.metadata.uid).filter(isActive)) {
        const node = targetNode(p) ?? '';
        byNode.set(node, [...(byNode.get(node) ?? []), p]);
      }
      let misscheduled = 0;
      for (const [node, pods] of byNode) {
        if (!eligibleNames.has(node)) {
          misscheduled += pods.length;
          pods.forEach((p) => deletePod(rt, p));
        } else pods.slice(1).forEach((p) => deletePod(rt, p));
      }
      for (const node of eligibleNames) {
        if (byNode.has(node)) continue;
        const pod = createPod(rt, daemonPod(ds, spec, hash, node), ds.metadata.name ?? 'daemon');
        if (pod)
          rt.events.record(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, {
            component: 'daemonset-controller',
          });
      }
      const now = rt.now();
      const minReady = spec.minReadySeconds ?? 0;
      if ((spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate') {
        const maxUnavailable = Math.max(
          1,
          intOrPercent(
            spec.updateStrategy?.rollingUpdate?.maxUnavailable ?? 1,
            eligible.length,
            false,
            'spec.updateStrategy.rollingUpdate.maxUnavailable',
          ),
        );
        const onEligible = [...byNode.entries()]
          .filter(([n]) => eligibleNames.has(n))
          .map(([, p]) => p[0] as KObject);
        const unavailable = eligible.length - onEligible.filter((p) => isAvailable(p, minReady, now)).length;
        let budget = maxUnavailable - unavailable;
        const stale = onEligible
          .filter((p) => p.metadata.labels?.['controller-revision-hash'] !== hash)
          .sort((a, b) => Number(isReady(a)) - Number(isReady(b)));
        for (const p of stale) {
          if (!isReady(p)) deletePod(rt, p);
          else if (budget > 0) {
            budget--;
            deletePod(rt, p);
          }
        }
      }
      const current = rt.cache.ownedBy(GVR.pods, ds.metadata.uid).filter(isActive);
      const onNodes = current.filter((p) => eligibleNames.has(targetNode(p) ?? ''));
      const scheduled = new Set(onNodes.map((p) => targetNode(p)));
      const ready = onNodes.filter(isReady).length;
      const available = onNodes.filter((p) => isAvailable(p, minReady, now)).length;
      rt.store.mutate(GVR.daemonSets, ds.metadata.namespace, ds.metadata.name ?? '', (o) => {
        o.status = {
          ...statusOf(o),
          observedGeneration: o.metadata.generation ?? 1,
          desiredNumberScheduled: eligible.length,
          currentNumberScheduled: scheduled.size,
          numberMisscheduled: misscheduled,
          numberReady: ready,
          numberAvailable: available,
          updatedNumberScheduled: onNodes.filter(
            (p) => p.metadata.labels?.['controller-revision-hash'] === hash,
          ).length,
          ...(eligible.length - available > 0 ? { numberUnavailable: eligible.length - available } : {}),
        };
        if (eligible.length - available <= 0) delete (o.status as Record<string, unknown>).numberUnavailable;
      });
    },
  };
}
