/** Small helpers to declare checks over pods, containers and plain objects. */
import type { StoredObject } from '../../../../shared/objects/types';
import { containersOf, podOf, workloadKinds, type ContainerView, type PodView } from '../pod-spec';
import type { Check, CheckContext, Violation } from '../types';
import { ownedByControllerInScope } from './lookup';

/** Shared empty result (never mutated by the engine). */
export const noViolations: Violation[] = Object.freeze([]) as unknown as Violation[];

export type CheckMeta = Omit<Check, 'evaluate' | 'targetKinds'> & { targetKinds?: string[] };

export function objectCheck(
  meta: CheckMeta & { targetKinds: string[] },
  fn: (obj: StoredObject, ctx: CheckContext) => Violation[] | null,
): Check {
  return { ...meta, evaluate: fn };
}

export function podCheck(
  meta: CheckMeta,
  fn: (pod: PodView, obj: StoredObject, ctx: CheckContext) => Violation[] | null,
): Check {
  return {
    ...meta,
    targetKinds: meta.targetKinds ?? workloadKinds,
    evaluate(obj, ctx) {
      const pod = podOf(obj.object);
      if (!pod || ownedByControllerInScope(obj, ctx)) return null;
      return fn(pod, obj, ctx);
    },
  };
}

export interface ContainerCheckOptions {
  /** Container lists to look at (Polaris: containers and initContainers). */
  types?: string[];
  /** Workload kinds where the check does not apply (e.g. probes on Jobs). */
  skipKinds?: string[];
}

const polarisContainerTypes = ['initContainers', 'containers'];

export function containerCheck(
  meta: CheckMeta,
  fn: (c: ContainerView, pod: PodView, obj: StoredObject) => Violation | Violation[] | null,
  opts: ContainerCheckOptions = {},
): Check {
  const types = opts.types ?? polarisContainerTypes;
  const check = podCheck(
    { ...meta, targetKinds: (meta.targetKinds ?? workloadKinds).filter((k) => !opts.skipKinds?.includes(k)) },
    (pod, obj) => {
      let out: Violation[] | undefined;
      for (const cv of containersOf(pod, types)) {
        const v = fn(cv, pod, obj);
        if (!v || (Array.isArray(v) && !v.length)) continue;
        out ??= [];
        for (const x of Array.isArray(v) ? v : [v]) out.push({ ...x, unit: cv.path });
      }
      return out ?? noViolations;
    },
  );
  // Polaris scores container checks once per container.
  check.units = (obj) => {
    const pod = podOf(obj.object);
    return pod ? containersOf(pod, types).length : 1;
  };
  return check;
}

export const containerName = (cv: ContainerView): string =>
  `${cv.type === 'containers' ? 'container' : cv.type.replace(/s$/, '')} "${String(cv.c.name ?? cv.index)}"`;
