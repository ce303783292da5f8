/** Pure arithmetic of rolling updates, shared by deployments and daemonsets. */

export class IntOrPercentError extends Error {
  readonly code = 422;
}

/** '25%' of total (rounded up or down) or a plain integer. */
export function intOrPercent(value: unknown, total: number, roundUp: boolean, field: string): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number') return Math.max(0, Math.floor(value));
  const m = /^(\d+)%$/.exec(String(value));
  if (m) {
    const x = (Number(m[1]) * total) / 100;
    return roundUp ? Math.ceil(x) : Math.floor(x);
  }
  if (/^\d+$/.test(String(value))) return Number(value);
  throw new IntOrPercentError(`${field}: "${String(value)}" is neither an integer nor a percentage`);
}

export interface Surge {
  maxSurge: number;
  maxUnavailable: number;
}

/** Resolves maxSurge/maxUnavailable the way the deployment controller does (both 0 → unavailable 1). */
export function resolveSurge(
  rolling: { maxSurge?: unknown; maxUnavailable?: unknown } | undefined,
  replicas: number,
): Surge {
  const maxSurge = intOrPercent(
    rolling?.maxSurge ?? '25%',
    replicas,
    true,
    'spec.strategy.rollingUpdate.maxSurge',
  );
  let maxUnavailable = intOrPercent(
    rolling?.maxUnavailable ?? '25%',
    replicas,
    false,
    'spec.strategy.rollingUpdate.maxUnavailable',
  );
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable: Math.min(maxUnavailable, replicas) };
}

export interface RsCounts {
  /** spec.replicas */
  spec: number;
  /** status.availableReplicas */
  available: number;
}

/** How many replicas the new ReplicaSet should have now. */
export function newReplicaSetSize(replicas: number, surge: Surge, newRs: RsCounts, all: RsCounts[]): number {
  if (newRs.spec > replicas) return replicas;
  const current = all.reduce((n, r) => n + r.spec, 0);
  const maxTotal = replicas + surge.maxSurge;
  if (current >= maxTotal) return newRs.spec;
  const up = Math.min(maxTotal - current, replicas - newRs.spec);
  return newRs.spec + Math.max(0, up);
}

/**
 * New spec.replicas for each old ReplicaSet (oldest first in `olds`): first drop unhealthy
 * replicas, then scale down as far as minimum availability allows.
 */
export function scaleDownOld(replicas: number, surge: Surge, newRs: RsCounts, olds: RsCounts[]): number[] {
  const sizes = olds.map((o) => o.spec);
  const oldTotal = sizes.reduce((a, b) => a + b, 0);
  if (oldTotal === 0) return sizes;
  let allPods = oldTotal + newRs.spec;
  const minAvailable = replicas - surge.maxUnavailable;
  const newUnavailable = Math.max(0, newRs.spec - newRs.available);
  const maxScaledDown = allPods - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return sizes;
  let cleaned = 0;
  olds.forEach((o, i) => {
    const unhealthy = Math.max(0, (sizes[i] as number) - o.available);
    const n = Math.min(unhealthy, maxScaledDown - cleaned);
    if (n <= 0) return;
    sizes[i] = (sizes[i] as number) - n;
    cleaned += n;
  });
  allPods -= cleaned;
  const available = olds.reduce((n, o) => n + Math.min(o.available, o.spec), 0) + newRs.available;
  let canDown = available - minAvailable;
  for (let i = 0; i < sizes.length && canDown > 0; i++) {
    const n = Math.min(sizes[i] as number, canDown);
    sizes[i] = (sizes[i] as number) - n;
    canDown -= n;
  }
  return sizes;
}
