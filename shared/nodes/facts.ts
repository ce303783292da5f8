import { quantityOrZero } from './quantity';

/** What the Nodes views show about one Node object, read by pure functions from its body. */

export type NodeRole = 'control-plane' | 'worker';
export type NodeState = 'Ready' | 'NotReady' | 'Unknown';

export const CONDITION_TYPES = [
  'Ready',
  'NetworkUnavailable',
  'MemoryPressure',
  'DiskPressure',
  'PIDPressure',
] as const;
export type ConditionType = (typeof CONDITION_TYPES)[number];

export interface NodeCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown' | 'Absent';
  reason?: string;
  message?: string;
  lastTransition?: string;
  /** True when the condition's state is the healthy one (Ready=True, pressures=False). */
  healthy: boolean;
}

export interface NodeTaint {
  key: string;
  value?: string;
  effect: string;
}

export interface NodeFacts {
  name: string;
  role: NodeRole;
  /** Every role label (node-role.kubernetes.io/<role>), e.g. ["control-plane", "etcd"]. */
  roles: string[];
  state: NodeState;
  /** A short reason when not Ready or under pressure; undefined when healthy. */
  problem?: string;
  unschedulable: boolean;
  created?: string;
  kubeletVersion?: string;
  kubeProxyVersion?: string;
  kernelVersion?: string;
  osImage?: string;
  containerRuntime?: string;
  machineID?: string;
  systemUUID?: string;
  bootID?: string;
  architecture?: string;
  podCIDR?: string;
  region?: string;
  zone?: string;
  instanceType?: string;
  providerID?: string;
  internalIP?: string;
  allocatableCpu: number;
  allocatableMemory: number;
  allocatablePods: number;
  conditions: NodeCondition[];
  taints: NodeTaint[];
  labels: Record<string, string>;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const strMap = (v: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(obj(v))) if (typeof val === 'string') out[k] = val;
  return out;
};
const first = (labels: Record<string, string>, keys: readonly string[]) =>
  keys.map((k) => labels[k]).find((v) => v !== undefined && v !== '');

const ROLE_PREFIX = 'node-role.kubernetes.io/';
const CONTROL_PLANE_ROLES = new Set(['control-plane', 'master']);

/** Role labels of a node: node-role.kubernetes.io/<role> keys, plus the legacy kubernetes.io/role. */
export function nodeRoles(labels: Record<string, string>): string[] {
  const roles = new Set<string>();
  for (const key of Object.keys(labels)) {
    if (key.startsWith(ROLE_PREFIX) && key.length > ROLE_PREFIX.length)
      roles.add(key.slice(ROLE_PREFIX.length));
  }
  const legacy = labels['kubernetes.io/role'];
  if (legacy) roles.add(legacy);
  return [...roles].sort();
}

/** Control plane when any role label says so (control-plane or the older master); worker otherwise. */
export function nodeRole(labels: Record<string, string>): NodeRole {
  return nodeRoles(labels).some((r) => CONTROL_PLANE_ROLES.has(r)) ? 'control-plane' : 'worker';
}

function condition(raw: Obj | undefined, type: string): NodeCondition {
  const status = raw
    ? ['True', 'False', 'Unknown'].includes(String(raw.status))
      ? raw.status
      : 'Unknown'
    : 'Absent';
  const s = status as NodeCondition['status'];
  const healthy = type === 'Ready' ? s === 'True' : s === 'False' || s === 'Absent';
  return {
    type,
    status: s,
    reason: str(raw?.reason),
    message: str(raw?.message),
    lastTransition: str(raw?.lastTransitionTime),
    healthy,
  };
}

/**
 * The five conditions the reference deck shows, in its order (Absent when the kubelet does not
 * report one), followed by any other condition the node carries.
 */
export function nodeConditions(rawConditions: unknown): NodeCondition[] {
  const list = arr(rawConditions).map(obj);
  const byType = new Map(list.map((c) => [String(c.type), c]));
  const known = CONDITION_TYPES.map((t) => condition(byType.get(t), t));
  const others = list
    .filter((c) => !(CONDITION_TYPES as readonly string[]).includes(String(c.type)))
    .map((c) => {
      const cond = condition(c, String(c.type));
      return { ...cond, healthy: cond.status !== 'True' };
    });
  return [...known, ...others];
}

/** Ready / NotReady / Unknown from the Ready condition, and the first reason to worry, if any. */
export function summarizeConditions(conditions: readonly NodeCondition[]): {
  state: NodeState;
  problem?: string;
} {
  const ready = conditions.find((c) => c.type === 'Ready');
  const state: NodeState =
    !ready || ready.status === 'Absent' || ready.status === 'Unknown'
      ? 'Unknown'
      : ready.status === 'True'
        ? 'Ready'
        : 'NotReady';
  if (state !== 'Ready') {
    const why = ready?.reason ?? (state === 'Unknown' ? 'NodeStatusUnknown' : 'NotReady');
    return { state, problem: ready?.message ? `${why}: ${ready.message}` : why };
  }
  const bad = conditions.find((c) => c.type !== 'Ready' && !c.healthy);
  return { state, problem: bad ? bad.type : undefined };
}

export function nodeFacts(node: unknown): NodeFacts {
  const meta = obj(obj(node).metadata);
  const spec = obj(obj(node).spec);
  const status = obj(obj(node).status);
  const info = obj(status.nodeInfo);
  const labels = strMap(meta.labels);
  const conditions = nodeConditions(status.conditions);
  const alloc = obj(status.allocatable ?? status.capacity);
  const addresses = arr(status.addresses).map(obj);
  return {
    name: str(meta.name) ?? '',
    role: nodeRole(labels),
    roles: nodeRoles(labels),
    ...summarizeConditions(conditions),
    unschedulable: spec.unschedulable === true,
    created: str(meta.creationTimestamp),
    kubeletVersion: str(info.kubeletVersion),
    kubeProxyVersion: str(info.kubeProxyVersion),
    kernelVersion: str(info.kernelVersion),
    osImage: str(info.osImage),
    containerRuntime: str(info.containerRuntimeVersion),
    machineID: str(info.machineID),
    systemUUID: str(info.systemUUID),
    bootID: str(info.bootID),
    architecture: str(info.architecture),
    podCIDR: str(spec.podCIDR) ?? arr(spec.podCIDRs).map(str).find(Boolean),
    region: first(labels, ['topology.kubernetes.io/region', 'failure-domain.beta.kubernetes.io/region']),
    zone: first(labels, ['topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone']),
    instanceType: first(labels, ['node.kubernetes.io/instance-type', 'beta.kubernetes.io/instance-type']),
    providerID: str(spec.providerID),
    internalIP: str(addresses.find((a) => a.type === 'InternalIP')?.address),
    allocatableCpu: quantityOrZero(alloc.cpu),
    allocatableMemory: quantityOrZero(alloc.memory),
    allocatablePods: quantityOrZero(alloc.pods),
    conditions,
    taints: arr(spec.taints)
      .map(obj)
      .map((t) => ({ key: str(t.key) ?? '', value: str(t.value), effect: str(t.effect) ?? '' })),
    labels,
  };
}
