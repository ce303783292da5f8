/** Pod helpers shared by the workload controllers, the scheduler and the kubelet. */
import type { KObject } from '../store/api';
import { safeHash } from '../fleet/rand';
import { quantityOr0 } from './quantity';

export interface Container {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  ports?: Array<{ name?: string; containerPort: number; protocol?: string }>;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  readinessProbe?: { initialDelaySeconds?: number };
}

export interface PodSpec {
  nodeName?: string;
  containers?: Container[];
  initContainers?: Container[];
  restartPolicy?: string;
  nodeSelector?: Record<string, string>;
  tolerations?: Array<{ key?: string; operator?: string; value?: string; effect?: string }>;
  hostNetwork?: boolean;
  schedulerName?: string;
  [k: string]: unknown;
}

export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastProbeTime?: string | null;
  lastUpdateTime?: string;
}

export const specOf = (pod: KObject): PodSpec => (pod.spec ?? {}) as PodSpec;
export const statusOf = (o: KObject): Record<string, unknown> => (o.status ?? {}) as Record<string, unknown>;
export const phaseOf = (pod: KObject): string => (statusOf(pod).phase as string | undefined) ?? 'Pending';

export function conditionOf(o: KObject, type: string): Condition | undefined {
  return ((statusOf(o).conditions as Condition[] | undefined) ?? []).find((c) => c.type === type);
}

/** Sets a condition, keeping lastTransitionTime when the status does not change. */
export function setCondition(status: Record<string, unknown>, c: Condition, now: string): void {
  const list = ((status.conditions as Condition[] | undefined) ?? []).slice();
  const i = list.findIndex((x) => x.type === c.type);
  const old = i >= 0 ? list[i] : undefined;
  const next: Condition = {
    ...c,
    lastTransitionTime: old && old.status === c.status ? (old.lastTransitionTime ?? now) : now,
  };
  if (old && 'lastUpdateTime' in old)
    next.lastUpdateTime = old.status === c.status && old.reason === c.reason ? old.lastUpdateTime : now;
  if (old && 'lastProbeTime' in old) next.lastProbeTime = old.lastProbeTime ?? null;
  if (i >= 0) list[i] = next;
  else list.push(next);
  status.conditions = list;
}

export const isTerminating = (o: KObject): boolean => Boolean(o.metadata.deletionTimestamp);
export const isFinished = (pod: KObject): boolean => ['Succeeded', 'Failed'].includes(phaseOf(pod));
export const isActive = (pod: KObject): boolean => !isFinished(pod) && !isTerminating(pod);
export const isReady = (pod: KObject): boolean => conditionOf(pod, 'Ready')?.status === 'True';

/** Ready for at least minReadySeconds. */
export function isAvailable(pod: KObject, minReadySeconds: number, nowMs: number): boolean {
  const ready = conditionOf(pod, 'Ready');
  if (ready?.status !== 'True') return false;
  if (minReadySeconds <= 0) return true;
  const since = Date.parse(ready.lastTransitionTime ?? '');
  return Number.isNaN(since) || nowMs - since >= minReadySeconds * 1000;
}

/** Effective requests as the scheduler counts them: sum of containers vs. the largest init container. */
export function podRequests(pod: KObject): { cpu: number; memory: number } {
  const spec = specOf(pod);
  const one = (c: Container, r: 'cpu' | 'memory') =>
    quantityOr0(c.resources?.requests?.[r] ?? c.resources?.limits?.[r]);
  let cpu = 0;
  let memory = 0;
  for (const c of spec.containers ?? []) {
    cpu += one(c, 'cpu');
    memory += one(c, 'memory');
  }
  for (const c of spec.initContainers ?? []) {
    cpu = Math.max(cpu, one(c, 'cpu'));
    memory = Math.max(memory, one(c, 'memory'));
  }
  return { cpu, memory };
}

export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export const templateHash = (template: unknown): string => safeHash(stableJson(template), 10);

export function ownerRef(owner: KObject): NonNullable<KObject['metadata']['ownerReferences']>[number] {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

interface Template {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: PodSpec;
}

const DEFAULT_TOLERATIONS = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

/** A new Pod from a workload's template, owned by `owner`, with API-server-style defaults filled in. */
export function podFromTemplate(
  template: Template,
  owner: KObject,
  name: string,
  extra: {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    spec?: Partial<PodSpec>;
  } = {},
): KObject {
  const spec = structuredClone(template.spec ?? {}) as PodSpec;
  const labels = { ...(template.metadata?.labels ?? {}), ...(extra.labels ?? {}) };
  const annotations = { ...(template.metadata?.annotations ?? {}), ...(extra.annotations ?? {}) };
  Object.assign(spec, extra.spec ?? {});
  spec.restartPolicy ??= 'Always';
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.schedulerName ??= 'default-scheduler';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.serviceAccountName ??= (spec.serviceAccount as string | undefined) ?? 'default';
  spec.securityContext ??= {};
  spec.enableServiceLinks ??= true;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  spec.priority ??= 0;
  const tolerations = spec.tolerations ?? [];
  for (const t of DEFAULT_TOLERATIONS)
    if (!tolerations.some((x) => x.key === t.key && x.effect === t.effect)) tolerations.push(t);
  spec.tolerations = tolerations;
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    const cc = c as Container & Record<string, unknown>;
    cc.imagePullPolicy ??=
      (c.image ?? '').endsWith(':latest') || !(c.image ?? '').includes(':') ? 'Always' : 'IfNotPresent';
    cc.terminationMessagePath ??= '/dev/termination-log';
    cc.terminationMessagePolicy ??= 'File';
    cc.resources ??= {};
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: owner.metadata.namespace,
      labels,
      ...(Object.keys(annotations).length ? { annotations } : {}),
      ownerReferences: [ownerRef(owner)],
    },
    spec,
    status: { phase: 'Pending', qosClass: qosClass(spec) },
  };
}

export function qosClass(spec: PodSpec): string {
  const containers = spec.containers ?? [];
  let anything = false;
  let guaranteed = containers.length > 0;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length || Object.keys(lim).length) anything = true;
    for (const r of ['cpu', 'memory']) {
      const l = lim[r];
      const q = req[r] ?? l;
      if (!l || quantityOr0(q) !== quantityOr0(l)) guaranteed = false;
    }
  }
  return guaranteed ? 'Guaranteed' : anything ? 'Burstable' : 'BestEffort';
}
