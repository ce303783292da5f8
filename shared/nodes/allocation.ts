import { quantityOrZero } from './quantity';

/**
 * Allocation per node, as `kubectl describe node` reports it: the requests of the non-terminated
 * pods bound to the node (phase neither Succeeded nor Failed) over the node's allocatable.
 */

export interface Requests {
  cpu: number;
  memory: number;
}

export interface PodOnNode extends Requests {
  nodeName: string;
  phase: string;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function containerRequests(container: unknown): Requests {
  const req = obj(obj(obj(container).resources).requests);
  return { cpu: quantityOrZero(req.cpu), memory: quantityOrZero(req.memory) };
}

/**
 * A pod's effective requests, the scheduler's rule: the sum of its containers and restartable
 * (sidecar) init containers, or the largest init container plus the sidecars started before it,
 * whichever is larger; plus the pod overhead.
 */
export function podRequests(pod: unknown): Requests {
  const spec = obj(obj(pod).spec);
  const total: Requests = { cpu: 0, memory: 0 };
  for (const c of arr(spec.containers)) {
    const r = containerRequests(c);
    total.cpu += r.cpu;
    total.memory += r.memory;
  }
  const sidecars: Requests = { cpu: 0, memory: 0 };
  const initPeak: Requests = { cpu: 0, memory: 0 };
  for (const c of arr(spec.initContainers)) {
    const r = containerRequests(c);
    if (obj(c).restartPolicy === 'Always') {
      sidecars.cpu += r.cpu;
      sidecars.memory += r.memory;
      total.cpu += r.cpu;
      total.memory += r.memory;
    } else {
      initPeak.cpu = Math.max(initPeak.cpu, r.cpu + sidecars.cpu);
      initPeak.memory = Math.max(initPeak.memory, r.memory + sidecars.memory);
    }
  }
  const overhead = obj(spec.overhead);
  return {
    cpu: Math.max(total.cpu, initPeak.cpu) + quantityOrZero(overhead.cpu),
    memory: Math.max(total.memory, initPeak.memory) + quantityOrZero(overhead.memory),
  };
}

/** Pods that hold their requests on a node: bound and not finished. */
export function holdsRequests(pod: {
  nodeName: string | null | undefined;
  phase: string | null | undefined;
}): boolean {
  return !!pod.nodeName && pod.phase !== 'Succeeded' && pod.phase !== 'Failed';
}

/** The light view of a pod body that allocation needs. */
export function podOnNode(pod: unknown): PodOnNode {
  const o = obj(pod);
  return {
    nodeName: String(obj(o.spec).nodeName ?? ''),
    phase: String(obj(o.status).phase ?? 'Unknown'),
    ...podRequests(pod),
  };
}

export interface NodeRequests extends Requests {
  /** Non-terminated pods on the node. */
  pods: number;
}

/** Sums the requests of the pods that hold them, per node name. */
export function requestsByNode(pods: Iterable<PodOnNode>): Map<string, NodeRequests> {
  const out = new Map<string, NodeRequests>();
  for (const pod of pods) {
    if (!holdsRequests(pod)) continue;
    let acc = out.get(pod.nodeName);
    if (!acc) {
      acc = { cpu: 0, memory: 0, pods: 0 };
      out.set(pod.nodeName, acc);
    }
    acc.cpu += pod.cpu;
    acc.memory += pod.memory;
    acc.pods++;
  }
  for (const acc of out.values()) acc.cpu = Math.round(acc.cpu * 1e6) / 1e6;
  return out;
}

/** Requested over allocatable as a whole percentage, floored like kubectl; undefined without allocatable. */
export function percentOf(requested: number, allocatable: number): number | undefined {
  if (!(allocatable > 0)) return undefined;
  return Math.floor((requested / allocatable) * 100 + 1e-9);
}
