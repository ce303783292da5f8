import type { Allocation } from '../../../shared/contract/fleet';
import type { NodeLite, PodLite } from '../../kube/lite';

/** Figures of one cluster for the list and the overview, from its nodes and pods. */
export interface ClusterFigures {
  nodes: number;
  controlPlaneNodes: number;
  workerNodes: number;
  readyNodes: number;
  cpu: Allocation;
  memory: Allocation;
  pods: number;
  runningPods: number;
  notReadyNodes: Array<{ name: string; reason: string }>;
  /** Oldest node creation time: when the cluster was created, as far as the API tells. */
  created?: string;
}

/** Pods that hold their requests: scheduled and not finished (the scheduler's own rule). */
export function holdsRequests(pod: PodLite): boolean {
  return !!pod.nodeName && pod.phase !== 'Succeeded' && pod.phase !== 'Failed';
}

/**
 * Allocated CPU and memory: the sum of the requests of the pods that hold them, over the
 * sum of node allocatable. Pods bound to nodes that are not in the list are left out.
 */
export function computeFigures(nodes: readonly NodeLite[], pods: readonly PodLite[]): ClusterFigures {
  const nodeNames = new Set(nodes.map((n) => n.name));
  let reqCpu = 0;
  let reqMem = 0;
  let running = 0;
  for (const pod of pods) {
    if (pod.phase === 'Running') running++;
    if (!holdsRequests(pod) || !nodeNames.has(pod.nodeName!)) continue;
    reqCpu += pod.requestCpu;
    reqMem += pod.requestMemory;
  }
  const controlPlane = nodes.filter((n) => n.controlPlane).length;
  const created = nodes
    .map((n) => n.created)
    .filter((c): c is string => !!c)
    .sort()[0];
  return {
    nodes: nodes.length,
    controlPlaneNodes: controlPlane,
    workerNodes: nodes.length - controlPlane,
    readyNodes: nodes.filter((n) => n.ready).length,
    cpu: {
      requested: round(reqCpu, 3),
      allocatable: round(
        sum(nodes, (n) => n.allocatableCpu),
        3,
      ),
    },
    memory: { requested: reqMem, allocatable: sum(nodes, (n) => n.allocatableMemory) },
    pods: pods.length,
    runningPods: running,
    notReadyNodes: nodes
      .filter((n) => !n.ready || n.problem)
      .map((n) => ({ name: n.name, reason: n.problem ?? 'NotReady' })),
    created,
  };
}

const sum = <T>(items: readonly T[], f: (t: T) => number) => items.reduce((s, t) => s + f(t), 0);
const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Share of allocatable that is requested, 0…100 (can pass 100 when overcommitted), or undefined. */
export function percent(a: Allocation | undefined): number | undefined {
  if (!a || a.allocatable <= 0) return undefined;
  return (a.requested / a.allocatable) * 100;
}
