/** Polaris container checks: resources, probes, images and container security contexts. */
import { asArray, asObject, str, type J } from '../pod-spec';
import type { Check } from '../types';
import { containerCheck, containerName as cn } from './define';

const S = 'polaris' as const;
const upper = (v: unknown) => str(v).toUpperCase();

function resourceCheck(id: string, title: string, kind: 'requests' | 'limits', res: 'cpu' | 'memory'): Check {
  return containerCheck(
    {
      id,
      set: S,
      title,
      category: 'Efficiency',
      severity: 'warning',
      remediation: `Set resources.${kind}.${res} on every container so the scheduler ${kind === 'requests' ? 'can place pods' : 'can cap usage'}.`,
    },
    (cv) => {
      const v = asObject(asObject(cv.c.resources)?.[kind])?.[res];
      return v !== undefined && v !== null && v !== ''
        ? null
        : {
            path: `${cv.path}.resources.${kind}.${res}`,
            message: `${cn(cv)} has no ${res} ${kind.replace(/s$/, '')}`,
          };
    },
    { types: ['containers'] },
  );
}

function probeCheck(id: string, title: string, field: 'livenessProbe' | 'readinessProbe'): Check {
  return containerCheck(
    {
      id,
      set: S,
      title,
      category: 'Reliability',
      severity: 'warning',
      remediation: `Add a ${field} to every long-running container.`,
    },
    (cv) =>
      asObject(cv.c[field]) ? null : { path: `${cv.path}.${field}`, message: `${cn(cv)} has no ${field}` },
    { types: ['containers'], skipKinds: ['Job', 'CronJob'] },
  );
}

const sc = (c: J): J => asObject(c.securityContext) ?? {};
const psc = (spec: J): J => asObject(spec.securityContext) ?? {};

export const insecureCapabilityList = [
  'CHOWN',
  'DAC_OVERRIDE',
  'FSETID',
  'FOWNER',
  'MKNOD',
  'NET_RAW',
  'SETGID',
  'SETUID',
  'SETFCAP',
  'SETPCAP',
  'NET_BIND_SERVICE',
  'SYS_CHROOT',
  'KILL',
  'AUDIT_WRITE',
];
const dangerousCapabilityList = ['ALL', 'SYS_ADMIN', 'NET_ADMIN'];
const mustDrop = ['NET_ADMIN', ...insecureCapabilityList];

/** Polaris' sensitive variable names (case-insensitive). */
const sensitiveNamePatterns = [
  /^AWS_SECRET_ACCESS_KEY$/i,
  /^GOOGLE_APPLICATION_CREDENTIALS$/i,
  /^AZURE_.+KEY$/i,
  /^OCI_CLI_KEY_CONTENT$/i,
  /password/i,
  /token/i,
  /bearer/i,
  /secret/i,
];
export const isSensitiveName = (name: string): boolean => sensitiveNamePatterns.some((p) => p.test(name));
/** Polaris' private-key value pattern ("-----BEGIN RSA PRIVATE KEY-----" and variations). */
export const isSensitiveValue = (v: string): boolean => /-BEGIN\s+.*PRIVATE KEY-/i.test(v);

export const polarisContainerChecks: Check[] = [
  resourceCheck('cpuRequestsMissing', 'CPU requests should be set', 'requests', 'cpu'),
  resourceCheck('cpuLimitsMissing', 'CPU limits should be set', 'limits', 'cpu'),
  resourceCheck('memoryRequestsMissing', 'Memory requests should be set', 'requests', 'memory'),
  resourceCheck('memoryLimitsMissing', 'Memory limits should be set', 'limits', 'memory'),
  probeCheck('livenessProbeMissing', 'Liveness probe should be configured', 'livenessProbe'),
  probeCheck('readinessProbeMissing', 'Readiness probe should be configured', 'readinessProbe'),
  containerCheck(
    {
      id: 'tagNotSpecified',
      set: S,
      title: 'Image tag should be specified',
      category: 'Reliability',
      severity: 'danger',
      remediation: 'Pin images to a version tag or digest, never latest.',
    },
    (cv) => {
      // Polaris' rule: the image reference must contain a ':' and must not end in ':latest'.
      const image = str(cv.c.image);
      if (!/^.+:.+$/.test(image))
        return { path: `${cv.path}.image`, message: `${cn(cv)} image "${image}" has no tag` };
      if (/^.+:latest$/.test(image)) {
        return { path: `${cv.path}.image`, message: `${cn(cv)} image "${image}" uses the latest tag` };
      }
      return null;
    },
  ),
  containerCheck(
    {
      id: 'pullPolicyNotAlways',
      set: S,
      title: 'Image pull policy should be Always',
      category: 'Reliability',
      severity: 'warning',
      remediation: 'Set imagePullPolicy: Always so the running image matches the tag.',
    },
    (cv) =>
      cv.c.imagePullPolicy === 'Always'
        ? null
        : {
            path: `${cv.path}.imagePullPolicy`,
            message: `${cn(cv)} imagePullPolicy is ${str(cv.c.imagePullPolicy) || 'unset'}`,
          },
  ),
  containerCheck(
    {
      id: 'hostPortSet',
      set: S,
      title: 'Host port should not be configured',
      category: 'Security',
      severity: 'warning',
      remediation: 'Remove hostPort; expose the pod through a Service.',
    },
    (cv) =>
      asArray(cv.c.ports).flatMap((p: J, i: number) =>
        p?.hostPort
          ? [
              {
                path: `${cv.path}.ports[${i}].hostPort`,
                message: `${cn(cv)} binds host port ${String(p.hostPort)}`,
              },
            ]
          : [],
      ),
  ),
  containerCheck(
    {
      id: 'runAsPrivileged',
      set: S,
      title: 'Should not be running as privileged',
      category: 'Security',
      severity: 'danger',
      remediation: 'Remove securityContext.privileged: true.',
    },
    (cv) =>
      sc(cv.c).privileged === true
        ? { path: `${cv.path}.securityContext.privileged`, message: `${cn(cv)} runs privileged` }
        : null,
  ),
  containerCheck(
    {
      id: 'privilegeEscalationAllowed',
      set: S,
      title: 'Privilege escalation should not be allowed',
      category: 'Security',
      severity: 'danger',
      remediation: 'Set securityContext.allowPrivilegeEscalation: false.',
    },
    (cv) =>
      sc(cv.c).allowPrivilegeEscalation === false
        ? null
        : {
            path: `${cv.path}.securityContext.allowPrivilegeEscalation`,
            message: `${cn(cv)} allows privilege escalation`,
          },
  ),
  containerCheck(
    {
      id: 'notReadOnlyRootFilesystem',
      set: S,
      title: 'Filesystem should be read only',
      category: 'Security',
      severity: 'warning',
      remediation:
        'Set securityContext.readOnlyRootFilesystem: true and mount writable volumes where needed.',
    },
    (cv) =>
      sc(cv.c).readOnlyRootFilesystem === true
        ? null
        : {
            path: `${cv.path}.securityContext.readOnlyRootFilesystem`,
            message: `${cn(cv)} has a writable root filesystem`,
          },
  ),
  containerCheck(
    {
      id: 'runAsRootAllowed',
      set: S,
      title: 'Should not be allowed to run as root',
      category: 'Security',
      severity: 'danger',
      remediation: 'Set runAsNonRoot: true (or a non-zero runAsUser) on the pod or container.',
    },
    (cv, pod) => {
      // Polaris: non-root at pod level and not undone by the container, or non-root at container level.
      const good = (x: J) => (typeof x.runAsUser === 'number' && x.runAsUser >= 1) || x.runAsNonRoot === true;
      const notBad = (x: J) =>
        (x.runAsUser === undefined || (typeof x.runAsUser === 'number' && x.runAsUser >= 1)) &&
        (x.runAsNonRoot === undefined || x.runAsNonRoot === true);
      const c = sc(cv.c);
      const p = psc(pod.spec);
      return good(c) || (good(p) && notBad(c))
        ? null
        : { path: `${cv.path}.securityContext.runAsNonRoot`, message: `${cn(cv)} may run as root` };
    },
  ),
  containerCheck(
    {
      id: 'dangerousCapabilities',
      set: S,
      title: 'Container should not have dangerous capabilities',
      category: 'Security',
      severity: 'danger',
      remediation: 'Remove ALL, SYS_ADMIN and NET_ADMIN from capabilities.add.',
    },
    (cv) => {
      const add = asArray(sc(cv.c).capabilities?.add).map(upper);
      const bad = add.filter((a) => dangerousCapabilityList.includes(a));
      return bad.length
        ? { path: `${cv.path}.securityContext.capabilities.add`, message: `${cn(cv)} adds ${bad.join(', ')}` }
        : null;
    },
  ),
  containerCheck(
    {
      id: 'insecureCapabilities',
      set: S,
      title: 'Container should not have insecure capabilities',
      category: 'Security',
      severity: 'warning',
      remediation: 'Drop ALL capabilities and add back only what is needed.',
    },
    (cv) => {
      // As Polaris: only what is dropped counts — ALL, or every insecure capability (NET_ADMIN included).
      const drop = asArray(sc(cv.c).capabilities?.drop).map(upper);
      if (drop.includes('ALL') || mustDrop.every((x) => drop.includes(x))) return null;
      return {
        path: `${cv.path}.securityContext.capabilities.drop`,
        message: `${cn(cv)} does not drop ALL (or every insecure) capabilities`,
      };
    },
  ),
  containerCheck(
    {
      id: 'linuxHardening',
      set: S,
      title: 'Use one of AppArmor, Seccomp, SELinux, or dropping Linux capabilities',
      category: 'Security',
      severity: 'warning',
      remediation:
        'Set a RuntimeDefault seccomp profile, an AppArmor profile, SELinux options, or drop ALL capabilities.',
    },
    (cv, pod) => {
      const c = sc(cv.c);
      const p = psc(pod.spec);
      const seccomp = asObject(c.seccompProfile) ?? asObject(p.seccompProfile);
      if (['RuntimeDefault', 'Localhost'].includes(str(seccomp?.type))) return null;
      const se = (o: J) => {
        const x = asObject(o);
        return !!x && Object.keys(x).length > 0;
      };
      if (se(c.seLinuxOptions) || se(p.seLinuxOptions)) return null;
      const aa = pod.metadata.annotations[`container.apparmor.security.beta.kubernetes.io/${str(cv.c.name)}`];
      if (aa && aa !== 'unconfined') return null;
      const appArmor = asObject(c.appArmorProfile) ?? asObject(p.appArmorProfile);
      if (['RuntimeDefault', 'Localhost'].includes(str(appArmor?.type))) return null;
      const caps = c.capabilities ?? {};
      if (asArray(caps.drop).map(upper).includes('ALL') && !asArray(caps.add).map(upper).includes('ALL'))
        return null;
      return {
        path: `${cv.path}.securityContext`,
        message: `${cn(cv)} has no seccomp, AppArmor or SELinux profile and does not drop ALL capabilities`,
      };
    },
  ),
  containerCheck(
    {
      id: 'sensitiveContainerEnvVar',
      set: S,
      title: 'Container should not have sensitive values in environment variables',
      category: 'Security',
      severity: 'danger',
      remediation: 'Read secrets from a Secret with valueFrom.secretKeyRef instead of a literal value.',
    },
    (cv) =>
      asArray(cv.c.env).flatMap((e: J, i: number) => {
        if (typeof e?.value !== 'string' || e.valueFrom) return [];
        if (!isSensitiveName(str(e.name)) && !isSensitiveValue(e.value)) return [];
        return [
          {
            path: `${cv.path}.env[${i}].value`,
            message: `${cn(cv)} has a literal value for sensitive variable ${str(e.name)}`,
          },
        ];
      }),
  ),
  containerCheck(
    {
      id: 'procMount',
      set: S,
      title: 'procMount should remain the default',
      category: 'Security',
      severity: 'warning',
      remediation: 'Remove securityContext.procMount (or set Default).',
    },
    (cv) => {
      const pm = sc(cv.c).procMount;
      return pm === undefined || pm === 'Default'
        ? null
        : { path: `${cv.path}.securityContext.procMount`, message: `${cn(cv)} sets procMount ${str(pm)}` };
    },
  ),
];
