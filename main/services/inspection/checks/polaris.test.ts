import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../shared/objects/types';
import { polarisChecks } from '../catalog';
import { deployment, findingsOf, obj, pod, withContainer, withSecurity } from './test-helpers';

type Case = [checkId: string, what: string, objects: KubeObject[], findings: number, path?: string];

const C0 = 'spec.containers[0]';
const rbac = 'rbac.authorization.k8s.io/v1';
const role = (kind: string, name: string, rules: unknown[], ns = 'default') =>
  obj(rbac, kind, name, { rules }, ns);
const binding = (kind: string, name: string, refKind: string, refName: string) =>
  obj(rbac, kind, name, {
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: refKind, name: refName },
    subjects: [{ kind: 'User', name: 'u' }],
  });
const exec = { apiGroups: [''], resources: ['pods/exec'], verbs: ['create'] };
const all = { apiGroups: ['*'], resources: ['*'], verbs: ['*'] };
const netpol = (types: string[], rules: Record<string, unknown>) =>
  obj('networking.k8s.io/v1', 'NetworkPolicy', 'np', {
    spec: { podSelector: { matchLabels: { app: 'web' } }, policyTypes: types, ...rules },
  });
const pdb = (spec: Record<string, unknown>) => obj('policy/v1', 'PodDisruptionBudget', 'pdb', { spec });
const hpa = (spec: Record<string, unknown>) =>
  obj('autoscaling/v2', 'HorizontalPodAutoscaler', 'hpa', {
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      maxReplicas: 10,
      ...spec,
    },
  });
const sa = (automount?: boolean) =>
  obj(
    'v1',
    'ServiceAccount',
    'default',
    automount === undefined ? {} : { automountServiceAccountToken: automount },
  );
const good = () =>
  pod({
    automountServiceAccountToken: false,
    priorityClassName: 'high',
    topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname' }],
  });

const cases: Case[] = [
  [
    'cpuRequestsMissing',
    'no cpu request',
    [withContainer({ resources: { limits: { cpu: '1' } } })],
    1,
    `${C0}.resources.requests.cpu`,
  ],
  ['cpuRequestsMissing', 'set', [good()], 0],
  [
    'cpuRequestsMissing',
    'init containers are exempt',
    [pod({ initContainers: [{ name: 'i', image: 'i:1' }] })],
    0,
  ],
  ['cpuLimitsMissing', 'no cpu limit', [withContainer({ resources: {} })], 1, `${C0}.resources.limits.cpu`],
  ['cpuLimitsMissing', 'set', [good()], 0],
  ['memoryRequestsMissing', 'none', [withContainer({ resources: {} })], 1],
  ['memoryRequestsMissing', 'set', [good()], 0],
  ['memoryLimitsMissing', 'none', [withContainer({ resources: {} })], 1],
  ['memoryLimitsMissing', 'set', [good()], 0],
  ['livenessProbeMissing', 'none', [withContainer({ livenessProbe: undefined })], 1, `${C0}.livenessProbe`],
  [
    'livenessProbeMissing',
    'jobs are exempt',
    [
      obj('batch/v1', 'Job', 'j', {
        spec: { template: { spec: { containers: [{ name: 'x', image: 'x:1' }] } } },
      }),
    ],
    0,
  ],
  ['livenessProbeMissing', 'set', [good()], 0],
  ['readinessProbeMissing', 'none', [withContainer({ readinessProbe: undefined })], 1],
  [
    'readinessProbeMissing',
    'init containers are exempt',
    [pod({ initContainers: [{ name: 'i', image: 'i:1' }] })],
    0,
  ],
  ['tagNotSpecified', 'no tag', [withContainer({ image: 'nginx' })], 1, `${C0}.image`],
  ['tagNotSpecified', 'latest', [withContainer({ image: 'nginx:latest' })], 1],
  ['tagNotSpecified', 'digest', [withContainer({ image: 'nginx@sha256:abc' })], 0],
  ['tagNotSpecified', 'tag', [good()], 0],
  [
    'tagNotSpecified',
    'a registry port counts as a colon (Polaris pattern)',
    [withContainer({ image: 'registry:5000/nginx' })],
    0,
  ],
  ['pullPolicyNotAlways', 'IfNotPresent', [withContainer({ imagePullPolicy: 'IfNotPresent' })], 1],
  ['pullPolicyNotAlways', 'Always', [good()], 0],
  [
    'hostPortSet',
    'host port',
    [withContainer({ ports: [{ containerPort: 80, hostPort: 80 }] })],
    1,
    `${C0}.ports[0].hostPort`,
  ],
  ['hostPortSet', 'container port only', [withContainer({ ports: [{ containerPort: 80 }] })], 0],
  [
    'runAsPrivileged',
    'privileged',
    [withSecurity({ privileged: true })],
    1,
    `${C0}.securityContext.privileged`,
  ],
  ['runAsPrivileged', 'not', [good()], 0],
  ['privilegeEscalationAllowed', 'unset', [withSecurity({ allowPrivilegeEscalation: undefined })], 1],
  ['privilegeEscalationAllowed', 'false', [good()], 0],
  ['notReadOnlyRootFilesystem', 'unset', [withSecurity({ readOnlyRootFilesystem: undefined })], 1],
  ['notReadOnlyRootFilesystem', 'true', [good()], 0],
  ['runAsRootAllowed', 'nothing set', [withSecurity({ runAsNonRoot: undefined })], 1],
  [
    'runAsRootAllowed',
    'pod-level runAsNonRoot',
    [withSecurity({ runAsNonRoot: undefined }, { securityContext: { runAsNonRoot: true } })],
    0,
  ],
  [
    'runAsRootAllowed',
    'container overrides pod with false',
    [withSecurity({ runAsNonRoot: false }, { securityContext: { runAsNonRoot: true } })],
    1,
  ],
  [
    'runAsRootAllowed',
    'pod non-root undone by container UID 0',
    [withSecurity({ runAsNonRoot: undefined, runAsUser: 0 }, { securityContext: { runAsNonRoot: true } })],
    1,
  ],
  ['runAsRootAllowed', 'non-zero runAsUser', [withSecurity({ runAsNonRoot: undefined, runAsUser: 1000 })], 0],
  ['dangerousCapabilities', 'SYS_ADMIN', [withSecurity({ capabilities: { add: ['SYS_ADMIN'] } })], 1],
  ['dangerousCapabilities', 'none', [good()], 0],
  [
    'insecureCapabilities',
    'drop ALL with an added capability passes (only drops count, as Polaris)',
    [withSecurity({ capabilities: { add: ['NET_RAW'], drop: ['ALL'] } })],
    0,
  ],
  [
    'insecureCapabilities',
    'drops nothing',
    [withSecurity({ capabilities: {} })],
    1,
    `${C0}.securityContext.capabilities.drop`,
  ],
  ['insecureCapabilities', 'drops all (any case)', [withSecurity({ capabilities: { drop: ['all'] } })], 0],
  ['linuxHardening', 'nothing', [withSecurity({ seccompProfile: undefined, capabilities: {} })], 1],
  [
    'linuxHardening',
    'pod seccomp',
    [
      withSecurity(
        { seccompProfile: undefined, capabilities: {} },
        { securityContext: { seccompProfile: { type: 'RuntimeDefault' } } },
      ),
    ],
    0,
  ],
  ['linuxHardening', 'drop ALL', [withSecurity({ seccompProfile: undefined })], 0],
  [
    'sensitiveContainerEnvVar',
    'literal password',
    [withContainer({ env: [{ name: 'DB_PASSWORD', value: 'x' }] })],
    1,
    `${C0}.env[0].value`,
  ],
  [
    'sensitiveContainerEnvVar',
    'from a secret',
    [withContainer({ env: [{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }] })],
    0,
  ],
  [
    'sensitiveContainerEnvVar',
    'Azure key name',
    [withContainer({ env: [{ name: 'AZURE_STORAGE_KEY', value: 'x' }] })],
    1,
  ],
  ['sensitiveContainerEnvVar', 'harmless', [withContainer({ env: [{ name: 'GREETING', value: 'hi' }] })], 0],
  ['procMount', 'Unmasked', [withSecurity({ procMount: 'Unmasked' })], 1],
  ['procMount', 'default', [good()], 0],
  ['hostIPCSet', 'hostIPC', [pod({ hostIPC: true })], 1, 'spec.hostIPC'],
  ['hostIPCSet', 'no', [good()], 0],
  ['hostPIDSet', 'hostPID', [pod({ hostPID: true })], 1],
  ['hostPIDSet', 'no', [good()], 0],
  [
    'hostNetworkSet',
    'in a deployment',
    [deployment({ hostNetwork: true })],
    1,
    'spec.template.spec.hostNetwork',
  ],
  ['hostNetworkSet', 'no', [good()], 0],
  [
    'hostPathSet',
    'hostPath volume',
    [pod({ volumes: [{ name: 'h', hostPath: { path: '/var' } }] })],
    1,
    'spec.volumes[0].hostPath',
  ],
  ['hostPathSet', 'emptyDir', [pod({ volumes: [{ name: 'e', emptyDir: {} }] })], 0],
  ['hostProcess', 'container hostProcess', [withSecurity({ windowsOptions: { hostProcess: true } })], 1],
  ['hostProcess', 'none', [good()], 0],
  ['priorityClassNotSet', 'none', [pod()], 1, 'spec.priorityClassName'],
  ['priorityClassNotSet', 'set', [good()], 0],
  [
    'tlsSettingsMissing',
    'empty tls list is present (Polaris requires the field only)',
    [obj('networking.k8s.io/v1', 'Ingress', 'i', { spec: { tls: [] } })],
    0,
  ],
  ['topologySpreadConstraint', 'empty list', [pod({ topologySpreadConstraints: [] })], 1],
  ['topologySpreadConstraint', 'set', [good()], 0],
  [
    'topologySpreadConstraint',
    'unknown topologyKey',
    [pod({ topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'rack' }] })],
    1,
  ],
  [
    'topologySpreadConstraint',
    'jobs are exempt',
    [obj('batch/v1', 'Job', 'j', { spec: { template: { spec: { containers: [] } } } })],
    0,
  ],
  ['automountServiceAccountToken', 'default ServiceAccount mounts', [pod(), sa()], 1],
  ['automountServiceAccountToken', 'ServiceAccount opts out', [pod(), sa(false)], 0],
  [
    'automountServiceAccountToken',
    'pod true overrides the ServiceAccount',
    [pod({ automountServiceAccountToken: true }), sa(false)],
    1,
  ],
  ['automountServiceAccountToken', 'pod false', [good()], 0],
  ['missingNetworkPolicy', 'no policy', [deployment()], 1],
  ['missingNetworkPolicy', 'ingress only', [deployment(), netpol(['Ingress'], { ingress: [{}] })], 1],
  [
    'missingNetworkPolicy',
    'ingress and egress',
    [deployment(), netpol(['Ingress', 'Egress'], { ingress: [{}], egress: [{}] })],
    0,
  ],
  ['missingPodDisruptionBudget', 'none', [deployment()], 1],
  [
    'missingPodDisruptionBudget',
    'matching PDB',
    [deployment(), pdb({ minAvailable: 1, selector: { matchLabels: { app: 'web' } } })],
    0,
  ],
  ['deploymentMissingReplicas', 'one replica', [deployment({}, { replicas: 1 })], 1, 'spec.replicas'],
  ['deploymentMissingReplicas', 'three', [deployment()], 0],
  [
    'deploymentMissingReplicas',
    'replicas unset (Polaris requires the field)',
    [deployment({}, { replicas: undefined })],
    1,
  ],
  [
    'deploymentMissingReplicas',
    'an HPA does not excuse one replica (as Polaris)',
    [deployment({}, { replicas: 1 }), hpa({ minReplicas: 2 })],
    1,
  ],
  ['metadataAndInstanceMismatched', 'missing label', [pod()], 1],
  ['metadataAndInstanceMismatched', 'matches', [deployment()], 0],
  [
    'pdbMinAvailableGreaterThanHPAMinReplicas',
    'minAvailable above minReplicas',
    [
      deployment(),
      hpa({ minReplicas: 2 }),
      pdb({ minAvailable: 3, selector: { matchLabels: { app: 'web' } } }),
    ],
    1,
  ],
  [
    'pdbMinAvailableGreaterThanHPAMinReplicas',
    'below',
    [
      deployment(),
      hpa({ minReplicas: 3 }),
      pdb({ minAvailable: 2, selector: { matchLabels: { app: 'web' } } }),
    ],
    0,
  ],
  ['hpaMaxAvailability', 'max = min', [hpa({ minReplicas: 5, maxReplicas: 5 })], 1],
  ['hpaMaxAvailability', 'max > min', [hpa({ minReplicas: 2 })], 0],
  ['hpaMinAvailability', 'minReplicas 1', [hpa({ minReplicas: 1 })], 1],
  ['hpaMinAvailability', 'minReplicas 2', [hpa({ minReplicas: 2 })], 0],
  ['pdbDisruptionsIsZero', 'maxUnavailable 0', [pdb({ maxUnavailable: 0 })], 1, 'spec.maxUnavailable'],
  ['pdbDisruptionsIsZero', 'minAvailable 1', [pdb({ minAvailable: 1 })], 0],
  ['tlsSettingsMissing', 'no tls', [obj('networking.k8s.io/v1', 'Ingress', 'i', { spec: { rules: [] } })], 1],
  [
    'tlsSettingsMissing',
    'tls',
    [obj('networking.k8s.io/v1', 'Ingress', 'i', { spec: { tls: [{ hosts: ['a'] }] } })],
    0,
  ],
  [
    'sensitiveConfigmapContent',
    'password key',
    [obj('v1', 'ConfigMap', 'cm', { data: { db_password: 'x' } })],
    1,
    'data.db_password',
  ],
  [
    'sensitiveConfigmapContent',
    'private key value',
    [obj('v1', 'ConfigMap', 'cm', { data: { k: '-----BEGIN RSA PRIVATE KEY-----' } })],
    1,
  ],
  ['sensitiveConfigmapContent', 'harmless', [obj('v1', 'ConfigMap', 'cm', { data: { greeting: 'hi' } })], 0],
  ['clusterrolePodExecAttach', 'exec', [role('ClusterRole', 'r', [exec])], 1, 'rules[0]'],
  [
    'clusterrolePodExecAttach',
    'list pods only',
    [role('ClusterRole', 'r', [{ apiGroups: [''], resources: ['pods'], verbs: ['list'] }])],
    0,
  ],
  ['rolePodExecAttach', 'wildcards', [role('Role', 'r', [all])], 1],
  ['rolePodExecAttach', 'system: prefix exempt', [role('Role', 'system:r', [all])], 0],
  [
    'clusterrolebindingClusterAdmin',
    'binds cluster-admin',
    [binding('ClusterRoleBinding', 'b', 'ClusterRole', 'cluster-admin')],
    1,
    'roleRef',
  ],
  [
    'clusterrolebindingClusterAdmin',
    'binds a narrow role',
    [
      binding('ClusterRoleBinding', 'b', 'ClusterRole', 'view'),
      role('ClusterRole', 'view', [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }]),
    ],
    0,
  ],
  [
    'rolebindingClusterAdminClusterRole',
    'admin-like ClusterRole',
    [binding('RoleBinding', 'b', 'ClusterRole', 'x'), role('ClusterRole', 'x', [all])],
    1,
  ],
  [
    'rolebindingClusterAdminClusterRole',
    'binds a Role instead',
    [binding('RoleBinding', 'b', 'Role', 'x'), role('Role', 'x', [all])],
    0,
  ],
  [
    'rolebindingClusterAdminRole',
    'admin-like Role',
    [binding('RoleBinding', 'b', 'Role', 'x'), role('Role', 'x', [all])],
    1,
  ],
  [
    'rolebindingClusterAdminRole',
    'narrow Role',
    [binding('RoleBinding', 'b', 'Role', 'x'), role('Role', 'x', [exec])],
    0,
  ],
  [
    'clusterrolebindingPodExecAttach',
    'exec ClusterRole',
    [binding('ClusterRoleBinding', 'b', 'ClusterRole', 'x'), role('ClusterRole', 'x', [exec])],
    1,
  ],
  [
    'clusterrolebindingPodExecAttach',
    'missing ClusterRole counts',
    [binding('ClusterRoleBinding', 'b', 'ClusterRole', 'x')],
    1,
  ],
  [
    'clusterrolebindingPodExecAttach',
    'narrow',
    [
      binding('ClusterRoleBinding', 'b', 'ClusterRole', 'x'),
      role('ClusterRole', 'x', [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }]),
    ],
    0,
  ],
  [
    'rolebindingClusterRolePodExecAttach',
    'exec ClusterRole',
    [binding('RoleBinding', 'b', 'ClusterRole', 'x'), role('ClusterRole', 'x', [exec])],
    1,
  ],
  [
    'rolebindingClusterRolePodExecAttach',
    'exec verb wrong',
    [
      binding('RoleBinding', 'b', 'ClusterRole', 'x'),
      role('ClusterRole', 'x', [{ ...exec, verbs: ['list'] }]),
    ],
    0,
  ],
  [
    'rolebindingRolePodExecAttach',
    'exec Role',
    [binding('RoleBinding', 'b', 'Role', 'x'), role('Role', 'x', [exec])],
    1,
  ],
  [
    'rolebindingRolePodExecAttach',
    'calico binding exempt',
    [binding('RoleBinding', 'gce:podsecuritypolicy:calico-sa', 'Role', 'x'), role('Role', 'x', [exec])],
    0,
  ],
];

describe('Polaris checks', () => {
  it.each(cases)('%s: %s → %i finding(s)', async (checkId, _what, objects, count, path) => {
    const findings = await findingsOf(checkId, objects);
    expect(findings).toHaveLength(count);
    if (path) expect(findings[0]?.path).toBe(path);
    for (const f of findings) expect(f.message.length).toBeGreaterThan(5);
  });

  it('has a failing and a passing case for every Polaris check', () => {
    for (const c of polarisChecks) {
      expect(
        cases.some(([id, , , n]) => id === c.id && n > 0),
        `${c.id} fails somewhere`,
      ).toBe(true);
      expect(
        cases.some(([id, , , n]) => id === c.id && n === 0),
        `${c.id} passes somewhere`,
      ).toBe(true);
    }
  });
});

describe('controller ownership', () => {
  it('reports a Deployment once, not again on its ReplicaSet and pods', async () => {
    const dep = deployment({ hostPID: true });
    const owner = (kind: string, name: string) => [
      { apiVersion: 'apps/v1', kind, name, uid: name, controller: true },
    ];
    const rs = {
      ...deployment({ hostPID: true }),
      kind: 'ReplicaSet',
      metadata: { name: 'web-1', namespace: 'default', ownerReferences: owner('Deployment', 'web') },
    };
    const p = pod({ hostPID: true }, { name: 'web-1-abc', ownerReferences: owner('ReplicaSet', 'web-1') });
    const findings = await findingsOf('hostPIDSet', [dep, rs, p]);
    expect(findings.map((f) => f.object.kind)).toEqual(['Deployment']);
    // An owned pod whose owner is not in scope is still judged.
    const alone = await findingsOf('hostPIDSet', [p]);
    expect(alone.map((f) => f.object.kind)).toEqual(['Pod']);
  });
});
