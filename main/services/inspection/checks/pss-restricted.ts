/** Pod Security Standards — the restricted profile's own controls (restricted = baseline + these). */
import { asArray, asObject, str, type J } from '../pod-spec';
import type { Check, Violation } from '../types';
import { control, csc, cname, hostUsersOff, isWindows, psc } from './pss-common';

const restrictedVolumeTypes = [
  'configMap',
  'downwardAPI',
  'emptyDir',
  'projected',
  'secret',
  'csi',
  'persistentVolumeClaim',
  'ephemeral',
  'image',
];

const R = 'pss-restricted' as const;

export const pssRestrictedChecks: Check[] = [
  control(
    'restrictedVolumes',
    R,
    0,
    'Only restricted volume types are allowed',
    `Use only: ${restrictedVolumeTypes.join(', ')}.`,
    (pod) =>
      asArray(pod.spec.volumes).flatMap((v: J, i: number) => {
        const types = Object.keys(asObject(v) ?? {}).filter((k) => k !== 'name');
        const bad = types.filter((t) => !restrictedVolumeTypes.includes(t));
        return bad.length
          ? [
              {
                path: `${pod.path}.volumes[${i}].${bad[0]}`,
                message: `volume "${str(v?.name)}" is of type ${bad.join(', ')}`,
              },
            ]
          : [];
      }),
  ),
  control(
    'allowPrivilegeEscalation',
    R,
    8,
    'Privilege escalation must be disallowed',
    'Set securityContext.allowPrivilegeEscalation: false on every container.',
    (pod, minor, cs) =>
      isWindows(pod, minor)
        ? []
        : cs.flatMap((cv) =>
            csc(cv).allowPrivilegeEscalation === false
              ? []
              : [
                  {
                    path: `${cv.path}.securityContext.allowPrivilegeEscalation`,
                    message: `${cname(cv)} does not set allowPrivilegeEscalation: false`,
                  },
                ],
          ),
  ),
  control(
    'runAsNonRoot',
    R,
    0,
    'Containers must run as non-root',
    'Set runAsNonRoot: true on the pod (or every container).',
    (pod, minor, cs) => {
      if (hostUsersOff(pod, minor)) return [];
      const podNonRoot = psc(pod).runAsNonRoot;
      const out: Violation[] = [];
      if (podNonRoot === false)
        out.push({
          path: `${pod.path}.securityContext.runAsNonRoot`,
          message: 'pod sets runAsNonRoot: false',
        });
      for (const cv of cs) {
        const c = csc(cv).runAsNonRoot;
        if (c === false)
          out.push({
            path: `${cv.path}.securityContext.runAsNonRoot`,
            message: `${cname(cv)} sets runAsNonRoot: false`,
          });
        else if (c !== true && podNonRoot !== true)
          out.push({
            path: `${cv.path}.securityContext.runAsNonRoot`,
            message: `${cname(cv)} may run as root (runAsNonRoot not set)`,
          });
      }
      return out;
    },
  ),
  control('runAsUser', R, 23, 'Containers must not run as UID 0', 'Remove runAsUser: 0.', (pod, _m, cs) => {
    const out: Violation[] = [];
    if (psc(pod).runAsUser === 0)
      out.push({ path: `${pod.path}.securityContext.runAsUser`, message: 'pod runs as UID 0' });
    for (const cv of cs)
      if (csc(cv).runAsUser === 0)
        out.push({ path: `${cv.path}.securityContext.runAsUser`, message: `${cname(cv)} runs as UID 0` });
    return out;
  }),
  control(
    'seccompProfile_restricted',
    R,
    19,
    'Seccomp profile must be RuntimeDefault or Localhost',
    'Set securityContext.seccompProfile.type: RuntimeDefault on the pod.',
    (pod, minor, cs) => {
      if (isWindows(pod, minor)) return [];
      const ok = (t: unknown) => t === 'RuntimeDefault' || t === 'Localhost';
      const podType = asObject(psc(pod).seccompProfile)?.type;
      const out: Violation[] = [];
      if (podType !== undefined && !ok(podType))
        out.push({
          path: `${pod.path}.securityContext.seccompProfile.type`,
          message: `pod seccomp profile is ${str(podType)}`,
        });
      for (const cv of cs) {
        const t = asObject(csc(cv).seccompProfile)?.type;
        if (t !== undefined ? !ok(t) : !ok(podType))
          out.push({
            path: `${cv.path}.securityContext.seccompProfile.type`,
            message: `${cname(cv)} has ${t === undefined ? 'no' : str(t)} seccomp profile`,
          });
      }
      return out;
    },
  ),
  control(
    'capabilities_restricted',
    R,
    22,
    'Containers must drop ALL capabilities and add only NET_BIND_SERVICE',
    'Set capabilities.drop: [ALL]; add at most NET_BIND_SERVICE.',
    (pod, minor, cs) =>
      isWindows(pod, minor)
        ? []
        : cs.flatMap((cv) => {
            const caps = asObject(csc(cv).capabilities) ?? {};
            const out: Violation[] = [];
            if (!asArray(caps.drop).map(str).includes('ALL'))
              out.push({
                path: `${cv.path}.securityContext.capabilities.drop`,
                message: `${cname(cv)} does not drop ALL capabilities`,
              });
            const bad = asArray(caps.add)
              .map(str)
              .filter((c) => c !== 'NET_BIND_SERVICE');
            if (bad.length)
              out.push({
                path: `${cv.path}.securityContext.capabilities.add`,
                message: `${cname(cv)} adds ${bad.join(', ')}`,
              });
            return out;
          }),
  ),
  control(
    'procMount_restricted',
    R,
    35,
    '/proc must be mounted with the default mask (restricted)',
    'Remove securityContext.procMount.',
    (_p, _m, cs) =>
      cs.flatMap((cv) => {
        const pm = csc(cv).procMount;
        return pm === undefined || pm === 'Default'
          ? []
          : [
              {
                path: `${cv.path}.securityContext.procMount`,
                message: `${cname(cv)} procMount is ${str(pm)}`,
              },
            ];
      }),
  ),
];
