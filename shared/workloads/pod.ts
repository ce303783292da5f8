import type { KubeObject } from '../objects/types';

/** The pod page's facts, read from the pod's JSON: conditions, containers, owner, addresses. Pure. */

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
const dict = (v: unknown): Dict => (isDict(v) ? v : {});
const list = (v: unknown): Dict[] => (Array.isArray(v) ? v.filter(isDict) : []);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

export interface PodCondition {
  type: string;
  /** 'True', 'False', 'Unknown', or '' when the pod does not report it yet. */
  status: string;
  reason: string;
  message: string;
  since: string;
}

/** The conditions the reference deck shows first, then any others (readiness gates …). */
const ORDER = ['PodScheduled', 'Initialized', 'ContainersReady', 'Ready'];

export function podConditions(pod: KubeObject): PodCondition[] {
  const reported = list(dict(pod.status).conditions).map((c) => ({
    type: text(c.type),
    status: text(c.status),
    reason: text(c.reason),
    message: text(c.message),
    since: text(c.lastTransitionTime),
  }));
  const byType = new Map(reported.map((c) => [c.type, c]));
  const known = ORDER.map(
    (type) => byType.get(type) ?? { type, status: '', reason: '', message: '', since: '' },
  );
  return [...known, ...reported.filter((c) => !ORDER.includes(c.type))];
}

export interface ContainerRow {
  name: string;
  /** 'init' containers run to completion before the others start. */
  role: 'init' | 'main';
  image: string;
  /** running, waiting (with the reason), terminated (with the reason and code). */
  state: string;
  reason: string;
  ready: boolean;
  restarts: number;
  /** Why the previous run ended (a crash loop's real cause), '' when it never restarted. */
  lastTermination: string;
}

function describeState(state: Dict): { state: string; reason: string } {
  if (isDict(state.running)) return { state: 'Running', reason: '' };
  if (isDict(state.waiting)) return { state: 'Waiting', reason: text(state.waiting.reason) };
  if (isDict(state.terminated)) {
    const t = state.terminated;
    const code = typeof t.exitCode === 'number' ? ` (exit code ${t.exitCode})` : '';
    return { state: 'Terminated', reason: `${text(t.reason) || 'Terminated'}${code}` };
  }
  return { state: 'Pending', reason: '' };
}

export function podContainers(pod: KubeObject): ContainerRow[] {
  const spec = dict(pod.spec);
  const status = dict(pod.status);
  const rows = (specs: Dict[], statuses: Dict[], role: ContainerRow['role']): ContainerRow[] =>
    specs.map((c) => {
      const name = text(c.name);
      const st = statuses.find((s) => s.name === name) ?? {};
      const { state, reason } = describeState(dict(st.state));
      const last = dict(dict(st.lastState).terminated);
      return {
        name,
        role,
        image: text(c.image) || text(st.image),
        state,
        reason,
        ready: st.ready === true,
        restarts: typeof st.restartCount === 'number' ? st.restartCount : 0,
        lastTermination: isDict(dict(st.lastState).terminated)
          ? `${text(last.reason) || 'Terminated'}${typeof last.exitCode === 'number' ? ` (exit code ${last.exitCode})` : ''}`
          : '',
      };
    });
  return [
    ...rows(list(spec.initContainers), list(status.initContainerStatuses), 'init'),
    ...rows(list(spec.containers), list(status.containerStatuses), 'main'),
  ];
}

/** The container whose logs open first: the default-container annotation, else the first one. */
export function defaultContainer(pod: KubeObject): string {
  const annotated = text(dict(dict(pod.metadata).annotations)['kubectl.kubernetes.io/default-container']);
  const names = list(dict(pod.spec).containers).map((c) => text(c.name));
  return names.includes(annotated) ? annotated : (names[0] ?? '');
}

export interface OwnerRef {
  kind: string;
  name: string;
  apiVersion: string;
}

/** The controlling owner (ownerReferences with controller: true, else the first). */
export function controllerOf(object: KubeObject): OwnerRef | undefined {
  const refs = list(dict(object.metadata).ownerReferences);
  const ref = refs.find((r) => r.controller === true) ?? refs[0];
  if (!ref || !text(ref.kind) || !text(ref.name)) return undefined;
  return { kind: text(ref.kind), name: text(ref.name), apiVersion: text(ref.apiVersion) };
}

/**
 * A ReplicaSet made by a Deployment is named `<deployment>-<pod-template-hash>`: the pod page links
 * to the Deployment when the hash label says so (the ReplicaSet itself has no page of its own).
 */
export function deploymentOfReplicaSet(
  replicaSet: string,
  podLabels: Record<string, string>,
): string | undefined {
  const hash = podLabels['pod-template-hash'];
  if (!hash || !replicaSet.endsWith(`-${hash}`)) return undefined;
  return replicaSet.slice(0, -hash.length - 1) || undefined;
}

export interface PodFacts {
  node: string;
  podIP: string;
  hostIP: string;
  qosClass: string;
  phase: string;
  startTime: string;
  serviceAccount: string;
  nodeSelector: Record<string, string>;
  tolerations: string[];
}

/** "key=value:NoSchedule for 300s", "Exists:NoExecute" … as kubectl describe writes them. */
export function tolerationText(t: Dict): string {
  const key = text(t.key);
  const op = text(t.operator) || 'Equal';
  const value = text(t.value);
  let s = key ? (op === 'Exists' ? `${key} (exists)` : `${key}=${value}`) : 'all taints';
  if (text(t.effect)) s += `:${text(t.effect)}`;
  if (typeof t.tolerationSeconds === 'number') s += ` for ${t.tolerationSeconds}s`;
  return s;
}

export function podFacts(pod: KubeObject): PodFacts {
  const spec = dict(pod.spec);
  const status = dict(pod.status);
  const selector: Record<string, string> = {};
  for (const [k, v] of Object.entries(dict(spec.nodeSelector))) if (typeof v === 'string') selector[k] = v;
  return {
    node: text(spec.nodeName),
    podIP: text(status.podIP),
    hostIP: text(status.hostIP),
    qosClass: text(status.qosClass),
    phase: text(status.phase),
    startTime: text(status.startTime),
    serviceAccount: text(spec.serviceAccountName),
    nodeSelector: selector,
    tolerations: list(spec.tolerations).map(tolerationText),
  };
}
