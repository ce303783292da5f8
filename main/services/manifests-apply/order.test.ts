import { describe, expect, it } from 'vitest';
import { applyRank, kindsServedBy, LAST_RANK, sortForApply } from './order';

const o = (kind: string, name = kind.toLowerCase()) => ({ object: { kind, metadata: { name } } });

describe('sortForApply', () => {
  it('puts namespaces and CRDs first, workloads after what they use, the rest last', () => {
    const given = [
      'Ingress',
      'Deployment',
      'Service',
      'RoleBinding',
      'Secret',
      'ConfigMap',
      'ClusterRole',
      'Widget',
      'ServiceAccount',
      'CustomResourceDefinition',
      'HorizontalPodAutoscaler',
      'StorageClass',
      'Namespace',
      'StatefulSet',
      'Role',
      'PersistentVolumeClaim',
      'ClusterRoleBinding',
    ].map((k) => o(k));
    expect(sortForApply(given).map((x) => x.object.kind)).toEqual([
      'CustomResourceDefinition',
      'Namespace',
      'ClusterRole',
      'StorageClass',
      'Secret',
      'ConfigMap',
      'ServiceAccount',
      'PersistentVolumeClaim',
      'RoleBinding',
      'Role',
      'ClusterRoleBinding',
      'Service',
      'Deployment',
      'StatefulSet',
      'Ingress',
      'Widget',
      'HorizontalPodAutoscaler',
    ]);
  });

  it('keeps the given order within one rank', () => {
    const given = [o('Deployment', 'b'), o('Namespace', 'x'), o('Deployment', 'a'), o('Pod', 'p')];
    expect(sortForApply(given).map((x) => x.object.metadata.name)).toEqual(['x', 'b', 'a', 'p']);
  });

  it.each([
    ['Namespace', 0],
    ['CustomResourceDefinition', 0],
    ['ClusterRole', 1],
    ['ConfigMap', 2],
    ['ClusterRoleBinding', 3],
    ['Service', 4],
    ['CronJob', 5],
    ['NetworkPolicy', LAST_RANK],
    ['ValidatingWebhookConfiguration', LAST_RANK],
  ])('%s has rank %i', (kind, rank) => expect(applyRank(kind)).toBe(rank));
});

describe('kindsServedBy', () => {
  it('maps group/kind to the CRD name and ignores other objects', () => {
    const crd = {
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com' },
      spec: { group: 'example.com', names: { kind: 'Widget', plural: 'widgets' } },
    };
    expect([...kindsServedBy([crd, { kind: 'ConfigMap', metadata: { name: 'x' } }])]).toEqual([
      ['example.com/Widget', 'widgets.example.com'],
    ]);
  });
});
