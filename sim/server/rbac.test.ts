import { describe, expect, it } from 'vitest';
import type { KObject } from '../store/api';
import { builtinTypes } from '../store/builtin-types';
import { createClusterStore } from '../store/memory';
import { bootstrapRbac, clusterRoleBinding } from './bootstrap-rbac';
import { authorize, type Attributes } from './rbac';

const RBAC = 'rbac.authorization.k8s.io/v1';

function cluster() {
  const s = createClusterStore('rbac');
  for (const t of builtinTypes()) s.registerType(t);
  for (const o of bootstrapRbac())
    s.create(`${RBAC}/${o.kind === 'ClusterRole' ? 'clusterroles' : 'clusterrolebindings'}`, o);
  const role: KObject = {
    apiVersion: RBAC,
    kind: 'Role',
    metadata: { name: 'cm-editor', namespace: 'team' },
    rules: [
      { apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'update'], resourceNames: ['app-config'] },
      { apiGroups: ['apps'], resources: ['*/scale'], verbs: ['patch'] },
    ],
  };
  s.create(`${RBAC}/roles`, role);
  s.create(`${RBAC}/rolebindings`, {
    apiVersion: RBAC,
    kind: 'RoleBinding',
    metadata: { name: 'b', namespace: 'team' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'cm-editor' },
    subjects: [
      { kind: 'ServiceAccount', name: 'bot', namespace: 'team' },
      { kind: 'Group', name: 'devs' },
    ],
  });
  s.create(`${RBAC}/clusterroles`, {
    apiVersion: RBAC,
    kind: 'ClusterRole',
    metadata: { name: 'aggregated' },
    aggregationRule: { clusterRoleSelectors: [{ matchLabels: { 'example.com/aggregate': 'true' } }] },
  });
  s.create(`${RBAC}/clusterroles`, {
    apiVersion: RBAC,
    kind: 'ClusterRole',
    metadata: { name: 'piece', labels: { 'example.com/aggregate': 'true' } },
    rules: [{ apiGroups: ['batch'], resources: ['jobs'], verbs: ['create'] }],
  });
  s.create(
    `${RBAC}/clusterrolebindings`,
    clusterRoleBinding('agg', 'aggregated', [{ kind: 'User', name: 'carol' }]),
  );
  s.create(
    `${RBAC}/clusterrolebindings`,
    clusterRoleBinding('viewers', 'view', [{ kind: 'User', name: 'vera' }]),
  );
  return s;
}

const bot = {
  user: 'system:serviceaccount:team:bot',
  groups: ['system:serviceaccounts', 'system:authenticated'],
};

describe('RBAC evaluator', () => {
  const s = cluster();
  it.each<[string, { user: string; groups: string[] }, Attributes, boolean]>([
    [
      'role binding by service account, named resource',
      bot,
      { verb: 'get', group: '', resource: 'configmaps', name: 'app-config', namespace: 'team' },
      true,
    ],
    [
      'resourceNames restricts',
      bot,
      { verb: 'get', group: '', resource: 'configmaps', name: 'other', namespace: 'team' },
      false,
    ],
    [
      'role binding is namespaced',
      bot,
      { verb: 'get', group: '', resource: 'configmaps', name: 'app-config', namespace: 'prod' },
      false,
    ],
    [
      '*/scale subresource wildcard',
      { user: 'dan', groups: ['devs'] },
      { verb: 'patch', group: 'apps', resource: 'deployments', subresource: 'scale', namespace: 'team' },
      true,
    ],
    [
      'subresource is not the resource',
      { user: 'dan', groups: ['devs'] },
      { verb: 'patch', group: 'apps', resource: 'deployments', namespace: 'team' },
      false,
    ],
    [
      'aggregated cluster role',
      { user: 'carol', groups: [] },
      { verb: 'create', group: 'batch', resource: 'jobs', namespace: 'x' },
      true,
    ],
    [
      'view reads pods everywhere',
      { user: 'vera', groups: [] },
      { verb: 'list', group: '', resource: 'pods' },
      true,
    ],
    [
      'view cannot read secrets',
      { user: 'vera', groups: [] },
      { verb: 'get', group: '', resource: 'secrets', namespace: 'x' },
      false,
    ],
    [
      'view cannot write',
      { user: 'vera', groups: [] },
      { verb: 'delete', group: '', resource: 'pods', namespace: 'x' },
      false,
    ],
    [
      'system:masters may do anything',
      { user: 'root', groups: ['system:masters'] },
      { verb: 'delete', group: '', resource: 'nodes' },
      true,
    ],
    [
      'authenticated users may discover',
      { user: 'z', groups: ['system:authenticated'] },
      { verb: 'get', path: '/apis/apps/v1' },
      true,
    ],
    [
      'but not other paths',
      { user: 'z', groups: ['system:authenticated'] },
      { verb: 'get', path: '/metrics' },
      false,
    ],
    [
      'and may review themselves',
      { user: 'z', groups: ['system:authenticated'] },
      { verb: 'create', group: 'authorization.k8s.io', resource: 'selfsubjectaccessreviews' },
      true,
    ],
  ])('%s', (_name, id, attrs, want) => {
    expect(authorize(s, id, attrs).allowed).toBe(want);
  });
});
