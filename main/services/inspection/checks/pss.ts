/**
 * Pod Security Standards (baseline and restricted) as Kubernetes defines them, version-aware: each control
 * applies from the version it appeared in, and allowed values follow that version (sysctls, SELinux types …).
 * This file holds the baseline controls; pss-restricted.ts the restricted profile's own.
 */
import { asArray, asObject, str, type J } from '../pod-spec';
import type { Check, Violation } from '../types';
import { control, csc, cname, hostUsersOff, psc } from './pss-common';
export { pssRestrictedChecks } from './pss-restricted';

export const baselineCapabilities = [
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
];

export function allowedSysctls(minor: number): string[] {
  const s = [
    'kernel.shm_rmid_forced',
    'net.ipv4.ip_local_port_range',
    'net.ipv4.tcp_syncookies',
    'net.ipv4.ping_group_range',
    'net.ipv4.ip_unprivileged_port_start',
  ];
  if (minor >= 27) s.push('net.ipv4.ip_local_reserved_ports');
  if (minor >= 29)
    s.push(
      'net.ipv4.tcp_keepalive_time',
      'net.ipv4.tcp_fin_timeout',
      'net.ipv4.tcp_keepalive_intvl',
      'net.ipv4.tcp_keepalive_probes',
    );
  if (minor >= 32) s.push('net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem');
  if (minor >= 37) s.push('net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat');
  return s;
}

function seLinuxViolations(opts: J, path: string, who: string, minor: number): Violation[] {
  const o = asObject(opts);
  if (!o) return [];
  const out: Violation[] = [];
  const types = ['', 'container_t', 'container_init_t', ...(minor >= 31 ? ['container_kvm_t'] : [])];
  if (o.type !== undefined && !types.includes(str(o.type)))
    out.push({ path: `${path}.type`, message: `${who} sets SELinux type ${str(o.type)}` });
  if (o.user !== undefined && o.user !== '')
    out.push({ path: `${path}.user`, message: `${who} sets SELinux user ${str(o.user)}` });
  if (o.role !== undefined && o.role !== '')
    out.push({ path: `${path}.role`, message: `${who} sets SELinux role ${str(o.role)}` });
  return out;
}

const handlerFields = [
  'livenessProbe',
  'readinessProbe',
  'startupProbe',
  'lifecycle.postStart',
  'lifecycle.preStop',
];

const B = 'pss-baseline' as const;

export const pssBaselineChecks: Check[] = [
  control(
    'hostNamespaces',
    B,
    0,
    'Host namespaces must not be shared',
    'Remove hostNetwork, hostPID and hostIPC.',
    (pod) =>
      (['hostNetwork', 'hostPID', 'hostIPC'] as const).flatMap((f) =>
        pod.spec[f] === true ? [{ path: `${pod.path}.${f}`, message: `${f} is true` }] : [],
      ),
  ),
  control(
    'privileged',
    B,
    0,
    'Privileged containers are disallowed',
    'Remove securityContext.privileged: true.',
    (_p, _m, cs) =>
      cs.flatMap((cv) =>
        csc(cv).privileged === true
          ? [{ path: `${cv.path}.securityContext.privileged`, message: `${cname(cv)} is privileged` }]
          : [],
      ),
  ),
  control(
    'capabilities_baseline',
    B,
    0,
    'Only default capabilities may be added',
    `Add only capabilities from: ${baselineCapabilities.join(', ')}.`,
    (_p, _m, cs) =>
      cs.flatMap((cv) => {
        const bad = asArray(csc(cv).capabilities?.add)
          .map(str)
          .filter((c) => !baselineCapabilities.includes(c));
        return bad.length
          ? [
              {
                path: `${cv.path}.securityContext.capabilities.add`,
                message: `${cname(cv)} adds ${bad.join(', ')}`,
              },
            ]
          : [];
      }),
  ),
  control(
    'hostPathVolumes',
    B,
    0,
    'HostPath volumes are forbidden',
    'Use another volume type than hostPath.',
    (pod) =>
      asArray(pod.spec.volumes).flatMap((v: J, i: number) =>
        v && v.hostPath !== undefined && v.hostPath !== null
          ? [{ path: `${pod.path}.volumes[${i}].hostPath`, message: `volume "${str(v.name)}" is a hostPath` }]
          : [],
      ),
  ),
  control(
    'hostPorts',
    B,
    0,
    'Host ports are disallowed',
    'Remove hostPort from container ports.',
    (_p, _m, cs) =>
      cs.flatMap((cv) =>
        asArray(cv.c.ports).flatMap((p: J, i: number) =>
          p && p.hostPort !== undefined && p.hostPort !== 0
            ? [
                {
                  path: `${cv.path}.ports[${i}].hostPort`,
                  message: `${cname(cv)} uses host port ${String(p.hostPort)}`,
                },
              ]
            : [],
        ),
      ),
  ),
  control(
    'appArmorProfile',
    B,
    0,
    'AppArmor must not be disabled or overridden',
    'Use the runtime/default or a localhost AppArmor profile.',
    (pod, _m, cs) => {
      const out: Violation[] = [];
      for (const [k, v] of Object.entries(pod.metadata.annotations)) {
        if (!k.startsWith('container.apparmor.security.beta.kubernetes.io/')) continue;
        const val = str(v);
        if (val !== '' && val !== 'runtime/default' && !val.startsWith('localhost/'))
          out.push({
            path: `${pod.metadataPath}.annotations.${k}`,
            message: `AppArmor annotation ${k} is ${val}`,
          });
      }
      const typeOk = (t: unknown) => t === undefined || t === 'RuntimeDefault' || t === 'Localhost';
      const pt = asObject(psc(pod).appArmorProfile)?.type;
      if (!typeOk(pt))
        out.push({
          path: `${pod.path}.securityContext.appArmorProfile.type`,
          message: `pod AppArmor profile is ${str(pt)}`,
        });
      for (const cv of cs) {
        const t = asObject(csc(cv).appArmorProfile)?.type;
        if (!typeOk(t))
          out.push({
            path: `${cv.path}.securityContext.appArmorProfile.type`,
            message: `${cname(cv)} AppArmor profile is ${str(t)}`,
          });
      }
      return out;
    },
  ),
  control(
    'seLinuxOptions',
    B,
    0,
    'SELinux custom options are restricted',
    'Remove seLinuxOptions.user/role and use an allowed type.',
    (pod, minor, cs) => [
      ...seLinuxViolations(
        psc(pod).seLinuxOptions,
        `${pod.path}.securityContext.seLinuxOptions`,
        'pod',
        minor,
      ),
      ...cs.flatMap((cv) =>
        seLinuxViolations(
          csc(cv).seLinuxOptions,
          `${cv.path}.securityContext.seLinuxOptions`,
          cname(cv),
          minor,
        ),
      ),
    ],
  ),
  control(
    'procMount',
    B,
    0,
    '/proc must be mounted with the default mask',
    'Remove securityContext.procMount.',
    (pod, minor, cs) =>
      hostUsersOff(pod, minor)
        ? []
        : cs.flatMap((cv) => {
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
  control(
    'seccompProfile_baseline',
    B,
    0,
    'Seccomp must not be Unconfined',
    'Use RuntimeDefault or Localhost seccomp profiles.',
    (pod, minor, cs) => {
      const out: Violation[] = [];
      if (minor < 19) {
        for (const [k, v] of Object.entries(pod.metadata.annotations)) {
          if (
            (k === 'seccomp.security.alpha.kubernetes.io/pod' ||
              k.startsWith('container.seccomp.security.alpha.kubernetes.io/')) &&
            v === 'unconfined'
          ) {
            out.push({ path: `${pod.metadataPath}.annotations.${k}`, message: `${k} is unconfined` });
          }
        }
        return out;
      }
      if (asObject(psc(pod).seccompProfile)?.type === 'Unconfined')
        out.push({
          path: `${pod.path}.securityContext.seccompProfile.type`,
          message: 'pod seccomp profile is Unconfined',
        });
      for (const cv of cs) {
        if (asObject(csc(cv).seccompProfile)?.type === 'Unconfined')
          out.push({
            path: `${cv.path}.securityContext.seccompProfile.type`,
            message: `${cname(cv)} seccomp profile is Unconfined`,
          });
      }
      return out;
    },
  ),
  control(
    'sysctls',
    B,
    0,
    'Only safe sysctls are allowed',
    'Remove unsafe sysctls from the pod securityContext.',
    (pod, minor) => {
      const ok = allowedSysctls(minor);
      return asArray(psc(pod).sysctls).flatMap((s: J, i: number) =>
        ok.includes(str(s?.name))
          ? []
          : [
              {
                path: `${pod.path}.securityContext.sysctls[${i}].name`,
                message: `sysctl ${str(s?.name)} is not allowed`,
              },
            ],
      );
    },
  ),
  control(
    'windowsHostProcess',
    B,
    0,
    'Windows HostProcess containers are disallowed',
    'Remove windowsOptions.hostProcess: true.',
    (pod, _m, cs) => {
      const out: Violation[] = [];
      if (asObject(psc(pod).windowsOptions)?.hostProcess === true)
        out.push({
          path: `${pod.path}.securityContext.windowsOptions.hostProcess`,
          message: 'pod is a Windows HostProcess pod',
        });
      for (const cv of cs)
        if (asObject(csc(cv).windowsOptions)?.hostProcess === true)
          out.push({
            path: `${cv.path}.securityContext.windowsOptions.hostProcess`,
            message: `${cname(cv)} is a Windows HostProcess container`,
          });
      return out;
    },
  ),
  control(
    'hostProbesAndHostLifecycle',
    B,
    34,
    'Probes and lifecycle hooks must not target other hosts',
    'Remove the host field from probes and lifecycle handlers.',
    (_p, _m, cs) =>
      cs.flatMap((cv) => {
        const out: Violation[] = [];
        for (const name of handlerFields) {
          const h: J = name.startsWith('lifecycle.') ? cv.c.lifecycle?.[name.slice(10)] : cv.c[name];
          if (!h || typeof h !== 'object') continue;
          for (const t of ['httpGet', 'tcpSocket']) {
            const host = h[t]?.host;
            if (host !== undefined && host !== '')
              out.push({
                path: `${cv.path}.${name}.${t}.host`,
                message: `${cname(cv)} ${name} targets host ${str(host)}`,
              });
          }
        }
        return out;
      }),
  ),
];
