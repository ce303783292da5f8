import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../shared/objects/types';
import { pssChecks } from '../catalog';
import { allowedSysctls } from './pss';
import { minorOf } from './pss-version';
import { deployment, findingsOf, obj, pod, withContainer, withSecurity } from './test-helpers';

type Case = [checkId: string, what: string, object: KubeObject, version: string, findings: number];

const C0 = { securityContext: {} };
const cronJob = (podSpec: Record<string, unknown>) =>
  obj('batch/v1', 'CronJob', 'cj', {
    spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: podSpec } } } },
  });
const bare = (c: Record<string, unknown> = {}, spec: Record<string, unknown> = {}) =>
  pod({ containers: [{ name: 'c', image: 'x:1', ...c }], ...spec });

const cases: Case[] = [
  ['pss.hostNamespaces', 'hostPID', pod({ hostPID: true }), 'latest', 1],
  [
    'pss.hostNamespaces',
    'in a CronJob',
    cronJob({ hostNetwork: true, containers: [{ name: 'c', image: 'x:1' }] }),
    'latest',
    1,
  ],
  ['pss.hostNamespaces', 'none', pod(), 'latest', 0],
  ['pss.privileged', 'privileged', withSecurity({ privileged: true }), 'latest', 1],
  ['pss.privileged', 'not', pod(), 'latest', 0],
  [
    'pss.capabilities_baseline',
    'NET_RAW is not in the baseline list',
    withSecurity({ capabilities: { add: ['NET_RAW'] } }),
    'latest',
    1,
  ],
  ['pss.capabilities_baseline', 'CHOWN is', withSecurity({ capabilities: { add: ['CHOWN'] } }), 'latest', 0],
  [
    'pss.hostPathVolumes',
    'hostPath',
    pod({ volumes: [{ name: 'h', hostPath: { path: '/' } }] }),
    'latest',
    1,
  ],
  ['pss.hostPathVolumes', 'emptyDir', pod({ volumes: [{ name: 'e', emptyDir: {} }] }), 'latest', 0],
  [
    'pss.hostPorts',
    'hostPort',
    withContainer({ ports: [{ containerPort: 1, hostPort: 8080 }] }),
    'latest',
    1,
  ],
  ['pss.hostPorts', 'hostPort 0', withContainer({ ports: [{ containerPort: 1, hostPort: 0 }] }), 'latest', 0],
  [
    'pss.appArmorProfile',
    'unconfined annotation',
    pod({}, { annotations: { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' } }),
    'latest',
    1,
  ],
  [
    'pss.appArmorProfile',
    'Unconfined field',
    withSecurity({ appArmorProfile: { type: 'Unconfined' } }),
    'latest',
    1,
  ],
  [
    'pss.appArmorProfile',
    'localhost profile',
    pod({}, { annotations: { 'container.apparmor.security.beta.kubernetes.io/app': 'localhost/p' } }),
    'latest',
    0,
  ],
  ['pss.seLinuxOptions', 'custom user', withSecurity({ seLinuxOptions: { user: 'root' } }), 'latest', 1],
  [
    'pss.seLinuxOptions',
    'container_kvm_t before 1.31',
    withSecurity({ seLinuxOptions: { type: 'container_kvm_t' } }),
    '1.30',
    1,
  ],
  [
    'pss.seLinuxOptions',
    'container_kvm_t from 1.31',
    withSecurity({ seLinuxOptions: { type: 'container_kvm_t' } }),
    '1.31',
    0,
  ],
  ['pss.procMount', 'Unmasked', withSecurity({ procMount: 'Unmasked' }), '1.34', 1],
  [
    'pss.procMount',
    'Unmasked with hostUsers false (1.35+)',
    withSecurity({ procMount: 'Unmasked' }, { hostUsers: false }),
    '1.35',
    0,
  ],
  [
    'pss.seccompProfile_baseline',
    'Unconfined',
    withSecurity({ seccompProfile: { type: 'Unconfined' } }),
    'latest',
    1,
  ],
  [
    'pss.seccompProfile_baseline',
    'unconfined annotation before 1.19',
    pod({}, { annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' } }),
    '1.18',
    1,
  ],
  ['pss.seccompProfile_baseline', 'unset', bare(), 'latest', 0],
  [
    'pss.sysctls',
    'unsafe sysctl',
    pod({ securityContext: { sysctls: [{ name: 'kernel.msgmax', value: '1' }] } }),
    'latest',
    1,
  ],
  [
    'pss.sysctls',
    'tcp_keepalive_time before 1.29',
    pod({ securityContext: { sysctls: [{ name: 'net.ipv4.tcp_keepalive_time', value: '1' }] } }),
    '1.28',
    1,
  ],
  [
    'pss.sysctls',
    'tcp_keepalive_time from 1.29',
    pod({ securityContext: { sysctls: [{ name: 'net.ipv4.tcp_keepalive_time', value: '1' }] } }),
    '1.29',
    0,
  ],
  [
    'pss.windowsHostProcess',
    'pod hostProcess',
    pod({ securityContext: { windowsOptions: { hostProcess: true } } }),
    'latest',
    1,
  ],
  ['pss.windowsHostProcess', 'none', pod(), 'latest', 0],
  [
    'pss.hostProbesAndHostLifecycle',
    'probe host from 1.34',
    withContainer({ livenessProbe: { httpGet: { host: '10.0.0.1', port: 80 } } }),
    '1.34',
    1,
  ],
  [
    'pss.hostProbesAndHostLifecycle',
    'probe host before 1.34',
    withContainer({ livenessProbe: { httpGet: { host: '10.0.0.1', port: 80 } } }),
    '1.33',
    0,
  ],
  [
    'pss.restrictedVolumes',
    'nfs',
    pod({ volumes: [{ name: 'n', nfs: { server: 's', path: '/' } }] }),
    'latest',
    1,
  ],
  [
    'pss.restrictedVolumes',
    'projected and pvc',
    pod({
      volumes: [
        { name: 'a', projected: {} },
        { name: 'b', persistentVolumeClaim: { claimName: 'c' } },
      ],
    }),
    'latest',
    0,
  ],
  ['pss.allowPrivilegeEscalation', 'unset', bare({ securityContext: {} }), 'latest', 1],
  ['pss.allowPrivilegeEscalation', 'not checked before 1.8', bare(C0), '1.7', 0],
  [
    'pss.allowPrivilegeEscalation',
    'Windows pods exempt from 1.25',
    bare(C0, { os: { name: 'windows' } }),
    '1.25',
    0,
  ],
  ['pss.allowPrivilegeEscalation', 'false', pod(), 'latest', 0],
  ['pss.runAsNonRoot', 'unset', bare(), 'latest', 1],
  ['pss.runAsNonRoot', 'pod-level true', bare({}, { securityContext: { runAsNonRoot: true } }), 'latest', 0],
  [
    'pss.runAsNonRoot',
    'container false overrides',
    bare({ securityContext: { runAsNonRoot: false } }, { securityContext: { runAsNonRoot: true } }),
    'latest',
    1,
  ],
  ['pss.runAsUser', 'UID 0 from 1.23', withSecurity({ runAsUser: 0 }), '1.23', 1],
  ['pss.runAsUser', 'UID 0 before 1.23', withSecurity({ runAsUser: 0 }), '1.22', 0],
  ['pss.seccompProfile_restricted', 'unset', bare(), 'latest', 1],
  [
    'pss.seccompProfile_restricted',
    'inherited from the pod',
    bare({}, { securityContext: { seccompProfile: { type: 'RuntimeDefault' } } }),
    'latest',
    0,
  ],
  ['pss.seccompProfile_restricted', 'not required before 1.19', bare(), '1.18', 0],
  ['pss.capabilities_restricted', 'no drop ALL', bare(), '1.22', 1],
  ['pss.capabilities_restricted', 'not required before 1.22', bare(), '1.21', 0],
  [
    'pss.capabilities_restricted',
    'adds NET_BIND_SERVICE only',
    withSecurity({ capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } }),
    'latest',
    0,
  ],
  [
    'pss.procMount_restricted',
    'Unmasked even with hostUsers false',
    withSecurity({ procMount: 'Unmasked' }, { hostUsers: false }),
    '1.35',
    1,
  ],
  [
    'pss.procMount_restricted',
    'not in restricted before 1.35',
    withSecurity({ procMount: 'Unmasked' }),
    '1.34',
    0,
  ],
];

describe('Pod Security Standards controls', () => {
  it.each(cases)('%s: %s (v%s) → %i', async (checkId, _what, object, version, count) => {
    const findings = await findingsOf(checkId, [object], { kubernetesVersion: version });
    expect(findings).toHaveLength(count);
  });

  it('has a failing and a passing case for every control', () => {
    for (const c of pssChecks) {
      expect(
        cases.some(([id, , , , n]) => id === c.id && n > 0),
        c.id,
      ).toBe(true);
      expect(
        cases.some(([id, , , , n]) => id === c.id && n === 0),
        c.id,
      ).toBe(true);
    }
  });

  it('applies to every workload kind', async () => {
    const kinds = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'ReplicationController'];
    const objects = kinds.map((kind) => ({
      ...deployment({ hostPID: true }),
      kind,
      metadata: { name: kind.toLowerCase(), namespace: 'default' },
    }));
    const findings = await findingsOf('pss.hostNamespaces', [
      ...objects,
      cronJob({ hostPID: true, containers: [] }),
      pod({ hostPID: true }),
    ]);
    expect(findings.map((f) => f.object.kind).sort()).toEqual([...kinds, 'CronJob', 'Pod'].sort());
    expect(findings.find((f) => f.object.kind === 'CronJob')?.path).toBe(
      'spec.jobTemplate.spec.template.spec.hostPID',
    );
  });

  it('reads versions and sysctl lists by version', () => {
    expect([minorOf('v1.29.3'), minorOf('1.30+'), minorOf(undefined)]).toEqual([29, 30, 37]);
    expect(allowedSysctls(26)).not.toContain('net.ipv4.ip_local_reserved_ports');
    expect(allowedSysctls(32)).toContain('net.ipv4.tcp_rmem');
  });
});
