import { parseQuantity } from '../../shared/nodes/quantity';

/**
 * The light view of nodes and pods the fleet list needs. Built from the objects the API
 * returns (or, later, from the watched object cache) by pure functions.
 */
export interface NodeLite {
  name: string;
  labels: Record<string, string>;
  providerID?: string;
  kubeletVersion?: string;
  osImage?: string;
  created?: string;
  controlPlane: boolean;
  ready: boolean;
  /** Why it is not ready (condition reason/message), or a pressure condition. */
  problem?: string;
  unschedulable: boolean;
  /** Cores and bytes. */
  allocatableCpu: number;
  allocatableMemory: number;
}

export interface PodLite {
  namespace: string;
  name: string;
  nodeName?: string;
  phase: string;
  labels: Record<string, string>;
  ready: boolean;
  /** Effective requests: max(sum of containers, largest init container) + overhead. */
  requestCpu: number;
  requestMemory: number;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strMap = (v: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(obj(v))) if (typeof val === 'string') out[k] = val;
  return out;
};
const qty = (v: unknown): number => {
  const n = parseQuantity(str(v) ?? (typeof v === 'number' ? v : undefined));
  return Number.isFinite(n) ? n : 0;
};

const CONTROL_PLANE_LABELS = ['node-role.kubernetes.io/control-plane', 'node-role.kubernetes.io/master'];
const PRESSURE = ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'NetworkUnavailable'];

export function toNodeLite(node: unknown): NodeLite {
  const meta = obj(obj(node).metadata);
  const spec = obj(obj(node).spec);
  const status = obj(obj(node).status);
  const labels = strMap(meta.labels);
  const conditions = arr(status.conditions).map(obj);
  const readyCond = conditions.find((c) => c.type === 'Ready');
  const ready = readyCond?.status === 'True';
  const pressure = conditions.find((c) => PRESSURE.includes(String(c.type)) && c.status === 'True');
  const problem = !ready
    ? `${str(readyCond?.reason) ?? 'NotReady'}${readyCond?.message ? `: ${String(readyCond.message)}` : ''}`
    : pressure
      ? String(pressure.type)
      : undefined;
  const info = obj(status.nodeInfo);
  const alloc = obj(status.allocatable ?? status.capacity);
  return {
    name: str(meta.name) ?? '',
    labels,
    providerID: str(spec.providerID),
    kubeletVersion: str(info.kubeletVersion),
    osImage: str(info.osImage),
    created: str(meta.creationTimestamp),
    controlPlane: CONTROL_PLANE_LABELS.some((l) => l in labels),
    ready,
    problem,
    unschedulable: spec.unschedulable === true,
    allocatableCpu: qty(alloc.cpu),
    allocatableMemory: qty(alloc.memory),
  };
}

function sumRequests(containers: unknown[], key: 'cpu' | 'memory'): number {
  return containers.reduce<number>((s, c) => s + qty(obj(obj(obj(c).resources).requests)[key]), 0);
}

function maxRequest(containers: unknown[], key: 'cpu' | 'memory'): number {
  return containers.reduce<number>((m, c) => Math.max(m, qty(obj(obj(obj(c).resources).requests)[key])), 0);
}

export function toPodLite(pod: unknown): PodLite {
  const meta = obj(obj(pod).metadata);
  const spec = obj(obj(pod).spec);
  const status = obj(obj(pod).status);
  const containers = arr(spec.containers);
  const init = arr(spec.initContainers);
  const overhead = obj(spec.overhead);
  const req = (key: 'cpu' | 'memory') =>
    Math.max(sumRequests(containers, key), maxRequest(init, key)) + qty(overhead[key]);
  const conditions = arr(status.conditions).map(obj);
  return {
    namespace: str(meta.namespace) ?? '',
    name: str(meta.name) ?? '',
    nodeName: str(spec.nodeName),
    phase: str(status.phase) ?? 'Unknown',
    labels: strMap(meta.labels),
    ready: conditions.some((c) => c.type === 'Ready' && c.status === 'True'),
    requestCpu: req('cpu'),
    requestMemory: req('memory'),
  };
}
