/** Shared pieces of the Pod Security Standards controls: the control builder and pod/container accessors. */
import type { StoredObject } from '../../../../shared/objects/types';
import { asObject, containersOf, str, type ContainerView, type J, type PodView } from '../pod-spec';
import type { Check, CheckContext, CheckSetId, Violation } from '../types';
import { podCheck } from './define';
import { minorOf } from './pss-version';

export type Ctl = (pod: PodView, minor: number, cs: ContainerView[]) => Violation[];

export const cname = (cv: ContainerView) => `${cv.type.replace(/s$/, '')} "${str(cv.c.name)}"`;
export const csc = (cv: ContainerView): J => asObject(cv.c.securityContext) ?? {};
export const psc = (pod: PodView): J => asObject(pod.spec.securityContext) ?? {};
export const isWindows = (pod: PodView, minor: number) => minor >= 25 && str(pod.spec.os?.name) === 'windows';
export const hostUsersOff = (pod: PodView, minor: number) => minor >= 35 && pod.spec.hostUsers === false;

export function control(
  id: string,
  set: CheckSetId,
  minMinor: number,
  title: string,
  remediation: string,
  fn: Ctl,
): Check {
  return podCheck(
    {
      id: `pss.${id}`,
      set,
      title,
      category: 'Security',
      severity: set === 'pss-baseline' ? 'danger' : 'warning',
      remediation,
    },
    (pod: PodView, obj: StoredObject, ctx: CheckContext) => {
      const minor = minorOf(ctx.kubernetesVersion(obj.cluster));
      if (minor < minMinor) return null;
      return fn(pod, minor, containersOf(pod));
    },
  );
}
