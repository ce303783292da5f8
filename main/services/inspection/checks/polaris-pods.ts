/** Polaris pod-level checks: host namespaces and paths, priority, spreading, service-account tokens. */
import { asArray, asObject, containersOf, str, workloadKinds, type J } from '../pod-spec';
import type { Check, Violation } from '../types';
import { podCheck } from './define';
import { findNamed } from './lookup';

const S = 'polaris' as const;

function hostFlag(id: string, field: 'hostIPC' | 'hostPID' | 'hostNetwork', title: string): Check {
  return podCheck(
    {
      id,
      set: S,
      title,
      category: 'Security',
      severity: 'danger',
      remediation: `Remove ${field}: true from the pod spec.`,
    },
    (pod) =>
      pod.spec[field] === true ? [{ path: `${pod.path}.${field}`, message: `${field} is true` }] : [],
  );
}

export const polarisPodChecks: Check[] = [
  hostFlag('hostIPCSet', 'hostIPC', 'Host IPC should not be configured'),
  hostFlag('hostPIDSet', 'hostPID', 'Host PID should not be configured'),
  hostFlag('hostNetworkSet', 'hostNetwork', 'Host network should not be configured'),
  podCheck(
    {
      id: 'hostPathSet',
      set: S,
      title: 'HostPath volumes must not be used',
      category: 'Security',
      severity: 'warning',
      remediation: 'Replace hostPath volumes with persistent volumes, configMaps or emptyDir.',
    },
    (pod) =>
      asArray(pod.spec.volumes).flatMap((v: J, i: number) =>
        asObject(v?.hostPath)
          ? [
              {
                path: `${pod.path}.volumes[${i}].hostPath`,
                message: `volume "${str(v.name)}" mounts host path ${str(v.hostPath.path)}`,
              },
            ]
          : [],
      ),
  ),
  podCheck(
    {
      id: 'hostProcess',
      set: S,
      title: 'Privileged access to the host should not be allowed (Windows hostProcess)',
      category: 'Security',
      severity: 'warning',
      remediation: 'Remove windowsOptions.hostProcess: true.',
    },
    (pod) => {
      const out: Violation[] = [];
      if (pod.spec.securityContext?.windowsOptions?.hostProcess === true) {
        out.push({
          path: `${pod.path}.securityContext.windowsOptions.hostProcess`,
          message: 'pod runs as a Windows host process',
        });
      }
      for (const cv of containersOf(pod)) {
        if (cv.c.securityContext?.windowsOptions?.hostProcess === true) {
          out.push({
            path: `${cv.path}.securityContext.windowsOptions.hostProcess`,
            message: `container "${str(cv.c.name)}" runs as a Windows host process`,
          });
        }
      }
      return out;
    },
  ),
  podCheck(
    {
      id: 'priorityClassNotSet',
      set: S,
      title: 'Priority class should be set',
      category: 'Reliability',
      severity: 'warning',
      remediation: 'Set spec.priorityClassName.',
    },
    (pod) =>
      pod.spec.priorityClassName !== undefined && pod.spec.priorityClassName !== null
        ? []
        : [{ path: `${pod.path}.priorityClassName`, message: 'no priorityClassName' }],
  ),
  podCheck(
    {
      id: 'topologySpreadConstraint',
      set: S,
      title: 'Pods should be spread across nodes and zones',
      category: 'Reliability',
      severity: 'warning',
      remediation:
        'Add topologySpreadConstraints keyed by kubernetes.io/hostname or topology.kubernetes.io/zone.',
      targetKinds: workloadKinds.filter((k) => k !== 'Job' && k !== 'CronJob'),
    },
    (pod) => {
      const tsc = asArray(pod.spec.topologySpreadConstraints);
      const path = `${pod.path}.topologySpreadConstraints`;
      if (!tsc.length) return [{ path, message: 'no topologySpreadConstraints' }];
      return tsc.flatMap((t: J, i: number) =>
        ['kubernetes.io/hostname', 'topology.kubernetes.io/zone'].includes(str(t?.topologyKey))
          ? []
          : [
              {
                path: `${path}[${i}].topologyKey`,
                message: `topologyKey "${str(t?.topologyKey)}" is not kubernetes.io/hostname or topology.kubernetes.io/zone`,
              },
            ],
      );
    },
  ),
  podCheck(
    {
      id: 'automountServiceAccountToken',
      set: S,
      title: 'The ServiceAccount token should not be mounted automatically',
      category: 'Security',
      severity: 'warning',
      remediation:
        'Set automountServiceAccountToken: false on the pod or its ServiceAccount unless the pod calls the API.',
    },
    (pod, obj, ctx) => {
      const v = pod.spec.automountServiceAccountToken;
      if (v === false) return [];
      const path = `${pod.path}.automountServiceAccountToken`;
      if (v === true) return [{ path, message: 'the pod mounts its ServiceAccount token' }];
      const saName = str(pod.spec.serviceAccountName) || str(pod.spec.serviceAccount) || 'default';
      const sa = findNamed(ctx, 'ServiceAccount', obj.cluster, obj.namespace, saName);
      if ((sa?.object as J)?.automountServiceAccountToken === false) return [];
      return [{ path, message: `the token of ServiceAccount "${saName}" is mounted by default` }];
    },
  ),
];
