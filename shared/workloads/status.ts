import type { KubeObject } from '../objects/types';

/**
 * What the Workloads tables and the pod page show about a workload: kubectl's STATUS wording for
 * pods (CrashLoopBackOff, Init:0/1, Completed, Terminating …), ready/desired, restarts, images, age.
 * Pure functions over the Kubernetes JSON, so every rule is a row in a table-driven test.
 */

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);
const dict = (v: unknown): Dict => (isDict(v) ? v : {});
const list = (v: unknown): Dict[] => (Array.isArray(v) ? v.filter(isDict) : []);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export type Tone = 'ok' | 'warn' | 'error' | 'idle';

export interface WorkloadState {
  /** The status word: Running, CrashLoopBackOff, Ready, Progressing, Complete, Suspended … */
  status: string;
  ready: number;
  /** Containers (pods), replicas (controllers) or completions (jobs); undefined for cron jobs. */
  desired?: number;
  restarts: number;
  tone: Tone;
}

/** kubectl's pod STATUS column, init containers included. */
export function podStatus(pod: KubeObject): string {
  const meta = dict(pod.metadata);
  const status = dict(pod.status);
  const spec = dict(pod.spec);
  let reason = text(status.reason) ?? text(status.phase) ?? 'Unknown';

  const inits = list(status.initContainerStatuses);
  const initCount = list(spec.initContainers).length || inits.length;
  let initializing = false;
  for (const [i, c] of inits.entries()) {
    const state = dict(c.state);
    const terminated = dict(state.terminated);
    const waiting = dict(state.waiting);
    if (isDict(state.terminated) && num(terminated.exitCode) === 0) continue;
    initializing = true;
    if (isDict(state.terminated)) {
      reason = text(terminated.reason)
        ? `Init:${String(terminated.reason)}`
        : num(terminated.signal)
          ? `Init:Signal:${String(terminated.signal)}`
          : `Init:ExitCode:${String(num(terminated.exitCode) ?? 0)}`;
    } else if (text(waiting.reason) && waiting.reason !== 'PodInitializing') {
      reason = `Init:${String(waiting.reason)}`;
    } else {
      reason = `Init:${i}/${initCount}`;
    }
    break;
  }

  if (!initializing) {
    let running = false;
    const containers = list(status.containerStatuses);
    for (let i = containers.length - 1; i >= 0; i--) {
      const c = containers[i] as Dict;
      const state = dict(c.state);
      const waiting = dict(state.waiting);
      const terminated = dict(state.terminated);
      if (text(waiting.reason)) reason = String(waiting.reason);
      else if (isDict(state.terminated)) {
        reason = text(terminated.reason)
          ? String(terminated.reason)
          : num(terminated.signal)
            ? `Signal:${String(terminated.signal)}`
            : `ExitCode:${String(num(terminated.exitCode) ?? 0)}`;
      } else if (c.ready === true && isDict(state.running)) running = true;
    }
    // a pod with a running container that is past its waiting reasons is Running (kubectl: NotReady if not ready)
    if (reason === 'Completed' && running) {
      const ready = list(status.conditions).some((x) => x.type === 'Ready' && x.status === 'True');
      reason = ready ? 'Running' : 'NotReady';
    }
  }

  if (meta.deletionTimestamp) reason = status.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  return reason;
}

export function podReady(pod: KubeObject): { ready: number; total: number } {
  const cs = list(dict(pod.status).containerStatuses);
  const total = list(dict(pod.spec).containers).length || cs.length;
  return { ready: cs.filter((c) => c.ready === true).length, total };
}

export function podRestarts(pod: KubeObject): number {
  const status = dict(pod.status);
  return [...list(status.containerStatuses), ...list(status.initContainerStatuses)].reduce(
    (sum, c) => sum + (num(c.restartCount) ?? 0),
    0,
  );
}

const GOOD = new Set(['Running', 'Ready', 'Complete', 'Completed', 'Succeeded', 'Active']);
const IDLE = new Set(['Suspended', 'Pending', 'Terminating', 'ContainerCreating', 'PodInitializing']);
const BAD =
  /BackOff|Err|Error|Failed|OOMKilled|Evicted|Unknown|Unavailable|NotReady|Invalid|DeadlineExceeded|Signal|ExitCode|CreateContainer/;

/** The colour family of a status word. */
export function statusTone(status: string, ready?: number, desired?: number): Tone {
  if (BAD.test(status)) return 'error';
  if (status === 'Running' && desired !== undefined && ready !== undefined && ready < desired) return 'warn';
  if (GOOD.has(status)) return 'ok';
  if (IDLE.has(status) || status.startsWith('Init:')) return 'idle';
  return 'warn';
}

function controllerState(kind: string, object: KubeObject): WorkloadState {
  const spec = dict(object.spec);
  const status = dict(object.status);
  const cond = (type: string) => list(status.conditions).find((c) => c.type === type);
  const state = (s: string, ready: number, desired?: number): WorkloadState => ({
    status: s,
    ready,
    desired,
    restarts: 0,
    tone: statusTone(s, ready, desired),
  });
  switch (kind) {
    case 'Deployment':
    case 'StatefulSet':
    case 'ReplicaSet': {
      const desired = num(spec.replicas) ?? 1;
      const ready = num(status.readyReplicas) ?? 0;
      if (cond('Available')?.status === 'False' && ready < desired)
        return state('Unavailable', ready, desired);
      if (cond('Progressing')?.reason === 'ProgressDeadlineExceeded')
        return state('DeadlineExceeded', ready, desired);
      if (desired === 0) return state('Scaled to 0', ready, desired);
      return state(ready >= desired ? 'Ready' : 'Progressing', ready, desired);
    }
    case 'DaemonSet': {
      const desired = num(status.desiredNumberScheduled) ?? 0;
      const ready = num(status.numberReady) ?? 0;
      return state(ready >= desired ? 'Ready' : 'Progressing', ready, desired);
    }
    case 'Job': {
      const desired = num(spec.completions) ?? 1;
      const ready = num(status.succeeded) ?? 0;
      if (cond('Failed')?.status === 'True') return state('Failed', ready, desired);
      if (cond('Complete')?.status === 'True') return state('Complete', ready, desired);
      if (spec.suspend === true) return state('Suspended', ready, desired);
      return state('Running', ready, desired);
    }
    case 'CronJob': {
      const active = Array.isArray(status.active) ? status.active.length : 0;
      return state(spec.suspend === true ? 'Suspended' : 'Active', active);
    }
    default:
      return state('—', 0);
  }
}

/** Status, ready/desired and restarts of any workload kind. */
export function workloadState(kind: string, object: KubeObject): WorkloadState {
  if (kind !== 'Pod') return controllerState(kind, object);
  const status = podStatus(object);
  const { ready, total } = podReady(object);
  return {
    status,
    ready,
    desired: total,
    restarts: podRestarts(object),
    tone: statusTone(status, ready, total),
  };
}

/** "Running 2/2", "CrashLoopBackOff 0/1", "Ready 3/3", "Active" (no desired count). */
export function stateLine(state: Pick<WorkloadState, 'status' | 'ready' | 'desired'>): string {
  return state.desired === undefined ? state.status : `${state.status} ${state.ready}/${state.desired}`;
}

/** The container images of a pod, or of a controller's pod template (a cron job's job template). */
export function workloadImages(kind: string, object: KubeObject): string[] {
  let spec = dict(object.spec);
  if (kind === 'CronJob') spec = dict(dict(dict(spec.jobTemplate).spec).template);
  else if (kind !== 'Pod') spec = dict(spec.template);
  if (kind !== 'Pod') spec = dict(spec.spec);
  return list(spec.containers)
    .map((c) => text(c.image))
    .filter((x): x is string => x !== undefined);
}

/** kubectl's AGE: 45s, 12m, 5h, 3d, 2y (from the creation time; '' when it is unknown). */
export function age(created: string, now: number): string {
  const t = Date.parse(created);
  if (!created || Number.isNaN(t)) return '';
  const s = Math.max(0, Math.floor((now - t) / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 120) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h`;
  const d = Math.floor(h / 24);
  return d < 730 ? `${d}d` : `${Math.floor(d / 365)}y`;
}
